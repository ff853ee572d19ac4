/* test_dataset: the loader's detection rules, inputs and bad-input cases. */
#include "helpers.h"

#include "core/load/row.h"

#include <fcntl.h>
#include <sys/stat.h>

static char err[1024];

/* Positives' and negatives' counts of model i. */
static void assert_classes(const struct dataset *ds, size_t i, size_t pos, size_t neg)
{
	assert_true(i < ds->n_models);
	if (ds->models[i].n_pos != pos || ds->models[i].n_neg != neg)
		fail_msg("model %zu: %zu positives, %zu negatives; expected %zu, %zu", i,
			 ds->models[i].n_pos, ds->models[i].n_neg, pos, neg);
}

static int has_note(const struct dataset *ds, const char *part)
{
	size_t i;

	for (i = 0; i < ds->n_notes; i++)
		if (strstr(ds->notes[i], part) != NULL)
			return 1;
	return 0;
}

static struct dataset *must_load(const char *text, struct dataset_options *o)
{
	struct dataset *ds = load_text(text, o, err, sizeof err);

	if (ds == NULL)
		fail_msg("load failed: %s", err);
	return ds;
}

static void must_fail(const char *text, struct dataset_options *o, const char *msg_part)
{
	struct dataset *ds = load_text(text, o, err, sizeof err);

	if (ds != NULL) {
		dataset_free(ds);
		fail_msg("loaded, expected an error with '%s'", msg_part);
	}
	if (strstr(err, msg_part) == NULL)
		fail_msg("error '%s' lacks '%s'", err, msg_part);
}

/* ---- delimiter, header, BOM, stdin ---------------------------------------- */

static void test_delimiters(void **state)
{
	static const char *const texts[] = {
		"label,score\n1,0.9\n0,0.2\n0,0.4\n",
		"label\tscore\n1\t0.9\n0\t0.2\n0\t0.4\n",
		"label;score\n1;0,9\n0;0,2\n0;0.4\n", /* decimal commas are not numbers */
		"label|score\n1|0.9\n0|0.2\n0|0.4\n",
	};
	struct dataset_options o = default_options();
	struct dataset *ds;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		o = default_options();
		ds = load_text(texts[i], &o, err, sizeof err);
		if (i == 2) {
			/* ';' is found, but "0,9" is no number: two rows skipped */
			assert_non_null(ds);
			assert_int_equal(ds->skipped, 2);
			assert_classes(ds, 0, 0, 1);
		} else {
			assert_non_null(ds);
			assert_classes(ds, 0, 1, 2);
			assert_int_equal(ds->skipped, 0);
		}
		dataset_free(ds);
	}
	/* a forced delimiter wins over detection */
	o = default_options();
	o.delimiter = ';';
	ds = must_load("a,b;label;score\nx,y;1;0.5\nz;0;0.25\n", &o);
	assert_classes(ds, 0, 1, 1);
	dataset_free(ds);
	/* quoted delimiters do not count */
	o = default_options();
	ds = must_load("name,label,score\n\"a,b,c\",1,0.5\n\"d,e\",0,0.25\n", &o);
	assert_classes(ds, 0, 1, 1);
	dataset_free(ds);
}

static void test_header_detection(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	ds = must_load("1,0.9\n0,0.1\n1,0.7\n", &o);
	assert_classes(ds, 0, 2, 1);
	assert_string_equal(ds->models[0].name, "column 2");
	dataset_free(ds);

	/* --header: the first row is names even if numeric */
	o = default_options();
	o.header = 1;
	o.label = "1";
	o.scores = (const char *const[]){ "0.9" };
	o.n_scores = 1;
	ds = must_load("1,0.9\n0,0.1\n1,0.7\n", &o);
	assert_classes(ds, 0, 1, 1);
	dataset_free(ds);

	/* --no-header: the names row is then data; "score" is no number and
	 * "label" no label value, which needs --positive */
	o = default_options();
	o.header = 0;
	o.label = "1";
	o.scores = (const char *const[]){ "2" };
	o.n_scores = 1;
	must_fail("label,score\n1,0.9\n0,0.1\n", &o, "(values: label, 1, 0)");
	o.positive = "1";
	ds = must_load("label,score\n1,0.9\n0,0.1\n", &o);
	assert_classes(ds, 0, 1, 1);
	assert_int_equal(ds->skipped, 1);
	dataset_free(ds);
}

static void test_bom_and_crlf(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	o.label = "label";
	ds = must_load("\xef\xbb\xbflabel,score\r\n1,0.9\r\n0,0.1\r\n\r\n0,0.3\r\n", &o);
	assert_classes(ds, 0, 1, 2);
	assert_string_equal(ds->label_name, "label");
	dataset_free(ds);
}

