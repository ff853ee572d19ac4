/*
 * calib: reliability bins.  The edges follow numpy's arithmetic to the
 * bit (linspace multiplies k by 1/B; quantile's 'linear' virtual index
 * is (n - 1) q, numpy 1.22 to 1.26, and its lerp counts back from the
 * upper value past half-way; percentile divides q by 100 first), so that
 * a score exactly on an edge lands where scikit-learn and numpy put it.
 */
#include "core/stats/calib.h"

#include <math.h>
#include <string.h>

int calib_parse_strategy(const char *name, enum calib_strategy *s)
{
	if (strcmp(name, "uniform") == 0)
		*s = CALIB_UNIFORM;
	else if (strcmp(name, "quantile") == 0)
		*s = CALIB_QUANTILE;
	else
		return -1;
	return 0;
}

/* Each distinct score's own weights, from the running sums. */
static void own(const struct sweep *sw, size_t k, double *wp, double *wn)
{
	*wp = sweep_pos(sw, k) - (k > 0 ? sweep_pos(sw, k - 1) : 0);
	*wn = sweep_neg(sw, k) - (k > 0 ? sweep_neg(sw, k - 1) : 0);
}

/* The score at 0-based position i of the rows sorted ascending (weights
 * as repeat counts): the first whose running weight from the bottom
 * passes i.  k walks down from the top of the sweep; callers ask in
 * ascending i. */
static double value_at(const struct sweep *sw, double i, size_t *k, double *below)
{
	while (*k > 0) {
		double wp, wn;

		own(sw, *k - 1, &wp, &wn);
		if (*below + wp + wn > i)
			return sw->score[*k - 1];
		*below += wp + wn;
		(*k)--;
	}
	return sw->score[0];
}

/* numpy's linear quantile: virtual index (n - 1) q (not n q + (1 - q) - 1,
 * which differs in the last bit: for n = 71, q = 0.7, 48.999999999999993
 * against 49, an edge just below a tied score), then a lerp that counts
 * back from the upper value past half-way. */
static double quantile(const struct sweep *sw, double q, size_t *k, double *below)
{
	double n = sw->pos + sw->neg, vi = (n - 1) * q, prev = floor(vi), lo, hi, t, d;

	if (vi >= n - 1)
		return sw->score[0];
	if (vi < 0)
		prev = vi = 0;
	lo = value_at(sw, prev, k, below);
	{
		size_t k2 = *k;
		double below2 = *below;

		hi = value_at(sw, prev + 1, &k2, &below2);
	}
	t = vi - prev;
	d = hi - lo;
	return t >= 0.5 ? hi - d * (1 - t) : lo + d * t;
}

double calib_quantile(const struct sweep *sw, double q)
{
	size_t k = sw->n;
	double below = 0;

	return sw->n > 0 ? quantile(sw, q, &k, &below) : NAN;
}

void calib_edges(const struct sweep *sw, size_t bins, enum calib_strategy strategy, double *edges)
{
	double step = 1.0 / (double)bins, below = 0;
	size_t b, k = sw->n;

	for (b = 0; b <= bins; b++) {
		double q = b == bins ? 1.0 : (double)b * step;

		/* percentile(scores, q * 100): q goes through * 100 / 100 */
		edges[b] = strategy == CALIB_UNIFORM ? q : quantile(sw, (q * 100) / 100, &k, &below);
	}
}

size_t calib_bin_of(const double *edges, size_t bins, double s)
{
	size_t lo = 0, hi = bins - 1;

	/* searchsorted(edges[1:-1], s, 'left'): interior edges below s */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (edges[mid + 1] < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t calib_curve(const struct sweep *sw, size_t bins, enum calib_strategy strategy, struct calib_bin *out)
{
	double edges[CALIB_MAX_BINS + 1], sum_s = 0, sum_p = 0, sum_w = 0;
	size_t k, cur = 0, n = 0;

	if (!sw->probabilities || !(sw->pos + sw->neg > 0) || bins < 1 || bins > CALIB_MAX_BINS)
		return 0;
	calib_edges(sw, bins, strategy, edges);
	/* ascending: the sweep from its bottom */
	for (k = sw->n; k-- > 0;) {
		double s = sw->score[k], wp, wn;
		size_t b = calib_bin_of(edges, bins, s);

		own(sw, k, &wp, &wn);
		if (b != cur && sum_w > 0) {
			out[n++] = (struct calib_bin){ cur + 1, edges[cur], edges[cur + 1], sum_s / sum_w, sum_p / sum_w, sum_w };
			sum_s = sum_p = sum_w = 0;
		}
		cur = b;
		sum_s += s * (wp + wn);
		sum_p += wp;
		sum_w += wp + wn;
	}
	if (sum_w > 0)
		out[n++] = (struct calib_bin){ cur + 1, edges[cur], edges[cur + 1], sum_s / sum_w, sum_p / sum_w, sum_w };
	return n;
}

void calib_summarise(const struct sweep *sw, const struct calib_bin *b, size_t n, struct calib_summary *out)
{
	double total = sw->pos + sw->neg, pi = total > 0 ? sw->pos / total : NAN;
	size_t i;

	out->ece = out->mce = out->reliability = out->resolution = out->uncertainty = NAN;
	if (n == 0)
		return;
	out->ece = out->mce = out->reliability = out->resolution = 0;
	for (i = 0; i < n; i++) {
		double share = b[i].count / total, gap = b[i].fraction_positive - b[i].mean_predicted;
		double r = b[i].fraction_positive - pi;

		out->ece += share * fabs(gap);
		if (fabs(gap) > out->mce)
			out->mce = fabs(gap);
		out->reliability += share * gap * gap;
		out->resolution += share * r * r;
	}
	out->uncertainty = pi * (1 - pi);
}
