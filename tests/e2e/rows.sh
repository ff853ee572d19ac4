#!/bin/sh
# The explorer in tmux: the rows behind a cell (r): the panel lists the
# cell's rows as --list does at the threshold shown, a step moves them, ]
# goes to the next cell, Enter shows a record read again, :rows chooses a
# cell; a record with escape bytes and a 10 KB field stays in its box;
# standard input says why it has no panel.  At 80x24 and 160x50.
# Usage: tests/e2e/rows.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }

# same_rows CELL ARGS...: the panel's rows (id or line, and score) are
# --list's first rows at the threshold on screen
same_rows() {
	cell=$1
	shift
	t=$(threshold)
	"$BIN" "$@" -t "$t" --list "$cell" --limit 5 --report --format json "$BC" >"$T/json" 2>/dev/null
	screen >"$T/screen"
	python3 - "$T/json" "$T/screen" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]["rows"]
lines = open(sys.argv[2]).read().split("\n")
got = []
for l in lines:
    # the panel's rows: "› ID SCORE LABEL ..." in the right half
    part = l[46:].replace("\u203a", " ").split()
    if len(part) >= 3 and part[2] in ("malignant", "benign"):
        got.append((part[0], float(part[1])))
want = [(r["id"], r["score"]) for r in rows]
if got[:len(want)] != want:
    sys.exit("screen %s, --list %s" % (got[:5], want))
PY
}

for size in "80 24" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --id id --show naive_bayes $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	key r
	screen | grep -q "False positives at 0.5: 5" && ok || bad "$size: r: $(screen | sed -n 5p)"
	msg=$(same_rows fp -p malignant -l diagnosis -s logreg --id id) && ok || bad "$size: fp: $msg"
	key Left Left Left
	msg=$(same_rows fp -p malignant -l diagnosis -s logreg --id id) && ok || bad "$size: fp after a step: $msg"
	key ']'
	screen | grep -q "Misses at" && ok || bad "$size: ]: $(screen | sed -n 5p)"
	msg=$(same_rows fn -p malignant -l diagnosis -s logreg --id id) && ok || bad "$size: fn: $msg"
	type_cmd "rows near"
	key Enter
	msg=$(same_rows near -p malignant -l diagnosis -s logreg --id id) && ok || bad "$size: near: $msg"
	key Down Enter
	screen | grep -q "Line [0-9]*, every column" && screen | grep -q "diagnosis" && ok || bad "$size: Enter: no record box"
	key x
	screen | grep -q "every column" && bad "$size: a key did not close the record" || ok
	type_cmd "rows off"
	key Enter
	screen | grep -q "Nearest the threshold" && bad "$size: :rows off" || ok
	# a click on the FN cell (the matrix's second row, second column) lists its rows
	x=$(screen | sed -n 8p | awk '{ print index($0, " FN ") + 2 }')
	send_sgr 0 "$x" 8 M
	send_sgr 0 "$x" 8 m
	sleep 0.4
	screen | grep -q "Misses at" && ok || bad "$size: click on FN: $(screen | sed -n 5p)"
	key q
	after_exit "q (rows $size)" 0
done

# :export rows: every row of the cell, every column, in the cell's order;
# read back, the input's records of that cell (quoted newlines, CRLF, a BOM)
R=tests/reference/rows/ties_crlf.csv
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l label -p yes -s m1 --id id $R; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "rows near"
key Enter
type_cmd "export rows $T/near.csv"
key Enter
screen | tail -1 | grep -q "rows written to" && ok || bad "export rows: $(screen | tail -1)"
type_cmd "export rows $T/near-shown.csv --shown"
key Enter
: >"$T/target.csv"
ln -s "$T/target.csv" "$T/link.csv"
type_cmd "export rows $T/link.csv"
key Enter
type_cmd "export rows /dev/full"
key Enter
screen | tail -1 | grep -q "cannot write /dev/full" && ok || bad "export rows to /dev/full: $(screen | tail -1)"
# a FIFO someone reads is written into; one no one reads is refused at once; a long path is fine
mkfifo "$T/ff" "$T/ff2"
(cat "$T/ff" >"$T/ff.out" &)
type_cmd "export rows $T/ff"
key Enter
sleep 0.3
[ "$(head -1 "$T/ff.out")" = "id,label,m1,m2,w,note" ] && [ "$(grep -c . "$T/ff.out")" -gt 100 ] && ok ||
	bad "export rows into a FIFO: $(head -2 "$T/ff.out")"
