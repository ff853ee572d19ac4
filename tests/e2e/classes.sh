#!/bin/sh
# The explorer in tmux with a score column per class (--multiclass): the
# class switcher, each class's own knob, the K x K matrix (by the
# thresholds and by the highest score) equal to --report at the thresholds
# shown, :class and :t CLASS=X, 10 classes on screen, 50 classes
# scrolling, counts of 7 digits whole; at 80x24 and 160x50.
# Usage: tests/e2e/classes.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh
W=tests/reference/multiclass/wine_logreg.csv
D=samples/digits_classes.csv

# start_file W H FILE ARGS...: the explorer on FILE
start_file() {
	shell "$1" "$2" LANG=C.UTF-8 LC_ALL=C.UTF-8
	f=$3
	shift 3
	tm send-keys -t e "$BIN $* $f; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
}

key() { tm send-keys -t e "$@"; sleep 0.3; }

# the thresholds of every class as the table shows them: --thresholds's
# argument (the table must show every class: few classes or a tall pane)
shown_thresholds() {
	screen | awk -v names="$1" 'BEGIN { n = split(names, c, ",") }
		/^class +threshold/ { on = 1; next }
		on && NF >= 6 { for (i = 1; i <= n; i++) if ($1 == c[i]) t[$1] = $2 }
		END { s = ""; for (i = 1; i <= n; i++) if (c[i] in t) s = s (s ? "," : "") c[i] "=" t[c[i]]; print s }'
}

# same_matrix WHICH ARGS...: every matrix row on screen equals the JSON
# report's (WHICH: argmax or thresholded) at the same options
same_matrix() {
	which=$1
	shift
	"$BIN" "$@" --report --format json >"$T/json" 2>/dev/null
	screen >"$T/screen"
	python3 - "$T/json" "$T/screen" "$which" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
m = r[sys.argv[3]]
labels = m["labels"]
lines = open(sys.argv[2]).read().split("\n")
head = next(i for i, l in enumerate(lines) if l.startswith("Every class"))
cols = lines[head + 1].split()
seen = 0
for l in lines[head + 2:]:
    f = l.split()
    if not f or f[0] not in labels or len(f) != len(cols) + 1:
        if seen:
            break
        continue
    row = m["matrix"][labels.index(f[0])]
    for name, cell in zip(cols, f[1:]):
        want = row[labels.index(name)]
        if float(cell.replace(",", "")) != want:
            sys.exit("%s -> %s: screen %s, report %s" % (f[0], name, cell, want))
    seen += 1
if seen == 0:
    sys.exit("no matrix rows on screen")
print(seen)
PY
}

# ---- 80x24, three classes: the switcher, each knob, the matrix
start_file 80 24 "$W"
screen | grep -q "^cutoff  wine_logreg.csv  class_0 (1/3)  n 178  class_0 59 (33.15%)" && ok || bad "80x24: header: $(screen | head -1)"
key k
screen | grep -q "^Every class  the thresholds decide" && ok || bad "80x24: k shows no classes: $(screen | sed -n 5p)"
key Right Right Right
thr=$(shown_thresholds class_0,class_1,class_2)
case $thr in class_0=0.5,*) bad "80x24: the knob did not move ($thr)" ;; *) ok ;; esac
n=$(same_matrix thresholded --multiclass -l label -s class_0,class_1,class_2 --thresholds "$thr" "$W") && [ "$n" -eq 3 ] &&
	ok || bad "80x24: class_0's knob: $n"
key m
screen | grep -q "class_1 (2/3)" && ok || bad "80x24: m: $(screen | head -1)"
key PgUp PgUp
thr2=$(shown_thresholds class_0,class_1,class_2)
case $thr2 in "${thr%%,*}",class_1=0.5,*) bad "80x24: class_1's knob did not move ($thr2)" ;; "${thr%%,*}",*) ok ;;
	*) bad "80x24: class_0's threshold changed with class_1's knob ($thr -> $thr2)" ;; esac
n=$(same_matrix thresholded --multiclass -l label -s class_0,class_1,class_2 --thresholds "$thr2" "$W") &&
	ok || bad "80x24: class_1's knob: $n"
key a
n=$(same_matrix argmax --multiclass -l label -s class_0,class_1,class_2 "$W") && ok || bad "80x24: argmax: $n"
type_cmd "class class_2"
key Enter
screen | grep -q "class_2 (3/3)" && ok || bad "80x24: :class: $(screen | head -1)"
type_cmd "t class_0=0.9"
key Enter
screen | grep -q "^class_0 *0.9 " && screen | grep -q "class class_0: threshold 0.9" && ok ||
	bad "80x24: :t class_0=0.9: $(screen | grep '^class_0')"
