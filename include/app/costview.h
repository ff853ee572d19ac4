/*
 * costview: what the mistakes cost on screen (:cost, --cost-fp,
 * --cost-fn and the row costs of --cost-fp-col, --cost-fn-col): the
 * prices, each model's cheapest threshold, and the cost at a step.
 */
#ifndef CUTOFF_COSTVIEW_H
#define CUTOFF_COSTVIEW_H

#include "app/view.h"

/* Sets the prices a mistake (a side with row costs keeps them) and finds
 * every model's cost optimum. */
void costview_set(struct view *v, double cost_fp, double cost_fn);

/* What the mistakes cost on the current model with its top k distinct
 * scores flagged (at a threshold): each row's own cost where the data
 * gives it, else the view's price a mistake.  A lookup. */
double costview_total(const struct view *v, size_t k);
double costview_at(const struct view *v, double threshold);

#endif
