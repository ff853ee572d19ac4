#!/bin/sh
# Hostile and odd inputs, each with its exact outcome (as the man page's
# ODD INPUT section documents): an error line and status, or a counted
# skip.  Never a crash, a hang or a sanitizer report.
# Usage: tests/cli/hostile.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-hostile.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh

# outcome STATUS PATTERN ARGS...: exit status, and stderr matching PATTERN
# (other lines allowed); on error nothing on stdout; never a sanitizer
# report; at most 60 s
outcome() {
	want=$1
	pat=$2
	shift 2
	timeout 60 env ${CUTOFF_MAX_DISTINCT:+CUTOFF_MAX_DISTINCT=$CUTOFF_MAX_DISTINCT} "$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] && ok || bad "cutoff $*: status $got, expected $want: $(head -c 300 "$T/err")"
	if [ -n "$pat" ]; then
		grep -q -- "$pat" "$T/err" && ok || bad "cutoff $*: stderr lacks '$pat': $(head -c 300 "$T/err")"
	fi
	grep -q "Sanitizer\|runtime error" "$T/err" && bad "cutoff $*: sanitizer report" || ok
	if [ "$want" -ne 0 ] && [ -s "$T/out" ]; then bad "cutoff $*: stdout on error"; fi
}

# empty file, header only, blank lines only
: >"$T/empty.csv"
outcome 1 "empty.csv: no data$" --report "$T/empty.csv"
printf 'label,score\n' >"$T/header.csv"
outcome 1 "no data rows after the header" --report "$T/header.csv"
# binary garbage (fixed bytes, so the outcome is fixed)
awk 'BEGIN { srand(5); for (i = 0; i < 4096; i++) printf "%c", int(rand() * 256) }' >"$T/garbage.bin"
outcome 1 "garbage.bin: cannot tell which column holds the scores" --report "$T/garbage.bin"
# NUL bytes inside a field: that row skipped, the byte shown escaped
printf 'label,score\n1,0.9\000x\n0,0.1\n1,0.8\n' >"$T/nul.csv"
outcome 0 "nul.csv:2: skipped: unparsable score '0.9\\\\x00x'" --report "$T/nul.csv"
grep -q "1 row skipped" "$T/err" && ok || bad "NUL: skip count"
# invalid UTF-8 in names: escaped in messages and in JSON (as every output shows it)
printf 'l\377bel,sc\303ore\n1,0.9\n0,0.1\n' >"$T/utf.csv"
outcome 0 "guessed label column 'l\\\\xffbel'" --report --format json "$T/utf.csv"
grep -q '"label": "l\\\\xffbel",' "$T/out" && ok || bad "invalid UTF-8 in JSON"
# a 50 MB single field: overflows to infinity, skipped
awk 'BEGIN { printf "label,score\n1,"; for (i = 0; i < 5000000; i++) printf "0123456789"; printf "\n0,0.1\n1,0.8\n" }' >"$T/bigfield.csv"
outcome 0 "bigfield.csv:2: skipped: infinite score in column 'score'" --report "$T/bigfield.csv"
# a line of 1,000,000 columns
awk 'BEGIN { printf "label,score"; for (i = 0; i < 999998; i++) printf ",c%d", i; printf "\n1,0.9\n0,0.2\n1,0.7\n" }' >"$T/wide.csv"
outcome 0 "" --report --format json -l label -s score "$T/wide.csv"
grep -q '"n": 3,' "$T/out" && ok || bad "wide: rows"
# unbalanced quotes at the end: the last record skipped
printf 'label,score\n1,0.9\n0,0.1\n1,"0.5\n' >"$T/quote.csv"
outcome 0 "quote.csv:4: skipped: unterminated quoted field at end of file" --report "$T/quote.csv"
# mixed CRLF and LF: line numbers still right
printf 'label,score\r\n1,0.9\n0,x\r\n1,0.8\n0,y\n' >"$T/mixed.csv"
outcome 0 "mixed.csv:3: skipped: unparsable score 'x'" --report "$T/mixed.csv"
grep -q "mixed.csv:5: skipped: unparsable score 'y'" "$T/err" && ok || bad "mixed: line 5"
# duplicate column names: detection takes the first, naming one is an error
printf 'label,score,score\n1,0.9,0.1\n0,0.2,0.8\n' >"$T/dup.csv"
outcome 0 "score column 'score'" --report --format json "$T/dup.csv"
grep -q '"tp": 1,' "$T/out" && ok || bad "dup: the first score column"
outcome 1 "score column name 'score' is ambiguous (columns 2 and 3); give its index" --report -l label -s score "$T/dup.csv"
outcome 0 "" --report -l label -s 3 "$T/dup.csv"
# columns named like options
printf -- '--label,-s\n1,0.9\n0,0.2\n' >"$T/opts.csv"
outcome 0 "" --report --format json -l --label -s -s "$T/opts.csv"
grep -q '"label": "--label",' "$T/out" && grep -q '"score": "-s",' "$T/out" && ok || bad "option-like names"
# a label column with 10,000 distinct values: at most 10 listed; one-vs-rest works
awk 'BEGIN { print "label,score"; for (i = 0; i < 10000; i++) printf "class%d,%.4f\n", i, (i % 97) / 97 }' >"$T/many.csv"
outcome 1 "(values: class0, class1, class2, class3, class4, class5, class6, class7, class8, class9, ...)" --report -l label -s score "$T/many.csv"
outcome 0 "" --report --format json -l label -s score -p class7 "$T/many.csv"
grep -q '"positives": 1,' "$T/out" && ok || bad "10,000 labels one-vs-rest"
# all scores equal: AUC one half
printf 'label,score\n1,0.5\n0,0.5\n1,0.5\n' >"$T/equal.csv"
outcome 0 "" --report --format json "$T/equal.csv"
grep -q '"roc_auc": 0.5,' "$T/out" && ok || bad "all equal: AUC"
# all scores NaN: nothing usable
printf 'label,score\n1,NaN\n0,nan\n1,NA\n' >"$T/nan.csv"
outcome 1 "no usable rows (3 skipped; the first, line 2: missing score in column 'score')" --report -l label -s score "$T/nan.csv"
# one row
printf 'label,score\n1,0.7\n' >"$T/one.csv"
outcome 0 "" --report --format json "$T/one.csv"
grep -q '"roc_auc": null,' "$T/out" && ok || bad "one row: AUC null"
# 2^31 and more rows, as counts: exact, no overflow
printf 'score,pos,neg\n0.9,3000000000,1\n0.1,1,5000000000\n' >"$T/huge.csv"
outcome 0 "" --report --format json --counts pos,neg -s score "$T/huge.csv"
grep -q '"n": 8000000002,' "$T/out" && grep -q '"tp": 3000000000,' "$T/out" && ok || bad "huge counts"
# weights negative, NaN, huge
printf 'label,score,w\n1,0.9,-1\n0,0.1,NaN\n1,0.8,2\n0,0.2,1\n' >"$T/w.csv"
outcome 0 "w.csv:2: skipped: negative weight '-1' in column 'w'" --report -l label -s score -w w "$T/w.csv"
grep -q "w.csv:3: skipped: missing weight in column 'w'" "$T/err" && ok || bad "NaN weight"
printf 'label,score,w\n1,0.9,1e308\n0,0.1,1e308\n1,0.4,1e308\n' >"$T/bigw.csv"
outcome 1 "bigw.csv: the weights add up to more than a double can hold" --report -l label -s score -w w "$T/bigw.csv"
# more distinct scores than memory holds: a clear error, not the OOM killer
# (the ceiling lowered for the test), and --bins as the way out
awk 'BEGIN { print "label,score"; for (i = 0; i < 600000; i++) printf "%d,%.7f\n", i % 3 == 0, i / 600000 }' >"$T/distinct.csv"
CUTOFF_MAX_DISTINCT=1000 outcome 1 "more than 1000 distinct scores in column 'score' would not fit in memory; --bins N keeps it fixed" \
	--stream --report -l label -s score "$T/distinct.csv"
