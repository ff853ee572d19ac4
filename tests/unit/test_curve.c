/* test_curve: ROC and PR points, and the shape-keeping downsampling. */
#include "helpers.h"

#include "core/stats/curve.h"

static void test_points(void **state)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };
	struct sweep sw;
	struct curve_point p;
	enum curve_kind k;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 3, neg, NULL, 4), 0);
	assert_int_equal(curve_length(&sw, CURVE_ROC), 7);
	assert_int_equal(curve_length(&sw, CURVE_PR), 6);
	p = curve_point(&sw, CURVE_ROC, 0);
	assert_true(isinf(p.threshold) && p.x == 0 && p.y == 0);
	p = curve_point(&sw, CURVE_ROC, 3);
	assert_true(p.threshold == 0.7 && p.x == 0.25);
	assert_close(p.y, 2.0 / 3);
	p = curve_point(&sw, CURVE_ROC, 6);
	assert_true(p.threshold == 0.1 && p.x == 1 && p.y == 1);
	p = curve_point(&sw, CURVE_PR, 0);
	assert_true(p.threshold == 0.9 && p.y == 1);
	assert_close(p.x, 1.0 / 3);
	p = curve_point(&sw, CURVE_PR, 3);
	assert_true(p.threshold == 0.4 && p.x == 1);
	assert_close(p.y, 0.6);
	assert_int_equal(curve_parse("roc", &k), 0);
	assert_int_equal(k, CURVE_ROC);
	assert_int_equal(curve_parse("pr", &k), 0);
	assert_int_equal(k, CURVE_PR);
	assert_int_equal(curve_parse("auc", &k), -1);
	sweep_free(&sw);
}

static void test_downsample(void **state)
{
	size_t n = 20000, i, got;
	double *pos = malloc(n * sizeof *pos), *neg = malloc(n * sizeof *neg);
	size_t idx[1000];
	struct sweep sw;

	(void)state;
	for (i = 0; i < n; i++) {
		pos[i] = (double)(i * 7 % n) / n + 0.3;
		neg[i] = (double)(i * 13 % n) / n;
	}
	assert_int_equal(sweep_build(&sw, pos, NULL, n, neg, NULL, n), 0);
	got = curve_downsample(&sw, CURVE_ROC, 40, 20, idx, 1000);
	/* a monotone curve crosses at most cols + rows cells */
	assert_true(got >= 2 && got <= 40 + 20 + 2);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[got - 1], curve_length(&sw, CURVE_ROC) - 1);
	for (i = 1; i < got; i++)
		assert_true(idx[i] > idx[i - 1]);
	assert_int_equal(curve_downsample(&sw, CURVE_ROC, 40, 20, idx, 3), 3);
	assert_int_equal(idx[2], curve_length(&sw, CURVE_ROC) - 1); /* the end survives */
	sweep_free(&sw);
	free(pos);
	free(neg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_points),
		cmocka_unit_test(test_downsample),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
