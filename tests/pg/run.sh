#!/bin/sh
# A database's rows, for real: a private PostgreSQL server (tests/pg/
# server.sh, always stopped), tables of generated rows (ties, scores 1 ulp
# apart, missing scores and labels, weights, groups, folds, two scores;
# 20,000 rows and 1,000,000), and:
# - cutoff postgresql://... --from TABLE gives the CSV's report, JSON
#   identical but for the source, with --weight, --group, --fold, -p,
#   --against and two scores (DeLong's paired test to a relative 1e-12:
#   its sums run in the rows' order, which a GROUP BY does not keep);
# - --emit-sql postgres run by psql --csv, read with --counts: the same
#   numbers; --bins within its printed bound; --confirm the exact matrix;
# - hostile names and values (quotes, ';', backslashes, line breaks);
# - an unreachable server, a wrong password, a missing table, a text
#   score, labels outside the vocabulary without -p, a timeout, a backend
#   killed mid-query, Ctrl-C: one line each,
#   nothing on stdout, status 1 (130 for Ctrl-C, the query cancelled on
#   the server).
# Usage: tests/pg/run.sh ./cutoff [./build/asan/cutoff]
set -u
BIN=$1
ASAN=${2:-}
T=$(mktemp -d /tmp/cutoff-pg.XXXXXX)
chmod 755 "$T"
trap 'sh tests/pg/server.sh stop "$T/pg"; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
. tests/cli/lib.sh

sh tests/pg/server.sh start "$T/pg" || { echo "pg: the server did not start"; exit 1; }
U="postgresql://cutoff@/postgres?host=$T/pg"
sql() { psql -X -q -h "$T/pg" -U cutoff -d postgres -v ON_ERROR_STOP=1 "$@"; }

python3 tests/pg/mkrows.py 20000 11 >"$T/rows.csv"
python3 tests/pg/mkrows.py 1000000 12 >"$T/big.csv"
for t in rows big; do
	sql -c "CREATE TABLE $t (label int, score float8, other float8, w float8, grp text, fold int)" \
		-c "\\copy $t FROM '$T/$t.csv' CSV HEADER" || { bad "loading $t"; exit 1; }
done
sql -c "CREATE TABLE recent AS SELECT * FROM rows WHERE fold <> 1"
awk -F, 'NR == 1 || $6 != 1' "$T/rows.csv" >"$T/recent.csv"

# the report without its source line
bare() { grep -v '^ *"file": ' "$1"; }

# connected: the same report as the CSV's
connected() { # BIN TABLE OPTIONS...
	b=$1 t=$2
	shift 2
	"$b" "$U" --from "$t" -l label "$@" --report --format json >"$T/got.json" 2>"$T/err" || {
		bad "$b $U --from $t $*: $(cat "$T/err")"; return; }
	"$b" -l label "$@" --report --format json "$T/$t.csv" >"$T/want.json" 2>/dev/null
	bare "$T/got.json" >"$T/a"
	bare "$T/want.json" >"$T/b"
	if [ "$(wc -l <"$T/b")" -gt 40 ] && same_json "$T/b" "$T/a" >"$T/diff"; then ok; else
		bad "$b --from $t $*: $(head -4 "$T/diff")"; fi
}
connected "$BIN" rows -s score
connected "$BIN" rows -s score --weight w
connected "$BIN" rows -s score --group grp
connected "$BIN" rows -s score --fold fold
connected "$BIN" rows -s score -p 1
connected "$BIN" rows -s score,other
connected "$BIN" rows -s other --weight w --group grp --optimize f1
connected "$BIN" big -s score
connected "$BIN" big -s score --weight w --group grp
[ -n "$ASAN" ] && connected "$ASAN" rows -s score --weight w --group grp
grep -q '"skipped": [1-9]' "$T/want.json" && ok || bad "the rows have no missing scores or labels"
# the reference: another table on the same server
"$BIN" "$U" --from rows --against recent -l label -s score --report --format json >"$T/got.json" 2>"$T/err"
"$BIN" --against "$T/recent.csv" -l label -s score --report --format json "$T/rows.csv" >"$T/want.json" 2>/dev/null
grep -v '"file": ' "$T/got.json" >"$T/a"
grep -v '"file": ' "$T/want.json" >"$T/b"
[ "$(wc -l <"$T/b")" -gt 40 ] && cmp -s "$T/a" "$T/b" && ok || bad "--against recent: $(diff "$T/b" "$T/a" | head -4)"

