#!/bin/sh
# The explorer in tmux: a score that runs the wrong way: the badge, :invert, and the report's numbers.
# Usage: tests/e2e/invert.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- a score that runs the wrong way: the badge, :invert, and the report's numbers ---------
awk 'BEGIN { srand(7); print "y,quality"; for (i = 0; i < 300; i++) { y = rand() < 0.4; printf "%d,%d\n", y, int(rand() * 5) + 1 + (y ? 0 : 5) } }' \
	>"$T/backwards.csv"
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l y -s quality $T/backwards.csv 2>/dev/null; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
screen | head -1 | grep -q "AUC<0.5: try :invert" && ok || bad "AUC below 0.5: no badge: $(screen | head -1)"
type_cmd "invert"
tm send-keys -t e Enter
sleep 0.3
screen | head -1 | grep -q "  -quality  " && ok || bad ":invert: the header does not say -quality: $(screen | head -1)"
screen | head -1 | grep -q "AUC<0.5" && bad ":invert: the badge stayed" || ok
tm send-keys -t e f
sleep 0.3
CN_ARGS="-l y" CN_FILE="$T/backwards.csv" check_numbers ":invert, then f"
screen >"$T/screen"
"$BIN" --report --invert -l y -s quality -t "$(threshold)" "$T/backwards.csv" >"$T/inv.txt" 2>/dev/null
grep -q "ROC AUC *1.000" "$T/screen" && grep -q "ROC AUC *1.000" "$T/inv.txt" && ok || bad ":invert: ROC AUC not 1.000 on both"
type_cmd "invert"
tm send-keys -t e Enter
sleep 0.3
screen | head -1 | grep -q "  quality  .*AUC<0.5" && ok || bad ":invert twice: not back: $(screen | head -1)"
tm send-keys -t e q
wait_for "EXIT=[0-9]"

echo "e2e invert: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
