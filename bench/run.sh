#!/bin/sh
# make bench: cutoff and a pandas + scikit-learn script (bench/peer.py) do
# the same job on the same generated files, one after the other in this
# run; wall time and peak memory (GNU time), and their ratios.  Then the
# streaming path on the 10M file.  Page cache warm: each file is read once
# before it is timed.
set -eu
GEN=./build/gen
OUT=build/bench
mkdir -p "$OUT"
measure() { # measure LOG COMMAND...: prints "seconds megabytes"
	log=$1
	shift
	/usr/bin/time -f "%e %M" -o "$log.time" "$@" >"$log.out" 2>"$log.err"
	awk '{ printf "%.2f %.0f", $1, $2 / 1024 }' "$log.time"
}
printf '%-8s %-28s %10s %10s\n' rows tool "wall (s)" "peak (MB)"
for n in 1000000 10000000; do
	f="$OUT/bench-$n.csv"
	[ -f "$f" ] || "$GEN" -n "$n" >"$f"
	cat "$f" >/dev/null
	set -- $(measure "$OUT/cutoff-$n" ./cutoff --optimize f1 --format json -l label -s score "$f")
	ct=$1 cm=$2
	set -- $(measure "$OUT/peer-$n" /usr/bin/python3 bench/peer.py "$f")
	pt=$1 pm=$2
	label=$(echo "$n" | sed 's/000000$/M/')
	printf '%-8s %-28s %10s %10s\n' "$label" "cutoff" "$ct" "$cm"
	printf '%-8s %-28s %10s %10s\n' "$label" "pandas + scikit-learn" "$pt" "$pm"
	printf '%-8s %-28s %9sx %9sx\n' "$label" "peer / cutoff" "$(awk -v a="$pt" -v b="$ct" 'BEGIN { printf "%.1f", a / b }')" \
		"$(awk -v a="$pm" -v b="$cm" 'BEGIN { printf "%.1f", a / b }')"
	# the same optimum, or the comparison means nothing
	c=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$OUT/cutoff-$n.out")
	p=$(sed -n 's/^f1 threshold \([^ ]*\) .*/\1/p' "$OUT/peer-$n.out")
	awk -v a="$c" -v b="$p" 'BEGIN { exit !(a == b) }' || echo "warning: F1 thresholds differ: cutoff $c, peer $p"
done
f="$OUT/bench-10000000.csv"
set -- $(measure "$OUT/stream" ./cutoff --stream --optimize f1 --format json -l label -s score "$f")
printf '%-8s %-28s %10s %10s\n' 10M "cutoff --stream" "$1" "$2"
set -- $(measure "$OUT/bins" ./cutoff --bins 1000 --optimize f1 --format json -l label -s score "$f")
printf '%-8s %-28s %10s %10s\n' 10M "cutoff --bins 1000" "$1" "$2"
echo "distinct scores in the 10M file: $(./cutoff --curve pr --format csv -l label -s score "$f" 2>/dev/null | tail -n +2 | wc -l)"
