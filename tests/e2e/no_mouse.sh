#!/bin/sh
# The explorer in tmux: no-mouse leaves the mouse to the terminal.
# Usage: tests/e2e/no_mouse.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- --no-mouse leaves the mouse to the terminal ----------------------------------------
shell 80 24 LC_ALL=C.UTF-8
tm send-keys -t e "$BIN --no-mouse -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(flags)" = "1 0 0 0 0" ] && ok || bad "--no-mouse: modes $(flags)"
tm send-keys -t e q
after_exit "q (--no-mouse)" 0

echo "e2e no_mouse: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
