#!/bin/sh
# The explorer in tmux: the deployment views (gains, net benefit, calibration) and questions.
# Usage: tests/e2e/deploy.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- the deployment views (gains, net benefit, calibration) and questions ------------------
BC1="-p malignant -l diagnosis -s logreg $BC"
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN $BC1; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	# v four times: at 80x24 the gains view alone, at 160x50 with the other two
	for i in 1 2 3 4; do tm send-keys -t e v; sleep 0.15; done
	sleep 0.3
	"$BIN" --report --format json $BC1 -t 0.5 >"$T/json" 2>/dev/null
	screen >"$T/screen"
	grep -q "Gains.*$(json_num lift)" "$T/screen" && ok || bad "${size% *} cols: gains view without lift $(json_num lift): $(grep Gains "$T/screen")"
	grep -q "◉" "$T/screen" && ok || bad "${size% *} cols: gains view without its operating point"
	grep -q "model.*random.*perfect" "$T/screen" && ok || bad "${size% *} cols: gains view without its legend"
	if [ "${size% *}" = 80 ]; then
		tm send-keys -t e v
		sleep 0.3
		screen >"$T/screen"
	fi
	grep -q "N[eB].*$(json_num net_benefit)" "$T/screen" && ok ||
		bad "${size% *} cols: net benefit view without $(json_num net_benefit): $(grep -a 'N[eB] ' "$T/screen")"
	grep -q "model.*treat all.*none" "$T/screen" && ok || bad "${size% *} cols: net benefit view without its legend"
	if [ "${size% *}" = 80 ]; then
		tm send-keys -t e v
		sleep 0.3
		screen >"$T/screen"
	fi
	grep -q "Calibration ECE $(json_num ece)" "$T/screen" && ok ||
		bad "${size% *} cols: calibration view without ECE $(json_num ece): $(grep Calib "$T/screen")"
	grep -q "^ *n  *[▁▂▃▄▅▆▇█]" "$T/screen" && ok || bad "${size% *} cols: calibration view without its count strip"
	# a step moves the operating point: the numbers follow --report at the new threshold
	tm send-keys -t e Left Left
	sleep 0.3
	thr=$(threshold)
	"$BIN" --report --format json $BC1 -t "$thr" >"$T/json" 2>/dev/null
	grep -q "Calibration ECE $(json_num ece)" "$T/screen" && ok || bad "calibration ECE changed with the threshold"
	check_numbers "${size% *} cols, deployment views at $thr"
	tm send-keys -t e q
	after_exit "q from the deployment views" 0
done
# :prevalence 0.001 changes the header, the metrics and the plain words
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN $BC1; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "prevalence 0.001"
tm send-keys -t e Enter
wait_for "malignant at prevalence 0.1% (sample 37.26%)"
"$BIN" --report --format json $BC1 -t 0.5 --prevalence 0.001 >"$T/json" 2>/dev/null
screen >"$T/screen"
for pair in "precision:precision" "recall:recall" "NPV:npv" "FPR:fpr" "F1:f1" "accuracy:accuracy" "MCC:mcc" \
	"flagged:predicted_positive_rate" "ROC AUC:roc_auc" "avg prec.:average_precision"; do
	got=$(LC_ALL=C.UTF-8 grep -o "^\(.\{24\}\)\?${pair%%:*}  *[0-9n-][^ ]*" "$T/screen" | head -1 | awk '{print $NF}' |
		sed 's/[▲▼^v]$//; s/±.*//')
	want=$(json_num "${pair#*:}")
	[ -n "$got" ] && [ "$got" = "$want" ] && ok || bad ":prevalence 0.001: ${pair%%:*} screen '$got', --report --prevalence '$want'"
done
grep -q "TP  *0.5475 FN *0.02147" "$T/screen" && ok || bad ":prevalence 0.001: the matrix is not reweighted: $(grep TP "$T/screen")"
tm send-keys -t e e
wait_for "In plain words"
screen | grep -q "Where the model is used, 0.1% of cases are malignant" && ok || bad ":prevalence: the plain words speak of the sample"
screen | grep -q "Out of every [0-9,]* cases, about [0-9,]* are malignant" && ok || bad ":prevalence: no natural frequencies where deployed"
screen | grep -q "alarms would be false" && ok || bad ":prevalence: the false alarms not in words"
tm send-keys -t e e
type_cmd "prevalence off"
tm send-keys -t e Enter
wait_for "the sample's prevalence again"
screen | grep -q "malignant 212 (37.26%)" && ok || bad ":prevalence off: the header did not come back"
check_numbers ":prevalence off"
# :budget 50 marks the slider and moves to the lowest threshold within it
type_cmd "budget 50"
tm send-keys -t e Enter
wait_for "capacity 50: threshold"
screen | sed -n 2p | grep -q "B" && ok || bad ":budget 50: no B on the slider: $(screen | sed -n 2p)"
screen | grep -q "flags 48 of 569" && ok || bad ":budget 50: not at the lowest threshold flagging at most 50: $(screen | grep flags)"
check_numbers ":budget 50"
# :optimize ... where flagged<= equals --optimize --max-flagged
type_cmd "optimize f1 where flagged<=100"
tm send-keys -t e Enter
wait_for "best f1"
want=$("$BIN" --optimize f1 --max-flagged 100 --format json $BC1 2>/dev/null | sed -n 's/^  "threshold": \(.*\),$/\1/p')
[ "$(threshold)" = "$want" ] && ok || bad ":optimize f1 where flagged<=100 gave $(threshold), --optimize --max-flagged $want"
tm send-keys -t e q
after_exit "q after :budget" 0

echo "e2e deploy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
