#!/bin/sh
# Row costs (--cost-fp-col, --cost-fn-col) against tests/reference/rowcost/
# (brute force, make_rowcost_expected.py): the cost at the threshold, the
# optimum and its value, the baseline's cost and the change, whole cost
# curves; real data with a fee and an amount, heavy ties with weights,
# zero and bad costs, --stream, --invert, a tie of two optima.  Then the
# text line, the skips and --strict, and the refusals.
# Usage: tests/cli/rowcost.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/rowcost
T=$(mktemp -d /tmp/cutoff-rowcost.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

flat() {
	python3 -c '
import json, sys
r = json.load(sys.stdin)
num = lambda v: "nan" if v is None else repr(float(v))
for m in r.get("models", [r]):
    s = m["score"]
    if m.get("curve") == "cost":
        for i, t in enumerate(m["threshold"]):
            print("%s.curve.%d.threshold" % (s, i), num(t))
            for k in ("cost", "false_alarm_cost", "miss_cost"):
                print("%s.curve.%d.%s" % (s, i, k), num(m[k][i]))
        continue
    print(s + ".threshold", num(m["threshold"]))
    print(s + ".cost", num(m["cost"]))
    if "value" in m:
        print(s + ".value", num(m["value"]))
    if "baseline" in m:
        print(s + ".baseline.cost", num(m["baseline"]["cost"]))
        print(s + ".change.cost", num(m["change"]["cost"]))
'
}

check_references "$D" flat

# the skips are counted and named; --strict makes the first an error
"$BIN" -l y -s s -w w --cost-fp-col fee --cost-fn-col amount -t 0.5 --report "$D/ties.csv" >"$T/out" 2>"$T/err"
if grep -q "negative cost '-1' in column 'fee'" "$T/err" && grep -q "unparsable cost 'abc' in column 'amount'" "$T/err" &&
   grep -q "rows skipped" "$T/err"; then ok; else bad "skips: $(cat "$T/err")"; fi
"$BIN" -l y -s s -w w --cost-fp-col fee --cost-fn-col amount -t 0.5 --report --strict "$D/ties.csv" >"$T/out" 2>"$T/err"
if [ $? -ne 0 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "ties.csv:[0-9]*: .*cost" "$T/err"; then ok; else bad "strict: $(cat "$T/err")"; fi

# text: the cost line splits the total into its two sides
"$BIN" -l diagnosis -p malignant -s logreg --cost-fp-col fee --cost-fn-col amount -t 0.3 --report \
	"$D/breast_cancer_costs.csv" >"$T/txt" 2>/dev/null
if grep -q "^cost       1,427: 118 for false alarms (each row's own), 1,309 for misses (each row's own)$" "$T/txt"; then
	ok
else
	bad "text cost line: $(grep cost "$T/txt")"
fi
# a cost over 1e100 is a bad row, as a weight that is not a number
printf 'y,s,fee\n1,0.9,1e200\n0,0.1,1\n1,0.8,2\n' >"$T/big.csv"
"$BIN" -l y -s s --cost-fp-col fee -t 0.5 --report "$T/big.csv" >/dev/null 2>"$T/err"
if grep -q "cost '1e200' in column 'fee' is over 1e100" "$T/err"; then ok; else bad "big cost: $(cat "$T/err")"; fi

expect 2 "go with --report, --optimize cost, --curve cost or the explorer" --cost-fp-col fee --optimize f1 "$D/tie.csv"
expect 2 "go with --report, --optimize cost, --curve cost or the explorer" --cost-fn-col amount --curve roc "$D/tie.csv"
expect 2 "not with --bins" --cost-fp-col fee --bins 10 --report "$D/tie.csv"
expect 2 "not with --prevalence" --cost-fn-col amount --prevalence 0.1 --report "$D/tie.csv"
expect 2 "does not work with a score column per class" --cost-fn-col amount --multiclass -s a,b --report "$D/tie.csv"
expect 2 "both name column 'fee'" --cost-fp-col fee --cost-fn-col fee --report "$D/tie.csv"
expect 1 "no false-alarm cost column named 'nope'" --cost-fp-col nope --report "$D/tie.csv"
echo "rowcost: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
