#!/bin/sh
# The explorer in tmux: hostile names never reach the terminal; failed writes keep it running.
# Usage: tests/e2e/hostile.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

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

echo "e2e hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
