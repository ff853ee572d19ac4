/*
 * grouppanel: a table of groups drawn straight into the grid; every number
 * comes from the group's sweep at its threshold, as --report --group
 * prints it (fmt.h).  O(groups x log rows) a frame.
 */
#include "ui/grouppanel.h"

#include "ui/axes.h"

#include "core/stats/fairness.h"
#include "core/base/fmt.h"
#include "core/stats/metrics.h"
#include "ui/glyph.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

uint32_t grouppanel_mark(size_t g)
{
	if (g < 26)
		return (uint32_t)('a' + g);
	if (g < 52)
		return (uint32_t)('A' + g - 26);
	return '*';
}


/* The table's columns, in the order drawn; the priority decides which
 * stay when the panel is narrow (the rates first). */
enum col { C_N, C_PREV, C_THR, C_FLAG, C_RECALL, C_FPR, C_PREC, C_COUNT };

static const struct {
	const char *head;
	enum metric m;          /* METRIC_COUNT: not a rate */
	int priority;           /* 0 first */
} cols[C_COUNT] = {
	[C_N] = { "n", METRIC_COUNT, 6 }, [C_PREV] = { "prev.", METRIC_COUNT, 5 },
	[C_THR] = { "threshold", METRIC_COUNT, 0 }, [C_FLAG] = { "flagged", METRIC_PREDICTED_POSITIVE_RATE, 4 },
	[C_RECALL] = { "recall", METRIC_RECALL, 1 }, [C_FPR] = { "FPR", METRIC_FPR, 2 },
	[C_PREC] = { "precision", METRIC_PRECISION, 3 },
};

/* Cell text of a group in column c, cf its matrix at thr. */
static const char *cell(char *a, size_t cap, const struct sweep *sw, const struct confusion *cf, double thr, enum col c)
{
	double total = sw->pos + sw->neg;

	switch (c) {
	case C_N: return fmt_count(a, cap, total);
	case C_PREV: return fmt_rate(a, cap, total > 0 ? sw->pos / total : NAN);
	case C_THR: snprintf(a, cap, "%.4g", thr); return a;
	default: return fmt_rate(a, cap, metrics_value(cols[c].m, cf));
	}
}

/* The table as measured for a frame: each group's matrix at its
 * threshold, the columns that fit, and the largest gap among the rates. */
struct table {
	size_t n;
	const struct sweep *sw[GROUPS_PANEL_MAX];
	double thr[GROUPS_PANEL_MAX];
	struct confusion cf[GROUPS_PANEL_MAX];
	bool own;               /* a strategy holds for the model on screen */
	int nw, w[C_COUNT], bar;
	bool shown[C_COUNT];
	double best;            /* the largest gap, -1: none */
	enum col widest;
	size_t hi, lo;          /* the groups at its two ends */
};

static void measure(struct table *t, struct rect r, const struct view *v)
{
	size_t i, h, l;
	int used, p, c;
	double gap;
	char a[40];

	memset(t, 0, sizeof *t);
	t->n = v->n_groups < GROUPS_PANEL_MAX ? v->n_groups : GROUPS_PANEL_MAX;
	t->own = v->group_strategy && v->group_strategy_model == v->model;
	t->nw = 5;
	t->best = -1;
	t->widest = C_RECALL;
	for (i = 0; i < t->n; i++) {
		t->sw[i] = view_group_sweep(v, i);
		t->thr[i] = view_group_threshold(v, i);
		t->cf[i] = sweep_at(t->sw[i], t->thr[i]); /* once a frame: every cell reads it */
		if (grid_shown_width(v->group_names[i]) > t->nw)
			t->nw = grid_shown_width(v->group_names[i]);
	}
	if (t->nw > 14)
		t->nw = 14;
	/* each column as wide as its widest cell, plus a space */
	for (c = 0; c < C_COUNT; c++) {
		t->w[c] = grid_text_width(cols[c].head) + 1;
		for (i = 0; i < t->n; i++)
			if (grid_text_width(cell(a, sizeof a, t->sw[i], &t->cf[i], t->thr[i], (enum col)c)) + 1 > t->w[c])
				t->w[c] = grid_text_width(a) + 1;
	}
	/* the columns that fit, by priority; the threshold only under a strategy */
	used = 2 + t->nw;
	for (p = 0; p < C_COUNT; p++)
		for (c = 0; c < C_COUNT; c++)
			if (cols[c].priority == p && (c != C_THR || t->own) && used + t->w[c] <= r.w - 1) {
				t->shown[c] = true;
				used += t->w[c];
			}
	if (r.w - 1 - used >= 6)
		t->bar = r.w - 1 - used - 1 < 12 ? r.w - 1 - used - 1 : 12;
	/* the largest gap among the rates: its two cells stand out */
	for (c = C_FLAG; c <= C_PREC; c++) {
		gap = fairness_gap_of(t->cf, t->n, cols[c].m, &h, &l);
		if (!isnan(gap) && gap > t->best)
			t->best = gap, t->widest = (enum col)c, t->hi = h, t->lo = l;
	}
}

