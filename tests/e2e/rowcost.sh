#!/bin/sh
# The explorer in tmux with row costs (--cost-fp-col fee --cost-fn-col
# amount): the threshold line's and the metrics' cost, the pin's and the change equal
# --report's at the thresholds shown; $ jumps to --optimize cost's
# threshold; the plain words say the cost; Right moves it all.  At 80x24
# and 160x50.
# Usage: tests/e2e/rowcost.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }
D=tests/reference/rowcost/breast_cancer_costs.csv
A="-p malignant -l diagnosis -s logreg --cost-fp-col fee --cost-fn-col amount"

# report_cost T: the text report's total cost at T, as the screen writes money
report_cost() {
	# shellcheck disable=SC2086
	"$BIN" $A -t "$1" --report "$D" 2>/dev/null | sed -n 's/^cost       \([^:]*\):.*/\1/p'
}

# the threshold line's figures are the report's, at the threshold and the pin
same_costs() { # PIN
	t=$(threshold)
	line=$(screen | grep "^threshold ")
	now=$(echo "$line" | sed -n 's/.*   cost \([^ ]*\).*/\1/p')
	[ -n "$now" ] && [ "$now" = "$(report_cost "$t")" ] || { echo "at $t: screen '$now', report '$(report_cost "$t")'"; return 1; }
	# the metrics' cost, in average precision's place
	met=$(screen | sed -n '/^Metrics/,/^ROC AUC/p' | cut -c1-46 | sed -n 's/.*cost  *\([0-9.,]*\).*/\1/p')
	[ "$met" = "$now" ] || { echo "metrics' cost '$met', threshold line's '$now'"; return 1; }
	case $line in
	*"(pin "*)
		pin=$(echo "$line" | sed -n 's/.*(pin [^:]*: \(.*\), \([-+][^)]*\)).*/\1 \2/p')
		# shellcheck disable=SC2086
		change=$("$BIN" $A -t "$t" --baseline "$1" --report "$D" 2>/dev/null | awk '$1 == "cost" && NF == 4 {print $4}')
		[ "$pin" = "$(report_cost "$1") $change" ] || { echo "pin: screen '$pin', report '$(report_cost "$1") $change'"; return 1; }
		;;
	esac
	return 0
}

for size in "80 24" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN $A -t 0.3 --baseline 0.5 $D; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | grep "^threshold " | grep -q "   cost " && ok || bad "$size: no cost: $(screen | grep '^threshold')"
	msg=$(same_costs 0.5) && ok || bad "$size: start: $msg"
	key Right Right Right
	msg=$(same_costs 0.5) && ok || bad "$size: Right x3: $msg"
	key '$'
	# shellcheck disable=SC2086
	want=$("$BIN" $A --optimize cost --format json "$D" 2>/dev/null | sed -n 's/^  "threshold": \(.*\),$/\1/p')
	[ "$(threshold)" = "$want" ] && ok || bad "$size: \$: threshold $(threshold), --optimize cost says $want"
	msg=$(same_costs 0.5) && ok || bad "$size: \$: $msg"
	if [ "${size#* }" -ge 30 ]; then
		# the plain words: the cost here and at the pin, as the report writes them
		words="The mistakes cost $(report_cost "$(threshold)") here, $(report_cost 0.5) at 0.5."
		screen | python3 -c 'import sys; print(" ".join(l[:46] for l in sys.stdin.read().split("\n")))' | tr -s ' ' |
			grep -qF "$words" && ok || bad "$size: plain words lack '$words': $(screen | grep -A6 'In plain')"
	fi
	type_cmd "pin off"
	key Enter
	screen | grep "^threshold " | grep -q "(pin" && bad "$size: :pin off kept the pin's cost" || ok
	msg=$(same_costs 0.5) && ok || bad "$size: unpinned: $msg"
	key q
	after_exit "q (rowcost $size)" 0
done

# :prevalence would reweight rows whose costs were summed as they are
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN $A $D; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "prevalence 0.1"
key Enter
screen | grep -q "no :prevalence with row costs" && ok || bad ":prevalence: $(screen | tail -1)"
type_cmd "cost fp=3 fn=7 unit=\$"
key Enter
screen | grep -q "a false alarm costs each row's own, a miss each row's own" && ok || bad ":cost: $(screen | tail -1)"
key q
after_exit "q (rowcost :prevalence)" 0

echo "e2e rowcost: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
