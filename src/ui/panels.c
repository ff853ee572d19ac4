/*
 * panels: the explorer's screen.  Each panel is a function of a rectangle
 * and the view; the plots are plot.c's.  Numbers are formatted by fmt, as
 * the text report formats them, so the screen and --report agree.
 */
#include "ui/panels.h"

#include "app/bandview.h"
#include "app/costview.h"
#include "ui/bandpanel.h"
#include "ui/statusline.h"

#include "ui/classpanel.h"
#include "ui/rowspanel.h"
#include "core/load/rowlist.h"

#include "core/stats/curve.h"
#include "core/base/fmt.h"
#include "core/report/explain.h"
#include "core/report/reportband.h"
#include "core/report/reportbase.h"
#include "core/stats/interval.h"
#include "core/base/text.h"
#include "ui/glyph.h"
#include "ui/slider.h"
#include "ui/helpbox.h"
#include "app/keys.h"
#include "ui/plot.h"
#include "core/stats/metrics.h"
#include "core/report/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- header -------------------------------------------------------------- */

/* The file's name as it fits in room columns: the folder matters least, and
 * a path too long gives way from the left, a folder at a time, so that the
 * file's name stays ("…data/wine_scores.csv"). */
static int header_file(struct grid *g, int x, int y, const char *path, int room, bool whole, const struct view *v)
{
	const char *file = path, *slash = strrchr(path, '/'), *p;
	int used = 0;

	if (slash != NULL && slash[1] != '\0' && !whole)
		file = slash + 1;
	if (grid_text_width(file) <= room)
		return grid_text(g, x, y, file, ST_VALUE, room);
	p = file;
	while (*p && grid_text_width(p) + 1 > room) {
		const char *next = strchr(p + 1, '/');

		/* no folder left to drop: the name's own tail */
		p = next != NULL ? next : p + 1;
		while ((*p & 0xc0) == 0x80)
			p++;
	}
	grid_put(g, x, y, glyph_get(v->glyphs, G_ELLIPSIS), ST_DIM);
	used = 1 + grid_text(g, x + 1, y, p, ST_VALUE, room - 1);
	return used;
}

/* Long: the header line's pieces placed by priority in one pass (counts,
 * prevalence, file, model, warnings); each piece's room depends on what is
 * already placed. */
