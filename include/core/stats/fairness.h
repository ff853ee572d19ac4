/*
 * fairness: one threshold across groups, or one per group.  The gaps
 * between groups at a threshold (largest minus smallest of a rate, and
 * which groups reach them), and the per-group thresholds of a strategy:
 * each group's own optimum, equal recall (equal opportunity), equal FPR,
 * or equal flag rate (demographic parity).
 */
#ifndef CUTOFF_FAIRNESS_H
#define CUTOFF_FAIRNESS_H

#include "core/stats/metrics.h"
#include "core/stats/optimize.h"
#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>

/* As many groups as --group takes (groups.h's GROUPS_MAX). */
#define FAIRNESS_MAX_GROUPS 1000

enum fairness_strategy { FAIR_SINGLE, FAIR_BEST, FAIR_EQUAL_RECALL, FAIR_EQUAL_FPR, FAIR_EQUAL_RATE };

struct fairness_spec {
	enum fairness_strategy strategy;
	double value;               /* X of equal-*=X; NaN otherwise */
};

/* "single", "best", "equal-recall=0.8", "equal-fpr=0.05",
 * "equal-rate=0.1" (X in [0, 1]); -1 when not one of them. */
int fairness_parse(const char *arg, struct fairness_spec *fs);

/* The strategy's name as typed ("equal-recall"). */
const char *fairness_name(enum fairness_strategy s);

/* A strategy in words, with its value: "equal-recall 0.8", "best". */
const char *fairness_words(const struct fairness_spec *fs, char *buf, size_t cap);

/* A group's own threshold under the strategy (best: opt's optimum under
 * its constraints; equal-recall: the highest distinct score whose recall
 * >= X; equal-fpr and equal-rate: the lowest distinct score whose FPR or
 * flag rate <= X).  Returns 0; 1 (equal-fpr, equal-rate) when even the
 * top score's rows pass X: the threshold is +inf, flagging none of the
 * group, the closest rate not above X; -1 when the group has one class
 * only or no threshold reaches the recall: it keeps the single one. */
int fairness_threshold(const struct sweep *sw, const struct fairness_spec *fs, const struct optimize_spec *opt,
		       double *threshold);

/* The largest minus the smallest of metric m over the groups where it
 * is defined, group g at threshold thr[g]; *hi and *lo the groups
 * reaching them (the first in group order on ties).  NaN (and both
 * (size_t)-1) when fewer than two groups define it. */
double fairness_gap(const struct sweep *const *sw, size_t n, const double *thr, enum metric m, size_t *hi, size_t *lo);

/* The same from each group's confusion matrix at its threshold. */
double fairness_gap_of(const struct confusion *c, size_t n, enum metric m, size_t *hi, size_t *lo);

#endif
