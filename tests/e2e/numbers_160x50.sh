#!/bin/sh
# The explorer in tmux: 160x50, UTF-8.
# Usage: tests/e2e/numbers_160x50.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- 160x50, UTF-8 ----------------------------------------------------------------------
start 160 50 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
screen | grep -q "ROC AUC [0-9.]* ([0-9.]*-[0-9.]*)" && screen | grep -q "PR  AP [0-9.]*   recall [0-9.]*  precision [0-9.]*$" &&
	screen | grep -q "^Scores\| Scores " &&
	ok || bad "160x50: not all four plots"
check_numbers "160x50 start"
tm send-keys -t e Left Left PPage NPage j
sleep 0.3
check_numbers "160x50 after keys"
# a click far right on the slider (SGR works past column 95 here)
send_sgr 0 150 3 M
send_sgr 0 150 3 m
sleep 0.3
check_numbers "160x50 after a click at column 150"
# press and release in one write (as they often arrive over ssh): a click
before=$(threshold)
tm send-keys -t e -l "$(printf '\033[<0;40;3M\033[<0;40;3m')"
sleep 0.3
[ "$(threshold)" != "$before" ] && ok || bad "xterm-256color: a one-write click did nothing"
check_numbers "160x50 after a one-write click"
# the wheel, the same way
before=$(threshold)
tm send-keys -t e -l "$(printf '\033[<64;40;3M')"
sleep 0.3
[ "$(threshold)" != "$before" ] && ok || bad "xterm-256color: the wheel did nothing"
tm send-keys -t e C-c
after_exit "Ctrl-C" 130

echo "e2e numbers_160x50: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