static void draw_header(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	double n = sw->pos + sw->neg;
	const char *slash = strrchr(v->file, '/');
	char a[32], b[32], c[32], rest[200], which[48] = "", deployed[48] = "", sample[48] = "";
	int x = r.x, end = r.x + r.w, file_w, name_w, room, file_room, name_room;
	bool whole = r.w >= 120, title;

	/* what must show whole comes first: n and the positives; the file and
	 * the model's name share what is left */
	if (v->n_models > 1)
		snprintf(which, sizeof which, " (%zu/%zu)", v->model + 1, v->n_models);
	if (!isnan(sw->sample_prevalence)) {
		/* reweighted to where the model is deployed: every count is */
		snprintf(deployed, sizeof deployed, " at prevalence %.4g%%", 100 * sw->pos / n);
		snprintf(sample, sizeof sample, " (sample %s%%)", fmt_rate(c, sizeof c, 100 * sw->sample_prevalence));
		snprintf(rest, sizeof rest, "  n %s  %s%s%s", fmt_count(a, sizeof a, n), v->pos_words, deployed, sample);
	} else {
		snprintf(rest, sizeof rest, "  n %s  %s %s (%s%%)", fmt_count(a, sizeof a, n), v->pos_words,
			 fmt_count(b, sizeof b, sw->pos), n > 0 ? fmt_rate(c, sizeof c, 100 * sw->pos / n) : "n/a");
	}
	file_w = grid_text_width(whole || slash == NULL || slash[1] == '\0' ? v->file : slash + 1);
	name_w = grid_text_width(m->name) + (sw->inverted ? 1 : 0);
	room = r.w - 8 - 2 - grid_text_width(which) - grid_text_width(rest);
	/* on a narrow screen the program's own name goes first */
	title = room >= 24;
	if (!title)
		room += 8;
	file_room = file_w < r.w / 3 ? file_w : r.w / 3;
	name_room = name_w < 24 ? name_w : 24;
	if (file_room + name_room > room) {
		/* both give way, the name keeping at least 12 columns */
		name_room = name_room < 12 ? name_room : 12;
		if (room - name_room > name_room && name_w > name_room)
			name_room = room - file_room > name_room ? room - file_room : name_room;
		if (name_room > 24)
			name_room = 24;
		file_room = room - name_room;
		if (file_room < 6)
			file_room = 6;
	}
	if (title)
		x += 2 + grid_text(g, x, r.y, "cutoff", ST_TITLE, r.w);
	x += header_file(g, x, r.y, v->file, file_room, whole, v);
	x += 2;
	if (sw->inverted) {
		/* --invert or :invert: the scores are the column's, negated */
		x += grid_text(g, x, r.y, "-", ST_WARN, 1);
		name_room--;
	}
	x += grid_text_mid(g, x, r.y, m->name, ST_VALUE, name_room, glyph_get(v->glyphs, G_ELLIPSIS));
	x += grid_text(g, x, r.y, which, ST_DIM, end - x);
	x += grid_printf(g, x, r.y, ST_LABEL, end - x, "  n %s  ", fmt_count(a, sizeof a, n));
	x += grid_text(g, x, r.y, v->pos_words, ST_LABEL, 16);
	if (deployed[0]) {
		x += grid_whole(g, x, r.y, deployed, ST_WARN, end - x);
		x += grid_whole(g, x, r.y, sample, ST_DIM, end - x);
	} else {
		x += grid_printf(g, x, r.y, ST_VALUE, end - x, " %s (%s%%)", fmt_count(b, sizeof b, sw->pos),
				 n > 0 ? fmt_rate(a, sizeof a, 100 * sw->pos / n) : "n/a");
	}
	if (v->ref_file != NULL && end - x > 6) {
		const char *rs = strrchr(v->ref_file, '/');

		x += 2 + grid_text(g, x + 2, r.y, "vs ", ST_DIM, end - x - 2);
		x += grid_text_mid(g, x, r.y, rs && rs[1] ? rs + 1 : v->ref_file, ST_DIM, end - x,
				   glyph_get(v->glyphs, G_ELLIPSIS));
	}
	if (sw->roc_auc < 0.5) {
		/* the scores run the wrong way: say it where it cannot be missed */
		const char *badge = end - x >= 22 ? "AUC<0.5: try :invert" : "AUC<0.5";

		if (end - x - 2 >= grid_text_width(badge))
			x += 2 + grid_text(g, x + 2, r.y, badge, ST_WARN, end - x - 2);
	}
	if (v->skipped > 0)
		x += 2 + grid_printf(g, x + 2, r.y, ST_WARN, end - x - 2, "skipped %s",
				     fmt_count(a, sizeof a, (double)v->skipped));
	if (sw->bins > 0)
		grid_printf(g, x + 2, r.y, ST_WARN, end - x - 2, "binned: AUC \u00b1%s",
			    fmt_rate(a, sizeof a, sw->auc_error));
}

/* ---- confusion matrix ---------------------------------------------------------- */

/* A cell of cw columns: the tag on the left, the count right-aligned on
 * the first row and its share of the row's total below it. */
static void count_cell(struct grid *g, int x, int y, int cw, const char *tag, double count, double of,
		       enum style st)
{
	char a[32], p[32];

	grid_text(g, x, y, tag, st, 2);
	fmt_count(a, sizeof a, count);
	grid_text(g, x + cw - fmt_width(a), y, a, st, cw);
	if (of > 0) {
		snprintf(p, sizeof p, "%.1f%%", 100 * count / of);
		grid_text(g, x + cw - fmt_width(p), y + 1, p, ST_DIM, cw);
	}
}

/* The matrix's columns for counts up to n: a cell holds a tag, a space and
 * the widest count (10 columns at least, as for "TP 999,999"); the total
 * column the count of all rows.  Counts are never cut: the class-name
 * column gives way first, then panels_left_width() widens the panel. */
struct matrix_cols {
	int lab, cw, tot;
};

