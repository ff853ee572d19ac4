#!/bin/sh
# The explorer in tmux: 80x24, UTF-8.
# Usage: tests/e2e/numbers_80x24.sh ./cutoff      (from the project root)
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

echo "e2e numbers_80x24: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
