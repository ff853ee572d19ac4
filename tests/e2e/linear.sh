#!/bin/sh
# --linear, the explorer as a screen reader follows it, in tmux at 80x24:
# a scripted walk (steps, the best F1, a pin, a command, the keys, the
# plain words) prints a transcript equal to tests/golden/linear_walk.txt;
# every "threshold" sentence's numbers are --report's at that threshold;
# nothing is drawn in place (no cursor movement, no screen switch, in the
# bytes the terminal got); the terminal is as it was after q and Ctrl-C.
# Usage: tests/e2e/linear.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.25; }
G=tests/golden/linear_walk.txt

shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
tm pipe-pane -t e -o "cat > $T/raw"
tm send-keys -t e "$BIN --linear -p malignant -l diagnosis -s logreg -t 0.3 $BC; echo EXIT=\$?" Enter
wait_for "q quits"
key Right
key Right
key f
key p
key Left
key Left
key :
tm send-keys -t e -l 'cost fp=1 fn=20 unit=$'
key Enter
key :
tm send-keys -t e -l 'threshold 0.5'
key Enter
key e
key q
after_exit "q (--linear)" 0
tm pipe-pane -t e
# the transcript: from the intro to the end, wrapped lines joined
tm capture-pane -t e -p -J -S - | sed -n '/^cutoff: /,/^EXIT=/p' | sed '$d' >"$T/walk"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$T/walk" "$G"; fi
cmp -s "$T/walk" "$G" && ok || bad "transcript differs from $G: $(diff "$G" "$T/walk" | head -6)"
# each sentence against the report at its threshold
grep '^threshold .*catches' "$T/walk" | while IFS= read -r line; do
	t=$(echo "$line" | sed 's/^threshold \([^:]*\):.*/\1/')
	"$BIN" -p malignant -l diagnosis -s logreg -t "$t" --report --format json "$BC" 2>/dev/null |
		python3 -c '
import json, re, sys
r = json.load(sys.stdin)
s = sys.argv[1]
m = re.match(r"threshold [^:]*: catches ([\d,]+) of ([\d,]+) \S+ \(([^%]+)%\), misses ([\d,]+); ([\d,]+) false alarms?, ([\d,]+) flagged of ([\d,]+); precision ([^,]+), recall ([^.]+(?:\.\d+)?)\.", s)
n = lambda x: float(x.replace(",", ""))
assert m, s
assert (n(m[1]), n(m[4]), n(m[5]), n(m[7])) == (r["tp"], r["fn"], r["fp"], r["n"]), s
assert m[8] == "%#.4g" % r["precision"] or m[8] == "1.000" and r["precision"] == 1, (m[8], r["precision"])
' "$line" >/dev/null 2>&1 && echo ok || echo "bad: $line"
done >"$T/checks"
grep -q "^bad" "$T/checks" && bad "sentences: $(grep '^bad' "$T/checks" | head -2)" || ok
[ "$(grep -c '^ok' "$T/checks")" -ge 5 ] && ok || bad "too few sentences checked: $(cat "$T/checks")"
# nothing drawn in place: between the command and its exit, no CSI that
# moves the cursor or clears, and no alternate screen
# (bash's own bracketed-paste switch, ?2004, comes with the command line)
sed -n '/--linear/,/EXIT=/p' "$T/raw" | sed 's/\x1b\[?2004[hl]//g' | LC_ALL=C grep -q "$(printf '\033')\[[0-9;?]*[ABCDEFGHJKfhl]" &&
	bad "--linear wrote cursor or screen sequences" || ok

# :set linear: from the screen to the sentences, at the threshold shown
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
key Right Right
t=$(threshold)
type_cmd "set linear"
key Enter
wait_for "q quits"
tm capture-pane -t e -p -J | grep -q "^threshold $t: catches" && ok || bad ":set linear: no sentence at $t: $(screen | tail -3)"
key q
after_exit "q (:set linear)" 0
tm send-keys -t e "stty -a | grep -o ' icanon\| echo ' | tr -d ' ' | tr '\n' ,; echo" Enter
sleep 0.3
screen | grep -q "^icanon,echo,$" && ok || bad ":set linear: terminal not restored: $(screen | tail -3)"

# Ctrl-C leaves the terminal in line mode, with echo
shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --linear -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "q quits"
key C-c
after_exit "Ctrl-C (--linear)" 130
tm send-keys -t e "stty -a | grep -o ' icanon\| echo ' | tr -d ' ' | tr '\n' ,; echo" Enter
sleep 0.3
screen | grep -q "^icanon,echo,$" && ok || bad "Ctrl-C: terminal not restored: $(screen | tail -3)"

echo "e2e linear: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