# --emit-sql postgres through psql --csv, read with --counts
numbers() { grep -v -E '^ *"(file|label|positive|negative)"' "$1"; }
for o in "-s score" "-s score --weight w --group grp" "-s score --fold fold"; do
	g=$(echo "$o" | sed 's/--weight w//')
	"$BIN" --emit-sql postgres --from rows -l label $o >"$T/q.sql"
	sql --csv -f "$T/q.sql" >"$T/counts.csv"
	"$BIN" -l label $o --report --format json "$T/rows.csv" 2>/dev/null | numbers /dev/stdin >"$T/a"
	"$BIN" --counts positives,negatives $g --report --format json "$T/counts.csv" 2>/dev/null | numbers /dev/stdin >"$T/b"
	[ "$(wc -l <"$T/a")" -gt 40 ] && cmp -s "$T/a" "$T/b" && ok || bad "psql --emit-sql $o: $(diff "$T/a" "$T/b" | head -4)"
done
"$BIN" --emit-sql postgres --from big -l label -s score --bins 50 | sql --csv -f /dev/stdin >"$T/bins.csv"
"$BIN" --counts positives,negatives -s score --report --format json "$T/bins.csv" >"$T/binned.json" 2>/dev/null
"$BIN" -l label -s score --report --format json "$T/big.csv" >"$T/exact.json" 2>/dev/null
bound=$(sed -n 's/^  "auc_max_error": \([^,]*\),\{0,1\}$/\1/p' "$T/binned.json")
exact=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/exact.json")
binned=$(sed -n 's/^  "roc_auc": \(.*\),$/\1/p' "$T/binned.json")
[ -n "$bound" ] && awk -v a="$exact" -v b="$binned" -v e="$bound" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= e) }' &&
	ok || bad "--bins 50: AUC $binned vs exact $exact, bound '$bound'"
for w in "" "--weight w"; do
	"$BIN" --emit-sql postgres --from big -l label -s score $w --confirm 0.3 | sql --csv -t -f /dev/stdin >"$T/m"
	"$BIN" -l label -s score $w -t 0.3 --report --format json "$T/big.csv" >"$T/r.json" 2>/dev/null
	want=$(for k in tp fp fn tn skipped; do sed -n "s/^  \"$k\": \(.*\),\$/\1/p" "$T/r.json"; done | paste -sd,)
	[ -n "$want" ] && [ "$(cat "$T/m")" = "$want" ] && ok || bad "--confirm 0.3 $w: $(cat "$T/m") vs $want"
done

