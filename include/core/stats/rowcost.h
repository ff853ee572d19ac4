/*
 * rowcost: what the mistakes cost when each row has its own price
 * (--cost-fp-col, --cost-fn-col: a review fee, a transaction's amount).
 * The prices are summed once into the sweep (fp_cost, fn_cost: a prefix
 * sum at every distinct score), so that the cost at any threshold is a
 * lookup, and a side without a column costs a fixed price a mistake.
 */
#ifndef CUTOFF_ROWCOST_H
#define CUTOFF_ROWCOST_H

#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>

/* Gives sw its row costs from costs, a weighted sweep of the same rows
 * whose positives weigh their miss cost and negatives their false-alarm
 * cost (times their weight): the false alarms' side when fp, the misses'
 * when fn.  The two sweeps' scores may differ (a row that costs nothing
 * can be left out of costs), so they are matched by score.  0, or -1
 * when out of memory (sw unchanged). */
int rowcost_attach(struct sweep *sw, const struct sweep *costs, bool fp, bool fn);

/* The same from the cost rows themselves (each class's scores and their
 * costs, times their weights, in any order), which it takes and frees:
 * each class sorted in place and walked once down sw's scores, its
 * memory given back as the walk passes it, so that the rows' 16 bytes
 * are all the costs ever add.  negate: sw's scores are -score (--invert).
 * 0, or -1 when out of memory (sw unchanged). */
int rowcost_from_rows(struct sweep *sw, double *pos, double *pos_cost, size_t n_pos, double *neg, double *neg_cost,
		      size_t n_neg, bool fp, bool fn, bool negate);

/* True when sw has a row cost on either side. */
bool rowcost_any(const struct sweep *sw);

/* The total cost when the top k distinct scores are flagged: each side
 * its rows' own costs where sw has them, else cost_fp per false alarm
 * (cost_fn per miss) of its confusion matrix.  A price of 0 stays 0
 * whatever the count. */
double rowcost_total(const struct sweep *sw, size_t k, double cost_fp, double cost_fn);

/* The two parts of that total: the false alarms' and the misses'. */
void rowcost_sides(const struct sweep *sw, size_t k, double cost_fp, double cost_fn, double *fp, double *fn);

/* The same total at a threshold (score >= threshold flagged). */
double rowcost_at(const struct sweep *sw, double threshold, double cost_fp, double cost_fn);

#endif
