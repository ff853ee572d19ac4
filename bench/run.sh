#!/bin/sh
# make bench: cutoff against the binary of an earlier commit (BASE_REF,
# built into build/base) and against a pandas + scikit-learn script
# (bench/peer.py), on the same generated files, one after the other in this
# run: median and fastest wall time of RUNS runs (the fastest is the
# steadier on a shared machine; ratios use it), peak memory (GNU time).
# Page cache warm: each file is read once before it is timed.
set -eu
GEN=./build/gen
OUT=build/bench
BASE_REF=${BASE_REF:-c43aad5}
RUNS=${RUNS:-5}
mkdir -p "$OUT"
# the baseline: the commit's sources, built as they were
if [ ! -x build/base/cutoff ] || [ "$(cat build/base/REF 2>/dev/null)" != "$BASE_REF" ]; then
	rm -rf build/base && mkdir -p build/base
	git archive "$BASE_REF" | tar -x -C build/base && rm -f build/base/.ci/run
	make -s -C build/base cutoff >/dev/null
	echo "$BASE_REF" >build/base/REF
fi
BASE=build/base/cutoff
measure() { # measure COMMAND...: "fastest megabytes median" of RUNS runs
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f "%e %M" -o "$OUT/time" "$@" >"$OUT/out" 2>"$OUT/err"
		cat "$OUT/time"
	done | sort -n | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "%.3f %.0f %.3f", t[1], m / 1024, t[int((NR + 1) / 2)] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-34s %9s %9s %9s %9s\n' "$@"; }
med() { echo "  (medians: now $1 s, base $2 s)"; }
gen() { [ -f "$OUT/$1" ] || "$GEN" $2 >"$OUT/$1"; cat "$OUT/$1" >/dev/null; }

row "job (fastest of $RUNS)" "now (s)" "base (s)" "now/base" "peak MB"
gen bench-10000000.csv "-n 10000000"
f=$OUT/bench-10000000.csv
for job in "--report" "--optimize f1"; do
	set -- $(measure ./cutoff $job --format json -l label -s score "$f")
	now=$1 mem=$2 nmed=$3
	set -- $(measure "$BASE" $job --format json -l label -s score "$f")
	row "10M $job" "$now" "$1" "$(ratio "$now" "$1")" "$mem"
	med "$nmed" "$3"
done
echo "  peak bytes a row (--optimize f1): $(awk -v m="$mem" 'BEGIN { printf "%.1f", m * 1048576 / 1e7 }')"
set -- $(measure ./cutoff --optimize f1 --format json -l label -s score "$f")
ct=$1
c=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$OUT/out")
RUNS=1
set -- $(measure /usr/bin/python3 bench/peer.py "$f")
p=$(sed -n 's/^f1 threshold \([^ ]*\) .*/\1/p' "$OUT/out")
row "10M pandas + scikit-learn" "$1" "" "" "$2"
echo "  pandas + scikit-learn / cutoff: $(ratio "$1" "$ct")x"
awk -v a="$c" -v b="$p" 'BEGIN { exit !(a == b) }' || echo "  warning: F1 thresholds differ: cutoff $c, peer $p"
RUNS=${RUNS_AGAIN:-3}
# quoted fields (R's write.csv quotes the header and string labels)
[ -f "$OUT/quoted.csv" ] || awk -F, 'NR == 1 { print "\"label\",\"score\""; next } { print "\"" ($1 ? "yes" : "no") "\"," $2 }' "$f" >"$OUT/quoted.csv"
cat "$OUT/quoted.csv" >/dev/null
set -- $(measure ./cutoff --report --format json -l label -s score -p yes "$OUT/quoted.csv")
now=$1 mem=$2
set -- $(measure "$BASE" --report --format json -l label -s score -p yes "$OUT/quoted.csv")
row "10M quoted labels --report" "$now" "$1" "$(ratio "$now" "$1")" "$mem"
# 20 unused columns, after and before the score
for where in after before; do
	w=$OUT/wide-$where.csv
	[ -f "$w" ] || awk -F, -v where="$where" 'NR == 1 { x = ""; for (i = 1; i <= 20; i++) x = x ",x" i }
		NR > 1 { x = ""; for (i = 1; i <= 20; i++) x = x "," i * 3 }
		{ print where == "after" ? $1 "," $2 x : $1 x "," $2 }' "$f" >"$w"
	cat "$w" >/dev/null
	set -- $(measure ./cutoff --report --format json -l label -s score "$w")
	now=$1 mem=$2
	set -- $(measure "$BASE" --report --format json -l label -s score "$w")
	row "10M +20 columns $where --report" "$now" "$1" "$(ratio "$now" "$1")" "$mem"
done
set -- $(measure ./cutoff --report --format json -l label -s score "$f")
narrow=$1
set -- $(measure ./cutoff --report --format json -l label -s score "$OUT/wide-before.csv")
echo "  20 columns before the score / narrow: $(ratio "$1" "$narrow")x"
# compressed
[ -f "$f.gz" ] || gzip -1 -c "$f" >"$f.gz"
cat "$f.gz" >/dev/null
set -- $(measure ./cutoff --report --format json -l label -s score "$f.gz")
gz=$1
set -- $(measure sh -c "gzip -dc '$f.gz' | ./cutoff --report --format json -l label -s score -")
pipe=$1
set -- $(measure sh -c "gzip -dc '$f.gz' >/dev/null")
row "10M .csv.gz --report" "$gz" "" "" ""
echo "  vs gzip -dc | cutoff -: $(ratio "$gz" "$pipe")x; vs gzip -dc >/dev/null + plain file: $(ratio "$gz" "$(awk -v a="$1" -v b="$narrow" 'BEGIN { print a + b }')")x"
# streaming
for job in "--stream" "--bins 1000"; do
	set -- $(measure ./cutoff $job --optimize f1 --format json -l label -s score "$f")
	now=$1 mem=$2
	set -- $(measure "$BASE" $job --optimize f1 --format json -l label -s score "$f")
	row "10M $job --optimize f1" "$now" "$1" "$(ratio "$now" "$1")" "$mem"
done
# all-distinct scores: streaming against in memory, ns a row
gen distinct-1M.csv "-n 1000000 -d 12"
gen distinct-30M.csv "-n 30000000 -d 12"
RUNS=5
set -- $(measure ./cutoff --stream --report --format json -l label -s score "$OUT/distinct-1M.csv")
s1=$1
RUNS=1
# the pair takes turns, fastest of three each: one run of each differs by
# more than the two paths do
s30= m30= i30= im30=
for i in 1 2 3; do
	set -- $(measure ./cutoff --stream --report --format json -l label -s score "$OUT/distinct-30M.csv")
	s30=$(awk -v a="${s30:-$1}" -v b="$1" 'BEGIN { print a < b ? a : b }') m30=$2
	set -- $(measure ./cutoff --report --format json -l label -s score "$OUT/distinct-30M.csv")
	i30=$(awk -v a="${i30:-$1}" -v b="$1" 'BEGIN { print a < b ? a : b }') im30=$2
done
row "30M all-distinct --stream (3)" "$s30" "" "" "$m30"
row "30M all-distinct in memory (3)" "$i30" "" "" "$im30"
echo "  --stream ns a row: 1M $(awk -v t="$s1" 'BEGIN { printf "%.0f", t * 1e3 }'), 30M $(awk -v t="$s30" 'BEGIN { printf "%.0f", t * 1e9 / 3e7 }') ($(ratio "$(awk -v t="$s30" 'BEGIN { print t / 30 }')" "$s1")x)"
gen distinct-10M.csv "-n 10000000 -d 12"
RUNS=3 # the file was just written: one run may wait on the disk
set -- $(measure ./cutoff --report --format json -l label -s score "$OUT/distinct-10M.csv")
echo "  10M all-distinct in memory (fastest of 3): $1 s, peak $(awk -v m="$2" 'BEGIN { printf "%.1f", m * 1048576 / 1e7 }') bytes a row"
# several classes (issue 29): 10M rows x 3 classes against one score column
# of the same file (the target: within 3.5x), and the peak bytes a row and
# class (the target: 16)
[ -f "$OUT/mc3.csv" ] || awk 'BEGIN { srand(3); print "label,a,b,c"; for (i = 0; i < 10000000; i++) {
	r = rand(); y = r < 0.5 ? 0 : (r < 0.8 ? 1 : 2); s0 = rand() + (y == 0) * 0.8; s1 = rand() + (y == 1) * 0.8
	s2 = rand() + (y == 2) * 0.8; t = s0 + s1 + s2
	printf "%s,%.8f,%.8f,%.8f\n", substr("abc", y + 1, 1), s0 / t, s1 / t, s2 / t } }' >"$OUT/mc3.csv"
