#!/bin/sh
# Runs the CLI's main paths, successes and errors, under valgrind: any
# memory error or definitely/indirectly lost byte fails the run.
# Usage: tests/cli/valgrind.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-vg.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh
BC=samples/breast_cancer.csv

vg() { # vg STATUS ARGS...
	want=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect "$BIN" "$@" >/dev/null 2>"$T/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then
		ok
	else
		bad "(status $got, expected $want): cutoff $* $(cat "$T/err")"
	fi
}

printf 'label,score,w\n1,0.9,1\n0,x,2\nNA,0.3,1\n1,0.2,-1\n0,0.1,1\n1,"0.5\n' >"$T/bad.csv"
vg 0 --report -p malignant -s logreg,naive_bayes "$BC"
vg 0 --report --format json -p malignant -s logreg "$BC"
vg 0 --report --format json -p malignant -s logreg "$BC.gz"
vg 0 --report -p malignant -s logreg "$BC.zst"
vg 0 --report --format csv -p malignant "$BC"
vg 0 --report --format markdown samples/digits_is_8.csv
vg 0 --optimize f1 --min-recall 0.9 -p malignant -s logreg "$BC"
vg 0 --optimize cost --cost-fn 10 -s forest_prob samples/digits_is_8.csv
vg 0 --curve roc --format json -p malignant -s logreg "$BC"
vg 0 --curve pr --format csv -p malignant -s logreg "$BC"
vg 0 --report --counts positives,negatives -s score samples/digits_forest_counts.csv
vg 0 --report -w weight -p malignant -s logreg samples/breast_cancer_weighted.tsv
vg 0 --report -w w "$T/bad.csv"
vg 1 --report --strict "$T/bad.csv"
vg 1 --report -s logreg "$BC"
vg 1 --report -s nope "$BC"
vg 1 --report "$T/missing.csv"
vg 1 --optimize f1 --min-precision 1 --min-recall 1 -p malignant -s logreg "$BC"
vg 2 --report --format xml "$BC"
vg 2 -s a,,b "$BC"
vg 0 --help
vg 0 --commands tests/cli/commands/stakeholder.cmds -p malignant -l diagnosis -s logreg,naive_bayes "$BC"
vg 0 --commands tests/cli/commands/markdown.cmds -p malignant -l diagnosis -s logreg,naive_bayes "$BC"
printf 'opt f1 where recall>=0.9\nexport %s/v.json\nexport json\n' "$T" >"$T/c"
vg 0 --commands "$T/c" -p malignant -l diagnosis -s logreg "$BC"
printf 'bogus\n' >"$T/c"
vg 1 --commands "$T/c" -p malignant -l diagnosis -s logreg "$BC"

# the deployment questions, groups, folds and reference against current
BG=samples/breast_cancer_groups.csv
DR=tests/reference/drift
vg 0 --report --prevalence 0.01 --format json -p malignant -s logreg "$BC"
vg 0 --optimize recall --max-flagged 100 -p malignant -s logreg "$BC"
vg 0 --curve calibration --calibration-strategy quantile -p malignant -s logreg "$BC"
vg 0 --curve gain --format json -p malignant -s logreg "$BC"
vg 0 --curve net-benefit -p malignant -s logreg "$BC"
vg 1 --curve calibration -l is_eight -s logreg_logit samples/digits_is_8.csv
vg 0 --report --group size --group-thresholds equal-recall=0.9 -p malignant -l diagnosis -s logreg,naive_bayes "$BG"
vg 0 --report --group size --format markdown -p malignant -l diagnosis -s logreg --stream "$BG"
vg 0 --optimize f1 --fold fold --format json -p malignant -l diagnosis -s logreg samples/breast_cancer_folds.csv
vg 1 --report --group id -p malignant -l diagnosis -s logreg "$T/missing.csv"
vg 0 --optimize f1 --against $DR/bc_ref.csv -p malignant -l diagnosis -s logreg,naive_bayes $DR/bc_cur.csv
vg 0 --report --format json --against $DR/dg_ref.csv -l is_eight -s forest_prob $DR/dg_cur.csv
vg 1 --report --against "$T/missing.csv" -p malignant -l diagnosis -s logreg $DR/bc_cur.csv
printf 'prevalence 0.01\nbudget 50\ngroup size\ngroup-thresholds equal-fpr 0.05\nexport json\ngroup off\nprevalence off\nexport txt\n' >"$T/c"
vg 0 --commands "$T/c" -p malignant -l diagnosis -s logreg "$BG"

# the rows behind a cell: a second reading, standard input, each format
RW=tests/reference/rows
vg 0 --report --list fp --limit 3 --id id --show note -w w -l label -p yes -s m1,m2 -t 0.5 $RW/ties_crlf.csv
vg 0 --optimize f1 --list near --limit 0 --format csv -l label -p yes -s m1 $RW/ties.csv
vg 0 --report --format markdown --list fn --id id -p malignant -s logreg "$BC"

# today's policy as a baseline
vg 0 --report --format json -l diagnosis -p malignant -s logreg,naive_bayes -t 0.3 --baseline 0.5 "$BC"
vg 0 --optimize cost --cost-fn 20 --format csv -l diagnosis -p malignant -s logreg --baseline inf "$BC"

# a review band
vg 0 --report --format json -l diagnosis -p malignant -s logreg,naive_bayes --band-precision 0.99 --band-npv 0.99 "$BC"
vg 0 --optimize f1 --format markdown -l diagnosis -p malignant -s logreg --band 0.2,0.8 "$BC"

# several classes: every format, the optimum per class, curves, refusals
MC=tests/reference/multiclass
vg 0 --report --format json samples/digits_classes.csv
vg 0 --optimize f1 --format csv --multiclass -l label -s a,b,c,d -w weight $MC/ties.csv
vg 0 --report --format markdown --multiclass -l label -s class_0,class_1,class_2 --thresholds class_1=0.2 $MC/wine_forest.csv
vg 0 --curve pr --format json samples/digits_classes.csv
vg 1 --multiclass -l label -s a,b,c --report "$T/missing.csv"
vg 2 --report --thresholds nine=0.3,ten=0.2 samples/digits_classes.csv

echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
