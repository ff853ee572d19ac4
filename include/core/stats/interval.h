/*
 * interval: how sure the numbers are.  Wilson score intervals for the
 * count-based rates at a threshold, and the DeLong standard error and
 * interval of the ROC AUC (as R's pROC computes ci.auc(method = "delong")
 * for the direction "score >= t is positive").  Pure functions of counts
 * and of the sweep; O(distinct scores).
 */
#ifndef CUTOFF_INTERVAL_H
#define CUTOFF_INTERVAL_H

#include "core/stats/metrics.h"
#include "core/stats/sweep.h"

/* The standard normal quantile at p (0 < p < 1): Acklam's approximation
 * refined by one Halley step on erfc, to about 1e-15. */
double interval_quantile(double p);

/* z for a two-sided interval at level L: the quantile at 1 - (1 - L) / 2. */
double interval_z(double level);

/* Wilson score interval of x successes in n trials (Wilson 1927):
 * centre (p + z^2/2n) / (1 + z^2/n), half-width
 * z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2), clipped to [0, 1].
 * Returns 0, or -1 (and NaN ends) when n is 0. */
int interval_wilson(double x, double n, double z, double *lo, double *hi);

/* The Wilson interval of a count-based rate at a threshold (precision: TP
 * of TP + FP; recall, specificity, NPV, FPR, FNR, accuracy, the flagged
 * share likewise).  Returns 0, or -1 when the metric is not such a rate or
 * its denominator is 0. */
int interval_rate(enum metric m, const struct confusion *c, double z, double *lo, double *hi);

/* DeLong's variance of the ROC AUC (DeLong, DeLong and Clarke-Pearson 1988)
 * from the placement values, ties counting 1/2, with denominators m - 1 and
 * n - 1; one pass over the sweep's distinct scores (Sun and Xu 2014).
 * Returns 0 with the standard error in *se, or -1 when either class has
 * fewer than 2 rows or the rows are weighted. */
int interval_delong_se(const struct sweep *sw, double *se);

/* DeLong's paired test of two models' ROC AUCs over the same rows (pROC's
 * roc.test(method = "delong", paired = TRUE)): the rows' placement values
 * in each model's sweep, paired by row; the variance of the difference from
 * the placement differences, so that identical columns give exactly 0.
 * pos_a[i] and pos_b[i] are row i's placements (interval_placements;
 * positives, likewise the negatives), in the same row order.  Returns 0
 * with the difference auc_a - auc_b and its standard error, or -1 when a
 * class has fewer than 2 rows. */
int interval_delong_paired(const struct sweep *sa, const struct sweep *sb, const double *pos_a, const double *pos_b,
			   size_t m, const double *neg_a, const double *neg_b, size_t n, double *diff, double *se);

/* Turns a model's rows' scores into their placement values in its sweep,
 * in place: computed once a model, so that each of the pairs of many
 * models costs one pass over the rows, not a search a row. */
void interval_placements(const struct sweep *sw, double *pos, size_t m, double *neg, size_t n);

/* Two-sided p-value of a standard normal statistic. */
double interval_p_value(double z);

/* A level, or the default 0.95 when it is not in (0, 1). */
double interval_level(double level);

/* The Wilson interval of a rate at a level; none (-1, NaN ends) with
 * weights (a weighted count has no Wilson interval) or without trials. */
int interval_rate_ci(const struct sweep *sw, enum metric m, const struct confusion *c, double level, double *lo,
		     double *hi);

/* The ROC AUC's DeLong standard error and interval at a level (NaN when
 * there is none). */
void interval_auc_ci(const struct sweep *sw, double level, double *se, double *lo, double *hi);

/* A paired difference's z, p-value and interval at a level; NaN when the
 * standard error is unknown, z and p NaN too when it is 0 (identical
 * columns: no test possible; the interval is then [d, d]). */
void interval_paired(double diff, double se, double level, double *z, double *p, double *lo, double *hi);

/* auc +/- z * se, clipped to [0, 1]. */
void interval_normal(double est, double se, double z, double *lo, double *hi);

#endif
