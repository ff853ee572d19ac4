/*
 * slider: the threshold's track.  Row 0: the optima's letters (F, J, C,
 * $) and the review capacity (B) at their thresholds, the range's ends
 * where no letter is; row 1: the track, flagged part highlighted, the
 * bootstrap's band, each group's letter under a per-group strategy, and
 * the knob last; row 2: the exact threshold and what it flags.
 */
#include "ui/slider.h"

#include "app/costview.h"
#include "core/stats/deploy.h"
#include "core/base/fmt.h"
#include "ui/glyph.h"
#include "ui/grouppanel.h"

#include <math.h>
#include <stdio.h>

/* The track spans columns [x0, x0 + w). */
static int track_col(struct rect r, double pos)
{
	int w = r.w - 2;

	if (pos < 0)
		pos = 0;
	if (pos > 1)
		pos = 1;
	return r.x + 1 + (int)lround(pos * (w - 1));
}

/* Whether n cells of row y from x hold nothing (only blanks). */
static int row_free(const struct grid *g, int x, int y, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (x + i >= 0 && x + i < g->w && y >= 0 && y < g->h &&
		    g->cells[(size_t)y * (size_t)g->w + (size_t)(x + i)].ch != ' ')
			return 0;
	return 1;
}

/* The optima's letters above the track, each at its threshold's column;
 * optima at the same or next columns show side by side ("FJ"), in
 * column order, rather than one hiding the other. */
static void slider_marks(struct grid *g, struct rect r, const struct view *v, const struct view_model *m,
			 const char marks[BEST_COUNT + 2])
{
	int col[BEST_COUNT + 2], who[BEST_COUNT + 2], n = 0, b, i, x, next = r.x;

	/* the optima, then the review capacity (:budget) as B, the pin as P */
	for (b = 0; b <= BEST_COUNT + 1; b++)
		if (b == BEST_COUNT + 1 ? v->pinned : b == BEST_COUNT ? v->budget > 0 : m->best[b] != VIEW_NONE) {
			size_t k = b == BEST_COUNT + 1 ? sweep_index(m->sw, v->pin) :
				   b == BEST_COUNT ? deploy_budget_k(m->sw, v->budget) : m->best[b];
			int c = track_col(r, view_position(v, k));

			/* insertion by column; equal columns keep F, J, C, $ order */
			for (i = n; i > 0 && col[i - 1] > c; i--) {
				col[i] = col[i - 1];
				who[i] = who[i - 1];
			}
			col[i] = c;
			who[i] = b;
			n++;
		}
	for (i = 0; i < n; i++) {
		x = col[i] > next ? col[i] : next;
		/* the letters still to come must fit before the right end */
		if (x > r.x + r.w - 1 - (n - i))
			x = r.x + r.w - 1 - (n - i);
		grid_put(g, x, r.y, (uint32_t)marks[who[i]], who[i] >= BEST_COUNT ? ST_WARN : ST_KEY);
		next = x + 1;
	}
}

/* What the mistakes cost here, and at the pin with the change, as much
 * as fits whole ("   cost $1,427 (pin 0.5: $1,997, -$570)"); the
 * columns used. */
static int draw_cost(struct grid *g, int x, int y, int room, const struct view *v)
{
	const struct view_model *m = view_current(v);
	double now = costview_total(v, m->k), then, d;
	char a[48], b[48], c[48], t[40];
	int used;

	fmt_money(a, sizeof a, now, v->cost_unit);
	if (!v->pinned)
		return grid_printf(g, x, y, ST_LABEL, room, "   cost %s", a);
	then = costview_at(v, v->pin);
	d = now - then;
	fmt_money(b, sizeof b, then, v->cost_unit);
	fmt_money(c, sizeof c, fabs(d), v->cost_unit);
	fmt_exact(t, sizeof t, v->pin);
	if ((used = grid_printf(g, x, y, ST_LABEL, room, "   cost %s (pin %s: %s, %s%s)", a, t, b, d < 0 ? "-" : "+", c)) == 0 &&
	    (used = grid_printf(g, x, y, ST_LABEL, room, "   cost %s (%s%s)", a, d < 0 ? "-" : "+", c)) == 0)
		used = grid_printf(g, x, y, ST_LABEL, room, "   cost %s", a);
	return used;
}

