/*
 * test_interval: Wilson intervals against statsmodels and DeLong's AUC
 * standard error and interval against R's pROC (the expected files were
 * written by tests/reference/make_wilson_expected.py and
 * make_ci_expected.R); here the samples go through cutoff's own loader.
 */
#include "helpers.h"

#include "core/stats/curve.h"
#include "core/stats/interval.h"
#include "options.h"
#include "app/session.h"

/* Options from an "args ..." line of a reference file. */
static void parse_args(const char *line, struct options *o)
{
	static char argbuf[1024];
	char err[512], *argv[32], *tok;
	int argc = 0;

	snprintf(argbuf, sizeof argbuf, "%s", line + 5);
	argv[argc++] = "cutoff";
	for (tok = strtok(argbuf, " "); tok; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	memset(o, 0, sizeof *o);
	assert_int_equal(options_parse(argc, argv, o, err, sizeof err), OPTIONS_OK);
}

/* The data set of an "args ..." line, and its first model's sweep. */
static void load_args(const char *line, struct options *o, struct dataset **ds, struct sweep *sw)
{
	char err[512];

	parse_args(line, o);
	if (dataset_load(&o->data, ds, err, sizeof err) < 0)
		fail_msg("%s", err);
	build_sweep(*ds, 0, sw);
}

static void test_quantile(void **state)
{
	(void)state;
	/* qnorm(0.975), qnorm(0.95), qnorm(0.995), qnorm(1e-10) in R */
	assert_true(fabs(interval_z(0.95) - 1.959963984540054) < 1e-14);
	assert_true(fabs(interval_z(0.90) - 1.6448536269514722) < 1e-14);
	assert_true(fabs(interval_z(0.99) - 2.5758293035489004) < 1e-14);
	assert_true(fabs(interval_quantile(1e-10) - -6.3613409024040557) < 1e-12);
	assert_true(isnan(interval_quantile(0)) && isnan(interval_quantile(1)));
}

static void test_wilson_against_statsmodels(void **state)
{
	FILE *f = fopen("tests/reference/wilson.ci", "r");
	char line[256];
	size_t checked = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		double x, n, level, lo, hi, got_lo, got_hi;

		if (sscanf(line, "wilson %lf %lf %lf %lf %lf", &x, &n, &level, &lo, &hi) != 5)
			continue;
		assert_int_equal(interval_wilson(x, n, interval_z(level), &got_lo, &got_hi), 0);
		assert_true(got_lo >= 0 && got_hi <= 1 && got_lo <= x / n && x / n <= got_hi);
		assert_close(got_lo, lo);
		assert_close(got_hi, hi);
		checked++;
	}
	fclose(f);
	assert_true(checked >= 40);
	/* no trials: no interval */
	{
		double lo, hi;

		assert_int_equal(interval_wilson(0, 0, 1.96, &lo, &hi), -1);
		assert_true(isnan(lo) && isnan(hi));
	}
}

static void test_delong_against_proc(void **state)
{
	FILE *f = fopen("tests/reference/delong.ci", "r");
	char line[1024];
	struct options o;
	struct dataset *ds = NULL;
	struct sweep sw;
	size_t checked = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		double auc, se, lo95, hi95, lo90, hi90, got, lo, hi;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "args ", 5) == 0) {
			load_args(line, &o, &ds, &sw);
			continue;
		}
		if (sscanf(line, "delong %lf %lf %lf %lf %lf %lf", &auc, &se, &lo95, &hi95, &lo90, &hi90) != 6)
			continue;
		assert_close(sw.roc_auc, auc);
		assert_int_equal(interval_delong_se(&sw, &got), 0);
		assert_close(got, se);
		interval_normal(sw.roc_auc, got, interval_z(0.95), &lo, &hi);
		assert_close(lo, lo95);
		assert_close(hi, hi95);
		interval_normal(sw.roc_auc, got, interval_z(0.90), &lo, &hi);
		assert_close(lo, lo90);
		assert_close(hi, hi90);
		checked++;
		sweep_free(&sw);
		dataset_free(ds);
		options_free(&o);
	}
	fclose(f);
	assert_int_equal(checked, 5);
}

