#!/bin/sh
# CLI tests: exit statuses, formats, stderr/stdout discipline, and the
# command line's numbers against the scikit-learn expected files.
# Usage: tests/cli/run.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh
BC=samples/breast_cancer.csv
DG=samples/digits_is_8.csv


# run STATUS ARGS...: runs the binary, checks the exit status; output in $T/out, $T/err
run() {
	want=$1
	shift
	"$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "cutoff $* exited $got, expected $want: $(head -c 300 "$T/err")"
		return 1
	fi
	# every stderr line starts with "cutoff: "
	if grep -qv '^cutoff: ' "$T/err"; then
		bad "cutoff $*: stderr line without 'cutoff: ': $(grep -v '^cutoff: ' "$T/err" | head -1)"
		return 1
	fi
	ok
	return 0
}

# fails STATUS PATTERN ARGS...: an error: exact status, one stderr line
# matching PATTERN, nothing on stdout
fails() {
	want=$1
	pat=$2
	shift 2
	run "$want" "$@" || return 0
	if [ -s "$T/out" ]; then bad "cutoff $*: wrote to stdout on error"; else ok; fi
	if [ "$(wc -l <"$T/err")" -ne 1 ]; then bad "cutoff $*: $(wc -l <"$T/err") stderr lines, expected 1"; else ok; fi
	if grep -q -- "$pat" "$T/err"; then ok; else bad "cutoff $*: stderr '$(cat "$T/err")' lacks '$pat'"; fi
}

has() { # has PATTERN: stdout contains it
	if grep -q -- "$1" "$T/out"; then ok; else bad "stdout lacks '$1'"; fi
}


# ---- exit 0: every mode and format --------------------------------------------------
run 0 --report --positive malignant -s logreg "$BC"
has "catches 204 (96.2%) and misses 8;"
has "^actual   malignant"
run 0 --report --format json --positive malignant -s logreg "$BC"
has '"tp": 204,'
run 0 --report --format csv --positive malignant -s logreg,naive_bayes "$BC"
[ "$(wc -l <"$T/out")" -eq 3 ] && ok || bad "csv report: expected a header and two rows"
head -1 "$T/out" | grep -q '^file,label,score,positive,negative,n,positives,negatives,skipped,threshold,tp,fp,tn,fn,precision,recall,specificity,npv,fpr,fnr,f1,accuracy,balanced_accuracy,mcc,youden_j,predicted_positive_rate,roc_auc,average_precision,log_loss,brier,prevalence,sample_prevalence,lift,ks,ks_threshold,net_benefit,net_benefit_treat_all,ece,mce,brier_reliability,brier_resolution,brier_uncertainty,conf_level,precision_ci_lower,precision_ci_upper,recall_ci_lower,recall_ci_upper,specificity_ci_lower,specificity_ci_upper,npv_ci_lower,npv_ci_upper,fpr_ci_lower,fpr_ci_upper,fnr_ci_lower,fnr_ci_upper,accuracy_ci_lower,accuracy_ci_upper,predicted_positive_rate_ci_lower,predicted_positive_rate_ci_upper,roc_auc_se,roc_auc_ci_lower,roc_auc_ci_upper$' && ok || bad "csv header"
run 0 --report --format markdown --positive malignant "$BC" -s logreg
has '| \*\*actual malignant\*\* | 204 | 8 | 212 |'
run 0 --report --format md --positive malignant "$BC" -s logreg
run 0 --report --format json --positive malignant -s logreg -s naive_bayes "$BC"
has '"models": \['
[ "$(grep -c '"score":' "$T/out")" -eq 2 ] && ok || bad "two models in json"
run 0 --optimize f1 --positive malignant -s logreg "$BC"
has "optimum    f1 maximised"
run 0 --optimize fbeta --beta 2 --format json -s forest_prob "$DG"
has '"objective": "fbeta",'
run 0 --optimize cost --cost-fp 1 --cost-fn 20 --format json -s forest_prob "$DG"
has '"objective": "cost",'
run 0 --optimize recall --max-fpr 0.01 --format json -s forest_prob "$DG"
run 0 --curve roc -s logreg --positive malignant "$BC"
has '^threshold  *fpr  *tpr$'
run 0 --curve pr --format json -s logreg --positive malignant "$BC"
has '"curve": "pr",'
run 0 --curve pr --format markdown -s logreg,naive_bayes --positive malignant "$BC"
has '^| model | threshold | recall | precision |$'
run 0 --curve roc --format csv -s logreg,naive_bayes --positive malignant "$BC"
head -1 "$T/out" | grep -q '^model,threshold,fpr,tpr$' && ok || bad "multi-model curve csv header"
run 0 --help
has "usage: cutoff"
run 0 --version
has "^cutoff [0-9]"
run 0 --report --counts positives,negatives -s score samples/digits_forest_counts.csv
run 0 --report -w weight -p malignant -s logreg samples/breast_cancer_weighted.tsv

