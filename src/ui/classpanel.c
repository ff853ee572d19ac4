/*
 * classpanel: the whole decision of a score column per class (see
 * classpanel.h).  Everything it shows is the classview's, computed after
 * the last action: drawing reads, never computes over rows.
 */
#include "ui/classpanel.h"

#include "app/classview.h"
#include "core/base/fmt.h"
#include "core/base/text.h"
#include "ui/glyph.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NAME_W 16                   /* a class name's columns at most, its middle cut beyond */

/* The first of n consecutive items out of k that show item c, centred
 * where it can be. */
static size_t window(size_t c, size_t n, size_t k)
{
	if (n >= k)
		return 0;
	if (c < n / 2)
		return 0;
	return c - n / 2 + n > k ? k - n : c - n / 2;
}

static int name_width(const struct view *v, size_t k)
{
	int w = 6;

	for (size_t i = 0; i < k; i++) {
		int n = grid_text_width(v->class_names[i]);

		if (n > w)
			w = n;
	}
	return w < NAME_W ? w : NAME_W;
}

/* The matrix: rows actual, columns predicted, each column as wide as its
 * widest count or name (at least 5, names cut to 12).  Returns the rows
 * used. */
static int draw_matrix(struct grid *g, struct rect r, const struct view *v, int rows)
{
	const struct mc_result *res = &v->classes->r;
	const struct mc_matrix *m = v->classes_argmax ? &res->argmax : &res->thresholded;
	size_t k = m->k, cols = m->cols, c = v->model, first_r, first_c, nc, i, j;
	int lw = name_width(v, k), cw = cols > k ? 6 : 5, x, y = r.y; /* "(none)" whole */
	uint32_t gap = glyph_get(v->glyphs, G_ELLIPSIS);
	char a[40];

	for (i = 0; i < k * cols; i++) {
		int w = grid_text_width(fmt_count(a, sizeof a, m->cell[i]));

		if (w > cw)
			cw = w;
	}
	for (j = 0; j < k; j++) {
		int w = grid_text_width(v->class_names[j]);

		if (w > cw)
			cw = w < 12 ? w : (cw > 12 ? cw : 12);
	}
	nc = (size_t)((r.w - lw - 1) / (cw + 1));
	if (nc < 1)
		return 0;
	if (nc > cols)
		nc = cols;
	/* the "(none)" column stays in sight: the window slides over the classes */
	first_c = cols > k && nc < cols ? window(c, nc - 1, k) : window(c, nc, cols);
	first_r = window(c, (size_t)rows, k);
	for (j = 0; j < nc; j++) {
		size_t col = cols > k && nc < cols && j == nc - 1 ? cols - 1 : first_c + j;
		const char *name = col < k ? v->class_names[col] : "(none)";
		int w = grid_text_width(name) < cw ? grid_text_width(name) : cw;

		x = r.x + lw + 1 + (int)j * (cw + 1) + cw - w;
		grid_text_mid(g, x, y, name, col == c ? ST_ACTIVE : ST_LABEL, cw, gap);
	}
	y++;
	for (i = first_r; i < first_r + (size_t)rows && i < k; i++, y++) {
		grid_text_mid(g, r.x, y, v->class_names[i], i == c ? ST_ACTIVE : ST_LABEL, lw, gap);
		for (j = 0; j < nc; j++) {
			size_t col = cols > k && nc < cols && j == nc - 1 ? cols - 1 : first_c + j;
			double n = m->cell[i * cols + col];
			enum style st = col == i ? ST_GOOD : n > 0 ? (col == k ? ST_WARN : ST_BAD) : ST_DIM;
			int w = grid_text_width(fmt_count(a, sizeof a, n));

			grid_whole(g, r.x + lw + 1 + (int)j * (cw + 1) + cw - w, y, a, st, w);
		}
	}
	if (k > (size_t)rows || nc < cols)
		grid_printf(g, r.x, y++, ST_DIM, r.w, "classes %zu-%zu of %zu by row, %zu of %zu columns (m: next class)",
			    first_r + 1, first_r + (size_t)rows < k ? first_r + (size_t)rows : k, k, nc, cols);
	return y - r.y;
}

