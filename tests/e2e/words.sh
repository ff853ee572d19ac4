#!/bin/sh
# What the screen says around its numbers (issue 27), in tmux at the sizes
# and terminals people use: --against's drift and its R, both files in a
# snapshot, a group's knob in hand, the policy in force, what gave way for
# room, ASCII that keeps its meaning, legends that name every line.
# Usage: tests/e2e/words.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh
DR=tests/reference/drift
BG=samples/breast_cancer_groups.csv

# words PATTERN WHAT: the pane (joined into one line) says it
words() { screen | tr '\n' ' ' | tr -s ' ' | grep -q -- "$1" && ok || bad "$2: no '$1' on screen"; }

# ---- --against: the drift on screen, the R explained, both files in a snapshot ----------
for size in "100 30" "160 50"; do
	shell $size LC_ALL=C.UTF-8 TERM=xterm-256color
	tm send-keys -t e "cd $T && $BIN -p malignant -l diagnosis -s logreg --against $OLDPWD/$DR/bc_ref.csv $OLDPWD/$DR/bc_cur.csv; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	# the words wrap beside the plots: each piece on its own
	screen | grep -q "Scores shifted: KS 0.2208, PSI 0.2535" && ok || bad "$size --against: no KS and PSI on screen"
	words "+0.006330 since the reference" "$size --against: the AUC's change"
	words "0.07479)" "$size --against: DeLong's p"
	words "R, dotted: the reference" "$size --against: the R's legend"
	tm send-keys -t e x
	wait_for "snapshot written to"
	f=$(ls "$T"/cutoff-logreg-*.md 2>/dev/null | head -1)
	[ -n "$f" ] && grep -q "^Reference .*bc\\\\_ref.csv, current .*bc\\\\_cur.csv" "$f" &&
		grep -q "^- scores shifted: KS 0.2208, PSI 0.2535" "$f" && ok ||
		bad "$size --against: the snapshot lacks the reference: $(head -5 "$f" 2>/dev/null)"
	rm -f "$T"/cutoff-logreg-*.md
	tm send-keys -t e q
	after_exit "q with --against" 0
done

# ---- per-group thresholds: the header and the words tell the policy; a knob in hand stays said --
shell 80 24 LC_ALL=C.UTF-8 TERM=xterm-256color
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --group size $BG; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "group-thresholds equal-recall 0.9"
tm send-keys -t e Enter
wait_for "^per group: equal-recall 0.9 (knob 0.5)"
words "Confusion matrix at the knob, one threshold" "the matrix under a strategy"
tm send-keys -t e Tab
wait_for "the arrows move group large's threshold"
tm send-keys -t e Right Right
sleep 0.3
screen | tail -1 | grep -q "the arrows move group large's threshold" && ok || bad "the knob's hint went after a key: $(screen | tail -1)"
screen | grep -q "^per group: custom, from equal-recall 0.9" && ok || bad "a moved knob is not 'custom': $(screen | sed -n 4p)"
tm capture-pane -t e -p -e | sed -n 3p | grep -q "$(printf '\033')\[7ma" && ok || bad "the knob in hand is not in reverse video"
tm send-keys -t e e
wait_for "In plain words"
words "Each group has its own threshold (custom, from equal-recall 0.9)." "the plain words under a strategy"
tm send-keys -t e q
after_exit "q after a strategy" 0

# ---- the capacity: a jump past it says so; no "ties" where one row weighs more ------------
shell 100 30 LC_ALL=C.UTF-8 TERM=xterm-256color
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "budget 100"
tm send-keys -t e Enter
wait_for "capacity 100: threshold"
tm send-keys -t e f
wait_for "best F1: flags 201, past the review capacity of 100 (B)"
type_cmd "prevalence 0.05"
tm send-keys -t e Enter
sleep 0.2
type_cmd "budget 100"
tm send-keys -t e Enter
wait_for "capacity 100: threshold 0.0582179 flags 99.35; the next score (0.0579143) would make it 100.9"
tm send-keys -t e q
after_exit "q after the capacity" 0

# ---- a panel that does not follow the prevalence says so -------------------------------------
shell 160 50 LC_ALL=C.UTF-8 TERM=xterm-256color
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --group size $BG; echo EXIT=\$?" Enter
wait_for "By size"
type_cmd "prevalence 0.05"
tm send-keys -t e Enter
wait_for "By size (as sampled, not reweighted)"
tm send-keys -t e q
after_exit "q after :prevalence with groups" 0

# ---- what gives way for room is said -------------------------------------------------------
shell 60 20 LC_ALL=C.UTF-8 TERM=xterm-256color
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
tm send-keys -t e e
wait_for "In plain words"
words "more paragraphs\\?: a taller window, or x exports" "60x20: the dropped paragraphs"
tm send-keys -t e q
after_exit "q at 60x20" 0

# ---- ASCII keeps the meaning: the half-widths, the gains' perfect line ----------------------
for term in vt100 xterm-256color; do
	shell 80 24 LANG=C LC_ALL=C TERM=$term
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	screen | grep -q "^precision   0.9761+-.02" && ok || bad "$term ASCII: no +- half-width: $(screen | grep '^precision')"
	i=0
	while [ $i -lt 8 ] && ! screen | grep -q "Gains"; do tm send-keys -t e v; sleep 0.2; i=$((i + 1)); done
	# the legend's ':' and the line's, apart from the random one's '.'
	screen | grep -q ":perfect\|: perfect" && screen | grep -q "[*|] *:" && ok || bad "$term ASCII: the gains' perfect line"
	tm send-keys -t e q
	after_exit "q in ASCII ($term)" 0
done

# ---- folds: the slider's digits and o's curves have a legend --------------------------------
shell 160 50 LC_ALL=C.UTF-8 TERM=xterm-256color
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --fold fold samples/breast_cancer_folds.csv; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
words "1-5: each fold's best F1" "--fold: the slider's digits"
tm send-keys -t e o
sleep 0.3
words "logreg, pooled" "--fold o: the pooled curve's legend"
words "folds 1 4" "--fold o: the folds' legend"
tm send-keys -t e q
after_exit "q with --fold" 0

echo "e2e words: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
