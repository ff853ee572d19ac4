#!/bin/sh
# The explorer in tmux: plain ASCII, no colour.
# Usage: tests/e2e/ascii.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- plain ASCII, no colour ------------------------------------------------------------------------
start 80 24 LC_ALL=C NO_COLOR=1 TERM=tmux-256color
screen | grep -q "^\[---" && ok || bad "LC_ALL=C: no ASCII slider"
screen | LC_ALL=C grep -q '[^ -~]' && bad "LC_ALL=C: non-ASCII on screen" || ok
# monochrome: no colour, but reverse video for the knob and the error cells
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\[3[1-7]m" && bad "NO_COLOR: colour on screen" || ok
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\[7m\|$(printf '\033')\[[0-9;]*;7m" && ok || bad "NO_COLOR: no reverse video"
tm send-keys -t e Right Right
sleep 0.3
check_numbers "ASCII after keys"
# the command line in a plain ASCII locale
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e -l "t 0.6"
sleep 0.1
screen | tail -1 | grep -q '^:t 0.6$' && ok || bad "LC_ALL=C: command line shows '$(screen | tail -1)'"
tm send-keys -t e Enter
sleep 0.3
[ "$(threshold)" = "0.6" ] && ok || bad "LC_ALL=C: :t 0.6 gave $(threshold)"
check_numbers "ASCII after :t 0.6"
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e -l "exp"
tm send-keys -t e Tab
sleep 0.2
screen | tail -1 | grep -q '^:exp' && ok || bad "LC_ALL=C: completion broke the line"
tm send-keys -t e Escape
sleep 0.3
screen | LC_ALL=C grep -q '[^ -~]' && bad "LC_ALL=C: non-ASCII on screen after the command line" || ok
tm send-keys -t e q
after_exit "q (ASCII)" 0

echo "e2e ascii: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
