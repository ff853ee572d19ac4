#!/bin/sh
# The explorer in tmux: a review band (:band): L and H on the slider, the
# three-way table in the matrix's place and the sentence, equal to --report
# --band at the cuts shown; Tab and the arrows move L and H; :band
# precision=P npv=Q as --band-precision and --band-npv; :band off.  At
# 80x24 and 160x50.
# Usage: tests/e2e/band.sh ./cutoff      (from the project root)
set -u
. tests/e2e/lib.sh

key() { tm send-keys -t e "$@"; sleep 0.3; }

# the table on screen is --report --band's at the cuts on screen
same_band() {
	cuts=$(screen | sed -n 's/^Review band \([^ ]*\) to \([^ ]*\).*/\1,\2/p' | head -1)
	"$BIN" -p malignant -l diagnosis -s logreg --band "$cuts" --report --format json "$BC" >"$T/json" 2>/dev/null
	screen >"$T/screen"
	python3 - "$T/json" "$T/screen" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["band"]
lines = open(sys.argv[2]).read().split("\n")
def row(name):
    l = next(l for l in lines if l.startswith(name))
    return [x.replace(",", "") for x in l[len(name):46].split()]
p, r, n = row("auto positive"), row("review"), row("auto negative")
assert float(p[0]) == b["auto_positive"]["n"] and float(p[2]) == b["auto_positive"]["tp"], (p, b)
assert float(r[0]) == b["review"]["n"] and float(r[1]) == b["review"]["positives"], (r, b)
assert float(n[0]) == b["auto_negative"]["n"] and float(n[3]) == b["auto_negative"]["tn"], (n, b)
PY
}

for size in "80 24" "160 50"; do
	shell ${size% *} ${size#* } LANG=C.UTF-8 LC_ALL=C.UTF-8
	tm send-keys -t e "$BIN -p malignant -l diagnosis -s logreg $BC; echo EXIT=\$?" Enter
	wait_for "Confusion matrix"
	type_cmd "band 0.2 0.8"
	key Enter
	screen | grep -q "^Review band 0.2 to 0.8" && screen | sed -n 3p | grep -q "L.*H" && ok || bad "$size: :band: $(screen | sed -n 3,5p)"
	msg=$(same_band) && ok || bad "$size: table: $msg"
	key Tab Right Right Right
	screen | grep -q "^Review band 0.2 to" && bad "$size: L did not move" || ok
	msg=$(same_band) && ok || bad "$size: L moved: $msg"
	key Tab Left Left
	msg=$(same_band) && ok || bad "$size: H moved: $msg"
	type_cmd "band precision=0.99 npv=0.99"
	key Enter
	screen | grep -q "^Review band 0.135222 to 0.575055" && ok || bad "$size: precision=0.99 npv=0.99: $(screen | sed -n 5p)"
	type_cmd "band off"
	key Enter
	screen | grep -q "^Confusion matrix" && ok || bad "$size: :band off"
	key q
	after_exit "q (band $size)" 0
done

# x: the snapshot carries the band and the pin as --band and --baseline print them
shell 100 30 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm send-keys -t e "cd $T && $BIN -p malignant -l diagnosis -s logreg $PWD/$BC; echo EXIT=\$?" Enter
wait_for "Confusion matrix"
type_cmd "band 0.2 0.8"
key Enter
type_cmd "pin 0.3"
key Enter
type_cmd "export $T/snap.txt"
key Enter
"$BIN" -p malignant -l diagnosis -s logreg -t 0.5 --band 0.2,0.8 --baseline 0.3 --report "$BC" 2>/dev/null >"$T/want.txt"
for line in "^auto positive  *190 " "^190 decided malignant automatically" "^Compared with 0.3: " "^logreg compared with the baseline"; do
	want=$(grep "$line" "$T/want.txt")
	[ -n "$want" ] && grep -qxF "$want" "$T/snap.txt" && ok || bad "snapshot lacks '$line': $(grep -c . "$T/snap.txt") lines"
done
key q
after_exit "q (snapshot)" 0

echo "e2e band: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
