/*
 * classpanel: --multiclass's whole decision (k): the K x K matrix (by the
 * thresholds, with "(none)", or by the highest score), the class on
 * screen's row and column marked, every class's threshold and figures
 * beside it, and the decision in plain words.  Many classes scroll with
 * the class on screen; names lose their middle, counts never a digit.
 */
#ifndef CUTOFF_CLASSPANEL_H
#define CUTOFF_CLASSPANEL_H

#include "app/view.h"
#include "ui/grid.h"

void classpanel_draw(struct grid *g, struct rect r, const struct view *v);

#endif
