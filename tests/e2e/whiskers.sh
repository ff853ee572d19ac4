#!/bin/sh
# The explorer in tmux: whiskers across the operating point's intervals (ROC: FPR and TPR; PR: recall, precision).
# Usage: tests/e2e/whiskers.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- whiskers across the operating point's intervals (ROC: FPR and TPR; PR: recall, precision)
shell 120 40 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l is_eight -s logreg_logit samples/digits_is_8.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(screen | grep -c '─◉\|◉─')" -ge 2 ] && ok || bad "no horizontal whiskers at the operating points"
# the vertical one: a whisker cell right above or below the point, in its column
col=$(($(screen | grep -m1 "─◉" | LC_ALL=C.UTF-8 sed "s/◉.*//" | LC_ALL=C.UTF-8 wc -m) - 1)) # wc counts the line break
[ "$(screen | LC_ALL=C.UTF-8 sed -nE "s/^.{$col}(.).*/\1/p" | grep -c '│\|◉')" -ge 2 ] && ok ||
	bad "no vertical whisker at column $col"
tm send-keys -t e q
after_exit "q (whiskers)" 0

echo "e2e whiskers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
