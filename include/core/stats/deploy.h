/*
 * deploy: the questions a threshold meets in the real world.  The base
 * rate where the model is used (the sample reweighted to a deployment
 * prevalence), lift and the KS statistic, and decision-curve net benefit.
 * All are read off a sweep: nothing here walks the rows.
 */
#ifndef CUTOFF_DEPLOY_H
#define CUTOFF_DEPLOY_H

#include "core/stats/sweep.h"

#include <stddef.h>

/* The smallest deployment prevalence taken (and 1 minus it the largest):
 * below it the counts reweighted to it leave what a double tells apart
 * from 0 (4.9e-324 gave "5.5e-315 cases" and a lift of 77). */
#define DEPLOY_MIN_PREVALENCE 1e-9

/* The sweep as if every positive weighed P/pi and every negative
 * (1-P)/(1-pi), pi being in's share of positives: n stays, positives
 * become P*n.  The ROC AUC and its DeLong se are in's (they do not depend
 * on the classes' weights); average precision, log loss and Brier are
 * recomputed with the new weights.  out->sample_prevalence is pi.
 * Returns 0, or -1 (out of memory, or in lacks a class). */
int deploy_reweight(struct sweep *out, const struct sweep *in, double prevalence);

/* The share of positives (weighted): P after deploy_reweight. */
double deploy_prevalence(const struct sweep *sw);

/* Precision over the share of positives; NaN when nothing is flagged. */
double deploy_lift(const struct sweep *sw, const struct confusion *c);

/* The largest TPR - FPR over the distinct thresholds and the highest
 * threshold that reaches it; when that largest is <= 0, *ks is 0 and
 * *threshold NaN.  Both NaN without both classes. */
void deploy_ks(const struct sweep *sw, double *ks, double *threshold);

/* Net benefit at threshold probability t (0 < t < 1): TP/n - FP/n *
 * t/(1-t), and that of flagging everyone; NaN unless the scores are
 * probabilities and 0 < t < 1. */
double deploy_net_benefit(const struct sweep *sw, const struct confusion *c, double t);
double deploy_treat_all(const struct sweep *sw, double t);

/* Review capacity: the largest k (top k distinct scores flagged) that
 * flags at most max_flagged (weighted) rows.  Ties at the cut can leave
 * fewer flagged than the capacity. */
size_t deploy_budget_k(const struct sweep *sw, double max_flagged);

#endif
