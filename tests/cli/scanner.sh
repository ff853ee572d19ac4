#!/bin/sh
# The scanner (quote-free lines split in place) against libcsv reading
# every byte (CUTOFF_SIMPLE=1), on generated files large enough for two
# readers: CRLF, blank lines, spaces around fields, trailing delimiters,
# quotes in the middle of the second range, lines longer than a chunk,
# other delimiters, unused columns, a last line without a break, and bad
# rows in every range; the simplest rows' short way on the same files and
# its own edges.  Reports and messages must be byte-identical.
# Usage: tests/cli/scanner.sh ./cutoff ./build/gen
set -u
BIN=$1
GEN=$2
T=$(mktemp -d /tmp/cutoff-scan.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

# 1.1M rows (18 MB: two readers), 2 models, ties; bad rows in both halves
"$GEN" -n 1100000 -m 2 -d 4 -r 11 |
	awk 'NR == 10 { print "1,abc,0.5"; next } NR == 200 { print "1,0.5,zz"; next } NR == 300001 { print "0,0.5"; next }
	     NR == 550003 { print "yes,0.1,0.2"; next } NR == 800000 { print "1,0.5,inf"; next }
	     NR == 1099990 { print "NA,0.1,0.2"; next } { print }' >"$T/base.csv"
[ "$(wc -c <"$T/base.csv")" -gt 16777216 ] && ok || bad "the test file is too small for two readers"

same() { # same NAME FILE OPTIONS...: scanner and libcsv agree on FILE
	name=$1 file=$2
	shift 2
	CUTOFF_SIMPLE=1 "$BIN" --report --format json "$@" "$file" >"$T/$name.simple.out" 2>"$T/$name.simple.err"
	echo $? >"$T/$name.simple.rc"
	"$BIN" --report --format json "$@" "$file" >"$T/$name.scan.out" 2>"$T/$name.scan.err"
	echo $? >"$T/$name.scan.rc"
	if cmp -s "$T/$name.simple.out" "$T/$name.scan.out" && cmp -s "$T/$name.simple.err" "$T/$name.scan.err" &&
		cmp -s "$T/$name.simple.rc" "$T/$name.scan.rc"; then
		ok
	else
		bad "$name: the scanner differs from libcsv: $(diff "$T/$name.simple.err" "$T/$name.scan.err" | head -4)" \
			"$(diff "$T/$name.simple.out" "$T/$name.scan.out" | head -4)"
	fi
}
M="-p 1 -l label -s model1,model2"

same plain "$T/base.csv" $M
grep -q "base.csv:1099990: skipped: missing label" "$T/plain.scan.err" && ok || bad "plain: the last range's bad row"
grep -q "base.csv:300001: skipped: 2 fields" "$T/plain.scan.err" && ok || bad "plain: a bad row before the middle"
same strict "$T/base.csv" --strict $M
same vocabulary "$T/base.csv" -l label -s model1
awk '{ printf "%s\r\n", $0 }' "$T/base.csv" >"$T/crlf.csv"
same crlf "$T/crlf.csv" $M
awk 'NR % 100000 == 5 { print "" } NR % 100000 == 7 { print "   \t " } NR % 250000 == 3 { print ",," }
     NR == 700000 { print "\t" } { print }' "$T/base.csv" >"$T/blank.csv"
same blank "$T/blank.csv" $M
awk -F, 'NR > 1 && NR % 3 == 0 { print " " $1 " ,  " $2 "\t,\t" $3 " "; next } { print }' "$T/base.csv" >"$T/spaces.csv"
same spaces "$T/spaces.csv" $M
awk 'NR % 2 == 0 { print $0 ","; next } NR % 7 == 0 { print $0 ",,"; next } { print }' "$T/base.csv" >"$T/trailing.csv"
same trailing "$T/trailing.csv" $M
# quotes (one reader: a quote may hide a line break, so no split): whole
# quoted fields, which the scanner reads, then each case it leaves to
# libcsv from that line on, in a file of its own: a line break inside a
# field, a doubled quote, text after a closing quote, a quote inside a field
head -60000 "$T/base.csv" >"$T/head.csv"
n=0
for q in '"1","0.25" ,0.5' '1,"0.3
5",0.1' '0,"0.""4",0.2' '0,"0.4"x,0.2' '1,0.4"2,0.2'; do
	n=$((n + 1))
	awk -v q="$q" 'NR == 30000 { print "\"1\", \"0.125\"\t,\"\""; next } NR == 40000 { print q; next } { print }' \
		"$T/head.csv" >"$T/quote$n.csv"
	same "quote$n" "$T/quote$n.csv" $M
done
# quotes in a file large enough for two readers: a quoted field with line
# breaks across the middle (the split falls inside it: read again by one
# reader), and one in the second half only (the second reader hands the
# rest of its range to libcsv)
awk 'NR == 550000 { printf "1,\"x"; for (i = 0; i < 300000; i++) printf "yz\n"; print "\",0.5"; next } { print }' \
	"$T/base.csv" >"$T/middle.csv"
same middle "$T/middle.csv" $M
grep -q "middle.csv:550000: skipped: unparsable score 'xyz" "$T/middle.scan.err" && ok || bad "middle: the row across the split: $(head -3 "$T/middle.scan.err")"
awk 'NR == 900000 { print "1,\"0.5"; print "\",0.5"; next } { print }' "$T/base.csv" >"$T/late.csv"
same late "$T/late.csv" $M
# a quoted header (as R writes it), then plain rows
awk 'NR == 1 { print "\"label\",\"model1\",\"model2\""; next } { print }' "$T/base.csv" >"$T/rheader.csv"
same rheader "$T/rheader.csv" $M
# lines longer than a chunk (1 MB) in an unused fourth column, in both ranges
awk 'BEGIN { x = "x"; for (i = 0; i < 22; i++) x = x x }
     NR == 1 { print $0 ",note"; next } NR == 300000 || NR == 800000 { print $0 "," x; next }
     NR == 800001 { print $0 "," substr(x, 1, 1048570); next } { print $0 ",n" }' "$T/base.csv" >"$T/long.csv"
same long "$T/long.csv" $M
# other delimiters
tr ',' ';' <"$T/base.csv" >"$T/semi.csv"
same semicolon "$T/semi.csv" $M
tr ',' '|' <"$T/base.csv" >"$T/pipe.csv"
same bar "$T/pipe.csv" $M
awk -F, 'NR > 1 && NR % 5 == 0 { print $1 "\t " $2 " \t" $3; next } { gsub(",", "\t"); print }' "$T/base.csv" >"$T/tab.csv"
same tab "$T/tab.csv" $M
# 20 unused columns, the scores last; some rows short of them
awk -F, 'NR == 1 { h = "label"; for (i = 1; i <= 20; i++) h = h ",x" i; print h ",model1,model2"; next }
     NR % 200000 == 0 { print $1 ",1,2"; next }
     { l = $1; for (i = 1; i <= 20; i++) l = l "," i; print l "," $2 "," $3 }' "$T/base.csv" >"$T/wide.csv"
same wide "$T/wide.csv" $M
# unused columns between the used ones, of every width (the skip goes 8
# bytes at a time), some rows ending among them
awk -F, 'NR == 1 { print "x0,label,x1,x2,x3,model1,x4,x5,x6,x7,x8,x9,x10,model2,x11"; next }
     NR % 150000 == 0 { print "a," $1 ",b,c"; next } NR % 170000 == 0 { print "a," $1 ",b,c,d," $2 ",e,f,g"; next }
     { print NR % 7 "," $1 ",," substr("abcdefghijklmnopq", 1, NR % 17) ",   ," $2 ",1,22,333,4444,55555,666666,7777777," $3 ",z" }' \
	"$T/base.csv" >"$T/between.csv"
same between "$T/between.csv" $M
grep -q "between.csv:150000: skipped: 4 fields, expected at least 14" "$T/between.scan.err" && ok ||
	bad "between: a row ending among the unused columns: $(head -3 "$T/between.scan.err")"
awk -F, 'NR == 1 { print $0 ",a,b,c,d,e,f,g,h"; next } { print $0 ",1,2,3,4,5,6,7,8" }' "$T/base.csv" >"$T/after.csv"
same unused-after "$T/after.csv" $M
# the last line without a break, with a CR only, and a lone CR inside
head -c -1 "$T/base.csv" >"$T/nobreak.csv"
same no-last-break "$T/nobreak.csv" $M
{ head -c -1 "$T/base.csv"; printf '\r'; } >"$T/lastcr.csv"
same last-cr "$T/lastcr.csv" $M
awk 'NR == 600000 { printf "%s\r", $0; next } { print }' "$T/base.csv" >"$T/lonecr.csv"
same lone-cr "$T/lonecr.csv" $M
# NUL bytes and a UTF-8 byte-order mark
{ printf '\357\273\277'; head -5 "$T/base.csv"; printf '1,0.\0003,0.2\n'; tail -n +6 "$T/base.csv"; } >"$T/nul.csv"
same nul-bom "$T/nul.csv" $M
# small files (one reader), streaming, and a pipe
head -1000 "$T/base.csv" >"$T/small.csv"
same small "$T/small.csv" $M
same stream "$T/blank.csv" --stream $M
CUTOFF_SIMPLE=1 "$BIN" --report --format json $M - <"$T/crlf.csv" >"$T/pipe.simple" 2>&1
"$BIN" --report --format json $M - <"$T/crlf.csv" >"$T/pipe.scan" 2>&1
cmp -s "$T/pipe.simple" "$T/pipe.scan" && ok || bad "a pipe: the scanner differs from libcsv"

# the simplest rows' short way (one model, labels 0 and 1, no --positive,
# no weights): the files above again, then its edges: the label after the
# score, labels that are 0 or 1 only once trimmed or not at all (1.0, yes),
# -0 beside 0 and exponents, all negatives before the first positive, a label
# outside the vocabulary in the second half (the load fails, listing them)
O="-l label -s model1"
for f in base crlf blank spaces trailing tab wide between after nobreak lonecr nul; do
	same "short-$f" "$T/$f.csv" $O
done
# folded as they come (--stream), and past the distinct-score ceiling: the
# short way's failed row goes the general way, which names its line
for f in base blank nul; do
	same "short-stream-$f" "$T/$f.csv" --stream $O
done
export CUTOFF_MAX_DISTINCT=1000
same short-stream-ceiling "$T/base.csv" --stream $O
grep -q "base.csv:[0-9]*: more than 1000 distinct scores in column 'model1'" "$T/short-stream-ceiling.scan.err" && ok ||
	bad "short-stream-ceiling: $(cat "$T/short-stream-ceiling.scan.err")"
unset CUTOFF_MAX_DISTINCT
awk -F, 'NR == 1 { print "model1,label,model2"; next }
     NR % 1000 == 0 { print $2 ", " $1 " ," $3; next } NR % 777 == 0 { print $2 ",1.0," $3; next }
     NR % 555 == 0 { print $2 ",yes," $3; next } NR % 333 == 0 { print "-0," $1 "," $3; next }
     NR % 444 == 0 { print "2.5e-1,\t" $1 "," $3; next } NR % 331 == 0 { print "0," $1 "," $3; next }
     { print $2 "," $1 "," $3 }' "$T/base.csv" >"$T/edges.csv"
same short-edges "$T/edges.csv" $O
{ head -1 "$T/base.csv"; awk -F, 'NR > 1 && $1 == "0"' "$T/base.csv"; awk -F, 'NR > 1 && $1 != "0"' "$T/base.csv"; } >"$T/sorted.csv"
same short-late-class "$T/sorted.csv" $O
awk 'NR == 900000 { print "10,0.5,0.5"; next } NR == 950000 { print "2,0.5,0.5"; next } { print }' "$T/base.csv" >"$T/badlabel.csv"
same short-bad-label "$T/badlabel.csv" $O
grep -q "labels in column 'label' are not 0/1" "$T/short-bad-label.scan.err" && ok ||
	bad "short-bad-label: $(head -2 "$T/short-bad-label.scan.err")"

echo "scanner: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
