#!/bin/sh
# The deployment questions (prevalence, capacity, gains and lift, KS, net
# benefit, calibration) against tests/reference/deploy/, written by
# make_deploy_expected.py from scikit-learn and brute force.  Every number
# must agree to a relative 1e-9; a missing key or row fails.
# Usage: tests/cli/deploy.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/deploy
T=$(mktemp -d /tmp/cutoff-deploy.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# close_fields FILE_A FILE_B: two files of numbers (space- or comma-separated
# fields) agree field by field; prints the first difference
close_fields() {
	awk -v A="$1" -v B="$2" 'BEGIN {
		FS = "[ ,]"
		while ((getline la < A) > 0) {
			line++
			if ((getline lb < B) <= 0) { print "line " line ": missing in " B; exit 1 }
			na = split(la, fa, FS); nb = split(lb, fb, FS)
			if (na != nb) { print "line " line ": " la " vs " lb; exit 1 }
			for (i = 1; i <= na; i++) {
				if (fa[i] == fb[i]) continue
				if (fa[i] !~ /^-?[0-9.eE+-]+$/ || fb[i] !~ /^-?[0-9.eE+-]+$/) { print "line " line ": " la " vs " lb; exit 1 }
				x = fa[i] + 0; y = fb[i] + 0; d = x - y; if (d < 0) d = -d
				m = (x < 0 ? -x : x); if ((y < 0 ? -y : y) > m) m = (y < 0 ? -y : y)
				if (d > 1e-9 * m + 1e-15) { print "line " line ": " la " vs " lb; exit 1 }
			}
		}
		if ((getline lb < B) > 0) { print "extra line in " B ": " lb; exit 1 }
	}'
}

