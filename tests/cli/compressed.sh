#!/bin/sh
# Compressed input: gzip and zstd files and pipes give what the plain text
# gives (reports, curves, messages but for the file's name), with several
# members or frames, on a file large enough for many pipe-fulls, through
# --stream, and when the reader stops early (--strict) it does not hang.
# Usage: tests/cli/compressed.sh ./cutoff ./build/gen
set -u
BIN=$1
GEN=$2
T=$(mktemp -d /tmp/cutoff-packed.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# same NAME PLAIN PACKED ARGS...: PACKED (a file, or "-" with stdin from
# $T/stdin) reports what PLAIN does, with the file's name in place
same() {
	name=$1 plain=$2 packed=$3
	shift 3
	timeout 120 "$BIN" "$@" "$plain" >"$T/$name.plain" 2>"$T/$name.plain.err"
	echo "status $?" >>"$T/$name.plain"
	if [ "$packed" = - ]; then
		timeout 120 "$BIN" "$@" - <"$T/stdin" >"$T/$name.packed" 2>"$T/$name.packed.err"
	else
		timeout 120 "$BIN" "$@" "$packed" >"$T/$name.packed" 2>"$T/$name.packed.err"
	fi
	echo "status $?" >>"$T/$name.packed"
	for x in "" .err; do
		sed "s|$plain|FILE|g" "$T/$name.plain$x" >"$T/a"
		if [ "$packed" = - ]; then
			sed "s|<stdin>|FILE|g" "$T/$name.packed$x" >"$T/b"
		else
			sed "s|$packed|FILE|g" "$T/$name.packed$x" >"$T/b"
		fi
		cmp -s "$T/a" "$T/b" && ok || bad "$name$x: $(diff "$T/a" "$T/b" | head -4)"
	done
	grep -q "Sanitizer\|runtime error" "$T/$name.packed.err" && bad "$name: sanitizer report" || ok
}
S=samples/breast_cancer.csv
same gz-report $S $S.gz --report --format json -p malignant
same zst-report $S $S.zst --report --format json -p malignant
same gz-curve $S $S.gz --curve roc --format csv -p malignant -s naive_bayes
same zst-optimize $S $S.zst --optimize f1 -p malignant
gzip -dc $S.gz | cmp -s - $S && zstd -dc $S.zst | cmp -s - $S && ok || bad "the samples are not the plain sample"
cp $S.gz "$T/stdin"
same gz-stdin $S - --report --format json -p malignant
cp $S.zst "$T/stdin"
same zst-stdin $S - --report -p malignant

# several members and frames: read one after the other
cat $S $S >"$T/twice.csv"
{ gzip -c $S; gzip -c $S; } >"$T/twice.csv.gz"
{ zstd -qc $S; zstd -qc $S; } >"$T/twice.csv.zst"
same gz-members "$T/twice.csv" "$T/twice.csv.gz" --report --format json -p malignant -l diagnosis -s logreg
same zst-frames "$T/twice.csv" "$T/twice.csv.zst" --report --format json -p malignant -l diagnosis -s logreg

# 400,000 rows (many pipe-fulls), bad rows named by line; --stream
"$GEN" -n 400000 -m 2 -d 4 -r 3 | awk 'NR == 77 { print "1,x,0.5"; next } NR == 399990 { print "0,0.5"; next } { print }' >"$T/big.csv"
gzip -1 -c "$T/big.csv" >"$T/big.csv.gz"
zstd -q -1 -c "$T/big.csv" >"$T/big.csv.zst"
same gz-big "$T/big.csv" "$T/big.csv.gz" --report --format json -p 1 -l label -s model1,model2
grep -q "big.csv.gz:399990: skipped: 2 fields" "$T/gz-big.packed.err" && ok ||
	bad "gz-big: the late bad row's line: $(cat "$T/gz-big.packed.err")"
same zst-big-stream "$T/big.csv" "$T/big.csv.zst" --stream --curve pr --format csv -p 1 -l label -s model2
cp "$T/big.csv.zst" "$T/stdin"
same zst-big-stdin "$T/big.csv" - --bins 100 --report --format json -p 1 -l label -s model1
# the reader stops at the first bad row: the decompressing thread stops too
timeout 60 "$BIN" --strict --report -p 1 -l label -s model1,model2 "$T/big.csv.gz" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q "big.csv.gz:77: unparsable score 'x' in column 'model1' (--strict)" "$T/err" && ok ||
	bad "--strict on a gzip file: $(cat "$T/err")"

echo "compressed ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
