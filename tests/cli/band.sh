#!/bin/sh
# --band, --band-precision and --band-npv against tests/reference/band/
# (brute force, make_band_expected.py): explicit cuts, cuts chosen by a
# precision and an NPV, one side alone, infeasible and crossing cuts, ties
# at the cuts, weights; then CSV, text and Markdown, and the refusals.
# Usage: tests/cli/band.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/band
T=$(mktemp -d /tmp/cutoff-band.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

flat() {
	python3 -c '
import json, sys
r = json.load(sys.stdin)
num = lambda v: "nan" if v is None else repr(float(v))
for m in r.get("models", [r]):
    for k, v in m["band"].items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                print("%s.band.%s.%s %s" % (m["score"], k, k2, num(v2)))
        else:
            print("%s.band.%s %s" % (m["score"], k, num(v)))
'
}

check_references "$D" flat

# crossing cuts are said in one line
"$BIN" $(cat "$D/crossing.args") >/dev/null 2>"$T/err"
grep -q "the band's cuts cross" "$T/err" && ok || bad "crossing: $(cat "$T/err")"
A="-l diagnosis -p malignant -s logreg --band 0.2,0.8 --report samples/breast_cancer.csv"
# shellcheck disable=SC2086
"$BIN" $A --format csv 2>/dev/null | python3 -c '
import csv, sys
r = list(csv.DictReader(sys.stdin))[0]
assert r["band_low"] == "0.2" and r["band_positive_n"] == "190" and r["band_review_n"] == "39" and r["band_negative_n"] == "340", r
' && ok || bad "CSV band columns"
# shellcheck disable=SC2086
"$BIN" $A 2>/dev/null >"$T/txt"
grep -q "^auto positive  *190  *1.000  *190  *0$" "$T/txt" && grep -q "^review  *39  *18  *21$" "$T/txt" &&
	grep -q "^190 decided malignant automatically (100.0% right), 39 reviewed (6.854% of cases), 340 decided benign (98.82% right).$" "$T/txt" &&
	ok || bad "text: $(tail -6 "$T/txt")"
# shellcheck disable=SC2086
"$BIN" $A --format markdown 2>/dev/null | grep -q "^| auto negative | 340 | 0.9882 | 4 | 336 |$" && ok || bad "Markdown table"

# --curve coverage: each row is the band --band-precision P --band-npv P reports
"$BIN" -l diagnosis -p malignant -s logreg --curve coverage --format csv samples/breast_cancer.csv >"$T/cov" 2>/dev/null
for p in 0.9 0.99 0.999; do
	"$BIN" -l diagnosis -p malignant -s logreg --band-precision $p --band-npv $p --report --format json \
		samples/breast_cancer.csv 2>/dev/null >"$T/json"
	python3 - "$T/cov" "$T/json" $p <<'PY' && ok || bad "coverage at $p"
import csv, json, sys
row = next(r for r in csv.DictReader(open(sys.argv[1])) if float(r["target"]) == float(sys.argv[3]))
b = json.load(open(sys.argv[2]))["band"]
assert float(row["coverage"]) == b["coverage"] and float(row["accuracy_decided"]) == b["accuracy_decided"], (row, b)
assert float(row["high"]) == b["high"] and float(row["low"]) == b["low"], (row, b)
PY
done
[ "$(wc -l <"$T/cov")" -eq 53 ] && ok || bad "coverage rows: $(wc -l <"$T/cov")"

expect 2 "--band: LOW 0.8 is above HIGH 0.2" --band 0.8,0.2 --report samples/breast_cancer.csv
expect 2 "--band takes LOW,HIGH" --band 0.2 --report samples/breast_cancer.csv
expect 2 "--band-precision: 1.5 is not between 0 and 1" --band-precision 1.5 --report samples/breast_cancer.csv
expect 2 "--band goes with --report, --optimize (not" --band 0.2,0.8 --curve roc samples/breast_cancer.csv

echo "band: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
