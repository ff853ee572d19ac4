#!/bin/sh
# The explorer in tmux: the ':' command line.
# Usage: tests/e2e/cmdline.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

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
CN_COSTS="--cost-fp 1 --cost-fn 20"
check_numbers "before :export"
unset CN_COSTS
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

echo "e2e cmdline: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
