/* test_metrics: each metric by hand, and "undefined" as NaN. */
#include "helpers.h"

#include "core/stats/metrics.h"

static double m(enum metric which, double tp, double fp, double tn, double fn)
{
	struct confusion c = { tp, fp, tn, fn };

	return metrics_value(which, &c);
}

static void test_values(void **state)
{
	struct confusion c = { 40, 10, 45, 5 };

	(void)state;
	assert_close(metrics_value(METRIC_PRECISION, &c), 0.8);
	assert_close(metrics_value(METRIC_RECALL, &c), 40.0 / 45);
	assert_close(metrics_value(METRIC_SPECIFICITY, &c), 45.0 / 55);
	assert_close(metrics_value(METRIC_NPV, &c), 0.9);
	assert_close(metrics_value(METRIC_FPR, &c), 10.0 / 55);
	assert_close(metrics_value(METRIC_FNR, &c), 5.0 / 45);
	assert_close(metrics_value(METRIC_F1, &c), 80.0 / 95);
	assert_close(metrics_value(METRIC_ACCURACY, &c), 0.85);
	assert_close(metrics_value(METRIC_BALANCED_ACCURACY, &c), (40.0 / 45 + 45.0 / 55) / 2);
	assert_close(metrics_value(METRIC_MCC, &c), (40.0 * 45 - 10.0 * 5) / sqrt(50.0 * 45 * 55 * 50));
	assert_close(metrics_value(METRIC_YOUDEN_J, &c), 40.0 / 45 + 45.0 / 55 - 1);
	assert_close(metrics_value(METRIC_PREDICTED_POSITIVE_RATE, &c), 0.5);
	assert_close(metrics_fbeta(&c, 1), 80.0 / 95);
	assert_close(metrics_fbeta(&c, 2), 5 * 40.0 / (5 * 40 + 4 * 5 + 10));
	assert_close(metrics_fbeta(&c, 0.5), 1.25 * 40 / (1.25 * 40 + 0.25 * 5 + 10));
}

static void test_undefined(void **state)
{
	(void)state;
	/* nothing predicted positive */
	assert_true(isnan(m(METRIC_PRECISION, 0, 0, 5, 5)));
	assert_true(isnan(m(METRIC_MCC, 0, 0, 5, 5)));
	assert_close(m(METRIC_F1, 0, 0, 5, 5), 0);
	/* no positives at all */
	assert_true(isnan(m(METRIC_RECALL, 0, 3, 5, 0)));
	assert_true(isnan(m(METRIC_BALANCED_ACCURACY, 0, 3, 5, 0)));
	assert_true(isnan(m(METRIC_YOUDEN_J, 0, 3, 5, 0)));
	assert_true(isnan(m(METRIC_FNR, 0, 3, 5, 0)));
	/* F1 undefined only when TP+FP+FN = 0 */
	assert_true(isnan(m(METRIC_F1, 0, 0, 5, 0)));
	/* empty matrix */
	assert_true(isnan(m(METRIC_ACCURACY, 0, 0, 0, 0)));
	assert_true(isnan(m(METRIC_PREDICTED_POSITIVE_RATE, 0, 0, 0, 0)));
	/* no negatives: specificity, FPR, NPV undefined */
	assert_true(isnan(m(METRIC_SPECIFICITY, 3, 0, 0, 2)));
	assert_true(isnan(m(METRIC_FPR, 3, 0, 0, 2)));
	assert_close(m(METRIC_NPV, 3, 0, 0, 2), 0);
}

static void test_mcc_large_counts(void **state)
{
	(void)state;
	/* margins whose product overflows a double without scaling */
	assert_close(m(METRIC_MCC, 4e80, 1e80, 4e80, 1e80), (16.0 - 1) / 25);
	assert_close(m(METRIC_MCC, 1, 0, 1, 0), 1);
	assert_close(m(METRIC_MCC, 0, 1, 0, 1), -1);
}

static void test_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < METRIC_COUNT; i++) {
		assert_non_null(metric_table[i].key);
		assert_non_null(metric_table[i].label);
	}
	assert_string_equal(metric_table[METRIC_YOUDEN_J].key, "youden_j");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_undefined),
		cmocka_unit_test(test_mcc_large_counts),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
