/* test_report: exact numbers, the JSON/CSV/text/Markdown writers (golden
 * output on a small case) and the plain-language summary. */
#include "helpers.h"

#include "core/report/explain.h"
#include "core/base/fmt.h"
#include "core/report/report.h"
#include "core/report/curvefile.h"

static char *capture(void (*fn)(FILE *, const void *), const void *arg)
{
	static char buf[16384];
	FILE *f = fmemopen(buf, sizeof buf, "w");

	assert_non_null(f);
	fn(f, arg);
	fclose(f);
	return buf;
}

static struct sweep sw;
static struct report_model model;
static struct report rep;

static int setup(void **state)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 3, neg, NULL, 4), 0);
	memset(&model, 0, sizeof model);
	model.score = "p\"1";
	model.sw = &sw;
	model.threshold = 0.7;
	memset(&rep, 0, sizeof rep);
	rep.file = "in.csv";
	rep.label = "y";
	rep.positive = "spam";
	rep.negative = "ham";
	rep.pos_words = "spam";
	rep.neg_words = "ham";
	rep.skipped = 2;
	rep.models = &model;
	rep.n_models = 1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sweep_free(&sw);
	return 0;
}

static void write_json(FILE *f, const void *r) { report_write(f, r, FORMAT_JSON); }
static void write_csv(FILE *f, const void *r) { report_write(f, r, FORMAT_CSV); }
static void write_text(FILE *f, const void *r) { report_write(f, r, FORMAT_TEXT); }
static void write_md(FILE *f, const void *r) { report_write(f, r, FORMAT_MARKDOWN); }
static void write_roc_csv(FILE *f, const void *r) { curvefile_write(f, r, CF_ROC, FORMAT_CSV); }
static void write_pr_json(FILE *f, const void *r) { curvefile_write(f, r, CF_PR, FORMAT_JSON); }

