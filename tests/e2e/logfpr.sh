#!/bin/sh
# The explorer in tmux with rare positives (0.2%): L puts ROC's FPR axis
# on a log scale from 1/negatives to 1, ticked at the powers of ten; the
# operating point sits where --report's FPR and TPR fall on that axis (its
# column from log(FPR n) / log(n), n the negatives), before and after a
# step; the scores' counts go log too; :set linfpr is linear again.  At
# 80x24 and 160x50.
# Usage: tests/e2e/logfpr.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }
"${GEN:-./build/gen}" -n 200000 -p 0.002 -r 5 >"$T/rare.csv"

# the ◉ on the ROC plot against the report at the threshold shown
at_report() {
	screen >"$T/screen"
	"$BIN" -l label -s score -t "$(threshold)" --report --format json "$T/rare.csv" 2>/dev/null >"$T/json"
	python3 - "$T/screen" "$T/json" <<'PY'
import json, math, sys
lines = open(sys.argv[1]).read().split("\n")
r = json.load(open(sys.argv[2]))
# the ROC plot: the row that says "ROC", its y axis's 1 and 0 ticks below
top = next(i for i, l in enumerate(lines) if "ROC" in l and "AUC" in l)
x0 = lines[top].index("ROC")
def tick(label, start):
    for i in range(start, len(lines)):
        seg = lines[i][x0:x0 + 5]
        if seg.strip().startswith(label) and "┤" in seg:
            return i
one = tick("1", top + 1); zero = tick("0", one + 1)
ax = x0 + 5                                   # the canvas starts after the axis
# the plot beside it (PR) starts where its title does
bound = lines[top].find(" PR ", x0)
labels = lines[zero + 1][:bound if bound > 0 else None]
right = max(i for i, ch in enumerate(labels) if ch == "1" and i >= ax and (i + 1 >= len(labels) or labels[i + 1] == " ") and (labels[i - 1] == " "))
w = right - ax + 1
floor = 1 / r["negatives"] if r["negatives"] >= 10 else 0.1
pos = 0 if r["fpr"] <= floor else math.log(r["fpr"] / floor) / math.log(1 / floor)
want_x = ax + round(pos * (w - 1))
want_y = one + round((1 - r["recall"]) * (zero - one))
got = [(i, l.index("◉", ax)) for i, l in enumerate(lines[one:zero + 1], one) if "◉" in l[ax:ax + w]]
assert got == [(want_y, want_x)], (got, (want_y, want_x), r["fpr"], r["recall"], w)
assert "1e-4" in labels and "0.01" in labels, labels
PY
}

for size in "80 24" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -l label -s score -t 0.9 $T/rare.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	key L
	screen | tail -1 | grep -q "log scales: FPR from" && ok || bad "$size: L said: $(screen | tail -1)"
	msg=$(at_report 2>&1) && ok || bad "$size: at 0.9: $(echo "$msg" | tail -1)"
	key PPage
	msg=$(at_report 2>&1) && ok || bad "$size: after PgUp: $(echo "$msg" | tail -1)"
	if [ "${size% *}" = 160 ]; then
		# the scores' histogram counts on a log scale too, said on its axis
		screen | grep -q "^ *log  ⣿\|^ *log  ⣤" && ok || bad "$size: no log count axis on the scores plot"
	fi
	type_cmd "set linfpr"
	key Enter
	screen | grep -q "FPR" && ok || bad "$size: :set linfpr: no linear FPR label"
	key q
	after_exit "q (logfpr $size)" 0
done

echo "e2e logfpr: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
