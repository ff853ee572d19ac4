#!/bin/sh
# The explorer in tmux: :bootstrap on the sample finishes and draws the best F1's band on the slider.
# Usage: tests/e2e/bootstrap.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- :bootstrap on the sample finishes and draws the best F1's band on the slider ----------
start 120 40 LANG=C.UTF-8 LC_ALL=C.UTF-8
type_cmd "bootstrap 500"
tm send-keys -t e Enter
wait_for "bootstrap, 500 resamples: the best F1's threshold is in [0-9.]*-[0-9.]* (95%)"
screen | sed -n 3p | grep -q "═" && ok || bad ":bootstrap: no band on the slider: $(screen | sed -n 3p)"
screen | sed -n '4,$p' | grep -q "═══" && ok || bad ":bootstrap: no band on the metrics plot"
tm send-keys -t e q
after_exit "q after :bootstrap" 0

echo "e2e bootstrap: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
