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
# weighted rows (options byte 0xc3) with extreme scores and weights; sizes
# that are multiples of 7 take --bins, of 3 --stream
printf '\303label,score,w\n1,1e308,1e200\n0,-1e308,1e-300\n1,5e-324,3\n0,-1e308,1e16\n' >"$C/fuzz_loader/extreme"
printf '\303label,score,w\n1,1e308,1e200\n0,-1e308,1e-300\n1,5e-324,3\n0,-1e308,1e16\n0,0,0.5\n' >"$C/fuzz_loader/extreme-2"
printf '\303label,score,w\n1,0.9,1e16\n0,0.8,1e16\n0,0.1,0.5\n0,0.2,1.25\n0,0.3,3.25\n1,0.05,2\n' >"$C/fuzz_loader/cells"
head -c 4096 /dev/urandom >"$C/fuzz_stream/random" 2>/dev/null || true
printf '\001\010\200\144\000\010\001\144\201\300\377\310\000\001\002\003' >"$C/fuzz_stream/seed"
for l in "t 0.37" "opt f1 where recall>=0.9 precision >= 0.5, fpr<=0.1" "cost fp=5 fn=200 unit=\$" \
	"names fraud,legit" "export snap.md json" "model 1" "step rank" "set mono" "help opt" "e"; do
	i=$((i + 1))
	printf '%s' "$l" >"$C/fuzz_cmd/seed-$i"
done
for n in 0.5 -1e-300 1e308 .5 5. 0x10 NaN inf 123456789012345678901234567890 1,5 "  7  "; do
	i=$((i + 1))
	printf '%s' "$n" >"$C/fuzz_parse/seed-$i"
done
for f in tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	h=$(basename "$f")
	cp "$f" "$C/${h%%-*}/" 2>/dev/null || true
done
