/*
 * band: a review band's figures and cuts (see band.h).
 */
#include "core/stats/band.h"

#include <math.h>

static double ratio(double a, double b)
{
	return b > 0 ? a / b : NAN;
}

void band_at(const struct sweep *sw, double low, double high, struct band *b)
{
	struct confusion hi = sweep_at(sw, high), lo = sweep_at(sw, low);
	double n = sw->pos + sw->neg;

	b->low = low, b->high = high;
	/* at or above high: decided positive */
	b->tp = hi.tp, b->fp = hi.fp, b->pos_n = hi.tp + hi.fp;
	b->precision = ratio(b->tp, b->pos_n);
	/* below low: decided negative */
	b->tn = lo.tn, b->fn = lo.fn, b->neg_n = lo.tn + lo.fn;
	b->npv = ratio(b->tn, b->neg_n);
	/* between: the flagged at low that high does not flag */
	b->review_pos = lo.tp - hi.tp;
	b->review_neg = lo.fp - hi.fp;
	b->review_n = b->review_pos + b->review_neg;
	b->rate = ratio(b->review_n, n);
	b->coverage = isnan(b->rate) ? NAN : 1 - b->rate;
	b->accuracy_decided = ratio(b->tp + b->tn, b->pos_n + b->neg_n);
	b->recall_auto = ratio(b->tp, sw->pos);
}

void band_high_for(const struct sweep *sw, double p, double *high)
{
	if (isnan(p))
		return;
	*high = INFINITY;
	/* from the bottom up: the first distinct score whose flagged rows reach p */
	for (size_t k = sw->n; k > 0; k--) {
		struct confusion c = sweep_confusion(sw, k);

		if (c.tp + c.fp > 0 && c.tp / (c.tp + c.fp) >= p) {
			*high = sweep_threshold(sw, k);
			return;
		}
	}
}

void band_low_for(const struct sweep *sw, double q, double *low)
{
	if (isnan(q))
		return;
	*low = -INFINITY;
	/* from the top down: every row below +inf, then below each distinct score */
	for (size_t k = 0; k <= sw->n; k++) {
		struct confusion c = sweep_confusion(sw, k);

		if (c.tn + c.fn > 0 && c.tn / (c.tn + c.fn) >= q) {
			*low = k == 0 ? INFINITY : sweep_threshold(sw, k);
			return;
		}
	}
}
