#!/bin/sh
# --baseline against tests/reference/baseline/ (brute force,
# make_baseline_expected.py): the report at the baseline and the change,
# for -t, --optimize f1 and cost, two models, weights, a baseline that
# flags nothing; then CSV's change columns, the text table and sentence,
# and the refusals.
# Usage: tests/cli/baseline.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/baseline
T=$(mktemp -d /tmp/cutoff-baseline.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

flat() {
	python3 -c '
import json, sys
r = json.load(sys.stdin)
num = lambda v: "nan" if v is None else repr(float(v))
for m in r.get("models", [r]):
    s = m["score"]
    print(s + ".threshold", num(m["threshold"]))
    for k, v in m["baseline"].items():
        if isinstance(v, (int, float)) or v is None:
            print(s + ".baseline." + k, num(v))
    for k, v in m["change"].items():
        print(s + ".change." + k, num(v))
'
}

check_references "$D" flat

A="-l diagnosis -p malignant -s logreg -t 0.3 --baseline 0.5 --report samples/breast_cancer.csv"
# shellcheck disable=SC2086
"$BIN" $A --format csv 2>/dev/null | python3 -c '
import csv, sys
r = list(csv.DictReader(sys.stdin))[0]
assert r["baseline"] == "0.5" and r["change_tp"] == "2" and r["change_fp"] == "10" and r["change_flagged"] == "12", r
' && ok || bad "CSV change columns"
# shellcheck disable=SC2086
"$BIN" $A 2>/dev/null >"$T/txt"
grep -q "^logreg compared with the baseline$" "$T/txt" && grep -q "^FP  *15  *5  *+10$" "$T/txt" &&
	grep -q "^Compared with 0.5: 2 more malignant cases caught, 10 more false alarms.$" "$T/txt" && ok ||
	bad "text: $(tail -12 "$T/txt")"
# shellcheck disable=SC2086
"$BIN" $A --format markdown 2>/dev/null | grep -q "^| FP | 15 | 5 | +10 |$" && ok || bad "Markdown table"
"$BIN" -l diagnosis -p malignant -s logreg --optimize cost --cost-fp 1 --cost-fn 20 --baseline 0.5 samples/breast_cancer.csv \
	2>/dev/null | grep -q "less in costs\.$" && ok || bad "cost sentence"

# class words from the data are escaped in the sentences (baseline and band), text and Markdown
printf 'y,s\n\033[31mA,0.9\nB,0.1\n\033[31mA,0.7\nB,0.4\n' >"$T/h.csv"
for fmt in text markdown; do
	"$BIN" -l y -s s -p "$(printf '\033[31mA')" --band 0.3,0.8 --baseline 0.5 -t 0.6 --report --format $fmt "$T/h.csv" \
		>"$T/h.out" 2>/dev/null
	grep -q "Compared with 0.5: 0 more .*x1b.*31mA cases caught" "$T/h.out" && grep -q "1 decided .*x1b.*31mA automatically" "$T/h.out" &&
		! grep -q "$(printf '\033')" "$T/h.out" && ok || bad "$fmt: class words not escaped"
done

expect 2 "--baseline goes with --report, --optimize or the explorer" --baseline 0.5 --curve roc samples/breast_cancer.csv
expect 2 "--baseline goes with --report, --optimize or the explorer" --baseline 0.5 --multiclass -s logreg,naive_bayes samples/breast_cancer.csv
expect 2 "--baseline: 'x' is not a number" --baseline x --report samples/breast_cancer.csv

echo "baseline: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
