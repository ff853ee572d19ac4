/*
 * drift: a reference sample against a current one, scored by the same
 * model: the shift of the score distribution (two-sample KS statistic,
 * PSI over the reference's deciles), the change in prevalence, and
 * DeLong's unpaired test of the two ROC AUCs (as pROC's roc.test(paired
 * = FALSE, method = "delong")).  All read off the two sweeps.
 */
#ifndef CUTOFF_DRIFT_H
#define CUTOFF_DRIFT_H

#include "core/stats/sweep.h"

/* Why DeLong's test was not made. */
enum drift_no_test { DRIFT_TESTED, DRIFT_WEIGHTED, DRIFT_FEW_ROWS, DRIFT_NO_VARIANCE };

struct drift {
	double psi;
	double ks;                  /* sup |F_ref - F_cur| over all scores (scipy's ks_2samp statistic) */
	double prevalence_change;   /* current minus reference */
	double auc_difference;      /* current minus reference (its t too): every change is since the reference */
	double auc_t, auc_df, auc_p_value;
	enum drift_no_test no_test;
};

/* Of the data as read: callers pass the sample sweeps, not ones reweighted
 * to a deployment prevalence (whose prevalence is P on both sides). */
void drift_compare(const struct sweep *ref, const struct sweep *cur, struct drift *out);

/* The two-sample Kolmogorov-Smirnov statistic of the two sweeps' scores
 * (rows, weighted). */
double drift_ks(const struct sweep *a, const struct sweep *b);

/* PSI over the reference's deciles (numpy quantile, linear): bins
 * (-inf, e1], ..., (e9, inf), shares below 0.0001 raised to 0.0001. */
double drift_psi(const struct sweep *ref, const struct sweep *cur);

/* Two-sided p of Student's t with df degrees of freedom. */
double drift_t_p_value(double t, double df);

#endif
