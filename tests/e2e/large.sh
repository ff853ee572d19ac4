#!/bin/sh
# The explorer in tmux: millions of rows (2.4M, generated) stay responsive,
# a bootstrap runs beside them and Esc stops it; rates below 1e-4 keep their
# exponent.  Needs GEN (build/gen); without it, nothing runs.
# Usage: GEN=./build/gen tests/e2e/large.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

if [ -n "${GEN:-}" ]; then
	"$GEN" -n 2400000 >"$T/big.csv"
	"$GEN" -n 200000 -p 0.002 -r 3 >"$T/fraud.csv"
	for size in "80 24" "120 40"; do
		# shellcheck disable=SC2086
		shell $size LC_ALL=C.UTF-8
		tm send-keys -t e "$BIN $T/big.csv 2>/dev/null; echo EXIT=\$?" Enter
		wait_for "Confusion matrix"
		CN_FILE=$T/big.csv CN_ARGS= check_numbers "2.4M rows at ${size% *} columns"
		screen | grep -q "total  *[0-9,]*  *[0-9,]*  *2,400,000" && ok || bad "2.4M: totals not whole: $(screen | grep '^total')"
		tm send-keys -t e End
		sleep 0.2
		tm send-keys -t e Left Left
		sleep 0.3
		CN_FILE=$T/big.csv CN_ARGS= check_numbers "2.4M rows near the top at ${size% *} columns"
		tm send-keys -t e q
		after_exit "q on 2.4M rows" 0
	done
	# :bootstrap on 2.4M rows runs beside the explorer: a key takes effect meanwhile, Esc stops it
	shell 100 30 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN $T/big.csv 2>/dev/null; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	type_cmd "bootstrap 2000"
	tm send-keys -t e Enter
	wait_for "bootstrap: [0-9,]* of 2,000 resamples (Esc stops it)"
	before=$(threshold)
	tm send-keys -t e Right
	sleep 0.5
	[ "$(threshold)" != "$before" ] && ok || bad ":bootstrap: a key during it did nothing"
	tm send-keys -t e Escape
	wait_for "bootstrap cancelled"
	tm send-keys -t e q
	after_exit "q after a cancelled bootstrap" 0
	shell 80 24 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -t 0.95 $T/fraud.csv 2>/dev/null; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | grep -q "FPR  *[0-9.]*e-05" && ok || bad "a rate below 1e-4 lost its exponent: $(screen | grep FPR)"
	CN_FILE=$T/fraud.csv CN_ARGS= check_numbers "rates below 1e-4"
	tm send-keys -t e q
	after_exit "q on the fraud-like file" 0
fi

echo "e2e large: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
