#!/bin/sh
# Seeds for the fuzzers: the samples and the test inputs, and the
# regressions found so far (each replayed on every run).
set -eu
C=build/fuzz/corpus
mkdir -p "$C/fuzz_loader" "$C/fuzz_cmd" "$C/fuzz_parse" "$C/fuzz_stream"
i=0
for f in samples/*.csv samples/*.tsv tests/cli/commands/*.cmds; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	# the loader's first byte picks the options
	{ printf '\003'; head -c 60000 "$f"; } >"$C/fuzz_loader/seed-$i"
	{ printf '\103'; head -c 60000 "$f"; } >"$C/fuzz_loader/seed-$i-cols"
done
printf '\003label,score\n1,0.9\n0,"0.1\n' >"$C/fuzz_loader/quote"
# compressed input: the samples' archives, whole and cut short
for f in samples/*.csv.gz samples/*.csv.zst; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	{ printf '\003'; cat "$f"; } >"$C/fuzz_loader/seed-$i-packed"
	{ printf '\003'; head -c 700 "$f"; } >"$C/fuzz_loader/seed-$i-cut"
done
printf '\203score,pos,neg\n0.5,3,4\n0.2,0,1e300\n' >"$C/fuzz_loader/counts"
# a score column per class (issue 29): sizes of 1 mod 4 ask for it, 1 mod 8
# with weights; the label's values naming the columns choose it anyway
printf '\003l,a,b,c,w\na,.5,.3,.2,1\nb,.2,.5,.3,2\nc,.2,.2,.6,3\nb,.4,.4,.2,1\n\n\n\n' >"$C/fuzz_loader/classes"
printf '\003l,a,b,c,w\na,.5,.3,.2,1\nb,.2,.5,.3,2\nc,.2,.2,.6,3\nb,.4,.4,.2,1\nzz,.1,.1,.1,1\n\n' >"$C/fuzz_loader/classes-bad"
printf '\003y,p,q,r\np,.5,.3,.2\nq,.2,.5,.3\nr,.2,.2,.6\n\n' >"$C/fuzz_loader/classes-chosen"
# weighted rows (options byte 0xc3) with extreme scores and weights; sizes
# that are multiples of 7 take --bins, of 3 --stream
printf '\303label,score,w\n1,1e308,1e200\n0,-1e308,1e-300\n1,5e-324,3\n0,-1e308,1e16\n' >"$C/fuzz_loader/extreme"
printf '\303label,score,w\n1,1e308,1e200\n0,-1e308,1e-300\n1,5e-324,3\n0,-1e308,1e16\n0,0,0.5\n' >"$C/fuzz_loader/extreme-2"
printf '\303label,score,w\n1,0.9,1e16\n0,0.8,1e16\n0,0.1,0.5\n0,0.2,1.25\n0,0.3,3.25\n1,0.05,2\n' >"$C/fuzz_loader/cells"
# issue 26's cases: fractional and huge counts, NUL and look-alike groups,
# odd fold ids, bidi and formula names, zstd with a skippable frame or a
# dictionary (0xc3: weights, column 4 as groups when the size is even)
printf '\203s,p,n\n0.1,0.5,0.5\n0.9,0.5,0.5\n' >"$C/fuzz_loader/frac-counts"
printf '\203s,p,n\n0.1,20000000,30000000\n0.9,30000000,20000000\n' >"$C/fuzz_loader/huge-counts"
printf '\303label,score,w,g\n1,0.9,1,a\000b\n0,0.1,1,a\000c\n1,0.8,2,a\000b\n0,0.3,1,dup\033\n1,0.7,1,dup\\x1b\n0,0.2,1,(missing)\n1,0.6,1,\n' >"$C/fuzz_loader/nul-groups"
printf '\303label,score,w,f\n1,0.9,1,-\n0,0.1,1,007\n1,0.8,1,0\n0,0.3,1,-0\n1,0.7,1,12345678901234567890123\n0,0.2,1,-\n' >"$C/fuzz_loader/fold-ids"
printf '\303label,=HYPERLINK("x"),w,g\n1,0.9,1,\342\200\256ab\n0,0.1,1,c\342\201\246d\n1,0.8,1,@SUM(1)\n0,0.4,1,\342\200\256ab\n' >"$C/fuzz_loader/bidi"
{ printf '\003P*M\030\004\000\000\000abcd'; zstd -q -c samples/breast_cancer.csv 2>/dev/null | head -c 3000; } >"$C/fuzz_loader/zstd-skip"
printf '\003\050\265\057\375\001\000\007\051\000\000hello' >"$C/fuzz_loader/zstd-dict"
head -c 4096 /dev/urandom >"$C/fuzz_stream/random" 2>/dev/null || true
printf '\001\010\200\144\000\010\001\144\201\300\377\310\000\001\002\003' >"$C/fuzz_stream/seed"
for l in "t 0.37" "opt f1 where recall>=0.9 precision >= 0.5, fpr<=0.1" "cost fp=5 fn=200 unit=\$" \
	"names fraud,legit" "export snap.md json" "model 1" "step rank" "set mono" "help opt" "e" \
	"bootstrap 100" "prevalence 4.9e-324" "budget 208.5" "set conf 0.5" "invert" "group g" "b"; do
	i=$((i + 1))
	printf '%s' "$l" >"$C/fuzz_cmd/seed-$i"
done
for n in 0.5 -1e-300 1e308 .5 5. 0x10 NaN inf 123456789012345678901234567890 1,5 "  7  " \
	9007199254740993 4.9e-324 208.9999999999; do
	i=$((i + 1))
	printf '%s' "$n" >"$C/fuzz_parse/seed-$i"
done
for f in tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	h=$(basename "$f")
	cp "$f" "$C/${h%%-*}/" 2>/dev/null || true
done
