#!/bin/sh
# --curve KIND --format svg: valid XML for every kind (Python's parser),
# every vertex of every polyline taken back through the plot's data range
# is a point of --curve's CSV for that model and column (none made up),
# the first and last points are there; a hostile model name is escaped;
# headless Chromium renders the picture; --format svg without --curve is
# refused.
# Usage: tests/cli/svg.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
T=$(mktemp -d /tmp/cutoff-svg.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"
A="-l diagnosis -p malignant -s logreg,naive_bayes samples/breast_cancer.csv"

check() { # KIND SVG CSV
	python3 - "$1" "$2" "$3" <<'PY'
import csv, math, sys
import xml.etree.ElementTree as E
kind, svg, table = sys.argv[1:]
ns = "{http://www.w3.org/2000/svg}"
root = E.parse(svg).getroot()
g = next(e for e in root.iter(ns + "g") if "data-x0" in e.attrib)
x0, x1, y0, y1 = (float(g.attrib[k]) for k in ("data-x0", "data-x1", "data-y0", "data-y1"))
left, top, w, h = (float(g.attrib[k]) for k in ("data-left", "data-top", "data-width", "data-height"))
rows = list(csv.DictReader(open(table)))
xcol = {"roc": "fpr", "pr": "recall", "gain": "flag_rate", "net-benefit": "threshold", "calibration": "mean_predicted",
        "coverage": "target", "cost": "threshold"}[kind]
lines = g.findall(ns + "polyline")
assert lines, "no polyline"
seen = set()
for pl in lines:
    model, col = pl.attrib["data-model"], pl.attrib["data-column"]
    seen.add((model, col))
    pts = {}
    for r in rows:
        if r.get("model", model) != model or r[xcol] in ("", "inf") or r[col] == "":
            continue
        x, y = float(r[xcol]), float(r[col])
        if not (y0 <= y <= y1):
            continue
        px = round((left + (x - x0) / (x1 - x0) * w) * 100) / 100
        py = round((top + (1 - (y - y0) / (y1 - y0)) * h) * 100) / 100
        pts.setdefault(("%.2f" % px, "%.2f" % py), (x, y))
    for v in pl.attrib["points"].split():
        px, py = v.split(",")
        assert (px, py) in pts, (kind, model, col, v, "not a point of the curve")
want = {(m, c) for m in ("logreg", "naive_bayes") for c in
        {"roc": ["tpr"], "pr": ["precision"], "gain": ["tpr"], "net-benefit": ["net_benefit", "treat_all"],
         "calibration": ["fraction_positive"], "coverage": ["coverage", "accuracy_decided"], "cost": ["cost"]}[kind]}
want.discard(("naive_bayes", "treat_all"))  # treating all is the data's: drawn once
assert want <= seen, (kind, want - seen)
PY
}

for kind in roc pr gain net-benefit calibration coverage cost; do
	# shellcheck disable=SC2086
	if "$BIN" --curve $kind --format svg $A >"$T/$kind.svg" 2>"$T/err" && "$BIN" --curve $kind --format csv $A >"$T/$kind.csv" 2>/dev/null; then
		msg=$(check $kind "$T/$kind.svg" "$T/$kind.csv" 2>&1) && ok || bad "$kind: $(echo "$msg" | tail -2)"
	else
		bad "$kind: cutoff failed: $(cat "$T/err")"
	fi
done

# a model's name from the data: markup, quotes and an escape byte stay text
printf 'y,"<b>&\033[31m\"x"\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n' >"$T/h.csv"
"$BIN" --curve roc --format svg -l y -s 2 "$T/h.csv" >"$T/h.svg" 2>/dev/null
if python3 -c 'import xml.etree.ElementTree as E, sys; E.parse(sys.argv[1])' "$T/h.svg" 2>/dev/null &&
   ! grep -q "$(printf '\033')" "$T/h.svg" && grep -q 'data-model="&lt;b&gt;&amp;\\x1b\[31m' "$T/h.svg"; then
	ok
else
	bad "hostile name: $(grep -o 'data-model="[^"]*"' "$T/h.svg" | head -1)"
fi

# the picture renders in a real browser (Chromium, headless, no network)
if command -v chromium >/dev/null 2>&1; then
	if timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$T/profile" \
		--window-size=640,480 --screenshot="$T/roc.png" "file://$T/roc.svg" >/dev/null 2>&1 &&
	   [ "$(head -c 8 "$T/roc.png" | od -An -c | tr -d ' ')" = "211PNG\r\n032\n" ] && [ "$(wc -c <"$T/roc.png")" -gt 5000 ]; then
		ok
	else
		bad "chromium did not render roc.svg"
	fi
fi

expect 2 "--format svg draws a --curve" --format svg --report samples/breast_cancer.csv
echo "svg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