/* Long: the slider's three rows drawn in order (optima letters and end
 * values, the track with every knob, the exact threshold line); the rows
 * share the columns computed at the top. */
void slider_draw(struct grid *g, struct rect r, const struct view *v)
{
	static const char marks[BEST_COUNT + 2] = { 'F', 'J', 'C', '$', 'B', 'P' };
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	double total = sw->pos + sw->neg, flagged = view_flagged(m, m->k);
	int knob = track_col(r, view_position(v, m->k)), x, end, used;
	char t[40], a[32], c[32], p[32], pol[64], kn[64];

	/* row 0: the optima, then the ends' values where no letter is */
	slider_marks(g, r, v, m, marks);
	if (v->step == STEP_VALUE && sw->n > 0) {
		snprintf(t, sizeof t, "%.4g", sw->min);
		snprintf(c, sizeof c, "%.4g", sw->max);
	} else {
		snprintf(t, sizeof t, "all flagged");
		snprintf(c, sizeof c, "none flagged");
	}
	/* a label next to a letter would read as one number ("3FC1"): one
	 * blank at least between them, or the label gives way */
	if (row_free(g, r.x + 1, r.y, grid_text_width(t) + 1))
		grid_text(g, r.x + 1, r.y, t, ST_DIM, 12);
	if (row_free(g, r.x + r.w - 2 - grid_text_width(c), r.y, grid_text_width(c) + 1))
		grid_text(g, r.x + r.w - 1 - grid_text_width(c), r.y, c, ST_DIM, 12);

	/* row 1: the track, flagged part highlighted, and the knob */
	grid_put(g, r.x, r.y + 1, glyph_get(v->glyphs, G_LEND), ST_SLIDER);
	grid_put(g, r.x + r.w - 1, r.y + 1, glyph_get(v->glyphs, G_REND), ST_SLIDER);
	for (x = r.x + 1; x < r.x + r.w - 1; x++)
		grid_put(g, x, r.y + 1, glyph_get(v->glyphs, G_HLINE), x > knob ? ST_KNOB : ST_SLIDER);
	/* after :bootstrap, the band where the best F1's threshold fell */
	if (v->has_band && v->band_model == v->model) {
		int c1 = track_col(r, view_position(v, sweep_index(sw, v->band_hi)));
		int c2 = track_col(r, view_position(v, sweep_index(sw, v->band_lo)));

		for (x = c1 < c2 ? c1 : c2; x <= (c1 < c2 ? c2 : c1); x++)
			grid_put(g, x, r.y + 1, glyph_get(v->glyphs, G_BAND), ST_MARKER);
	}
	/* :band: the review band shaded between its cuts, L and H at them */
	if (v->band) {
		int cl = track_col(r, view_position(v, sweep_index(sw, v->band_low)));
		int ch = track_col(r, view_position(v, sweep_index(sw, v->band_high)));

		for (x = (cl < ch ? cl : ch) + 1; x < (cl < ch ? ch : cl); x++)
			grid_put(g, x, r.y + 1, glyph_get(v->glyphs, G_BAND), ST_MARKER);
		grid_put(g, cl, r.y + 1, 'L', v->band_sel == 1 ? ST_ACTIVE : ST_WARN);
		grid_put(g, ch, r.y + 1, 'H', v->band_sel == 2 ? ST_ACTIVE : ST_WARN);
	}
	/* per-group thresholds: each group's knob, in its letter */
	if (v->group_strategy && v->group_strategy_model == v->model) {
		size_t gi;

		for (gi = 0; gi < v->n_groups; gi++) {
			int col = track_col(r, view_position(v, sweep_index(sw, view_group_threshold(v, gi))));

			grid_put(g, col, r.y + 1, grouppanel_mark(gi), v->group_sel == gi ? ST_ACTIVE : ST_MARKER);
		}
	}
	/* --fold: where each fold's own best F1 lies, as its number (1-9,
	 * then letters), so that the spread shows at a glance */
	if (v->folds && v->group_best != NULL) {
		size_t f;

		for (f = 0; f < v->n_groups; f++) {
			double best = v->group_best[v->model * v->n_groups + f];

			if (!isnan(best))
				grid_put(g, track_col(r, view_position(v, sweep_index(sw, best))), r.y + 1,
					 f < 9 ? (uint32_t)('1' + f) : grouppanel_mark(f - 9), ST_MARKER);
		}
	}
	/* the model's own knob last: it stays in sight */
	grid_put(g, knob, r.y + 1, glyph_get(v->glyphs, G_KNOB), ST_KNOB);

	/* row 2: the threshold, exactly, and what it flags; under per-group
	 * thresholds, the policy and what they flag together */
	fmt_exact(t, sizeof t, m->threshold);
	x = r.x;
	end = r.x + r.w;
	if (view_policy(v, pol, sizeof pol) != NULL) {
		struct confusion pc;

		view_pooled(v, &pc);
		flagged = pc.tp + pc.fp;
		x += grid_text(g, x, r.y + 2, "per group: ", ST_LABEL, r.w);
		x += grid_whole(g, x, r.y + 2, pol, ST_VALUE, end - x);
		snprintf(kn, sizeof kn, " (knob %s)", t);
		if (grid_text_width(kn) <= end - x) {
			x += grid_text(g, x, r.y + 2, " (knob ", ST_LABEL, end - x);
			x += grid_text(g, x, r.y + 2, t, ST_VALUE, end - x);
			x += grid_text(g, x, r.y + 2, ")", ST_LABEL, end - x);
		}
	} else {
		x += grid_text(g, x, r.y + 2, "threshold ", ST_LABEL, r.w);
		x += grid_whole(g, x, r.y + 2, t, ST_VALUE, end - x);
	}
	/* what it flags, as much as fits whole */
	fmt_count(a, sizeof a, flagged);
	fmt_count(c, sizeof c, total);
	if (total > 0)
		fmt_rate(p, sizeof p, 100 * flagged / total);
	else
		snprintf(p, sizeof p, "n/a");
	if ((used = grid_printf(g, x, r.y + 2, ST_LABEL, end - x, "   flags %s of %s (%s%%)", a, c, p)) == 0 &&
	    (used = grid_printf(g, x, r.y + 2, ST_LABEL, end - x, "   flags %s of %s", a, c)) == 0)
		used = grid_printf(g, x, r.y + 2, ST_LABEL, end - x, "   flags %s", a);
	x += used;
	if (v->costs && view_policy(v, pol, sizeof pol) == NULL)
		x += draw_cost(g, x, r.y + 2, end - x, v);
	/* --fold: what the digits on the slider are */
	if (v->folds && v->group_best != NULL && x + 30 <= r.x + r.w) {
		char digits[24];

		if (v->n_groups <= 9)
			snprintf(digits, sizeof digits, "1-%zu", v->n_groups);
		else
			snprintf(digits, sizeof digits, "1-9, %c-%c", (char)grouppanel_mark(0), (char)grouppanel_mark(v->n_groups - 10));
		x += grid_printf(g, x, r.y + 2, ST_DIM, r.x + r.w - x, "   %s: each fold's best F1", digits);
	}
	/* the step mode only where it fits whole */
	if (x + 12 + (v->step == STEP_VALUE ? 11 : 4) <= r.x + r.w)
		grid_printf(g, x, r.y + 2, ST_DIM, r.x + r.w - x, "   slide by %s",
			    v->step == STEP_VALUE ? "score value" : "rank");
}
