#!/bin/sh
# The layers, checked from the includes: core (src/core, include/core)
# includes only core; ui adds ui; tty adds tty; main and options at the top
# may include anything.  Neither core nor ui includes curses or readline.
# Modules (a .c and its .h are one) must not include each other in a
# circle.  Prints each violation and "layers: N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

layer() { # path -> core|ui|tty|top
	case "$1" in
	*/core/*) echo core ;; */ui/*) echo ui ;; */tty/*) echo tty ;; *) echo top ;;
	esac
}
module() { # src/ui/view.c, include/ui/view.h -> ui/view
	m=${1#src/}; m=${m#include/}; echo "${m%.*}"
}
rank() { case "$1" in core) echo 0 ;; ui) echo 1 ;; tty) echo 2 ;; top) echo 3 ;; esac; }

for f in $(find src include -name '*.[ch]' | sort); do
	from=$(layer "$f"); me=$(module "$f")
	for inc in $(sed -n 's/^#include "\(.*\)"/\1/p' "$f"); do
		to=$(layer "include/$inc"); them=$(module "include/$inc")
		[ "$them" != "$me" ] && echo "$me $them" >> "$edges"
		if [ "$(rank "$to")" -gt "$(rank "$from")" ]; then
			echo "layers: $f ($from) includes $inc ($to)"; fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
	case "$from" in core|ui)
		if grep -Eq '^#include <(n?curses|readline/)' "$f"; then
			echo "layers: $f ($from) includes curses or readline"; fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi ;;
	esac
done
# tsort names the modules of a circle on stderr
if loop=$(tsort "$edges" 2>&1 >/dev/null) && [ -z "$loop" ]; then
	pass=$((pass + 1))
else
	echo "layers: include circle:"; echo "$loop"; fail=$((fail + 1))
fi
for f in $(find src -name '*.c'); do
	n=$(wc -l < "$f")
	if [ "$n" -gt 700 ]; then
		echo "layers: $f has $n lines (at most 700)"; fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