CUTOFF_MAX_DISTINCT=1000 outcome 0 "" --bins 500 --report --format json -l label -s score "$T/distinct.csv"
grep -q '"n": 600000,' "$T/out" && ok || bad "--bins under the ceiling"
# a FIFO, and /dev/stdin
mkfifo "$T/fifo"
(printf 'label,score\n1,0.9\n0,0.1\n' >"$T/fifo" &)
outcome 0 "" --report --format json "$T/fifo"
grep -q '"n": 2,' "$T/out" && ok || bad "FIFO"
printf 'label,score\n1,0.9\n0,0.1\n' >"$T/in.csv"
timeout 20 "$BIN" --report --format json /dev/stdin <"$T/in.csv" >"$T/out" 2>"$T/err" && grep -q '"n": 2,' "$T/out" && ok || bad "/dev/stdin"
# a directory
outcome 1 "is a directory" --report "$T"
# a file that shrinks while it is read: whatever was read, never a crash
"${GEN:-./build/gen}" -n 3000000 >"$T/shrink.csv" 2>/dev/null || awk 'BEGIN { print "label,score"; for (i = 0; i < 3000000; i++) printf "%d,0.%06d\n", i % 2, i }' >"$T/shrink.csv"
(sleep 0.05; truncate -s 1000000 "$T/shrink.csv") &
timeout 60 "$BIN" --report -l label -s score "$T/shrink.csv" >"$T/out" 2>"$T/err"
got=$?
wait
[ "$got" -eq 0 ] || [ "$got" -eq 1 ] && ok || bad "shrinking file: status $got"
grep -q "Sanitizer\|runtime error" "$T/err" && bad "shrinking file: sanitizer report: $(grep -A12 'ERROR\|runtime error' "$T/err" | head -20)" || ok

