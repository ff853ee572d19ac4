#!/bin/sh
# The explorer in tmux: against: the reference's operating point, the change column, the words.
# Usage: tests/e2e/against.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- --against: the reference's operating point, the change column, the words ---------------------
DR=tests/reference/drift
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --against $DR/bc_ref.csv $DR/bc_cur.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | head -1 | grep -q "vs bc_ref.csv" && ok || bad "${size% *} cols --against: the header does not name the reference"
	screen | grep -q "Metrics  .*change since \(the reference\|ref\.\)" && ok || bad "${size% *} cols --against: no change column"
	CN_FILE=$DR/bc_cur.csv check_numbers "${size% *} cols --against"
	# the change column: current minus reference, as --report on each file says
	thr=$(threshold)
	p_ref=$("$BIN" --report --format json -p malignant -l diagnosis -s logreg -t "$thr" $DR/bc_ref.csv 2>/dev/null |
		sed -n 's/^  "precision": \(.*\),$/\1/p')
	p_cur=$("$BIN" --report --format json -p malignant -l diagnosis -s logreg -t "$thr" $DR/bc_cur.csv 2>/dev/null |
		sed -n 's/^  "precision": \(.*\),$/\1/p')
	want=$(awk -v a="$p_ref" -v b="$p_cur" 'BEGIN { s = sprintf("%+.1g", b - a); sub(/^\+0\./, "+.", s); sub(/^-0\./, "-.", s); print s }')
	screen | grep -q "^precision  *[0-9.]* $want" && ok || bad "${size% *} cols --against: precision's change is not $want: $(screen | grep '^precision')"
	if [ "${size% *}" = 160 ]; then
		# the reference's operating point on the ROC plot, R
		screen | sed -n '6,27p' | cut -c47-103 | grep -q "R" && ok || bad "160 cols --against: no R on the ROC plot"
	fi
	tm send-keys -t e e
	wait_for "In plain words"
	screen | tr '\n' ' ' | tr -s ' ' | grep -q "Since the reference, precision fell from" && ok ||
		bad "${size% *} cols --against: the plain-language view does not say what changed"
	tm send-keys -t e q
	after_exit "q with --against" 0
done


echo "e2e against: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
