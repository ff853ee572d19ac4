/*
 * sweep: everything cutoff knows about one model after loading.  The rows'
 * scores are sorted once and equal scores merged; for each distinct score,
 * in descending order, the sweep keeps the weight of positives and of
 * negatives scoring at or above it.  The confusion matrix at any threshold is
 * then a binary search, and the threshold-free statistics come from the same
 * single pass.  Memory: 16 bytes per distinct score when every row weighs
 * 1 (the counts in 4 bytes), 40 with weights; the rows can be freed.  Sums
 * are compensated: every cell is the sum of its own rows' weights to within
 * a unit in the last place.
 */
#ifndef CUTOFF_SWEEP_H
#define CUTOFF_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sort/fold.h"

/* A confusion matrix; weighted sums, so doubles. */
struct confusion {
	double tp, fp, tn, fn;
};

struct sweep {
	size_t n;               /* distinct scores */
	double *score;          /* descending */
	/* positive and negative weight with score >= score[k]: read them
	 * with sweep_pos() and sweep_neg().  Unweighted sweeps of fewer than
	 * 2^32 rows keep whole counts (count_*) and no doubles (cum_* NULL):
	 * 16 bytes a distinct score instead of 24. */
	double *cum_pos, *cum_neg;
	uint32_t *count_pos, *count_neg;
	/* weighted only (else NULL): the weight of the scores from k down,
	 * n + 1 entries, summed on their own so that FN and TN keep small
	 * weights next to huge ones */
	double *below_pos, *below_neg;
	double pos, neg;        /* class totals */
	double min, max;        /* score range (NaN when empty) */
	bool probabilities;     /* every score in [0,1] */
	bool inverted;          /* the scores are the column's, negated */
	bool weighted;          /* --weight: no count-based intervals (--counts are rows) */
	double roc_auc_se;      /* DeLong's, kept for the screen (NaN: none); see interval.h */
	double sample_prevalence; /* reweighted to a deployment prevalence
				   * (deploy.h): the sample's share of
				   * positives; NaN otherwise */
	/* threshold-free statistics; NaN where undefined */
	double roc_auc;         /* ties count half (Mann-Whitney) */
	double average_precision;
	double log_loss;        /* probabilities only, clipped to [1e-15, 1-1e-15] */
	double brier;           /* probabilities only */
	/* with --bins: scores were grouped; the AUC is within auc_error of
	 * the exact one (0 when nothing was grouped) */
	size_t bins;
	double auc_error;
	/* row costs (rowcost.h), else NULL: fp_cost[k] the false-alarm cost
	 * of the negatives with score >= score[k] (n entries), fn_cost[k]
	 * the miss cost of the positives from k down (n + 1); 16 bytes a
	 * distinct score, so that the cost at any threshold is a lookup */
	double *fp_cost, *fn_cost;
};

/* Builds a sweep from the scores of positives and negatives, with their
 * weights (NULL: every row weighs 1).  Sorts the score arrays in place (and
 * the weights with them).  Returns 0, or -1 when out of memory. */
int sweep_build(struct sweep *sw, double *pos, double *pos_w, size_t n_pos,
		double *neg, double *neg_w, size_t n_neg);

/* Builds a sweep from unweighted rows already sorted ascending, in two
 * runs of each class (a run may be empty): as sweep_build would from their
 * concatenation.  Takes the four malloc'd arrays (NULL for none) and frees
 * them, giving their memory back as the merge leaves it behind, so that the
 * rows and the sweep are never both whole in memory (but when many rows
 * share each score: two threads then merge at once, and the rows go at
 * the end). */
int sweep_build_sorted(struct sweep *sw, double *pos[2], const size_t n_pos[2],
		       double *neg[2], const size_t n_neg[2]);

/* Builds a sweep from distinct scores in ascending order with the weight
 * of positives and negatives at each (as fold makes them).  Takes the
 * three malloc'd arrays and turns them into the sweep's, in place. */
int sweep_build_runs(struct sweep *sw, double *score, double *pos, double *neg, size_t n);

/* Builds a sweep from two lists of distinct scores (one may be empty: n
 * 0), e.g. two readers' folds, merged as they go into it: takes their
 * arrays and frees them, giving their memory back as the merge passes. */
int sweep_build_lists(struct sweep *sw, struct fold_list l[2], bool weighted);

void sweep_free(struct sweep *sw);

/* The positive (negative) weight with score >= score[k], k < n. */
static inline double sweep_pos(const struct sweep *sw, size_t k)
{
	return sw->cum_pos != NULL ? sw->cum_pos[k] : sw->count_pos[k];
}

static inline double sweep_neg(const struct sweep *sw, size_t k)
{
	return sw->cum_neg != NULL ? sw->cum_neg[k] : sw->count_neg[k];
}

/* Turns the sweep into that of the negated scores (score = -score), as if
 * built from them: for a model whose high scores mean the other class
 * (ROC AUC below 0.5).  O(distinct scores); calling it twice restores the
 * sweep (counts exactly; weighted sums to rounding). */
void sweep_invert(struct sweep *sw);

/* How many distinct scores are >= threshold: rows predicted positive are
 * those of the top sweep_index() scores. */
size_t sweep_index(const struct sweep *sw, double threshold);

/* The confusion matrix when the top k distinct scores are predicted positive
 * (0 <= k <= n). */
struct confusion sweep_confusion(const struct sweep *sw, size_t k);

/* The confusion matrix at a threshold (score >= threshold is positive). */
struct confusion sweep_at(const struct sweep *sw, double threshold);

/* The threshold that predicts the top k distinct scores positive: +inf for
 * k = 0, else score[k-1]. */
double sweep_threshold(const struct sweep *sw, size_t k);

/* Where x sits in the score range, 0 (min) to 1 (max), clamped; 0.5 when
 * all scores are equal.  Computed in halves, so that a range from -1e308
 * to 1e308 (wider than a double) neither overflows nor gives NaN. */
double sweep_fraction(const struct sweep *sw, double x);

/* The score at fraction f of the range (the inverse of sweep_fraction). */
double sweep_at_fraction(const struct sweep *sw, double f);

/* The default threshold: 0.5 when the scores are probabilities (-0.5 when
 * they are negated probabilities), else 0. */
double sweep_default_threshold(const struct sweep *sw);

#endif