static struct matrix_cols matrix_cols(double n, int width)
{
	char a[32];
	struct matrix_cols mc;
	int w = fmt_width(fmt_count(a, sizeof a, n));

	mc.cw = w + 3 > 10 ? w + 3 : 10;
	mc.tot = w + 1 > 10 ? w + 1 : 10;
	mc.lab = width - 2 * (mc.cw + 1) - mc.tot;
	if (mc.lab > 10)
		mc.lab = 10;
	return mc;
}

int panels_left_width(const struct view *v, int screen_w)
{
	double n = 0;
	size_t i;
	int need;

	for (i = 0; i < v->n_models; i++)
		if (v->models[i].sw->pos + v->models[i].sw->neg > n)
			n = v->models[i].sw->pos + v->models[i].sw->neg;
	need = 6 + 2 * (matrix_cols(n, 0).cw + 1) + matrix_cols(n, 0).tot;
	/* from 200 columns the metrics take their intervals in a column */
	if (screen_w >= 200 && need < LAYOUT_WIDE_LEFT_W)
		need = LAYOUT_WIDE_LEFT_W;
	return need > LAYOUT_LEFT_W ? need : LAYOUT_LEFT_W;
}

static void draw_matrix(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = view_current(v);
	struct confusion c = view_at(v, m->k);
	double pos = c.tp + c.fn, neg = c.tn + c.fp, n = pos + neg;
	const char *negw = v->neg_words ? v->neg_words : "other";
	struct matrix_cols mc = matrix_cols(n, r.w);
	char a[32], pol[64];
	int x, x0 = r.x, cx = r.x + mc.lab, c2 = cx + mc.cw + 1, right = c2 + mc.cw + 1 + mc.tot;
	int lw = mc.lab - 1, pw = grid_text_width(v->pos_words), nw = grid_text_width(negw);

	x = x0 + grid_text(g, x0, r.y, "Confusion matrix", ST_TITLE, r.w);
	/* under per-group thresholds this is the model's one knob: say so */
	if (view_policy(v, pol, sizeof pol) != NULL)
		grid_text(g, x, r.y, "  at the knob, one threshold", ST_DIM, r.x + r.w - x);
	grid_text(g, cx + 5, r.y + 1, "predicted", ST_DIM, 20);
	grid_text(g, cx + mc.cw - (pw < mc.cw - 1 ? pw : mc.cw - 1), r.y + 2, v->pos_words, ST_LABEL, mc.cw - 1);
	grid_text(g, c2 + mc.cw - (nw < mc.cw - 1 ? nw : mc.cw - 1), r.y + 2, negw, ST_LABEL, mc.cw - 1);
	grid_text(g, right - 5, r.y + 2, "total", ST_LABEL, 5);

	grid_text(g, x0, r.y + 3, v->pos_words, ST_LABEL, lw);
	count_cell(g, cx, r.y + 3, mc.cw, "TP", c.tp, pos, ST_GOOD);
	count_cell(g, c2, r.y + 3, mc.cw, "FN", c.fn, pos, ST_BAD);
	grid_text(g, x0, r.y + 5, negw, ST_LABEL, lw);
	count_cell(g, cx, r.y + 5, mc.cw, "FP", c.fp, neg, ST_BAD);
	count_cell(g, c2, r.y + 5, mc.cw, "TN", c.tn, neg, ST_GOOD);
	grid_text(g, x0, r.y + 7, "total", ST_LABEL, lw);
	count_cell(g, cx, r.y + 7, mc.cw, "", c.tp + c.fp, n, ST_VALUE);
	count_cell(g, c2, r.y + 7, mc.cw, "", c.fn + c.tn, n, ST_VALUE);
	fmt_count(a, sizeof a, pos);
	grid_text(g, right - fmt_width(a), r.y + 3, a, ST_VALUE, mc.tot);
	fmt_count(a, sizeof a, neg);
	grid_text(g, right - fmt_width(a), r.y + 5, a, ST_VALUE, mc.tot);
	fmt_count(a, sizeof a, n);
	grid_text(g, right - fmt_width(a), r.y + 7, a, ST_VALUE, mc.tot);
}

/* ---- metrics ----------------------------------------------------------------------- */

