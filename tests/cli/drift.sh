#!/bin/sh
# --against: the drift between a reference and a current file against
# pROC (DeLong's unpaired test) and scipy (ks_2samp) and brute force
# (PSI), from tests/reference/drift/ (make_drift_expected.R and .py); then
# the report's sides against --report on each file, --optimize, and the
# errors.  Usage: tests/cli/drift.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/drift
T=$(mktemp -d /tmp/cutoff-drift.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# the drift object of cutoff's JSON as "drift.key value" lines
drift_keys() {
	sed -n 's/^ *"drift": {\(.*\)},*$/\1/p' | tr ',' '\n' | sed 's/^ *"\([a-z_]*\)": \(.*\)$/drift.\1 \2/'
}

for args in "$D"/*.args; do
	name=$(basename "$args" .args)
	# shellcheck disable=SC2046
	if "$BIN" $(cat "$args") --report --format json >"$T/json" 2>"$T/err"; then
		drift_keys <"$T/json" >"$T/got"
		for src in proc scipy; do
			if msg=$(close_files "$T/got" "$D/$name.$src.expected"); then ok; else bad "$name ($src): $msg"; fi
		done
	else
		bad "$name: cutoff failed: $(head -c 300 "$T/err")"
	fi
done

# each side is that file's own --report at the same threshold
A="-l diagnosis -p malignant -s logreg"
# shellcheck disable=SC2086
"$BIN" $A --against $D/bc_ref.csv $D/bc_cur.csv -t 0.3 --report --format json >"$T/both" 2>/dev/null
for side in reference current; do
	f=$D/bc_ref.csv
	[ $side = current ] && f=$D/bc_cur.csv
	# shellcheck disable=SC2086
	"$BIN" $A -t 0.3 --report --format json "$f" 2>/dev/null | sed '1d;$d' | sed 's/^/  /' >"$T/own"
	awk -v S="\"$side\": {" 'index($0, S) { on = 1; next } on && /^  }/ { exit } on' "$T/both" |
		sed 's/,$//' >"$T/side"
	sed 's/,$//' "$T/own" >"$T/own2"
	cmp -s "$T/side" "$T/own2" && ok || bad "--against: the $side side differs from --report: $(diff "$T/own2" "$T/side" | head -4)"
done
# --optimize: the reference's optimum for both, and the current data's own
# shellcheck disable=SC2086
ref_t=$("$BIN" $A --optimize f1 --format json $D/bc_ref.csv 2>/dev/null | sed -n 's/^  "threshold": \(.*\),$/\1/p')
# shellcheck disable=SC2086
cur_t=$("$BIN" $A --optimize f1 --format json $D/bc_cur.csv 2>/dev/null | sed -n 's/^  "threshold": \(.*\),$/\1/p')
# shellcheck disable=SC2086
"$BIN" $A --against $D/bc_ref.csv $D/bc_cur.csv --optimize f1 --format json >"$T/opt" 2>/dev/null
[ "$(grep -c "^    \"threshold\": $ref_t,\$" "$T/opt")" -eq 2 ] && ok || bad "--against --optimize: not the reference's optimum $ref_t on both sides"
grep -q "\"current_optimum\": {\"threshold\": $cur_t," "$T/opt" && ok || bad "--against --optimize: current_optimum is not $cur_t: $(grep current_optimum "$T/opt")"
# the text report says it in words
# shellcheck disable=SC2086
"$BIN" $A --against $D/bc_ref.csv $D/bc_cur.csv --report >"$T/text" 2>/dev/null
grep -q "^Since the reference, precision" "$T/text" && grep -q "(DeLong, unpaired)" "$T/text" && ok ||
	bad "--against text: no sentence or no test: $(tail -4 "$T/text")"
# different label vocabularies: 0/1 in one file, yes/no in the other
awk -F, -v OFS=, 'NR == 1 { print; next } { $1 = ($1 == 1 ? "yes" : "no"); print }' $D/dg_cur.csv >"$T/yesno.csv"
"$BIN" -l is_eight -s forest_prob --against $D/dg_ref.csv "$T/yesno.csv" --report --format json >"$T/v1" 2>/dev/null
"$BIN" -l is_eight -s forest_prob --against $D/dg_ref.csv $D/dg_cur.csv --report --format json >"$T/v2" 2>/dev/null
[ -s "$T/v1" ] && [ "$(drift_keys <"$T/v1")" = "$(drift_keys <"$T/v2")" ] && ok || bad "--against with 0/1 against yes/no labels differs"
# errors: a column missing from one file names that file; usage
printf 'diagnosis,logreg\nmalignant,0.9\nbenign,0.1\n' >"$T/nocol.csv"
"$BIN" $A -s naive_bayes --against "$T/nocol.csv" $D/bc_cur.csv --report >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && [ ! -s "$T/out" ] && grep -q "nocol.csv.*naive_bayes" "$T/err" && ok || bad "--against, a column missing from the reference: $(cat "$T/err")"
"$BIN" $A --against $D/bc_ref.csv "$T/nocol.csv" -s naive_bayes --report >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "nocol.csv.*naive_bayes" "$T/err" && ok || bad "--against, a column missing from the current file: $(cat "$T/err")"
"$BIN" $A --against $D/bc_ref.csv $D/bc_cur.csv --curve roc >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && grep -q "against" "$T/err" && ok || bad "--against --curve is not refused: $(cat "$T/err")"
# the reference's path is data: escaped whole in text, Markdown and JSON
mkdir -p "$T/we*ird_[x]"
cp $D/bc_ref.csv "$T/we*ird_[x]/r|$(printf '\033')[31mef.csv"
# shellcheck disable=SC2086
"$BIN" $A --against "$T/we*ird_[x]/r|$(printf '\033')[31mef.csv" $D/bc_cur.csv --report >"$T/t" 2>/dev/null
# shellcheck disable=SC2086
"$BIN" $A --against "$T/we*ird_[x]/r|$(printf '\033')[31mef.csv" $D/bc_cur.csv --report --format md >"$T/m" 2>/dev/null
! grep -q "$(printf '\033')" "$T/t" "$T/m" && grep -q 'we\\\*ird\\_\\\[x\\\]/r\\|' "$T/m" && grep -q "we\*ird_\[x\]/r|" "$T/t" && ok ||
	bad "--against: the reference's path is not escaped whole: $(head -2 "$T/t" | cat -v) / $(sed -n 3p "$T/m" | cat -v)"

echo "drift: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
