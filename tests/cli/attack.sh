#!/bin/sh
# The options under attack (issue 26): each case one instance of a class of
# defect, with its exact outcome: a refusal in one line, a bounded run, or
# output that stays parseable and distinct.  Runs on the release and the
# ASan/UBSan builds.
# Usage: tests/cli/attack.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-attack.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh
BC=samples/breast_cancer.csv

# ---- bootstrap: whole rows only, refused in one line at every entry point ----
printf 's,p,n\n0.1,0.5,0.5\n0.9,0.5,0.5\n' >"$T/frac.csv"
expect 1 "frac.csv: no bootstrap: it resamples whole rows, and the counts at score 0.9 are not whole (0.5 positives, 0.5 negatives)" \
	--report --counts p,n -s s --bootstrap 10 "$T/frac.csv"
printf 'bootstrap 100\n' | "$BIN" --batch --counts p,n -s s "$T/frac.csv" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "^cutoff: <stdin>:1: no bootstrap: it resamples whole rows, and the counts" "$T/err" &&
	[ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "--batch bootstrap on fractional counts: $(cat "$T/err")"
# whole counts that are doubles (2.0) are whole
printf 's,p,n\n0.1,2.0,3\n0.9,3,2.0\n' >"$T/whole.csv"
"$BIN" --report --counts p,n -s s --bootstrap 20 "$T/whole.csv" >"$T/out" 2>"$T/err" &&
	grep -q "^bootstrap  20 stratified resamples" "$T/out" && ok || bad "whole counts as 2.0: $(cat "$T/err")"
# weights and a prevalence have no resample: a usage error
expect 2 "--bootstrap resamples whole rows: not with --weight or --prevalence" --bootstrap 5 --prevalence 0.1 "$BC"

# ---- bootstrap: the work bounded before anything is allocated -------------------
# 1e8 rows in a 60-byte file: 1,000 resamples are 1e11 draws, refused at once
printf 's,p,n\n0.1,20000000,30000000\n0.9,30000000,20000000\n' >"$T/huge.csv"
start=$(date +%s)
expect 1 "huge.csv: no bootstrap: 1,000 resamples of 100,000,000 rows are 1e+11 draws, more than the 1e+10 allowed.*at most 100 resamples" \
	--report --counts p,n -s s --bootstrap 1000 "$T/huge.csv"
[ $(($(date +%s) - start)) -le 2 ] && ok || bad "the refusal took $(($(date +%s) - start)) s"
# 2^32 rows and more: refused whatever the resamples
printf 's,p,n\n0.1,2000000000,1\n0.9,3000000000,1\n' >"$T/over.csv"
expect 1 "over.csv: no bootstrap: it resamples at most 2^32 rows, and there are 5,000,000,002" \
	--report --counts p,n -s s --bootstrap 1 "$T/over.csv"

# ---- memory by a formula: bins x groups x models ---------------------------------
# --bins for the whole file is allocated at once: 24 x N x columns, at most 4 GB
awk 'BEGIN { srand(7); printf "label,g"; for (m = 0; m < 64; m++) printf ",m%d", m; printf "\n";
	for (i = 0; i < 5000; i++) { printf "%d,g%d", i % 3 == 0, i % 1000;
		for (m = 0; m < 64; m++) printf ",%.4f", rand(); printf "\n" } }' >"$T/g64.csv"
cols=$(head -1 "$T/g64.csv" | cut -d, -f3-)
expect 1 "g64.csv: --bins 10000000 for 64 score columns needs 15,360 MB (24 bytes a bin and a column), more than the 4,000 MB allowed; lower --bins or score fewer columns at a time" \
	--report -l label -s "$cols" --stream --bins 10000000 "$T/g64.csv"
awk 'BEGIN { srand(3); print "label,g,s"; for (i = 0; i < 200; i++) printf "%d,g%d,%.6f\n", i % 2, i % 100, rand() }' >"$T/g100.csv"