# the completion offers the class names
type_cmd "class cla"
key Tab
screen | tail -2 | grep -q "class_0 *class_1 *class_2\|class class_" && ok || bad "80x24: no completion: $(screen | tail -2)"
key Escape
key q
after_exit "q (classes)" 0

# ---- x: the snapshot is the multiclass report at the knobs, and the words of the class on screen
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "cd $T && $BIN $PWD/$W; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key Right Right x
snap=$(ls "$T"/cutoff-class_0-*.md 2>/dev/null | head -1)
if [ -n "$snap" ] && grep -q "^# cutoff multiclass report" "$snap" && grep -qxF '### In plain words: class\_0 against the rest' "$snap" &&
	grep -qxF '| class\_0 | 57 | 0 | 0 | 2 |' "$snap"; then ok; else bad "x: snapshot: $(ls "$T"; head -3 "$snap" 2>/dev/null)"; fi
key q
after_exit "q (snapshot)" 0

# ---- 160x50, ten classes all on screen
start_file 160 50 "$D"
key k
n=$(same_matrix thresholded -l digit "$D") && [ "$n" -eq 10 ] && ok || bad "160x50: ten classes: $n"
[ "$(screen | grep -c '^\(zero\|one\|two\|three\|four\|five\|six\|seven\|eight\|nine\) ')" -eq 20 ] && ok ||
	bad "160x50: not every class in the matrix and the table"
key m m m PgDn PgDn
thr=$(shown_thresholds zero,one,two,three,four,five,six,seven,eight,nine)
n=$(same_matrix thresholded -l digit --thresholds "$thr" "$D") && [ "$n" -eq 10 ] && ok || bad "160x50: three's knob: $n"
key q
after_exit "q (ten classes)" 0

# ---- 50 classes at 80x24: the window follows the class on screen
awk 'BEGIN { srand(50); printf "label"; for (c = 1; c <= 50; c++) printf ",c%02d", c; print ""
	for (i = 0; i < 3000; i++) { y = int(rand() * 50) + 1; printf "c%02d", y
		for (c = 1; c <= 50; c++) printf ",%.4f", (c == y ? 0.5 : 0) + rand() * 0.6; print "" } }' >"$T/c50.csv"
start_file 80 24 "$T/c50.csv" --multiclass -l label -s "$(seq -f c%02g -s, 1 50 | sed 's/,$//')"
key k
screen | grep -q "^classes 1-[0-9]* of 50 by row" && ok || bad "50 classes: no window: $(screen | grep classes)"
i=0
while [ $i -lt 30 ]; do tm send-keys -t e m; i=$((i + 1)); done
sleep 0.5
screen | grep -q "c31 (31/50)" && ok || bad "50 classes: m x30: $(screen | head -1)"
screen | grep -q "^classes [0-9]*-[0-9]* of 50 by row" && screen | grep -q "^c31 " && ok || bad "50 classes: c31 not in sight"
n=$(same_matrix thresholded --multiclass -l label -s "$(seq -f c%02g -s, 1 50 | sed 's/,$//')" "$T/c50.csv") && ok ||
	bad "50 classes: $n"
key q
after_exit "q (50 classes)" 0

# ---- counts of 7 digits, whole
awk 'BEGIN { srand(7); print "label,a,b,c"; for (i = 0; i < 1200000; i++) { y = i % 10 ? "a" : (i % 20 ? "b" : "c")
	printf "%s,%.3f,%.3f,%.3f\n", y, (y == "a") * 0.5 + rand() * 0.5, (y == "b") * 0.5 + rand() * 0.5, (y == "c") * 0.5 + rand() * 0.5 } }' >"$T/big.csv"
start_file 80 24 "$T/big.csv" --multiclass -l label -s a,b,c
key k
screen | grep -q "^a  *1,0[0-9][0-9],[0-9][0-9][0-9] " && ok || bad "7 digits: $(screen | grep '^a ')"
n=$(same_matrix thresholded --multiclass -l label -s a,b,c "$T/big.csv") && ok || bad "7 digits: $n"
key q
after_exit "q (7 digits)" 0

# ---- a terminal that cannot draw the explorer gets the multiclass report
shell 100 30 TERM=dumb LANG=C.UTF-8
tm send-keys -t e "$BIN --thresholds two=0.9 $D; echo EXIT=\$?" Enter
wait_for "EXIT=[0-9]"
tm capture-pane -t e -p -S -300 >"$T/dumb"
grep -q "^cutoff multiclass report: samples/digits_classes.csv" "$T/dumb" && grep -q "^two .* 0.9 " "$T/dumb" &&
	grep -q "EXIT=0" "$T/dumb" && ok || bad "TERM=dumb: $(head -5 "$T/dumb")"

echo "e2e classes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
