#!/bin/sh
# The explorer in tmux: y (and :copy) puts the matrix and metrics on the
# clipboard as tab-separated text by OSC 52: tmux's buffer (set-clipboard
# on) receives exactly what --batch's copy prints, and its numbers are
# --report's at the threshold shown; :copy FILE writes the same; a class
# name from the data cannot split a cell or run as a formula; M gives the
# mouse to the terminal and takes it back.  At 80x24 and 160x50.
# Usage: tests/e2e/copy.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }
A="-p malignant -l diagnosis -s logreg"

# the buffer against --batch's copy and --report at the threshold on screen
same_copy() {
	t=$(threshold)
	tm show-buffer >"$T/buf" 2>/dev/null || { echo "no buffer"; return 1; }
	# shellcheck disable=SC2086
	printf 'threshold %s\ncopy\n' "$t" | "$BIN" --batch $A "$BC" >"$T/want" 2>/dev/null
	cmp -s "$T/buf" "$T/want" || { echo "at $t: $(diff "$T/want" "$T/buf" | head -4)"; return 1; }
	# shellcheck disable=SC2086
	"$BIN" $A -t "$t" --report --format json "$BC" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
rows = [l.split("\t") for l in open(sys.argv[1]).read().split("\n") if l]
kv = {l[0]: l[1:] for l in rows}
assert kv["actual malignant"][:2] == [str(r["tp"]), str(r["fn"])], kv
assert kv["actual benign"][:2] == [str(r["fp"]), str(r["tn"])], kv
for k in ("precision", "recall", "f1", "mcc", "fpr", "npv", "balanced_accuracy", "roc_auc", "average_precision"):
    assert (kv[k][0] == "" and r[k] is None) or float(kv[k][0]) == r[k], (k, kv[k], r[k])
' "$T/buf" || return 1
}

for size in "80 24" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm set-option -g set-clipboard on
	tm send-keys -t e "cd $T && $BIN $A -t 0.3 $PWD/$BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	key y
	screen | tail -1 | grep -q "^copied 22 lines (TSV, OSC 52); none? :copy FILE" && ok || bad "$size: y said: $(screen | tail -1)"
	msg=$(BC=$PWD/$BC same_copy) && ok || bad "$size: y at 0.3: $msg"
	key Right Right Right
	key y
	msg=$(BC=$PWD/$BC same_copy) && ok || bad "$size: y after 3 steps: $msg"
	type_cmd "copy numbers.tsv"
	key Enter
	cmp -s "$T/numbers.tsv" "$T/buf" && ok || bad "$size: :copy FILE differs from the clipboard's"
	[ "$(flags | cut -d' ' -f2)" = 1 ] && ok || bad "$size: no mouse at the start: $(flags)"
	key M
	[ "$(flags | cut -d' ' -f2,3)" = "0 0" ] && screen | tail -1 | grep -q "mouse: the terminal's" && ok ||
		bad "$size: M did not give the mouse back: $(flags) $(screen | tail -1)"
	key M
	[ "$(flags | cut -d' ' -f2)" = 1 ] && ok || bad "$size: M did not take the mouse again: $(flags)"
	key q
	after_exit "q (copy $size)" 0
	rm -f "$T/numbers.tsv"
done

# a score column's name from the data: a tab and a formula stay in their cell
printf 'y,"=HY\tPER"\n1,0.9\n0,0.1\n1,0.7\n0,0.4\n' >"$T/hostile.csv"
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm set-option -g set-clipboard on
tm send-keys -t e "$BIN -l y -s 2 -t 0.5 $T/hostile.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key y
tm show-buffer >"$T/buf"
awk -F'\t' 'NR >= 3 && NR <= 6 && NF != 4 { bad = 1 } END { exit bad }' "$T/buf" && ok || bad "hostile: a cell split: $(head -6 "$T/buf")"
[ "$(head -1 "$T/buf")" = "$(printf "model\t'=HY\\\\tPER")" ] && ok || bad "hostile: $(head -1 "$T/buf")"
key q
after_exit "q (copy hostile)" 0

echo "e2e copy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
