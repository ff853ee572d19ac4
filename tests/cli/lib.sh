# What every CLI test shares (sourced): the counters and ok/bad;
# close_files A B, whether A's "key value" lines agree with B's (B's keys;
# "#" lines skipped; numbers to a relative 1e-9, text exactly), printing
# the first differences; close_num A B, two numbers to a relative 1e-9
# (nan and null equal); check_references DIR FLATTEN [ARGS...], every
# reference case of DIR against cutoff's JSON; and expect STATUS PATTERN ARGS..., a run of $BIN
# that must end with STATUS, one line on stderr matching PATTERN and
# nothing on stdout (uses $T).
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

close_files() {
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

# close_num A B: numbers agree to a relative 1e-9 (nan/null equal)
close_num() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if ((a == "null" || a == "nan") && (b == "null" || b == "nan")) exit 0
		if (a == "null" || a == "nan" || b == "null" || b == "nan") exit 1
		d = a - b; if (d < 0) d = -d
		m = a < 0 ? -a : a; n = b < 0 ? -b : b; if (n > m) m = n
		exit !(d <= 1e-9 * m || d <= 1e-15)
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

# check_references DIR FLATTEN [ARGS...]: each DIR/NAME.args run with ARGS
# and --format json, the JSON through the command FLATTEN into "key value"
# lines, compared with DIR/NAME.expected (close_files).
check_references() {
	ref_dir=$1 ref_flatten=$2
	shift 2
	for ref_args in "$ref_dir"/*.args; do
		ref_name=$(basename "$ref_args" .args)
		# shellcheck disable=SC2046
		if "$BIN" $(cat "$ref_args") "$@" --format json >"$T/json" 2>"$T/err"; then
			$ref_flatten <"$T/json" >"$T/got"
			if msg=$(close_files "$T/got" "$ref_dir/$ref_name.expected"); then ok; else bad "$ref_name: $(echo "$msg" | head -3)"; fi
		else
			bad "$ref_name: cutoff failed: $(head -c 300 "$T/err")"
		fi
	done
}
