/*
 * test_reference: cutoff's numbers against scikit-learn's.  The expected
 * files were written by tests/reference/make_expected.py from the sample
 * files read with Python's csv module; here the same files go through
 * cutoff's own loader, sweep, metrics, optimiser and curves.
 */
#include "helpers.h"

#include "core/stats/calib.h"
#include "core/stats/curve.h"
#include "core/stats/metrics.h"
#include "core/stats/optimize.h"
#include "options.h"

#include <glob.h>

static double num(const char *s)
{
	return strcmp(s, "nan") == 0 ? NAN : strcmp(s, "inf") == 0 ? INFINITY : strtod(s, NULL);
}

/* The value of a report key as cutoff computes it. */
static double ours(const char *key, const struct sweep *sw, const struct confusion *c)
{
	size_t i;

	for (i = 0; i < METRIC_COUNT; i++)
		if (strcmp(key, metric_table[i].key) == 0)
			return metrics_value((enum metric)i, c);
	if (strcmp(key, "n") == 0) return sw->pos + sw->neg;
	if (strcmp(key, "positives") == 0) return sw->pos;
	if (strcmp(key, "negatives") == 0) return sw->neg;
	if (strcmp(key, "tp") == 0) return c->tp;
	if (strcmp(key, "fp") == 0) return c->fp;
	if (strcmp(key, "tn") == 0) return c->tn;
	if (strcmp(key, "fn") == 0) return c->fn;
	if (strcmp(key, "roc_auc") == 0) return sw->roc_auc;
	if (strcmp(key, "average_precision") == 0) return sw->average_precision;
	if (strcmp(key, "log_loss") == 0) return sw->log_loss;
	if (strcmp(key, "brier") == 0) return sw->brier;
	fail_msg("unknown key %s", key);
	return NAN;
}

static size_t check_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512], err[512], *argv[32], argbuf[512];
	struct options o;
	struct dataset *ds = NULL;
	struct sweep sw;
	struct confusion c = { 0, 0, 0, 0 };
	struct optimize_spec spec;
	size_t checked = 0;
	int argc = 0;

	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char key[64], a[64], b[64], d[64];
		int n;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		if (strncmp(line, "args ", 5) == 0) {
			char *tok;

			snprintf(argbuf, sizeof argbuf, "%s", line + 5);
			argv[argc++] = "cutoff";
			for (tok = strtok(argbuf, " "); tok; tok = strtok(NULL, " "))
				argv[argc++] = tok;
			assert_int_equal(options_parse(argc, argv, &o, err, sizeof err), OPTIONS_OK);
			if (dataset_load(&o.data, &ds, err, sizeof err) < 0)
				fail_msg("%s: %s", path, err);
			assert_int_equal(ds->n_models, 1);
			build_sweep(ds, 0, &sw);
			continue;
		}
		n = sscanf(line, "%63s %63s %63s %63s", key, a, b, d);
		if (strcmp(key, "report") == 0) {
			c = sweep_at(&sw, num(a));
		} else if (strcmp(key, "optimize") == 0) {
			struct optimum best;
			char tline[128], vline[128];
			enum objective obj;

			assert_int_equal(optimize_parse(a, &obj), 0);
			spec = optimize_defaults(obj);
			spec.beta = 2;
			spec.cost_fp = 1;
			spec.cost_fn = 5;
			if (n >= 3 && strncmp(b, "min_recall=", 11) == 0)
				spec.min_recall = num(b + 11);
			if (n >= 3 && strncmp(b, "max_fpr=", 8) == 0)
				spec.max_fpr = num(b + 8);
			assert_int_equal(optimize_run(&sw, &spec, &best), 0);
			assert_non_null(fgets(tline, sizeof tline, f));
			assert_non_null(fgets(vline, sizeof vline, f));
			/* the threshold is a score: it must be exactly the same value */
			if (best.threshold != num(tline + 10))
				fail_msg("%s: optimize %s: threshold %.17g, expected %s", path, a, best.threshold, tline + 10);
			assert_close(best.value, num(vline + 6));
			checked += 2;
		} else if (strcmp(key, "roc") == 0 || strcmp(key, "pr") == 0) {
			enum curve_kind kind = key[0] == 'r' ? CURVE_ROC : CURVE_PR;
			size_t len = strtoul(a, NULL, 10), i;

			assert_int_equal(curve_length(&sw, kind), len);
			for (i = 0; i < len; i++) {
				struct curve_point p = curve_point(&sw, kind, i);

				assert_non_null(fgets(line, sizeof line, f));
				assert_int_equal(sscanf(line, "%63s %63s %63s", a, b, d), 3);
				if (p.threshold != num(a))
					fail_msg("%s: %s point %zu: threshold %.17g, expected %s", path, key, i, p.threshold, a);
				assert_close(p.x, num(b));
				assert_close(p.y, num(d));
				checked += 3;
			}
		} else if (n == 2) {
			double v = ours(key, &sw, &c);

			if (!close_enough(v, num(a)))
				fail_msg("%s: %s = %.17g, expected %s", path, key, v, a);
			checked++;
		}
	}
	fclose(f);
	sweep_free(&sw);
	dataset_free(ds);
	options_free(&o);
	return checked;
}

