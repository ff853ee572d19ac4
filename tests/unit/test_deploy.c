/*
 * test_deploy: the deployment questions' edge cases (the reference values
 * on real data are in tests/reference/deploy, checked by tests/cli/deploy.sh):
 * reweighting to a prevalence, KS's tie rule, lift and net benefit where
 * they are undefined, the capacity with ties, and calibration bins exactly
 * as numpy and scikit-learn 1.2 make them.
 */
#include "helpers.h"

#include "core/stats/calib.h"
#include "core/stats/deploy.h"
#include "core/report/explain.h"
#include "core/stats/metrics.h"

/* scores 0.1 0.2 0.2 0.7 0.9 0.3 0.35, labels 0 0 1 1 1 0 1 */
static void build_seven(struct sweep *sw)
{
	double pos[] = { 0.2, 0.7, 0.9, 0.35 }, neg[] = { 0.1, 0.2, 0.3 };

	assert_int_equal(sweep_build(sw, pos, NULL, 4, neg, NULL, 3), 0);
}

static void test_reweight(void **state)
{
	struct sweep sw, d;
	size_t k;

	(void)state;
	build_seven(&sw);
	assert_int_equal(deploy_reweight(&d, &sw, 0.1), 0);
	/* n stays; positives become P n; the AUC is the sample's, exactly */
	assert_true(fabs(d.pos + d.neg - 7) < 1e-12);
	assert_true(fabs(d.pos - 0.7) < 1e-12);
	assert_true(d.roc_auc == sw.roc_auc);
	assert_true(fabs(d.sample_prevalence - 4.0 / 7) < 1e-15);
	assert_true(d.weighted && isnan(sw.sample_prevalence));
	assert_true(fabs(deploy_prevalence(&d) - 0.1) < 1e-12);
	/* every cell scaled by its class's factor: recall and FPR stay */
	for (k = 0; k <= sw.n; k++) {
		struct confusion a = sweep_confusion(&sw, k), b = sweep_confusion(&d, k);

		assert_true(fabs(b.tp - a.tp * 0.1 / (4.0 / 7)) < 1e-12);
		assert_true(fabs(b.fp - a.fp * 0.9 / (3.0 / 7)) < 1e-12);
		assert_true(fabs(metrics_value(METRIC_RECALL, &a) - metrics_value(METRIC_RECALL, &b)) < 1e-12);
	}
	/* precision = TPR P / (TPR P + FPR (1 - P)) at 0.3: TPR 3/4, FPR 1/3 */
	{
		struct confusion b = sweep_at(&d, 0.3);
		double want = 0.75 * 0.1 / (0.75 * 0.1 + (1.0 / 3) * 0.9);

		assert_true(fabs(metrics_value(METRIC_PRECISION, &b) - want) < 1e-12);
	}
	sweep_free(&d);
	/* no prevalence to reach without both classes, or outside (0, 1) */
	assert_int_equal(deploy_reweight(&d, &sw, 0), -1);
	assert_int_equal(deploy_reweight(&d, &sw, 1), -1);
	sweep_free(&sw);
	{
		double pos[] = { 0.2, 0.4 };

		assert_int_equal(sweep_build(&sw, pos, NULL, 2, NULL, NULL, 0), 0);
		assert_int_equal(deploy_reweight(&d, &sw, 0.5), -1);
		sweep_free(&sw);
	}
}

static void test_ks_lift_net_benefit(void **state)
{
	struct sweep sw;
	struct confusion c;
	double ks, t;

	(void)state;
	build_seven(&sw);
	/* TPR - FPR from the top: .9 1/4, .7 2/4, .35 3/4, .3 3/4-1/3, .2 1-2/3,
	 * .1 0: the largest 3/4 first reached at 0.35 */
	deploy_ks(&sw, &ks, &t);
	assert_true(fabs(ks - 0.75) < 1e-15 && t == 0.35);
	/* nothing flagged: no lift; everything: lift 1 */
	c = sweep_confusion(&sw, 0);
	assert_true(isnan(deploy_lift(&sw, &c)));
	c = sweep_confusion(&sw, sw.n);
	assert_true(fabs(deploy_lift(&sw, &c) - 1) < 1e-15);
	/* net benefit at 0.3: TP 3, FP 1 of 7: 3/7 - 1/7 * 0.3/0.7 */
	c = sweep_at(&sw, 0.3);
	assert_true(fabs(deploy_net_benefit(&sw, &c, 0.3) - (3.0 / 7 - 1.0 / 7 * 0.3 / 0.7)) < 1e-15);
	assert_true(fabs(deploy_treat_all(&sw, 0.3) - (4.0 / 7 - 3.0 / 7 * 0.3 / 0.7)) < 1e-15);
	assert_true(isnan(deploy_net_benefit(&sw, &c, 0)) && isnan(deploy_net_benefit(&sw, &c, 1)));
	assert_true(isnan(deploy_treat_all(&sw, 1)));
	sweep_free(&sw);
	/* scores that are not probabilities: no net benefit */
	{
		double pos[] = { 2, 3 }, neg[] = { -1, 0.5 };

		assert_int_equal(sweep_build(&sw, pos, NULL, 2, neg, NULL, 2), 0);
		c = sweep_at(&sw, 0.5);
		assert_true(isnan(deploy_net_benefit(&sw, &c, 0.5)));
		sweep_free(&sw);
	}
	/* every positive below every negative: KS 0, no threshold */
	{
		double pos[] = { 0.1, 0.2 }, neg[] = { 0.6, 0.9 };

		assert_int_equal(sweep_build(&sw, pos, NULL, 2, neg, NULL, 2), 0);
		deploy_ks(&sw, &ks, &t);
		assert_true(ks == 0 && isnan(t));
		sweep_free(&sw);
	}
}

