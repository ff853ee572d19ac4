#!/bin/sh
# --group and --group-thresholds against tests/reference/groups/ (brute
# force, make_groups_expected.py): every group's counts and rates, the
# gaps, each strategy's thresholds and the pooled matrix, to a relative
# 1e-9; then --counts from sqlite3's GROUP BY grp, score against the raw
# rows, and the error paths.
# Usage: tests/cli/groups.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/groups
T=$(mktemp -d /tmp/cutoff-groups.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# flat JSON: cutoff's report as "groups.G.key value", "fairness.key value",
# "thresholds.G.key value" and "pooled.key value" lines
flat() {
	awk '
	function walk(s, prefix,   key, val, name, out, n) {
		out = ""; name = ""
		while (match(s, /"[^"]+": (\[[^]]*\]|"[^"]*"|[^,}]+)/)) {
			n = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
			key = n; sub(/": .*/, "", key); sub(/^"/, "", key)
			val = n; sub(/^"[^"]+": /, "", val)
			gsub(/[\[\]"]/, "", val); gsub(/, /, ",", val)
			if (key == "group") { name = val; continue }
			out = out prefix (name != "" ? name "." : "") key " " val "\n"
		}
		printf "%s", out
	}
	/"groups": \[/ && sec == "" { sec = "groups"; next }
	/"folds": \[/ { sec = "folds"; next }
	/"fold_summary": / { sec = "summary"; next }
	sec == "summary" && /^ *"[a-z0-9_]+": \{/ { k = $0; sub(/^ *"/, "", k); sub(/".*/, "", k); s = $0; sub(/^[^{]*/, "", s)
		walk(s, "fold_summary." k "."); next }
	/^ *\{"fold": / { s = $0; id = s; sub(/^ *\{"fold": /, "", id); sub(/,.*/, "", id); gsub(/"/, "", id)
		sub(/^ *\{"fold": [^,]*, /, "{", s); walk(s, "folds." id "."); next }
	/"group_thresholds": / { sec = "thresholds"; next }
	/"fairness": / { s = $0; sub(/.*"fairness": /, "", s); walk(s, "fairness."); next }
	/"pooled": / { s = $0; sub(/.*"pooled": /, "", s); walk(s, "pooled."); next }
	/^ *\{"group": / { walk($0, sec "."); next }
	'
}


check_references "$D" flat --report

# the warehouse recipe: GROUP BY grp, score in sqlite3, then --counts
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 :memory: '.mode csv' '.headers on' '.import samples/breast_cancer_groups.csv d' \
		"SELECT size, CAST(logreg AS REAL) AS score, SUM(diagnosis = 'malignant') AS positives,
		        SUM(diagnosis = 'benign') AS negatives
		 FROM d GROUP BY size, CAST(logreg AS REAL) ORDER BY size, score;" >"$T/counts.csv"
	for st in "" "--group-thresholds equal-recall=0.9" "--group-thresholds equal-rate=0.3"; do
		# shellcheck disable=SC2086
		"$BIN" -l diagnosis -p malignant -s logreg --group size $st --report --format json \
			samples/breast_cancer_groups.csv 2>/dev/null | flat >"$T/raw"
		# shellcheck disable=SC2086
		"$BIN" --counts positives,negatives -s score --group size $st --report --format json "$T/counts.csv" \
			2>/dev/null | flat >"$T/agg"
		if [ -s "$T/raw" ] && cmp -s "$T/raw" "$T/agg"; then ok; else
			bad "--counts from GROUP BY size, score differs from the rows ($st): $(diff "$T/raw" "$T/agg" | head -4)"
		fi
	done
fi

# the same groups through every path: --stream (folded), a pipe, two threads or one
BGJ="-l diagnosis -p malignant -s logreg,naive_bayes --group size --report --format json"
# shellcheck disable=SC2086
"$BIN" $BGJ samples/breast_cancer_groups.csv 2>/dev/null | flat >"$T/a"
# shellcheck disable=SC2086
"$BIN" $BGJ --stream samples/breast_cancer_groups.csv 2>/dev/null | flat >"$T/b"
# shellcheck disable=SC2086
"$BIN" $BGJ <samples/breast_cancer_groups.csv 2>/dev/null | flat >"$T/c"
[ -s "$T/a" ] && cmp -s "$T/a" "$T/b" && ok || bad "--stream --group differs: $(diff "$T/a" "$T/b" | head -3)"
cmp -s "$T/a" "$T/c" && ok || bad "--group from a pipe differs: $(diff "$T/a" "$T/c" | head -3)"
# a file big enough for the second reader: its groups join the first's
awk 'BEGIN { srand(14); print "y,p,g"; for (i = 0; i < 300000; i++) { y = rand() < 0.2; g = int(rand() * 7);
	printf "%d,%.4f,%s\n", y, (y ? 0.3 : 0) + rand() * 0.7, g == 6 ? "" : "r" g } }' >"$T/big.csv"
"$BIN" -l y -s p --group g --report --format json "$T/big.csv" 2>/dev/null | flat >"$T/two"
CUTOFF_THREADS=1 "$BIN" -l y -s p --group g --report --format json --stream "$T/big.csv" 2>/dev/null | flat >"$T/one"
[ "$(grep -c '^groups\..*\.n ' "$T/two")" -eq 7 ] && cmp -s "$T/two" "$T/one" && ok ||
	bad "300,000 rows: groups differ between two readers and one: $(diff "$T/two" "$T/one" | head -3)"

# --weight: weights of 1 give the same groups (counts, rates, gaps), and
# weights of 2 twice the counts with the same rates
awk -F, -v OFS=, 'NR == 1 { print $0, "w1", "w2"; next } { print $0, 1, 2 }' samples/breast_cancer_groups.csv >"$T/w.csv"
"$BIN" -l diagnosis -p malignant -s logreg --group size --report --format json "$T/w.csv" 2>/dev/null | flat |
	grep -v '_ci ' >"$T/w0"
"$BIN" -l diagnosis -p malignant -s logreg --group size -w w1 --report --format json "$T/w.csv" 2>/dev/null | flat |
	grep -v '_ci ' >"$T/w1"
"$BIN" -l diagnosis -p malignant -s logreg --group size -w w2 --report --format json "$T/w.csv" 2>/dev/null | flat |
	grep -v '_ci ' >"$T/w2"
[ -s "$T/w0" ] && cmp -s "$T/w0" "$T/w1" && ok || bad "--weight 1 changes the groups: $(diff "$T/w0" "$T/w1" | head -3)"
grep -q '^groups.small.n 338$' "$T/w2" && grep -q "^$(grep '^groups.small.recall ' "$T/w0")\$" "$T/w2" && ok ||
	bad "--weight 2: not twice the counts with the same rates: $(grep '^groups.small.[nr]' "$T/w2" | head -3)"

# folds: whole-number ids in numeric order (10 after 3); GROUP BY fold, score equals the rows
"$BIN" -l y -s p --fold fold -t 0.5 --report --format json tests/reference/groups/one_class_fold.csv 2>/dev/null |
	sed -n 's/^ *{"fold": \([^,]*\),.*/\1/p' | tr '\n' ' ' >"$T/order"
[ "$(cat "$T/order")" = "1 2 3 10 " ] && ok || bad "folds not in numeric order: $(cat "$T/order")"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 :memory: '.mode csv' '.headers on' '.import samples/breast_cancer_folds.csv d' \
		"SELECT fold, CAST(logreg AS REAL) AS score, SUM(diagnosis = 'malignant') AS positives,
		        SUM(diagnosis = 'benign') AS negatives
		 FROM d GROUP BY fold, CAST(logreg AS REAL) ORDER BY fold, score;" >"$T/fcounts.csv"
	"$BIN" -l diagnosis -p malignant -s logreg --fold fold --optimize f1 --report --format json \
		samples/breast_cancer_folds.csv 2>/dev/null | flat >"$T/raw"
	"$BIN" --counts positives,negatives -s score --fold fold --optimize f1 --report --format json "$T/fcounts.csv" \
		2>/dev/null | flat >"$T/agg"
	[ -s "$T/raw" ] && cmp -s "$T/raw" "$T/agg" && ok ||
		bad "--counts from GROUP BY fold, score differs from the rows: $(diff "$T/raw" "$T/agg" | head -4)"
fi

# the explorer's commands: a snapshot's JSON is --report --group's, with
# or without a strategy; :group COL equals --group COL; :group off drops them
BG0="-l diagnosis -p malignant -s logreg samples/breast_cancer_groups.csv"
# shellcheck disable=SC2086
"$BIN" --report --format json -t 0.5 --group size $BG0 >"$T/r1" 2>/dev/null
# shellcheck disable=SC2086
printf 't 0.5\nexport json\n' | "$BIN" --batch --group size $BG0 >"$T/e1" 2>/dev/null
cmp -s "$T/r1" "$T/e1" && ok || bad "export json with --group differs from --report: $(diff "$T/r1" "$T/e1" | head -3)"
# shellcheck disable=SC2086
"$BIN" --report --format json -t 0.5 --group size --group-thresholds equal-recall=0.9 $BG0 >"$T/r2" 2>/dev/null
# shellcheck disable=SC2086
printf 'group-thresholds equal-recall 0.9\nexport json\n' | "$BIN" --batch --group size $BG0 >"$T/e2" 2>/dev/null
cmp -s "$T/r2" "$T/e2" && ok || bad ":group-thresholds then export differs from --group-thresholds: $(diff "$T/r2" "$T/e2" | head -3)"
# shellcheck disable=SC2086
printf 'group size\nexport json\n' | "$BIN" --batch $BG0 >"$T/e3" 2>/dev/null
cmp -s "$T/r1" "$T/e3" && ok || bad ":group size differs from --group size: $(diff "$T/r1" "$T/e3" | head -3)"
# folds too: a snapshot's JSON with --fold is --report --fold's
BF0="-l diagnosis -p malignant -s logreg --fold fold samples/breast_cancer_folds.csv"
# shellcheck disable=SC2086
"$BIN" --report --format json -t 0.5 $BF0 >"$T/rf" 2>/dev/null
# shellcheck disable=SC2086
printf 't 0.5\nexport json\n' | "$BIN" --batch $BF0 >"$T/ef" 2>/dev/null
cmp -s "$T/rf" "$T/ef" && ok || bad "export json with --fold differs from --report: $(diff "$T/rf" "$T/ef" | head -3)"
# shellcheck disable=SC2086
printf 'group off\nexport json\n' | "$BIN" --batch --group size $BG0 >"$T/e4" 2>/dev/null
# shellcheck disable=SC2086
"$BIN" --report --format json -t 0.5 $BG0 >"$T/r4" 2>/dev/null
cmp -s "$T/r4" "$T/e4" && ok || bad ":group off still reports groups"
# shellcheck disable=SC2086
printf 'group size\n' >"$T/cmds"
# shellcheck disable=SC2086
"$BIN" --commands "$T/cmds" -l diagnosis -p malignant -s logreg - <samples/breast_cancer_groups.csv >/dev/null 2>"$T/err"
[ $? -ne 0 ] && grep -q "standard input: give --group COL when starting" "$T/err" && ok || bad ":group on stdin: $(cat "$T/err")"

# errors: one line, the right status, nothing on stdout
BG="-l diagnosis -p malignant -s logreg samples/breast_cancer_groups.csv"
expect 1 "no group column named 'region'" --group region --report $BG
expect 2 "one at a time" --group size --fold fold --report -l diagnosis -p malignant -s logreg samples/breast_cancer_folds.csv
expect 2 "goes with --group" --group-thresholds equal-recall=0.8 --report $BG
expect 2 "needs --optimize" --group size --group-thresholds best --report $BG
expect 2 "is not best, single" --group size --group-thresholds equal-recall=2 --report $BG
expect 2 "both name column" --group diagnosis -l diagnosis --report $BG
awk 'BEGIN { print "y,p,g"; for (i = 0; i < 1001; i++) printf "%d,0.%03d,g%d\n", i % 2, i % 1000, i }' >"$T/many.csv"
expect 1 "column 'g' has 1001 distinct values; --group takes at most 1000" --group g --report -l y -s p "$T/many.csv"
awk 'BEGIN { print "y,p,g"; for (i = 0; i < 1000; i++) printf "%d,0.%03d,g%d\n", i % 2, i % 1000, i }' >"$T/max.csv"
"$BIN" --group g --report --format json -l y -s p "$T/max.csv" >"$T/out" 2>"$T/err" &&
	[ "$(grep -c '^    {"group": ' "$T/out")" -eq 1000 ] && ok || bad "1,000 groups: not 1,000 entries ($(head -c 200 "$T/err"))"
# a group with one class only: its undefined values are null, the strategy skips it and says so
# (the missing values come first in the file: the group still goes last)
printf 'y,p,g\n1,0.8, NA\n0,0.4,\n1,0.9,a\n0,0.2,a\n1,0.7,a\n0,0.6,a\n0,0.3,b\n0,0.1,b\n' >"$T/one.csv"
"$BIN" --group g --group-thresholds equal-recall=0.5 --report --format json -l y -s p "$T/one.csv" >"$T/out" 2>"$T/err"
flat <"$T/out" >"$T/got"
grep -q '^groups.b.recall null$' "$T/got" && grep -q '^groups.b.roc_auc null$' "$T/got" && ok ||
	bad "one-class group: recall and AUC not null: $(grep '^groups.b' "$T/got" | head -3)"
grep -q "group 'b' has one class only: it keeps the single threshold" "$T/err" && ok ||
	bad "one-class group: no note on stderr: $(cat "$T/err")"
grep -q '^thresholds.b.threshold 0.5$' "$T/got" && ok || bad "one-class group: did not keep the single threshold"
# empty and NA values are one group, NA (a missing token itself: no value can be named so), last
grep -q '^groups.NA.n 2$' "$T/got" && [ "$(grep -o '^groups\.[^.]*' "$T/got" | uniq | tail -1)" = "groups.NA" ] &&
	ok || bad "missing values: not one group 'NA', last: $(grep -o '^groups\.[^.]*' "$T/got" | uniq | tr '\n' ' ')"

# a gap needs two groups that define it: above 0.85 only group a flags a row
"$BIN" --group g -t 0.85 --report --format json -l y -s p "$T/one.csv" 2>/dev/null | flat >"$T/got"
grep -q '^fairness.precision_gap null$' "$T/got" && grep -q '^fairness.precision_gap_groups null$' "$T/got" && ok ||
	bad "a gap from one group: $(grep precision_gap "$T/got")"

echo "groups: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