static void test_stdin(void **state)
{
	const char *text = "y,p\n1,0.8\n0,0.3\n";
	const char *path = tmp_file(text, strlen(text));
	struct dataset_options o = default_options();
	struct dataset *ds = NULL;
	int saved = dup(0), fd = open(path, O_RDONLY);

	(void)state;
	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, 0);
	close(fd);
	o.path = "-";
	assert_int_equal(dataset_load(&o, &ds, err, sizeof err), 0);
	dup2(saved, 0);
	close(saved);
	unlink(path);
	assert_string_equal(ds->source, "<stdin>");
	assert_classes(ds, 0, 1, 1);
	dataset_free(ds);
}

/* ---- columns ---------------------------------------------------------------- */

static void test_columns_by_name_and_index(void **state)
{
	const char *text = "id,truth,m1,m2\n1,1,0.9,0.6\n2,0,0.2,0.7\n3,0,0.1,0.1\n";
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	o.label = "2";
	o.scores = (const char *const[]){ "m2", "3" };
	o.n_scores = 2;
	ds = must_load(text, &o);
	assert_int_equal(ds->n_models, 2);
	assert_string_equal(ds->models[0].name, "m2");
	assert_string_equal(ds->models[1].name, "m1");
	assert_classes(ds, 1, 1, 2);
	assert_true(ds->models[0].pos[0] == 0.6);
	assert_int_equal(ds->n_notes, 0); /* nothing guessed */
	dataset_free(ds);

	o = default_options();
	o.label = "nope";
	must_fail(text, &o, "no label column named 'nope' (columns: id, truth, m1, m2)");
	o = default_options();
	o.scores = (const char *const[]){ "9" };
	o.n_scores = 1;
	must_fail(text, &o, "score column 9 is out of range (the file has 4 columns)");
	o = default_options();
	o.label = "truth";
	o.scores = (const char *const[]){ "truth" };
	o.n_scores = 1;
	must_fail(text, &o, "cannot be a score and another role");
	o = default_options();
	o.scores = (const char *const[]){ "a" };
	o.n_scores = 1;
	must_fail("a,a,label\n0.1,0.2,1\n", &o, "ambiguous");
	o = default_options();
	o.label = "label";
	must_fail("1,0.5\n0,0.2\n", &o, "the file has no header; give a 1-based index");
}

static void test_label_detection(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	/* by name, before any other column */
	ds = must_load("flag,target,score\n1,0,0.2\n0,1,0.9\n1,1,0.4\n", &o);
	assert_string_equal(ds->label_name, "target");
	/* usual names are not guesses: no note */
	assert_false(has_note(ds, "guessed"));
	dataset_free(ds);

	/* else the first column with exactly two label-like values (not an id) */
	o = default_options();
	o.positive = "malignant";
	ds = must_load("id,diagnosis,logreg\n1,malignant,0.9\n2,benign,0.2\n3,benign,0.3\n", &o);
	assert_string_equal(ds->label_name, "diagnosis");
	assert_string_equal(ds->models[0].name, "logreg");
	assert_classes(ds, 0, 1, 2);
	dataset_free(ds);

	o = default_options();
	ds = must_load("is_eight,x\n0,0.3\n1,0.8\n0,0.1\n", &o);
	assert_string_equal(ds->label_name, "is_eight");
	assert_true(has_note(ds, "(values 0, 1)"));
	dataset_free(ds);

	/* only one class in the sample still makes a label column */
	o = default_options();
	ds = must_load("a,b\n1,0.5\n1,0.25\n", &o);
	assert_string_equal(ds->label_name, "a");
	dataset_free(ds);

	o = default_options();
	must_fail("a,b\n0.1,0.5\n0.2,0.25\n0.3,0.7\n", &o, "cannot tell which column holds the labels; name it with --label");
}

static void test_score_detection(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	/* by name */
	ds = must_load("label,other,proba\n1,0.1,0.9\n0,0.5,0.2\n", &o);
	assert_string_equal(ds->models[0].name, "proba");
	assert_false(has_note(ds, "score column 'proba'"));
	dataset_free(ds);
	/* else the first numeric column, passing over ids and counters */
	o = default_options();
	ds = must_load("label,row_id,name,m\n1,10,a,0.9\n0,11,b,0.2\n1,12,c,0.7\n", &o);
	assert_string_equal(ds->models[0].name, "m");
	assert_true(has_note(ds, "guessed score column 'm'"));
	dataset_free(ds);
	o = default_options();
	ds = must_load("1,1,x,0.9\n0,2,y,0.2\n1,3,z,0.6\n", &o);
	assert_string_equal(ds->models[0].name, "column 4");
	dataset_free(ds);
	o = default_options();
	must_fail("label,name\n1,a\n0,b\n", &o, "cannot tell which column holds the scores");
}

/* ---- labels ------------------------------------------------------------------ */

