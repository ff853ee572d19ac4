#!/bin/sh
# --emit-sql: the statement, run by sqlite3 and read back with --counts,
# gives the report of the raw rows, number for number (ties, scores 1 ulp
# apart, missing scores and labels, weights, groups, folds, two scores);
# --bins gives an AUC within the bound it prints, and the exact matrix at
# each bin's lowest score; --confirm gives the exact matrix; hostile names
# and values are quoted, not run; --from cannot end the statement or hide
# it in a comment; and each dialect's text is as in tests/golden/sql/
# (UPDATE_GOLDEN=1 writes them).  PostgreSQL's runs are tests/pg/run.sh.
# Usage: tests/cli/emitsql.sh ./cutoff
set -u
BIN=$1
T=$(mktemp -d /tmp/cutoff-emitsql.XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/cli/lib.sh

python3 tests/pg/mkrows.py 20000 7 >"$T/rows.csv"
sqlite3 "$T/db" <<SQL
CREATE TABLE scored (label INTEGER, score REAL, other REAL, w REAL, grp TEXT, fold INTEGER);
.mode csv
.import --skip 1 $T/rows.csv scored
SQL
# the rows as sqlite holds them (its import is not correctly rounded)
python3 tests/cli/sqlitedump.py "$T/db" scored >"$T/rows.csv"

# the numbers of a JSON report: not the names, which --counts does not know
numbers() { grep -v -E '^ *"(file|label|positive|negative)"' "$1"; }

# same: the raw rows' report and the counted one agree to the bit
same() { # "options for both" "--group/--fold part" dialect
	"$BIN" --emit-sql sqlite --from scored -l label $1 >"$T/q.sql" 2>"$T/err" || { bad "emit $1: $(cat "$T/err")"; return; }
	sqlite3 -header -csv "$T/db" <"$T/q.sql" >"$T/counts.csv" 2>"$T/err" || { bad "sqlite3 $1: $(cat "$T/err")"; return; }
	"$BIN" --report --format json -l label $1 "$T/rows.csv" >"$T/raw.json" 2>/dev/null
	"$BIN" --report --format json --counts positives,negatives $2 "$T/counts.csv" >"$T/counted.json" 2>/dev/null
	numbers "$T/raw.json" >"$T/a"
	numbers "$T/counted.json" >"$T/b"
	if [ "$(wc -l <"$T/a")" -gt 40 ] && same_json "$T/a" "$T/b" >"$T/diff"; then ok; else
		bad "--emit-sql sqlite $1: $(head -4 "$T/diff")"; fi
}
same "-s score" "-s score"
same "-s score --weight w" "-s score"
same "-s score --group grp" "-s score --group grp"
same "-s score --fold fold" "-s score --fold fold"
same "-s score -p 1" "-s score"
# (two scores: each combination of the scores counted, spread back into
# rows for DeLong's paired test)
same "-s score,other" "-s score,other"
same "-s other --weight w --group grp" "-s other --group grp"
grep -q '"skipped": [1-9][0-9][0-9]' "$T/raw.json" && ok || bad "the rows have no missing scores or labels"

# the whole ROC curve too
"$BIN" --emit-sql sqlite --from scored -l label -s score | sqlite3 -header -csv "$T/db" >"$T/counts.csv"
"$BIN" --curve roc --format csv -l label -s score "$T/rows.csv" >"$T/a" 2>/dev/null
"$BIN" --curve roc --format csv --counts positives,negatives -s score "$T/counts.csv" >"$T/b" 2>/dev/null
[ -s "$T/a" ] && cmp -s "$T/a" "$T/b" && ok || bad "--emit-sql sqlite: the ROC curve differs"

# --bins: within the printed bound; exact at a bin's lowest score
"$BIN" --emit-sql sqlite --from scored -l label -s score --bins 20 | sqlite3 -header -csv "$T/db" >"$T/bins.csv"
[ "$(wc -l <"$T/bins.csv")" -le 22 ] && ok || bad "--bins 20 gave $(wc -l <"$T/bins.csv") lines"
"$BIN" --report --format json -l label -s score "$T/rows.csv" >"$T/raw.json" 2>/dev/null
"$BIN" --report --format json --counts positives,negatives -s score "$T/bins.csv" >"$T/binned.json" 2>"$T/err"
bound=$(sed -n 's/^  "auc_max_error": \([^,]*\),\{0,1\}$/\1/p' "$T/binned.json")
grep -q '^  "bins": 20,$' "$T/binned.json" && ok || bad "--bins 20: the report does not say 20 bins"
exact=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/raw.json")
binned=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/binned.json")
[ -n "$bound" ] && awk -v a="$exact" -v b="$binned" -v e="$bound" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= e && d > 0) }' &&
	ok || bad "--bins: AUC $binned vs exact $exact, bound '$bound'"
t=$(awk -F, 'NR == 3 { print $1 }' "$T/bins.csv")
"$BIN" --report --format json -t "$t" -l label -s score "$T/rows.csv" 2>/dev/null | grep -E '"(tp|fp|tn|fn)"' >"$T/a"
"$BIN" --report --format json -t "$t" --counts positives,negatives -s score "$T/bins.csv" 2>/dev/null | grep -E '"(tp|fp|tn|fn)"' >"$T/b"
[ -s "$T/a" ] && cmp -s "$T/a" "$T/b" && ok || bad "--bins: the matrix at $t differs: $(diff "$T/a" "$T/b" | head -3)"

