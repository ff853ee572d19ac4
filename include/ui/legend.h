/*
 * legend: each series' style and glyph, and the legends of models and
 * folds drawn in a plot's corner.
 */
#ifndef CUTOFF_LEGEND_H
#define CUTOFF_LEGEND_H

#include "app/view.h"
#include "ui/grid.h"

#include <stdbool.h>
#include <stdint.h>

/* Series s's style and glyph (four, then again). */
enum style legend_style(int s);
uint32_t legend_glyph(const struct view *v, int s);

/* Each model's line: its glyph, name and ROC AUC (auc), and for the
 * others the paired test against the model on screen, in area's bottom
 * left corner (left) or right. */
void legend_models(struct grid *g, struct rect area, const struct view *v, bool auc, bool left);

/* With --fold: the pooled model, then each fold style with its folds. */
void legend_folds(struct grid *g, struct rect area, const struct view *v, bool left);

#endif