static void test_budget(void **state)
{
	double pos[] = { 0.9, 0.8, 0.8, 0.8 }, neg[] = { 0.95, 0.5, 0.8 };
	struct sweep sw;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 4, neg, NULL, 3), 0);
	/* flagged from the top: 0.95 1, 0.9 2, 0.8 6 (four tie), 0.5 7 */
	assert_int_equal(deploy_budget_k(&sw, 0.5), 0);
	assert_int_equal(deploy_budget_k(&sw, 1), 1);
	assert_int_equal(deploy_budget_k(&sw, 2), 2);
	assert_int_equal(deploy_budget_k(&sw, 5), 2); /* the tie at 0.8 would make it 6 */
	assert_int_equal(deploy_budget_k(&sw, 6), 3);
	assert_int_equal(deploy_budget_k(&sw, 1e9), 4);
	sweep_free(&sw);
}

static void test_calibration(void **state)
{
	struct calib_bin b[10];
	struct calib_summary s;
	double e[11];
	struct sweep sw;
	size_t n;

	(void)state;
	build_seven(&sw);
	/* scikit-learn 1.2: calibration_curve(y, s, n_bins=10) gives prob_true
	 * 0 .5 0 1 1 1 and prob_pred .1 .2 .3 .35 .7 .9: 0.3 sits in (0.2, 0.3] */
	n = calib_curve(&sw, 10, CALIB_UNIFORM, b);
	assert_int_equal(n, 6);
	assert_int_equal(b[0].bin, 1);
	assert_int_equal(b[2].bin, 3);
	assert_true(b[2].mean_predicted == 0.3 && b[2].fraction_positive == 0 && b[2].count == 1);
	assert_true(b[1].fraction_positive == 0.5 && b[1].count == 2);
	assert_int_equal(b[3].bin, 4);
	/* numpy's linspace edges: 3 * 0.1, not 0.3 */
	calib_edges(&sw, 10, CALIB_UNIFORM, e);
	assert_true(e[3] == 3 * 0.1 && e[10] == 1);
	/* quantile: np.percentile(s, [0, 25, 50, 75, 100]) = .1 .2 .3 .525 .9;
	 * prob_true 1/3 0 1 1, prob_pred 1/6 .3 .35 .8 */
	calib_edges(&sw, 4, CALIB_QUANTILE, e);
	assert_true(e[0] == 0.1 && e[1] == 0.2 && e[2] == 0.3 && fabs(e[3] - 0.525) < 1e-15 && e[4] == 0.9);
	n = calib_curve(&sw, 4, CALIB_QUANTILE, b);
	assert_int_equal(n, 4);
	assert_true(fabs(b[0].fraction_positive - 1.0 / 3) < 1e-15 && fabs(b[0].mean_predicted - 0.5 / 3) < 1e-15);
	assert_true(b[1].mean_predicted == 0.3 && b[3].fraction_positive == 1);
	/* ECE over the uniform bins: |0-.1| + 2|.5-.2| + |0-.3| + |1-.35| + |1-.7| + |1-.9|, over 7 */
	n = calib_curve(&sw, 10, CALIB_UNIFORM, b);
	calib_summarise(&sw, b, n, &s);
	assert_true(fabs(s.ece - (0.1 + 0.6 + 0.3 + 0.65 + 0.3 + 0.1) / 7) < 1e-15);
	assert_true(fabs(s.mce - 0.65) < 1e-15);
	assert_true(fabs(s.uncertainty - 4.0 / 7 * 3.0 / 7) < 1e-15);
	/* one bin: everything in it */
	n = calib_curve(&sw, 1, CALIB_UNIFORM, b);
	assert_int_equal(n, 1);
	assert_true(b[0].count == 7 && fabs(b[0].fraction_positive - 4.0 / 7) < 1e-15);
	sweep_free(&sw);
	/* not probabilities: no bins */
	{
		double pos[] = { 2 }, neg[] = { 0.5 };

		assert_int_equal(sweep_build(&sw, pos, NULL, 1, neg, NULL, 1), 0);
		assert_int_equal(calib_curve(&sw, 10, CALIB_UNIFORM, b), 0);
		calib_summarise(&sw, b, 0, &s);
		assert_true(isnan(s.ece) && isnan(s.reliability));
		sweep_free(&sw);
	}
}