# ---- data text never reaches a terminal raw, in any writer; Markdown gets no markup from it ----
ESC=$(printf '\033')
BEL=$(printf '\007')
printf 'y,score\n\033]0;owned\007,0.1\npos,0.9\n\033]0;owned\007,0.3\npos,0.7\n' >"$T/esc.csv"
raw_free() { # raw_free WHAT FILE: no ESC or BEL byte in FILE
	if grep -q "$ESC\|$BEL" "$2"; then bad "$1: a raw control byte in the output: $(grep "$ESC\|$BEL" "$2" | head -1 | cat -v)"; else ok; fi
}
for fmt in text markdown csv json; do
	outcome 0 "" --report -p pos --format $fmt "$T/esc.csv"
	raw_free "--report --format $fmt" "$T/out"
	outcome 0 "" --curve roc -p pos --format $fmt "$T/esc.csv"
	raw_free "--curve --format $fmt" "$T/out"
	outcome 0 "" --optimize f1 -p pos --format $fmt "$T/esc.csv"
	raw_free "--optimize --format $fmt" "$T/out"
done
for exp in "export" "export txt" "export json" "names $ESC[31mred,$ESC]0;x$BEL
export" "cost fp=1 fn=2 unit=$ESC[1m
export txt"; do
	printf '%s\n' "$exp" | timeout 60 "$BIN" --batch -p pos "$T/esc.csv" >"$T/out" 2>"$T/err"
	raw_free "--batch '$exp'" "$T/out"
	raw_free "--batch '$exp' (stderr)" "$T/err"
done
BIN_ABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
( cd "$T" && printf 'export snap.md\nexport snap.txt\n' | timeout 60 "$BIN_ABS" --batch -p pos esc.csv >/dev/null 2>&1 )
raw_free "snapshot file (md)" "$T/snap.md"
raw_free "snapshot file (txt)" "$T/snap.txt"
# option values echoed in usage errors, and names in every message
outcome 2 "unknown format 'x.x1b]0;owned.x07'" --format "$(printf 'x\033]0;owned\007')" "$T/esc.csv"
raw_free "usage error" "$T/err"
outcome 1 "" -l "$(printf 'a\033[31m')" --report "$T/esc.csv"
raw_free "unknown column" "$T/err"
outcome 2 "" --optimize "$(printf 'f1\033[2J')" "$T/esc.csv"
raw_free "unknown objective" "$T/err"
# Markdown: link and HTML syntax from names stays text
printf 'y,score\n[x](http://evil.example),0.1\n<img src=x onerror=alert(1)>,0.9\n[x](http://evil.example),0.3\n<img src=x onerror=alert(1)>,0.7\n' >"$T/md.csv"
outcome 0 "" --report --format markdown -p '<img src=x onerror=alert(1)>' "$T/md.csv"
grep -q '[^\\]](http\|[^\\]<img' "$T/out" && bad "Markdown: link or HTML from a name: $(grep '[^\\]](http\|[^\\]<img' "$T/out" | head -1)" || ok
grep -q '\\\[x\\\](http://evil.example)' "$T/out" && grep -q '\\<img src=x onerror=alert(1)\\>' "$T/out" && ok ||
	bad "Markdown: names not shown escaped: $(sed -n 7p "$T/out")"
printf 'export\n' | timeout 60 "$BIN" --batch -p '<img src=x onerror=alert(1)>' "$T/md.csv" >"$T/out" 2>/dev/null
grep -q '[^\\]](http\|[^\\]<img' "$T/out" && bad "Markdown export: link or HTML from a name: $(grep '[^\\]](http\|[^\\]<img' "$T/out" | head -1)" || ok
# the loading progress line names the file escaped (a file over 16 MB, stderr on a terminal)
if command -v script >/dev/null 2>&1 && [ -n "${GEN:-}" ]; then
	"$GEN" -n 1600000 >"$T/big.csv" # 17.6 MB: over the 16 MB that shows progress
	ln -s "$T/big.csv" "$T/$(printf 'b\033]0;owned\007.csv')"
	script -qec "$BIN --report '$T/$(printf 'b\033]0;owned\007.csv')' >/dev/null" /dev/null >"$T/tty" 2>&1 </dev/null
	grep -q "loading" "$T/tty" && ok || bad "no progress line on a terminal: $(head -c 200 "$T/tty" | cat -v)"
	grep -q "${ESC}]0;owned" "$T/tty" && bad "the progress line printed the file name raw" || ok
fi

# ---- export FILE: replace only files; write into FIFOs and devices; refuse the rest -----------
BC_ABS=$(pwd)/samples/breast_cancer.csv
# batch CMDS: run explorer commands in $T/ex; status in $got, stderr in $T/err
batch() {
	( cd "$T/ex" && printf '%s\n' "$1" | timeout 20 "$BIN_ABS" --batch -p malignant -l diagnosis -s logreg "$BC_ABS" \
		>"$T/out" 2>"$T/err" )
	got=$?
}
mkdir -p "$T/ex"
echo secret >"$T/ex/private.md"
chmod 600 "$T/ex/private.md"
batch "export private.md"
[ "$got" -eq 0 ] && [ "$(stat -c %a "$T/ex/private.md")" = 600 ] && grep -q "^## cutoff report" "$T/ex/private.md" && ok ||
	bad "export over a 0600 file: status $got, mode $(stat -c %a "$T/ex/private.md")"
# a device like /dev/full: as root, a node of our own (a broken build must
# not be able to turn the machine's /dev/full into a file)
full=/dev/full
if [ "$(id -u)" -eq 0 ] && mknod "$T/ex/full" c 1 7 2>/dev/null; then full=$T/ex/full; fi
if [ -c "$full" ]; then
	batch "export $full"
	[ "$got" -eq 1 ] && grep -q "cannot write $full: No space left on device" "$T/err" && [ -c "$full" ] && ok ||
		bad "export $full: status $got, $(cat "$T/err"), $(ls -l "$full")"
fi
mkfifo "$T/ex/fifo"
batch "export fifo"
[ "$got" -eq 1 ] && grep -q "cannot write fifo: no one reads it" "$T/err" && [ -p "$T/ex/fifo" ] && ok ||
	bad "export into a FIFO no one reads: status $got, $(cat "$T/err")"
cat "$T/ex/fifo" >"$T/fifo.out" &
reader=$!
sleep 0.2
batch "export fifo txt"
wait $reader
[ "$got" -eq 0 ] && [ -p "$T/ex/fifo" ] && grep -q "^cutoff report" "$T/fifo.out" && ok ||
	bad "export into a FIFO with a reader: status $got, $(head -c 100 "$T/fifo.out")"
ln -s /proc/self/fd/1 "$T/ex/stdout"
batch "export stdout json"
[ "$got" -eq 0 ] && [ -L "$T/ex/stdout" ] && grep -q '"roc_auc"' "$T/out" && ok ||
	bad "export through a link to /proc/self/fd/1: status $got, link $(ls -l "$T/ex/stdout")"
echo old >"$T/ex/real.md"
ln -s real.md "$T/ex/link.md"
batch "export link.md"
[ "$got" -eq 0 ] && [ -L "$T/ex/link.md" ] && grep -q "^## cutoff report" "$T/ex/real.md" && ok ||
	bad "export through a link to a file: the link was replaced or the file not written"
ln -s missing.md "$T/ex/dangling.md"
batch "export dangling.md"
[ "$got" -eq 1 ] && grep -q "dangling.md is a link to a missing file: not written" "$T/err" && ok ||
	bad "export to a dangling link: status $got, $(cat "$T/err")"
mkdir "$T/ex/adir"
for d in adir adir/; do
	batch "export $d"
	[ "$got" -eq 1 ] && grep -q "$d is a folder: give a file name" "$T/err" && ok || bad "export $d: status $got, $(cat "$T/err")"
done
# long paths work whole (never cut to 255 bytes); too long is said
long=$(printf 'd%.0s' $(seq 1 200))
mkdir -p "$T/ex/$long/$long"
batch "export $long/$long/snap.md"
[ "$got" -eq 0 ] && [ -s "$T/ex/$long/$long/snap.md" ] && [ ! -e "$T/ex/$long/${long%?????}" ] && ok ||
	bad "export to a 410-byte path: status $got, $(cat "$T/err")"
batch "export $(printf 'x%.0s' $(seq 1 5000)).md"
[ "$got" -eq 1 ] && grep -q "the file name is longer than 4095 bytes" "$T/err" && ok || bad "a 5,000-byte name: status $got"
# quoting: names with spaces
batch 'export "my report.md"
export '"'"'its report.txt'"'"''
[ "$got" -eq 0 ] && [ -s "$T/ex/my report.md" ] && grep -q "^cutoff report" "$T/ex/its report.txt" && ok ||
	bad "export with quoted names: status $got, $(cat "$T/err"); $(ls "$T/ex")"
batch 'export "unclosed.md'
[ "$got" -eq 1 ] && grep -q "a quote is not closed" "$T/err" && ok || bad "an unclosed quote: status $got, $(cat "$T/err")"

# ---- numbers at the extremes: scores wider than a double's range, weights of 1e200 and 1e-300 ----
awk 'BEGIN { print "label,score"; for (i = 0; i < 50; i++) { print "1," (1e308 - i * 1e300); print "0," (-1e308 + i * 1e300) } }' \
	>"$T/span.csv"
for args in "" "--stream" "--bins 10"; do
	# shellcheck disable=SC2086
	outcome 0 "" --report --format json $args "$T/span.csv"
	grep -q '"roc_auc": 1,' "$T/out" && grep -q '"tp": 50,' "$T/out" && ok ||
		bad "scores from -1e308 to 1e308 ($args): $(grep -E '"(roc_auc|tp)"' "$T/out" | tr -d '\n')"
done
# scores swinging between -1e308 and 1e308 into few bins: the grid stops growing where a
# double still spans it (it used to widen forever)
awk 'BEGIN { print "label,score"; for (i = 0; i < 60; i++) { print "1," (i % 2 ? 1e308 : -1e308) * (1 - i / 1000); print "0," (i % 3 - 1) * 1e307 * i } }' \
	>"$T/swing.csv"
outcome 0 "" --report --format json --bins 5 "$T/swing.csv"
grep -q '"auc_max_error"' "$T/out" && ok || bad "--bins 5 on swinging extremes: no report"
awk 'BEGIN { srand(2); print "label,score,w"; for (i = 0; i < 200; i++) { y = rand() < 0.4; printf "%d,%.3f,1\n", y, rand() * 0.5 + 0.4 * y } }' >"$T/w1.csv"
outcome 0 "" --report --format json -w w "$T/w1.csv"
auc1=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/out") # (expect sets want and got)
for w in 1e200 1e-300; do
	sed "s/,1\$/,$w/" "$T/w1.csv" >"$T/w.csv"
	outcome 0 "" --report --format json -w w "$T/w.csv"
	aucw=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/out")
	awk -v a="$aucw" -v b="$auc1" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "null" && d < 1e-12) }' && ok ||
		bad "weights of $w: ROC AUC $aucw, with weights of 1: $auc1"
