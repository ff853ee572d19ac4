/*
 * axes: the frame of a plot (plot.c and deployplot.c draw inside it).
 */
#ifndef CUTOFF_AXES_H
#define CUTOFF_AXES_H

#include "ui/canvas.h"
#include "ui/grid.h"
#include "app/view.h"

/* The canvas area of a plot's rectangle: a title row above, tick labels
 * below, y labels and the axis to the left. */
struct rect axes_area(struct rect r);

/* A value in [0, 1] as a dot column (x) or row (y, 1 at the top). */
int axes_dot_x(const struct canvas *c, double x);
int axes_dot_y(const struct canvas *c, double y);

/* Where an FPR sits on ROC's x axis, 0 to 1: itself, or with L (logfpr)
 * its place on a log axis from 1/negatives to 1. */
double axes_fpr(const struct view *v, double fpr);

/* Under area a, at row y: the log FPR axis's decades (1e-3, .01, .1, 1),
 * each where it falls and only where it fits apart from the last. */
void axes_fpr_decades(struct grid *g, struct rect a, int y, const struct view *v);

/* The y axis of area a in rectangle r, ticked 0, .25, .5, .75, 1. */
void axes_y(struct grid *g, struct rect r, struct rect a, const struct view *v);

/* Three labels under the area: at the left, the middle and the right. */
void axes_x_labels(struct grid *g, struct rect a, int y, const char *left, const char *mid, const char *right);

/* The threshold as a vertical line through the empty cells of column col
 * of a canvas drawn at area. */
void axes_threshold_line(struct grid *g, const struct canvas *base, struct rect area, const struct view *v, int col);

/* A plot's title: the first of the n forms (head and tail, longest first)
 * that fits whole, with a blank column before the next plot; a number is
 * never cut. */
void axes_title(struct grid *g, struct rect r, const char *const head[], const char *const tail[], int n);

#endif
