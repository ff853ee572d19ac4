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

# ---- memory by a formula: bins x groups x models ---------------------------------
# --bins for the whole file is allocated at once: 24 x N x columns, at most 4 GB
awk 'BEGIN { srand(7); printf "label,g"; for (m = 0; m < 64; m++) printf ",m%d", m; printf "\n";
	for (i = 0; i < 5000; i++) { printf "%d,g%d", i % 3 == 0, i % 1000;
		for (m = 0; m < 64; m++) printf ",%.4f", rand(); printf "\n" } }' >"$T/g64.csv"
cols=$(head -1 "$T/g64.csv" | cut -d, -f3-)
expect 1 "g64.csv: --bins 10000000 for 64 score columns needs 15,360 MB (24 bytes a bin and a column), more than the 4,000 MB allowed; lower --bins or score fewer columns at a time" \
	--report -l label -s "$cols" --stream --bins 10000000 "$T/g64.csv"
awk 'BEGIN { srand(3); print "label,g,s"; for (i = 0; i < 200; i++) printf "%d,g%d,%.6f\n", i % 2, i % 100, rand() }' >"$T/g100.csv"

# measure LIMIT_S LIMIT_MB ARGS...: exit 0 within the time and peak memory
# (GNU time), the release build only (ASan's shadow memory is its own)
measure() {
	s=$1 mb=$2
	shift 2
	case "$BIN" in *asan*) return 0 ;; esac
	/usr/bin/time -f "%e %M" -o "$T/time" "$BIN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	read -r secs kb <"$T/time"
	if [ "$rc" -eq 0 ] && awk -v t="$secs" -v k="$kb" -v s="$s" -v m="$mb" 'BEGIN { exit !(t <= s && k <= m * 1024) }'; then
		ok
	else
		bad "cutoff $*: exit $rc, $secs s and $kb KB (bound $s s, $mb MB)"
	fi
}
# a group's bins come only with N distinct scores (was 2.37 GB and 7 s)
"$BIN" --report -l label -s s --group g --stream --bins 1000 "$T/g100.csv" >"$T/out" 2>"$T/err" &&
	grep -q "^g99 " "$T/out" && ok || bad "--bins per group: no group g99 in the report: $(cat "$T/err")"
measure 2 60 --report -l label -s s --group g --stream --bins 1000000 "$T/g100.csv"
# 64 columns x 1,000 groups: ~2 KB each before its rows (was 0.40 GB, 0.97 GB with --stream)
measure 20 150 --report -l label -s "$cols" --group g "$T/g64.csv"
measure 20 200 --report -l label -s "$cols" --group g --stream "$T/g64.csv"
# the bootstrap's memory is that of the distinct scores, whatever the rows
measure 30 30 --report --counts p,n -s s --bootstrap 2 "$T/huge.csv"

echo "attack ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
