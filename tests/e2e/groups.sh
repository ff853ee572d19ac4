#!/bin/sh
# The explorer in tmux: groups: the panel, the ROC marks, :group, a strategy and a group's knob.
# Usage: tests/e2e/groups.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- groups: the panel, the ROC marks, :group, a strategy and a group's knob --------------------
BG="-p malignant -l diagnosis -s logreg samples/breast_cancer_groups.csv"
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

echo "e2e groups: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