# measure LIMIT_S LIMIT_MB ARGS...: exit 0 within the time and peak memory
# (GNU time), the release build only (ASan's shadow memory is its own)
measure() {
	s=$1 mb=$2
	shift 2
	case "$BIN" in *asan*) return 0 ;; esac
	/usr/bin/time -f "%e %M" -o "$T/time" "$BIN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	read -r secs kb <"$T/time"
	if [ "$rc" -eq 0 ] && awk -v t="$secs" -v k="$kb" -v s="$s" -v m="$mb" 'BEGIN { exit !(t <= s && k <= m * 1024) }'; then
		ok
	else
		bad "cutoff $*: exit $rc, $secs s and $kb KB (bound $s s, $mb MB)"
	fi
}
# a group's bins come only with N distinct scores (was 2.37 GB and 7 s)
"$BIN" --report -l label -s s --group g --stream --bins 1000 "$T/g100.csv" >"$T/out" 2>"$T/err" &&
	grep -q "^g99 " "$T/out" && ok || bad "--bins per group: no group g99 in the report: $(cat "$T/err")"
measure 2 60 --report -l label -s s --group g --stream --bins 1000000 "$T/g100.csv"
# 64 columns x 1,000 groups: ~2 KB each before its rows (was 0.40 GB, 0.97 GB with --stream)
measure 20 150 --report -l label -s "$cols" --group g "$T/g64.csv"
measure 20 200 --report -l label -s "$cols" --group g --stream "$T/g64.csv"
# the bootstrap's memory is that of the distinct scores, whatever the rows
measure 30 30 --report --counts p,n -s s --bootstrap 2 "$T/huge.csv"

# ---- categories compared by their bytes, shown so that distinct ones stay distinct ----
# a NUL byte inside a group value is part of it (was: every such value one group "a")
awk 'BEGIN { print "label,g,s"; for (i = 0; i < 1001; i++) printf "%d,a%cb,0.%d\n", i % 2, 0, i % 9 + 1;
	for (i = 0; i < 20; i++) printf "%d,a%cc,0.%d\n", i % 2, 0, i % 9 + 1 }' >"$T/nul.csv"
"$BIN" --report -l label -s s --group g "$T/nul.csv" >"$T/out" 2>"$T/err" &&
	grep -q '^a\\x00b  *1,001 ' "$T/out" && grep -q '^a\\x00c  *20 ' "$T/out" && ok ||
	bad "NUL in a group value: $(cat "$T/err") $(sed -n '/^by g/,/^gaps/p' "$T/out")"
# look-alikes: an ESC byte and a literal \x1b, \xff and \xfe, 63-character names that
# share a start and an end, a value that is literally "(missing)" beside empty and NA
long=$(printf 'x%.0s' $(seq 1 60))
printf 'label,g,s\n1,dup\033,0.9\n0,dup\033,0.2\n1,dup\\x1b,0.8\n0,dup\\x1b,0.3\n1,bad\377,0.7\n0,bad\377,0.1\n1,bad\376,0.6\n0,bad\376,0.4\n1,%sAyz,0.9\n0,%sAyz,0.1\n1,%sByz,0.8\n0,%sByz,0.2\n1,(missing),0.7\n0,(missing),0.3\n1,,0.6\n0,NA,0.2\n' \
	"$long" "$long" "$long" "$long" >"$T/alike.csv"
for fmt in text markdown json; do
	"$BIN" --report --format $fmt -l label -s s --group g "$T/alike.csv" >"$T/$fmt" 2>"$T/err" || bad "look-alikes $fmt: $(cat "$T/err")"
done
n=$(python3 -c 'import json, sys; print(len({g["group"] for g in json.load(open(sys.argv[1]))["groups"]}))' "$T/json")
[ "$n" = 8 ] && ok || bad "look-alikes: $n distinct group names in JSON, not 8"
n=$(sed -n '/^by g/,/^gaps/p' "$T/text" | sed '1,2d;$d' | awk '{ print $1 }' | sort -u | wc -l)
[ "$n" = 8 ] && ok || bad "look-alikes: $n distinct group names in the text table, not 8: $(cat "$T/text")"
n=$(awk '/^\| group/ { on = 1; next } on && /^\|---/ { next } on && /^\|/ { split($0, c, "|"); print c[2]; next } on { exit }' \
	"$T/markdown" | sort -u | wc -l)
[ "$n" = 8 ] && ok || bad "look-alikes: $n distinct group names in the Markdown table, not 8"
grep -q '^dup\\x1b  ' "$T/text" && grep -q '^dup\\\\x1b  ' "$T/text" && grep -q '^NA  ' "$T/text" &&
	grep -q '^(missing)  ' "$T/text" && ok || bad "look-alikes: the escapes in the text table"
