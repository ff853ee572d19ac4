/* test_view: the explorer's state machine, without a terminal. */
#include "helpers.h"

#include "app/view.h"

static struct sweep sw, sw2;
static struct view_model models[2];
static struct view v;

/* positives 0.9 0.8 0.4 ; negatives 0.7 0.4 0.2 0.1: distinct 0.9 0.8 0.7 0.4 0.2 0.1 */
static int setup(void **state)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };
	double pos2[] = { 3.0, 1.0 };
	double neg2[] = { -2.0, 0.5 };

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 3, neg, NULL, 4), 0);
	assert_int_equal(sweep_build(&sw2, pos2, NULL, 2, neg2, NULL, 2), 0);
	memset(&v, 0, sizeof v);
	memset(models, 0, sizeof models);
	models[0].name = "a";
	models[0].sw = &sw;
	models[0].threshold = 0.5;
	models[1].name = "b";
	models[1].sw = &sw2;
	models[1].threshold = 0;
	v.models = models;
	v.n_models = 2;
	v.pos_words = "positive";
	v.neg_words = "negative";
	view_init(&v);
	view_find_optima(&v);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sweep_free(&sw);
	sweep_free(&sw2);
	return 0;
}

static void test_init_and_fine_steps(void **state)
{
	struct view_model *m = &models[0];

	(void)state;
	setup(state);
	/* 0.5 flags 0.9 0.8 0.7 */
	assert_int_equal(m->k, 3);
	assert_true(m->threshold == 0.5);
	/* optima: F1 at 0.8 (k 2), Youden at 0.8, MCC at 0.8; no cost set */
	assert_int_equal(m->best[BEST_F1], 2);
	assert_int_equal(m->best[BEST_COST], VIEW_NONE);
	view_step(&v, +1, STEP_FINE);
	assert_int_equal(m->k, 2);
	assert_true(m->threshold == 0.8); /* snapped to a real score */
	assert_int_equal(v.prev_k, 3);
	view_step(&v, +1, STEP_FINE);
	view_step(&v, +1, STEP_FINE);
	assert_int_equal(m->k, 0);
	assert_true(isinf(m->threshold));
	view_step(&v, +1, STEP_FINE); /* stays at the end */
	assert_int_equal(m->k, 0);
	view_step(&v, -1, STEP_FINE);
	assert_true(m->threshold == 0.9);
	view_set_k(&v, 99);
	assert_int_equal(m->k, 6);
	assert_true(m->threshold == 0.1);
	view_jump(&v, BEST_F1);
	assert_int_equal(m->k, 2);
	view_jump(&v, BEST_COST); /* none: no move */
	assert_int_equal(m->k, 2);
	teardown(state);
}

static void test_rank_and_value_steps(void **state)
{
	struct view_model *m = &models[0];

	(void)state;
	setup(state);
	v.step = STEP_RANK;
	view_set_k(&v, 6); /* all 7 rows flagged */
	/* 10% of 7 rows = 0.7 rows: at least one distinct score moves */
	view_step(&v, +1, STEP_LARGE);
	assert_int_equal(m->k, 5);
	view_step(&v, -1, STEP_SMALL);
	assert_int_equal(m->k, 6);
	/* value mode: 10% of the range 0.8 is 0.08: from 0.1 to >= 0.18 */
	v.step = STEP_VALUE;
	view_step(&v, +1, STEP_LARGE);
	assert_true(m->threshold == 0.2);
	view_set_k(&v, 3); /* 0.7 */
	view_step(&v, +1, STEP_LARGE); /* to >= 0.78: 0.8 */
	assert_true(m->threshold == 0.8);
	teardown(state);
}

static void test_positions(void **state)
{
	struct view_model *m = &models[0];

	(void)state;
	setup(state);
	v.step = STEP_VALUE;
	assert_true(view_position(&v, 0) == 1);
	assert_true(view_position(&v, 6) == 0); /* threshold 0.1 = min */
	assert_close(view_position(&v, 3), (0.7 - 0.1) / 0.8);
	assert_int_equal(view_k_at(&v, 0), 6);
	assert_int_equal(view_k_at(&v, 1), 0);
	assert_int_equal(view_k_at(&v, (0.7 - 0.1) / 0.8), 3);
	v.step = STEP_RANK;
	assert_close(view_position(&v, 3), 1 - 3.0 / 7); /* 0.9 0.8 0.7: 3 of 7 rows */
	assert_int_equal(view_k_at(&v, 1 - 3.0 / 7), 3);
	assert_true(view_flagged(m, 4) == 5); /* 0.4 adds a positive and a negative */
	teardown(state);
}

static void test_models_keep_their_thresholds(void **state)
{
	(void)state;
	setup(state);
	view_step(&v, +1, STEP_FINE);
	assert_true(models[0].threshold == 0.8);
	view_next_model(&v);
	assert_int_equal(v.model, 1);
	assert_true(models[1].threshold == 0); /* its own default */
	assert_int_equal(models[1].k, 3);      /* 3.0, 1.0 and the negative 0.5 */
	view_next_model(&v);
	assert_true(models[0].threshold == 0.8);
	view_set_threshold(&v, 0.75);
	assert_true(models[0].threshold == 0.75 && models[0].k == 2);
	teardown(state);
}

static void test_cost_optimum(void **state)
{
	(void)state;
	setup(state);
	v.costs = true;
	v.cost_fp = 1;
	v.cost_fn = 10;
	view_init(&v);
	view_find_optima(&v);
	assert_int_equal(models[0].best[BEST_COST], 4); /* catch all at 0.4 */
	view_jump(&v, BEST_COST);
	assert_true(models[0].threshold == 0.4);
	teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_fine_steps),
		cmocka_unit_test(test_rank_and_value_steps),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_models_keep_their_thresholds),
		cmocka_unit_test(test_cost_optimum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