for args in "$D"/*.args; do
	name=$(basename "$args" .args)
	set -- $(cat "$args")
	if [ -f "$D/$name.json.expected" ]; then
		# the keys the expected file names, as cutoff's JSON gives them
		grep -v '^#' "$D/$name.json.expected" >"$T/want"
		if "$BIN" "$@" --report --format json >"$T/json" 2>"$T/err"; then
			: >"$T/got"
			while read -r key _; do
				v=$(sed -n "s/^  \"$key\": \\(.*\\)/\\1/p" "$T/json" | sed 's/,$//')
				echo "$key ${v:-MISSING}" >>"$T/got"
			done <"$T/want"
			if msg=$(close_fields "$T/got" "$T/want"); then
				pass=$((pass + 1))
			else
				fail=$((fail + 1))
				echo "FAIL: $name (cutoff $*): $msg"
			fi
		else
			fail=$((fail + 1))
			echo "FAIL: $name: cutoff $* failed: $(head -c 300 "$T/err")"
		fi
	fi
	for want in "$D/$name".*.csv; do
		[ -f "$want" ] || continue
		kind=${want#"$D/$name."}
		kind=${kind%.csv}
		if "$BIN" "$@" --curve "$kind" --format csv >"$T/curve" 2>"$T/err" &&
		   msg=$(close_fields "$T/curve" "$want"); then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $name --curve $kind: ${msg:-$(head -c 300 "$T/err")}"
		fi
		msg=
	done
done
# --prevalence P is the report of the same rows weighted P/pi (positives)
# and (1-P)/(1-pi) (negatives), pi the sample's weighted share; with
# --weight the two weights multiply
KEYS="n positives negatives tp fp tn fn precision recall specificity npv fpr fnr f1 accuracy balanced_accuracy mcc
youden_j predicted_positive_rate roc_auc average_precision log_loss brier prevalence lift ks ks_threshold net_benefit
net_benefit_treat_all ece mce brier_reliability brier_resolution brier_uncertainty"
pick() {
	for key in $KEYS; do
		v=$(sed -n "s/^  \"$key\": \(.*\)/\1/p" "$1" | sed 's/,$//')
		echo "$key ${v:-MISSING}"
	done
}
# reweigh FILE SEP LABEL_COL WEIGHT_COL(0: none) P: the file with a column w
reweigh() {
	awk -F "$2" -v OFS="$2" -v L="$3" -v W="$4" -v P="$5" '
		{ sub(/\r$/, "") }
		NR == 1 { print $0, "w"; next }
		{ row[NR] = $0; y[NR] = $L == "malignant"; w[NR] = W ? $W : 1; tot += w[NR]; if (y[NR]) pos += w[NR] }
		END { pi = pos / tot
		      for (i = 2; i <= NR; i++) printf "%s%s%.17g\n", row[i], OFS, w[i] * (y[i] ? P / pi : (1 - P) / (1 - pi)) }' "$1"
}
for case in "samples/breast_cancer.csv|,|2|0|0.01|" "samples/breast_cancer.csv|,|2|0|0.6|-t 0.9" \
	    "samples/breast_cancer_weighted.tsv|	|2|4|0.05|"; do
	IFS='|' read -r file sep lcol wcol prev extra <<EOC
$case
EOC
	reweigh "$file" "$sep" "$lcol" "$wcol" "$prev" >"$T/w.csv"
	wopt=
	[ "$wcol" != 0 ] && wopt="-w weight"
	"$BIN" -l diagnosis -p malignant -s logreg $wopt --prevalence "$prev" $extra --report --format json "$file" >"$T/a.json" 2>"$T/err"
	"$BIN" -l diagnosis -p malignant -s logreg -w w $extra --report --format json "$T/w.csv" >"$T/b.json" 2>>"$T/err"
	pick "$T/a.json" >"$T/a"
	pick "$T/b.json" >"$T/b"
	if grep -q MISSING "$T/a" || ! msg=$(close_fields "$T/a" "$T/b"); then
		fail=$((fail + 1))
		echo "FAIL: --prevalence $prev on $file differs from an explicit weight column: ${msg:-missing keys} $(head -c 200 "$T/err")"
	else
		pass=$((pass + 1))
	fi
done

# usage and data errors: one line, the right status, nothing on stdout
BC="-l diagnosis -p malignant -s logreg samples/breast_cancer.csv"
expect 2 "from 1e-9 to 1 - 1e-9" --prevalence 1 --report $BC
expect 2 "from 1e-9 to 1 - 1e-9" --prevalence 0 --report $BC
expect 2 "go with --optimize" --max-flagged 10 --report $BC
expect 2 "not between 0 and 1" --optimize f1 --max-flag-rate 1.5 $BC
expect 2 "0 or more" --optimize f1 --max-flagged -1 $BC
expect 2 "from 1 to 1000" --curve calibration --calibration-bins 0 $BC
expect 2 "not uniform or quantile" --curve calibration --calibration-strategy equal $BC
expect 2 "unknown curve" --curve lift $BC
expect 1 "needs probabilities.*logreg_logit" --curve calibration -l is_eight -s logreg_logit samples/digits_is_8.csv
expect 1 "needs probabilities" --curve net-benefit -l is_eight -s logreg_logit samples/digits_is_8.csv
expect 1 "no threshold satisfies" --optimize recall --max-flagged 0 --min-recall 0.5 $BC
# a one-class file has no deployment prevalence to reweight to
printf 'y,p\n1,0.2\n1,0.4\n' >"$T/one.csv"
expect 1 "needs both classes" --prevalence 0.1 --report -l y -s p "$T/one.csv"
# the capacity line: how many are flagged, and that ties decided it
"$BIN" -l y -s p --optimize recall --max-flagged 150 tests/reference/deploy/rare.csv >"$T/out" 2>&1
if grep -q '^capacity   142 flagged, at most 150: ties decide; the next score (0.84) would flag 158$' "$T/out"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1)); echo "FAIL: the capacity line: $(grep capacity "$T/out")"
fi
# the deployed world in the text report
"$BIN" $BC --report --prevalence 0.001 >"$T/out" 2>&1
if grep -q '^deployed   at prevalence 0.1%: counts reweighted from the sample.s 37.26% malignant$' "$T/out" &&
   grep -q '^Per 10,000 cases where deployed:$' "$T/out" && grep -q '^Of 10 malignant cases' "$T/out"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1)); echo "FAIL: the text report at --prevalence 0.001: $(head -8 "$T/out")"
fi

echo "deployment references: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
