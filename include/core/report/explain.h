/*
 * explain: the trade-off in plain words and natural frequencies, for the
 * text report, the stakeholder view and exports alike.
 */
#ifndef CUTOFF_EXPLAIN_H
#define CUTOFF_EXPLAIN_H

#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>

/* Two sentences on what a threshold does, e.g. "Of 212 malignant cases,
 * this threshold catches 199 (93.9%) and misses 13;\n8 of its 207 alarms are
 * false (benign)."  pos names the positive class; neg the negative one, or
 * NULL when it has no single name.  The line break separates the two parts.
 * policy: per-group thresholds in force ("equal-recall 0.8"), whose pooled
 * matrix c is; NULL for one threshold.  Returns the length written
 * (truncated to cap-1). */
size_t explain_summary(char *buf, size_t cap, const struct confusion *c, const char *pos,
		       const char *neg, const char *policy);

/* What changed from a reference to the current data at one threshold, in
 * a sentence: "Since the reference, precision fell from 62% to 48%: 1 in
 * 2 alarms is now false; recall rose from 80% to 85%."  Returns the
 * length (truncated to cap-1). */
size_t explain_drift(char *buf, size_t cap, const struct confusion *ref, const struct confusion *cur, const char *pos);

/* A confusion matrix as whole cases out of every 1,000: the classes are
 * rounded first, then each class is split, so the four add up to 1,000
 * and each class's total is its prevalence, rounded. */
struct per_thousand {
	long tp, fn, fp, tn;
};

void explain_per_thousand(const struct confusion *c, struct per_thousand *out);

/* The round number of cases (1,000, 10,000, ...) out of which every count
 * the words say (caught, false alarms, missed) is at least about 10, or
 * the first at least as many as the data has (where not deployed: its
 * counts scaled up are then no smaller than its own). */
long explain_base(const struct confusion *c, bool deployed);

/* The same out of every `per` cases (1,000, 10,000, ...). */
void explain_per(const struct confusion *c, long per, struct per_thousand *out);

/* What the stakeholder view says. */
struct explain_input {
	struct confusion now;
	double threshold;
	const char *pos;            /* the positive class's name */
	const char *neg;            /* the negative class's, or NULL */
	int has_up;                 /* one step up is possible: */
	struct confusion up;        /*   its matrix */
	double up_threshold;
	int has_costs;
	double cost;                /* what the mistakes cost in all (rowcost.h) */
	const char *unit;           /* "$", "EUR", or "" */
	int has_best;               /* the cost optimum: */
	double best_cost;
	double best_threshold;
	int has_recall_ci;          /* recall's interval (Wilson): */
	double recall_lo, recall_hi;
	double level;               /*   at this level */
	int has_lift;               /* lift (precision over prevalence): */
	double lift;
	int has_net_benefit;        /* net benefit at the threshold (probabilities): */
	double net_benefit, treat_all;
	const char *worst_group;    /* --group: the group caught least (NULL: none), */
	double worst_recall;        /*   its recall, */
	const char *best_group;     /*   and the group caught most */
	double best_recall;
	const char *policy;         /* per-group thresholds in force ("equal-recall 0.8"):
				     * now is every group at its own, pooled; NULL: one threshold */
	double deployed;            /* at a deployment prevalence: it (0: the sample) */
	double sample_prevalence;   /*   and the sample's */
};

/* The stakeholder view's text: short paragraphs in natural frequencies,
 * separated by blank lines.  Returns the length (truncated to cap-1). */
size_t explain_stakeholder(char *buf, size_t cap, const struct explain_input *in);

#endif