# fold ids: JSON numbers only when canonical integers; "-", "007", "0", "-0", 23 digits apart
printf 'label,f,s\n1,-,0.9\n0,-,0.1\n1,007,0.8\n0,007,0.3\n1,0,0.7\n0,0,0.2\n1,-0,0.6\n0,-0,0.4\n1,12345678901234567890123,0.65\n0,12345678901234567890123,0.35\n' >"$T/fold.csv"
"$BIN" --report --format json -l label -s s --fold f "$T/fold.csv" >"$T/out" 2>"$T/err"
python3 -c 'import json, sys; f = [x["fold"] for x in json.load(open(sys.argv[1]))["folds"]]; sys.exit(f != ["-", "-0", "0", "007", "12345678901234567890123"])' "$T/out" &&
	ok || bad "fold ids in JSON: $(grep '"fold"' "$T/out" | cut -c1-40)"
printf 'label,f,s\n1,3,0.9\n0,3,0.1\n1,-1,0.8\n0,-1,0.3\n1,0,0.7\n0,0,0.2\n' >"$T/fold2.csv"
"$BIN" --report --format json -l label -s s --fold f "$T/fold2.csv" >"$T/out" 2>"$T/err"
python3 -c 'import json, sys; f = [x["fold"] for x in json.load(open(sys.argv[1]))["folds"]]; sys.exit(f != [-1, 0, 3])' "$T/out" &&
	ok || bad "canonical fold ids are not JSON numbers: $(grep '"fold"' "$T/out" | cut -c1-40)"

# ---- bidi controls and spreadsheet formulas -------------------------------------------
printf 'label,g,=HYPERLINK("http://x"),@SUM(1+1)\n1,\342\200\256ab,0.9,0.8\n0,\342\200\256ab,0.1,0.2\n1,c\342\201\246d,0.7,0.6\n0,c\342\201\246d,0.3,0.1\n' >"$T/bidi.csv"
for fmt in text markdown json csv; do
	"$BIN" --report --format $fmt -l label -s '=HYPERLINK("http://x"),@SUM(1+1)' --group g "$T/bidi.csv" >"$T/$fmt" 2>"$T/err"
	LC_ALL=C grep -q "$(printf '\342\200\256\|\342\201\246')" "$T/$fmt" "$T/err" && bad "a bidi control in the $fmt report" || ok
done
grep -q "\\\\u202eab" "$T/text" && ok || bad "U+202E not shown as \\u202e"
grep -q "^bidi.csv,label,\"'=HYPERLINK(\"\"http://x\"\")\"," "$T/csv" || grep -q "\"'=HYPERLINK(\"\"http://x\"\")\"" "$T/csv" && ok ||
	bad "a CSV cell that a spreadsheet runs: $(head -3 "$T/csv")"
grep -q ",\"'@SUM(1+1)\"," "$T/csv" && ok || bad "@SUM not neutralised: $(head -3 "$T/csv")"
"$BIN" --curve roc --format csv -l label -s '=HYPERLINK("http://x"),@SUM(1+1)' "$T/bidi.csv" >"$T/out" 2>"$T/err"
grep -q "^\"'=HYPERLINK" "$T/out" && ! grep -q "^=" "$T/out" && ok || bad "curve CSV: $(head -2 "$T/out")"

# ---- :group reads the file again: the same file, or a refusal ---------------------------
mkchg() { awk 'BEGIN { srand(4); print "label,g,s"; for (i = 0; i < 300; i++) printf "%d,g%d,%.4f\n", i % 3 == 0, i % 4, rand() }' >"$T/chg.csv"; }
# regroup CHANGE PATTERN: CHANGE runs after the load, before ":group g"
regroup() {
	mkchg
	{ sleep 1; eval "$1"; echo "group g"; } | timeout 20 "$BIN" --batch -l label -s s "$T/chg.csv" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq 1 ] && grep -q -- "$2" "$T/err" && ok || bad ":group after '$1': exit $rc: $(cat "$T/err")"
	rm -f "$T/chg.csv"
}
# labels flipped in place, same size (sed -i: a new inode)
regroup "sed -i 's/^0,/2,/; s/^1,/0,/; s/^2,/1,/' '$T/chg.csv'" "chg.csv changed since it was read (its inode: it was replaced)"
# the same inode, the same size, the modification time set back: ctime tells
regroup "cp -p '$T/chg.csv' '$T/keep'; tr 01 10 <'$T/keep' >'$T/chg.csv'; touch -r '$T/keep' '$T/chg.csv'" \
	"chg.csv changed since it was read (its change time, though its modification time was set back)"
