#!/bin/sh
# --format html in a real browser: headless Chromium, a clean profile, the
# network cut and logged, moves the page's slider through the DOM (a test
# page sets its value and fires its input event) to five thresholds and
# inf, and the matrix, the metrics and the plain words read back from the
# DOM equal --report -t T (two models); #t=X opens the page at X; no request leaves the page (its network
# log); without JavaScript the static report and pictures are there; a screenshot at 1280x800 is kept
# (build/artifacts/page.png); a hostile model name stays text; the page of
# 2 x 50,000 distinct scores is thinned to the documented points, exact,
# under 2 MB.  Skipped (said) without chromium.
# Usage: tests/cli/html.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-html.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"
A="-l diagnosis -p malignant -s logreg,naive_bayes samples/breast_cancer.csv"
if ! command -v chromium >/dev/null 2>&1; then
	echo "html: chromium is not installed (make test-deps): skipped"
	exit 0
fi
# a clean profile, the network cut (every request to a closed port), file
# pages allowed to reach each other (the test page drives the slider)
chrome() { timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --proxy-server=http://127.0.0.1:9 \
	--allow-file-access-from-files --user-data-dir="$T/profile" "$@" 2>/dev/null; }
# the test page: opens the page in a frame, moves its slider through the
# DOM to the stop of threshold #t=T (setting the input's value and firing
# its input event, as a hand on it does), and copies the live part out
cat >"$T/drive.html" <<'HTML'
<!DOCTYPE html><html><body><iframe id="f" src="page.html"></iframe><div id="out"></div>
<script>
window.addEventListener('load', () => {
  const d = document.getElementById('f').contentDocument, h = location.hash.slice(3);
  const t = h === 'inf' ? Infinity : Number(h);
  const thr = JSON.parse(d.getElementById('data').textContent).models[0].thr.map(v => v === null ? Infinity : v);
  const s = d.getElementById('slider');
  s.value = String(thr.findIndex(v => v >= t));
  s.dispatchEvent(new Event('input'));
  document.getElementById('out').innerHTML = d.getElementById('live').innerHTML;
});
</script></body></html>
HTML

# shellcheck disable=SC2086
"$BIN" --report -t 0.3 --format html $A >"$T/page.html" 2>"$T/err" || bad "cutoff failed: $(cat "$T/err")"
# five thresholds that are scores of the first model, spread over its range
# shellcheck disable=SC2086
"$BIN" --curve pr --format csv -l diagnosis -p malignant -s logreg samples/breast_cancer.csv 2>/dev/null |
	awk -F, 'NR > 1 { t[++n] = $1 } END { for (i = 1; i <= 5; i++) print t[int(n * i / 6)] }' >"$T/thresholds"
echo inf >>"$T/thresholds"
while read -r t; do
	chrome --dump-dom "file://$T/drive.html#t=$t" >"$T/dom"
	# shellcheck disable=SC2086
	"$BIN" --report -t "$t" --format json $A >"$T/json" 2>/dev/null
	# shellcheck disable=SC2086
	"$BIN" --report -t "$t" $A 2>/dev/null >"$T/txt"
	python3 - "$T/dom" "$T/json" "$T/txt" "$t" <<'PY' && ok || bad "at $t: see above"
import html.parser, json, math, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.v = {}; s.t = {}; s.cur = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if "id" in a:
            s.cur = a["id"]; s.v[a["id"]] = a.get("data-value"); s.t[a["id"]] = ""
    def handle_data(s, d):
        if s.cur: s.t[s.cur] += d
    def handle_endtag(s, tag):
        s.cur = None
p = P(); p.feed(open(sys.argv[1]).read())
r = json.load(open(sys.argv[2]))["models"]
text = open(sys.argv[3]).read()
assert float(p.v["threshold"]) == float(sys.argv[4]), (p.v["threshold"], sys.argv[4])
assert p.t["threshold"] != "null", "inf shown as null"
sentences = [l for l in text.replace(";\n", "; ").split("\n") if l.startswith("Of ")]
for i, m in enumerate(r):
    for k in ("tp", "fp", "tn", "fn", "precision", "recall", "specificity", "npv", "fpr", "f1", "accuracy", "balanced_accuracy"):
        got = p.v[k + "-" + str(i)]
        want = m[k]
        assert (want is None and got == "NaN") or float(got) == want, (i, k, got, want)
    got = p.v["mcc-" + str(i)]
    assert (m["mcc"] is None and got == "NaN") or abs(float(got) - m["mcc"]) <= 1e-12, ("mcc", got, m["mcc"])
    assert p.t["words-" + str(i)] == sentences[i], (p.t["words-" + str(i)], sentences[i])
PY
done <"$T/thresholds"