# ---- --stream and --bins --------------------------------------------------------------------------
run 0 --stream --report --format json -p malignant -l diagnosis -s logreg "$BC"
"$BIN" --report --format json -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null | cmp -s - "$T/out" && ok || bad "--stream report differs"
run 0 --bins 10 --report --format json -p malignant -l diagnosis -s logreg "$BC"
has '"bins": 10,'
has '"auc_max_error": 0\.'
run 0 --bins 10 --report -p malignant -l diagnosis -s logreg "$BC"
has "^binned     scores grouped into at most 10 bins; ROC AUC within "
fails 2 "--bins takes a whole number from 2" --bins 1 --report "$BC"
fails 2 "--bins takes a whole number from 2" --bins 2.5 --report "$BC"

# ---- the CLI's numbers equal scikit-learn's ---------------------------------------------
exp=tests/reference/breast_cancer.logreg.expected
run 0 --report --format json --positive malignant -s logreg "$BC"
# the "report 0.5" block of the expected file: key value lines
awk '/^report /{on = ($2 == "0.5")} on && NF == 2 && $1 != "report"' "$exp" >"$T/keys"
[ -s "$T/keys" ] && ok || bad "no expected keys"
while read -r key val; do
	got=$(sed -n "s/^  \"$key\": \([^,]*\),*$/\1/p" "$T/out")
	if [ -n "$got" ] && close_num "$got" "$val"; then ok; else bad "json $key = '$got', sklearn $val"; fi
done <"$T/keys"
# --optimize f1 finds the brute-force maximum
run 0 --optimize f1 --format json --positive malignant -s logreg "$BC"
want=$(awk '/^optimize f1$/{getline; print $2; exit}' "$exp")
got=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/out")
close_num "$got" "$want" && ok || bad "optimize f1 threshold $got, sklearn $want"
# --curve roc equals roc_curve(drop_intermediate=False) point for point
run 0 --curve roc --format csv --positive malignant -s logreg "$BC"
awk '/^roc /{n = $2; on = 1; next} on && n-- > 0 {print $1 "," $2 "," $3}' "$exp" >"$T/want"
tail -n +2 "$T/out" >"$T/got"
if [ "$(wc -l <"$T/want")" -eq "$(wc -l <"$T/got")" ] && [ "$(head -1 "$T/got")" = "inf,0,0" ] &&
	paste -d, "$T/got" "$T/want" | awk -F, '{
		for (i = 1; i <= 3; i++) { a = $i; b = $(i + 3)
			if (a == "inf" || b == "inf") { if (a != b) exit 1; continue }
			d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a); if (m < 1e-300) m = 1e-300
			if (d > 1e-9 * m && d > 1e-15) exit 1 } }'; then ok; else bad "roc curve differs from sklearn"; fi

# ---- stdin ------------------------------------------------------------------------------------
"$BIN" --report --format json -p malignant -s logreg - <"$BC" >"$T/out" 2>"$T/err" && ok || bad "stdin '-'"
has '"file": "<stdin>",'
"$BIN" --report --format json -p malignant -s logreg <"$BC" >"$T/out" 2>"$T/err" && ok || bad "stdin, no FILE"
has '"tp": 204,'
cat "$BC" | "$BIN" --report -p malignant -s logreg >"$T/out" 2>"$T/err" && ok || bad "stdin from a pipe"

