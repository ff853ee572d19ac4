#!/bin/sh
# The options under attack (issue 26): each case one instance of a class of
# defect, with its exact outcome: a refusal in one line, a bounded run, or
# output that stays parseable and distinct.  Runs on the release and the
# ASan/UBSan builds.
# Usage: tests/cli/attack.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-attack.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh
BC=samples/breast_cancer.csv

# ---- bootstrap: whole rows only, refused in one line at every entry point ----
printf 's,p,n\n0.1,0.5,0.5\n0.9,0.5,0.5\n' >"$T/frac.csv"
expect 1 "frac.csv: no bootstrap: it resamples whole rows, and the counts at score 0.9 are not whole (0.5 positives, 0.5 negatives)" \
	--report --counts p,n -s s --bootstrap 10 "$T/frac.csv"
printf 'bootstrap 100\n' | "$BIN" --batch --counts p,n -s s "$T/frac.csv" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "^cutoff: <stdin>:1: no bootstrap: it resamples whole rows, and the counts" "$T/err" &&
	[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "--batch bootstrap on fractional counts: $(cat "$T/err")"
# whole counts that are doubles (2.0) are whole
printf 's,p,n\n0.1,2.0,3\n0.9,3,2.0\n' >"$T/whole.csv"
"$BIN" --report --counts p,n -s s --bootstrap 20 "$T/whole.csv" >"$T/out" 2>"$T/err" &&
	grep -q "^bootstrap  20 stratified resamples" "$T/out" && ok || bad "whole counts as 2.0: $(cat "$T/err")"
# weights and a prevalence have no resample: a usage error
expect 2 "--bootstrap resamples whole rows: not with --weight or --prevalence" --bootstrap 5 --prevalence 0.1 "$BC"

# ---- bootstrap: the work bounded before anything is allocated -------------------
# 1e8 rows in a 60-byte file: 1,000 resamples are 1e11 draws, refused at once
printf 's,p,n\n0.1,20000000,30000000\n0.9,30000000,20000000\n' >"$T/huge.csv"
start=$(date +%s)
expect 1 "huge.csv: no bootstrap: 1000 resamples of 100,000,000 rows are 1e+11 draws, more than the 1e+10 allowed.*at most 100 resamples" \
	--report --counts p,n -s s --bootstrap 1000 "$T/huge.csv"
[ $(($(date +%s) - start)) -le 2 ] && ok || bad "the refusal took $(($(date +%s) - start)) s"
# 2^32 rows and more: refused whatever the resamples
printf 's,p,n\n0.1,2000000000,1\n0.9,3000000000,1\n' >"$T/over.csv"
expect 1 "over.csv: no bootstrap: it resamples at most 2^32 rows, and there are 5,000,000,002" \
	--report --counts p,n -s s --bootstrap 1 "$T/over.csv"

echo "attack ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
