/*
 * bandpanel: the review band's table (:band) in the matrix's place.
 */
#include "ui/bandpanel.h"

#include "app/bandview.h"
#include "core/base/fmt.h"

#include <math.h>
#include <stdio.h>

/* :band: the three-way table in the matrix's place, as --band prints it:
 * each column as wide as its widest figure, whole or left out. */
void bandpanel_draw(struct grid *g, struct rect r, const struct view *v)
{
	static const char *const rows[3] = { "auto positive", "review", "auto negative" };
	static const char *const head[4] = { "rows", "right", "positive", "negative" };
	struct band b;
	char cell[3][4][40], lo[40], hi[40];
	int w[4], x;

	bandview_at(v, &b);
	grid_printf(g, r.x, r.y, ST_TITLE, r.w, "Review band %s to %s", fmt_exact(lo, sizeof lo, b.low),
		    fmt_exact(hi, sizeof hi, b.high));
	{
		double n[3] = { b.pos_n, b.review_n, b.neg_n }, right[3] = { b.precision, NAN, b.npv };
		double p[3] = { b.tp, b.review_pos, b.fn }, q[3] = { b.fp, b.review_neg, b.tn };

		for (int i = 0; i < 3; i++) {
			fmt_count(cell[i][0], sizeof cell[i][0], n[i]);
			if (i == 1)
				cell[i][1][0] = '\0';
			else
				fmt_rate(cell[i][1], sizeof cell[i][1], right[i]);
			fmt_count(cell[i][2], sizeof cell[i][2], p[i]);
			fmt_count(cell[i][3], sizeof cell[i][3], q[i]);
		}
	}
	for (int c = 0; c < 4; c++) {
		w[c] = grid_text_width(head[c]);
		for (int i = 0; i < 3; i++)
			if (grid_text_width(cell[i][c]) > w[c])
				w[c] = grid_text_width(cell[i][c]);
	}
	for (int i = -1; i < 3; i++) {
		if (i >= 0)
			grid_text(g, r.x, r.y + 2 + i, rows[i], ST_LABEL, 13);
		x = r.x + 13;
		for (int c = 0; c < 4 && x + 1 + w[c] <= r.x + r.w; c++) {
			const char *t = i < 0 ? head[c] : cell[i][c];

			grid_whole(g, x + 1 + w[c] - grid_text_width(t), r.y + 2 + i, t, i < 0 ? ST_DIM : ST_VALUE, w[c]);
			x += 1 + w[c];
		}
	}
	grid_printf(g, r.x, r.y + 6, ST_DIM, r.w, "coverage %s  decided right %s", fmt_rate(cell[0][0], sizeof cell[0][0], b.coverage),
		    fmt_rate(cell[0][1], sizeof cell[0][1], b.accuracy_decided));
}