done

# objectives that would overflow: costs out of range are usage errors; huge weights and beta still work
outcome 2 "--cost-fp takes a number from 0 to 1e100, not 1e308" --optimize cost --cost-fp 1e308 --cost-fn 1e308 "$T/w1.csv"
sed "s/,1\$/,1e200/" "$T/w1.csv" >"$T/w.csv"
outcome 0 "" --optimize cost --cost-fp 1e100 --cost-fn 1e100 --format json -w w "$T/w.csv"
t_big=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/out")
outcome 0 "" --optimize cost --format json -w w "$T/w1.csv"
t_one=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/out")
[ "$t_big" = "$t_one" ] && ok || bad "cost optimum with weights 1e200 and costs 1e100: threshold $t_big, with 1s: $t_one"
outcome 0 "" --optimize fbeta --beta 1e200 --format json "$T/w1.csv"
t_big=$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/out")
outcome 0 "" --optimize recall --format json "$T/w1.csv"
[ "$t_big" = "$(sed -n 's/^  "threshold": \(.*\),$/\1/p' "$T/out")" ] && ok || bad "--beta 1e200: threshold $t_big, not recall's"

# ---- clear errors instead of silence ---------------------------------------------------------
outcome 2 "--label and --weight both name column 'label'; a column has one role" --report -l label -w label "$T/w1.csv"
outcome 2 "--counts (positives) and --counts (negatives) both name column 'w'" --report --counts w,w -s score "$T/w1.csv"
outcome 2 "--score and --score both name column 'score'" --report -s score -s score "$T/w1.csv"
outcome 1 "column 'label' cannot be the weight and the label at once" --report -l 1 -w label "$T/w1.csv"
# standard input that stands past the start of a file is read from there
( read -r _; timeout 20 "$BIN" --report --format json --no-header -l 1 -s 2 - >"$T/out" 2>"$T/err" ) <"$T/w1.csv"
grep -q '"n": 200,' "$T/out" && grep -q '"skipped": 0,' "$T/out" && ok ||
	bad "stdin past its start: $(grep -E '"(n|skipped)"' "$T/out" | tr -d '\n') $(cat "$T/err")"