static void test_exact(void **state)
{
	static const double v[] = { 0.1, 1.0 / 3, 2.0 / 3, 1e-300, 123456789.125, 0.5, 5e-324, 1.7976931348623157e308 };
	char buf[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_true(strtod(fmt_exact(buf, sizeof buf, v[i]), NULL) == v[i]);
	assert_string_equal(fmt_exact(buf, sizeof buf, 0.1), "0.1");
	assert_string_equal(fmt_exact(buf, sizeof buf, 212), "212");
	assert_string_equal(fmt_exact(buf, sizeof buf, INFINITY), "inf");
	assert_string_equal(fmt_exact(buf, sizeof buf, NAN), "nan");
}

static void test_json(void **state)
{
	const char *expected =
		"{\n"
		"  \"file\": \"in.csv\",\n"
		"  \"label\": \"y\",\n"
		"  \"score\": \"p\\\"1\",\n"
		"  \"positive\": \"spam\",\n"
		"  \"negative\": \"ham\",\n"
		"  \"n\": 7,\n"
		"  \"positives\": 3,\n"
		"  \"negatives\": 4,\n"
		"  \"skipped\": 2,\n"
		"  \"threshold\": 0.7,\n"
		"  \"tp\": 2,\n"
		"  \"fp\": 1,\n"
		"  \"tn\": 3,\n"
		"  \"fn\": 1,\n"
		"  \"precision\": 0.6666666666666666,\n"
		"  \"recall\": 0.6666666666666666,\n"
		"  \"specificity\": 0.75,\n"
		"  \"npv\": 0.75,\n"
		"  \"fpr\": 0.25,\n"
		"  \"fnr\": 0.3333333333333333,\n"
		"  \"f1\": 0.6666666666666666,\n"
		"  \"accuracy\": 0.7142857142857143,\n"
		"  \"balanced_accuracy\": 0.7083333333333333,\n"
		"  \"mcc\": 0.41666666666666663,\n"
		"  \"youden_j\": 0.4166666666666665,\n"
		"  \"predicted_positive_rate\": 0.42857142857142855,\n"
		"  \"roc_auc\": 0.875,\n"
		"  \"average_precision\": 0.8666666666666667,\n"
		"  \"log_loss\": 0.4697281848443077,\n"
		"  \"brier\": 0.15857142857142859,\n"
		/* checked by hand: lift (2/3)/(3/7), KS 2/3 at 0.8, net benefit 2/7 - 1/7 * 7/3,
		 * ECE 1.5/7 over six one-score bins */
		"  \"prevalence\": 0.42857142857142855,\n"
		"  \"sample_prevalence\": 0.42857142857142855,\n"
		"  \"lift\": 1.5555555555555556,\n"
		"  \"ks\": 0.6666666666666666,\n"
		"  \"ks_threshold\": 0.8,\n"
		"  \"net_benefit\": -0.04761904761904756,\n"
		"  \"net_benefit_treat_all\": -0.9047619047619044,\n"
		"  \"ece\": 0.21428571428571427,\n"
		"  \"mce\": 0.7,\n"
		"  \"brier_reliability\": 0.08714285714285713,\n"
		"  \"brier_resolution\": 0.173469387755102,\n"
		"  \"brier_uncertainty\": 0.24489795918367344,\n"
		/* Wilson (statsmodels gives the same to 1e-15) and DeLong (pROC:
		 * se 0.14829275350043486, ci 0.58435154397087175 to 1) */
		"  \"conf_level\": 0.95,\n"
		"  \"precision_ci\": [0.2076596008020477, 0.9385080552796037],\n"
		"  \"recall_ci\": [0.2076596008020477, 0.9385080552796037],\n"
		"  \"specificity_ci\": [0.300641842582402, 0.9544127391902995],\n"
		"  \"npv_ci\": [0.300641842582402, 0.9544127391902995],\n"
		"  \"fpr_ci\": [0.0455872608097006, 0.699358157417598],\n"
		"  \"fnr_ci\": [0.06149194472039621, 0.7923403991979522],\n"
		"  \"accuracy_ci\": [0.3589344518326193, 0.9177810759959432],\n"
		"  \"predicted_positive_rate_ci\": [0.1582198552514697, 0.7495416354723428],\n"
		"  \"roc_auc_se\": 0.1482927535004349,\n"
		"  \"roc_auc_ci\": [0.5843515439708716, 1]\n"
		"}\n";
	char *out;

	(void)state;
	out = capture(write_json, &rep);
	assert_string_equal(out, expected);
	/* nothing flagged: threshold and precision are null */
	model.threshold = INFINITY;
	out = capture(write_json, &rep);
	assert_non_null(strstr(out, "\"threshold\": null,\n"));
	assert_non_null(strstr(out, "\"precision\": null,\n"));
	assert_non_null(strstr(out, "\"mcc\": null,\n"));
	model.threshold = 0.7;
	/* with an objective */
	model.objective = "f1";
	model.value = 0.8;
	out = capture(write_json, &rep);
	assert_non_null(strstr(out, "\"objective\": \"f1\",\n  \"value\": 0.8\n}"));
	model.objective = NULL;
	/* control characters and bad UTF-8 from the data stay valid JSON,
	 * escaped as every output shows them, apart from a literal escape */
	rep.file = "a\x1b\xff\xc3\xa9\\x1b";
	out = capture(write_json, &rep);
	assert_non_null(strstr(out, "\"file\": \"a\\\\x1b\\\\xff\xc3\xa9\\\\\\\\x1b\""));
	rep.file = "in.csv";
}

static void test_csv(void **state)
{
	char *out;

	(void)state;
	out = capture(write_csv, &rep);
	assert_int_equal(strncmp(out, "file,label,score,positive,negative,n,positives,negatives,skipped,threshold,tp,fp,tn,fn,precision,", 96), 0);
	assert_non_null(strstr(out, "\nin.csv,y,\"p\"\"1\",spam,ham,7,3,4,2,0.7,2,1,3,1,0.6666666666666666,"));
}

static void test_text_and_markdown(void **state)
{
	char *out;

	(void)state;
	out = capture(write_text, &rep);
	assert_non_null(strstr(out, "cutoff report: in.csv\n"));
	assert_non_null(strstr(out, "threshold  0.7: scores >= 0.7 are flagged as spam\n"));
	assert_non_null(strstr(out, "actual   spam          2         1         3\n"));
	assert_non_null(strstr(out, "         ham           1         3         4\n"));
	assert_non_null(strstr(out, "precision         0.6667      recall            0.6667      specificity       0.7500\n"));
	assert_non_null(strstr(out, "Of 3 spam cases, this threshold catches 2 (66.7%) and misses 1;\n1 of its 3 alarms is false (ham).\n"));
	assert_null(strstr(out, " \n")); /* no trailing blanks */
	/* wide counts keep their columns apart */
	{
		double p2[] = { 0.9 }, w2[] = { 12345678 }, n2[] = { 0.1 }, nw2[] = { 987654321 };
		struct sweep big;
		struct report_model bm = model;
		struct report br = rep;

		assert_int_equal(sweep_build(&big, p2, w2, 1, n2, nw2, 1), 0);
		bm.sw = &big;
		br.models = &bm;
		out = capture(write_text, &br);
		assert_non_null(strstr(out, "  12,345,678  987,654,321  999,999,999\n"));
		sweep_free(&big);
	}
	out = capture(write_md, &rep);
	assert_non_null(strstr(out, "| **actual spam** | 2 | 1 | 3 |\n"));
	assert_non_null(strstr(out, "| precision | 0.6667 | 0.2077-0.9385 |\n"));
	assert_non_null(strstr(out, "### p\"1 at threshold 0.7\n"));
}

static void test_curves(void **state)
{
	char *out;

	(void)state;
	out = capture(write_roc_csv, &rep);
	assert_string_equal(out, "threshold,fpr,tpr\ninf,0,0\n0.9,0,0.3333333333333333\n0.8,0,0.6666666666666666\n"
				 "0.7,0.25,0.6666666666666666\n0.4,0.5,1\n0.2,0.75,1\n0.1,1,1\n");
	out = capture(write_pr_json, &rep);
	assert_non_null(strstr(out, "\"curve\": \"pr\",\n  \"threshold\": [0.9,0.8,0.7,0.4,0.2,0.1],\n  \"recall\": [0.3333333333333333,"));
}

static void test_explain(void **state)
{
	char buf[256], n[32];
	struct confusion c = { 199, 8, 349, 13 };

	(void)state;
	explain_summary(buf, sizeof buf, &c, "malignant", "benign", NULL);
	assert_string_equal(buf, "Of 212 malignant cases, this threshold catches 199 (93.9%) and misses 13;\n"
				 "8 of its 207 alarms are false (benign).");
	c = (struct confusion){ 0, 0, 10, 5 };
	explain_summary(buf, sizeof buf, &c, "fraud", NULL, NULL);
	assert_string_equal(buf, "Of 5 fraud cases, this threshold catches none of them;\nit raises no alarms.");
	c = (struct confusion){ 1, 0, 10, 0 };
	explain_summary(buf, sizeof buf, &c, "fraud", NULL, NULL);
	assert_string_equal(buf, "Of 1 fraud case, this threshold catches all of them;\nnone of its 1 alarm is false.");
	c = (struct confusion){ 0, 4, 10, 0 };
	explain_summary(buf, sizeof buf, &c, "fraud", "legit", NULL);
	assert_string_equal(buf, "There are no fraud cases;\nall 4 of its alarms are false.");
	assert_string_equal(fmt_count(n, sizeof n, 1234567), "1,234,567");
	assert_string_equal(fmt_count(n, sizeof n, 999), "999");
	assert_string_equal(fmt_count(n, sizeof n, 12.25), "12.25");
	assert_string_equal(fmt_count(n, sizeof n, NAN), "n/a");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_text_and_markdown),
		cmocka_unit_test(test_curves),
		cmocka_unit_test(test_explain),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
