/*
 * layout: fixed heights for the header (1), slider (3) and status line (1);
 * the body below splits into a left column of tables and a plot area.
 */
#include "ui/layout.h"

#include <string.h>

#define PLOT_MIN_W 36
#define PLOT_MIN_H 12

void layout_compute(struct layout *l, int w, int h, int rotation, int left_w)
{
	int body_y = 4, body_h, px, pw, cols, rows, i;

	memset(l, 0, sizeof *l);
	l->w = w;
	l->h = h;
	l->left_w = left_w;
	if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
		l->too_small = 1;
		return;
	}
	body_h = h - body_y - 1;
	l->header = (struct rect){ 0, 0, w, 1 };
	l->slider = (struct rect){ 0, 1, w, 3 };
	l->status = (struct rect){ 0, h - 1, w, 1 };
	l->matrix = (struct rect){ 0, body_y, left_w, 9 };
	l->metrics = (struct rect){ 0, body_y + 9, left_w, 7 };
	if (body_h > 9 + 7 + 3)
		l->summary = (struct rect){ 0, body_y + 16, left_w, body_h - 16 };
	else
		l->metrics.h = body_h - 9;

	px = left_w + 1;
	pw = w - px;
	cols = pw >= 2 * PLOT_MIN_W + 1 ? 2 : 1;
	rows = body_h >= 2 * PLOT_MIN_H ? 2 : 1;
	if (pw < PLOT_MIN_W / 2)
		cols = rows = 0;
	l->n_plots = cols * rows;
	for (i = 0; i < l->n_plots; i++) {
		int c = i % cols, r = i / cols;
		int cw = (pw - (cols - 1)) / cols, rh = body_h / rows;

		l->plot[i] = (struct rect){ px + c * (cw + 1), body_y + r * rh, cw,
					   r == rows - 1 ? body_h - r * rh : rh };
		l->kind[i] = (enum plot_kind)((i + rotation) % PLOT_COUNT);
	}
}