static void test_against_sklearn(void **state)
{
	glob_t g;
	size_t i, total = 0;

	(void)state;
	assert_int_equal(glob("tests/reference/*.expected", 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 6);
	for (i = 0; i < g.gl_pathc; i++) {
		size_t n = check_file(g.gl_pathv[i]);

		print_message("%s: %zu values agree\n", g.gl_pathv[i], n);
		assert_true(n > 100);
		total += n;
	}
	globfree(&g);
	print_message("%zu values agree with scikit-learn\n", total);
}

/* numpy's quantile and percentile of tied data, n from 2 to 200, to the
 * bit (tests/reference/quantile/make_expected.py): the PSI edges and the
 * calibration bins' edges. */
static void test_numpy_quantiles(void **state)
{
	FILE *f = fopen("tests/reference/quantile/ties.expected", "r");
	char *line = NULL;
	size_t cap = 0, checked = 0;
	struct sweep sw;
	bool have = false;
	size_t n = 0;

	(void)state;
	assert_non_null(f);
	while (getline(&line, &cap, f) > 0) {
		char kind[16];
		double q, want, got;

		if (line[0] == '#')
			continue;
		if (strncmp(line, "case ", 5) == 0) {
			double pos[256], neg[256], mult;
			size_t np = 0, nn = 0, levels, i;
			const char *p;
			int used;

			if (have)
				sweep_free(&sw);
			assert_int_equal(sscanf(line, "case %zu %zu %lf%n", &n, &levels, &mult, &used), 3);
			for (p = line + used, i = 0; i < n; i++) {
				int idx, lab, k;
				double v;

				assert_int_equal(sscanf(p, " %d:%d%n", &idx, &lab, &k), 2);
				p += k;
				v = (double)idx / (double)(levels - 1) * mult;
				if (lab)
					pos[np++] = v;
				else
					neg[nn++] = v;
			}
			assert_int_equal(sweep_build(&sw, pos, NULL, np, neg, NULL, nn), 0);
			have = true;
			continue;
		}
		assert_true(have);
		assert_int_equal(sscanf(line, "%15s %lf %lf", kind, &q, &want), 3);
		/* calib_edges passes percentile's q through * 100 / 100 */
		got = calib_quantile(&sw, strcmp(kind, "percentile") == 0 ? (q * 100) / 100 : q);
		if (got != want)
			fail_msg("%s n=%zu q=%.17g: %.17g, numpy %.17g", kind, n, q, got, want);
		checked++;
	}
	if (have)
		sweep_free(&sw);
	free(line);
	fclose(f);
	assert_true(checked > 3000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_sklearn),
		cmocka_unit_test(test_numpy_quantiles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
