#!/bin/sh
# Issue 27's screen items at every size people use (60x20, 80x24, 100x30,
# 160x50) under xterm-256color, in UTF-8 and in LANG=C: the policy in
# force and the knob in hand, the capacity passed, the drift since the
# reference, the plain words under a strategy, the groups' trade-off and
# the panel that does not follow a prevalence (where the panel fits), ASCII
# only without UTF-8, and no number cut at the edge of its room (a piece
# with a number shows whole or not at all).
# Usage: tests/e2e/words_sizes.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh
DR=tests/reference/drift
BG=samples/breast_cancer_groups.csv

# has PATTERN WHAT: the pane, joined into one line, matches (grep -E)
has() { screen | tr '\n' ' ' | tr -s ' ' | grep -Eq -- "$1" && ok || bad "$where: $2: no '$1' on screen"; }
# line N PATTERN WHAT: line N of the pane matches
line() { screen | sed -n "$1p" | grep -Eq -- "$2" && ok || bad "$where: $3: line $1 is '$(screen | sed -n "$1p")'"; }
# whole: no piece with a number cut at the pane's right edge (the files
# here have 569 and 269 rows; a gap is a rate of 4 significant digits)
whole() {
	if screen | grep -Eq 'flags [0-9,]+ of [0-9,]+ \([0-9.]*$|gap: [a-zA-Z ]+ [0-9.]{0,5}$|\(knob [0-9.e-]*$|\(as sampled[^)]*$|\(sample [0-9.]*%?$|false alarm$' ||
		screen | grep -Eo 'flags [0-9,.]+ of [0-9,]+' | grep -Evq ' of (569|269)$'; then
		bad "$where: a number cut at the edge: $(screen | grep -E 'flags|gap:|knob|as sampled' | head -3)"
	else
		ok
	fi
}
# ascii_only: in LANG=C every byte on the pane is ASCII
ascii_only() {
	[ "$loc" = utf8 ] && return
	screen | LC_ALL=C grep -q '[^ -~]' && bad "$where: a byte outside ASCII: $(screen | LC_ALL=C grep '[^ -~]' | head -2)" || ok
}

for size in "60 20" "80 24" "100 30" "160 50"; do
	for loc in utf8 c; do
		set -- $size
		w=$1 h=$2
		if [ $loc = utf8 ]; then env="LC_ALL=C.UTF-8 TERM=xterm-256color"; else env="LANG=C LC_ALL=C TERM=xterm-256color"; fi
		where="${w}x${h} $loc"

		# per-group thresholds: the policy, the knob in hand, the words, the trade-off
		shell $w $h $env
		tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg --group size $BG; echo EXIT=\$?" Enter
		wait_for "Confusion matrix"
		whole
		type_cmd "group-thresholds equal-recall 0.9"
		tm send-keys -t e Enter
		wait_for "^per group: equal-recall 0.9"
		line 4 "^per group: equal-recall 0.9 \(knob 0.5\)" "the policy in force"
		has "Confusion matrix +at the knob, one threshold" "the matrix under a strategy"
		whole
		ascii_only
		tm send-keys -t e Tab
		wait_for "the arrows move group large's threshold"
		tm send-keys -t e Right
		sleep 0.2
		screen | tail -1 | grep -q "the arrows move group large's threshold" && ok ||
			bad "$where: the knob's hint went after a key: $(screen | tail -1)"
		line 4 "^per group: custom, from equal-recall 0.9" "a moved knob is custom"
		whole
		if [ "$h" -ge 24 ]; then
			# the groups' panel takes the histogram's turn in v
			i=0
			while [ $i -lt 8 ] && ! screen | grep -q "By size"; do tm send-keys -t e v; sleep 0.2; i=$((i + 1)); done
			has "pooled: recall [0-9.]+,( precision [0-9.]+;)?" "the pooled line"
			has "[0-9]+ (more|fewer) false alarms?,? " "the false alarms' side of the trade-off"
			has "[0-9]+ (more|fewer) miss(es)?" "the misses' side of the trade-off"
			whole
			ascii_only
		fi
		tm send-keys -t e e
		wait_for "In plain words"
		has "Each group has its own threshold \(custom, from equal-recall 0.9\)" "the plain words under a strategy"
		ascii_only
		tm send-keys -t e e
		if [ "$h" -ge 24 ]; then
			type_cmd "prevalence 0.05"
			tm send-keys -t e Enter
			sleep 0.3
			has "By size \(as sampled(, not reweighted)?\)" "the panel that does not follow the prevalence"
			whole
		fi
		tm send-keys -t e q
		after_exit "$where: q after a strategy" 0

		# the capacity: a jump past it says so
		shell $w $h $env
		tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
		wait_for "Confusion matrix"
		type_cmd "budget 100"
		tm send-keys -t e Enter
		wait_for "capacity 100: threshold"
		tm send-keys -t e f
		wait_for "best F1: flags 201, past the review capacity of 100 (B)"
		whole
		ascii_only
		type_cmd "prevalence 0.05"
		tm send-keys -t e Enter
		wait_for "at prevalence 5%"
		whole
		tm send-keys -t e q
		after_exit "$where: q after the capacity" 0

		# --against: the drift since the reference, on screen or in the words
		shell $w $h $env
		tm send-keys -t e "cd $T && $BIN -p malignant -l diagnosis -s logreg --against $OLDPWD/$DR/bc_ref.csv $OLDPWD/$DR/bc_cur.csv; echo EXIT=\$?" Enter
		wait_for "Confusion matrix"
		whole
		ascii_only
		tm send-keys -t e e
		wait_for "In plain words"
		# a short window drops paragraphs and says so
		if [ "$h" -ge 24 ]; then
			has "since the reference" "the change since the reference in the words"
		else
			has "more paragraphs?: a taller window, or x exports" "the dropped paragraphs said"
		fi
		ascii_only
		tm send-keys -t e q
		after_exit "$where: q with --against" 0
		cd "$OLDPWD" 2>/dev/null || true
	done
done

echo "e2e words_sizes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
