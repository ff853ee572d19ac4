/*
 * panels: everything on the explorer's screen, drawn into a grid from the
 * view: header, slider, matrix, metrics, plain words, plots (plot.h), the
 * status line, help and the stakeholder view.  Pure (no curses), so every
 * panel has golden-text tests.
 */
#ifndef CUTOFF_PANELS_H
#define CUTOFF_PANELS_H

#include "ui/grid.h"
#include "ui/layout.h"
#include "ui/plot.h"
#include "app/view.h"

#include <stddef.h>


struct screen {
	struct layout lay;
	struct plot_cache cache[LAYOUT_MAX_PLOTS];
};

/* Draws the whole screen for the grid's size. */
void panels_draw(struct grid *g, struct screen *s, const struct view *v);

/* The left column's width: wide enough for the matrix's largest count, and
 * from 200 columns for the metrics with their intervals. */
int panels_left_width(const struct view *v, int screen_w);

/* Forgets the cached plots (after the data or display mode changed). */
void panels_invalidate(struct screen *s);

void panels_free(struct screen *s);

enum hit { HIT_NONE, HIT_SLIDER, HIT_PLOT, HIT_CELL /* a matrix cell: *k is its enum rowlist_cell */ };

/* What the cell (x, y) of the last drawn screen points at; sets *k to the
 * threshold index it stands for. */
enum hit panels_hit(const struct screen *s, const struct view *v, int x, int y, size_t *k);

#endif
