#!/bin/sh
# The layers, checked from the includes.  Bottom to top: core (in
# families base < sort < load, stats < report; load and stats do not know
# each other), app (state and actions), ui (draws into a grid), tty
# (curses and readline), and main/options at the top.  A file includes
# only its own layer or family or one below; a family's private headers
# (src/core/FAMILY/*.h) are included from that family only; neither core,
# app nor ui includes curses or readline or reads the environment; core
# and app keep no writable file-scope state.  Modules (a .c and its .h
# are one) must not include each other in a circle, no .c is over 700
# lines, and the ten longest functions are listed so they stay in view.
# Prints each violation and "layers: N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

ok() { pass=$((pass + 1)); }
bad() { echo "layers: $*"; fail=$((fail + 1)); }

place() { # path -> core/FAMILY | app | ui | tty | top
	case "$1" in
	*/core/base/*) echo core/base ;; */core/sort/*) echo core/sort ;;
	*/core/load/*) echo core/load ;; */core/stats/*) echo core/stats ;;
	*/core/report/*) echo core/report ;; */core/*) echo core/none ;;
	*/app/*) echo app ;; */ui/*) echo ui ;; */tty/*) echo tty ;;
	*) echo top ;;
	esac
}
# The rank of each place; equal ranks in different places may not meet.
rank() {
	case "$1" in
	core/base) echo 0 ;; core/sort) echo 1 ;; core/load|core/stats) echo 2 ;;
	core/report) echo 3 ;; app) echo 4 ;; ui) echo 5 ;; tty) echo 6 ;;
	top) echo 7 ;; *) echo 99 ;;
	esac
}
module() { # src/ui/view.c, include/ui/view.h -> ui/view
	m=${1#src/}; m=${m#include/}; echo "${m%.*}"
}
header() { # an include name -> its file
	if [ -f "include/$1" ]; then echo "include/$1"; else echo "src/$1"; fi
}

for f in $(find src include -name '*.[ch]' | sort); do
	from=$(place "$f"); me=$(module "$f")
	[ "$from" = core/none ] && { bad "$f is in core but in no family"; continue; }
	for inc in $(sed -n 's/^#include "\(.*\)"/\1/p' "$f"); do
		h=$(header "$inc")
		[ -f "$h" ] || [ -f "src/$(dirname "${f#src/}")/$inc" ] ||
			{ bad "$f includes $inc, which is not in include/ or src/"; continue; }
		to=$(place "$h"); them=$(module "$h")
		[ "$them" != "$me" ] && echo "$me $them" >> "$edges"
		if [ "$to" = "$from" ]; then
			ok
		elif [ "$(rank "$to")" -ge "$(rank "$from")" ]; then
			bad "$f ($from) includes $inc ($to)"
		elif case "$h" in src/core/*) true ;; *) false ;; esac; then
			bad "$f ($from) includes $inc, private to $to"
		else
			ok
		fi
	done
	case "$from" in core/*|app|ui)
		if grep -Eq '^#include <(n?curses|readline/)' "$f"; then
			bad "$f ($from) includes curses or readline"
		else ok; fi
		if grep -q 'getenv' "$f"; then
			bad "$f ($from) reads the environment; pass it down from main"
		else ok; fi ;;
	esac
	# Writable state at file scope: a top-level declaration that is not a
	# function, a type, a label or const.
	case "$from" in core/*|app)
		state=$(grep -nE '^[a-z]' "$f" | grep -v '(' | grep -v const |
			grep -vE ':(struct|enum|union)( [a-z_]+)?( \{.*)?;?$|:[a-z_]+:$|:typedef ')
		if [ -n "$state" ]; then
			bad "$f ($from) keeps file-scope state: $state"
		else ok; fi ;;
	esac
done
# tsort names the modules of a circle on stderr
if loop=$(tsort "$edges" 2>&1 >/dev/null) && [ -z "$loop" ]; then
	ok
else
	bad "include circle:"; echo "$loop"
fi
for f in $(find src -name '*.c'); do
	n=$(wc -l < "$f")
	if [ "$n" -gt 700 ]; then bad "$f has $n lines (at most 700)"; else ok; fi
done
# Functions: a definition starts at column 0 and ends at the first "}" in
# column 0.  One over 80 lines says why in the comment above it ("Long:").
functions=$(for f in $(find src -name '*.c' | sort); do
	awk -v f="$f" '
		/^\/\*/ { comment = "" } /^(\/\*| \*)/ { comment = comment $0 }
		/^[a-z].*\(/ && !/;$/ { name = $0; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name); start = NR
			why = comment ~ /Long:/ ? "why" : "none" }
		/^$/ || /^#/ { comment = "" }
		/^}/ && start { print NR - start + 1, f ":" start, name, why; start = 0; comment = "" }' "$f"
done | sort -rn)
long=$(echo "$functions" | awk '$1 > 80 && $4 != "why" { print "	" $2 " " $3 " has " $1 " lines and no \"Long:\" reason above it" }')
if [ -n "$long" ]; then
	bad "functions over 80 lines without a reason:"; echo "$long"
else
	ok
fi
echo "layers: the ten longest functions (lines):"
echo "$functions" | head -10 | awk '{ print "	" $1, $2, $3 }'
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