# UTF-16, a header alone with unknown names, a folder of commands
printf 'label,score\n1,0.9\n0,0.1\n' | iconv -t UTF-16 >"$T/u16.csv" 2>/dev/null &&
	outcome 1 "u16.csv: the file is UTF-16 text; cutoff reads UTF-8 (convert it: iconv" --report "$T/u16.csv"
printf 'label,score\n1,0.9\n0,0.1\n' | iconv -t UTF-16LE >"$T/u16le.csv" 2>/dev/null &&
	outcome 1 "u16le.csv: the file is UTF-16 text" --report "$T/u16le.csv"
printf 'alpha,beta\n' >"$T/head_only.csv"
outcome 1 "head_only.csv: no data rows after the header" --report "$T/head_only.csv"
mkdir -p "$T/cmds"
outcome 1 "cmds is a folder: give a file of commands" --commands "$T/cmds" "$T/w1.csv"
# endless input stops at a record of 256 MB instead of growing memory
timeout 60 "$BIN" --report /dev/zero >"$T/out" 2>"$T/err"
got=$?
[ "$got" -eq 1 ] && grep -q "/dev/zero:1: a record longer than 256 MB: is this a CSV file?" "$T/err" && ok ||
	bad "/dev/zero: status $got, $(cat "$T/err")"
