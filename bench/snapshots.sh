#!/bin/sh
# A refactor's witness: runs cutoff over a fixed set of inputs and options
# (every report format, every curve, --optimize, --batch commands, groups,
# folds, --against, intervals, bootstrap, a 2.4M-row and a rare-event file)
# and writes each run's stdout, stderr and status to OUT/NNN.  Run it with
# the binary before and after a change and compare: diff -r OLD NEW.
# Usage: bench/snapshots.sh ./cutoff OUT [GEN]   (from the project root)
set -u
BIN=$1
OUT=$2
GEN=${3:-./build/gen}
mkdir -p "$OUT"
T=/tmp/cutoff-snap # fixed: the outputs name it
rm -rf "$T" && mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
BC=samples/breast_cancer.csv
DG=samples/digits_is_8.csv
BG=samples/breast_cancer_groups.csv
BF=samples/breast_cancer_folds.csv
DR=tests/reference/drift
"$GEN" -n 2400000 >"$T/big.csv"
"$GEN" -n 200000 -p 0.002 -r 3 >"$T/rare.csv"
n=0
run() {
	n=$((n + 1))
	f=$(printf '%s/%03d' "$OUT" "$n")
	"$BIN" "$@" >"$f.out" 2>"$f.err" </dev/null
	echo "$? $*" >"$f.cmd"
}
batch() {
	n=$((n + 1))
	f=$(printf '%s/%03d' "$OUT" "$n")
	cmds=$1
	shift
	printf "$cmds" | "$BIN" --batch "$@" >"$f.out" 2>"$f.err"
	echo "$? batch '$cmds' $*" >"$f.cmd"
}
BCA="-p malignant -l diagnosis -s logreg,naive_bayes $BC"
for fmt in text json csv markdown; do
	run --report --format $fmt $BCA
	run --report --format $fmt -l is_eight -s forest_prob,logreg_logit $DG
	run --optimize f1 --format $fmt $BCA
	run --optimize cost --cost-fp 1 --cost-fn 20 --format $fmt $BCA
	run --optimize recall --min-precision 0.95 --format $fmt $BCA
	run --report --format $fmt --prevalence 0.01 $BCA
	run --report --format $fmt --group size -p malignant -l diagnosis -s logreg $BG
	run --report --format $fmt --group size --group-thresholds equal-recall=0.9 -p malignant -l diagnosis -s logreg $BG
	run --optimize f1 --format $fmt --fold fold -p malignant -l diagnosis -s logreg $BF
	run --report --format $fmt --partial-auc 0.1 --calibration-bins 5 $BCA
done
for fmt in text json markdown; do
	run --report --format $fmt --against $DR/bc_ref.csv -p malignant -l diagnosis -s logreg $DR/bc_cur.csv
	run --optimize f1 --format $fmt --against $DR/bc_ref.csv -p malignant -l diagnosis -s logreg $DR/bc_cur.csv
done
for curve in roc pr calibration gain net-benefit metrics; do
	for fmt in text json csv markdown; do
		run --curve $curve --format $fmt $BCA
	done
done
run --report --bootstrap 200 --seed 3 $BCA
run --optimize f1 --format json --bootstrap 100 $BCA
run --report --counts positives,negatives -s score samples/digits_forest_counts.csv
run --report -w weight -p malignant -s logreg samples/breast_cancer_weighted.tsv
run --report --stream --bins 100 $BCA
run --report $T/big.csv
run --optimize f1 --format json $T/big.csv
run --report --stream $T/big.csv
run --report -t 0.95 $T/rare.csv
run --report --format json --prevalence 0.001 $T/rare.csv
for c in tests/cli/commands/*.cmds; do
	run --commands "$c" $BCA
done
batch 'threshold 0.3\nexplain\nexport txt\n' $BCA
batch 'group-thresholds equal-recall 0.9\nexport md\n' --group size -p malignant -l diagnosis -s logreg $BG
batch 'prevalence 0.05\nbudget 30\nexport json\n' $BCA
batch 'invert\nexport txt\n' $BCA
run --report --invert $BCA
run --report /nonexistent.csv
run --report --bootstrap 5 --prevalence 0.1 $BCA
echo "snapshots: $n runs in $OUT"