cat "$OUT/mc3.csv" >/dev/null
RUNS=3
set -- $(measure ./cutoff --report --format json -l label -p a -s a "$OUT/mc3.csv")
one=$1
set -- $(measure ./cutoff --report --format json --multiclass -l label -s a,b,c "$OUT/mc3.csv")
row "10M x 3 classes --report" "$1" "" "" "$2"
echo "  3 classes / one score column: $(ratio "$1" "$one")x; peak $(awk -v m="$2" 'BEGIN { printf "%.1f", m * 1048576 / 3e7 }') bytes a row and class"
# the rows behind a cell (issue 30): --list on 10M rows against the same
# report without it (a second reading, no more memory a row), and the
# explorer's rows index (bench steps -R: the file read again, 8 bytes a
# row kept)
f=$OUT/bench-10000000.csv
RUNS=3
set -- $(measure ./cutoff --report --format json -l label -s score "$f")
plain=$1 pmem=$2
set -- $(measure ./cutoff --report --format json -l label -s score --list fp --limit 20 "$f")
row "10M --report --list fp" "$1" "$plain" "$(ratio "$1" "$plain")" "$2"
echo "  peak MB with --list $2, without $pmem"
make -s build/steps >/dev/null
set -- $(measure ./build/steps -n 1 -- -l label -s score "$f")
smem=$2
set -- $(measure ./build/steps -R -n 1 -- -l label -s score "$f")
echo "  explorer rows index, 10M rows: $1 s to load and index, peak $2 MB (without the panel $smem MB)"