struct shown_metric {
	const char *label;
	enum metric metric;     /* METRIC_COUNT: threshold-free */
	int free_kind;          /* 1 ROC AUC, 2 average precision */
	int better;             /* +1 higher is better, -1 lower, 0 neither */
};

static const struct shown_metric shown[] = {
	{ "precision", METRIC_PRECISION, 0, +1 },
	{ "recall", METRIC_RECALL, 0, +1 },
	{ "specificity", METRIC_SPECIFICITY, 0, +1 },
	{ "NPV", METRIC_NPV, 0, +1 },
	{ "FPR", METRIC_FPR, 0, -1 },
	{ "ROC AUC", METRIC_COUNT, 1, +1 },
	{ "F1", METRIC_F1, 0, +1 },
	{ "accuracy", METRIC_ACCURACY, 0, +1 },
	{ "bal. acc.", METRIC_BALANCED_ACCURACY, 0, +1 },
	{ "MCC", METRIC_MCC, 0, +1 },
	{ "flagged", METRIC_PREDICTED_POSITIVE_RATE, 0, 0 },
	{ "avg prec.", METRIC_COUNT, 2, +1 },
};

/* A metric's interval (Wilson for the rates, DeLong for the AUC); 0 when
 * it has none (weights, no trials, the other metrics). */
static int metric_interval(const struct view *v, const struct view_model *m, const struct shown_metric *sm,
			   const struct confusion *c, double *lo, double *hi)
{
	double se, z = interval_z(interval_level(v->conf_level));

	if (m->sw->weighted)
		return 0;
	if (sm->metric != METRIC_COUNT)
		return interval_rate(sm->metric, c, z, lo, hi) == 0;
	if (sm->free_kind == 1 && !isnan(se = m->sw->roc_auc_se)) {
		/* computed once at load: a redraw does not walk the scores */
		interval_normal(m->sw->roc_auc, se, z, lo, hi);
		return 1;
	}
	return 0;
}

/* "±.022": half the width of a metric's interval to so many significant
 * digits, without the leading 0; 0 when it has none. */
static int metric_half_width(const struct view *v, const struct view_model *m, const struct shown_metric *sm,
			     const struct confusion *c, int digits, char *buf, size_t cap)
{
	double lo, hi;
	char num[32], *p;

	if (!metric_interval(v, m, sm, c, &lo, &hi))
		return 0;
	snprintf(num, sizeof num, "%.*g", digits, (hi - lo) / 2);
	p = num[0] == '0' && num[1] == '.' ? num + 1 : num; /* ".022" */
	snprintf(buf, cap, "%s%s", v->glyphs == GLYPHS_ASCII ? "+-" : "\u00b1", p);
	return 1;
}

/* With costs (and one threshold), the cost takes average precision's
 * place in the metrics (the PR plot's title keeps that): the mistakes in
 * money, its arrow since the pin or the last step (down is better).
 * False: no costs, average precision stays. */
static bool metric_cost(struct grid *g, int x, int y, const struct view *v)
{
	const struct view_model *m = view_current(v);
	double now, before;
	char a[48];

	if (!v->costs || view_policy(v, a, sizeof a) != NULL)
		return false;
	now = costview_total(v, m->k);
	before = v->pinned ? costview_at(v, v->pin) : costview_total(v, v->prev_k);

	grid_text(g, x, y, "cost", ST_LABEL, 11);
	if (fmt_width(fmt_money(a, sizeof a, now, v->cost_unit)) > 10)
		snprintf(a, sizeof a, "%.4g", now); /* past $99,999,999: as the rates are */
	x += 10 + grid_text(g, x + 10, y, a, ST_VALUE, 10);
	if (now != before)
		grid_put(g, x, y, glyph_get(v->glyphs, now > before ? G_UP : G_DOWN), now > before ? ST_DOWN : ST_UP);
	return true;
}

