#!/bin/sh
# The explorer in tmux: model names that differ only at the end stay apart.
# Usage: tests/e2e/names.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- model names that differ only at the end stay apart -----------------------------------
awk 'BEGIN { srand(3); print "y,churn_model_calibrated_prob_v1,churn_model_calibrated_prob_v2";
	for (i = 0; i < 400; i++) { y = rand() < 0.3; printf "%d,%.4f,%.4f\n", y, rand() * 0.6 + 0.4 * y, rand() * 0.5 + 0.5 * y } }' \
	>"$T/long_names.csv"
for size in "60 20" "80 24" "100 30"; do
	# shellcheck disable=SC2086
	shell $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -s churn_model_calibrated_prob_v1,churn_model_calibrated_prob_v2 $T/long_names.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	head1=$(screen | head -1)
	tm send-keys -t e m
	sleep 0.3
	head2=$(screen | head -1)
	echo "$head1" | grep -q "_v1 (1/2)" && echo "$head2" | grep -q "_v2 (2/2)" && ok ||
		bad "${size}: model names not told apart: '$head1' / '$head2'"
	echo "$head2" | grep -q "positive 129 (32.25%)$" && ok || bad "${size}: header cut: '$head2'"
	if [ "${size% *}" -ge 80 ]; then
		tm send-keys -t e o
		sleep 0.3
		screen | grep -q "[━*] [^ ]*_v1\b" && screen | grep -q "[╍+] [^ ]*_v2\b" &&
			ok || bad "${size}: overlay legend does not tell the models apart"
	fi
	tm send-keys -t e q
	wait_for "EXIT=[0-9]"
done

echo "e2e names: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
