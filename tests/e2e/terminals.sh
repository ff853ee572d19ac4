#!/bin/sh
# The explorer in tmux: terminals without the means: dumb gets the report, vt100 is cleared.
# Usage: tests/e2e/terminals.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- terminals without the means: dumb gets the report, vt100 is cleared -----------------
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb
tm send-keys -t e "clear; $BIN -p malignant -l diagnosis -s logreg $BC 2>$T/dumb.err; echo EXIT=\$?" Enter
if wait_for "EXIT=[0-9]"; then
	screen | grep -q "EXIT=0" && ok || bad "TERM=dumb: $(screen | grep -o 'EXIT=[0-9]*'), expected EXIT=0"
	screen | grep -q "^5 of its 209 alarms are false (benign)." && ok || bad "TERM=dumb: no text report"
else
	tm send-keys -t e q
fi
[ "$(wc -l <"$T/dumb.err")" -eq 1 ] && grep -q "TERM=dumb cannot place the cursor" "$T/dumb.err" && ok ||
	bad "TERM=dumb: no one-line note: $(cat "$T/dumb.err")"
for term in vt100 vt220 screen xterm; do
	shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$term
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	tm send-keys -t e Right
	sleep 0.2
	check_numbers "TERM=$term"
	tm send-keys -t e q
	wait_for "EXIT=[0-9]"
	screen | grep -q "EXIT=0" && ok || bad "TERM=$term: q: $(screen | grep -o 'EXIT=[0-9]*')"
	screen | grep -q "Confusion matrix\|threshold 0" && bad "TERM=$term: the explorer's screen is left behind" || ok
done

echo "e2e terminals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
