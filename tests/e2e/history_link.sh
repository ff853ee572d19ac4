#!/bin/sh
# The explorer in tmux: a history file that is a symbolic link (dotfiles) stays a link.
# Usage: tests/e2e/history_link.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

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

echo "e2e history_link: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
