#!/bin/sh
# --multiclass against tests/reference/multiclass/ (scikit-learn, from
# make_multiclass_expected.py): every key of the JSON report for each case,
# to a relative 1e-9; then the refusals, one line each.
# Usage: tests/cli/multiclass.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/multiclass
T=$(mktemp -d /tmp/cutoff-multiclass.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

check_references "$D" "python3 tests/cli/mcflat.py" --report

# bad input: one clear line each, nothing on stdout
I=$D/iris_logreg.csv
printf 'label,a,b,c\na,0.5,0.3,0.2\nb,0.1,0.8,0.1\nx,0.2,0.2,0.6\n' >"$T/noclass.csv"
expect 1 "noclass.csv:4: label 'x' in column 'label' is no class (classes: a, b, c)" --multiclass -l label -s a,b,c --report "$T/noclass.csv"
printf 'label,a,b,c\na,x,0.3,0.2\nb,y,0.8,0.1\n' >"$T/text.csv"
expect 1 "no usable rows (2 skipped; the first, line 2: unparsable score 'x' in column 'a')" --multiclass -l label -s a,b,c --report "$T/text.csv"
expect 2 "--classes names 'a' twice" --classes a,a,b -l label -s setosa,versicolor,virginica --report "$I"
printf 'label,p,p,q\na,0.5,0.3,0.2\n' >"$T/dup.csv"
expect 1 "class 'p' is named twice (score columns 1 and 2); name the classes with --classes" --multiclass -l label -s 2,3,4 --report "$T/dup.csv"
expect 2 "--thresholds: 'rose' names no class (classes: setosa, versicolor, virginica)" --multiclass -l label -s setosa,versicolor,virginica --thresholds rose=0.2 --report "$I"
expect 2 "--thresholds names class 'setosa' twice" --multiclass -s setosa,versicolor --thresholds setosa=0.2,setosa=0.3 --report "$I"
expect 2 "--thresholds takes CLASS=X" --multiclass -s setosa,versicolor --thresholds setosa --report "$I"
expect 2 "--thresholds and --optimize both choose" --multiclass -s setosa,versicolor --thresholds setosa=0.2 --optimize f1 "$I"
expect 2 "--multiclass needs a score column per class: two or more" --multiclass -s setosa --report "$I"
expect 2 "--classes names 2 classes for 3 score columns" --classes a,b -s setosa,versicolor,virginica --report "$I"
expect 2 "--stream does not work with a score column per class" --multiclass -s setosa,versicolor,virginica --stream --report "$I"
expect 2 "--bootstrap does not work with a score column per class" --report --bootstrap 10 "$I"
expect 2 "--against does not work with a score column per class" --report --against "$I" "$I"
expect 1 "--group does not work with a score column per class" --report --group weight "$I"

# chosen by itself (no -s: the label's values name score columns), said in one note
"$BIN" --report --format json "$I" >"$T/json" 2>"$T/err"
if [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "label column 'label': its values name 3 score columns, one a class (--multiclass)" "$T/err" &&
	grep -q '"roc_auc_ovo"' "$T/json"; then ok; else bad "no --multiclass chosen by itself: $(cat "$T/err")"; fi
# a class with no rows, and a precision counted 0, are said
"$BIN" $(cat "$D/ties_t05.args") --thresholds a=2 --report >/dev/null 2>"$T/err"
if grep -q "class 'd' has no rows" "$T/err" && grep -q "class 'a' flags no row at 2: its precision is undefined, and counts as 0" "$T/err"; then ok
else bad "notes on classes: $(cat "$T/err")"; fi
# standard input and compressed files give the same report as the file
A="--multiclass -l label -s class_0,class_1,class_2 -w weight --optimize f1 --format json"
# shellcheck disable=SC2086
"$BIN" $A "$D/wine_forest.csv" >"$T/plain.json" 2>/dev/null
gzip -c "$D/wine_forest.csv" >"$T/w.csv.gz"
zstd -q -c "$D/wine_forest.csv" >"$T/w.csv.zst" 2>/dev/null || cp "$T/w.csv.gz" "$T/w.csv.zst"
for src in "$T/w.csv.gz" "$T/w.csv.zst" -; do
	# shellcheck disable=SC2086
	"$BIN" $A "$src" <"$D/wine_forest.csv" 2>/dev/null | sed 's|"file": "[^"]*"|"file": ""|' >"$T/other.json"
	sed 's|"file": "[^"]*"|"file": ""|' "$T/plain.json" | cmp -s - "$T/other.json" && ok || bad "$src: not the file's report"
done
# two readers (a file past 16 MB) load the rows in the file's order: the same report as one
{ cat "$D/digits_logreg.csv"; for i in $(seq 50); do tail -n +2 "$D/digits_logreg.csv"; done; } >"$T/big.csv"
[ "$(wc -c <"$T/big.csv")" -gt 17000000 ] || bad "the two-reader file is too small"
"$BIN" --multiclass -l label -s d0,d1,d2,d3,d4,d5,d6,d7,d8,d9 --report --format json "$T/big.csv" >"$T/two.json" 2>/dev/null
CUTOFF_SIMPLE=1 "$BIN" --multiclass -l label -s d0,d1,d2,d3,d4,d5,d6,d7,d8,d9 --report --format json "$T/big.csv" >"$T/one.json" 2>/dev/null
cmp -s "$T/one.json" "$T/two.json" && grep -q '"n": 91647,' "$T/two.json" && ok || bad "two readers: $(cmp "$T/one.json" "$T/two.json"; grep '"n"' "$T/two.json")"

# the same figures in every format: CSV's long table holds what JSON holds
"$BIN" $(cat "$D/wine_logreg_t05.args") --report --format csv >"$T/csv" 2>/dev/null
"$BIN" $(cat "$D/wine_logreg_t05.args") --report --format json >"$T/json" 2>/dev/null
python3 - "$T/csv" "$T/json" <<'PY' && ok || bad "CSV and JSON differ"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
get = {(r["section"], r["row"], r["column"]): r["value"] for r in rows}
assert float(get[("class", "class_1", "f1")]) == j["classes"][1]["f1"]
assert float(get[("average", "micro", "roc_auc")]) == j["average"]["micro"]["roc_auc"]
assert float(get[("argmax", "class_2", "class_1")]) == j["argmax"]["matrix"][2][1]
assert float(get[("thresholded", "class_0", "(none)")]) == j["thresholded"]["matrix"][0][3]
assert float(get[("argmax", "", "mcc")]) == j["argmax"]["mcc"]
assert len(rows) == 2 + 3 * 13 + 15 + 2 + 9 + 5 + 12 + 1
PY

echo "multiclass: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
