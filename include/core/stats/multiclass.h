/*
 * multiclass: K classes, one score column each.  Every class is read one
 * against the rest at its own threshold (its sweep, built like a model's),
 * and the K columns together make two decisions: the class with the
 * highest score (argmax), and the highest among the classes at or above
 * their threshold (thresholded; none of them: the row abstains).
 * Definitions follow scikit-learn's (the reference tests compare):
 * averages over the classes that occur, an undefined precision counting 0
 * in them, micro figures over the one-hot cells, one-vs-one AUC as Hand
 * and Till's (with weights: weighted Mann-Whitney, pairs by weight).
 */
#ifndef CUTOFF_MULTICLASS_H
#define CUTOFF_MULTICLASS_H

#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The rows, in memory: n rows of k scores (row by row), each row's class
 * (0 .. k-1) and weight (NULL: 1 each). */
struct mc_rows {
	size_t n, k;
	const uint32_t *label;
	const double *score;
	const double *weight;
};

/* One class against the rest, at its threshold.  The counts are always
 * numbers; the ratios are NaN where undefined, and every ratio is NaN for
 * a class with no rows. */
struct mc_class {
	double positives, negatives;    /* weight */
	double threshold;
	struct confusion c;
	double precision, recall, specificity, f1;
	double roc_auc, average_precision;
};

/* Means over classes: macro (each class that occurs counts once),
 * weighted (by its positives), micro (over the one-hot cells). */
struct mc_average {
	double roc_auc, average_precision, precision, recall, f1;
};

/* A decision's matrix, k rows (actual class) by cols (predicted: the k
 * classes, then "(none)" for the thresholded decision), in weight. */
struct mc_matrix {
	size_t k, cols;
	double *cell;                   /* k * cols, row by row */
};

struct mc_scores {                  /* of the argmax decision, as scikit-learn's */
	double accuracy, balanced_accuracy, f1_macro, cohen_kappa, mcc;
};

struct mc_result {
	size_t k;
	struct mc_class *cls;           /* k */
	struct mc_average macro, weighted, micro;
	bool zero_division;             /* an occurring class flagged nothing: its precision counted 0 */
	size_t occurring;               /* classes with rows */
	double ovo_macro, ovo_weighted; /* NaN: fewer than two classes occur */
	struct mc_matrix argmax, thresholded;
	struct mc_scores argmax_scores;
	double abstained;               /* weight of rows no class flagged */
	double total;                   /* weight of all rows */
};

/* Every class's sweep (one against the rest: sw[k]) from the rows, each
 * column sorted once; the same sort gives u (k x k), the one-vs-one
 * sums: u[a k + b] the weight of pairs (a row of a, a row of b) that
 * column a ranks the right way (ties half).  All or nothing: 0, or -1
 * when out of memory (no sweep built). */
int mc_sweeps(const struct mc_rows *rows, struct sweep *sw, double *u);

/* The threshold-free part: each class's AUC and average precision (from
 * its sweep, sw[k]), their macro, weighted and micro means, one-vs-one
 * AUC (from u, mc_sweeps's, or computed again when NULL), the argmax
 * decision.  0, or -1 when out of memory (r then holds nothing to free). */
int mc_fixed(const struct mc_rows *rows, const struct sweep *const *sw, const double *u, struct mc_result *r);

/* At thresholds[k]: each class's confusion and ratios, their means, the
 * thresholded decision (the rows read once: O(n k)). */
void mc_at(const struct mc_rows *rows, const struct sweep *const *sw, const double *thresholds,
	   struct mc_result *r);

/* mc_at without the thresholded decision: each class's figures and the
 * means (no rows read). */
void mc_at_classes(const struct sweep *const *sw, const double *thresholds, struct mc_result *r);

/* One row's decisions (k: none). */
size_t mc_argmax(const double *score, size_t k);
size_t mc_thresholded(const double *score, const double *thresholds, size_t k);

/* scikit-learn's five scores of a k x k decision matrix. */
void mc_matrix_scores(const struct mc_matrix *m, struct mc_scores *s);

void mc_free(struct mc_result *r);

#endif