# a FIFO in its place: refused without opening it (it would block)
regroup "rm '$T/chg.csv'; mkfifo '$T/chg.csv'" "chg.csv is no longer a regular file"
mkchg
echo "group g" | "$BIN" --batch -l label -s s "$T/chg.csv" >"$T/out" 2>"$T/err" && grep -q "^| g3 " "$T/out" && ok ||
	bad ":group on an unchanged file: $(cat "$T/err")"

# ---- what cannot be represented or computed honestly is refused ------------------------
expect 2 "--prevalence takes a share of positives from 1e-9 to 1 - 1e-9" --report --prevalence 4.9e-324 "$BC"
expect 2 "--prevalence takes a share of positives from 1e-9 to 1 - 1e-9" --report --prevalence 0.9999999999999 "$BC"
expect 2 "--partial-auc takes a largest FPR from 1e-9 to 1, not 4.9e-324" --report --partial-auc 4.9e-324 "$BC"
expect 2 "--seed takes a whole number from 0 to 2^53, not 9007199254740993" --report --seed 9007199254740993 "$BC"
expect 2 "--seed takes a whole number from 0 to 2^53, not 9.007199254740993e15" --report --seed 9.007199254740993e15 "$BC"
expect 2 "--max-flagged takes a whole number of rows, 0 or more, not 208.9999999999" \
	--optimize f1 --max-flagged 208.9999999999 -p malignant -l diagnosis -s logreg "$BC"
"$BIN" --report --format json --seed 9007199254740992 --bootstrap 20 -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err" &&
	grep -q '"seed": 9007199254740992' "$T/out" && ok || bad "--seed 2^53: $(cat "$T/err") $(grep seed "$T/out")"
printf 'prevalence 4.9e-324\n' | "$BIN" --batch -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "prevalence takes a share of positives from 1e-9" "$T/err" && ok || bad ":prevalence 4.9e-324: $(cat "$T/err")"
printf 'budget 208.5\n' | "$BIN" --batch -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] && grep -q "budget takes how many can be reviewed (a whole number" "$T/err" && ok || bad ":budget 208.5: $(cat "$T/err")"

# ---- --against: the same columns, the drift of the data as read -----------------------
awk 'BEGIN { srand(1); print "label,score"; for (i = 0; i < 400; i++) { l = rand() < 0.3; printf "%d,%.4f\n", l, (l ? 0.3 : 0) + rand() * 0.7 } }' >"$T/ref.csv"
awk 'BEGIN { srand(2); print "label,score"; for (i = 0; i < 400; i++) { l = rand() < 0.55; printf "%d,%.4f\n", l, (l ? 0.2 : 0.1) + rand() * 0.7 } }' >"$T/cur.csv"
"$BIN" --report --format json --against "$T/ref.csv" "$T/cur.csv" >"$T/plain" 2>"$T/err"
"$BIN" --report --format json --against "$T/ref.csv" --prevalence 0.1 "$T/cur.csv" >"$T/prev" 2>>"$T/err"
python3 -c 'import json, sys
a = json.load(open(sys.argv[1]))["drift"]; b = json.load(open(sys.argv[2]))["drift"]
sys.exit(not (a == b and abs(a["prevalence_change"] - 0.2325) < 1e-12 and a["auc_no_test"] is None))' "$T/plain" "$T/prev" &&
	ok || bad "--against --prevalence: the drift is not that of the data as read: $(cat "$T/err") $(grep -A2 '"drift"' "$T/prev")"
"$BIN" --report --against "$T/ref.csv" --prevalence 0.1 "$T/cur.csv" >"$T/out" 2>"$T/err" &&
	grep -q "^  as read  *0.2700  *0.5025  *+0.2325$" "$T/out" && grep -q "drift below is of the data as read" "$T/out" && ok ||
	bad "--against --prevalence text: $(grep -A1 '^prevalence' "$T/out")"
