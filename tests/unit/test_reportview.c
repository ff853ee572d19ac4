/*
 * test_reportview: the one report builder.  Every model or the one on
 * screen, at the view's thresholds; groups at a strategy's thresholds on
 * the model it holds for; a reference beside it once attached.
 */
#include "helpers.h"

#include "app/reportview.h"
#include "app/session.h"
#include "options.h"

struct fixture {
	struct options o;
	struct session s;
};

static void open_fixture(struct fixture *fx, const char *args)
{
	memset(fx, 0, sizeof *fx);
	session_from_args(&fx->o, &fx->s, args);
}

static void close_fixture(struct fixture *fx)
{
	session_close(&fx->s);
	options_free(&fx->o);
}

static char *written(const struct reportview *rv, enum report_format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	reportview_write(f, rv, fmt);
	fclose(f);
	return text;
}

static void test_every_model_or_the_one_on_screen(void **state)
{
	struct fixture fx;
	struct reportview rv;
	struct view *v;
	size_t i;

	(void)state;
	open_fixture(&fx, "-l diagnosis -p malignant -s logreg,naive_bayes samples/breast_cancer.csv");
	v = &fx.s.view;
	v->model = 1;
	view_set_k(v, view_current(v)->k / 2);
	assert_int_equal(reportview_build(&rv, v, REPORTVIEW_ALL), 0);
	assert_int_equal(rv.report.n_models, 2);
	assert_int_equal(rv.report.n_pairs, 1);
	assert_string_equal(rv.report.pairs[0].a, "logreg");
	for (i = 0; i < 2; i++) {
		assert_ptr_equal(rv.report.models[i].sw, v->models[i].sw);
		assert_true(rv.report.models[i].threshold == v->models[i].threshold);
	}
	assert_null(rv.report.groups);
	assert_null(rv.ref_file);
	reportview_free(&rv);
	assert_int_equal(reportview_build(&rv, v, REPORTVIEW_ON_SCREEN), 0);
	assert_int_equal(rv.report.n_models, 1);
	assert_int_equal(rv.report.n_pairs, 0);
	assert_string_equal(rv.report.models[0].score, "naive_bayes");
	assert_true(rv.report.models[0].threshold == v->models[1].threshold);
	reportview_free(&rv);
	close_fixture(&fx);
}

static void test_groups_at_the_strategy(void **state)
{
	struct fixture fx;
	struct reportview rv;
	struct fairness_spec fs = { 0 };
	struct view *v;
	size_t g, n;

	(void)state;
	open_fixture(&fx, "-l diagnosis -p malignant -s logreg,naive_bayes --group size samples/breast_cancer_groups.csv");
	v = &fx.s.view;
	n = v->n_groups;
	assert_true(n >= 2);
	assert_int_equal(fairness_parse("equal-recall=0.9", &fs), 0);
	view_apply_strategy(v, &fs);
	assert_true(v->group_strategy && v->group_strategy_model == 0);
	assert_int_equal(reportview_build(&rv, v, REPORTVIEW_ALL), 0);
	assert_string_equal(rv.groups.column, "size");
	assert_true(rv.groups.strategy_set);
	for (g = 0; g < n; g++) {
		/* the strategy's model at each group's own threshold, the other at its one */
		assert_true(rv.models[0].group_thr[g] == v->group_thr[g]);
		assert_true(rv.models[1].group_thr[g] == v->models[1].threshold);
		assert_ptr_equal(rv.models[1].group_sw[g], v->group_sw[n + g]);
	}
	reportview_free(&rv);
	/* a snapshot of the other model: no strategy holds for it */
	v->model = 1;
	assert_int_equal(reportview_build(&rv, v, REPORTVIEW_ON_SCREEN), 0);
	assert_false(rv.groups.strategy_set);
	assert_true(rv.models[0].group_thr[0] == v->models[1].threshold);
	reportview_free(&rv);
	close_fixture(&fx);
}

static void test_reference_beside_it(void **state)
{
	struct fixture cur, ref;
	struct reportview rv;
	char *plain, *both;
	size_t i;

	(void)state;
	open_fixture(&cur, "-l diagnosis -p malignant -s logreg,naive_bayes samples/breast_cancer.csv");
	open_fixture(&ref, "-l diagnosis -p malignant -s logreg,naive_bayes samples/breast_cancer.csv.gz");
	assert_int_equal(reportview_build(&rv, &cur.s.view, REPORTVIEW_ALL), 0);
	plain = written(&rv, FORMAT_TEXT);
	reportview_free(&rv);
	assert_int_equal(session_attach(&cur.s, &ref.s), 0);
	assert_int_equal(reportview_build(&rv, &cur.s.view, REPORTVIEW_ALL), 0);
	assert_string_equal(rv.ref_file, ref.s.view.file);
	for (i = 0; i < 2; i++) {
		assert_ptr_equal(rv.ref_models[i].sw, ref.s.models[i].sw);
		assert_true(rv.ref_models[i].threshold == rv.models[i].threshold);
		assert_null(rv.ref_models[i].group_sw);
	}
	both = written(&rv, FORMAT_TEXT);
	assert_non_null(strstr(both, "breast_cancer.csv.gz"));
	assert_true(strcmp(plain, both) != 0);
	reportview_free(&rv);
	free(both);
	/* detached: the plain report again */
	session_detach(&cur.s);
	assert_int_equal(reportview_build(&rv, &cur.s.view, REPORTVIEW_ALL), 0);
	assert_null(rv.ref_file);
	both = written(&rv, FORMAT_TEXT);
	assert_string_equal(plain, both);
	reportview_free(&rv);
	free(both);
	free(plain);
	close_fixture(&cur);
	close_fixture(&ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_model_or_the_one_on_screen),
		cmocka_unit_test(test_groups_at_the_strategy),
		cmocka_unit_test(test_reference_beside_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