# ---- stderr notes -------------------------------------------------------------------------------
printf 'label,score\n1,0.9\n0,x\n1,\n0,0.2\n' >"$T/skips.csv"
run 0 --report "$T/skips.csv"
grep -q "^cutoff: $T/skips.csv:3: skipped: unparsable score 'x' in column 'score'$" "$T/err" && ok || bad "skip note: $(cat "$T/err")"
grep -q "^cutoff: $T/skips.csv: 2 rows skipped$" "$T/err" && ok || bad "skip count note"
run 0 --report -p malignant "$BC"
grep -q "guessed label column 'diagnosis'" "$T/err" && grep -q "score column 'logreg'" "$T/err" && ok || bad "guess note: $(cat "$T/err")"

# ---- exit 1: data errors ----------------------------------------------------------------------------
fails 1 "no such file\|No such file" --report "$T/missing.csv"
fails 1 "is a directory" --report "$T"
: >"$T/empty.csv"
fails 1 "no data" --report "$T/empty.csv"
printf 'label,score\n' >"$T/header.csv"
fails 1 "no data rows after the header" --report "$T/header.csv"
printf 'label,score\n1,x\n0,y\n' >"$T/unusable.csv"
fails 1 "no usable rows (2 skipped; the first, line 2: unparsable score 'x' in column 'score')" --report "$T/unusable.csv"
# found by fuzzing: the only record ends inside an open quote (no columns
# were ever decided); it crashed with --positive
printf '"0.5\n' >"$T/openquote.csv"
run 1 --report --no-header -l 1 -s 2 -p 1 "$T/openquote.csv"
grep -q "no usable rows (1 skipped; the first, line 1: unterminated quoted field at end of file)" "$T/err" && ok || bad "open quote: $(cat "$T/err")"
fails 1 "no score column named 'nope'" --report -s nope "$BC"
fails 1 "values: malignant, benign" --report -s logreg "$BC"
fails 1 "no threshold satisfies the constraints for model 'logreg'" --optimize f1 --min-precision 1 --min-recall 1 -p malignant -l diagnosis -s logreg "$BC"
fails 1 "$T/skips.csv:3: unparsable score 'x' in column 'score' (--strict)" --report --strict "$T/skips.csv"
printf 'label,score\n0,0.1\n0,0.2\n' >"$T/noneg.csv"
fails 1 "mcc is undefined at every threshold" --optimize mcc -l label -s score "$T/noneg.csv"
if "$BIN" --report -p malignant -s logreg "$BC" >/dev/full 2>"$T/err"; then bad "write error not reported"; else
	grep -q '^cutoff: writing the output' "$T/err" && ok || bad "write error message: $(cat "$T/err")"
fi

# ---- exit 2: usage errors ----------------------------------------------------------------------------
fails 2 "unknown option '--bogus'" --bogus "$BC"
fails 2 "--threshold: 'abc' is not a number" --report -t abc "$BC"
fails 2 "--format: unknown format 'xml'" --report --format xml "$BC"
fails 2 "--optimize: unknown objective 'auc'" --optimize auc "$BC"
fails 2 "--curve: unknown curve 'det'" --curve det "$BC"
fails 2 "--curve cannot be combined" --curve roc --report "$BC"
fails 2 "one input file at a time" --report "$BC" "$DG"
fails 2 "go with --optimize" --report --min-recall 0.5 "$BC"

# ---- --commands and --batch ------------------------------------------------------------------
CM=tests/cli/commands
BCM="-p malignant -l diagnosis -s logreg,naive_bayes $BC"
for f in stakeholder markdown; do
	LC_ALL=C "$BIN" --commands "$CM/$f.cmds" $BCM >"$T/out" 2>"$T/err"
	if [ $? -eq 0 ] && cmp -s "$T/out" "$CM/$f.out"; then ok; else
		bad "--commands $f.cmds differs from $f.out: $(diff "$CM/$f.out" "$T/out" | head -5)"
	fi
