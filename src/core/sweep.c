/*
 * sweep: sorting and merging one model's scores.
 *
 * Sorting is an LSD radix sort on the order-preserving bit pattern of each
 * double (flip all bits of negatives, the sign bit of the rest), 11 bits a
 * pass, skipping passes in which every key has the same digit: scores in
 * [0,1] usually need four or five passes.  Each class is sorted on its own,
 * so no label travels with the keys, then the two sorted runs are merged
 * from the top into distinct scores.
 */
#include "core/sweep.h"

#include "core/radix.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static double clip(double p)
{
	const double eps = 1e-15;

	return p < eps ? eps : p > 1 - eps ? 1 - eps : p;
}

/* The threshold-free statistics, accumulated one distinct score at a
 * time from the top; both ways of building a sweep use it, so that they
 * compute the same numbers the same way. */
struct acc {
	double tp, fp, auc, ap, ll, brier;
};

static void acc_group(struct acc *a, const struct sweep *sw, double s, double wp, double wn)
{
	/* negatives at this score rank below the positives above it and tie
	 * with the positives here; as shares of each class, so that weights
	 * of 1e200 (or 1e-300) neither overflow nor underflow */
	if (sw->pos > 0 && sw->neg > 0)
		a->auc += (wn / sw->neg) * ((a->tp + wp / 2) / sw->pos);
	a->tp += wp;
	a->fp += wn;
	if (wp > 0)
		a->ap += wp * (a->tp / (a->tp + a->fp));
	if (sw->probabilities) {
		a->ll -= wp * log(clip(s)) + wn * log(1 - clip(s));
		a->brier += wp * (1 - s) * (1 - s) + wn * s * s;
	}
}

static void acc_finish(const struct acc *a, struct sweep *sw)
{
	double total = sw->pos + sw->neg;

	sw->roc_auc = sw->pos > 0 && sw->neg > 0 ? a->auc : NAN;
	sw->average_precision = sw->pos > 0 ? a->ap / sw->pos : NAN;
	sw->log_loss = sw->probabilities && total > 0 ? a->ll / total : NAN;
	sw->brier = sw->probabilities && total > 0 ? a->brier / total : NAN;
}

/* Walks both sorted arrays from the top, one distinct score at a time.
 * With out == NULL only counts the distinct scores. */
static size_t merge(struct sweep *out, const double *pos, const double *pos_w, size_t n_pos,
		    const double *neg, const double *neg_w, size_t n_neg)
{
	size_t i = n_pos, j = n_neg, k = 0;
	struct acc a = { 0, 0, 0, 0, 0, 0 };

	while (i > 0 || j > 0) {
		double s, wp = 0, wn = 0;

		if (j == 0 || (i > 0 && pos[i - 1] >= neg[j - 1]))
			s = pos[i - 1];
		else
			s = neg[j - 1];
		while (i > 0 && pos[i - 1] == s) {
			wp += pos_w ? pos_w[i - 1] : 1;
			i--;
		}
		while (j > 0 && neg[j - 1] == s) {
			wn += neg_w ? neg_w[j - 1] : 1;
			j--;
		}
		if (out != NULL) {
			acc_group(&a, out, s, wp, wn);
			out->score[k] = s;
			out->cum_pos[k] = a.tp;
			out->cum_neg[k] = a.fp;
		}
		k++;
	}
	if (out != NULL)
		acc_finish(&a, out);
	return k;
}

int sweep_build_runs(struct sweep *sw, double *score, double *pos, double *neg, size_t n)
{
	struct acc a = { 0, 0, 0, 0, 0, 0 };
	size_t k;

	memset(sw, 0, sizeof *sw);
	sw->n = n;
	sw->score = score;
	sw->cum_pos = pos;
	sw->cum_neg = neg;
	for (k = 0; k < n; k++) {
		sw->pos += pos[k];
		sw->neg += neg[k];
	}
	sw->min = n > 0 ? score[0] : NAN;
	sw->max = n > 0 ? score[n - 1] : NAN;
	sw->probabilities = n > 0 && sw->min >= 0 && sw->max <= 1;
	/* descending, then cumulative: the arrays become the sweep's */
	for (k = 0; k < n / 2; k++) {
		double t;

		t = score[k], score[k] = score[n - 1 - k], score[n - 1 - k] = t;
		t = pos[k], pos[k] = pos[n - 1 - k], pos[n - 1 - k] = t;
		t = neg[k], neg[k] = neg[n - 1 - k], neg[n - 1 - k] = t;
	}
	for (k = 0; k < n; k++) {
		acc_group(&a, sw, score[k], pos[k], neg[k]);
		pos[k] = a.tp;
		neg[k] = a.fp;
	}
	acc_finish(&a, sw);
	return 0;
}

static double total(const double *w, size_t n)
{
	double s = 0;
	size_t i;

	if (w == NULL)
		return (double)n;
	for (i = 0; i < n; i++)
		s += w[i];
	return s;
}

