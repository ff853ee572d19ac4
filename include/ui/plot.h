/*
 * plot: one plot of the explorer (ROC, precision-recall, histogram,
 * metrics against the threshold) drawn into a rectangle of a grid, with a
 * cache per screen slot: the rasterised base is rebuilt only when the
 * size, model, glyphs or step mode change; a threshold step only redraws
 * the operating point and the threshold line.
 */
#ifndef CUTOFF_PLOT_H
#define CUTOFF_PLOT_H

#include "ui/canvas.h"
#include "ui/deployplot.h"
#include "ui/grid.h"
#include "ui/layout.h"
#include "app/view.h"

#include <stdbool.h>
#include <stddef.h>

struct plot_cache {
	int valid;
	enum plot_kind kind;
	struct rect area;           /* the canvas's cells on screen */
	size_t model;
	unsigned data_gen;
	int overlay;
	enum glyphs glyphs;
	enum step_mode step;
	struct canvas base;
	size_t *idx;                /* ROC/PR: the current model's drawn points */
	size_t n_idx, cap_idx;
	double *bins;               /* histogram: positives then negatives */
	size_t cap_bins;
	struct deployplot_data deploy; /* gains, net benefit, calibration */
};
/* Draws the plot of that kind into r, rebuilding pc's base if needed. */
void plot_draw(struct grid *g, struct rect r, struct plot_cache *pc, enum plot_kind kind,
	       const struct view *v);

/* Whether cell (x, y) is on the last drawn plot; then *k is the
 * threshold index it points at. */
bool plot_hit(const struct plot_cache *pc, const struct view *v, int x, int y, size_t *k);

/* One plot drawn alone into a w x h grid, as text (for exports); the
 * caller frees it.  NULL when out of memory. */
char *plot_text(const struct view *v, enum plot_kind kind, int w, int h);

void plot_free(struct plot_cache *pc);

#endif
