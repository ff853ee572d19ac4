#!/bin/sh
# A private PostgreSQL server for the tests: initdb in a temporary folder,
# a Unix socket there (no TCP port), run as an unprivileged user when we
# are root (initdb refuses root; CI runs as root).
#   tests/pg/server.sh start DIR   prints nothing; the server is up on DIR
#   tests/pg/server.sh stop DIR    stops it (immediately) and removes DIR
# Users: "cutoff" (superuser, trusted), "reader" (password "s3cret",
# checked: scram-sha-256) for the wrong-password test.
set -eu
cmd=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "server.sh: no PostgreSQL server (Debian package postgresql)" >&2; exit 1; }
as() { # run as the server's owner
	if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown nobody "$dir"
	as "$bin/initdb" -D "$dir/data" -U cutoff -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	# the reader's password is checked; everyone else is trusted
	printf 'local all reader scram-sha-256\nlocal all all trust\n' >"$dir/hba"
	as cp "$dir/hba" "$dir/data/pg_hba.conf"
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
		-o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null ||
		{ cat "$dir/data/server.log" >&2; exit 1; }
	psql -X -q -h "$dir" -U cutoff -d postgres -v ON_ERROR_STOP=1 \
		-c "CREATE ROLE reader LOGIN PASSWORD 's3cret'" -c "GRANT pg_read_all_data TO reader" >/dev/null
	;;
stop)
	[ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*) echo "usage: server.sh start|stop DIR" >&2; exit 2 ;;
esac
