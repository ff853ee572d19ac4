#!/bin/sh
# The explorer in tmux: folds: each fold's optimum on the slider, the bands, o for the folds' ROC curves.
# Usage: tests/e2e/folds.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- folds: each fold's optimum on the slider, the bands, o for the folds' ROC curves -----------
BF="-p malignant -l diagnosis -s logreg samples/breast_cancer_folds.csv"
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN $BF; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	[ "${size% *}" = 80 ] && tm send-keys -t e v v v
	sleep 0.4
	screen >"$T/plain"
	tm send-keys -t e q
	after_exit "q without folds" 0
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN --fold fold $BF; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	[ "${size% *}" = 80 ] && tm send-keys -t e v v v
	sleep 0.4
	screen >"$T/folds"
	digits=$(sed -n 3p "$T/folds" | tr -cd '12345' | fold -w1 | sort -u | wc -l)
	[ "$digits" -ge 4 ] && ok || bad "${size% *} cols: the folds' optima are not on the slider: $(sed -n 3p "$T/folds")"
	# the metrics plot has the bands: its rows differ from the same plot without folds
	rows=6,16
	[ "${size% *}" = 160 ] && rows=29,47 # the metrics plot is the fourth, bottom right
	[ "$(sed -n "${rows}p" "$T/plain" | md5sum)" != "$(sed -n "${rows}p" "$T/folds" | md5sum)" ] && ok ||
		bad "${size% *} cols: no fold bands on the metrics plot"
	CN_FILE=samples/breast_cancer_folds.csv check_numbers "${size% *} cols with --fold"
	# o: each fold's ROC curve under the pooled one
	[ "${size% *}" = 80 ] && { tm send-keys -t e v v v v; sleep 0.3; }
	before=$(screen | sed -n '6,20p' | md5sum)
	tm send-keys -t e o
	sleep 0.4
	[ "$(screen | sed -n '6,20p' | md5sum)" != "$before" ] && ok || bad "${size% *} cols: o drew no fold curves"
	tm send-keys -t e q
	after_exit "q with --fold" 0
done

echo "e2e folds: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
