/*
 * helpbox: the framed box over the screen that shows the keys (?), the
 * commands (:help) or one command (:help NAME).  Text wraps to the box;
 * when it is taller than the screen, it scrolls (view.help_top) and says
 * how much is above and below.
 */
#ifndef CUTOFF_HELPBOX_H
#define CUTOFF_HELPBOX_H

#include "ui/grid.h"
#include "app/view.h"

/* Draws the box for the view's help_what over a w x h screen. */
void helpbox_draw(struct grid *g, int w, int h, const struct view *v);

/* The largest help_top that still fills the box (0 when all fits). */
int helpbox_max_top(int w, int h, const struct view *v);

/* A box's frame over r (its inside blanked), as the help box has it. */
void helpbox_frame(struct grid *g, struct rect r, const struct view *v);

#endif
