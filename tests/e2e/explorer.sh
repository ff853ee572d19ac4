#!/bin/sh
# End-to-end tests of the explorer in tmux: start it at fixed sizes, move
# the threshold with keys and SGR mouse reports, read the pane, and check
# that the matrix and metrics shown equal `cutoff --report --format json`
# at the threshold shown; resize mid-session; leave by every exit path and
# check the terminal is sane.  Uses its own tmux server (-L), so it never
# touches the user's sessions.
# Usage: tests/e2e/explorer.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- 80x24, UTF-8 ------------------------------------------------------------------------
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color
screen | grep -q "├" && ok || bad "80x24: no Unicode slider"
# colour: the pane holds colour escapes (green/red cells, cyan keys)
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\[3[1-6]m\|$(printf '\033')\[3[1-6];" && ok || bad "80x24: no colour"
[ "$(flags)" = "1 1 1 1 0" ] && ok || bad "80x24: modes while running: $(flags)"
check_numbers "start"
t0=$(threshold)
tm send-keys -t e Right Right Right
sleep 0.3
check_numbers "after Right x3"
[ "$(threshold)" != "$t0" ] && ok || bad "Right did not move the threshold"
tm send-keys -t e PPage
sleep 0.3
check_numbers "after PgUp"
tm send-keys -t e f
sleep 0.3
check_numbers "after f (best F1)"
want=$("$BIN" --optimize f1 --format json -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null | sed -n 's/^  "threshold": \(.*\),$/\1/p')
[ "$(threshold)" = "$want" ] && ok || bad "f: threshold $(threshold), --optimize f1 says $want"
tm send-keys -t e s
sleep 0.2
screen | grep -q "slide by rank" && ok || bad "s did not switch to rank"
tm send-keys -t e Home
sleep 0.2
check_numbers "after Home"
tm send-keys -t e End
sleep 0.2
[ "$(threshold)" = "inf" ] && ok || bad "End: threshold $(threshold), expected inf"
check_numbers "after End"
tm send-keys -t e s

# the mouse: a click on the slider track (row 3), then a drag
send_sgr 0 20 3 M
send_sgr 0 20 3 m
sleep 0.3
t1=$(threshold)
check_numbers "after a click on the slider"
send_sgr 0 20 3 M
send_sgr 32 40 3 M
send_sgr 32 60 3 M
sleep 0.3
t2=$(threshold)
send_sgr 0 60 3 m
sleep 0.2
check_numbers "after a drag"
awk -v a="$t1" -v b="$t2" 'BEGIN { exit !(b + 0 > a + 0) }' && ok || bad "drag right did not raise the threshold ($t1 -> $t2)"
# a drag continues outside the slider's rows
send_sgr 0 60 3 M
send_sgr 32 30 12 M
sleep 0.3
send_sgr 0 30 12 m
awk -v a="$t2" -v b="$(threshold)" 'BEGIN { exit !(b + 0 < a + 0) }' && ok || bad "drag left (off the track) did not lower the threshold"
# a click on the ROC plot (right half) jumps to the nearest point
send_sgr 0 60 12 M
send_sgr 0 60 12 m
sleep 0.3
check_numbers "after a click on the ROC plot"
# models and plots
tm send-keys -t e m
sleep 0.3
head -1 "$T/screen" >/dev/null
screen | head -1 | grep -q "naive_bayes (2/2)" && ok || bad "m did not switch model"
check_numbers "second model"
tm send-keys -t e v
sleep 0.2
screen | grep -q "^Confusion matrix *Precision-recall\|^Confusion matrix *PR " && ok || bad "v did not cycle to the PR plot"
tm send-keys -t e '?'
sleep 0.2
screen | grep -q "any key closes\|other keys close" && ok || bad "? did not open the help"
tm send-keys -t e x
sleep 0.2
screen | grep -q "any key closes\|other keys close" && bad "a key did not close the help" || ok
# q too only closes the help, as the box says (it used to quit)
tm send-keys -t e '?'
sleep 0.2
tm send-keys -t e q
sleep 0.3
screen | grep -q "Confusion matrix" && ok || bad "q with the help open quit the explorer"
screen | grep -q "any key closes\|other keys close" && bad "q did not close the help" || ok

# resize mid-session, then below the minimum, then back
tm resize-window -t e -x 120 -y 40
sleep 0.4
[ "$(screen | awk '{ if (length($0) > m) m = length($0) } END { print m }')" -gt 80 ] && ok || bad "resize: the screen did not grow"
screen | grep -q "In plain words" && ok || bad "120x40: no summary panel"
check_numbers "after resize to 120x40"
tm resize-window -t e -x 50 -y 15
sleep 0.4
screen | grep -q "cutoff needs 60x20;" && screen | grep -q "this terminal is 50x15" && ok || bad "too small: no message"
tm resize-window -t e -x 80 -y 24
sleep 0.4
check_numbers "after resize back to 80x24"
tm send-keys -t e q
after_exit "q" 0

# ---- 160x50, UTF-8 ----------------------------------------------------------------------
start 160 50 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
screen | grep -q "ROC AUC [0-9.]* ([0-9.]*-[0-9.]*)" && screen | grep -q "PR  AP [0-9.]*   recall [0-9.]*  precision [0-9.]*$" &&
	screen | grep -q "^Scores\| Scores " &&
	ok || bad "160x50: not all four plots"
check_numbers "160x50 start"
tm send-keys -t e Left Left PPage NPage j
sleep 0.3
check_numbers "160x50 after keys"
# a click far right on the slider (SGR works past column 95 here)
send_sgr 0 150 3 M
send_sgr 0 150 3 m
sleep 0.3
check_numbers "160x50 after a click at column 150"
# press and release in one write (as they often arrive over ssh): a click
before=$(threshold)
tm send-keys -t e -l "$(printf '\033[<0;40;3M\033[<0;40;3m')"
sleep 0.3
[ "$(threshold)" != "$before" ] && ok || bad "xterm-256color: a one-write click did nothing"
check_numbers "160x50 after a one-write click"
# the wheel, the same way
before=$(threshold)
tm send-keys -t e -l "$(printf '\033[<64;40;3M')"
sleep 0.3
[ "$(threshold)" != "$before" ] && ok || bad "xterm-256color: the wheel did nothing"
tm send-keys -t e C-c
after_exit "Ctrl-C" 130

# ---- plain ASCII, no colour ------------------------------------------------------------------------
start 80 24 LC_ALL=C NO_COLOR=1 TERM=tmux-256color
screen | grep -q "^\[---" && ok || bad "LC_ALL=C: no ASCII slider"
screen | LC_ALL=C grep -q '[^ -~]' && bad "LC_ALL=C: non-ASCII on screen" || ok
# monochrome: no colour, but reverse video for the knob and the error cells
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\[3[1-7]m" && bad "NO_COLOR: colour on screen" || ok
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\[7m\|$(printf '\033')\[[0-9;]*;7m" && ok || bad "NO_COLOR: no reverse video"
tm send-keys -t e Right Right
sleep 0.3
check_numbers "ASCII after keys"
# the command line in a plain ASCII locale
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e -l "t 0.6"
sleep 0.1
screen | tail -1 | grep -q '^:t 0.6$' && ok || bad "LC_ALL=C: command line shows '$(screen | tail -1)'"
tm send-keys -t e Enter
sleep 0.3
[ "$(threshold)" = "0.6" ] && ok || bad "LC_ALL=C: :t 0.6 gave $(threshold)"
check_numbers "ASCII after :t 0.6"
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e -l "exp"
tm send-keys -t e Tab
sleep 0.2
screen | tail -1 | grep -q '^:exp' && ok || bad "LC_ALL=C: completion broke the line"
tm send-keys -t e Escape
sleep 0.3
screen | LC_ALL=C grep -q '[^ -~]' && bad "LC_ALL=C: non-ASCII on screen after the command line" || ok
tm send-keys -t e q
after_exit "q (ASCII)" 0

# ---- --no-mouse leaves the mouse to the terminal ----------------------------------------
shell 80 24 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --no-mouse -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(flags)" = "1 0 0 0 0" ] && ok || bad "--no-mouse: modes $(flags)"
tm send-keys -t e q
after_exit "q (--no-mouse)" 0

# ---- a long path: the header keeps the file's name, shortened from the left -----------------
LONGDIR="$T/a_directory_with_a_rather_long_name_for_testing/another_level_of_folders_that_goes_on/and_one_more_for_good_measure"
mkdir -p "$LONGDIR"
cp "$BC" "$LONGDIR/wine_scores.csv"
for size in "60 20" "80 24"; do
	# shellcheck disable=SC2086
	shell $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $LONGDIR/wine_scores.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | head -1 | grep -q "wine_scores.csv  logreg  n 569  malignant 212 (37.26%)" && ok ||
		bad "$size: the header lost the file's name or a number: $(screen | head -1)"
	tm send-keys -t e q
	after_exit "q with a long path" 0
done
shell 160 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $LONGDIR/wine_scores.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
screen | head -1 | grep -q "…[a-z_/]*/and_one_more_for_good_measure/wine_scores.csv  logreg" && ok ||
	bad "160 columns: the path does not give way from the left: $(screen | head -1)"
tm send-keys -t e q
after_exit "q with a long path (160)" 0

# ---- a runaway paste into the command line: capped, and the explorer stays responsive -------
head -c 100000 /dev/zero | tr '\0' 'a' >"$T/paste.txt"
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e ':'
sleep 0.1
tm load-buffer "$T/paste.txt"
tm paste-buffer -t e
wait_for "the command line holds at most 8192 bytes" && ok
screen | tail -1 | grep -q "^:…a*$" && ok || bad "100 KB paste: the line does not show its end: $(screen | tail -1 | cut -c1-40)"
tm send-keys -t e Escape
sleep 0.2
before=$(threshold)
tm send-keys -t e Right
i=0
while [ "$(threshold)" = "$before" ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(threshold)" != "$before" ] && ok || bad "100 KB paste: the explorer did not answer within 3 s"
tm send-keys -t e q
after_exit "q after a paste" 0

# ---- a history file that is a symbolic link (dotfiles) stays a link -----------------------
mkdir -p "$T/dots" "$T/linked/cutoff"
echo "t 0.25" >"$T/dots/history"
ln -s "$T/dots/history" "$T/linked/cutoff/history"
shell 80 24 LC_ALL=C.UTF-8 XDG_STATE_HOME=$T/linked INPUTRC=/dev/null
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "t 0.45"
tm send-keys -t e Enter
sleep 0.2
tm send-keys -t e q
after_exit "q with a linked history" 0
[ -L "$T/linked/cutoff/history" ] && ok || bad "the history link was replaced by a file"
grep -q "^t 0.45$" "$T/dots/history" && grep -q "^t 0.25$" "$T/dots/history" && ok ||
	bad "the linked history's target lacks the session: $(cat "$T/dots/history")"

# ---- every text box at the documented minimum, 60x20: nothing cut, nothing lost -------------
# box_rows: what the help box shows, each row's content without the frame
box_rows() { screen | LC_ALL=C.UTF-8 sed -n 's/^.[│|]\(.*\)[│|].\{0,1\}$/\1/p'; }
# box_all: every row of the box, scrolled from the top to the end
box_all() {
	box_rows >"$T/box"
	i=0
	while screen | grep -q "▼ [0-9]* more" && [ $i -lt 40 ]; do
		tm send-keys -t e Down
		sleep 0.1
		box_rows | tail -1 >>"$T/box"
		i=$((i + 1))
	done
}
start 60 20 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e '?'
sleep 0.3
screen | grep -q "PgUp/PgDn scroll" && ok || bad "60x20: the keys' box does not say it scrolls"
box_all
for word in "next score" "range)" "everything" "nothing" ":cost)" "by rank" "column)" "PR," "calibration" "ASCII" \
	"them)" "stakeholders" ":export)" "this help" "quit" "steps"; do
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
for word in "nothing)" "rank" "column)" "cost" "classes" "back" "off" "said)" "level" "one" "cutoff"; do
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

# ---- how sure: the AUC's interval in the ROC title, half-widths in the metrics ---------------
for size in "80 24" "160 50"; do
	# shellcheck disable=SC2086
	start $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	"$BIN" --report --format json -p malignant -l diagnosis -s logreg "$BC" >"$T/json" 2>/dev/null
	want=$(sed -n 's/^  "roc_auc_ci": \[\(.*\), \(.*\)\]$/\1 \2/p' "$T/json" |
		awk '{ printf "(%#.4g-%#.4g)", $1, $2 }' | sed 's/1.000)$/1.000)/')
	screen | grep -qF "ROC AUC 0.9954 $want" && ok || bad "$size: ROC title lacks the AUC interval $want: $(screen | sed -n 5p)"
	hw=$(sed -n 's/^  "precision_ci": \[\(.*\), \(.*\)\],$/\1 \2/p' "$T/json" | awk '{ printf "%.1g", ($2 - $1) / 2 }' | sed 's/^0//')
	screen | grep -q "^precision   0.9761±$hw " && ok || bad "$size: precision's half-width ±$hw not shown: $(screen | grep '^precision')"
	# :set conf 0.9: pROC's 90% interval is 0.99120516 to 0.99951943
	type_cmd "set conf 0.9"
	tm send-keys -t e Enter
	sleep 0.3
	screen | grep -q "ROC AUC 0.9954 (0.9912-0.9995)" && ok || bad "$size: :set conf 0.9 did not change the AUC interval"
	tm send-keys -t e q
	after_exit "q (intervals)" 0
done

# ---- whiskers across the operating point's intervals (ROC: FPR and TPR; PR: recall, precision)
shell 120 40 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l is_eight -s logreg_logit samples/digits_is_8.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(screen | grep -c '─◉\|◉─')" -ge 2 ] && ok || bad "no horizontal whiskers at the operating points"
# the vertical one: a whisker cell right above or below the point, in its column
col=$(($(screen | grep -m1 "─◉" | LC_ALL=C.UTF-8 sed "s/◉.*//" | LC_ALL=C.UTF-8 wc -m) - 1)) # wc counts the line break
[ "$(screen | LC_ALL=C.UTF-8 sed -nE "s/^.{$col}(.).*/\1/p" | grep -c '│\|◉')" -ge 2 ] && ok ||
	bad "no vertical whisker at column $col"
tm send-keys -t e q
after_exit "q (whiskers)" 0

# ---- the overlay legend: each model's AUC and the paired test against the one on screen (300x80)
start 300 80 LANG=C.UTF-8 LC_ALL=C.UTF-8
# from 200 columns the metrics carry their intervals in a column (--report's, to 4 digits)
screen | grep -q "^precision   0.9761      0.9452-0.9897      F1" && screen | grep -q "^ROC AUC     0.9954      0.9904-1.000 " &&
	ok || bad "300x80: no interval column: $(screen | grep '^precision')"
tm send-keys -t e o
sleep 0.3
screen | grep -q "━ logreg 0.9954 *│\|━ logreg 0.9954$" && ok || bad "300x80: no AUC in the legend: $(screen | grep -m1 '━ logreg')"
# pROC: logreg - naive_bayes = 0.01336, p = 0.0031260
screen | grep -q "╍ naive_bayes 0.9820 -.013 p .0031" && ok || bad "300x80: no paired test in the legend: $(screen | grep -m1 '╍ naive')"
tm send-keys -t e m
sleep 0.3
screen | grep -q "━ logreg 0.9954 +.013 p .0031" && ok || bad "300x80: the test does not follow the model on screen"
tm send-keys -t e q
after_exit "q (legend)" 0

# ---- :bootstrap on the sample finishes and draws the best F1's band on the slider ----------
start 120 40 LANG=C.UTF-8 LC_ALL=C.UTF-8
type_cmd "bootstrap 500"
tm send-keys -t e Enter
wait_for "bootstrap, 500 resamples: the best F1's threshold is in [0-9.]*-[0-9.]* (95%)"
screen | sed -n 3p | grep -q "═" && ok || bad ":bootstrap: no band on the slider: $(screen | sed -n 3p)"
screen | sed -n '4,$p' | grep -q "═══" && ok || bad ":bootstrap: no band on the metrics plot"
tm send-keys -t e q
after_exit "q after :bootstrap" 0

# ---- model names that differ only at the end stay apart -----------------------------------
awk 'BEGIN { srand(3); print "y,churn_model_calibrated_prob_v1,churn_model_calibrated_prob_v2";
	for (i = 0; i < 400; i++) { y = rand() < 0.3; printf "%d,%.4f,%.4f\n", y, rand() * 0.6 + 0.4 * y, rand() * 0.5 + 0.5 * y } }' \
	>"$T/long_names.csv"
for size in "60 20" "80 24" "100 30"; do
	# shellcheck disable=SC2086
	shell $size LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -s churn_model_calibrated_prob_v1,churn_model_calibrated_prob_v2 $T/long_names.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	head1=$(screen | head -1)
	tm send-keys -t e m
	sleep 0.3
	head2=$(screen | head -1)
	echo "$head1" | grep -q "_v1 (1/2)" && echo "$head2" | grep -q "_v2 (2/2)" && ok ||
		bad "${size}: model names not told apart: '$head1' / '$head2'"
	echo "$head2" | grep -q "positive 129 (32.25%)$" && ok || bad "${size}: header cut: '$head2'"
	if [ "${size% *}" -ge 80 ]; then
		tm send-keys -t e o
		sleep 0.3
		screen | grep -q "[━*] [^ ]*_v1\b" && screen | grep -q "[╍+] [^ ]*_v2\b" &&
			ok || bad "${size}: overlay legend does not tell the models apart"
	fi
	tm send-keys -t e q
	wait_for "EXIT=[0-9]"
done

# ---- the optima's letters never run into the ends' labels, nor hide each other ----------
awk 'BEGIN { srand(5); print "y,score"; for (i = 0; i < 200; i++) { y = rand() < 0.9; printf "%d,%.2f\n", y, 3.01 + rand() * 5 } }' \
	>"$T/marks.csv"
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -l y -s score $T/marks.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
for mode in value rank; do
	row=$(screen | sed -n 2p)
	echo "$row" | grep -q "[0-9.][A-Z\$]\|[A-Z\$][0-9.]\|[A-Z\$][a-z]\|[a-z][A-Z\$]" &&
		bad "slider ($mode): a letter runs into a label: '$row'" || ok
	for letter in F J C; do
		echo "$row" | grep -q "$letter" && ok || bad "slider ($mode): marker $letter hidden: '$row'"
	done
	tm send-keys -t e s
	sleep 0.3
done
# keys that can do nothing here say why
tm send-keys -t e m
sleep 0.2
screen | tail -1 | grep -q "one model only" && ok || bad "m with one model: no reason given: $(screen | tail -1)"
tm send-keys -t e '$'
sleep 0.2
screen | tail -1 | grep -q "no costs yet" && ok || bad "\$ before costs: no reason given: $(screen | tail -1)"
tm send-keys -t e q
wait_for "EXIT=[0-9]"

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

# ---- terminals without the means: dumb gets the report, vt100 is cleared -----------------
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb
tm send-keys -t e "clear; $BIN -p malignant -l diagnosis -s logreg $BC 2>$T/dumb.err; echo EXIT=\$?" Enter
if wait_for "EXIT=[0-9]"; then
	screen | grep -q "EXIT=0" && ok || bad "TERM=dumb: $(screen | grep -o 'EXIT=[0-9]*'), expected EXIT=0"
	screen | grep -q "^5 of its 209 alarms are false (benign)." && ok || bad "TERM=dumb: no text report"
else
	tm send-keys -t e q
fi
[ "$(wc -l <"$T/dumb.err")" -eq 1 ] && grep -q "TERM=dumb cannot place the cursor" "$T/dumb.err" && ok ||
	bad "TERM=dumb: no one-line note: $(cat "$T/dumb.err")"
for term in vt100 vt220 screen xterm; do
	shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$term
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	tm send-keys -t e Right
	sleep 0.2
	check_numbers "TERM=$term"
	tm send-keys -t e q
	wait_for "EXIT=[0-9]"
	screen | grep -q "EXIT=0" && ok || bad "TERM=$term: q: $(screen | grep -o 'EXIT=[0-9]*')"
	screen | grep -q "Confusion matrix\|threshold 0" && bad "TERM=$term: the explorer's screen is left behind" || ok
done

# ---- other exit paths ------------------------------------------------------------------------------
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -TERM -f "^$BIN -p malignant" && ok || bad "no explorer to TERM"
after_exit "SIGTERM" 143
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -HUP -f "^$BIN -p malignant" && ok || bad "no explorer to HUP"
after_exit "SIGHUP" 129
# the terminal vanishes and no hangup signal arrives (SIGHUP ignored as
# under nohup; or in a session of its own, as over an ssh link that drops):
# the read fails with EIO and the explorer must end, not spin
for wrap in "" setsid; do
	shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "sh -c \"trap '' HUP; $wrap $BIN -p malignant -l diagnosis -s logreg $BC\"" Enter
	wait_for "Confusion matrix"
	pid=$(pgrep -f "^$BIN -p malignant -l diagnosis -s logreg $BC" | head -1)
	tm kill-server 2>/dev/null
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ -z "$pid" ]; then
		bad "terminal gone (${wrap:-nohup}): no explorer found"
	elif kill -0 "$pid" 2>/dev/null; then
		bad "terminal gone (${wrap:-nohup}): still running after 3 s ($(ps -o %cpu= -p "$pid")% CPU)"
		kill -9 "$pid"
	else
		ok
	fi
done
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -SEGV -f "^$BIN -p malignant" && ok || bad "no explorer to SEGV"
after_exit "SIGSEGV" 139
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e C-z
sleep 0.4
[ "$(flags)" = "0 0 0 0 1" ] && ok || bad "Ctrl-Z: modes while suspended: $(flags)"
# the shell went on with "echo EXIT" when the job stopped: clear that, and
# ask for fg's status (the explorer's) after it ends
tm send-keys -t e "clear; fg; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(flags)" = "1 1 1 1 0" ] && ok || bad "fg: modes after resume: $(flags)"
tm send-keys -t e Right
sleep 0.2
check_numbers "after Ctrl-Z and fg"
tm send-keys -t e q
after_exit "q after fg" 0

# ---- the ':' command line -------------------------------------------------------------------
# a home, state folder and working folder of its own
mkdir -p "$T/home" "$T/state" "$T/work"
shell 80 24 LC_ALL=C.UTF-8 HOME=$T/home XDG_STATE_HOME=$T/state INPUTRC=/dev/null
tm send-keys -t e "cd $T/work" Enter
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg,naive_bayes $(pwd)/$BC; echo EXIT=\$?" Enter
BC_ABS=$(pwd)/$BC
wait_for "Confusion matrix"
line() { screen | tail -1; }
type_cmd "t 0.37"
line | grep -q '^:t 0.37$' && ok || bad "the typed command is not on the bottom line: '$(line)'"
tm send-keys -t e Enter
sleep 0.3
[ "$(threshold)" = "0.37" ] && ok || bad ":t 0.37 gave threshold $(threshold)"
BC_SAVE=$BC
BC=$BC_ABS
check_numbers "after :t 0.37"
# completion: a unique word completes; two Tabs list the choices above the line
type_cmd "opt"
tm send-keys -t e Tab
sleep 0.2
line | grep -q '^:optimize *$' && ok || bad "Tab did not complete 'opt': '$(line)'"
tm send-keys -t e Tab Tab
sleep 0.3
screen | tail -2 | head -1 | grep -q "balanced_accuracy.*youden" && ok || bad "Tab Tab did not list the objectives"
tm send-keys -t e -l "f1 where recall>=0.95"
tm send-keys -t e Enter
sleep 0.3
want=$("$BIN" --optimize f1 --min-recall 0.95 --format json -p malignant -l diagnosis -s logreg "$BC" 2>/dev/null |
	sed -n 's/^  "threshold": \(.*\),$/\1/p')
[ "$(threshold)" = "$want" ] && ok || bad ":optimize f1 where recall>=0.95: $(threshold), --optimize says $want"
line | grep -q "^best f1: " && ok || bad "no result message: '$(line)'"
check_numbers "after :optimize"
# history: Up recalls, Ctrl-R finds, Esc leaves the line without running it
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e Up
sleep 0.2
line | grep -q '^:optimize f1 where recall>=0.95$' && ok || bad "Up did not recall the last command: '$(line)'"
tm send-keys -t e Escape
sleep 0.3
line | grep -q '^:' && bad "Esc did not close the command line" || ok
# Ctrl-C on the command line cancels the line, not the session
type_cmd "t 0.9"
tm send-keys -t e C-c
sleep 0.3
line | grep -q '^:' && bad "Ctrl-C did not close the command line: '$(line)'" || ok
screen | grep -q "Confusion matrix" && ok || bad "Ctrl-C on the command line ended the explorer"
[ "$(threshold)" = "0.9" ] && bad "Ctrl-C ran the line" || ok
tm send-keys -t e ':'
sleep 0.1
tm send-keys -t e C-r
tm send-keys -t e -l "t 0.3"
sleep 0.2
line | grep -q "reverse-i-search.*t 0.3.*: t 0.37" && ok || bad "Ctrl-R did not find 't 0.37': '$(line)'"
tm send-keys -t e Enter
sleep 0.3
[ "$(threshold)" = "0.37" ] && ok || bad "the command found by Ctrl-R did not run"
# errors go to the bottom line; the explorer goes on
type_cmd "bogus"
tm send-keys -t e Enter
sleep 0.2
line | grep -q "unknown command 'bogus'" && ok || bad "no error on the bottom line: '$(line)'"
type_cmd "model nope"
tm send-keys -t e Enter
sleep 0.2
line | grep -q "no model named nope" && ok || bad "no 'no model' error: '$(line)'"
# a resize while typing keeps the line
type_cmd "t 0.4"
tm resize-window -t e -x 100 -y 30
sleep 0.3
line | grep -q '^:t 0.4$' && ok || bad "resize lost the command line: '$(line)'"
tm send-keys -t e Enter
sleep 0.3
[ "$(threshold)" = "0.4" ] && ok || bad "after a resize, :t 0.4 gave $(threshold)"
tm resize-window -t e -x 80 -y 24
sleep 0.3
# costs and the stakeholder view
type_cmd "cost fp=1 fn=20 unit=\$"
tm send-keys -t e Enter
sleep 0.2
tm send-keys -t e e
sleep 0.3
screen | grep -q "Out of every 1,000 cases, about 373 are malignant." && ok || bad "e: no stakeholder view"
screen | grep -q "Mistakes cost about \\$" && ok || bad "stakeholder view: no cost"
screen | grep -q "Confusion matrix" && bad "stakeholder view still shows the matrix" || ok
tm send-keys -t e e
sleep 0.2
screen | grep -q "Confusion matrix" && ok || bad "e did not return to the numbers"
# exports: named, then two default names that never overwrite
check_numbers "before :export"
type_cmd "export snap.md"
tm send-keys -t e Enter
sleep 0.3
line | grep -q "snapshot written to snap.md" && ok || bad "no export message: '$(line)'"
tp=$(grep -o "TP  *[0-9,]*" "$T/screen" | head -1 | sed 's/[^0-9]//g')
fn=$(grep -o "FN  *[0-9,]*" "$T/screen" | head -1 | sed 's/[^0-9]//g')
grep -q "^| \*\*actual malignant\*\* | $tp | $fn | 212 |$" "$T/work/snap.md" && ok ||
	bad "snap.md's matrix is not the screen's (TP $tp, FN $fn)"
grep -q "^### logreg at threshold $(threshold)$" "$T/work/snap.md" && ok || bad "snap.md's threshold is not the screen's"
tm send-keys -t e x
sleep 0.3
tm send-keys -t e x
sleep 0.3
[ "$(ls "$T/work" | grep -c '^cutoff-logreg-0.4.*\.md$')" -eq 2 ] && ok || bad "x twice: $(ls "$T/work")"
tm send-keys -t e q
BC=$BC_SAVE
after_exit "q after commands" 0
[ -f "$T/state/cutoff/history" ] && ok || bad "no history file"
[ "$(stat -c %a "$T/state/cutoff/history" 2>/dev/null)" = "600" ] && ok || bad "history file mode $(stat -c %a "$T/state/cutoff/history")"
grep -qx "optimize f1 where recall>=0.95" "$T/state/cutoff/history" && ok || bad "history lacks a command"
ls -a "$T/state/cutoff" | grep -q "history-" && bad "a temporary history file was left" || ok

# ---- hostile names never reach the terminal; failed writes keep it running -------------------
printf '\033]0;owned\007,\033[2Jscore\nbad\033[31m,0.9\nok,0.2\nbad\033[31m,0.4\n' >"$T/hostile.csv"
mkdir -p "$T/limited"
: >"$T/limited/plainfile"
shell 100 30 LC_ALL=C.UTF-8 HOME=$T/home XDG_STATE_HOME=$T/state
tm send-keys -t e "cd $T/limited" Enter
tm select-pane -t e -T "before"
tm send-keys -t e "ulimit -f 2; $BIN -l 1 -s 2 -p ok $T/hostile.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
screen | head -1 | grep -q '\\x1b\[2Jscore' && ok || bad "the escaped score column name is not in the header"
screen | grep -q '^bad\\x1b\[' && ok || bad "the escaped class name is not in the matrix"
[ "$(tm display -p -t e '#{pane_title}')" = "before" ] && ok || bad "a column name changed the pane title to '$(tm display -p -t e '#{pane_title}')'"
tm capture-pane -t e -p -e | grep -q "$(printf '\033')\]0;" && bad "an OSC sequence reached the pane" || ok
# an export through a regular file, then one over the file size limit
type_cmd "export plainfile/snap.md"
tm send-keys -t e Enter
sleep 0.3
screen | tail -1 | grep -q "cannot write plainfile/snap.md: Not a directory" && ok || bad "no error for an impossible path: '$(screen | tail -1)'"
tm send-keys -t e x
sleep 0.4
screen | tail -1 | grep -q "cannot write cutoff-.*: File too large" && ok || bad "no error past ulimit -f: '$(screen | tail -1)'"
ls "$T/limited" | grep -q "cutoff-" && bad "a partial snapshot was left: $(ls "$T/limited")" || ok
tm send-keys -t e Right
sleep 0.2
screen | grep -q "Confusion matrix" && ok || bad "the explorer did not survive the failed writes"
tm send-keys -t e q
after_exit "q after failed writes" 0

# a history that cannot be saved is said on stderr once the screen is gone
shell 80 24 LC_ALL=C.UTF-8 XDG_STATE_HOME=$T/limited/plainfile
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "t 0.3"
tm send-keys -t e Enter
sleep 0.2
tm send-keys -t e q
after_exit "q with an unwritable history" 0
# (the line wraps at 80 columns: its start is enough)
screen | grep -q "^cutoff: could not save the history in $T/limited/plainf" && ok ||
	bad "no message for an unsaved history: $(screen | grep cutoff: | tail -1)"

# Big counts and tiny rates: every matrix cell, total and metric whole and
# equal to the report (2.4M rows: counts of 7 digits; a 0.2% positive
# rate at a high threshold: FPR and the flag rate below 1e-4).
# ---- the deployment views (gains, net benefit, calibration) and questions ------------------
# json_num KEY: the key of $T/json as the screen writes it (4 significant digits)
json_num() {
	sed -n "s/^  \"$1\": \([^,]*\),*$/\1/p" "$T/json" |
		awk '{ if ($1 == "null") print "n/a"; else if ($1 + 0 == 0) print "0"; else printf "%#.4g\n", $1 }'
}
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

# ---- groups: the panel, the ROC marks, :group, a strategy and a group's knob --------------------
BG="-p malignant -l diagnosis -s logreg samples/breast_cancer_groups.csv"
# group_numbers WHAT: each group's row in the panel against --report --group at the threshold shown
group_numbers() {
	screen >"$T/screen"
	thr=$(threshold)
	# shellcheck disable=SC2086
	"$BIN" --report --format json --group size -t "$thr" $BG >"$T/json" 2>/dev/null
	for grp in large medium small; do
		line=$(grep "^  *{\"group\": \"$grp\"" "$T/json")
		for key in recall fpr; do
			want=$(echo "$line" | sed "s/.*\"$key\": \([^,]*\),.*/\1/" |
				awk '{ if ($1 == "null") print "n/a"; else if ($1 + 0 == 0) print "0"; else printf "%#.4g\n", $1 }')
			grep -q "[a-c] $grp .* $want" "$T/screen" && ok || bad "$1: group $grp $key $want not on screen: $(grep "[a-c] $grp" "$T/screen")"
		done
	done
}
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN --group size $BG; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	# at 80x24 the groups take the histogram's turn in the v cycle
	[ "${size% *}" = 80 ] && { tm send-keys -t e v; sleep 0.1; tm send-keys -t e v; }
	wait_for "By size"
	group_numbers "${size% *} cols: groups panel"
	tm send-keys -t e Left Left Left
	sleep 0.3
	group_numbers "${size% *} cols: groups panel after three steps"
	# a strategy: each group's threshold in the panel and its letter on the slider
	type_cmd "group-thresholds equal-recall 0.9"
	tm send-keys -t e Enter
	wait_for "By size: equal-recall"
	screen | sed -n 3p | grep -q "a" && screen | sed -n 3p | grep -q "c" && ok ||
		bad "${size% *} cols: no group letters on the slider: $(screen | sed -n 3p)"
	before=$(screen | grep "a large")
	main=$(threshold)
	tm send-keys -t e Tab
	wait_for "the arrows move group large's threshold"
	tm send-keys -t e Right
	sleep 0.3
	after=$(screen | grep "a large")
	[ -n "$before" ] && [ "$after" != "$before" ] && [ "$(threshold)" = "$main" ] && ok ||
		bad "${size% *} cols: Tab and Right did not move group large's knob alone ('$before' -> '$after', $main -> $(threshold))"
	tm send-keys -t e q
	after_exit "q from the groups panel" 0
done
# each group's operating point on the ROC plot (ASCII: one byte a cell)
shell 160 50 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --ascii --group size $BG; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
marks=$(screen | sed -n '6,26p' | cut -c52-100 | tr -cd 'abc' | fold -w1 | sort -u | tr -d '\n')
[ "$marks" = "abc" ] && ok || bad "the ROC plot lacks the groups' marks a, b, c (found '$marks')"
tm send-keys -t e q
after_exit "q after the ROC marks" 0
# :group COL switches the histogram's slot to the groups, :group off back
shell 100 30 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN $BG; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
tm send-keys -t e v v
wait_for "Scores"
type_cmd "group size"
tm send-keys -t e Enter
wait_for "3 groups of size"
screen | grep -q "By size" && ! screen | grep -q "Scores" && ok || bad ":group size: no groups panel in the histogram's place"
group_numbers ":group size"
tm send-keys -t e e
wait_for "In plain words"
screen | grep -q "The small group fares worst" && ok || bad ":group size: the plain words do not name the worst group"
tm send-keys -t e e
type_cmd "group off"
tm send-keys -t e Enter
wait_for "no groups"
screen | grep -q "Scores" && ok || bad ":group off: the histogram did not come back"
tm send-keys -t e q
after_exit "q after :group off" 0

# ---- folds: each fold's optimum on the slider, the bands, o for the folds' ROC curves -----------
BF="-p malignant -l diagnosis -s logreg samples/breast_cancer_folds.csv"
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN $BF; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	[ "${size% *}" = 80 ] && tm send-keys -t e v v v
	sleep 0.4
	screen >"$T/plain"
	tm send-keys -t e q
	after_exit "q without folds" 0
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN --fold fold $BF; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	[ "${size% *}" = 80 ] && tm send-keys -t e v v v
	sleep 0.4
	screen >"$T/folds"
	digits=$(sed -n 3p "$T/folds" | tr -cd '12345' | fold -w1 | sort -u | wc -l)
	[ "$digits" -ge 4 ] && ok || bad "${size% *} cols: the folds' optima are not on the slider: $(sed -n 3p "$T/folds")"
	# the metrics plot has the bands: its rows differ from the same plot without folds
	rows=6,16
	[ "${size% *}" = 160 ] && rows=29,47 # the metrics plot is the fourth, bottom right
	[ "$(sed -n "${rows}p" "$T/plain" | md5sum)" != "$(sed -n "${rows}p" "$T/folds" | md5sum)" ] && ok ||
		bad "${size% *} cols: no fold bands on the metrics plot"
	CN_FILE=samples/breast_cancer_folds.csv check_numbers "${size% *} cols with --fold"
	# o: each fold's ROC curve under the pooled one
	[ "${size% *}" = 80 ] && { tm send-keys -t e v v v v; sleep 0.3; }
	before=$(screen | sed -n '6,20p' | md5sum)
	tm send-keys -t e o
	sleep 0.4
	[ "$(screen | sed -n '6,20p' | md5sum)" != "$before" ] && ok || bad "${size% *} cols: o drew no fold curves"
	tm send-keys -t e q
	after_exit "q with --fold" 0
done

# ---- --against: the reference's operating point, the change column, the words ---------------------
DR=tests/reference/drift
for size in "80 24" "160 50"; do
	shell $size LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --against $DR/bc_ref.csv $DR/bc_cur.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | head -1 | grep -q "vs bc_ref.csv" && ok || bad "${size% *} cols --against: the header does not name the reference"
	screen | grep -q "Metrics  .*change since \(the reference\|ref\.\)" && ok || bad "${size% *} cols --against: no change column"
	CN_FILE=$DR/bc_cur.csv check_numbers "${size% *} cols --against"
	# the change column: current minus reference, as --report on each file says
	thr=$(threshold)
	p_ref=$("$BIN" --report --format json -p malignant -l diagnosis -s logreg -t "$thr" $DR/bc_ref.csv 2>/dev/null |
		sed -n 's/^  "precision": \(.*\),$/\1/p')
	p_cur=$("$BIN" --report --format json -p malignant -l diagnosis -s logreg -t "$thr" $DR/bc_cur.csv 2>/dev/null |
		sed -n 's/^  "precision": \(.*\),$/\1/p')
	want=$(awk -v a="$p_ref" -v b="$p_cur" 'BEGIN { s = sprintf("%+.1g", b - a); sub(/^\+0\./, "+.", s); sub(/^-0\./, "-.", s); print s }')
	screen | grep -q "^precision  *[0-9.]* $want" && ok || bad "${size% *} cols --against: precision's change is not $want: $(screen | grep '^precision')"
	if [ "${size% *}" = 160 ]; then
		# the reference's operating point on the ROC plot, R
		screen | sed -n '6,27p' | cut -c47-103 | grep -q "R" && ok || bad "160 cols --against: no R on the ROC plot"
	fi
	tm send-keys -t e e
	wait_for "In plain words"
	screen | tr '\n' ' ' | tr -s ' ' | grep -q "Since the reference, precision fell from" && ok ||
		bad "${size% *} cols --against: the plain-language view does not say what changed"
	tm send-keys -t e q
	after_exit "q with --against" 0
done

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

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
