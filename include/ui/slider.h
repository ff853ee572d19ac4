/*
 * slider: the explorer's threshold slider, three rows drawn into a grid.
 */
#ifndef CUTOFF_SLIDER_H
#define CUTOFF_SLIDER_H

#include "ui/grid.h"
#include "app/view.h"

void slider_draw(struct grid *g, struct rect r, const struct view *v);

#endif
