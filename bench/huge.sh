#!/bin/sh
# make bench-huge: a 5 GB file of 450M rows, generated in /tmp, loaded
# through the streaming path; time and peak memory, and the same for the
# baseline binary make bench built; the file is deleted.
set -eu
f=/tmp/cutoff-huge-$$.csv
trap 'rm -f "$f"' EXIT
echo "generating 450,000,000 rows into $f ..."
./build/gen -n 450000000 -r 3 >"$f"
ls -l "$f" | awk '{ printf "%.2f GB\n", $5 / 1e9 }'
/usr/bin/time -f "cutoff --stream --report: %e s wall, %M KB peak" \
	./cutoff --stream --report --format json -l label -s score "$f" >/tmp/cutoff-huge-$$.json
grep -E '"(n|roc_auc)"' /tmp/cutoff-huge-$$.json
# the baseline make bench built (build/base), when there is one
if [ -x build/base/cutoff ]; then
	/usr/bin/time -f "baseline ($(cat build/base/REF)) --stream --report: %e s wall, %M KB peak" \
		build/base/cutoff --stream --report --format json -l label -s score "$f" >/tmp/cutoff-huge-$$.base
	cmp -s /tmp/cutoff-huge-$$.json /tmp/cutoff-huge-$$.base && echo "the same report" || echo "the reports differ"
fi
rm -f /tmp/cutoff-huge-$$.json /tmp/cutoff-huge-$$.base
