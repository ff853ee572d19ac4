/*
 * drift: distribution shift and the unpaired AUC test.  The empirical
 * distribution function of a sweep at x is 1 - (weight above x) / n:
 * one binary search.
 */
#include "core/stats/drift.h"

#include "core/stats/calib.h"
#include "core/stats/interval.h"

#include <math.h>

/* Share of a sweep's rows with score <= x. */
static double cdf(const struct sweep *sw, double x)
{
	double n = sw->pos + sw->neg;
	size_t k = sweep_index(sw, nextafter(x, INFINITY)); /* the scores above x */
	struct confusion c = sweep_confusion(sw, k);

	return n > 0 ? 1 - (c.tp + c.fp) / n : NAN;
}

double drift_ks(const struct sweep *a, const struct sweep *b)
{
	double best = 0;
	size_t i, j;

	if (!(a->pos + a->neg > 0 && b->pos + b->neg > 0))
		return NAN;
	/* the largest gap is at one of the scores of either sample */
	for (i = 0; i < a->n; i++)
		best = fmax(best, fabs(cdf(a, a->score[i]) - cdf(b, a->score[i])));
	for (j = 0; j < b->n; j++)
		best = fmax(best, fabs(cdf(a, b->score[j]) - cdf(b, b->score[j])));
	return best;
}

double drift_psi(const struct sweep *ref, const struct sweep *cur)
{
	double e[9], psi = 0, rl = 0, cl = 0;
	int i;

	if (!(ref->pos + ref->neg > 0 && cur->pos + cur->neg > 0))
		return NAN;
	for (i = 0; i < 9; i++)
		e[i] = calib_quantile(ref, (double)(i + 1) / 10);
	for (i = 0; i < 10; i++) {
		double rh = i < 9 ? cdf(ref, e[i]) : 1, ch = i < 9 ? cdf(cur, e[i]) : 1;
		double r = fmax(rh - rl, 0.0001), c = fmax(ch - cl, 0.0001);

		psi += (c - r) * log(c / r);
		rl = rh, cl = ch;
	}
	return psi;
}

/* The regularised incomplete beta I_x(a, b), by its continued fraction
 * (Lentz), on the side where it converges fast. */
static double betacf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;
	int m;

	d = fabs(d) < tiny ? tiny : d;
	d = 1 / d;
	h = d;
	for (m = 1; m <= 300; m++) {
		double m2 = 2 * m, aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2)), del;

		d = 1 + aa * d, d = fabs(d) < tiny ? tiny : d, d = 1 / d;
		c = 1 + aa / c, c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d, d = fabs(d) < tiny ? tiny : d, d = 1 / d;
		c = 1 + aa / c, c = fabs(c) < tiny ? tiny : c;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-16)
			break;
	}
	return h;
}

static double ibeta(double a, double b, double x)
{
	double front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * betacf(a, b, x) / a;
	return 1 - front * betacf(b, a, 1 - x) / b;
}

double drift_t_p_value(double t, double df)
{
	if (isnan(t) || !(df > 0))
		return NAN;
	if (isinf(t))
		return 0;
	return ibeta(df / 2, 0.5, df / (df + t * t));
}

void drift_compare(const struct sweep *ref, const struct sweep *cur, struct drift *out)
{
	double nr = ref->pos + ref->neg, nc = cur->pos + cur->neg, sr = NAN, sc = NAN;

	out->psi = drift_psi(ref, cur);
	out->ks = drift_ks(ref, cur);
	out->prevalence_change = nr > 0 && nc > 0 ? cur->pos / nc - ref->pos / nr : NAN;
	out->auc_difference = cur->roc_auc - ref->roc_auc; /* a change since the reference, as every other */
	out->auc_t = out->auc_df = out->auc_p_value = NAN;
	out->no_test = ref->weighted || cur->weighted ? DRIFT_WEIGHTED : DRIFT_FEW_ROWS;
	if (interval_delong_se(ref, &sr) == 0 && interval_delong_se(cur, &sc) == 0) {
		double vr = sr * sr, vc = sc * sc;

		/* Welch's degrees of freedom over the two DeLong variances, N =
		 * positives + negatives of each file */
		out->no_test = DRIFT_NO_VARIANCE;
		if (vr + vc > 0) {
			out->auc_t = out->auc_difference / sqrt(vr + vc);
			out->auc_df = (vr + vc) * (vr + vc) / (vr * vr / (nr - 1) + vc * vc / (nc - 1));
			out->auc_p_value = drift_t_p_value(out->auc_t, out->auc_df);
			out->no_test = DRIFT_TESTED;
		}
	}
}