/* No interval where DeLong has none: one row of a class, or weights. */
static void test_delong_undefined(void **state)
{
	double pos[] = { 0.9, 0.8 }, neg[] = { 0.1 }, w[] = { 1, 1 }, se;
	double pos2[] = { 0.9, 0.8 }, neg2[] = { 0.1, 0.85 };
	struct sweep sw;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 2, neg, NULL, 1), 0);
	assert_int_equal(interval_delong_se(&sw, &se), -1);
	assert_true(isnan(se));
	sweep_free(&sw);
	assert_int_equal(sweep_build(&sw, pos2, w, 2, neg2, w, 2), 0);
	sw.weighted = true;
	assert_int_equal(interval_delong_se(&sw, &se), -1);
	sw.weighted = false;
	assert_int_equal(interval_delong_se(&sw, &se), 0);
	assert_true(se > 0);
	sweep_free(&sw);
}

/* The paired test against pROC's roc.test(paired = TRUE, method = "delong"). */
static void test_paired_against_proc(void **state)
{
	FILE *f = fopen("tests/reference/paired.ci", "r");
	char line[1024], err[512];
	struct options o;
	struct session_start st;
	struct session s;
	size_t checked = 0;

	(void)state;
	assert_non_null(f);
	memset(&s, 0, sizeof s);
	while (fgets(line, sizeof line, f) != NULL) {
		double d, z, p, lo, hi;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "args ", 5) == 0) {
			parse_args(line, &o);
			options_start(&o, &st);
			if (session_open(&s, &o.data, &st, err, sizeof err) < 0)
				fail_msg("%s", err);
			continue;
		}
		if (sscanf(line, "paired %lf %lf %lf %lf %lf", &d, &z, &p, &lo, &hi) != 5)
			continue;
		assert_int_equal(s.n_pairs, 1);
		assert_close(s.pairs[0].difference, d);
		assert_close(s.pairs[0].difference / s.pairs[0].se, z);
		assert_close(interval_p_value(s.pairs[0].difference / s.pairs[0].se), p);
		assert_close(s.pairs[0].difference - interval_z(0.95) * s.pairs[0].se, lo);
		assert_close(s.pairs[0].difference + interval_z(0.95) * s.pairs[0].se, hi);
		checked++;
		session_close(&s);
		options_free(&o);
	}
	fclose(f);
	assert_int_equal(checked, 2);
}

/* Two identical columns: the variance of the difference is exactly 0. */
static void test_paired_identical(void **state)
{
	char path[] = "/tmp/cutoff-twins-XXXXXX", err[512];
	const char *csv = "y,a,b\n1,0.9,0.9\n1,0.4,0.4\n0,0.3,0.3\n0,0.5,0.5\n1,0.7,0.7\n0,0.1,0.1\n";
	const char *scores[] = { "a", "b" };
	struct dataset_options o = default_options();
	struct session_start st;
	struct session s;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	memset(&st, 0, sizeof st);
	o.path = path;
	o.label = "y";
	o.scores = scores;
	o.n_scores = 2;
	assert_int_equal(session_open(&s, &o, &st, err, sizeof err), 0);
	unlink(path);
	assert_int_equal(s.n_pairs, 1);
	assert_true(s.pairs[0].difference == 0 && s.pairs[0].se == 0);
	session_close(&s);
}

/* The standardised partial AUC against scikit-learn's max_fpr. */
static void test_partial_against_sklearn(void **state)
{
	FILE *f = fopen("tests/reference/partial.ci", "r");
	char line[1024];
	struct options o;
	struct dataset *ds = NULL;
	struct sweep sw;
	size_t checked = 0;
	bool loaded = false;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		double fpr, want;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "args ", 5) == 0) {
			if (loaded) {
				sweep_free(&sw);
				dataset_free(ds);
				options_free(&o);
			}
			load_args(line, &o, &ds, &sw);
			loaded = true;
			continue;
		}
		if (sscanf(line, "partial %lf %lf", &fpr, &want) != 2)
			continue;
		assert_close(curve_partial_auc(&sw, fpr), want);
		checked++;
	}
	fclose(f);
	if (loaded) {
		sweep_free(&sw);
		dataset_free(ds);
		options_free(&o);
	}
	assert_int_equal(checked, 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantile),
		cmocka_unit_test(test_wilson_against_statsmodels),
		cmocka_unit_test(test_delong_against_proc),
		cmocka_unit_test(test_delong_undefined),
		cmocka_unit_test(test_paired_against_proc),
		cmocka_unit_test(test_paired_identical),
		cmocka_unit_test(test_partial_against_sklearn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
