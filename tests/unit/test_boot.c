/*
 * test_boot: the bootstrap's intervals hold the point estimates on the
 * samples, the same seed gives the same bits with one thread or two, a
 * different seed gives different resamples, and weights give none.
 */
#include "helpers.h"

#include "core/boot.h"
#include "core/metrics.h"
#include "options.h"

static void load(const char *args_line, struct dataset **ds, struct sweep *sw, struct options *o)
{
	char argbuf[512], err[512], *argv[32], *tok;
	int argc = 0;

	snprintf(argbuf, sizeof argbuf, "%s", args_line);
	argv[argc++] = "cutoff";
	for (tok = strtok(argbuf, " "); tok; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	memset(o, 0, sizeof *o);
	assert_int_equal(options_parse(argc, argv, o, err, sizeof err), OPTIONS_OK);
	if (dataset_load(&o->data, ds, err, sizeof err) < 0)
		fail_msg("%s", err);
	build_sweep(*ds, 0, sw);
}

static void test_contains_and_repeats(void **state)
{
	static const char *const files[] = {
		"--positive malignant -s logreg samples/breast_cancer.csv",
		"--positive malignant -s naive_bayes samples/breast_cancer.csv",
		"-l is_eight -s forest_prob samples/digits_is_8.csv",
		"--counts positives,negatives -s score samples/digits_forest_counts.csv",
	};
	size_t f;

	(void)state;
	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		struct dataset *ds;
		struct sweep sw;
		struct options o;
		struct optimize_spec spec = optimize_defaults(OBJ_F1);
		struct optimum best;
		struct boot_options bo;
		struct boot_result one, two, other;
		struct confusion c;
		int i;

		load(files[f], &ds, &sw, &o);
		assert_int_equal(optimize_run(&sw, &spec, &best), 0);
		memset(&bo, 0, sizeof bo);
		bo.resamples = 400;
		bo.seed = 1;
		bo.level = 0.95;
		bo.k = best.k;
		bo.spec = &spec;
		bo.threads = 1;
		assert_int_equal(boot_run(&sw, &bo, &one), 0);
		bo.threads = 2;
		assert_int_equal(boot_run(&sw, &bo, &two), 0);
		bo.seed = 2;
		assert_int_equal(boot_run(&sw, &bo, &other), 0);
		c = sweep_confusion(&sw, best.k);
		for (i = 0; i < BOOT_COUNT; i++) {
			/* the same bits, one thread or two */
			assert_memory_equal(&one.lo[i], &two.lo[i], sizeof(double));
			assert_memory_equal(&one.hi[i], &two.hi[i], sizeof(double));
			assert_true(one.used[i] == 400 && one.lo[i] <= one.hi[i]);
		}
		assert_true(memcmp(&one, &other, sizeof one) != 0);
		/* the point estimates lie inside */
		assert_true(one.lo[BOOT_F1] <= metrics_value(METRIC_F1, &c) && metrics_value(METRIC_F1, &c) <= one.hi[BOOT_F1]);
		assert_true(one.lo[BOOT_MCC] <= metrics_value(METRIC_MCC, &c) && metrics_value(METRIC_MCC, &c) <= one.hi[BOOT_MCC]);
		assert_true(one.lo[BOOT_AVERAGE_PRECISION] <= sw.average_precision &&
			    sw.average_precision <= one.hi[BOOT_AVERAGE_PRECISION]);
		assert_true(one.lo[BOOT_THRESHOLD] <= best.threshold && best.threshold <= one.hi[BOOT_THRESHOLD]);
		assert_true(one.lo[BOOT_VALUE] <= best.value && best.value <= one.hi[BOOT_VALUE]);
		sweep_free(&sw);
		dataset_free(ds);
		options_free(&o);
	}
}

static void test_weights_have_none(void **state)
{
	double pos[] = { 0.9, 0.8 }, neg[] = { 0.1, 0.85 }, w[] = { 1, 1 };
	struct sweep sw;
	struct boot_options bo;
	struct boot_result r;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, w, 2, neg, w, 2), 0);
	sw.weighted = true;
	memset(&bo, 0, sizeof bo);
	bo.resamples = 10;
	bo.threads = 1;
	assert_int_equal(boot_run(&sw, &bo, &r), -1);
	assert_true(isnan(r.lo[BOOT_F1]) && r.used[BOOT_F1] == 0);
	sweep_free(&sw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contains_and_repeats),
		cmocka_unit_test(test_weights_have_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