int sweep_build(struct sweep *sw, double *pos, double *pos_w, size_t n_pos,
		double *neg, double *neg_w, size_t n_neg)
{
	memset(sw, 0, sizeof *sw);
	if (radix_sort(pos, pos_w, n_pos) < 0 || radix_sort(neg, neg_w, n_neg) < 0)
		return -1;
	sw->n = merge(NULL, pos, pos_w, n_pos, neg, neg_w, n_neg);
	sw->score = malloc((sw->n ? sw->n : 1) * sizeof *sw->score);
	sw->cum_pos = malloc((sw->n ? sw->n : 1) * sizeof *sw->cum_pos);
	sw->cum_neg = malloc((sw->n ? sw->n : 1) * sizeof *sw->cum_neg);
	if (sw->score == NULL || sw->cum_pos == NULL || sw->cum_neg == NULL) {
		sweep_free(sw);
		return -1;
	}
	sw->pos = total(pos_w, n_pos);
	sw->neg = total(neg_w, n_neg);
	sw->min = sw->max = NAN;
	if (n_pos > 0 || n_neg > 0) {
		sw->max = n_neg == 0 || (n_pos > 0 && pos[n_pos - 1] > neg[n_neg - 1]) ? pos[n_pos - 1] : neg[n_neg - 1];
		sw->min = n_neg == 0 || (n_pos > 0 && pos[0] < neg[0]) ? pos[0] : neg[0];
	}
	sw->probabilities = sw->n > 0 && sw->min >= 0 && sw->max <= 1;
	merge(sw, pos, pos_w, n_pos, neg, neg_w, n_neg);
	return 0;
}

void sweep_invert(struct sweep *sw)
{
	struct acc a = { 0, 0, 0, 0, 0, 0 };
	double prev_p = 0, prev_n = 0, t;
	size_t n = sw->n, k;

	/* each score's own weights, from the running sums */
	for (k = 0; k < n; k++) {
		double cp = sw->cum_pos[k], cn = sw->cum_neg[k];

		sw->cum_pos[k] = cp - prev_p;
		sw->cum_neg[k] = cn - prev_n;
		prev_p = cp;
		prev_n = cn;
	}
	/* the lowest score becomes the highest; -0.0 would print as "-0" */
	for (k = 0; k < n / 2; k++) {
		t = sw->score[k], sw->score[k] = sw->score[n - 1 - k], sw->score[n - 1 - k] = t;
		t = sw->cum_pos[k], sw->cum_pos[k] = sw->cum_pos[n - 1 - k], sw->cum_pos[n - 1 - k] = t;
		t = sw->cum_neg[k], sw->cum_neg[k] = sw->cum_neg[n - 1 - k], sw->cum_neg[n - 1 - k] = t;
	}
	for (k = 0; k < n; k++)
		sw->score[k] = sw->score[k] == 0 ? 0 : -sw->score[k];
	t = sw->min;
	sw->min = sw->max == 0 ? 0 : -sw->max; /* NaN stays NaN */
	sw->max = t == 0 ? 0 : -t;
	sw->inverted = !sw->inverted;
	sw->probabilities = n > 0 && sw->min >= 0 && sw->max <= 1;
	for (k = 0; k < n; k++) {
		acc_group(&a, sw, sw->score[k], sw->cum_pos[k], sw->cum_neg[k]);
		sw->cum_pos[k] = a.tp;
		sw->cum_neg[k] = a.fp;
	}
	acc_finish(&a, sw);
}

void sweep_free(struct sweep *sw)
{
	free(sw->score);
	free(sw->cum_pos);
	free(sw->cum_neg);
	sw->score = sw->cum_pos = sw->cum_neg = NULL;
	sw->n = 0;
}

size_t sweep_index(const struct sweep *sw, double threshold)
{
	size_t lo = 0, hi = sw->n;

	/* first k with score[k] < threshold; scores descend */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sw->score[mid] >= threshold)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct confusion sweep_confusion(const struct sweep *sw, size_t k)
{
	struct confusion c;

	c.tp = k > 0 ? sw->cum_pos[k - 1] : 0;
	c.fp = k > 0 ? sw->cum_neg[k - 1] : 0;
	c.fn = sw->pos - c.tp;
	c.tn = sw->neg - c.fp;
	return c;
}

struct confusion sweep_at(const struct sweep *sw, double threshold)
{
	return sweep_confusion(sw, sweep_index(sw, threshold));
}

double sweep_threshold(const struct sweep *sw, size_t k)
{
	return k == 0 ? INFINITY : sw->score[k - 1];
}

double sweep_fraction(const struct sweep *sw, double x)
{
	double span = sw->max / 2 - sw->min / 2, f;

	if (!(span > 0))
		return 0.5;
	f = (x / 2 - sw->min / 2) / span;
	return f > 1 ? 1 : f > 0 ? f : 0; /* NaN goes to 0 */
}

double sweep_at_fraction(const struct sweep *sw, double f)
{
	return 2 * (sw->min / 2 + f * (sw->max / 2 - sw->min / 2));
}

double sweep_default_threshold(const struct sweep *sw)
{
	if (sw->inverted && sw->n > 0 && sw->min >= -1 && sw->max <= 0)
		return -0.5; /* negated probabilities: the same cut as p <= 0.5 */
	return sw->probabilities ? 0.5 : 0;
}
