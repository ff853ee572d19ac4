/*
 * calib: the reliability of probability scores, binned as scikit-learn's
 * calibration_curve (1.2) bins them: bin b holds e_b < s <= e_(b+1), the
 * first also e_0; uniform edges as numpy's linspace(0, 1, B+1), quantile
 * edges as numpy's percentile (linear) of the scores.  With weights the
 * counts and means are weighted, and the quantiles are those of the rows
 * repeated by their weights.  Read off the sweep: O(distinct scores).
 */
#ifndef CUTOFF_CALIB_H
#define CUTOFF_CALIB_H

#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>

enum calib_strategy { CALIB_UNIFORM, CALIB_QUANTILE };

#define CALIB_MAX_BINS 1000

struct calib_bin {
	size_t bin;                 /* numbered from 1 (empty bins are left out) */
	double lower, upper;        /* its edges */
	double mean_predicted;
	double fraction_positive;
	double count;               /* weight */
};

struct calib_summary {
	double ece;                 /* sum count/n |fraction - mean| */
	double mce;                 /* the largest such gap */
	double reliability;         /* sum count/n (mean - fraction)^2 */
	double resolution;          /* sum count/n (fraction - pi)^2 */
	double uncertainty;         /* pi (1 - pi) */
};

int calib_parse_strategy(const char *name, enum calib_strategy *s);

/* The non-empty bins (at most bins of them) into out, in order; returns
 * how many, or 0 when the scores are not probabilities or there are no
 * rows.  bins is 1..CALIB_MAX_BINS. */
size_t calib_curve(const struct sweep *sw, size_t bins, enum calib_strategy strategy, struct calib_bin *out);

/* ECE, MCE and the binned Brier decomposition of the curve's bins (NaN
 * each when there are none). */
void calib_summarise(const struct sweep *sw, const struct calib_bin *b, size_t n, struct calib_summary *out);

/* The bin (0-based, among all bins, empty or not) a score falls in. */
size_t calib_bin_of(const double *edges, size_t bins, double s);

/* The value at quantile q (0..1) of the scores, as numpy's quantile
 * (linear): the rows repeated by their weights. */
double calib_quantile(const struct sweep *sw, double q);

/* The bins+1 edges for a sweep (probabilities). */
void calib_edges(const struct sweep *sw, size_t bins, enum calib_strategy strategy, double *edges);

#endif