/* "By region: equal-recall 0.8   largest gap: recall 0.21": the column
 * always; under a prevalence the caveat that these rates are the
 * sample's, before the policy (the slider's row says the policy too);
 * each piece whole or not at all. */
static void title(struct grid *g, struct rect r, const struct view *v, const struct table *t)
{
	static const char *const caveat[] = { " (as sampled, not reweighted)", " (as sampled)" };
	char a[40], head[48], pol[64] = "", text[200];
	int x, end = r.x + r.w - 1, c, with;

	snprintf(head, sizeof head, "By %.30s", v->group_column ? v->group_column : "group");
	if (t->own)
		view_policy(v, pol, sizeof pol);
	/* the candidates, longest first: caveat (long, short, none) x policy (with, without) */
	for (c = v->prevalence > 0 ? 0 : 2; c <= 2; c++)
		for (with = pol[0] != '\0'; with >= 0; with--) {
			snprintf(text, sizeof text, "%s%s%s%s", head, with ? ": " : "", with ? pol : "", c < 2 ? caveat[c] : "");
			if (grid_text_width(text) <= r.w - 1 || (c == 2 && !with))
				goto found;
		}
found:
	x = r.x + grid_text(g, r.x, r.y, text, ST_TITLE, r.w - 1) + 2;
	if (t->best >= 0 && x < end) {
		const char *label = metric_table[cols[t->widest].m].label;

		fmt_rate(a, sizeof a, t->best);
		if (grid_printf(g, x, r.y, ST_WARN, end - x, "largest gap: %s %s", label, a) == 0)
			grid_printf(g, x, r.y, ST_WARN, end - x, "gap: %s %s", label, a);
	}
}

/* Group i's row at y: its mark, name, cells and recall bar. */
static void row(struct grid *g, struct rect r, int y, const struct view *v, const struct table *t, size_t i)
{
	double rec = metrics_value(METRIC_RECALL, &t->cf[i]);
	enum style st = v->group_sel == i ? ST_KNOB : ST_VALUE;
	char a[40];
	int x, c, b;

	grid_put(g, r.x, y, grouppanel_mark(i), ST_MARKER);
	grid_shown_mid(g, r.x + 2, y, v->group_names[i], v->group_sel == i ? ST_ACTIVE : ST_LABEL, t->nw,
		       glyph_get(v->glyphs, G_ELLIPSIS));
	for (x = r.x + 2 + t->nw, c = 0; c < C_COUNT; c++) {
		if (!t->shown[c])
			continue;
		cell(a, sizeof a, t->sw[i], &t->cf[i], t->thr[i], (enum col)c);
		/* the gap that matters most */
		grid_text(g, x + t->w[c] - grid_text_width(a), y, a,
			  t->best >= 0 && c == (int)t->widest && (i == t->hi || i == t->lo) ? ST_WARN : st, t->w[c]);
		x += t->w[c];
	}
	/* recall as a bar: who is caught, at a glance */
	for (b = 0; t->bar > 0 && !isnan(rec) && b < (int)lround(rec * t->bar); b++)
		grid_put(g, x + 1 + b, y, glyph_get(v->glyphs, G_BAND), ST_CURVE);
}