done
# the snapshot's JSON is --report's at the same threshold, byte for byte
"$BIN" --commands "$CM/optimum.cmds" $BCM >"$T/snap.json" 2>/dev/null
thr=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/snap.json")
"$BIN" --report --format json -t "$thr" -p malignant -l diagnosis -s logreg "$BC" >"$T/report.json" 2>/dev/null
[ -n "$thr" ] && cmp -s "$T/snap.json" "$T/report.json" && ok || bad "export json differs from --report -t $thr"
want=$("$BIN" --optimize f1 --min-recall 0.95 --format json -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null |
	sed -n 's/^  "threshold": \(.*\),$/\1/p')
[ "$thr" = "$want" ] && ok || bad ":optimize f1 where recall>=0.95 gave $thr, --optimize $want"
# --batch reads the same commands from stdin
LC_ALL=C "$BIN" --batch $BCM <"$CM/stakeholder.cmds" >"$T/out" 2>/dev/null && cmp -s "$T/out" "$CM/stakeholder.out" &&
	ok || bad "--batch differs from --commands"
# no export: the final state, as Markdown
printf 't 0.5\n' | "$BIN" --batch $BCM >"$T/out" 2>/dev/null && grep -q '^### logreg at threshold 0.5$' "$T/out" &&
	ok || bad "--batch without export: no Markdown snapshot"
# export to a file: atomic, and the same as printed
printf 't 0.25\nexport %s/snap.md\nexport %s/snap.txt\nexport\n' "$T" "$T" | "$BIN" --batch $BCM >"$T/out" 2>/dev/null &&
	cmp -s "$T/out" "$T/snap.md" && grep -q "^threshold  0.25:" "$T/snap.txt" && ok || bad "export FILE"
ls "$T"/.cutoff-export-* >/dev/null 2>&1 && bad "export left a temporary file" || ok
printf 'export %s/nodir/snap.md\n' "$T" >"$T/c"
fails 1 "$T/c:1: cannot write $T/nodir/snap.md: No such file or directory" --commands "$T/c" $BCM
printf 't 0.5\nbogus 1\n' >"$T/c"
fails 1 "$T/c:2: unknown command 'bogus' (help lists them)" --commands "$T/c" $BCM
printf 'model nope\n' >"$T/c"
fails 1 "$T/c:1: no model named nope" --commands "$T/c" $BCM
printf 'opt f1 where recall>=1 precision>=1\n' >"$T/c"
fails 1 "$T/c:1: no threshold satisfies that for f1" --commands "$T/c" $BCM
fails 1 "$T/none.cmds: No such file" --commands "$T/none.cmds" $BCM
fails 2 "--batch reads the commands from stdin" --batch -
fails 2 "--commands and --batch replace" --commands "$T/c" --report $BCM
fails 2 "--names takes two words" --names cancer $BCM