/* What the metrics' changes are since: the reference, or the pin. */
static void metrics_heading(struct grid *g, struct rect r, const struct view *v, bool wide)
{
	char a[40];

	if (v->ref_sw != NULL)
		grid_text(g, r.x + 9, r.y, wide ? "with the change since the reference"
					       : "change since ref., where it fits", ST_DIM, r.w - 9);
	else if (v->pinned)
		grid_printf(g, r.x + 9, r.y, ST_DIM, r.w - 9, "\u25b2\u25bc since the pin %s", fmt_exact(a, sizeof a, v->pin));
}

static void draw_metrics(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = view_current(v);
	/* the arrows: since the last step, or pinned, since the pin */
	struct confusion now = view_at(v, m->k),
			 before = v->pinned ? sweep_at(m->sw, v->pin) : view_at(v, v->prev_k);
	size_t i, n = sizeof shown / sizeof shown[0], rows = (n + 1) / 2;
	char a[32], hw[100];
	bool wide = r.w >= LAYOUT_WIDE_LEFT_W;
	/* ASCII writes the half-width with "+-", one column more than "\u00b1":
	 * the left column takes it, the right one moves over by one */
	int room = v->glyphs == GLYPHS_ASCII && r.w >= 45 ? 11 : 10, right = room == 11 ? 25 : 24;

	grid_text(g, r.x, r.y, "Metrics", ST_TITLE, r.w);
	/* wide: the change in a column of its own; else beside the value,
	 * where it fits, and the heading says so */
	metrics_heading(g, r, v, wide);
	for (i = 0; i < n; i++) {
		/* left: label 11, value up to 10 with its half-width ("0.9761±.02";
		 * rates alone up to 9: "3.507e-05"), arrow, a space; right, from
		 * 24: label 9, value up to 10 (MCC: "-1.234e-05"), arrow: 45 in
		 * all, nothing cut.  Wide (a panel of 85): each value followed by
		 * its interval, up to 18 ("0.005997-0.03236"), the right from 43 */
		int x = r.x + (i >= rows ? (wide ? 43 : right) : 0), y = r.y + 1 + (int)(i % rows), vx = i >= rows ? 10 : 12;
		int x0 = x;
		double val, old, lo, hi;

		if (y >= r.y + r.h)
			continue;
		if (shown[i].free_kind == 2 && metric_cost(g, x, y, v))
			continue;
		if (shown[i].metric == METRIC_COUNT) {
			val = old = shown[i].free_kind == 1 ? m->sw->roc_auc : m->sw->average_precision;
		} else {
			val = metrics_value(shown[i].metric, &now);
			old = metrics_value(shown[i].metric, &before);
		}
		grid_text(g, x, y, shown[i].label, ST_LABEL, 11);
		fmt_rate(a, sizeof a, val);
		x += grid_text(g, x + vx, y, a, ST_VALUE, 10) + vx;
		/* how sure: the interval in a column of its own when wide, else
		 * half its width, where the value leaves room */
		if (v->ref_sw != NULL) {
			/* --against: the change since the reference, in place of the interval */
			const struct sweep *rs = v->ref_sw[v->model];
			struct confusion rc = sweep_at(rs, m->threshold);
			double rv = shown[i].metric == METRIC_COUNT ? (shown[i].free_kind == 1 ? rs->roc_auc : rs->average_precision)
								    : metrics_value(shown[i].metric, &rc);
			char num[32], *q;

			snprintf(num, sizeof num, "%+.1g", val - rv);
			q = num;
			if ((num[0] == '+' || num[0] == '-') && num[1] == '0' && num[2] == '.')
				memmove(num + 1, num + 2, strlen(num + 2) + 1); /* "-.02" */
			if (isnan(val - rv))
				;
			else if (wide) /* its own column, as the interval's */
				grid_text(g, x0 + vx + 12, y, q, val - rv == 0 ? ST_DIM : ST_LABEL, 18);
			else if (fmt_width(a) + fmt_width(q) + 1 <= 11)
				x += 1 + grid_text(g, x + 1, y, q, val - rv == 0 ? ST_DIM : ST_LABEL, 10) + 1;
			/* a space between the change and the step's arrow: two figures */
		} else if (wide) {
			if (metric_interval(v, m, &shown[i], &now, &lo, &hi))
				grid_text(g, x0 + vx + 12, y, fmt_range(hw, sizeof hw, lo, hi), ST_DIM, 18);
		} else if (metric_half_width(v, m, &shown[i], &now, 2, hw, sizeof hw) &&
		    (fmt_width(a) + fmt_width(hw) <= (i >= rows ? 10 : room) ||
		     (metric_half_width(v, m, &shown[i], &now, 1, hw, sizeof hw) &&
		      fmt_width(a) + fmt_width(hw) <= (i >= rows ? 10 : room))))
			x += grid_text(g, x, y, hw, ST_DIM, i >= rows ? 10 : room);
		/* the arrow says which way it moved; its colour, whether that
		 * is better (green) or worse (red): FPR going down is good */
		if (!isnan(val) && !isnan(old) && val != old) {
			int rise = val > old ? 1 : -1;
			enum style st = shown[i].better == 0 ? ST_DIM : rise * shown[i].better > 0 ? ST_UP : ST_DOWN;

			grid_put(g, x, y, glyph_get(v->glyphs, rise > 0 ? G_UP : G_DOWN), st);
		}
	}
}