/* Under a strategy: all groups at their own thresholds, pooled, against
 * the model's one threshold; four pieces flowed onto as many lines as the
 * width needs (both sides of the trade-off). */
static void pooled(struct grid *g, struct rect r, int y, const struct view *v, const struct table *t)
{
	struct confusion pl = { 0, 0, 0, 0 }, s = sweep_at(view_current(v)->sw, view_current(v)->threshold);
	char a[40], b[40], d[40], part[4][48];
	int x = r.x + r.w - 1, end = x, k;
	size_t i;

	for (i = 0; i < v->n_groups; i++) {
		struct confusion gc = i < t->n ? t->cf[i] : sweep_at(view_group_sweep(v, i), view_group_threshold(v, i));

		pl.tp += gc.tp, pl.fp += gc.fp, pl.tn += gc.tn, pl.fn += gc.fn;
	}
	snprintf(part[0], sizeof part[0], "pooled: recall %s,", fmt_rate(a, sizeof a, metrics_value(METRIC_RECALL, &pl)));
	snprintf(part[1], sizeof part[1], "precision %s;", fmt_rate(b, sizeof b, metrics_value(METRIC_PRECISION, &pl)));
	snprintf(part[2], sizeof part[2], "%s %s false alarm%s,", fmt_count(d, sizeof d, fabs(pl.fp - s.fp)),
		 pl.fp >= s.fp ? "more" : "fewer", fabs(pl.fp - s.fp) == 1 ? "" : "s");
	snprintf(part[3], sizeof part[3], "%s %s miss%s", fmt_count(d, sizeof d, fabs(pl.fn - s.fn)),
		 pl.fn >= s.fn ? "more" : "fewer", fabs(pl.fn - s.fn) == 1 ? "" : "es");
	for (k = 0; k < 4; k++) {
		int pw = grid_text_width(part[k]);

		if (x + 1 + pw > end) {
			if (y + 1 >= r.y + r.h)
				break;
			/* a new line, indented under "pooled:" where the piece fits so */
			x = r.x + (k > 0 && r.x + 8 + pw <= end ? 8 : 0) - 1;
			y++;
		}
		x += 1 + grid_whole(g, x + 1, y, part[k], k >= 2 ? ST_WARN : ST_LABEL, end - x - 1);
	}
}

void grouppanel_draw(struct grid *g, struct rect r, const struct view *v)
{
	struct table t;
	size_t i;
	int x, y, c;

	measure(&t, r, v);
	title(g, r, v, &t);
	y = r.y + 1;
	grid_text(g, r.x + 2, y, "group", ST_LABEL, t.nw);
	for (x = r.x + 2 + t.nw, c = 0; c < C_COUNT; c++)
		if (t.shown[c]) {
			grid_text(g, x + t.w[c] - grid_text_width(cols[c].head), y, cols[c].head, ST_LABEL, t.w[c]);
			x += t.w[c];
		}
	for (i = 0; i < t.n && y + 1 < r.y + r.h - (t.own ? 1 : 0); i++)
		row(g, r, ++y, v, &t, i);
	if (t.n < v->n_groups && y + 1 < r.y + r.h)
		if (grid_printf(g, r.x + 2, ++y, ST_DIM, r.w - 3, "(%zu more: --report --group lists all)", v->n_groups - t.n) == 0)
			grid_printf(g, r.x + 2, y, ST_DIM, r.w - 3, "(%zu more)", v->n_groups - t.n);
	if (t.own && y + 1 < r.y + r.h)
		pooled(g, r, y, v, &t);
}

void grouppanel_roc_marks(struct grid *g, struct rect area, const struct view *v)
{
	size_t i;

	for (i = 0; i < v->n_groups; i++) {
		struct confusion c = sweep_at(view_group_sweep(v, i), view_group_threshold(v, i));
		double x = axes_fpr(v, metrics_value(METRIC_FPR, &c)), y = metrics_value(METRIC_RECALL, &c);

		if (isnan(x) || isnan(y))
			continue;
		grid_put(g, area.x + (int)lround(x * (area.w - 1)), area.y + (int)lround((1 - y) * (area.h - 1)),
			 grouppanel_mark(i), ST_MARKER);
	}
}
