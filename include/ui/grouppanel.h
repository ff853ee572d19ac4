/*
 * grouppanel: the --group / :group view in the v cycle (in place of the
 * score histogram): each group at its threshold (n, prevalence, flag
 * rate, recall, FPR, precision), a small bar for recall, the cells of
 * the largest gap highlighted, and under a strategy each group's own
 * threshold with the pooled result.
 */
#ifndef CUTOFF_GROUPPANEL_H
#define CUTOFF_GROUPPANEL_H

#include "ui/grid.h"
#include "app/view.h"

#include <stdint.h>

/* The rows the panel can show at most (a terminal is not taller). */
#define GROUPS_PANEL_MAX 200

/* The mark of group g on the ROC plot and in the panel: a, b, ..., z,
 * A, ..., Z, then '*'. */
uint32_t grouppanel_mark(size_t g);

void grouppanel_draw(struct grid *g, struct rect r, const struct view *v);

/* Each group's operating point on a ROC plot's canvas at area (FPR
 * across, TPR up), in its mark. */
void grouppanel_roc_marks(struct grid *g, struct rect area, const struct view *v);

#endif
