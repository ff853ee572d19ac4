/*
 * band: a review band between two cuts (--band): scores at or above HIGH
 * are decided positive, below LOW negative, and the rest go to people.
 * The figures of each side from the sweep (two binary searches), and the
 * cuts a precision and an NPV ask for (a walk over the distinct scores).
 */
#ifndef CUTOFF_BAND_H
#define CUTOFF_BAND_H

#include "core/stats/sweep.h"

#include <stdbool.h>

struct band {
	double low, high;               /* +inf high: no automatic positives; -inf low: no automatic negatives */
	double pos_n, tp, fp, precision;        /* decided positive */
	double review_n, review_pos, review_neg, rate;
	double neg_n, tn, fn, npv;              /* decided negative */
	double coverage, accuracy_decided, recall_auto;
};

/* The band's figures (undefined ratios NaN); low <= high. */
void band_at(const struct sweep *sw, double low, double high, struct band *b);

/* HIGH: the lowest threshold (a distinct score) whose flagged rows reach
 * precision p (+inf when none does); NaN p: keeps *high. */
void band_high_for(const struct sweep *sw, double p, double *high);

/* LOW: the highest threshold (a distinct score, or +inf: every row
 * below) whose rows below reach NPV q (-inf when none does); NaN q: keeps
 * *low. */
void band_low_for(const struct sweep *sw, double q, double *low);

#endif
