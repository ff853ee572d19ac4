/*
 * rowspanel: the rows behind a cell (r), in place of the plots: the cell,
 * its count and order, then a line a row (its id or line, its score, the
 * shown columns, the middle of a long one cut), the chosen row marked;
 * and a chosen row's whole record in a box.
 */
#ifndef CUTOFF_ROWSPANEL_H
#define CUTOFF_ROWSPANEL_H

#include "app/view.h"
#include "ui/grid.h"

void rowspanel_draw(struct grid *g, struct rect r, const struct view *v);

/* The record box over the screen (when one is open). */
void rowspanel_record(struct grid *g, const struct view *v);

#endif