outcome 2 "--bins takes a whole number from 2 to 1e7, not 1e9" --bins 1e9 --report "$T/w1.csv"

# compressed input that ends early or does not decode: one line, exit 1,
# from a file and from a pipe (the samples are gzip and zstd archives)
head -c 3000 samples/breast_cancer.csv.gz >"$T/trunc.csv.gz"
outcome 1 "trunc.csv.gz: truncated gzip data (the input ends inside the archive)$" --report -p malignant "$T/trunc.csv.gz"
head -c 3000 samples/breast_cancer.csv.zst >"$T/trunc.csv.zst"
outcome 1 "trunc.csv.zst: truncated zstd data (the input ends inside the archive)$" --report -p malignant "$T/trunc.csv.zst"
printf '\037\213' >"$T/magic.gz"
outcome 1 "magic.gz: truncated gzip data" --report "$T/magic.gz"
cp samples/breast_cancer.csv.gz "$T/bad.csv.gz"
printf 'XXXXXXXX' | dd of="$T/bad.csv.gz" bs=1 seek=2000 conv=notrunc 2>/dev/null
outcome 1 "bad.csv.gz: corrupt gzip data (" --report -p malignant "$T/bad.csv.gz"
cp samples/breast_cancer.csv.zst "$T/bad.csv.zst"
printf 'XXXXXXXX' | dd of="$T/bad.csv.zst" bs=1 seek=2000 conv=notrunc 2>/dev/null
outcome 1 "bad.csv.zst: corrupt zstd data (" --report -p malignant "$T/bad.csv.zst"
{ cat samples/breast_cancer.csv.gz; echo trailing; } >"$T/tail.csv.gz"
outcome 1 "tail.csv.gz: corrupt gzip data (bytes after its end that are not another member)" --report -p malignant "$T/tail.csv.gz"
for f in trunc.csv.gz trunc.csv.zst bad.csv.zst; do
	timeout 60 "$BIN" --report -p malignant - <"$T/$f" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" -eq 1 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "^cutoff: <stdin>: \(truncated\|corrupt\) z\?[a-z]* data" "$T/err" &&
		! grep -q "Sanitizer\|runtime error" "$T/err" && ok || bad "$f on a pipe: status $got, $(cat "$T/err")"
