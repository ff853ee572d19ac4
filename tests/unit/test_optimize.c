/* test_optimize: objectives, ties, constraints, cost, on small sweeps. */
#include "helpers.h"

#include "core/stats/optimize.h"

/* positives 0.9 0.8 0.4 ; negatives 0.7 0.4 0.2 0.1 */
static void build_small(struct sweep *sw)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };

	assert_int_equal(sweep_build(sw, pos, NULL, 3, neg, NULL, 4), 0);
}

static struct optimum run(const struct sweep *sw, struct optimize_spec spec, int expect)
{
	struct optimum best = { 0, 0, 0 };

	assert_int_equal(optimize_run(sw, &spec, &best), expect);
	return best;
}

static void test_objectives(void **state)
{
	struct sweep sw;
	struct optimum o;
	struct optimize_spec s;

	(void)state;
	build_small(&sw);
	/* F1 per threshold: 0.9: 2/4=.5, 0.8: 4/5=.8, 0.7: 4/6, 0.4: 6/8=.75 */
	o = run(&sw, optimize_defaults(OBJ_F1), 0);
	assert_true(o.threshold == 0.8 && o.k == 2);
	assert_close(o.value, 0.8);
	/* accuracy: 0.8 -> (2+4)/7 is the best */
	o = run(&sw, optimize_defaults(OBJ_ACCURACY), 0);
	assert_true(o.threshold == 0.8);
	/* precision: 1 at 0.9 and at 0.8; the higher threshold wins the tie */
	o = run(&sw, optimize_defaults(OBJ_PRECISION), 0);
	assert_true(o.threshold == 0.9);
	/* recall: 1 from 0.4 downwards; highest is 0.4 */
	o = run(&sw, optimize_defaults(OBJ_RECALL), 0);
	assert_true(o.threshold == 0.4);
	/* youden at 0.8: 2/3 + 1 - 1; at 0.4: 1 + 2/4 - 1 = .5 */
	o = run(&sw, optimize_defaults(OBJ_YOUDEN), 0);
	assert_true(o.threshold == 0.8);
	assert_close(o.value, 2.0 / 3);
	/* fbeta with a large beta favours recall */
	s = optimize_defaults(OBJ_FBETA);
	s.beta = 10;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.4);
	o = run(&sw, optimize_defaults(OBJ_MCC), 0);
	assert_true(o.threshold == 0.8);
	o = run(&sw, optimize_defaults(OBJ_BALANCED_ACCURACY), 0);
	assert_true(o.threshold == 0.8);
	sweep_free(&sw);
}

static void test_cost(void **state)
{
	struct sweep sw;
	struct optimum o;
	struct optimize_spec s;

	(void)state;
	build_small(&sw);
	/* FP and FN cost alike: +inf costs 3, 0.8 costs 1 */
	o = run(&sw, optimize_defaults(OBJ_COST), 0);
	assert_true(o.threshold == 0.8);
	assert_close(o.value, 1);
	/* misses cost 10: catch all; 0.4 costs 2 FPs = 2 */
	s = optimize_defaults(OBJ_COST);
	s.cost_fn = 10;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.4);
	assert_close(o.value, 2);
	/* false alarms free: the highest threshold that catches everything */
	s = optimize_defaults(OBJ_COST);
	s.cost_fp = 0;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.4);
	assert_close(o.value, 0);
	/* misses free: flag nothing (+inf) */
	s = optimize_defaults(OBJ_COST);
	s.cost_fn = 0;
	o = run(&sw, s, 0);
	assert_true(isinf(o.threshold) && o.k == 0);
	sweep_free(&sw);
}

static void test_constraints(void **state)
{
	struct sweep sw;
	struct optimum o;
	struct optimize_spec s;

	(void)state;
	build_small(&sw);
	s = optimize_defaults(OBJ_F1);
	s.min_recall = 1;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.4);
	s = optimize_defaults(OBJ_RECALL);
	s.min_precision = 0.7;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.8); /* at 0.7 precision is 2/3 */
	s = optimize_defaults(OBJ_RECALL);
	s.max_fpr = 0.25;
	o = run(&sw, s, 0);
	assert_true(o.threshold == 0.8 || o.threshold == 0.7);
	assert_close(o.value, 2.0 / 3);
	assert_true(o.threshold == 0.8); /* equal recall: the higher one */
	/* unsatisfiable */
	s = optimize_defaults(OBJ_F1);
	s.min_precision = 1;
	s.min_recall = 1;
	run(&sw, s, -1);
	sweep_free(&sw);
}

static void test_undefined_everywhere(void **state)
{
	double neg[] = { 0.1, 0.2 };
	struct sweep sw;

	(void)state;
	assert_int_equal(sweep_build(&sw, NULL, NULL, 0, neg, NULL, 2), 0);
	run(&sw, optimize_defaults(OBJ_MCC), -1);
	run(&sw, optimize_defaults(OBJ_RECALL), -1);
	/* accuracy is defined: flag nothing */
	assert_true(isinf(run(&sw, optimize_defaults(OBJ_ACCURACY), 0).threshold));
	sweep_free(&sw);
}

static void test_names(void **state)
{
	enum objective o;
	int i;

	(void)state;
	for (i = 0; i < OBJ_COUNT; i++) {
		assert_int_equal(optimize_parse(optimize_names[i], &o), 0);
		assert_int_equal(o, i);
	}
	assert_int_equal(optimize_parse("F1", &o), -1);
	assert_int_equal(optimize_parse("auc", &o), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_objectives),
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_constraints),
		cmocka_unit_test(test_undefined_everywhere),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