/* Every class's threshold and figures, the class on screen marked. */
static int draw_table(struct grid *g, struct rect r, const struct view *v, int rows)
{
	static const char *const head[] = { "threshold", "precision", "recall", "F1", "ROC AUC" };
	const struct mc_result *res = &v->classes->r;
	size_t k = res->k, c = v->model, first = window(c, (size_t)rows, k), i, j;
	int lw = name_width(v, k), w[5], x, y = r.y;
	uint32_t gap = glyph_get(v->glyphs, G_ELLIPSIS);
	char a[5][40];

	w[0] = 9;
	for (i = 0; i < k; i++) {
		int n = grid_text_width(fmt_exact(a[0], sizeof a[0], res->cls[i].threshold));

		if (n > w[0])
			w[0] = n;
	}
	w[1] = 9, w[2] = 6, w[3] = 6, w[4] = 7;
	grid_text(g, r.x, y, "class", ST_DIM, lw);
	for (j = 0, x = r.x + lw; j < 5; x += w[j] + 2, j++)
		grid_text(g, x + 2 + w[j] - grid_text_width(head[j]), y, head[j], ST_DIM, w[j]);
	y++;
	for (i = first; i < first + (size_t)rows && i < k; i++, y++) {
		const struct mc_class *cl = &res->cls[i];

		fmt_exact(a[0], sizeof a[0], cl->threshold);
		fmt_rate(a[1], sizeof a[1], cl->precision);
		fmt_rate(a[2], sizeof a[2], cl->recall);
		fmt_rate(a[3], sizeof a[3], cl->f1);
		fmt_rate(a[4], sizeof a[4], cl->roc_auc);
		grid_text_mid(g, r.x, y, v->class_names[i], i == c ? ST_ACTIVE : ST_LABEL, lw, gap);
		for (j = 0, x = r.x + lw; j < 5; x += w[j] + 2, j++)
			grid_whole(g, x + 2 + w[j] - grid_text_width(a[j]), y, a[j], j == 0 && i == c ? ST_KNOB : ST_VALUE,
				   w[j]);
	}
	return y - r.y;
}

/* The whole decision, then the class on screen, in words. */
static void draw_words(struct grid *g, struct rect r, const struct view *v)
{
	const struct mc_result *res = &v->classes->r;
	const struct mc_class *cl = &res->cls[v->model];
	double right = 0, top = 0;
	char text[900], name[100], a[10][40];

	for (size_t i = 0; i < res->k; i++) {
		right += res->thresholded.cell[i * (res->k + 1) + i];
		top += res->argmax.cell[i * res->k + i];
	}
	text_escape(name, sizeof name, v->class_names[v->model], strlen(v->class_names[v->model]), 40);
	snprintf(text, sizeof text,
		 "Of %s cases, %s (%s%%) go to the right class at these thresholds and %s abstain; by the highest score, %s (%s%%). "
		 "%s at %s: catches %s of %s, with %s false alarm%s.",
		 fmt_count(a[0], sizeof a[0], res->total), fmt_count(a[1], sizeof a[1], right),
		 fmt_rate(a[2], sizeof a[2], res->total > 0 ? 100 * right / res->total : NAN),
		 fmt_count(a[3], sizeof a[3], res->abstained), fmt_count(a[4], sizeof a[4], top),
		 fmt_rate(a[5], sizeof a[5], res->total > 0 ? 100 * top / res->total : NAN), name,
		 fmt_exact(a[6], sizeof a[6], cl->threshold), fmt_count(a[7], sizeof a[7], cl->c.tp),
		 fmt_count(a[8], sizeof a[8], cl->positives), fmt_count(a[9], sizeof a[9], cl->c.fp), cl->c.fp == 1 ? "" : "s");
	grid_wrap(g, r, r.y, text, ST_NORMAL);
}

void classpanel_draw(struct grid *g, struct rect r, const struct view *v)
{
	size_t k = v->classes->r.k;
	/* the rows below the title: the matrix (its names, its rows, a line
	 * saying what scrolls), a gap, the table (its names, its rows), a
	 * gap, the words */
	int words = r.w >= 100 ? 2 : r.w >= 72 ? 3 : 4, room = r.h - 6 - words, mrows, trows, y = r.y;

	if (room < 2)
		return;
	{
		/* the title as long as there is room: rows, columns, which decision */
		const char *what = v->classes_argmax ? "the highest score decides" : "the thresholds decide";
		int x = r.x + grid_text(g, r.x, y, "Every class", ST_TITLE, r.w);

		x += grid_printf(g, x, y, ST_LABEL, r.x + r.w - x, "  %s", what);
		x += grid_printf(g, x, y, ST_DIM, r.x + r.w - x, "  (a: %s)", v->classes_argmax ? "the thresholds" : "the highest score");
		grid_printf(g, x, y, ST_DIM, r.x + r.w - x, "  rows: actual, columns: predicted");
	}
	y += 1;
	/* the matrix and the table share the rows: every class in both when
	 * they fit, else the table keeps a third (at least 2: the class on
	 * screen and a neighbour) and the matrix the rest */
	if (2 * (int)k <= room) {
		mrows = trows = (int)k;
	} else {
		trows = room / 3 < 2 ? 2 : room / 3;
		if (trows > (int)k)
			trows = (int)k;
		mrows = room - trows < (int)k ? room - trows : (int)k;
		trows = room - mrows < (int)k ? room - mrows : (int)k;
	}
	if (mrows < 1)
		mrows = 1;
	y += draw_matrix(g, (struct rect){ r.x, y, r.w, r.h }, v, mrows) + 1;
	if (trows > r.y + r.h - words - 1 - y - 1)
		trows = r.y + r.h - words - 1 - y - 1;
	if (trows >= 1)
		y += draw_table(g, (struct rect){ r.x, y, r.w, r.h }, v, trows) + 1;
	draw_words(g, (struct rect){ r.x, r.y + r.h - words, r.w, words }, v);
}