/* ---- plain-language summary ------------------------------------------------------------ */


static void draw_summary(struct grid *g, struct rect r, const struct view *v)
{
	struct confusion c = view_at(v, view_current(v)->k);
	char text[1024], pos[256], neg[256];

	if (r.h < 3)
		return;
	/* the class words from the data, escaped as every output shows them */
	text_escape(pos, sizeof pos, v->pos_words, strlen(v->pos_words), 60);
	if (v->neg_words != NULL)
		text_escape(neg, sizeof neg, v->neg_words, strlen(v->neg_words), 60);
	grid_text(g, r.x, r.y + 1, "In plain words", ST_TITLE, r.w);
	if (v->ref_sw != NULL) {
		/* --against: what changed says more than where it is */
		struct confusion rc = sweep_at(v->ref_sw[v->model], view_current(v)->threshold);

		size_t len = explain_drift(text, sizeof text, &rc, &c, pos);

		/* the drift itself: KS, PSI, the AUC's change and its test */
		if (v->ref_drift != NULL)
			view_drift_line(v, text + len, sizeof text - len);
	} else {
		char policy[64] = "";

		/* under per-group thresholds the words tell them, pooled */
		if (view_pooled(v, &c))
			view_policy(v, policy, sizeof policy);
		size_t len = 0;

		if (v->band) {
			/* the band's three ways come first */
			struct band b;

			bandview_at(v, &b);
			reportband_sentence(text, sizeof text, &b, pos, v->neg_words != NULL ? neg : "other");
			len = strlen(text);
			if (len + 2 < sizeof text)
				text[len++] = '\n', text[len] = '\0';
		}
		if (v->pinned) {
			/* p: what changes since the pinned threshold comes first */
			struct confusion pc = sweep_at(view_current(v)->sw, v->pin);
			double dc = v->costs ? costview_total(v, view_current(v)->k) - costview_at(v, v->pin) : NAN;

			reportbase_sentence(text + len, sizeof text - len, v->pin, c.tp - pc.tp, c.fp - pc.fp, dc, v->cost_unit, pos);
			len = strlen(text);
			if (len + 2 < sizeof text)
				text[len++] = '\n', text[len] = '\0';
		}
		if (v->costs && !policy[0]) {
			/* what the mistakes cost, in the money of :cost */
			char a[48], b[48], t[40];

			fmt_money(a, sizeof a, costview_total(v, view_current(v)->k), v->cost_unit);
			if (v->pinned)
				snprintf(text + len, sizeof text - len, "The mistakes cost %s here, %s at %s.\n", a,
					 fmt_money(b, sizeof b, costview_at(v, v->pin), v->cost_unit),
					 fmt_exact(t, sizeof t, v->pin));
			else
				snprintf(text + len, sizeof text - len, "The mistakes cost %s in all.\n", a);
			len = strlen(text);
		}
		explain_summary(text + len, sizeof text - len, &c, pos, v->neg_words != NULL ? neg : NULL,
				policy[0] ? policy : NULL);
	}
	/* one column short: the plots' y labels start right after the gutter */
	grid_wrap(g, (struct rect){ r.x, r.y + 2, r.w - 1, r.h - 2 }, r.y + 2, text, ST_NORMAL);
}

