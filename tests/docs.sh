#!/bin/sh
# The documents against the tree: README.md is a front door of at most 200
# lines that links every document under docs/; docs/hacking.md's file map
# names every module (a .c, or a header without one) exactly once and
# nothing that is not there; each core family's README names each of its
# modules; every relative link in README.md and docs/ leads to a file.
# Prints each violation and "docs: N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "docs: $*"; fail=$((fail + 1)); }

n=$(wc -l < README.md)
if [ "$n" -le 200 ]; then ok; else bad "README.md has $n lines (at most 200)"; fi
for d in docs/*.md; do
	if grep -q "($d)" README.md; then ok; else bad "README.md does not link $d"; fi
done

modules=$(for f in $(find src include -name '*.[ch]'); do m=${f#src/}; m=${m#include/}; echo "${m%.*}"; done | sort -u)
mapped=$(sed -n '/^## File map/,/^## Building/p' docs/hacking.md | sed -n 's/^| `\([a-z/]*\)` | .*/\1/p' | sort)
for m in $modules; do
	c=$(echo "$mapped" | grep -cx "$m")
	if [ "$c" -eq 1 ]; then ok; else bad "docs/hacking.md names module $m $c times (once)"; fi
done
for m in $mapped; do
	if echo "$modules" | grep -qx "$m"; then ok; else bad "docs/hacking.md names $m, which is not in the tree"; fi
done

for dir in src/core/*/; do
	fam=$(basename "$dir")
	[ -f "$dir/README.md" ] || { bad "$dir has no README.md"; continue; }
	for m in $(echo "$modules" | sed -n "s#^core/$fam/##p"); do
		if grep -q "\`$m\`" "$dir/README.md"; then ok; else bad "$dir/README.md does not name $m"; fi
	done
done

for f in README.md docs/*.md src/core/*/README.md; do
	for link in $(sed -n 's/.*](\([^)#:]*\)[)#].*/\1/p' "$f" | grep -v '^$'); do
		if [ -e "$(dirname "$f")/$link" ]; then ok; else bad "$f links $link, which does not exist"; fi
	done
done
echo "docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
