/*
 * axes: the frame every plot shares: where its canvas goes in its
 * rectangle, the y axis with 0 to 1 ticks, labels under the x axis, the
 * title that picks the longest form that fits, and the threshold line.
 */
#include "ui/axes.h"

#include "ui/glyph.h"
#include "core/stats/curve.h"

#include <math.h>
#include <stdio.h>

/* The canvas area of a plot's rectangle: a title row above, tick labels
 * below, y labels and the axis to the left. */
struct rect axes_area(struct rect r)
{
	return (struct rect){ r.x + 5, r.y + 1, r.w - 5, r.h - 2 };
}

int axes_dot_x(const struct canvas *c, double x)
{
	return (int)lround(x * (c->w - 1));
}

int axes_dot_y(const struct canvas *c, double y)
{
	return (int)lround((1 - y) * (c->h - 1));
}

double axes_fpr(const struct view *v, double fpr)
{
	return v->logfpr ? curve_log_position(fpr, curve_fpr_floor(view_current(v)->sw)) : fpr;
}

void axes_fpr_decades(struct grid *g, struct rect a, int y, const struct view *v)
{
	double floor = curve_fpr_floor(view_current(v)->sw);
	int end = a.x - 1; /* the last label's end */

	for (int d = (int)ceil(log10(floor) - 1e-9); d <= 0; d++) {
		char s[16];
		int col = a.x + (int)lround(curve_log_position(pow(10, d), floor) * (a.w - 1)), w;

		if (d == 0)
			snprintf(s, sizeof s, "1");
		else if (d >= -2)
			snprintf(s, sizeof s, "%.*f", -d, pow(10, d)); /* .1, .01 */
		else
			snprintf(s, sizeof s, "1e%d", d);
		w = grid_text_width(s);
		col = col - w / 2 < a.x ? a.x : col + (w + 1) / 2 > a.x + a.w ? a.x + a.w - w : col - w / 2;
		if (col <= end + 1)
			continue;
		grid_text(g, col, y, s, ST_AXIS, w);
		end = col + w - 1;
	}
}

void axes_y(struct grid *g, struct rect r, struct rect a, const struct view *v)
{
	static const char *const labels[] = { "1", ".75", ".5", ".25", "0" };
	int i, step = a.h >= 9 ? 1 : 2, y;

	for (y = a.y; y < a.y + a.h; y++)
		grid_put(g, r.x + 4, y, glyph_get(v->glyphs, G_VLINE), ST_AXIS);
	for (i = 0; i <= 4; i += step) {
		y = a.y + (int)lround((double)i / 4 * (a.h - 1));
		grid_text(g, r.x + 3 - grid_text_width(labels[i]), y, labels[i], ST_AXIS, 4);
		grid_put(g, r.x + 4, y, glyph_get(v->glyphs, G_TICK), ST_AXIS);
	}
}

void axes_x_labels(struct grid *g, struct rect a, int y, const char *left, const char *mid, const char *right)
{
	grid_text(g, a.x, y, left, ST_AXIS, a.w / 3);
	grid_text(g, a.x + (a.w - grid_text_width(mid)) / 2, y, mid, ST_AXIS, a.w / 3);
	grid_text(g, a.x + a.w - grid_text_width(right), y, right, ST_AXIS, a.w / 3);
}

/* The threshold as a vertical line through the empty cells of column x. */
void axes_threshold_line(struct grid *g, const struct canvas *base, struct rect area, const struct view *v, int col)
{
	int row;

	if (col < 0 || col >= area.w)
		return;
	for (row = 0; row < area.h; row++)
		if (canvas_cell_empty(base, col, row))
			grid_put(g, area.x + col, area.y + row, glyph_get(v->glyphs, G_VLINE), ST_THRESHOLD);
}

/* A plot's title: the first of the forms (a title and its values, longest
 * first) that fits whole, with a blank column before the next plot; a
 * number is never cut. */
void axes_title(struct grid *g, struct rect r, const char *const head[], const char *const tail[], int n)
{
	int i = 0, x;

	while (i < n - 1 && grid_text_width(head[i]) + grid_text_width(tail[i]) > r.w - 1)
		i++;
	if (grid_text_width(head[i]) + grid_text_width(tail[i]) > r.w - 1) {
		grid_text(g, r.x, r.y, head[i], ST_TITLE, r.w - 1);
		return;
	}
	x = r.x + grid_text(g, r.x, r.y, head[i], ST_TITLE, r.w - 1);
	grid_text(g, x, r.y, tail[i], ST_LABEL, r.x + r.w - 1 - x);
}
