/* test_rowsview: the explorer's rows panel lists what --list lists: each
 * cell at thresholds on and between the scores (ties at the threshold),
 * weighted (the runs keep their scores) and not (the sweep counts), by
 * two separate ways: the panel's index and streams, and --list's reading
 * with a heap (itself checked against brute force in tests/cli/rows.sh). */
#include "helpers.h"

#include "app/rowsview.h"
#include "core/load/dataset.h"
#include "core/load/rowlist.h"

#include <string.h>

/* --list's rows of cell at t, for the session's first model. */
static void listed(struct session *s, const struct options *o, enum rowlist_cell cell, double t, size_t limit,
		   struct rowlists *rl)
{
	struct dataset_options d = o->data;
	struct dataset *again;
	char err[512];

	assert_int_equal(rowlists_init(rl, cell, limit, s->view.n_models, o->data.n_extra, false), 0);
	for (size_t i = 0; i < s->view.n_models; i++)
		rl->threshold_at[i] = t;
	rl->threshold = rl->threshold_at;
	d.on_row = rowlists_take, d.on_row_arg = rl, d.rows_only = true, d.one_thread = true;
	if (dataset_load(&d, &again, err, sizeof err) < 0)
		fail_msg("%s", err);
	dataset_free(again);
	rowlists_finish(rl);
}

/* kept: the rows kept as read (as for standard input), not the file. */
static void compare(const char *args, bool kept)
{
	static const double ts[] = { 0.5, 0.45, 0.3, 0.55, 0.7, 0.01, 0.999, -1, 2 };
	struct options o;
	struct session s;
	struct rowsview rv;
	struct rowlists keep = { 0 };
	char err[512];

	if (kept) {
		static char buf[512];
		char *argv[32], *tok;
		struct session_start st;
		int argc = 0;

		snprintf(buf, sizeof buf, "%s", args);
		argv[argc++] = "cutoff";
		for (tok = strtok(buf, " "); tok != NULL && argc < 31; tok = strtok(NULL, " "))
			argv[argc++] = tok;
		assert_int_equal(options_parse(argc, argv, &o, err, sizeof err), OPTIONS_OK);
		assert_int_equal(rowlists_init(&keep, ROWS_FP, 0, 0, o.data.n_extra, true), 0);
		o.data.on_row = rowlists_take, o.data.on_row_arg = &keep;
		options_start(&o, &st);
		if (session_open(&s, &o.data, &st, err, sizeof err) < 0)
			fail_msg("%s", err);
		s.rows_kept = &keep;
		o.data.on_row = NULL; /* --list's own reading below reads the file */
	} else {
		session_from_args(&o, &s, args);
	}
	assert_int_equal(rowsview_open(&rv, &s, o.id, o.show, o.n_show, err, sizeof err), 0);
	for (int cell = 0; cell < ROWS_CELLS; cell++)
		for (size_t k = 0; k < sizeof ts / sizeof ts[0]; k++) {
			struct rowlists rl;

			view_set_threshold(&s.view, ts[k]);
			rv.cell = (enum rowlist_cell)cell;
			assert_int_equal(rowsview_sync(&rv, &s.view, 30), 0);
			listed(&s, &o, (enum rowlist_cell)cell, ts[k], 30, &rl);
			assert_int_equal(rv.total, rl.list[0].total);
			assert_int_equal(rv.n, rl.list[0].n);
			for (size_t i = 0; i < rv.n; i++) {
				if (rv.e[i].line != rl.list[0].row[i].line)
					fail_msg("%s: cell %d at %g, row %zu: line %llu, --list %llu", args, cell, ts[k], i,
						 (unsigned long long)rv.e[i].line, (unsigned long long)rl.list[0].row[i].line);
				assert_true(rv.e[i].score == rl.list[0].row[i].score);
			}
			rowlists_free(&rl);
		}
	/* a record read again is the row's */
	rv.cell = ROWS_FP;
	view_set_threshold(&s.view, 0.5);
	rowsview_sync(&rv, &s.view, 5);
	if (rv.n > 0) {
		assert_int_equal(rowsview_record(&rv), 0);
		assert_true(rv.record.n >= 1);
	}
	rowsview_close(&rv);
	session_close(&s);
	rowlists_free(&keep);
	options_free(&o);
}

static void test_unweighted(void **state)
{
	(void)state;
	compare("-p malignant -l diagnosis -s logreg --id id samples/breast_cancer.csv", false);
	compare("-p yes -l label -s m1 --id id tests/reference/rows/ties_crlf.csv", false);
	compare("-p yes -l label -s m1 --id id --show note tests/reference/rows/ties.csv", true);
}

static void test_weighted(void **state)
{
	(void)state;
	compare("-p yes -l label -s m1 -w w --id id --show note tests/reference/rows/ties.csv", false);
	compare("-p yes -l label -s m1 -w w --id id tests/reference/rows/ties_crlf.csv", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unweighted),
		cmocka_unit_test(test_weighted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