done

# weighted cells are the sums of their own rows, on both paths; n is the same for every model
printf 'label,score,w\n1,0.9,1e16\n0,0.8,1e16\n0,0.1,0.5\n0,0.2,1.25\n0,0.3,3.25\n0,0.35,0.75\n1,0.05,2\n' >"$T/cells.csv"
for args in "" "--stream"; do
	# shellcheck disable=SC2086
	outcome 0 "" --report --format json -w w -t 0.5 $args "$T/cells.csv"
	grep -q '"tn": 5.75,' "$T/out" && grep -q '"fn": 2,' "$T/out" && ok ||
		bad "1e16 next to small weights ($args): $(grep -E '"(tn|fn)"' "$T/out" | tr -d '\n')"
done
awk 'BEGIN { srand(9); print "label,a,b,w"; for (i = 0; i < 3000; i++) printf "%d,%.4f,%.4f,%.17g\n", rand() < 0.3, rand(), rand(), rand() * 10 ^ int(rand() * 12) }' >"$T/two.csv"
outcome 0 "" --report --format csv -w w -s a,b "$T/two.csv"
[ "$(cut -d, -f6 "$T/out" | sed 1d | sort -u | wc -l)" -eq 1 ] && ok || bad "two models over the same rows: n differs: $(cut -d, -f6 "$T/out")"

echo "hostile ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
