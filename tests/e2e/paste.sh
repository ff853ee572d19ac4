#!/bin/sh
# The explorer in tmux: a runaway paste into the command line: capped, and the explorer stays responsive.
# Usage: tests/e2e/paste.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- a runaway paste into the command line: capped, and the explorer stays responsive -------
head -c 100000 /dev/zero | tr '\0' 'a' >"$T/paste.txt"
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e ':'
sleep 0.1
tm load-buffer "$T/paste.txt"
tm paste-buffer -t e
wait_for "the command line holds at most 8192 bytes" && ok
screen | tail -1 | grep -q "^:…a*$" && ok || bad "100 KB paste: the line does not show its end: $(screen | tail -1 | cut -c1-40)"
tm send-keys -t e Escape
sleep 0.2
before=$(threshold)
tm send-keys -t e Right
i=0
while [ "$(threshold)" = "$before" ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(threshold)" != "$before" ] && ok || bad "100 KB paste: the explorer did not answer within 3 s"
tm send-keys -t e q
after_exit "q after a paste" 0

echo "e2e paste: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
