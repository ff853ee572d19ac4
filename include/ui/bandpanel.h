/*
 * bandpanel: the explorer's review band as --band prints it: the rows
 * decided positive, reviewed and decided negative, with how many are
 * right, in the matrix's place.
 */
#ifndef CUTOFF_BANDPANEL_H
#define CUTOFF_BANDPANEL_H

#include "app/view.h"
#include "ui/grid.h"

void bandpanel_draw(struct grid *g, struct rect r, const struct view *v);

#endif
