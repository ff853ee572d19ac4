/*
 * statusline: the bottom line (the command line, a message or the keys).
 */
#ifndef CUTOFF_STATUSLINE_H
#define CUTOFF_STATUSLINE_H

#include "app/view.h"
#include "ui/grid.h"

void statusline_draw(struct grid *g, struct rect r, const struct view *v);

#endif