/* ---- the stakeholder view ------------------------------------------------------------------------ */

/* The plain words' rows: with g == NULL only counted.  gaps: a blank row
 * after the title and between paragraphs. */
static int stakeholder_rows(struct grid *g, int x, int y, int w, int bottom, const char *text, bool gaps)
{
	const char *p = text;
	int y0 = y, paragraph = 0;

	if (g != NULL)
		grid_text(g, x, y, "In plain words", ST_TITLE, w);
	y += gaps ? 2 : 1;
	while (*p && y < bottom) {
		char line[512];
		size_t len = strcspn(p, "\n");

		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (len == 0) {
			paragraph++;
			y += gaps;
		} else {
			y += grid_wrap(g, (struct rect){ x, y, w, bottom - y }, y, line, paragraph == 0 ? ST_VALUE : ST_NORMAL);
		}
		p += len + (p[len] == '\n');
	}
	return y - y0;
}

/* The same state in words and natural frequencies, calm and roomy: a
 * column at most 76 wide in the middle of the body.  On a short screen the
 * blank rows go first, then the reminder of the key; the words stay. */
static void draw_stakeholder(struct grid *g, const struct layout *l, const struct view *v)
{
	char text[2048];
	int w = l->w - 4 < 76 ? l->w - 4 : 76, x = (l->w - w) / 2, y = 5, bottom = l->h - 1;
	int need_gaps = 0, need = 0, dropped = 0;
	char hint[80] = "e or :explain returns to the numbers";

	view_stakeholder_text(v, text, sizeof text);
	need = stakeholder_rows(NULL, x, y, w, 1 << 20, text, false);
	/* too little room even over the slider: the last paragraphs (gains and
	 * net benefit come last) give way whole, never a cut sentence */
	while (need + (dropped > 0) > bottom - 4) { /* the marker takes a row */
		char *cut = NULL, *p;

		for (p = text; (p = strstr(p, "\n\n")) != NULL; p++)
			cut = p;
		if (cut == NULL || cut == text)
			break;
		cut[1] = '\0';
		dropped++;
		need = stakeholder_rows(NULL, x, y, w, 1 << 20, text, false);
	}
	/* what gave way is said, not silently gone: in the hint's place */
	if (dropped > 0)
		snprintf(hint, sizeof hint, "(%d more paragraph%s: a taller window, or x exports %s)", dropped,
			 dropped == 1 ? "" : "s", dropped == 1 ? "it" : "them");
	need_gaps = stakeholder_rows(NULL, x, y, w, 1 << 20, text, true);
	if (y + need_gaps + 2 <= bottom) {
		stakeholder_rows(g, x, y, w, bottom, text, true);
		grid_text(g, x, y + need_gaps + 1, hint, ST_DIM, w);
	} else if (y + need_gaps + (dropped > 0) <= bottom) {
		stakeholder_rows(g, x, y, w, bottom, text, true);
		if (dropped > 0)
			grid_text(g, x, y + need_gaps, hint, ST_DIM, w);
	} else {
		/* the slider's rows give the words room, if need be */
		if (y + need + (dropped > 0) > bottom && need + (dropped > 0) <= bottom - 4)
			y = bottom - need - (dropped > 0);
		stakeholder_rows(g, x, y, w, bottom, text, false);
		if (dropped > 0)
			grid_text(g, x, y + need, hint, ST_DIM, w);
	}
}

/* ---- the screen ------------------------------------------------------------------------------ */

