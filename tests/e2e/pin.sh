#!/bin/sh
# The explorer in tmux: today's threshold pinned (p, :pin, --baseline): P
# on the slider, and the plain words' comparison equal to --report
# --baseline's sentence at the thresholds shown; :pin off; at 80x24 the
# metrics' arrows say since the pin.  At 80x24, 100x30 and 160x50.
# Usage: tests/e2e/pin.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }

# the screen's comparison (its wrapped lines joined) is the report's
same_sentence() { # BASELINE
	want=$("$BIN" -p malignant -l diagnosis -s logreg -t "$(threshold)" --baseline "$1" --report "$BC" 2>/dev/null |
		grep "^Compared with")
	# the left column only: the plots beside it share the lines
	screen | python3 -c 'import sys; print(" ".join(l[:46] for l in sys.stdin.read().split("\n")))' | tr -s ' ' |
		grep -qF "$want"
}

for size in "100 30" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	key p
	screen | sed -n 2p | grep -q P && ok || bad "$size: no P on the slider"
	key Left Left Left
	same_sentence 0.5 && ok || bad "$size: p, then 3 steps: $(screen | grep -A2 'In plain')"
	key PgUp
	same_sentence 0.5 && ok || bad "$size: PgUp: $(screen | grep -A2 'In plain')"
	type_cmd "pin 0.2"
	key Enter
	same_sentence 0.2 && ok || bad "$size: :pin 0.2"
	type_cmd "pin off"
	key Enter
	screen | grep -q "Compared with" && bad "$size: :pin off" || ok
	key q
	after_exit "q (pin $size)" 0
done

# 80x24 has no room for the plain words: the metrics say since the pin
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key p Left Left Left
screen | grep -q "^Metrics  ▲▼ since the pin 0.5" && screen | sed -n 2p | grep -q P && ok ||
	bad "80x24: $(screen | grep '^Metrics')"
key q
after_exit "q (pin 80x24)" 0

# --baseline opens pinned
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --baseline 0.3 $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
same_sentence 0.3 && screen | sed -n 2p | grep -q P && ok || bad "--baseline: $(screen | grep -A2 'In plain')"
key q
after_exit "q (--baseline)" 0

echo "e2e pin: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