static void test_labels(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	ds = must_load("label,score\nyes,0.9\nNo,0.2\n TRUE ,0.5\nf,0.3\n-1,0.1\n+1,0.8\n", &o);
	assert_classes(ds, 0, 3, 3);
	assert_string_equal(ds->positive_name, "yes");
	assert_string_equal(ds->negative_name, "No");
	dataset_free(ds);

	o = default_options();
	must_fail("label,score\ncat,0.9\ndog,0.2\nbird,0.5\n", &o,
		  "say which value is positive with --positive (values: cat, dog, bird)");
	o = default_options();
	must_fail("label,score\n0,0.9\n1,0.2\n2,0.5\n", &o, "(values: 0, 1, 2)");

	/* one-vs-rest: --positive is exact after trimming, case-sensitive */
	o = default_options();
	o.positive = "dog";
	ds = must_load("label,score\ncat,0.9\n dog ,0.2\nbird,0.5\nDog,0.4\n", &o);
	assert_classes(ds, 0, 1, 3);
	assert_string_equal(ds->negative_name, "other");
	dataset_free(ds);

	o = default_options();
	o.positive = "7";
	o.label = "label";
	ds = must_load("label,score\n1,0.9\n0,0.2\n", &o);
	assert_classes(ds, 0, 0, 2);
	assert_true(has_note(ds, "no row has the positive label '7'"));
	dataset_free(ds);
}

/* ---- weights and counts ---------------------------------------------------------- */

static void test_weights(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	o.weight = "w";
	ds = must_load("label,score,w\n1,0.9,2\n0,0.2,0.5\n0,0.3,0\n1,0.4,-1\n1,0.4,x\n0,0.1,\n", &o);
	assert_true(ds->weighted);
	assert_classes(ds, 0, 1, 2);
	assert_true(ds->models[0].pos_w[0] == 2 && ds->models[0].neg_w[0] == 0.5);
	assert_int_equal(ds->skipped, 3);
	assert_true(has_note(ds, ":5: skipped: negative weight '-1' in column 'w'"));
	assert_true(has_note(ds, ":6: skipped: unparsable weight 'x'"));
	assert_true(has_note(ds, ":7: skipped: missing weight"));
	dataset_free(ds);
}

static void test_counts(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;
	struct sweep a, b;

	(void)state;
	o.counts_pos = "pos";
	o.counts_neg = "neg";
	ds = must_load("score,pos,neg\n0.9,3,1\n0.5,0,2\n0.1,1,0\n", &o);
	assert_classes(ds, 0, 2, 2);
	assert_null(ds->label_name);
	build_sweep(ds, 0, &a);
	dataset_free(ds);

	/* the same data, one row per case */
	o = default_options();
	ds = must_load("label,score\n1,0.9\n1,0.9\n1,0.9\n0,0.9\n0,0.5\n0,0.5\n1,0.1\n", &o);
	build_sweep(ds, 0, &b);
	dataset_free(ds);
	assert_int_equal(a.n, b.n);
	for (size_t k = 0; k < a.n; k++) {
		assert_true(a.score[k] == b.score[k]);
		assert_true(sweep_pos(&a, k) == sweep_pos(&b, k));
		assert_true(sweep_neg(&a, k) == sweep_neg(&b, k));
	}
	assert_true(a.roc_auc == b.roc_auc && a.average_precision == b.average_precision);
	sweep_free(&a);
	sweep_free(&b);

	/* huge counts stay exact well past 2^31 */
	o = default_options();
	o.counts_pos = "pos";
	o.counts_neg = "neg";
	ds = must_load("score,pos,neg\n0.9,3000000000,1\n0.1,1,5000000000\n", &o);
	build_sweep(ds, 0, &a);
	assert_true(a.pos == 3000000001.0 && a.neg == 5000000001.0);
	sweep_free(&a);
	dataset_free(ds);
}

/* ---- bad rows ---------------------------------------------------------------------- */

