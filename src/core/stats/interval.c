/*
 * interval: Wilson intervals, the normal quantile and DeLong's AUC variance.
 */
#include "core/stats/interval.h"

#include <math.h>
#include <stdbool.h>

double interval_quantile(double p)
{
	/* Acklam's rational approximation (relative error 1.15e-9) */
	static const double a[6] = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
				     1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
	static const double b[5] = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
				     6.680131188771972e+01, -1.328068155288572e+01 };
	static const double c[6] = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
				     -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
	static const double d[4] = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
				     3.754408661907416e+00 };
	double q, r, x, e, u;

	if (!(p > 0 && p < 1))
		return NAN;
	if (p < 0.02425) {
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p > 1 - 0.02425) {
		q = sqrt(-2 * log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else {
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
		    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}
	/* one step of Halley's method on the exact CDF, 0.5 erfc(-x / sqrt 2) */
	e = 0.5 * erfc(-x / sqrt(2)) - p;
	u = e * 2.5066282746310002 * exp(x * x / 2); /* sqrt(2 pi) */
	return x - u / (1 + x * u / 2);
}

double interval_z(double level)
{
	return interval_quantile(1 - (1 - level) / 2);
}

int interval_wilson(double x, double n, double z, double *lo, double *hi)
{
	double p, z2, centre, half;

	if (!(n > 0)) {
		*lo = *hi = NAN;
		return -1;
	}
	p = x / n;
	z2 = z * z;
	centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	half = z / (1 + z2 / n) * sqrt(p * (1 - p) / n + z2 / (4 * n * n));
	/* the formula can give -1e-17 at x = 0 (and 1 - 1e-17 at x = n)
	 * where the exact ends are 0 and 1 */
	*lo = x <= 0 ? 0 : fmax(0, centre - half);
	*hi = x >= n ? 1 : fmin(1, centre + half);
	return 0;
}

int interval_rate(enum metric m, const struct confusion *c, double z, double *lo, double *hi)
{
	double x, n;

	switch (m) {
	case METRIC_PRECISION: x = c->tp, n = c->tp + c->fp; break;
	case METRIC_RECALL: x = c->tp, n = c->tp + c->fn; break;
	case METRIC_SPECIFICITY: x = c->tn, n = c->tn + c->fp; break;
	case METRIC_NPV: x = c->tn, n = c->tn + c->fn; break;
	case METRIC_FPR: x = c->fp, n = c->fp + c->tn; break;
	case METRIC_FNR: x = c->fn, n = c->fn + c->tp; break;
	case METRIC_ACCURACY: x = c->tp + c->tn, n = c->tp + c->tn + c->fp + c->fn; break;
	case METRIC_PREDICTED_POSITIVE_RATE: x = c->tp + c->fp, n = c->tp + c->tn + c->fp + c->fn; break;
	default:
		*lo = *hi = NAN;
		return -1;
	}
	return interval_wilson(x, n, z, lo, hi);
}

int interval_delong_se(const struct sweep *sw, double *se)
{
	double m = sw->pos, n = sw->neg, auc = sw->roc_auc, s10 = 0, s01 = 0, prev_p = 0, prev_n = 0;
	size_t k;

	*se = NAN;
	if (sw->weighted || !(m >= 2 && n >= 2) || isnan(auc))
		return -1;
	for (k = 0; k < sw->n; k++) {
		double wp = sweep_pos(sw, k) - prev_p, wn = sweep_neg(sw, k) - prev_n;

		/* a positive here: the negatives below it, ties 1/2, as a share */
		if (wp > 0) {
			double v10 = (n - sweep_neg(sw, k) + wn / 2) / n - auc;

			s10 += wp * v10 * v10;
		}
		/* a negative here: the positives above it, ties 1/2 */
		if (wn > 0) {
			double v01 = (prev_p + wp / 2) / m - auc;

			s01 += wn * v01 * v01;
		}
		prev_p = sweep_pos(sw, k);
		prev_n = sweep_neg(sw, k);
	}
	*se = sqrt(s10 / (m - 1) / m + s01 / (n - 1) / n);
	return 0;
}

/* A positive's placement: the share of negatives below its score, ties
 * counting 1/2; a negative's: the share of positives above, ties 1/2. */
static double placement(const struct sweep *sw, double s, bool positive)
{
	size_t k = sweep_index(sw, s); /* score[k - 1] == s */
	double at_or_above_p = sweep_pos(sw, k - 1), at_or_above_n = sweep_neg(sw, k - 1);
	double above_p = k > 1 ? sweep_pos(sw, k - 2) : 0, above_n = k > 1 ? sweep_neg(sw, k - 2) : 0;

	if (positive)
		return (sw->neg - at_or_above_n + (at_or_above_n - above_n) / 2) / sw->neg;
	return (above_p + (at_or_above_p - above_p) / 2) / sw->pos;
}

void interval_placements(const struct sweep *sw, double *pos, size_t m, double *neg, size_t n)
{
	size_t i;

	for (i = 0; i < m; i++)
		pos[i] = placement(sw, pos[i], true);
	for (i = 0; i < n; i++)
		neg[i] = placement(sw, neg[i], false);
}

int interval_delong_paired(const struct sweep *sa, const struct sweep *sb, const double *pos_a, const double *pos_b,
			   size_t m, const double *neg_a, const double *neg_b, size_t n, double *diff, double *se)
{
	double d = sa->roc_auc - sb->roc_auc, s10 = 0, s01 = 0;
	size_t i;

	*diff = d;
	*se = NAN;
	if (m < 2 || n < 2 || sa->weighted || sb->weighted)
		return -1;
	for (i = 0; i < m; i++) {
		double e = pos_a[i] - pos_b[i] - d;

		s10 += e * e;
	}
	for (i = 0; i < n; i++) {
		double e = neg_a[i] - neg_b[i] - d;

		s01 += e * e;
	}
	*se = sqrt(s10 / ((double)m - 1) / (double)m + s01 / ((double)n - 1) / (double)n);
	return 0;
}

double interval_p_value(double z)
{
	return erfc(fabs(z) / 1.4142135623730951);
}

void interval_normal(double est, double se, double z, double *lo, double *hi)
{
	*lo = fmax(0, est - z * se);
	*hi = fmin(1, est + z * se);
}

double interval_level(double level)
{
	return level > 0 && level < 1 ? level : 0.95;
}

int interval_rate_ci(const struct sweep *sw, enum metric m, const struct confusion *c, double level, double *lo,
		     double *hi)
{
	*lo = *hi = NAN;
	if (sw->weighted)
		return -1;
	return interval_rate(m, c, interval_z(interval_level(level)), lo, hi);
}

void interval_auc_ci(const struct sweep *sw, double level, double *se, double *lo, double *hi)
{
	*se = *lo = *hi = NAN;
	if (!isnan(sw->sample_prevalence)) {
		/* reweighted to a prevalence: the AUC and its se are the sample's */
		*se = sw->roc_auc_se;
		if (!isnan(*se))
			interval_normal(sw->roc_auc, *se, interval_z(interval_level(level)), lo, hi);
	} else if (interval_delong_se(sw, se) == 0) {
		interval_normal(sw->roc_auc, *se, interval_z(interval_level(level)), lo, hi);
	}
}

void interval_paired(double diff, double se, double level, double *z, double *p, double *lo, double *hi)
{
	double q = interval_z(interval_level(level));

	*z = *p = *lo = *hi = NAN;
	if (isnan(se))
		return;
	*lo = diff - q * se;
	*hi = diff + q * se;
	if (se > 0) {
		*z = diff / se;
		*p = interval_p_value(*z);
	}
}
