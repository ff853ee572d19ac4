#!/bin/sh
# The explorer in tmux: how sure: the AUC's interval in the ROC title, half-widths in the metrics.
# Usage: tests/e2e/intervals.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- how sure: the AUC's interval in the ROC title, half-widths in the metrics ---------------
for size in "80 24" "160 50"; do
	# shellcheck disable=SC2086
	start $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	"$BIN" --report --format json -p malignant -l diagnosis -s logreg "$BC" >"$T/json" 2>/dev/null
	want=$(sed -n 's/^  "roc_auc_ci": \[\(.*\), \(.*\)\]$/\1 \2/p' "$T/json" |
		awk '{ printf "(%#.4g-%#.4g)", $1, $2 }' | sed 's/1.000)$/1.000)/')
	screen | grep -qF "ROC AUC 0.9954 $want" && ok || bad "$size: ROC title lacks the AUC interval $want: $(screen | sed -n 5p)"
	hw=$(sed -n 's/^  "precision_ci": \[\(.*\), \(.*\)\],$/\1 \2/p' "$T/json" | awk '{ printf "%.1g", ($2 - $1) / 2 }' | sed 's/^0//')
	screen | grep -q "^precision   0.9761±$hw " && ok || bad "$size: precision's half-width ±$hw not shown: $(screen | grep '^precision')"
	# :set conf 0.9: pROC's 90% interval is 0.99120516 to 0.99951943
	type_cmd "set conf 0.9"
	tm send-keys -t e Enter
	sleep 0.3
	screen | grep -q "ROC AUC 0.9954 (0.9912-0.9995)" && ok || bad "$size: :set conf 0.9 did not change the AUC interval"
	tm send-keys -t e q
	after_exit "q (intervals)" 0
done

echo "e2e intervals: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
