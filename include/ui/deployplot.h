/*
 * deployplot: the explorer's views of the deployment questions, in the v
 * cycle beside ROC and PR: cumulative gains (with the random diagonal and
 * the perfect model), the decision curve (net benefit, with treat-all and
 * treat-none) and the reliability diagram (with each bin's count).  Like
 * plot.c: a base raster built when the data changes, then per keystroke
 * only the title, the operating point and the threshold line.
 */
#ifndef CUTOFF_DEPLOYPLOT_H
#define CUTOFF_DEPLOYPLOT_H

#include "core/stats/calib.h"
#include "ui/canvas.h"
#include "ui/grid.h"
#include "ui/layout.h"
#include "app/view.h"

#include <stdbool.h>
#include <stddef.h>

/* What a deployment plot keeps beside its raster (owned by the plot's
 * cache, freed by deployplot_free). */
struct deployplot_data {
	double ymin, ymax;          /* net benefit: the y range */
	struct calib_bin *bins;     /* calibration: the non-empty bins */
	size_t n_bins;
	double *edges;              /* and every bin's edges */
	size_t n_edges;
	double max_count;
};

/* Whether kind is one of these views. */
bool deployplot_is(enum plot_kind kind);

/* Rasterises the base of the view (O(distinct scores)); -1 when out of
 * memory. */
int deployplot_build(struct canvas *base, struct deployplot_data *d, enum plot_kind kind, const struct view *v);

/* Title, axes, words and the operating point over the blitted base of a
 * plot in rectangle r, its canvas at area. */
void deployplot_draw(struct grid *g, struct rect r, struct rect area, const struct canvas *base,
		     const struct deployplot_data *d, enum plot_kind kind, const struct view *v);

/* The threshold index a click at fraction fx of the plot's width means. */
size_t deployplot_hit(const struct deployplot_data *d, enum plot_kind kind, const struct view *v, double fx);

void deployplot_free(struct deployplot_data *d);

#endif
