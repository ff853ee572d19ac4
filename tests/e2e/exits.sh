#!/bin/sh
# The explorer in tmux: other exit paths.
# Usage: tests/e2e/exits.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

# ---- other exit paths ------------------------------------------------------------------------------
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -TERM -f "^$BIN -p malignant" && ok || bad "no explorer to TERM"
after_exit "SIGTERM" 143
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -HUP -f "^$BIN -p malignant" && ok || bad "no explorer to HUP"
after_exit "SIGHUP" 129
# the terminal vanishes and no hangup signal arrives (SIGHUP ignored as
# under nohup; or in a session of its own, as over an ssh link that drops):
# the read fails with EIO and the explorer must end, not spin
for wrap in "" setsid; do
	shell 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "sh -c \"trap '' HUP; $wrap $BIN -p malignant -l diagnosis -s logreg $BC\"" Enter
	wait_for "Confusion matrix"
	pid=$(pgrep -f "^$BIN -p malignant -l diagnosis -s logreg $BC" | head -1)
	tm kill-server 2>/dev/null
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ -z "$pid" ]; then
		bad "terminal gone (${wrap:-nohup}): no explorer found"
	elif kill -0 "$pid" 2>/dev/null; then
		bad "terminal gone (${wrap:-nohup}): still running after 3 s ($(ps -o %cpu= -p "$pid")% CPU)"
		kill -9 "$pid"
	else
		ok
	fi
done
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
pkill -SEGV -f "^$BIN -p malignant" && ok || bad "no explorer to SEGV"
after_exit "SIGSEGV" 139
start 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e C-z
sleep 0.4
[ "$(flags)" = "0 0 0 0 1" ] && ok || bad "Ctrl-Z: modes while suspended: $(flags)"
# the shell went on with "echo EXIT" when the job stopped: clear that, and
# ask for fg's status (the explorer's) after it ends
tm send-keys -t e "clear; fg; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
[ "$(flags)" = "1 1 1 1 0" ] && ok || bad "fg: modes after resume: $(flags)"
tm send-keys -t e Right
sleep 0.2
check_numbers "after Ctrl-Z and fg"
tm send-keys -t e q
after_exit "q after fg" 0

echo "e2e exits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