# without -s, the reference is read by the current data's columns
printf 'label,prob,x\n1,0.9,0.1\n0,0.2,0.8\n1,0.8,0.2\n0,0.3,0.9\n1,0.7,0.3\n0,0.1,0.7\n' >"$T/r9.csv"
printf 'label,score,x\n1,0.9,0.1\n0,0.2,0.8\n1,0.8,0.2\n0,0.3,0.9\n1,0.7,0.3\n0,0.1,0.7\n' >"$T/c9.csv"
expect 1 "r9.csv: no score column named 'score' (columns: label, prob, x) (the reference is read by the current data's columns" \
	--report --against "$T/r9.csv" "$T/c9.csv"
# the real reason when there is no test: both AUCs exactly 1, three rows of each class
"$BIN" --report --against "$T/c9.csv" "$T/c9.csv" >"$T/out" 2>"$T/err" &&
	grep -q "ROC AUC: no test (both ROC AUCs have no variance: the scores separate each file's classes)" "$T/out" && ok ||
	bad "zero variance: $(grep 'ROC AUC:' "$T/out")"

# ---- a count capacity is the whole file's: refused per fold in favour of the rate ------
awk 'BEGIN { srand(5); print "label,f,s"; for (i = 0; i < 569; i++) { l = i % 3 == 0; printf "%d,%d,%.4f\n", l, i % 5, (l ? 0.3 : 0) + 0.7 * rand() } }' \
	>"$T/folds.csv"
expect 2 "--max-flagged 100 is a count for the whole file: with --fold give --max-flag-rate 0.1757 (100 of the 569 rows)" \
	--optimize f1 --max-flagged 100 --fold f -l label -s s "$T/folds.csv"
"$BIN" --optimize f1 --max-flag-rate 0.1757 --fold f -l label -s s "$T/folds.csv" >"$T/out" 2>"$T/err" && ok ||
	bad "--max-flag-rate with --fold: $(cat "$T/err")"

# ---- one stream given twice: refused before either is opened ----------------------------
mkfifo "$T/ff"
(timeout 10 cat "$BC" >"$T/ff" &) 2>/dev/null
start=$(date +%s)
expect 2 "--against .*ff and the data are the same stream" --report --against "$T/ff" "$T/ff"
[ $(($(date +%s) - start)) -le 3 ] && ok || bad "the same FIFO twice took $(($(date +%s) - start)) s"
cat "$T/ff" >/dev/null 2>&1 # let the writer go
cat "$BC" | "$BIN" --report --against /dev/stdin - >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && grep -q "against /dev/stdin and the data are the same stream" "$T/err" && ok || bad "/dev/stdin and -: $(cat "$T/err")"
printf 's,p,n\n0.1,1,2\n' | "$BIN" --report --counts p,n -s s --against - - >"$T/out" 2>"$T/err"
[ $? -eq 2 ] && grep -q "the two files cannot both be standard input" "$T/err" && ok || bad "--counts - -: $(cat "$T/err")"
"$BIN" --report --against "$BC" -p malignant -l diagnosis -s logreg "$BC" >"$T/out" 2>"$T/err" && ok ||
	bad "the same regular file twice is fine: $(cat "$T/err")"

# ---- zstd that is not corrupt: a skippable frame first (pzstd), a dictionary ---------------
printf 'P*M\030\004\000\000\000abcd' >"$T/skip.csv.zst"
zstd -q -c "$BC" >>"$T/skip.csv.zst"
"$BIN" --report -p malignant -l diagnosis -s logreg "$T/skip.csv.zst" >"$T/out" 2>"$T/err" &&
	grep -q "^actual   malignant  *204 " "$T/out" && ok || bad "a skippable frame first: $(cat "$T/err")"
# a frame that names dictionary 7 (one raw block, "hello")
printf '\050\265\057\375\001\000\007\051\000\000hello' >"$T/dict.zst"
expect 1 "dict.zst: zstd data that needs a dictionary (decompress it first: zstd -d -D DICT FILE | cutoff -)" --report "$T/dict.zst"

echo "attack ($BIN): $pass passed, $fail failed"
[ "$fail" -eq 0 ]
