#!/bin/sh
# The explorer in tmux: every text box at the documented minimum, 60x20: nothing cut, nothing lost.
# Usage: tests/e2e/minimum.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- every text box at the documented minimum, 60x20: nothing cut, nothing lost -------------
# box_rows: what the help box shows, each row's content without the frame
start 60 20 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e '?'
sleep 0.3
screen | grep -q "PgUp/PgDn scroll" && ok || bad "60x20: the keys' box does not say it scrolls"
box_all
for word in "next score" "range)" "everything" "nothing" ":cost)" "by rank" "class" "(--multiclass)" "thresholds" \
	"PR," "calibration" "ASCII" "them)" "stakeholders" ":export)" "this help" "quit" "steps"; do
	grep -q "$word *\$" "$T/box" && ok || bad "60x20: the keys' box lacks a whole '... $word'"
done
tm send-keys -t e x
sleep 0.2
screen | grep -q "scroll" && bad "60x20: x did not close the keys' box" || ok
type_cmd "help"
tm send-keys -t e Enter
sleep 0.3
screen | grep -q "Commands" && ok || bad ":help: no box"
box_all
for word in "class's" "rank" "column)" "the rest" "cost" "classes" "back" "off" "CSV" "level" "one" "cutoff"; do
	grep -q "$word *\$" "$T/box" && ok || bad "60x20: :help lacks a whole '... $word'"
done
tm send-keys -t e Escape
sleep 0.2
type_cmd "help optimize"
tm send-keys -t e Enter
sleep 0.3
box_rows >"$T/box"
grep -q "flag_rate<=S\]  (short: opt)" "$T/box" && grep -q "recall cost *\$" "$T/box" && ok ||
	bad "60x20: :help optimize cut: $(cat "$T/box")"
tm send-keys -t e Escape
sleep 0.2
# the plain words: every sentence whole, none over another
for size in "60 20" "80 20" "100 21"; do
	tm resize-window -t e -x "${size% *}" -y "${size#* }"
	sleep 0.3
	type_cmd "cost fp=5 fn=200 unit=\$"
	tm send-keys -t e Enter
	sleep 0.2
	tm send-keys -t e e
	sleep 0.3
	screen | tr '\n' ' ' | tr -s ' ' >"$T/words"
	for sentence in "Out of every 1,000 cases, about 373 are malignant." "It misses 14 of the 373 malignant cases." \
		"5 of its 209 alarms are false." "would cost about"; do
		grep -qF "$sentence" "$T/words" && ok || bad "$size plain words: '$sentence' missing or broken"
	done
	# the last paragraphs give way whole, and what gave way is said
	grep -qF "fewer false alarms." "$T/words" && ok ||
		{ grep -q "([0-9] more paragraphs\?: a taller window, or x exports" "$T/words" && ok ||
		  bad "$size plain words: the step paragraph gone without a marker"; }
	if grep -q "Net benefit" "$T/words"; then ok; else
		grep -q "more paragraph" "$T/words" && ok || bad "$size plain words: net benefit dropped without a marker"
	fi
	tm send-keys -t e e
	sleep 0.2
done
# below the minimum: the message whole, and keys do nothing to what is hidden
tm resize-window -t e -x 40 -y 12
sleep 0.3
screen | grep -q "cutoff needs 60x20;" && screen | grep -q "this terminal is 40x12" && ok ||
	bad "40x12: the message is cut: $(screen | grep -v '^$')"
tm resize-window -t e -x 80 -y 24
sleep 0.3
before=$(threshold)
tm resize-window -t e -x 40 -y 12
sleep 0.3
tm send-keys -t e Right Right End f
sleep 0.3
tm resize-window -t e -x 80 -y 24
sleep 0.3
[ "$(threshold)" = "$before" ] && ok || bad "keys below the minimum moved the threshold ($before to $(threshold))"
# the bottom-right cell (never written) holds nothing from a box after a shrink
for size in "79 23" "70 22" "60 20"; do
	tm send-keys -t e '?'
	sleep 0.2
	tm resize-window -t e -x "${size% *}" -y "${size#* }"
	sleep 0.3
	tm send-keys -t e x
	sleep 0.3
	[ "$(screen | tail -1 | LC_ALL=C.UTF-8 wc -m)" -le "${size% *}" ] && ok ||
		bad "$size: a stale character in the bottom-right cell: '$(screen | tail -1)'"
done
tm send-keys -t e q
after_exit "q after the boxes" 0

echo "e2e minimum: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
