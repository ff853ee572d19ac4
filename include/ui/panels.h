/*
 * panels: everything on the explorer's screen, drawn into a grid from the
 * view.  Pure (no curses), so every panel has golden-text tests.  Plots keep
 * a rasterised base per slot, rebuilt only when the size, model, glyphs or
 * step mode change; a threshold step only redraws numbers, the knob, the
 * operating point and the threshold line.
 */
#ifndef CUTOFF_PANELS_H
#define CUTOFF_PANELS_H

#include "ui/canvas.h"
#include "ui/grid.h"
#include "ui/layout.h"
#include "ui/view.h"

#include <stddef.h>

struct plot_cache {
	int valid;
	enum plot_kind kind;
	struct rect area;           /* the canvas's cells on screen */
	size_t model;
	int overlay;
	enum glyphs glyphs;
	enum step_mode step;
	struct canvas base;
	size_t *idx;                /* ROC/PR: the current model's drawn points */
	size_t n_idx, cap_idx;
	double *bins;               /* histogram: positives then negatives */
	size_t cap_bins;
};

struct screen {
	struct layout lay;
	struct plot_cache cache[LAYOUT_MAX_PLOTS];
};

/* Draws the whole screen for the grid's size. */
void panels_draw(struct grid *g, struct screen *s, const struct view *v);

/* Forgets the cached plots (after the data or display mode changed). */
void panels_invalidate(struct screen *s);

void panels_free(struct screen *s);

/* One plot, drawn alone into a w x h grid, as text (for exports); the
 * caller frees it.  NULL when out of memory. */
char *panels_plot_text(const struct view *v, enum plot_kind kind, int w, int h);

enum hit { HIT_NONE, HIT_SLIDER, HIT_PLOT };

/* What the cell (x, y) of the last drawn screen points at; sets *k to the
 * threshold index it stands for. */
enum hit panels_hit(const struct screen *s, const struct view *v, int x, int y, size_t *k);

#endif