type_cmd "export rows $T/ff2"
key Enter
screen | tail -1 | grep -q "no one reads it" && ok || bad "export rows to a FIFO no one reads: $(screen | tail -1)"
LONG="$T/a_directory_with_a_rather_long_name_for_testing/another_level_of_folders_that_goes_on/and_one_more"
mkdir -p "$LONG"
type_cmd "export rows $LONG/near_rows_of_the_cell_at_the_threshold.csv"
key Enter
[ -s "$LONG/near_rows_of_the_cell_at_the_threshold.csv" ] && cmp -s "$LONG/near_rows_of_the_cell_at_the_threshold.csv" "$T/near.csv" &&
	ok || bad "export rows to a long path: $(screen | tail -1)"
key q
after_exit "q (export rows)" 0
"$BIN" -l label -p yes -s m1 --id id -t 0.5 --list near --limit 0 --report --format json $R >"$T/list.json" 2>/dev/null
python3 - "$R" "$T/near.csv" "$T/list.json" "$T/target.csv" "$T/near-shown.csv" <<'PY' && ok || bad "export rows read back"
import csv, io, json, sys
text = open(sys.argv[1], newline="", encoding="utf-8-sig").read()
reader = csv.reader(io.StringIO(text))
head = next(reader)
records, prev = {}, 1
for row in reader:
    records[prev + 1] = row
    prev = reader.line_num
got = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
assert got[0] == head, got[0]
order = [r["line"] for r in json.load(open(sys.argv[3]))["rows"]["rows"]]
want = [records[l] for l in order]
assert got[1:] == want, (len(got) - 1, len(want))
assert open(sys.argv[4]).read() == open(sys.argv[2]).read()  # through the link, at its target
shown = list(csv.reader(open(sys.argv[5], newline="")))
assert shown[0] == ["line", "id", "score"] and [int(r[0]) for r in shown[1:]] == order
PY
[ -L "$T/link.csv" ] && ok || bad "export rows replaced the link itself"

# hostile fields: escape bytes and a 10 KB field stay inside the box, escaped
awk 'BEGIN { printf "label,score,note\n"; for (i = 0; i < 40; i++) printf "%d,0.%02d,plain\n", i % 2, i + 10;
	printf "0,0.99,\"\033[31mred\033[0m"; for (i = 0; i < 10000; i++) printf "x"; printf "\"\n" }' >"$T/hostile.csv"
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --show note $T/hostile.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key r Enter
screen >"$T/box"
grep -q "Line 42, every column" "$T/box" && grep -qF '\x1b[31mred' "$T/box" && ! grep -q "$(printf '\033')" "$T/box" &&
	python3 -c 'import sys; sys.exit(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")) > 80)' "$T/box" && ok || bad "hostile record: $(grep -n note "$T/box")"
key q q
after_exit "q (hostile)" 0

# standard input with --id: the rows kept as read, the same list
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --id id --show naive_bayes - < $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key r
msg=$(same_rows fp -p malignant -l diagnosis -s logreg --id id) && ok || bad "stdin --id: $msg"
key Enter
screen | grep -q "Line 543, the columns kept as read" && screen | grep -q "naive_bayes  0.443331" && ok ||
	bad "stdin record: $(screen | grep -A3 'Line')"
key q q
after_exit "q (stdin --id)" 0

# --bins groups the scores: the panel says it needs each row's
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -s logreg --bins 20 $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key r
screen | tail -1 | grep -q "not with --bins" && ok || bad "--bins: $(screen | tail -1)"
key q
after_exit "q (--bins)" 0

# standard input without --id or --show: nothing was kept, the panel says so
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -s logreg - < $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key r
screen | tail -1 | grep -q "reads the file again: not standard input" && ok || bad "stdin: $(screen | tail -1)"
key q
after_exit "q (stdin)" 0

# counts (a GROUP BY's result, --emit-sql's or a database's) hold no rows
printf 'score,p,n\n0.1,1,2\n0.9,3,0\n,2,0\n' >"$T/counts.csv"
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --counts p,n -s score $T/counts.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key r
screen | tail -1 | grep -q "counts (--counts, a database's GROUP BY) hold none" && ok || bad "counts: $(screen | tail -1)"
key q
after_exit "q (counts)" 0

echo "e2e rows: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
