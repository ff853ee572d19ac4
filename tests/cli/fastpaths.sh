#!/bin/sh
# The fast paths (two threads, radix sort, fast decimal conversion, the
# streaming fold) against the simple path (CUTOFF_SIMPLE=1: one thread,
# qsort, strtod) on a generated 2M-row file (large enough for two threads)
# with bad rows in both halves: reports, curves and messages are the same.
# Usage: tests/cli/fastpaths.sh ./cutoff ./build/gen
set -u
BIN=$1
GEN=$2
T=$(mktemp -d /tmp/cutoff-fast.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh

# 2M rows, 2 models, 4 decimals (ties); bad rows near the start, middle, end
"$GEN" -n 2000000 -m 2 -d 4 -r 7 |
	awk 'NR == 10 { print "1,abc,0.5"; next } NR == 1000005 { print "0,0.5"; next }
	     NR == 1999990 { print "NA,0.1,0.2"; next } { print }' >"$T/big.csv"
[ "$(wc -c <"$T/big.csv")" -gt 16777216 ] && ok || bad "the test file is too small for two threads"

run() { # run OUT ENV... COMMAND: output to $T/OUT.out, $T/OUT.err
	out=$1
	shift
	env "$@" >"$T/$out.out" 2>"$T/$out.err"
}
for what in "report --report --format json -p 1 -l label -s model1,model2" \
	"roc --curve roc --format csv -p 1 -l label -s model1" \
	"pr --curve pr --format csv -p 1 -l label -s model2" \
	"opt --optimize mcc --format json -p 1 -l label -s model1,model2"; do
	set -- $what
	name=$1
	shift
	run "$name.simple" CUTOFF_SIMPLE=1 "$BIN" "$@" "$T/big.csv"
	run "$name.fast" "$BIN" "$@" "$T/big.csv"
	run "$name.stream" "$BIN" --stream "$@" "$T/big.csv"
	[ -s "$T/$name.simple.out" ] && ok || bad "$name: no output"
	cmp -s "$T/$name.simple.out" "$T/$name.fast.out" && ok || bad "$name: threads and radix differ from the simple path"
	# the paired tests need the rows, which --stream does not keep
	sed '/"comparisons"/,$d' "$T/$name.simple.out" >"$T/$name.simple.cmp"
	sed '/"comparisons"/,$d' "$T/$name.stream.out" >"$T/$name.stream.cmp"
	cmp -s "$T/$name.simple.cmp" "$T/$name.stream.cmp" && ok || bad "$name: --stream differs from the simple path"
	cmp -s "$T/$name.simple.err" "$T/$name.fast.err" && ok ||
		bad "$name: messages differ: $(diff "$T/$name.simple.err" "$T/$name.fast.err" | head -4)"
	cmp -s "$T/$name.simple.err" "$T/$name.stream.err" && ok || bad "$name: --stream messages differ"
done
# the bad rows are named with their lines, from both halves
grep -q "big.csv:10: skipped: unparsable score 'abc' in column 'model1'" "$T/report.fast.err" && ok || bad "first half's bad row"
grep -q "big.csv:1000005: skipped: 2 fields, expected at least 3" "$T/report.fast.err" && ok || bad "second half's bad row: $(cat "$T/report.fast.err")"
grep -q "big.csv:1999990: skipped: missing label in column 'label'" "$T/report.fast.err" && ok || bad "last bad row"
grep -q "3 rows skipped" "$T/report.fast.err" && ok || bad "skip count"
# CRLF endings, with a lone CR early on: the second reader's first line
# number is counted over both kinds of chunk (memchr hops, byte by byte)
awk 'NR == 3 { printf "%s\r", $0; next } { printf "%s\r\n", $0 }' "$T/big.csv" >"$T/crlf.csv"
run crlf.simple CUTOFF_SIMPLE=1 "$BIN" --report --format json -p 1 -l label -s model1 "$T/crlf.csv"
run crlf.fast "$BIN" --report --format json -p 1 -l label -s model1 "$T/crlf.csv"
cmp -s "$T/crlf.simple.err" "$T/crlf.fast.err" && grep -q "crlf.csv:1999990: skipped" "$T/crlf.fast.err" && ok ||
	bad "CRLF: the second half's line numbers differ: $(diff "$T/crlf.simple.err" "$T/crlf.fast.err" | head -4)"
# stdin (one thread, arrays) agrees too
"$BIN" --report --format json -p 1 -l label -s model1,model2 - <"$T/big.csv" 2>/dev/null | grep -v '"file"' >"$T/stdin.out"
grep -v '"file"' "$T/report.simple.out" | cmp -s - "$T/stdin.out" && ok || bad "stdin differs"

echo "fast paths: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