# hostile names and values, both ways
q="la\"b'el;" s='sc\ore`--x' g='g
rp /*' p="it's \\ \"yes\";
--"
sql -c "CREATE TABLE \"h;--\" (\"la\"\"b'el;\" text, \"sc\\ore\`--x\" float8, w float8, \"g
rp /*\" text)"
P=$p awk -F, 'BEGIN { p = ENVIRON["P"]; gsub(/"/, "\"\"", p) }
	NR == 1 { print "\"la\"\"b'"'"'el;\",\"sc\\ore`--x\",w,\"g\nrp /*\""; next }
	$1 != "" { printf "\"%s\",%s,%s,%s\n", ($1 == 1 ? p : "no"), $2, $4, $5 }' "$T/rows.csv" >"$T/h.csv"
sql -c "\\copy \"h;--\" FROM '$T/h.csv' CSV HEADER"
"$BIN" "$U" --from '"h;--"' -l "$q" -s "$s" -p "$p" --group "$g" --report --format json >"$T/got.json" 2>"$T/err"
"$BIN" -l "$q" -s "$s" -p "$p" --group "$g" --report --format json "$T/h.csv" >"$T/want.json" 2>/dev/null
bare "$T/got.json" >"$T/a"
bare "$T/want.json" >"$T/b"
[ "$(wc -l <"$T/b")" -gt 40 ] && cmp -s "$T/a" "$T/b" && ok || bad "hostile names: $(cat "$T/err") $(diff "$T/b" "$T/a" | head -4)"
"$BIN" --emit-sql postgres --from '"h;--"' -l "$q" -s "$s" -p "$p" --group "$g" | sql --csv -f /dev/stdin >"$T/hc.csv" &&
	ok || bad "psql refused the hostile statement"
[ "$(sql -Atc "SELECT count(*) FROM pg_tables WHERE tablename IN ('rows', 'h;--')")" = 2 ] && ok || bad "a table went"

# failures: one line, nothing on stdout, status 1
expect 1 "cannot connect: .*No such file" "postgresql://cutoff@/postgres?host=$T/nowhere" --from rows -l label -s score --report
expect 1 "no password supplied" "postgresql://reader@/postgres?host=$T/pg" --from rows -l label -s score --report
PGPASSWORD=wrong expect 1 "password authentication failed" "postgresql://reader@/postgres?host=$T/pg" --from rows -l label -s score --report
PGPASSWORD=s3cret "$BIN" "postgresql://reader@/postgres?host=$T/pg" --from rows -l label -s score --report >/dev/null 2>&1 &&
	ok || bad "the right password did not connect"
# a password in the string: used, never shown (report, messages)
"$BIN" "postgresql://reader:s3cret@/postgres?host=$T/pg" --from rows -l label -s score --report --format json \
	>"$T/out" 2>"$T/err" && ! grep -q s3cret "$T/out" "$T/err" && grep -q '"file": "postgresql://reader@' "$T/out" &&
	ok || bad "a password in the connection string: $(grep -h s3cret "$T/out" "$T/err" | head -2)"
"$BIN" "postgresql://reader:s3cret@/postgres?host=$T/pg" --from nosuch -l label -s score --report >/dev/null 2>"$T/err"
! grep -q s3cret "$T/err" && grep -q "nosuch" "$T/err" && ok || bad "a failure shows the password: $(cat "$T/err")"
expect 1 'relation "nosuch" does not exist' "$U" --from nosuch -l label -s score --report
sql -c "CREATE TABLE texts (label int, score text)" -c "INSERT INTO texts VALUES (1, '0.5'), (0, 'high')"
expect 1 'invalid input syntax for type double precision: "high"' "$U" --from texts -l label -s score --report
expect 1 "canceling statement due to statement timeout" "$U" --from '(SELECT r.*, pg_sleep(0.001) AS z FROM rows r)' \
	-l label -s score --report --statement-timeout 0.3
sql -c "CREATE TABLE named (label text, score float8)" -c "INSERT INTO named VALUES ('M', 0.9), ('B', 0.2), ('B', NULL)"
expect 1 "labels in column 'label' are not 0/1, true/false or yes/no; say which value is positive with --positive (values: " \
	"$U" --from named -l label -s score --report
"$BIN" "$U" --from named -l label -s score -p M --report --format json 2>/dev/null | grep -q '"negative": "B"' &&
	ok || bad "-p M on a table: the negative class is not named B"
expect 2 "a database connection needs --from TABLE" "$U" -l label -s score --report
expect 2 "a database connection needs --from TABLE" "host=$T/pg dbname=postgres user=cutoff" -l label -s score --report
connected_kv=$("$BIN" "host=$T/pg dbname=postgres user=cutoff" --from rows -l label -s score --report --format json 2>/dev/null |
	grep -c '"roc_auc"')
[ "$connected_kv" = 1 ] && ok || bad "a key=value connection string with --from did not report"
expect 2 "a ';' ends the statement" "$U" --from 'rows; DROP TABLE rows' -l label -s score --report
# a backend killed mid-query, then Ctrl-C: the query is cancelled there
slow='(SELECT r.*, pg_sleep(0.0005) AS z FROM rows r)'
"$BIN" "$U" --from "$slow" -l label -s score --report >"$T/out" 2>"$T/err" &
pid=$!
sleep 1.5
sql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cutoff'" >/dev/null
wait $pid
rc=$?
[ $rc -eq 1 ] && [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "terminating connection" "$T/err" &&
	ok || bad "a killed backend: status $rc, $(cat "$T/err")"
"$BIN" "$U" --from "$slow" -l label -s score --report >"$T/out" 2>"$T/err" &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 130 ] && [ ! -s "$T/out" ] && grep -q "cancelled: canceling statement due to user request" "$T/err" &&
	ok || bad "Ctrl-C: status $rc, $(cat "$T/err")"
sleep 0.3
[ "$(sql -Atc "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cutoff'")" = 0 ] &&
	ok || bad "a query is still running on the server after Ctrl-C"

# valgrind: the thread, the pipe and libpq leak nothing and read nothing unset
valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
	"$BIN" "$U" --from rows --against recent -l label -s score,other --report >/dev/null 2>"$T/vg"
rc=$?
[ $rc -eq 0 ] && ok || bad "valgrind: status $rc, $(grep -v '^cutoff:' "$T/vg" | head -5)"

# the explorer on a table, in tmux
tmux -L cutoffpg kill-server 2>/dev/null
tmux -L cutoffpg new -d -x 100 -y 30 "$BIN '$U' --from rows -l label -s score; sleep 3"
sleep 2
tmux -L cutoffpg capture-pane -p >"$T/screen" 2>/dev/null
tmux -L cutoffpg kill-server 2>/dev/null
n=$(sed -n 's/^  "n": \(.*\),$/\1/p' "$T/want.json")
grep -q "Confusion matrix" "$T/screen" && grep -q "skipped" "$T/screen" && ok || bad "the explorer on a table: $(head -3 "$T/screen")"

echo "pg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
