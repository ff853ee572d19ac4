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

# same_json A B: two JSON reports line for line, identical, except that
# the numbers of DeLong's paired test ("auc_difference" lines: sums over
# rows in the rows' order, which a GROUP BY does not keep) may differ by a
# relative 1e-12; 0 when they agree, else the first differences printed.
same_json() {
	awk -v B="$2" '
	function nums(s, a,   n) { n = 0; while (match(s, /-?[0-9][0-9.]*([eE][-+]?[0-9]+)?/)) { a[++n] = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH) } return n }
	{
		if ((getline b < B) <= 0) { print "shorter: " B; bad = 1; exit }
		if ($0 == b) next
		if ($0 ~ /"auc_difference"/ && b ~ /"auc_difference"/) {
			x = $0; y = b; gsub(/-?[0-9][0-9.]*([eE][-+]?[0-9]+)?/, "#", x); gsub(/-?[0-9][0-9.]*([eE][-+]?[0-9]+)?/, "#", y)
			n = nums($0, p); m = nums(b, q); ok = x == y && n == m
			for (i = 1; ok && i <= n; i++) { d = p[i] - q[i]; if (d < 0) d = -d; r = (p[i] < 0 ? -p[i] : p[i]); if (d > 1e-12 * r) ok = 0 }
			if (ok) next
		}
		print "< " $0; print "> " b; bad = 1
	}
	END { if (!bad && (getline b < B) > 0) { print "longer: " B; bad = 1 } exit bad }' "$1"
}
