/*
 * curve: ROC and precision-recall points of a sweep, and a downsampling
 * that keeps a curve's shape for a plot of a given resolution.
 */
#ifndef CUTOFF_CURVE_H
#define CUTOFF_CURVE_H

#include "core/stats/sweep.h"

#include <stddef.h>

enum curve_kind { CURVE_ROC, CURVE_PR };

struct curve_point {
	double threshold;
	double x, y;        /* ROC: fpr, tpr; PR: recall, precision */
};

/* Number of points: ROC has n+1 (the first at threshold +inf, (0,0));
 * PR has n, one per distinct score, descending. */
size_t curve_length(const struct sweep *sw, enum curve_kind kind);

/* Point i of the curve (0 <= i < curve_length()). */
struct curve_point curve_point(const struct sweep *sw, enum curve_kind kind, size_t i);

/* The sweep index k (top k scores positive) of point i. */
size_t curve_sweep_index(enum curve_kind kind, size_t i);

/* Picks the points to draw on a cols x rows raster (x and y in [0,1]):
 * keeps a point when it lands on a new raster cell, and always the first
 * and the last (even when max cuts the rest short).  Writes at most max
 * indexes into idx; returns how many. */
size_t curve_downsample(const struct sweep *sw, enum curve_kind kind, size_t cols, size_t rows,
			size_t *idx, size_t max);

/* The same with x on a log scale from floor (at 0) to 1 (at 1). */
size_t curve_downsample_log(const struct sweep *sw, enum curve_kind kind, size_t cols, size_t rows, double floor,
			    size_t *idx, size_t max);

/* Where x sits on a log axis from floor to 1, as 0 to 1: log(x/floor) /
 * log(1/floor); 0 at and below the floor (an FPR of 0 sits there, with
 * the smallest one), NaN stays NaN. */
double curve_log_position(double x, double floor);

/* The floor of a log FPR axis: one negative's share, 1/negatives (a
 * tenth when there are fewer than ten: the scale needs room). */
double curve_fpr_floor(const struct sweep *sw);

int curve_parse(const char *name, enum curve_kind *kind);

/* The standardised (McClish) partial ROC AUC over FPR in [0, max_fpr],
 * as scikit-learn's roc_auc_score(max_fpr=...): the trapezoids up to
 * max_fpr (the last one interpolated), then 0.5 (1 + (A - F^2/2) /
 * (F - F^2/2)).  max_fpr 1 is the whole AUC; NaN without both classes. */
double curve_partial_auc(const struct sweep *sw, double max_fpr);

#endif