# --confirm T: the exact matrix, weighted or not
for w in "" "--weight w"; do
	"$BIN" --emit-sql sqlite --from scored -l label -s score $w --confirm 0.41 | sqlite3 -csv "$T/db" >"$T/m"
	"$BIN" --report --format json -t 0.41 -l label -s score $w "$T/rows.csv" 2>/dev/null >"$T/r.json"
	want=$(for k in tp fp fn tn skipped; do sed -n "s/^  \"$k\": \(.*\),\$/\1/p" "$T/r.json"; done | paste -sd,)
	[ -n "$want" ] && [ "$(cat "$T/m")" = "$want" ] && ok || bad "--confirm $w: $(cat "$T/m") vs $want"
done

# hostile names and values: quoted, never run; the answer still right
q="la\"b'el;"
s='sc\ore`--x'
g='g
rp /*'
p="it's \\ \"yes\";
--"
printf '"la""b\x27el;","sc\\ore`--x",w,"g\nrp /*"\n' >"$T/h.csv"
P=$p awk -F, 'BEGIN { p = ENVIRON["P"]; gsub(/"/, "\"\"", p) }
	NR > 1 && $1 != "" && $2 != "" { printf "\"%s\",%s,%s,%s\n", ($1 == 1 ? p : "no"), $2, $4, $5 }' \
	"$T/rows.csv" >>"$T/h.csv"
sqlite3 "$T/db" <<SQL
CREATE TABLE "h;--" ("la""b'el;" TEXT, "sc\\ore\`--x" REAL, w REAL, "g
rp /*" TEXT);
CREATE TABLE canary (x INTEGER);
.mode csv
.import --skip 1 $T/h.csv "h;--"
SQL
python3 tests/cli/sqlitedump.py "$T/db" "h;--" >"$T/h.csv"
"$BIN" --emit-sql sqlite --from '"h;--"' -l "$q" -s "$s" -p "$p" --group "$g" >"$T/q.sql" 2>"$T/err" &&
	sqlite3 -header -csv "$T/db" <"$T/q.sql" >"$T/hc.csv" 2>>"$T/err" || bad "hostile names: $(cat "$T/err")"
"$BIN" --report --format json -l "$q" -s "$s" -p "$p" --group "$g" "$T/h.csv" >"$T/a.json" 2>/dev/null
"$BIN" --report --format json --counts positives,negatives -s "$s" --group "$g" "$T/hc.csv" >"$T/b.json" 2>/dev/null
numbers "$T/a.json" >"$T/a"
numbers "$T/b.json" >"$T/b"
[ "$(wc -l <"$T/a")" -gt 40 ] && cmp -s "$T/a" "$T/b" && ok || bad "hostile names: $(diff "$T/a" "$T/b" | head -4)"
[ "$(sqlite3 "$T/db" "SELECT count(*) FROM sqlite_master WHERE name = 'canary'")" = 1 ] && ok || bad "the canary table went"

# --from that would end the statement or comment out the rest: refused
for f in "t; DROP TABLE canary" "t -- x" "t /* x */" "t WHERE x = 'a" '"t'; do
	expect 2 "--from must be a table or one query" --emit-sql postgres --from "$f" -l y -s s
done
expect 2 "no dialect 'mysql'" --emit-sql mysql --from t -l y -s s
expect 2 "needs --label and --score" --emit-sql postgres --from t -s s
expect 2 "--bins counts one score column" --emit-sql postgres --from t -l y -s a,b --bins 10
expect 2 "--confirm T goes with --emit-sql" -t 0.5 --confirm 0.5 samples/breast_cancer.csv
expect 2 "reads no file" --emit-sql postgres --from t -l y -s s samples/breast_cancer.csv

# each dialect's text, hostile names included
mkdir -p tests/golden/sql
for d in postgres bigquery snowflake spark duckdb trino sqlite; do
	{
		"$BIN" --emit-sql $d --from 'sales.scored' -l "$q" -s "$s,p2" -p "$p" --weight 'w\' --group "$g"
		echo "-- --bins 100"
		"$BIN" --emit-sql $d --from '(SELECT * FROM sales.scored WHERE day = '\''2026-12-01'\'')' -l label -s score --bins 100
		echo "-- --confirm 0.25"
		"$BIN" --emit-sql $d --from 'WITH x AS (SELECT 1) SELECT * FROM t' -l label -s score --fold f --confirm 0.25
	} >"$T/$d.sql" 2>&1
	grep -q '^cutoff:' "$T/$d.sql" && bad "--emit-sql $d: $(grep '^cutoff:' "$T/$d.sql")"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/$d.sql" "tests/golden/sql/$d.sql"; fi
	cmp -s "$T/$d.sql" "tests/golden/sql/$d.sql" && ok || bad "--emit-sql $d differs from tests/golden/sql/$d.sql"
done

echo "emitsql: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
