#!/bin/sh
# make bench, the connection: 10M generated rows in a private PostgreSQL
# server (tests/pg/server.sh), and the time to the report (what the first
# screen waits for) of cutoff postgresql://... --from t against psql
# running the same --emit-sql postgres query alone (its CSV to /dev/null):
# what cutoff adds on the client side, fastest of RUNS runs each.
set -eu
OUT=build/bench
RUNS=${RUNS:-3}
N=${PG_ROWS:-10000000}
mkdir -p "$OUT"
D=$(mktemp -d /tmp/cutoff-pgbench.XXXXXX)
chmod 755 "$D"
trap 'sh tests/pg/server.sh stop "$D/pg"; rm -rf "$D"' EXIT
trap 'exit 1' INT TERM
sh tests/pg/server.sh start "$D/pg"
U="postgresql://cutoff@/postgres?host=$D/pg"
[ -f "$OUT/pg-$N.csv" ] || ./build/gen -n "$N" >"$OUT/pg-$N.csv"
psql -X -q -h "$D/pg" -U cutoff -d postgres -c "CREATE TABLE t (label int, score float8)" \
	-c "\\copy t FROM '$OUT/pg-$N.csv' CSV HEADER" -c "VACUUM ANALYZE t"
./cutoff --emit-sql postgres --from t -l label -s score >"$D/q.sql"
fastest() { # COMMAND...: the fastest wall time of RUNS runs
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f "%e" -o "$D/time" "$@" >/dev/null 2>"$D/err" || { cat "$D/err" >&2; exit 1; }
		cat "$D/time"
	done | sort -n | head -1
}
p=$(fastest psql -X -q -h "$D/pg" -U cutoff -d postgres --csv -f "$D/q.sql")
c=$(fastest ./cutoff "$U" --from t -l label -s score --report --format json)
rows=$(psql -X -h "$D/pg" -U cutoff -d postgres --csv -t -f "$D/q.sql" | wc -l)
printf '%-34s %9s\n' "$N rows ($rows distinct) psql alone" "$p" "cutoff postgresql:// --report" "$c"
echo "  client side: cutoff / psql = $(awk -v a="$c" -v b="$p" 'BEGIN { printf "%.3f", a / b }') (at most 1.10)"