/* Weights as repeat counts: the quantile edges of rows weighing 2 are
 * those of each row twice. */
static void test_weighted_quantiles(void **state)
{
	double pos[] = { 0.2, 0.7 }, pw[] = { 2, 2 }, neg[] = { 0.1, 0.4 }, nw[] = { 2, 2 };
	double pos2[] = { 0.2, 0.2, 0.7, 0.7 }, neg2[] = { 0.1, 0.1, 0.4, 0.4 }, e1[6], e2[6];
	struct sweep a, b;
	int i;

	(void)state;
	assert_int_equal(sweep_build(&a, pos, pw, 2, neg, nw, 2), 0);
	assert_int_equal(sweep_build(&b, pos2, NULL, 4, neg2, NULL, 4), 0);
	calib_edges(&a, 5, CALIB_QUANTILE, e1);
	calib_edges(&b, 5, CALIB_QUANTILE, e2);
	for (i = 0; i < 6; i++)
		assert_true(e1[i] == e2[i]);
	sweep_free(&a);
	sweep_free(&b);
}

/* The plain words where deployed: natural frequencies out of as many
 * cases as show 10 positives, the false alarms in words, gains and net
 * benefit read out. */
static void test_words(void **state)
{
	struct explain_input in;
	char buf[4096];

	(void)state;
	memset(&in, 0, sizeof in);
	/* 1,000 (weighted) cases at prevalence 0.001: 1 positive, 0.96 caught;
	 * 14.95 flagged */
	in.now = (struct confusion){ 0.96, 13.99, 985.01, 0.04 };
	in.pos = "fraud";
	in.neg = "legit";
	in.deployed = 0.001;
	in.sample_prevalence = 0.2;
	in.has_lift = 1;
	in.lift = 0.96 / 14.95 / 0.001;
	in.has_net_benefit = 1;
	in.net_benefit = 0.00096 - 0.01399 * 0.1 / 0.9;
	in.treat_all = 0.001 - 0.999 * 0.1 / 0.9;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "Where the model is used, 0.1% of cases are fraud (20% in the data it was tested on).\n"));
	/* out of enough cases that the 0.04 missed are about 10 or more */
	assert_non_null(strstr(buf, "Out of every 1,000,000 cases, about 1,000 are fraud.\n"));
	assert_non_null(strstr(buf, "At this threshold the model flags 14,950 of the 1,000,000: 960 are fraud and 13,990 are legit"));
	assert_non_null(strstr(buf, "It misses 40 of the 1,000 fraud cases.\n"));
	/* 93.6% false: not "9 in 10" (90%), which is more than 3% off */
	assert_non_null(strstr(buf, "94% of the alarms would be false.\n"));
	assert_null(strstr(buf, "In all"));
	assert_non_null(strstr(buf, "Flagging the top 1.495% of cases reaches 96.00% of the fraud ones, 64.21 times what random picks would.\n"));
	/* below zero: harm, not "worth -0.06 true fraud" */
	assert_non_null(strstr(buf, "acting on the model does more harm than good"));
	in.net_benefit = 0.12;
	in.treat_all = 0.05;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "Net benefit 0.1200: at this threshold the model is worth 12.00 true fraud per 100 cases "
				    "with no false ones (flagging everyone: 5.000).\n"));
	/* one in a thousand of the sample: "about 1 is", not "are" */
	in.deployed = 0;
	in.now = (struct confusion){ 1, 0, 999, 0 };
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "Out of every 1,000 cases, about 1 is fraud.\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reweight),
		cmocka_unit_test(test_ks_lift_net_benefit),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_calibration),
		cmocka_unit_test(test_weighted_quantiles),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
