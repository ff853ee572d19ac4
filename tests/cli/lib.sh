# What the reference-comparing CLI tests share (sourced): counters;
# close A B, which says whether A's "key value" lines agree with B's
# (B's keys; "#" lines skipped; numbers to a relative 1e-9, text exactly)
# and prints the first differences; and expect STATUS PATTERN ARGS..., a
# run of $BIN that must end with STATUS, one line on stderr matching
# PATTERN and nothing on stdout (uses $T).
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

close() {
	awk -v A="$1" -v B="$2" 'BEGIN {
		while ((getline l < A) > 0) { split(l, f, " "); got[f[1]] = f[2] }
		while ((getline l < B) > 0) {
			if (l ~ /^#/) continue
			split(l, f, " "); k = f[1]; w = f[2]
			if (!(k in got)) { print "missing " k; bad = 1; continue }
			g = got[k]
			if (g == w) continue
			if (g !~ /^-?[0-9.eE+-]+$/ || w !~ /^-?[0-9.eE+-]+$/) { print k ": " g " vs " w; bad = 1; continue }
			d = g - w; if (d < 0) d = -d; m = (w < 0 ? -w : w)
			if (d > 1e-9 * m + 1e-15) { print k ": " g " vs " w; bad = 1 }
		}
		exit bad
	}'
}

expect() { # STATUS PATTERN ARGS...
	want=$1 pat=$2
	shift 2
	"$BIN" "$@" >"$T/out" 2>"$T/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ] && [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q -- "$pat" "$T/err"; then
		ok
	else
		bad "cutoff $* exited $got (want $want): $(cat "$T/err")"
	fi
}
