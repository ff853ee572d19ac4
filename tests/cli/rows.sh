#!/bin/sh
# --list against tests/reference/rows/ (brute force, make_rows_expected.py):
# every cell and order, limits and --limit 0, true lines (quoted newlines,
# CRLF, a BOM), empty ids, two models, weights, --optimize; then standard
# input, CSV and text, and the refusals.
# Usage: tests/cli/rows.sh ./cutoff      (from the project root)
set -u
BIN=${1:-./cutoff}
D=tests/reference/rows
T=$(mktemp -d /tmp/cutoff-rows.XXXXXX)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"

for args in "$D"/*.args; do
	name=$(basename "$args" .args)
	# shellcheck disable=SC2046
	if "$BIN" $(cat "$args") --report --format json >"$T/json" 2>"$T/err"; then
		python3 tests/cli/rowsflat.py <"$T/json" >"$T/got"
		if [ "$(grep -c . "$T/got")" -eq "$(grep -vc '^#' "$D/$name.expected")" ] &&
			msg=$(close_files "$T/got" "$D/$name.expected"); then ok; else bad "$name: $(echo "${msg:-rows differ in number}" | head -3)"; fi
	else
		bad "$name: cutoff failed: $(head -c 300 "$T/err")"
	fi
done

# --limit 0 lists the whole cell: as many rows as the report's count
"$BIN" -l diagnosis -p malignant -s logreg -t 0.3 --list fp --limit 0 --report --format json samples/breast_cancer.csv 2>/dev/null |
	python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r["rows"]["rows"]) == r["rows"]["total"] == r["fp"], r["fp"]' &&
	ok || bad "--limit 0 is not the cell's count"
# standard input: the rows kept as read, the same list
A="-l label -p yes -s m1,m2 --list near --limit 9 --id id --show note -w w -t 0.5"
# shellcheck disable=SC2086
"$BIN" $A --report --format json $D/ties_crlf.csv >"$T/file.json" 2>/dev/null
# shellcheck disable=SC2086
"$BIN" $A --report --format json - <$D/ties_crlf.csv | sed 's|"file": "[^"]*"|"file": "tests/reference/rows/ties_crlf.csv"|' >"$T/stdin.json" 2>/dev/null
cmp -s "$T/file.json" "$T/stdin.json" && ok || bad "stdin: not the file's list"
gzip -c $D/ties.csv >"$T/t.csv.gz"
# shellcheck disable=SC2086
"$BIN" $A --report --format json "$T/t.csv.gz" | python3 tests/cli/rowsflat.py >"$T/gz" 2>/dev/null
# shellcheck disable=SC2086
"$BIN" $A --report --format json $D/ties.csv | python3 tests/cli/rowsflat.py >"$T/plain" 2>/dev/null
cmp -s "$T/gz" "$T/plain" && ok || bad "gzip: not the file's list"
# CSV: one line a listed row, fields quoted, a formula neutralised
"$BIN" -l label -p yes -s m1 --list fp --limit 0 --id id --show note -t 0.5 --report --format csv $D/ties.csv >"$T/csv" 2>/dev/null
python3 - "$T/csv" "$T/json" <<'PY' && ok || bad "CSV rows"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0].keys()) == ["model", "line", "id", "score", "label", "weight", "note"], rows[0].keys()
assert all(r["label"] == "no" and float(r["score"]) >= 0.5 for r in rows)
assert any(r["note"] == "two\\nlines" for r in rows) and any(r["note"] == "'=1+2" for r in rows)
assert any(r["id"] == "" for r in rows)
PY
# text: a table under the report, the cell named, escapes shown
"$BIN" -l label -p yes -s m1 --list fp --limit 4 --id id --show note -t 0.5 --report $D/ties.csv >"$T/txt" 2>/dev/null
grep -q "^m1: false positives at 0.5 (99; highest score first)$" "$T/txt" && grep -q "three\\\\nshort\\\\nlines" "$T/txt" &&
	ok || bad "text table: $(tail -6 "$T/txt")"

# refusals: one line, nothing on stdout
expect 2 "--list needs every row as read: not with --counts (no rows are kept)" --counts positives,negatives -s score --list fp --report samples/digits_forest_counts.csv
expect 2 "--list needs every row as read: not with --stream" --stream --list fp --report samples/breast_cancer.csv
expect 2 "--list needs every row as read: not with --bins" --bins 10 --list tp --report samples/breast_cancer.csv
expect 2 "--list takes fp, fn, tp, tn or near (got 'xx')" --list xx --report samples/breast_cancer.csv
expect 2 "--limit goes with --list CELL" --limit 3 --report samples/breast_cancer.csv
expect 2 "--limit takes a whole number of rows" --list fp --limit 2.5 --report samples/breast_cancer.csv
expect 1 "no id column named 'nope'" -p malignant --id nope --list fp --report samples/breast_cancer.csv

echo "rows: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
