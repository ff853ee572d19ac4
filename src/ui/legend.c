/*
 * legend: which line is which.  Each series has a style and a glyph (the
 * curves of several models or folds, the metrics against the threshold),
 * and the legends of models (with their paired tests) and of folds sit
 * in the corner a plot's curves leave free.
 */
#include "ui/legend.h"

#include "core/base/fmt.h"
#include "core/stats/interval.h"
#include "ui/glyph.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum style legend_style(int s)
{
	static const enum style style[4] = { ST_CURVE, ST_CURVE2, ST_CURVE3, ST_CURVE4 };

	return style[s & 3];
}

uint32_t legend_glyph(const struct view *v, int s)
{
	static const uint32_t uni[4] = { 0x2501, 0x254D, 0x2505, 0x2508 };
	static const uint32_t asc[4] = { '*', '+', 'o', 'x' };

	return v->glyphs == GLYPHS_ASCII ? asc[s & 3] : uni[s & 3];
}

/* Drops the 0 before a decimal point: "-0.013" to "-.013", "0.0031" to
 * ".0031" (a legend's short form). */
static void short_number(char *s)
{
	char *z = s + (s[0] == '+' || s[0] == '-');

	if (z[0] == '0' && z[1] == '.')
		memmove(z, z + 1, strlen(z));
}

/* Model i against the current one: DeLong's paired test, in the short
 * form " -.013 p .0031", and its p in *p; 0 when there is none. */
static int versus(const struct view *v, size_t i, char *buf, size_t cap, double *p)
{
	size_t k;
	char d[32], ps[32];

	for (k = 0; k < v->n_pairs; k++) {
		const struct view_pair *vp = &v->pairs[k];
		double diff, z;

		if (!((vp->a == i && vp->b == v->model) || (vp->b == i && vp->a == v->model)) || !(vp->se > 0))
			continue;
		diff = vp->a == i ? vp->difference : -vp->difference; /* this one minus the current */
		z = diff / vp->se;
		*p = interval_p_value(z);
		/* two significant digits: a legend, not a report */
		snprintf(d, sizeof d, "%+.2g", diff);
		snprintf(ps, sizeof ps, "%.2g", *p);
		short_number(d);
		short_number(ps);
		snprintf(buf, cap, " %s p %s", d, ps);
		return 1;
	}
	return 0;
}

/* Each model's line: its glyph, name and ROC AUC, and for the others the
 * paired test against the model on screen ("+.013 p .003"), as much as
 * half the plot holds.  Names lose their middle first; a significant test
 * (p < 0.05) keeps its place by cutting the name down to 8 columns.  left:
 * in the bottom left corner, else the bottom right. */
void legend_models(struct grid *g, struct rect area, const struct view *v, bool auc, bool left)
{
	size_t i;
	int y = area.y + area.h - (int)v->n_models;

	for (i = 0; i < v->n_models && y + (int)i >= area.y; i++) {
		const char *name = v->models[i].name;
		char tail[160] = "", a[32], vs[80];
		int w, x, room = auc ? area.w * 2 / 3 : area.w / 2, name_w;
		double p = NAN;

		name_w = grid_text_width(name);
		if (auc) {
			/* the name whole first, then its AUC, then the test */
			snprintf(tail, sizeof tail, " %s", fmt_rate(a, sizeof a, v->models[i].sw->roc_auc));
			if (i != v->model && versus(v, i, vs, sizeof vs, &p)) {
				int need = grid_text_width(tail) + grid_text_width(vs) + 3;

				if (name_w + need <= room || (p < 0.05 && (name_w < 8 ? name_w : 8) + need <= room))
					strncat(tail, vs, sizeof tail - strlen(tail) - 1);
			}
			if ((name_w < 8 ? name_w : 8) + grid_text_width(tail) + 3 > room)
				tail[0] = '\0';
		}
		w = name_w + grid_text_width(tail) + 3; /* glyph, space, name, tail, a blank */
		if (w > room)
			w = room;
		/* the corner the curves leave free: ROC's bottom right, PR's
		 * bottom left (its curves end at the bottom right) */
		x = left ? area.x + 1 : area.x + area.w - w;
		grid_put(g, x, y + (int)i, legend_glyph(v, (int)i), legend_style((int)i));
		grid_put(g, x + 1, y + (int)i, ' ', legend_style((int)i));
		x += 2 + grid_text_mid(g, x + 2, y + (int)i, name, legend_style((int)i), w - 3 - grid_text_width(tail),
				       glyph_get(v->glyphs, G_ELLIPSIS));
		grid_text(g, x, y + (int)i, tail, i == v->model ? ST_VALUE : p < 0.05 ? ST_LABEL : ST_DIM,
			  grid_text_width(tail));
	}
}

/* o with --fold: which line is which, in the corner its legend would
 * take: the pooled model bold, then each of the three fold styles with
 * its folds' names ("╍ folds 1 4", "┅ folds 2 5", "┈ fold 3"). */
void legend_folds(struct grid *g, struct rect area, const struct view *v, bool left)
{
	size_t n = v->n_groups < 3 ? v->n_groups : 3, i, f;
	int y = area.y + area.h - 1 - (int)n, room = area.w / 2;

	for (i = 0; i <= n && y + (int)i >= area.y; i++) {
		char line[160];
		size_t used, count = 0;
		int w, x;

		if (i == 0) {
			snprintf(line, sizeof line, "%s, pooled", v->models[v->model].name);
		} else {
			used = (size_t)snprintf(line, sizeof line, "fold");
			for (f = i - 1; f < v->n_groups && used < sizeof line - 40; f += 3, count++)
				used += (size_t)snprintf(line + used, sizeof line - used, " %s", v->group_names[f]);
			if (count > 1)
				memmove(line + 5, line + 4, strlen(line + 4) + 1), line[4] = 's';
		}
		w = grid_shown_width(line) + 3;
		if (w > room)
			w = room;
		x = left ? area.x + 1 : area.x + area.w - w;
		grid_put(g, x, y + (int)i, legend_glyph(v, (int)i), legend_style((int)i));
		grid_put(g, x + 1, y + (int)i, ' ', legend_style((int)i));
		grid_shown_mid(g, x + 2, y + (int)i, line, legend_style((int)i), w - 3, glyph_get(v->glyphs, G_ELLIPSIS));
	}
}