# Paths are never cut: machine output carries them exactly, messages whole
# (a 120-character path; before, both stopped at 40 characters).
LONG=$T/a_folder_name_long_enough_to_matter/another_folder_level_of_the_warehouse_export/data
mkdir -p "$LONG"
LP=$LONG/wine_scores.csv
while [ ${#LP} -lt 120 ]; do LONG=$LONG/x; mkdir -p "$LONG"; LP=$LONG/wine_scores.csv; done
cp samples/breast_cancer.csv "$LP"
"$BIN" --report --format json -p malignant -l diagnosis -s logreg "$LP" >"$T/out" 2>"$T/err"
grep -qxF "  \"file\": \"$LP\"," "$T/out" && ok || bad "JSON file key not the exact path: $(grep '"file"' "$T/out")"
"$BIN" --report -p malignant -l diagnosis -s logreg "$LP" >"$T/out" 2>"$T/err"
grep -qxF "cutoff report: $LP" "$T/out" && ok || bad "text report path cut: $(head -1 "$T/out")"
"$BIN" --report --format markdown -p malignant -l diagnosis -s logreg "$LP" >"$T/out" 2>"$T/err"
grep -qF "$(printf '%s' "$LP" | sed 's/_/\\_/g')" "$T/out" && ok || bad "Markdown path cut: $(head -1 "$T/out")"
"$BIN" --report -l nosuch "$LP" >"$T/out" 2>"$T/err"
grep -qF "cutoff: $LP: no label column named 'nosuch'" "$T/err" && ok || bad "message path cut: $(cat "$T/err")"
"$BIN" --report --format csv -p malignant -l diagnosis -s logreg "$LP" >"$T/out" 2>"$T/err"
grep -qF "$LP" "$T/out" && ok || bad "CSV path cut"

# ---- intervals: Wilson and DeLong in every format, --conf-level, none with weights ----------------
run 0 --report --format json --conf-level 0.9 -p malignant -l diagnosis -s logreg "$BC"
has '"conf_level": 0.9,'
# pROC's ci.auc(method = "delong", conf.level = 0.9): 0.99120516447640161 to 0.99951942724708009
lo=$(sed -n 's/^  "roc_auc_ci": \[\(.*\), \(.*\)\]$/\1/p' "$T/out")
hi=$(sed -n 's/^  "roc_auc_ci": \[\(.*\), \(.*\)\]$/\2/p' "$T/out")
close_num "$lo" 0.99120516447640161 && close_num "$hi" 0.99951942724708009 && ok || bad "DeLong 90% interval: $lo, $hi"
# statsmodels' proportion_confint(204, 209, alpha=0.1, method="wilson")
lo=$(sed -n 's/^  "precision_ci": \[\(.*\), \(.*\)\],$/\1/p' "$T/out")
/usr/bin/env awk -v a="$lo" 'BEGIN { exit !(a > 0.95 && a < 0.96) }' && ok || bad "Wilson 90% precision: $lo"
run 0 --report -p malignant -l diagnosis -s logreg "$BC" && has "^95% intervals (Wilson; ROC AUC: DeLong, se 0.002527)$"
has "^precision    0.9452-0.9897         recall       0.9273-0.9808$"
run 0 --report --format markdown -p malignant -l diagnosis -s logreg "$BC" && has "^| ROC AUC | 0.9954 | 0.9904-1.000 |$"
run 0 --report --format json -w weight samples/breast_cancer_weighted.tsv -p malignant -s logreg
has '"precision_ci": null,' && has '"roc_auc_ci": null$'
run 0 --report -w weight samples/breast_cancer_weighted.tsv -p malignant -s logreg && has "^intervals  none: a weighted count"
# the paired DeLong test: pROC's roc.test gives z 2.95507234449116, p 0.0031259574080322716
run 0 --report --format json -p malignant -l diagnosis -s logreg,naive_bayes "$BC"
z=$(sed -n 's/.*"z": \([^,]*\),.*/\1/p' "$T/out")
p=$(sed -n 's/.*"p_value": \([^,]*\),.*/\1/p' "$T/out")
close_num "$z" 2.95507234449116 && close_num "$p" 0.0031259574080322716 && ok || bad "paired DeLong: z $z, p $p"
run 0 --report -p malignant -l diagnosis -s logreg,naive_bayes "$BC" && has "^logreg - naive_bayes  *+0.01336  *2.955  *0.003126  0.004498 to 0.02222$"
run 0 --report --stream -p malignant -l diagnosis -s logreg,naive_bayes "$BC" && has "no test: the rows were not kept"
# the partial AUC: scikit-learn's roc_auc_score(max_fpr=0.1) is 0.98650204868441915
run 0 --report --format json --partial-auc 0.1 -p malignant -l diagnosis -s logreg "$BC"
close_num "$(sed -n 's/^  "roc_auc_partial": \(.*\),$/\1/p' "$T/out")" 0.98650204868441915 && ok || bad "partial AUC"
has '"partial_auc_max_fpr": 0.1$'
fails 2 "--partial-auc takes a largest FPR from 1e-9 to 1, not 0" --partial-auc 0 "$BC"
# the bootstrap: the same seed gives the same bytes with one thread or two; weights give none
CUTOFF_THREADS=1 "$BIN" --optimize f1 --format json --bootstrap 300 --seed 5 -p malignant -l diagnosis -s logreg "$BC" \
	>"$T/b1" 2>/dev/null
"$BIN" --optimize f1 --format json --bootstrap 300 --seed 5 -p malignant -l diagnosis -s logreg "$BC" >"$T/b2" 2>/dev/null
cmp -s "$T/b1" "$T/b2" && grep -q '"threshold_ci": \[' "$T/b1" && grep -q '"seed": 5,' "$T/b1" && ok ||
	bad "bootstrap: one thread and two differ, or no threshold_ci"
run 0 --report --bootstrap 200 -p malignant -l diagnosis -s logreg "$BC" && has "^bootstrap  200 stratified resamples, seed 1, 95% percentile intervals$"
has "^F1  *[0-9.]*-[0-9.]*  *MCC"
fails 2 "--bootstrap resamples whole rows: not with --weight or --prevalence" --bootstrap 50 -w weight \
	samples/breast_cancer_weighted.tsv -p malignant -s logreg
fails 2 "--bootstrap resamples whole rows: not with --weight or --prevalence" --bootstrap 50 --prevalence 0.1 "$BC"
fails 2 "--bootstrap takes a whole number of resamples from 1 to 1e6, not 0" --bootstrap 0 "$BC"
fails 2 "--seed takes a whole number" --seed -1 "$BC"
fails 2 "--conf-level takes a number between 0 and 1" --conf-level 1 "$BC"
fails 2 "--conf-level takes a number between 0 and 1" --conf-level 0 "$BC"

# ---- --invert: the report of -score, as if the column had been negated ----------------
# drop_cols LIST: CSV without those columns (no quoted commas here)
drop_cols() {
	awk -F, -v drop="$1" 'BEGIN { n = split(drop, d, ","); for (i = 1; i <= n; i++) skip[d[i]] = 1 }
		{ o = ""; first = 1; for (i = 1; i <= NF; i++) if (!(i in skip)) { o = o (first ? "" : ",") $i; first = 0 }; print o }'
}
awk -F, -v OFS=, 'NR == 1 { print; next } { $3 = ($3 == 0 ? 0 : -$3); print }' "$BC" >"$T/negated.csv"
"$BIN" --report --format json --invert -t -0.3 -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null |
	grep -v '"file"\|"score_inverted": true' >"$T/inv.json"
"$BIN" --report --format json -t -0.3 -p malignant -l diagnosis -s logreg "$T/negated.csv" 2>/dev/null |
	grep -v '"file"' >"$T/neg.json"
"$BIN" --report --format csv --invert -t -0.3 -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null | drop_cols 1,4 >"$T/inv.csv"
"$BIN" --report --format csv -t -0.3 -p malignant -l diagnosis -s logreg "$T/negated.csv" 2>/dev/null | drop_cols 1 >"$T/neg.csv"
for fmt in json csv; do
	cmp -s "$T/inv.$fmt" "$T/neg.$fmt" && [ -s "$T/inv.$fmt" ] && ok ||
		bad "--invert ($fmt) differs from the negated column: $(diff "$T/inv.$fmt" "$T/neg.$fmt" | head -4)"
done
run 0 --report --format json --invert -p malignant -l diagnosis -s logreg "$BC" && has '"score_inverted": true'
has '"threshold": -0.5,'
grep -q "logreg: ROC AUC 0.004638 is below 0.5" "$T/err" && ok || bad "--invert: no AUC note: $(cat "$T/err")"
run 0 --report -p malignant -l diagnosis -s logreg "$BC" && [ ! -s "$T/err" ] && ok || bad "a note without cause: $(cat "$T/err")"
run 0 --report -p malignant -l diagnosis -s logreg "$T/negated.csv" && has "^model      logreg$"
grep -q "negated.csv: logreg: ROC AUC 0.004638 is below 0.5: its higher scores go more often with the negative class; --invert turns" \
	"$T/err" && ok || bad "AUC below 0.5: no note: $(cat "$T/err")"
run 0 --report --invert -p malignant -l diagnosis -s logreg "$T/negated.csv" && has "^model      -logreg$" && has "^inverted "
has "ROC AUC *0.9954"
[ ! -s "$T/err" ] && ok || bad "--invert turned it right, yet: $(cat "$T/err")"

echo "cli ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
