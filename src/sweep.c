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
#include "sweep.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RADIX_BITS 11
#define RADIX_PASSES 6
#define RADIX_SIZE (1u << RADIX_BITS)

static uint64_t key_of(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof u);
	return (u >> 63) ? ~u : u ^ (UINT64_C(1) << 63);
}

/* Sorts a ascending (with w alongside when not NULL), using tmp/tmp_w of the
 * same length as scratch and hist zeroed. */
static void radix_sort(double *a, double *w, double *tmp, double *tmp_w, size_t n,
		       size_t (*hist)[RADIX_SIZE])
{
	double *src = a, *dst = tmp, *src_w = w, *dst_w = tmp_w;
	size_t i;
	int pass;

	for (i = 0; i < n; i++) {
		uint64_t k = key_of(a[i]);

		for (pass = 0; pass < RADIX_PASSES; pass++)
			hist[pass][(k >> (pass * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
	}
	for (pass = 0; pass < RADIX_PASSES; pass++) {
		size_t sum = 0, b, shift = (size_t)pass * RADIX_BITS;
		double *t;

		if (hist[pass][(key_of(a[0]) >> shift) & (RADIX_SIZE - 1)] == n)
			continue; /* every key has this digit */
		for (b = 0; b < RADIX_SIZE; b++) {
			size_t c = hist[pass][b];

			hist[pass][b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++) {
			size_t pos = hist[pass][(key_of(src[i]) >> shift) & (RADIX_SIZE - 1)]++;

			dst[pos] = src[i];
			if (w != NULL)
				dst_w[pos] = src_w[i];
		}
		t = src, src = dst, dst = t;
		t = src_w, src_w = dst_w, dst_w = t;
	}
	if (src != a) {
		memcpy(a, src, n * sizeof *a);
		if (w != NULL)
			memcpy(w, src_w, n * sizeof *w);
	}
}

static int sort_class(double *a, double *w, size_t n)
{
	size_t (*hist)[RADIX_SIZE];
	double *tmp, *tmp_w = NULL;
	int rc = -1;

	if (n < 2)
		return 0;
	hist = calloc(RADIX_PASSES, sizeof *hist);
	tmp = malloc(n * sizeof *tmp);
	if (w != NULL)
		tmp_w = malloc(n * sizeof *tmp_w);
	if (hist != NULL && tmp != NULL && (w == NULL || tmp_w != NULL)) {
		radix_sort(a, w, tmp, tmp_w, n, hist);
		rc = 0;
	}
	free(hist);
	free(tmp);
	free(tmp_w);
	return rc;
}

static double clip(double p)
{
	const double eps = 1e-15;

	return p < eps ? eps : p > 1 - eps ? 1 - eps : p;
}

/* Walks both sorted arrays from the top, one distinct score at a time.
 * With out == NULL only counts the distinct scores. */
static size_t merge(struct sweep *out, const double *pos, const double *pos_w, size_t n_pos,
		    const double *neg, const double *neg_w, size_t n_neg)
{
	size_t i = n_pos, j = n_neg, k = 0;
	double tp = 0, fp = 0, auc = 0, ap = 0, ll = 0, brier = 0;

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
			/* negatives at this score rank below the positives above it
			 * and tie with the positives here */
			auc += wn * (tp + wp / 2);
			tp += wp;
			fp += wn;
			if (wp > 0)
				ap += wp * (tp / (tp + fp));
			if (out->probabilities) {
				ll -= wp * log(clip(s)) + wn * log(1 - clip(s));
				brier += wp * (1 - s) * (1 - s) + wn * s * s;
			}
			out->score[k] = s;
			out->cum_pos[k] = tp;
			out->cum_neg[k] = fp;
		}
		k++;
	}
	if (out != NULL) {
		double total = out->pos + out->neg;

		out->roc_auc = out->pos > 0 && out->neg > 0 ? auc / out->pos / out->neg : NAN;
		out->average_precision = out->pos > 0 ? ap / out->pos : NAN;
		out->log_loss = out->probabilities && total > 0 ? ll / total : NAN;
		out->brier = out->probabilities && total > 0 ? brier / total : NAN;
	}
	return k;
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
	if (sort_class(pos, pos_w, n_pos) < 0 || sort_class(neg, neg_w, n_neg) < 0)
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

double sweep_default_threshold(const struct sweep *sw)
{
	return sw->probabilities ? 0.5 : 0;
}
