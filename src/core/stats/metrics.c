/*
 * metrics: definitions follow scikit-learn's, except that an undefined
 * value is NaN rather than 0 with a warning.
 */
#include "core/stats/metrics.h"

#include <math.h>

const struct metric_info metric_table[METRIC_COUNT] = {
	[METRIC_PRECISION] = { "precision", "precision", "PPV" },
	[METRIC_RECALL] = { "recall", "recall", "TPR" },
	[METRIC_SPECIFICITY] = { "specificity", "specificity", "TNR" },
	[METRIC_NPV] = { "npv", "NPV", "" },
	[METRIC_FPR] = { "fpr", "FPR", "" },
	[METRIC_FNR] = { "fnr", "FNR", "" },
	[METRIC_F1] = { "f1", "F1", "" },
	[METRIC_ACCURACY] = { "accuracy", "accuracy", "" },
	[METRIC_BALANCED_ACCURACY] = { "balanced_accuracy", "balanced accuracy", "" },
	[METRIC_MCC] = { "mcc", "MCC", "" },
	[METRIC_YOUDEN_J] = { "youden_j", "Youden's J", "" },
	[METRIC_PREDICTED_POSITIVE_RATE] = { "predicted_positive_rate", "flagged", "queue rate" },
};

static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

static double mcc(const struct confusion *c)
{
	double n = c->tp + c->fp + c->tn + c->fn;
	double tp, fp, tn, fn, a, b, d, e;

	if (!(n > 0))
		return NAN;
	/* scale to fractions first: the product of four margins of large
	 * weighted counts would overflow */
	tp = c->tp / n, fp = c->fp / n, tn = c->tn / n, fn = c->fn / n;
	a = tp + fp, b = tp + fn, d = tn + fp, e = tn + fn;
	if (a <= 0 || b <= 0 || d <= 0 || e <= 0)
		return NAN;
	return (tp * tn - fp * fn) / sqrt(a * b * d * e);
}

double metrics_value(enum metric m, const struct confusion *c)
{
	double pos = c->tp + c->fn, neg = c->tn + c->fp, n = pos + neg;

	switch (m) {
	case METRIC_PRECISION:
		return ratio(c->tp, c->tp + c->fp);
	case METRIC_RECALL:
		return ratio(c->tp, pos);
	case METRIC_SPECIFICITY:
		return ratio(c->tn, neg);
	case METRIC_NPV:
		return ratio(c->tn, c->tn + c->fn);
	case METRIC_FPR:
		return ratio(c->fp, neg);
	case METRIC_FNR:
		return ratio(c->fn, pos);
	case METRIC_F1:
		return ratio(2 * c->tp, 2 * c->tp + c->fp + c->fn);
	case METRIC_ACCURACY:
		return ratio(c->tp + c->tn, n);
	case METRIC_BALANCED_ACCURACY:
		return pos > 0 && neg > 0 ? (c->tp / pos + c->tn / neg) / 2 : NAN;
	case METRIC_MCC:
		return mcc(c);
	case METRIC_YOUDEN_J:
		return pos > 0 && neg > 0 ? c->tp / pos + c->tn / neg - 1 : NAN;
	case METRIC_PREDICTED_POSITIVE_RATE:
		return ratio(c->tp + c->fp, n);
	case METRIC_COUNT:
		break;
	}
	return NAN;
}

double metrics_fbeta(const struct confusion *c, double beta)
{
	double b2 = beta * beta, inv;

	if (b2 <= 1e100)
		return ratio((1 + b2) * c->tp, (1 + b2) * c->tp + b2 * c->fn + c->fp);
	/* a huge beta (b2 may be inf): the same ratio divided through by b2,
	 * which tends to recall instead of overflowing to NaN */
	inv = 1 / b2;
	return ratio((1 + inv) * c->tp, (1 + inv) * c->tp + c->fn + inv * c->fp);
}
