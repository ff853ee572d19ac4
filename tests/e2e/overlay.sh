#!/bin/sh
# The explorer in tmux: the overlay legend: each model's AUC and the paired test against the one on screen (300x80).
# Usage: tests/e2e/overlay.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- the overlay legend: each model's AUC and the paired test against the one on screen (300x80)
start 300 80 LANG=C.UTF-8 LC_ALL=C.UTF-8
# from 200 columns the metrics carry their intervals in a column (--report's, to 4 digits)
screen | grep -q "^precision   0.9761      0.9452-0.9897      F1" && screen | grep -q "^ROC AUC     0.9954      0.9904-1.000 " &&
	ok || bad "300x80: no interval column: $(screen | grep '^precision')"
tm send-keys -t e o
sleep 0.3
screen | grep -q "━ logreg 0.9954 *│\|━ logreg 0.9954$" && ok || bad "300x80: no AUC in the legend: $(screen | grep -m1 '━ logreg')"
# pROC: logreg - naive_bayes = 0.01336, p = 0.0031260
screen | grep -q "╍ naive_bayes 0.9820 -.013 p .0031" && ok || bad "300x80: no paired test in the legend: $(screen | grep -m1 '╍ naive')"
tm send-keys -t e m
sleep 0.3
screen | grep -q "━ logreg 0.9954 +.013 p .0031" && ok || bad "300x80: the test does not follow the model on screen"
tm send-keys -t e q
after_exit "q (legend)" 0

echo "e2e overlay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
