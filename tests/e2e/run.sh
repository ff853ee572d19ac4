#!/bin/sh
# Runs the explorer's tmux tests, one file a behaviour (tests/e2e/NAME.sh),
# or only NAME: sh tests/e2e/run.sh ./cutoff [NAME]   (make e2e ONLY=NAME)
set -u
BIN=${1:-./cutoff}
ONLY=${2:-}
status=0
ran=0
for f in tests/e2e/*.sh; do
	name=$(basename "$f" .sh)
	case $name in lib | run) continue ;; esac
	[ -n "$ONLY" ] && [ "$name" != "$ONLY" ] && continue
	ran=$((ran + 1))
	sh "$f" "$BIN" || status=1
done
if [ "$ran" -eq 0 ]; then
	echo "e2e: no test named '$ONLY' (see tests/e2e/)"
	exit 2
fi
exit $status