# #t=X in the address opens the page at X
chrome --dump-dom "file://$T/page.html#t=0.5" | grep -q 'id="threshold" data-value="0.50' && ok || bad "#t=0.5 did not open at 0.5"
# no request leaves the page: in the network log, every request has the
# browser itself as its initiator ("not an origin": its own updates), none
# the page (a file page's origin is "null")
chrome --log-net-log="$T/net.json" --dump-dom "file://$T/page.html" >/dev/null
python3 - "$T/net.json" <<'PY' && ok || bad "the page asked the network for something"
import json, sys
events = json.load(open(sys.argv[1]))["events"]
page = [e["params"]["url"] for e in events if "initiator" in e.get("params", {}) and e["params"]["initiator"] != "not an origin"]
assert not page, page
PY
# the screenshot, kept
mkdir -p build/artifacts
chrome --window-size=1280,800 --screenshot="$PWD/build/artifacts/page.png" "file://$T/page.html#t=0.3" >/dev/null
[ "$(wc -c <build/artifacts/page.png 2>/dev/null || echo 0)" -gt 20000 ] && ok || bad "no screenshot"
# without JavaScript: the page as written is what shows (headless
# Chromium neither dumps nor shoots a page with scripts off): the live part
# hidden, the pictures and the static report there
python3 - "$T/page.html" <<'PY' && ok || bad "without JavaScript: no static report"
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.hidden = s.svg = 0; s.pre = ""; s.inpre = False
    def handle_starttag(s, tag, a):
        a = dict(a)
        s.hidden += tag == "section" and a.get("id") == "live" and "hidden" in a
        s.svg += tag == "svg"
        s.inpre = s.inpre or (tag == "pre" and a.get("id") == "report")
    def handle_data(s, d):
        if s.inpre: s.pre += d
    def handle_endtag(s, tag):
        if tag == "pre": s.inpre = False
p = P(); p.feed(open(sys.argv[1]).read())
assert p.hidden == 1 and p.svg >= 3 and "threshold  0.3: scores >= 0.3 are flagged as malignant" in p.pre, (p.hidden, p.svg)
PY
# and in the browser: the page with its scripts taken out, as a browser
# that runs none shows it (headless Chromium will not dump a page with
# scripts switched off), keeps the live part hidden and shows the report
python3 -c 'import re, sys; sys.stdout.write(re.sub(r"<script.*?</script>", "", open(sys.argv[1]).read(), flags=re.S))' \
	"$T/page.html" >"$T/nojs.html"
chrome --dump-dom "file://$T/nojs.html" >"$T/nojs"
grep -q '<section id="live" hidden' "$T/nojs" && grep -q "threshold  0.3: scores &gt;= 0.3 are flagged" "$T/nojs" &&
	ok || bad "without JavaScript, in the browser: no static report"
# a model's name from the data stays text in the page and its data
printf 'y,"</script><b id=\\"x\\">x"\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n' >"$T/h.csv"
"$BIN" --report --format html -l y -s 2 "$T/h.csv" >"$T/h.html" 2>/dev/null
chrome --dump-dom "file://$T/h.html" >"$T/hdom"
! grep -q '<b id="x">' "$T/hdom" && grep -q 'id="words-0"[^>]*>Of 2 positive cases' "$T/hdom" && ok ||
	bad "hostile name: $(grep -o '<b[^>]*>' "$T/hdom" | head -2)"
# many distinct scores: thinned to the documented points, under 2 MB
"${GEN:-./build/gen}" -n 100000 -m 2 -r 9 >"$T/big.csv"
"$BIN" --report --format html -l label "$T/big.csv" >"$T/big.html" 2>/dev/null
size=$(wc -c <"$T/big.html")
[ "$size" -le 2097152 ] && grep -q "The slider stops at 20000 of the" "$T/big.html" && ok || bad "big page: $size bytes"
# weights: FN and TN as the sweep sums them, every figure the report's to the bit
W="-l diagnosis -p malignant -s logreg -w weight samples/breast_cancer_weighted.tsv"
# shellcheck disable=SC2086
"$BIN" --report -t 0.4 --format html $W >"$T/page.html" 2>/dev/null
chrome --dump-dom "file://$T/drive.html#t=0.399895" >"$T/dom"
# shellcheck disable=SC2086
"$BIN" --report -t 0.399895 --format json $W 2>/dev/null | python3 -c '
import json, re, sys
r = json.load(sys.stdin)
dom = open(sys.argv[1]).read()
for k in ("tp", "fp", "tn", "fn", "precision", "recall", "f1", "balanced_accuracy"):
    got = re.search(r"id=\"%s-0\" data-value=\"([^\"]*)\"" % k, dom)
    assert got and float(got[1]) == r[k], (k, got and got[1], r[k])
' "$T/dom" && ok || bad "weighted page differs from the report"
expect 2 "--format html is a page of --report or --optimize" --format html --curve roc samples/breast_cancer.csv
# --against: the current data on the slider, both files and their drift in the report
"$BIN" --report -t 0.5 --format html -l label -s model1 --against "$T/big.csv" "$T/big.csv" >"$T/against.html" 2>/dev/null &&
	grep -q "PSI" "$T/against.html" && grep -q 'id="slider"' "$T/against.html" && ok || bad "--against: no drift in the page"
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