void panels_draw(struct grid *g, struct screen *s, const struct view *v)
{
	struct layout *l = &s->lay;
	int i;

	grid_clear(g);
	if (l->w != g->w || l->h != g->h || l->left_w != panels_left_width(v, g->w))
		layout_compute(l, g->w, g->h, v->rotation, panels_left_width(v, g->w));
	if (l->too_small) {
		char msg[3][64];
		int y = g->h / 2 - 1;

		/* short lines, centred, so that even a tiny terminal shows them */
		snprintf(msg[0], sizeof msg[0], "cutoff needs %dx%d;", LAYOUT_MIN_W, LAYOUT_MIN_H);
		snprintf(msg[1], sizeof msg[1], "this terminal is %dx%d", g->w, g->h);
		snprintf(msg[2], sizeof msg[2], "(q quits)");
		for (i = 0; i < 3; i++) {
			int w = grid_text_width(msg[i]);

			grid_text(g, w < g->w ? (g->w - w) / 2 : 0, y + i, msg[i], i < 2 ? ST_WARN : ST_DIM, g->w);
		}
		return;
	}
	draw_header(g, l->header, v);
	slider_draw(g, l->slider, v);
	if (v->stakeholder) {
		draw_stakeholder(g, l, v);
	} else if (v->classes != NULL && v->classes_shown) {
		classpanel_draw(g, (struct rect){ 0, l->matrix.y, g->w, l->status.y - l->matrix.y }, v);
	} else {
		if (v->band)
			bandpanel_draw(g, l->matrix, v);
		else
			draw_matrix(g, l->matrix, v);
		draw_metrics(g, l->metrics, v);
		if (l->summary.h > 0)
			draw_summary(g, l->summary, v);
		if (v->rows != NULL && v->rows_shown && l->n_plots > 0) {
			/* the rows take the plots' place */
			int x0 = l->plot[0].x;

			rowspanel_draw(g, (struct rect){ x0, l->plot[0].y, g->w - x0, l->status.y - l->plot[0].y }, v);
		}
		for (i = 0; i < l->n_plots && !(v->rows != NULL && v->rows_shown); i++) {
			l->kind[i] = (enum plot_kind)((i + v->rotation) % PLOT_COUNT);
			if (l->kind[i] == PLOT_HIST && v->n_groups > 0 && !v->folds)
				l->kind[i] = PLOT_GROUPS; /* the groups take the scores' place */
			plot_draw(g, l->plot[i], &s->cache[i], l->kind[i], v);
		}
	}
	statusline_draw(g, l->status, v);
	if (v->rows != NULL)
		rowspanel_record(g, v);
	if (v->help)
		helpbox_draw(g, g->w, g->h, v);
}

void panels_invalidate(struct screen *s)
{
	int i;

	for (i = 0; i < LAYOUT_MAX_PLOTS; i++)
		s->cache[i].valid = 0;
}

void panels_free(struct screen *s)
{
	int i;

	for (i = 0; i < LAYOUT_MAX_PLOTS; i++)
		plot_free(&s->cache[i]);
	memset(s, 0, sizeof *s);
}

enum hit panels_hit(const struct screen *s, const struct view *v, int x, int y, size_t *k)
{
	const struct layout *l = &s->lay;
	int i;

	if (l->too_small)
		return HIT_NONE;
	if (y >= l->slider.y && y < l->slider.y + l->slider.h && x >= l->slider.x &&
	    x < l->slider.x + l->slider.w) {
		int w = l->slider.w - 2;

		*k = view_k_at(v, w > 1 ? (double)(x - l->slider.x - 1) / (w - 1) : 0.5);
		return HIT_SLIDER;
	}
	if (!v->stakeholder && !(v->classes != NULL && v->classes_shown) && y >= l->matrix.y + 3 && y < l->matrix.y + 7) {
		/* a matrix cell: its rows (TP FN over FP TN, two lines each) */
		const struct view_model *m = view_current(v);
		struct confusion c = view_at(v, m->k);
		struct matrix_cols mc = matrix_cols(c.tp + c.fn + c.tn + c.fp, l->matrix.w);
		int cx = l->matrix.x + mc.lab, c2 = cx + mc.cw + 1;
		bool actual_pos = y < l->matrix.y + 5;

		if (x >= cx && x < cx + mc.cw) {
			*k = actual_pos ? ROWS_TP : ROWS_FP;
			return HIT_CELL;
		}
		if (x >= c2 && x < c2 + mc.cw) {
			*k = actual_pos ? ROWS_FN : ROWS_TN;
			return HIT_CELL;
		}
	}
	for (i = 0; i < l->n_plots && !v->stakeholder; i++)
		if (plot_hit(&s->cache[i], v, x, y, k))
			return HIT_PLOT;
	return HIT_NONE;
}
