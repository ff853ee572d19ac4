/*
 * layout: where each panel goes for a terminal size.  At 80x24 the tables
 * take the left and one plot the right (a key cycles which); wider and
 * taller terminals get two or four plots and a plain-language summary.
 */
#ifndef CUTOFF_LAYOUT_H
#define CUTOFF_LAYOUT_H

#include "ui/grid.h"

#define LAYOUT_MIN_W 60
#define LAYOUT_LEFT_W 45          /* the tables' column, at least */
#define LAYOUT_WIDE_LEFT_W 85     /* from 200 columns: the metrics with their intervals */
#define LAYOUT_MIN_H 20
#define LAYOUT_MAX_PLOTS 4

/* The views, in the order v cycles through them. */
enum plot_kind { PLOT_ROC, PLOT_PR, PLOT_HIST, PLOT_METRICS, PLOT_GAIN, PLOT_NET_BENEFIT, PLOT_CALIBRATION, PLOT_COUNT,
		 PLOT_GROUPS /* with groups, in the histogram's place */ };

struct layout {
	int w, h, left_w;
	int too_small;
	struct rect header, slider, matrix, metrics, summary, status;
	int n_plots;
	struct rect plot[LAYOUT_MAX_PLOTS];
	enum plot_kind kind[LAYOUT_MAX_PLOTS];
};

/* rotation picks which plot comes first when not all fit. */
void layout_compute(struct layout *l, int w, int h, int rotation, int left_w);

#endif
