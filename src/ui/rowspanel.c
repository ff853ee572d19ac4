/*
 * rowspanel: the rows panel and the record box (see rowspanel.h).  What it
 * shows was read after the last action (rowsview_sync): drawing reads it.
 */
#include "ui/rowspanel.h"

#include "app/rowsview.h"
#include "core/base/fmt.h"
#include "core/base/text.h"
#include "ui/glyph.h"
#include "ui/helpbox.h"

#include <stdio.h>
#include <string.h>

static const char *const words[ROWS_CELLS] = {
	"False positives", "Misses", "True positives", "True negatives", "Nearest the threshold"
};
static const char *const order[ROWS_CELLS] = {
	"highest score first", "lowest score first", "highest score first", "lowest score first", "nearest first"
};

void rowspanel_draw(struct grid *g, struct rect r, const struct view *v)
{
	const struct rowsview *rv = v->rows;
	uint32_t gap = glyph_get(v->glyphs, G_ELLIPSIS);
	int idw = 4, sw = 5, x, y = r.y;
	char a[40], b[40];

	if (rv == NULL || r.w < 10 || r.h < 4)
		return;
	x = r.x + grid_text(g, r.x, y, words[rv->cell], ST_TITLE, r.w);
	x += grid_printf(g, x, y, ST_LABEL, r.x + r.w - x, " at %s: %s", fmt_exact(a, sizeof a, rv->threshold),
			 fmt_count(b, sizeof b, (double)rv->total));
	grid_printf(g, x, y, ST_DIM, r.x + r.w - x, " (%s)", order[rv->cell]);
	y++;
	/* the keys, in as many words as fit */
	if (grid_whole(g, r.x, y, v->glyphs == GLYPHS_ASCII ? "[ ] cell  Up/Down row  Enter record  r close"
							    : "[ ] cell  \u2191\u2193 row  Enter record  r close", ST_DIM, r.w) == 0)
		grid_text(g, r.x, y, v->glyphs == GLYPHS_ASCII ? "[ ] cell  Up/Down  Enter" : "[ ] cell  \u2191\u2193  Enter",
			  ST_DIM, r.w);
	y++;
	for (size_t i = 0; i < rv->n; i++) {
		int w = grid_text_width(rv->e[i].id[0] ? rv->e[i].id : "");
		char l[32];

		snprintf(l, sizeof l, "%llu", (unsigned long long)rv->e[i].line);
		if (!rv->e[i].id[0])
			w = grid_text_width(l);
		if (w > idw)
			idw = w;
		if (grid_text_width(fmt_exact(a, sizeof a, rv->e[i].score)) > sw)
			sw = grid_text_width(a);
	}
	if (idw > r.w / 3)
		idw = r.w / 3;
	grid_text(g, r.x + 2, y, rv->id_col != SIZE_MAX ? "id" : "line", ST_DIM, idw);
	grid_text(g, r.x + 2 + idw + 1 + sw - 5, y, "score", ST_DIM, 5);
	grid_text(g, r.x + 2 + idw + 1 + sw + 2, y++, "label, shown", ST_DIM, r.x + r.w - (r.x + 2 + idw + 1 + sw + 2));
	if (rv->n == 0)
		grid_text(g, r.x + 2, y, "(no row in this cell)", ST_DIM, r.w - 2);
	for (size_t i = 0; i < rv->n && y < r.y + r.h; i++, y++) {
		const struct rowsview_entry *e = &rv->e[i];
		char l[32];
		enum style st = i == rv->sel ? ST_ACTIVE : ST_VALUE;

		snprintf(l, sizeof l, "%llu", (unsigned long long)e->line);
		if (i == rv->sel)
			grid_text(g, r.x, y, v->glyphs == GLYPHS_ASCII ? ">" : "\u203a", ST_KNOB, 1);
		grid_text_mid(g, r.x + 2, y, e->id[0] ? e->id : l, st, idw, gap);
		fmt_exact(a, sizeof a, e->score);
		grid_whole(g, r.x + 2 + idw + 1 + sw - grid_text_width(a), y, a, e->positive ? ST_POS : ST_NEG, sw);
		x = r.x + 2 + idw + 1 + sw + 2;
		x += grid_text(g, x, y, e->positive ? v->pos_words : (v->neg_words ? v->neg_words : "other"), ST_LABEL,
			       r.x + r.w - x < 14 ? r.x + r.w - x : 14);
		if (e->shown[0] && r.x + r.w - x > 4)
			grid_shown_mid(g, x + 2, y, e->shown, ST_NORMAL, r.x + r.w - x - 2, gap);
	}
}

void rowspanel_record(struct grid *g, const struct view *v)
{
	const struct rowsview *rv = v->rows;
	uint32_t gap = glyph_get(v->glyphs, G_ELLIPSIS);
	int bw, bh, nw = 4, y;
	struct rect b;
	size_t i;

	if (rv == NULL || !rv->record_open)
		return;
	bw = g->w - 4 < 100 ? g->w - 4 : 100;
	bh = (int)rv->record.n + 3 < g->h - 2 ? (int)rv->record.n + 3 : g->h - 2;
	if (bw < 20 || bh < 4)
		return;
	b = (struct rect){ (g->w - bw) / 2, (g->h - 1 - bh) / 2, bw, bh };
	helpbox_frame(g, b, v);
	grid_printf(g, b.x + 2, b.y + 1, ST_TITLE, bw - 4, rv->ix.kept != NULL ?
		    "Line %llu, the columns kept as read (any key closes)" : "Line %llu, every column (any key closes)",
		    (unsigned long long)rv->record_line);
	for (i = 0; i < rv->record.n && i < rv->ix.n_names; i++)
		if (grid_text_width(rv->ix.names[i]) > nw)
			nw = grid_text_width(rv->ix.names[i]);
	if (nw > bw / 3)
		nw = bw / 3;
	for (i = 0, y = b.y + 2; i < rv->record.n && y < b.y + b.h - 1; i++, y++) {
		char col[32];
		const char *name = i < rv->ix.n_names ? rv->ix.names[i] : col;

		if (y == b.y + b.h - 2 && i + 1 < rv->record.n) {
			grid_printf(g, b.x + 2, y, ST_DIM, bw - 4, "... %zu more columns", rv->record.n - i);
			break;
		}
		snprintf(col, sizeof col, "column %zu", i + 1);
		grid_text_mid(g, b.x + 2, y, name, ST_LABEL, nw, gap);
		grid_text_mid(g, b.x + 2 + nw + 2, y, rv->record.buf + rv->record.off[i], ST_VALUE, bw - 6 - nw, gap);
	}
}
