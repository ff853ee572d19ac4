/*
 * test_boot: the bootstrap's intervals hold the point estimates on the
 * samples, the same seed gives the same bits with one thread or two, a
 * different seed gives different resamples, and weights give none.
 */
#include "helpers.h"

#include "core/stats/boot.h"
#include "core/stats/metrics.h"
#include "options.h"

#include <pthread.h>
#include <time.h>

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
	assert_int_equal(boot_run(&sw, &bo, &r), BOOT_REFUSED);
	assert_true(isnan(r.lo[BOOT_F1]) && r.used[BOOT_F1] == 0);
	sweep_free(&sw);
}

/* A sweep of two distinct scores from counts (cumulative, as --counts
 * makes them). */
static void counts_sweep(struct sweep *sw, double p0, double n0, double p1, double n1)
{
	double score[] = { 0.1, 0.9 }, pos[] = { p0, p1 }, neg[] = { n0, n1 };
	double *s = malloc(sizeof score), *p = malloc(sizeof pos), *n = malloc(sizeof neg);

	memcpy(s, score, sizeof score);
	memcpy(p, pos, sizeof pos);
	memcpy(n, neg, sizeof neg);
	assert_int_equal(sweep_build_runs(sw, s, p, n, 2), 0);
}

static void test_refusals(void **state)
{
	struct sweep sw;
	char why[300];

	(void)state;
	counts_sweep(&sw, 0.5, 0.5, 0.5, 0.5);
	assert_int_equal(boot_check(&sw, 10, why, sizeof why), BOOT_REFUSED);
	assert_non_null(strstr(why, "counts at score 0.9 are not whole"));
	sweep_free(&sw);
	counts_sweep(&sw, 2, 3, 3, 2);
	assert_int_equal(boot_check(&sw, 1000, why, sizeof why), BOOT_OK);
	sweep_free(&sw);
	/* 1e8 rows: 100 resamples are the most */
	counts_sweep(&sw, 2e7, 3e7, 3e7, 2e7);
	assert_int_equal(boot_check(&sw, 100, why, sizeof why), BOOT_OK);
	assert_int_equal(boot_check(&sw, 101, why, sizeof why), BOOT_REFUSED);
	assert_non_null(strstr(why, "ask for at most 100 resamples"));
	sweep_free(&sw);
	counts_sweep(&sw, 2e9, 1, 3e9, 1);
	assert_int_equal(boot_check(&sw, 1, why, sizeof why), BOOT_REFUSED);
	assert_non_null(strstr(why, "at most 2^32 rows"));
	sweep_free(&sw);
}

struct cancel_run {
	struct sweep sw;
	struct boot_options bo;
	struct boot_result r;
	atomic_int cancel;
	int rc;
};

static void *cancel_worker(void *arg)
{
	struct cancel_run *c = arg;

	c->rc = boot_run(&c->sw, &c->bo, &c->r);
	return NULL;
}

/* Esc within one long resample: heard within a fraction of a second, and
 * the memory is that of the distinct scores (no table of 4e9 rows). */
static void test_cancel_inside_a_resample(void **state)
{
	struct cancel_run c;
	struct timespec t0, t1, nap = { 0, 50 * 1000 * 1000 };
	pthread_t th;
	double secs;

	(void)state;
	memset(&c, 0, sizeof c);
	counts_sweep(&c.sw, 2e9, 1e3, 2e9, 1e3); /* 4e9 rows: ~40 s a resample */
	c.bo.resamples = 2;
	c.bo.level = 0.95;
	c.bo.threads = 2;
	c.bo.cancel = &c.cancel;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(pthread_create(&th, NULL, cancel_worker, &c), 0);
	nanosleep(&nap, NULL);
	atomic_store(&c.cancel, 1);
	pthread_join(th, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_int_equal(c.rc, BOOT_CANCELLED);
	assert_true(secs < 1.0);
	sweep_free(&c.sw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contains_and_repeats),
		cmocka_unit_test(test_weights_have_none),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_cancel_inside_a_resample),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