static void test_bad_rows_skipped(void **state)
{
	const char *text =
		"label,score\n"      /* 1 */
		"1,0.9\n"            /* 2 */
		"0,\n"               /* 3 empty score */
		"0,NA\n"             /* 4 */
		"1,NaN\n"            /* 5 */
		"1,inf\n"            /* 6 */
		"0,abc\n"            /* 7 */
		",0.5\n"             /* 8 missing label */
		"\n"                 /* 9 blank: ignored */
		"1\n"                /* 10 too few fields */
		"\"0\",\"0.25\"\n"   /* 11 quoted: fine */
		"0,\"0.\n5\"\n"      /* 12-13 embedded newline: unparsable */
		"1,-inf\n"           /* 14 */
		"0,0.3\n";           /* 15 */
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	ds = must_load(text, &o);
	assert_classes(ds, 0, 1, 2);
	assert_int_equal(ds->skipped, 9);
	assert_int_equal(ds->rows, 3);
	assert_true(has_note(ds, ":3: skipped: missing score in column 'score'"));
	assert_true(has_note(ds, ":4: skipped: missing score"));
	assert_true(has_note(ds, ":5: skipped: missing score"));
	assert_true(has_note(ds, ":6: skipped: infinite score"));
	assert_true(has_note(ds, ":7: skipped: unparsable score 'abc' in column 'score'"));
	assert_false(has_note(ds, ":8:")); /* only the first five are named */
	assert_true(has_note(ds, "9 rows skipped"));
	dataset_free(ds);

	/* line numbers past quoted newlines, CRLF and blank lines */
	o = default_options();
	ds = must_load("label,score,note\r\n1,0.5,\"a\r\nb\"\r\n\r\n0,x,c\r\n1\r\n", &o);
	assert_true(has_note(ds, ":5: skipped: unparsable score 'x'"));
	assert_true(has_note(ds, ":6: skipped: 1 field, expected at least 2"));
	dataset_free(ds);

	/* a lone CR ends a line too */
	o = default_options();
	ds = must_load("label,score\r1,0.5\r0,bad\r0,0.1\r", &o);
	assert_true(has_note(ds, ":3: skipped: unparsable score 'bad'"));
	dataset_free(ds);
}

static void test_strict(void **state)
{
	struct dataset_options o = default_options();

	(void)state;
	o.strict = true;
	must_fail("label,score\n1,0.9\n\n0,oops\n1,0.2\n", &o, ":4: unparsable score 'oops' in column 'score' (--strict)");
	o = default_options();
	o.strict = true;
	must_fail("label,score\n1,0.9\nNA,0.5\n", &o, ":3: missing label in column 'label' (--strict)");
}

static void test_unterminated_quote(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	ds = must_load("label,score\n1,0.9\n0,0.1\n1,\"0.5\n", &o);
	assert_int_equal(ds->skipped, 1);
	assert_true(has_note(ds, ":4: skipped: unterminated quoted field at end of file"));
	assert_classes(ds, 0, 1, 1);
	dataset_free(ds);
}

static void test_data_errors(void **state)
{
	struct dataset_options o = default_options();
	struct dataset *ds = NULL;
	char dir[] = "/tmp/cutoff-test-dirXXXXXX";

	(void)state;
	must_fail("", &o, "no data");
	must_fail("\n\n\n", &o, "no data");
	must_fail("label,score\n", &o, "no data rows after the header");
	must_fail("label,score\n1,x\n0,y\n", &o, "no usable rows (2 skipped; the first, line 2: unparsable score 'x' in column 'score')");
	o.path = "/nonexistent/file.csv";
	assert_int_equal(dataset_load(&o, &ds, err, sizeof err), -1);
	assert_string_equal(err, "/nonexistent/file.csv: No such file or directory");
	assert_non_null(mkdtemp(dir));
	o.path = dir;
	assert_int_equal(dataset_load(&o, &ds, err, sizeof err), -1);
	assert_non_null(strstr(err, "is a directory"));
	rmdir(dir);
	assert_null(ds);
}

/* Many rows through the streaming path (past the detection sample). */
static void test_many_rows(void **state)
{
	size_t n = 50000, i, len = 0;
	char *text = malloc(n * 24 + 32);
	struct dataset_options o = default_options();
	struct dataset *ds;

	(void)state;
	len += (size_t)sprintf(text, "label,score\n");
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "%d,%zu.%03zu\n", (int)(i % 3 == 0), i % 1000, i % 7);
	ds = must_load(text, &o);
	free(text);
	assert_int_equal(ds->rows, n);
	assert_classes(ds, 0, (n + 2) / 3, n - (n + 2) / 3);
	assert_true(ds->models[0].max == 999.006 || ds->models[0].max > 998);
	dataset_free(ds);
}

static uint64_t counted_calls;

static uint64_t count_ten(void *ctx)
{
	(void)ctx;
	counted_calls++;
	return 10;
}

/* A mid-file reader's lines: counted from its start, the lines before it
 * added when a message first names one, and counted only that once. */
static void test_row_line_base(void **state)
{
	struct row_base base = { count_ten, NULL, 0, false };
	struct row r = { .line = 3 };

	(void)state;
	assert_int_equal(row_line(&r), 3);
	r.base = &base;
	assert_int_equal(counted_calls, 0);
	assert_int_equal(row_line(&r), 13);
	r.line = 7;
	assert_int_equal(row_line(&r), 17);
	assert_int_equal(row_base_line(&base, 1), 11);
	assert_int_equal(counted_calls, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_header_detection),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_columns_by_name_and_index),
		cmocka_unit_test(test_label_detection),
		cmocka_unit_test(test_score_detection),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_bad_rows_skipped),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_row_line_base),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
