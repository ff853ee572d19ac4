#!/bin/sh
# What the reports say around their numbers (issue 27): every sentence of
# the policy in force, both sides of a trade-off, signs that say their
# direction, figures labelled with their option's value, tables as wide as
# their widest cell.  (The plain words' numbers: tests/cli/sentences.py.)
# Usage: tests/cli/words.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-words.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh
BC=samples/breast_cancer.csv
BG=samples/breast_cancer_groups.csv

# has PATTERN: the last output holds it
has() { grep -q -- "$1" "$T/out" && ok || bad "$2: no '$1' in: $(head -c 600 "$T/out")"; }

# ---- one policy a paragraph: under per-group thresholds the sentence is of them, pooled ----
"$BIN" --report --group size --group-thresholds equal-recall=0.9 -p malignant -l diagnosis -s logreg "$BG" >"$T/out" 2>"$T/err"
has "^Of 212 malignant cases, each group's own threshold (equal-recall 0.9) catches" "the report's sentence under a strategy"
pooled=$(sed -n 's/^pooled: \([0-9,]*\) flagged.*/\1/p' "$T/out")
alarms=$(sed -n 's/^[0-9,]* of its \([0-9,]*\) alarms.*/\1/p' "$T/out")
[ -n "$pooled" ] && [ "$pooled" = "$alarms" ] && ok || bad "the sentence's alarms ($alarms) are not the pooled flagged ($pooled)"
has "more false alarms\|fewer false alarms" "the pooled trade-off's false alarms"
has "more misses\|fewer misses\|more miss \|fewer miss " "the pooled trade-off's misses"
"$BIN" --report --format markdown --group size --group-thresholds equal-recall=0.9 -p malignant -l diagnosis -s logreg "$BG" >"$T/out" 2>"$T/err"
has "^> Of 212 malignant cases, each group's own threshold (equal-recall 0.9) catches" "the Markdown sentence under a strategy"
# without one: the single threshold
"$BIN" --report --group size -p malignant -l diagnosis -s logreg "$BG" >"$T/out" 2>"$T/err"
has "^Of 212 malignant cases, this threshold catches 204" "the sentence without a strategy"

# ---- equal-rate: a group whose top score alone passes the rate flags none, and says so ------
printf 'label,g,s\n1,a,0.9\n1,a,0.9\n0,a,0.9\n0,a,0.2\n1,b,0.8\n0,b,0.3\n1,b,0.6\n0,b,0.1\n' >"$T/er.csv"
"$BIN" --report --group g --group-thresholds equal-rate=0.3 -l label -s s "$T/er.csv" >"$T/out" 2>"$T/err"
grep -q "group 'a' flags none under equal-rate: even its top score alone passes it" "$T/err" && ok ||
	bad "equal-rate: no word for the group that flags none: $(cat "$T/err")"
has "^a  *inf  *0 " "equal-rate: group a flags none (was the single threshold, flagging 100%)"

# ---- signs: every change is current minus reference, and the heading says so ---------------
DR=tests/reference/drift
"$BIN" --report --against $DR/bc_ref.csv -p malignant -l diagnosis -s logreg $DR/bc_cur.csv >"$T/out" 2>"$T/err"
has "^every change is since the reference: current minus reference" "--against: the heading's direction"
has "^ROC AUC change since the reference +0.006330: t 1.788" "--against: the AUC test in the same direction"
has "^precision  *0.9857  *0.9565  *-0.02919$" "--against: a change with its sign"
has "^recall  *0.9452  *1.000  *+0.05479$" "--against: a rise with its +"
"$BIN" --report --format json --against $DR/bc_ref.csv -p malignant -l diagnosis -s logreg $DR/bc_cur.csv >"$T/out" 2>"$T/err"
has '"auc_difference": 0.0063299163440' "--against JSON: auc_difference current minus reference"

# ---- figures that depend on an option say its value ------------------------------------------
"$BIN" --report --partial-auc 0.1 -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err"
has "pAUC FPR<=0.1  *0.9865" "the partial AUC's limit"
has "^pAUC: the ROC AUC over FPR <= the limit, standardised (McClish)" "the partial AUC is standardised"
has "ECE 10 bins" "ECE's bins"
"$BIN" --report --calibration-bins 5 --calibration-strategy quantile -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err"
has "ECE 5 q-bins" "ECE's quantile bins"

# ---- tables as wide as their widest cell -----------------------------------------------------
"$BIN" --report -p malignant -l diagnosis -s logreg,naive_bayes "$BC" >"$T/out" 2>"$T/err"
has "^models  *difference  *z  *p  interval$" "the paired tests' heading"
awk '/^models/ { h = index($0, "difference") + length("difference"); getline; d = index($0, "+") + length($2) ; exit !(h > 0) }' "$T/out" &&
	ok || bad "the paired table: $(sed -n '/^models/,+1p' "$T/out")"
"$BIN" --report --group size --group-thresholds equal-recall=0.9 -p malignant -l diagnosis -s logreg "$BG" >"$T/out" 2>"$T/err"
# every row's threshold ends under the heading's (no 15-digit value past it)
awk '/^group  *threshold/ { on = 1; e = index($0, "threshold") + 8; next } on && /^pooled/ { exit bad }
	on { n = split($0, f, " "); p = index($0, " " f[2] " ") + length(f[2]); if (p != e) bad = 1 }' "$T/out" && ok ||
	bad "the group-thresholds table: $(sed -n '/^group  *threshold/,/^pooled/p' "$T/out")"

echo "words ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
