#!/bin/sh
# The explorer in tmux: a long path: the header keeps the file's name, shortened from the left.
# Usage: tests/e2e/long_path.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- a long path: the header keeps the file's name, shortened from the left -----------------
LONGDIR="$T/a_directory_with_a_rather_long_name_for_testing/another_level_of_folders_that_goes_on/and_one_more_for_good_measure"
mkdir -p "$LONGDIR"
cp "$BC" "$LONGDIR/wine_scores.csv"
for size in "60 20" "80 24"; do
	# shellcheck disable=SC2086
	shell $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $LONGDIR/wine_scores.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | head -1 | grep -q "wine_scores.csv  logreg  n 569  malignant 212 (37.26%)" && ok ||
		bad "$size: the header lost the file's name or a number: $(screen | head -1)"
	tm send-keys -t e q
	after_exit "q with a long path" 0
done
shell 160 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $LONGDIR/wine_scores.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
screen | head -1 | grep -q "…[a-z_/]*/and_one_more_for_good_measure/wine_scores.csv  logreg" && ok ||
	bad "160 columns: the path does not give way from the left: $(screen | head -1)"
tm send-keys -t e q
after_exit "q with a long path (160)" 0

echo "e2e long_path: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
