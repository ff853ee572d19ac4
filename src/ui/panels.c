/*
 * panels: the explorer's screen.  Each panel is a function of a rectangle
 * and the view.  Numbers are formatted exactly as the text report formats
 * them (report_sig4, explain_count), so the screen and --report agree.
 */
#include "ui/panels.h"

#include "core/curve.h"
#include "core/fmt.h"
#include "core/explain.h"
#include "ui/keys.h"
#include "core/metrics.h"
#include "core/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Glyphs with an ASCII twin. */
enum glyph { G_HLINE, G_VLINE, G_LEND, G_REND, G_KNOB, G_MARK, G_TICK, G_UP, G_DOWN, G_SEP, G_COUNT };

static uint32_t glyph(const struct view *v, enum glyph gl)
{
	static const uint32_t uni[G_COUNT] = { 0x2500, 0x2502, 0x251C, 0x2524, 0x25CF, 0x25C9, 0x2524, 0x25B2, 0x25BC, 0x2502 };
	static const uint32_t asc[G_COUNT] = { '-', '|', '[', ']', 'O', '@', '+', '^', 'v', '|' };

	return v->glyphs == GLYPHS_ASCII ? asc[gl] : uni[gl];
}

static const struct view_model *current(const struct view *v)
{
	return &v->models[v->model];
}

static struct confusion at_k(const struct view *v, size_t k)
{
	return sweep_confusion(current(v)->sw, k);
}

/* ---- header -------------------------------------------------------------- */

static void draw_header(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = current(v);
	const struct sweep *sw = m->sw;
	double n = sw->pos + sw->neg;
	const char *file = v->file, *slash = strrchr(v->file, '/');
	char a[32], b[32];
	int x = r.x, end = r.x + r.w;

	/* the folder matters least when space is short */
	if (slash != NULL && slash[1] != '\0' && r.w < 120)
		file = slash + 1;
	x += grid_text(g, x, r.y, "cutoff", ST_TITLE, r.w);
	x += 2;
	x += grid_text(g, x, r.y, file, ST_VALUE, r.w / 3);
	x += 2;
	x += grid_text(g, x, r.y, m->name, ST_VALUE, 24);
	if (v->n_models > 1)
		x += grid_printf(g, x, r.y, ST_DIM, end - x, " (%zu/%zu)", v->model + 1, v->n_models);
	x += 2;
	x += grid_printf(g, x, r.y, ST_LABEL, end - x, "n %s  ", fmt_count(a, sizeof a, n));
	x += grid_text(g, x, r.y, v->pos_words, ST_LABEL, 16);
	x += grid_printf(g, x, r.y, ST_VALUE, end - x, " %s (%s%%)", fmt_count(b, sizeof b, sw->pos),
			 n > 0 ? fmt_rate(a, sizeof a, 100 * sw->pos / n) : "n/a");
	if (v->skipped > 0)
		x += 2 + grid_printf(g, x + 2, r.y, ST_WARN, end - x - 2, "skipped %s",
				     fmt_count(a, sizeof a, (double)v->skipped));
	if (sw->bins > 0)
		grid_printf(g, x + 2, r.y, ST_WARN, end - x - 2, "binned: AUC \u00b1%s",
			    fmt_rate(a, sizeof a, sw->auc_error));
}

/* ---- slider ----------------------------------------------------------------- */

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

static void draw_slider(struct grid *g, struct rect r, const struct view *v)
{
	static const char marks[BEST_COUNT] = { 'F', 'J', 'C', '$' };
	const struct view_model *m = current(v);
	const struct sweep *sw = m->sw;
	double total = sw->pos + sw->neg, flagged = view_flagged(m, m->k);
	int knob = track_col(r, view_position(v, m->k)), x, b;
	char t[40], a[32], c[32], p[32];

	/* row 0: the ends' values and the optima */
	if (v->step == STEP_VALUE && sw->n > 0) {
		grid_printf(g, r.x + 1, r.y, ST_DIM, 12, "%.4g", sw->min);
		snprintf(t, sizeof t, "%.4g", sw->max);
		grid_text(g, r.x + r.w - 1 - grid_text_width(t), r.y, t, ST_DIM, 12);
	} else {
		grid_text(g, r.x + 1, r.y, "all flagged", ST_DIM, 12);
		grid_text(g, r.x + r.w - 13, r.y, "none flagged", ST_DIM, 12);
	}
	for (b = BEST_COUNT - 1; b >= 0; b--)
		if (m->best[b] != VIEW_NONE)
			grid_put(g, track_col(r, view_position(v, m->best[b])), r.y, (uint32_t)marks[b], ST_KEY);

	/* row 1: the track, flagged part highlighted, and the knob */
	grid_put(g, r.x, r.y + 1, glyph(v, G_LEND), ST_SLIDER);
	grid_put(g, r.x + r.w - 1, r.y + 1, glyph(v, G_REND), ST_SLIDER);
	for (x = r.x + 1; x < r.x + r.w - 1; x++)
		grid_put(g, x, r.y + 1, glyph(v, G_HLINE), x > knob ? ST_KNOB : ST_SLIDER);
	grid_put(g, knob, r.y + 1, glyph(v, G_KNOB), ST_KNOB);

	/* row 2: the threshold, exactly, and what it flags */
	fmt_exact(t, sizeof t, m->threshold);
	x = r.x;
	x += grid_text(g, x, r.y + 2, "threshold ", ST_LABEL, r.w);
	x += grid_text(g, x, r.y + 2, t, ST_VALUE, 26);
	x += grid_printf(g, x, r.y + 2, ST_LABEL, r.x + r.w - x, "   flags %s of %s (%s%%)",
			 fmt_count(a, sizeof a, flagged), fmt_count(c, sizeof c, total),
			 total > 0 ? fmt_rate(p, sizeof p, 100 * flagged / total) : "n/a");
	grid_printf(g, x, r.y + 2, ST_DIM, r.x + r.w - x, "   slide by %s",
		    v->step == STEP_VALUE ? "score value" : "rank");
}

/* ---- confusion matrix ---------------------------------------------------------- */

static void count_cell(struct grid *g, int x, int y, const char *tag, double count, double of,
		       enum style st)
{
	char a[32], p[32];

	grid_text(g, x, y, tag, st, 2);
	fmt_count(a, sizeof a, count);
	grid_text(g, x + 10 - grid_text_width(a), y, a, st, 8);
	if (of > 0) {
		snprintf(p, sizeof p, "%.1f%%", 100 * count / of);
		grid_text(g, x + 10 - grid_text_width(p), y + 1, p, ST_DIM, 8);
	}
}

static void draw_matrix(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = current(v);
	struct confusion c = at_k(v, m->k);
	double pos = c.tp + c.fn, neg = c.tn + c.fp, n = pos + neg;
	const char *negw = v->neg_words ? v->neg_words : "other";
	char a[32];
	int x0 = r.x, cx = r.x + 10;

	grid_text(g, x0, r.y, "Confusion matrix", ST_TITLE, r.w);
	grid_text(g, cx + 5, r.y + 1, "predicted", ST_DIM, 20);
	grid_text(g, cx + 10 - (grid_text_width(v->pos_words) < 9 ? grid_text_width(v->pos_words) : 9), r.y + 2,
		  v->pos_words, ST_LABEL, 9);
	grid_text(g, cx + 21 - (grid_text_width(negw) < 9 ? grid_text_width(negw) : 9), r.y + 2, negw, ST_LABEL, 9);
	grid_text(g, cx + 27, r.y + 2, "total", ST_LABEL, 5);

	grid_text(g, x0, r.y + 3, v->pos_words, ST_LABEL, 9);
	count_cell(g, cx, r.y + 3, "TP", c.tp, pos, ST_GOOD);
	count_cell(g, cx + 11, r.y + 3, "FN", c.fn, pos, ST_BAD);
	grid_text(g, x0, r.y + 5, negw, ST_LABEL, 9);
	count_cell(g, cx, r.y + 5, "FP", c.fp, neg, ST_BAD);
	count_cell(g, cx + 11, r.y + 5, "TN", c.tn, neg, ST_GOOD);
	grid_text(g, x0, r.y + 7, "total", ST_LABEL, 9);
	count_cell(g, cx, r.y + 7, "", c.tp + c.fp, n, ST_VALUE);
	count_cell(g, cx + 11, r.y + 7, "", c.fn + c.tn, n, ST_VALUE);
	fmt_count(a, sizeof a, pos);
	grid_text(g, cx + 32 - grid_text_width(a), r.y + 3, a, ST_VALUE, 10);
	fmt_count(a, sizeof a, neg);
	grid_text(g, cx + 32 - grid_text_width(a), r.y + 5, a, ST_VALUE, 10);
	fmt_count(a, sizeof a, n);
	grid_text(g, cx + 32 - grid_text_width(a), r.y + 7, a, ST_VALUE, 10);
}

/* ---- metrics ----------------------------------------------------------------------- */

struct shown_metric {
	const char *label;
	enum metric metric;     /* METRIC_COUNT: threshold-free */
	int free_kind;          /* 1 ROC AUC, 2 average precision */
};

static const struct shown_metric shown[] = {
	{ "precision", METRIC_PRECISION, 0 },
	{ "recall", METRIC_RECALL, 0 },
	{ "specificity", METRIC_SPECIFICITY, 0 },
	{ "NPV", METRIC_NPV, 0 },
	{ "FPR", METRIC_FPR, 0 },
	{ "ROC AUC", METRIC_COUNT, 1 },
	{ "F1", METRIC_F1, 0 },
	{ "accuracy", METRIC_ACCURACY, 0 },
	{ "bal. acc.", METRIC_BALANCED_ACCURACY, 0 },
	{ "MCC", METRIC_MCC, 0 },
	{ "flagged", METRIC_PREDICTED_POSITIVE_RATE, 0 },
	{ "avg prec.", METRIC_COUNT, 2 },
};

static void draw_metrics(struct grid *g, struct rect r, const struct view *v)
{
	const struct view_model *m = current(v);
	struct confusion now = at_k(v, m->k), before = at_k(v, v->prev_k);
	size_t i, n = sizeof shown / sizeof shown[0], rows = (n + 1) / 2;
	char a[32];

	grid_text(g, r.x, r.y, "Metrics", ST_TITLE, r.w);
	for (i = 0; i < n; i++) {
		/* label 11, value 8 ("0.005602"), arrow, a space */
		int x = r.x + (i >= rows ? 22 : 0), y = r.y + 1 + (int)(i % rows);
		double val, old;

		if (y >= r.y + r.h)
			continue;
		if (shown[i].metric == METRIC_COUNT) {
			val = old = shown[i].free_kind == 1 ? m->sw->roc_auc : m->sw->average_precision;
		} else {
			val = metrics_value(shown[i].metric, &now);
			old = metrics_value(shown[i].metric, &before);
		}
		grid_text(g, x, y, shown[i].label, ST_LABEL, 11);
		x += grid_text(g, x + 12, y, fmt_rate(a, sizeof a, val), ST_VALUE, 8) + 12;
		if (!isnan(val) && !isnan(old) && val != old)
			grid_put(g, x, y, glyph(v, val > old ? G_UP : G_DOWN), val > old ? ST_UP : ST_DOWN);
	}
}

/* ---- plain-language summary ------------------------------------------------------------ */

/* Writes text word-wrapped into r; returns the rows used. */
static int wrap(struct grid *g, struct rect r, int y, const char *text, enum style st)
{
	char line[256];
	const char *p = text;
	int rows = 0;

	while (*p && y + rows < r.y + r.h) {
		size_t len = 0, last_space = 0;

		while (p[len] && p[len] != '\n' && (int)len < r.w && len < sizeof line - 1) {
			if (p[len] == ' ')
				last_space = len;
			len++;
		}
		if (p[len] && p[len] != '\n' && p[len] != ' ' && last_space > 0)
			len = last_space;
		memcpy(line, p, len);
		line[len] = '\0';
		grid_text(g, r.x, y + rows, line, st, r.w);
		rows++;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return rows;
}

static void draw_summary(struct grid *g, struct rect r, const struct view *v)
{
	struct confusion c = at_k(v, current(v)->k);
	char text[512];

	if (r.h < 3)
		return;
	grid_text(g, r.x, r.y + 1, "In plain words", ST_TITLE, r.w);
	explain_summary(text, sizeof text, &c, v->pos_words, v->neg_words);
	wrap(g, (struct rect){ r.x, r.y + 2, r.w, r.h - 2 }, r.y + 2, text, ST_NORMAL);
}

/* ---- plots -------------------------------------------------------------------------------- */

static const enum style series_style[4] = { ST_CURVE, ST_CURVE2, ST_CURVE3, ST_CURVE4 };
static const enum dash series_dash[4] = { DASH_SOLID, DASH_LONG, DASH_DOTTED, DASH_SPARSE };

static uint32_t series_glyph(const struct view *v, int s)
{
	static const uint32_t uni[4] = { 0x2501, 0x254D, 0x2505, 0x2508 };
	static const uint32_t asc[4] = { '*', '+', 'o', 'x' };

	return v->glyphs == GLYPHS_ASCII ? asc[s & 3] : uni[s & 3];
}

/* The canvas area of a plot's rectangle: a title row above, tick labels
 * below, y labels and the axis to the left. */
static struct rect plot_area(struct rect r)
{
	return (struct rect){ r.x + 5, r.y + 1, r.w - 5, r.h - 2 };
}

static int dot_x(const struct canvas *c, double x)
{
	return (int)lround(x * (c->w - 1));
}

static int dot_y(const struct canvas *c, double y)
{
	return (int)lround((1 - y) * (c->h - 1));
}

static void draw_curve(struct plot_cache *pc, const struct sweep *sw, enum curve_kind kind, int series)
{
	struct canvas *c = &pc->base;
	size_t i;
	int px = 0, py = 0, have = 0;

	pc->n_idx = curve_downsample(sw, kind, (size_t)c->w, (size_t)c->h, pc->idx, pc->cap_idx);
	for (i = 0; i < pc->n_idx; i++) {
		struct curve_point p = curve_point(sw, kind, pc->idx[i]);
		int x, y;

		if (isnan(p.x) || isnan(p.y)) {
			have = 0;
			continue;
		}
		x = dot_x(c, p.x);
		y = dot_y(c, p.y);
		if (have)
			canvas_line(c, px, py, x, y, series_style[series & 3], series_dash[series & 3]);
		else
			canvas_dot(c, x, y, series_style[series & 3]);
		px = x, py = y, have = 1;
	}
}

static void build_curve_plot(struct plot_cache *pc, const struct view *v, enum curve_kind kind)
{
	const struct sweep *sw = current(v)->sw;
	struct canvas *c = &pc->base;
	size_t i;

	if (kind == CURVE_ROC) {
		canvas_line(c, 0, c->h - 1, c->w - 1, 0, ST_BASELINE, DASH_SPARSE);
	} else if (sw->pos + sw->neg > 0) {
		int y = dot_y(c, sw->pos / (sw->pos + sw->neg));

		canvas_line(c, 0, y, c->w - 1, y, ST_BASELINE, DASH_SPARSE);
	}
	if (v->overlay && v->n_models > 1) {
		for (i = 0; i < v->n_models; i++)
			if (i != v->model)
				draw_curve(pc, v->models[i].sw, kind, (int)i);
	}
	/* the current model last: on top, and its points kept for clicks */
	draw_curve(pc, sw, kind, v->overlay ? (int)v->model : 0);
}

static void build_hist(struct plot_cache *pc, const struct view *v)
{
	const struct sweep *sw = current(v)->sw;
	struct canvas *c = &pc->base;
	double *pos = pc->bins, *neg = pc->bins + c->w, maxp = 0, maxn = 0, range = sw->max - sw->min;
	int half = c->h / 2, x;
	size_t k;

	memset(pc->bins, 0, 2 * (size_t)c->w * sizeof *pc->bins);
	for (k = 0; k < sw->n; k++) {
		double wp = sw->cum_pos[k] - (k ? sw->cum_pos[k - 1] : 0);
		double wn = sw->cum_neg[k] - (k ? sw->cum_neg[k - 1] : 0);
		int b = range > 0 ? (int)((sw->score[k] - sw->min) / range * c->w) : c->w / 2;

		if (b >= c->w)
			b = c->w - 1;
		if (b < 0)
			b = 0;
		pos[b] += wp;
		neg[b] += wn;
	}
	for (x = 0; x < c->w; x++) {
		maxp = fmax(maxp, pos[x]);
		maxn = fmax(maxn, neg[x]);
	}
	for (x = 0; x < c->w; x++) {
		int hp = maxp > 0 ? (int)ceil(pos[x] / maxp * half) : 0;
		int hn = maxn > 0 ? (int)ceil(neg[x] / maxn * (c->h - half)) : 0;
		int y;

		for (y = 0; y < hp; y++)
			canvas_dot(c, x, half - 1 - y, ST_POS);
		for (y = 0; y < hn; y++)
			canvas_dot(c, x, half + y, ST_NEG);
	}
}

static void build_metric_curves(struct plot_cache *pc, const struct view *v)
{
	static const enum metric which[4] = { METRIC_PRECISION, METRIC_RECALL, METRIC_F1, METRIC_PREDICTED_POSITIVE_RATE };
	struct canvas *c = &pc->base;
	int s, x, px = 0, py = 0;

	for (s = 0; s < 4; s++) {
		int have = 0;

		for (x = 0; x < c->w; x++) {
			size_t k = view_k_at(v, c->w > 1 ? (double)x / (c->w - 1) : 0.5);
			struct confusion cf = at_k(v, k);
			double val = metrics_value(which[s], &cf);
			int y;

			if (isnan(val)) {
				have = 0;
				continue;
			}
			y = dot_y(c, val);
			if (have)
				canvas_line(c, px, py, x, y, series_style[s], series_dash[s]);
			else
				canvas_dot(c, x, y, series_style[s]);
			px = x, py = y, have = 1;
		}
	}
}

/* Makes the slot's base raster current; allocates only when its size or
 * glyphs change. */
static int cache_prepare(struct plot_cache *pc, enum plot_kind kind, struct rect area, const struct view *v)
{
	int same_size = pc->base.mask != NULL && pc->area.w == area.w && pc->area.h == area.h &&
			pc->glyphs == v->glyphs;

	/* only the metrics plot's x axis follows the step mode; only ROC and
	 * PR show the overlay: other changes keep the O(rows) rasters */
	if (pc->valid && same_size && pc->kind == kind && pc->area.x == area.x && pc->area.y == area.y &&
	    pc->model == v->model && (pc->overlay == v->overlay || kind == PLOT_HIST || kind == PLOT_METRICS) &&
	    (pc->step == v->step || kind != PLOT_METRICS))
		return 0;
	if (!same_size) {
		size_t need;

		canvas_free(&pc->base);
		if (canvas_init(&pc->base, area.w, area.h, v->glyphs) < 0)
			return -1;
		need = (size_t)pc->base.w * (size_t)pc->base.h + 2;
		free(pc->idx);
		free(pc->bins);
		pc->idx = malloc(need * sizeof *pc->idx);
		pc->bins = malloc(2 * (size_t)pc->base.w * sizeof *pc->bins);
		pc->cap_idx = need;
		if (pc->idx == NULL || pc->bins == NULL) {
			canvas_free(&pc->base);
			return -1;
		}
	}
	pc->kind = kind;
	pc->area = area;
	pc->model = v->model;
	pc->overlay = v->overlay;
	pc->glyphs = v->glyphs;
	pc->step = v->step;
	pc->n_idx = 0;
	canvas_clear(&pc->base);
	switch (kind) {
	case PLOT_ROC:
		build_curve_plot(pc, v, CURVE_ROC);
		break;
	case PLOT_PR:
		build_curve_plot(pc, v, CURVE_PR);
		break;
	case PLOT_HIST:
		build_hist(pc, v);
		break;
	default:
		build_metric_curves(pc, v);
		break;
	}
	pc->valid = 1;
	return 0;
}

static void y_axis(struct grid *g, struct rect r, struct rect a, const struct view *v)
{
	static const char *const labels[] = { "1", ".75", ".5", ".25", "0" };
	int i, step = a.h >= 9 ? 1 : 2, y;

	for (y = a.y; y < a.y + a.h; y++)
		grid_put(g, r.x + 4, y, glyph(v, G_VLINE), ST_AXIS);
	for (i = 0; i <= 4; i += step) {
		y = a.y + (int)lround((double)i / 4 * (a.h - 1));
		grid_text(g, r.x + 3 - grid_text_width(labels[i]), y, labels[i], ST_AXIS, 4);
		grid_put(g, r.x + 4, y, glyph(v, G_TICK), ST_AXIS);
	}
}

static void x_labels(struct grid *g, struct rect a, int y, const char *left, const char *mid, const char *right)
{
	grid_text(g, a.x, y, left, ST_AXIS, a.w / 3);
	grid_text(g, a.x + (a.w - grid_text_width(mid)) / 2, y, mid, ST_AXIS, a.w / 3);
	grid_text(g, a.x + a.w - grid_text_width(right), y, right, ST_AXIS, a.w / 3);
}

/* The threshold as a vertical line through the empty cells of column x. */
static void threshold_line(struct grid *g, const struct plot_cache *pc, const struct view *v, int col)
{
	int row;

	if (col < 0 || col >= pc->area.w)
		return;
	for (row = 0; row < pc->area.h; row++)
		if (canvas_cell_empty(&pc->base, col, row))
			grid_put(g, pc->area.x + col, pc->area.y + row, glyph(v, G_VLINE), ST_THRESHOLD);
}

static void marker(struct grid *g, const struct plot_cache *pc, const struct view *v, double x, double y)
{
	if (isnan(x) || isnan(y))
		return;
	grid_put(g, pc->area.x + (int)lround(x * (pc->area.w - 1)),
		 pc->area.y + (int)lround((1 - y) * (pc->area.h - 1)), glyph(v, G_MARK), ST_MARKER);
}

static void legend_models(struct grid *g, const struct plot_cache *pc, const struct view *v)
{
	size_t i;
	int y = pc->area.y + pc->area.h - (int)v->n_models;

	for (i = 0; i < v->n_models && y + (int)i >= pc->area.y; i++) {
		char line[64];
		int w;

		snprintf(line, sizeof line, "  %s", v->models[i].name);
		w = grid_text_width(line) + 1;
		if (w > pc->area.w / 2)
			w = pc->area.w / 2;
		grid_put(g, pc->area.x + pc->area.w - w, y + (int)i, series_glyph(v, (int)i), series_style[i & 3]);
		grid_text(g, pc->area.x + pc->area.w - w + 1, y + (int)i, line + 1, series_style[i & 3], w - 1);
	}
}

static void draw_plot(struct grid *g, struct rect r, struct plot_cache *pc, enum plot_kind kind,
		      const struct view *v)
{
	const struct view_model *m = current(v);
	const struct sweep *sw = m->sw;
	struct confusion c = at_k(v, m->k);
	struct rect a = plot_area(r);
	char t1[32], t2[32], t3[32];
	int x;

	if (a.w < 8 || a.h < 4 || cache_prepare(pc, kind, a, v) < 0) {
		pc->valid = 0;
		return;
	}
	canvas_blit(&pc->base, g, a.x, a.y);
	switch (kind) {
	case PLOT_ROC:
		x = r.x + grid_text(g, r.x, r.y, "ROC", ST_TITLE, r.w);
		grid_printf(g, x, r.y, ST_LABEL, r.x + r.w - x,
			    r.w >= 44 ? "  AUC %s   FPR %s  TPR %s" : " AUC %s (%s, %s)",
			    fmt_rate(t1, sizeof t1, sw->roc_auc),
			    fmt_rate(t2, sizeof t2, metrics_value(METRIC_FPR, &c)),
			    fmt_rate(t3, sizeof t3, metrics_value(METRIC_RECALL, &c)));
		y_axis(g, r, a, v);
		x_labels(g, a, r.y + r.h - 1, "0", "FPR", "1");
		if (v->overlay && v->n_models > 1)
			legend_models(g, pc, v);
		marker(g, pc, v, metrics_value(METRIC_FPR, &c), metrics_value(METRIC_RECALL, &c));
		break;
	case PLOT_PR:
		x = r.x + grid_text(g, r.x, r.y, r.w >= 44 ? "Precision-recall" : "PR", ST_TITLE, r.w);
		grid_printf(g, x, r.y, ST_LABEL, r.x + r.w - x,
			    r.w >= 44 ? "  AP %s   recall %s  precision %s" : " AP %s (R %s, P %s)",
			    fmt_rate(t1, sizeof t1, sw->average_precision),
			    fmt_rate(t2, sizeof t2, metrics_value(METRIC_RECALL, &c)),
			    fmt_rate(t3, sizeof t3, metrics_value(METRIC_PRECISION, &c)));
		y_axis(g, r, a, v);
		x_labels(g, a, r.y + r.h - 1, "0", "recall", "1");
		if (v->overlay && v->n_models > 1)
			legend_models(g, pc, v);
		marker(g, pc, v, metrics_value(METRIC_RECALL, &c), metrics_value(METRIC_PRECISION, &c));
		break;
	case PLOT_HIST: {
		double range = sw->max - sw->min;

		x = r.x + grid_text(g, r.x, r.y, "Scores", ST_TITLE, r.w);
		x += grid_text(g, x + 2, r.y, v->pos_words, ST_POS, 16) + 2;
		x += grid_text(g, x, r.y, v->glyphs == GLYPHS_ASCII ? " above, " : " \u25B2 above, ", ST_LABEL, 10);
		x += grid_text(g, x, r.y, v->neg_words ? v->neg_words : "other", ST_NEG, 16);
		grid_text(g, x, r.y, v->glyphs == GLYPHS_ASCII ? " below" : " \u25BC below", ST_LABEL, r.x + r.w - x);
		snprintf(t1, sizeof t1, "%.4g", sw->min);
		snprintf(t2, sizeof t2, "%.4g", sw->min + range / 2);
		snprintf(t3, sizeof t3, "%.4g", sw->max);
		x_labels(g, a, r.y + r.h - 1, t1, t2, t3);
		grid_text(g, r.x, a.y, "peak", ST_AXIS, 4);
		grid_text(g, r.x, a.y + a.h - 1, "peak", ST_AXIS, 4);
		if (m->k > 0 && range > 0)
			threshold_line(g, pc, v, (int)lround((m->threshold - sw->min) / range * (a.w - 1)));
		else if (m->k > 0)
			threshold_line(g, pc, v, a.w / 2);
		break;
	}
	default: {
		static const char *const names[4] = { "precision", "recall", "F1", "flagged" };
		int s;

		x = r.x;
		for (s = 0; s < 4; s++) {
			grid_put(g, x, r.y, series_glyph(v, s), series_style[s]);
			x += 1 + grid_text(g, x + 1, r.y, names[s], series_style[s], r.x + r.w - x - 1) + 2;
		}
		grid_text(g, x, r.y, v->step == STEP_VALUE ? "by score" : "by rank", ST_DIM, r.x + r.w - x);
		y_axis(g, r, a, v);
		if (v->step == STEP_VALUE) {
			snprintf(t1, sizeof t1, "%.4g", sw->min);
			snprintf(t3, sizeof t3, "%.4g", sw->max);
			x_labels(g, a, r.y + r.h - 1, t1, "threshold", t3);
		} else {
			x_labels(g, a, r.y + r.h - 1, "all flagged", "rank", "none");
		}
		threshold_line(g, pc, v, (int)lround(view_position(v, m->k) * (a.w - 1)));
		break;
	}
	}
}

/* ---- status line and help ------------------------------------------------------------ */

static void draw_status(struct grid *g, struct rect r, const struct view *v)
{
	/* in order of importance; "? help  q quit" always shows, at the end */
	static const struct { enum action act; const char *name, *ascii, *brief; } hints[] = {
		{ ACT_UP_FINE, "\u2190 \u2192", "<- ->", "step" },
		{ ACT_COMMAND, ":", ":", "command" },
		{ ACT_EXPLAIN, "e", "e", "explain" },
		{ ACT_BEST_F1, "f/j/c", "f/j/c", "best" },
		{ ACT_EXPORT, "x", "x", "export" },
		{ ACT_NEXT_MODEL, "m", "m", "model" },
		{ ACT_UP_LARGE, "PgUp/Dn", "PgUp/Dn", "10%" },
		{ ACT_NEXT_PLOTS, "v", "v", "plots" },
		{ ACT_STEP_MODE, "s", "s", "mode" },
	};
	const char *tail = "? help  q quit";
	/* the last column stays empty: the bottom-right cell cannot be drawn */
	int x = r.x, end = r.x + r.w - 1 - grid_text_width(tail) - 2;
	size_t i;

	for (i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		const char *name = v->glyphs == GLYPHS_ASCII ? hints[i].ascii : hints[i].name;
		int w = grid_text_width(name) + 1 + grid_text_width(hints[i].brief);

		if (hints[i].act == ACT_NEXT_MODEL && v->n_models < 2)
			continue;
		if (x + w > end)
			continue;
		x += grid_text(g, x, r.y, name, ST_KEY, w);
		x += 1;
		x += grid_text(g, x, r.y, hints[i].brief, ST_STATUS, w) + 2;
	}
	x = r.x + r.w - 1 - grid_text_width(tail);
	if (x < r.x)
		x = r.x;
	grid_text(g, x, r.y, "?", ST_KEY, 1);
	grid_text(g, x + 2, r.y, "help", ST_STATUS, 4);
	grid_text(g, x + 8, r.y, "q", ST_KEY, 1);
	grid_text(g, x + 10, r.y, "quit", ST_STATUS, 4);
}

/* The bottom line: the command line while it is open (completions on the
 * line above), else a message, else the keys. */
static void draw_bottom(struct grid *g, struct rect r, const struct view *v)
{
	if (v->cmd_active) {
		if (v->cmd_matches[0]) {
			grid_fill(g, (struct rect){ r.x, r.y - 1, r.w, 1 }, ' ', ST_NORMAL);
			grid_text(g, r.x, r.y - 1, v->cmd_matches, ST_DIM, r.w);
		}
		grid_text(g, r.x, r.y, v->cmd_text, ST_NORMAL, r.w);
		return;
	}
	if (v->message[0]) {
		grid_text(g, r.x, r.y, v->message, v->message_is_error ? ST_WARN : ST_STATUS, r.w);
		return;
	}
	draw_status(g, r, v);
}

/* The names bound to an action, "Right, l". */
static void action_names(enum action a, char *buf, size_t cap)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < keys_count; i++)
		if (keys_table[i].action == a) {
			if (buf[0])
				strncat(buf, ", ", cap - strlen(buf) - 1);
			strncat(buf, keys_table[i].name, cap - strlen(buf) - 1);
		}
}

/* One line per action, from the key table; a "raise ..." action followed
 * by its "lower ..." twin shares a line, so that the help fits 80x24. */
struct help_line {
	char names[64];
	char help[96];
};

static size_t help_lines(struct help_line *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < keys_count && n < max; i++) {
		const struct binding *b = &keys_table[i], *twin = NULL;

		for (j = 0; j < i; j++)
			if (keys_table[j].action == b->action)
				break;
		if (j < i)
			continue; /* already listed */
		for (j = i + 1; j < keys_count; j++)
			if (keys_table[j].action != b->action)
				break;
		if (j < keys_count && strncmp(b->help, "raise ", 6) == 0 && strncmp(keys_table[j].help, "lower ", 6) == 0 &&
		    strcmp(b->help + 6, keys_table[j].help + 6) == 0)
			twin = &keys_table[j];
		action_names(b->action, out[n].names, sizeof out[n].names);
		if (twin != NULL) {
			char other[48];

			action_names(twin->action, other, sizeof other);
			strncat(out[n].names, " / ", sizeof out[n].names - strlen(out[n].names) - 1);
			strncat(out[n].names, other, sizeof out[n].names - strlen(out[n].names) - 1);
			snprintf(out[n].help, sizeof out[n].help, "raise / lower %s", b->help + 6);
		} else {
			snprintf(out[n].help, sizeof out[n].help, "%s", b->help);
		}
		n++;
		if (twin != NULL)
			i = (size_t)(twin - keys_table); /* skip past the twin's first binding */
	}
	return n;
}

static void draw_help(struct grid *g, const struct layout *l, const struct view *v)
{
	struct help_line lines[32];
	size_t n = help_lines(lines, 32), i;
	int w = 78 < l->w - 2 ? 78 : l->w - 2, rows = (int)n + 3, y0, x0, y, x, names_w = 0;

	if (rows > l->h - 2)
		rows = l->h - 2;
	for (i = 0; i < n; i++)
		if (grid_text_width(lines[i].names) > names_w)
			names_w = grid_text_width(lines[i].names);
	if (names_w > w / 2)
		names_w = w / 2;
	x0 = (l->w - w) / 2;
	y0 = (l->h - rows) / 2;
	grid_fill(g, (struct rect){ x0, y0, w, rows }, ' ', ST_NORMAL);
	/* a frame, so the help stands apart from the screen behind it */
	for (x = x0; x < x0 + w; x++) {
		grid_put(g, x, y0, glyph(v, G_HLINE), ST_AXIS);
		grid_put(g, x, y0 + rows - 1, glyph(v, G_HLINE), ST_AXIS);
	}
	for (y = y0; y < y0 + rows; y++) {
		grid_put(g, x0, y, glyph(v, G_VLINE), ST_AXIS);
		grid_put(g, x0 + w - 1, y, glyph(v, G_VLINE), ST_AXIS);
	}
	grid_put(g, x0, y0, v->glyphs == GLYPHS_ASCII ? '+' : 0x250C, ST_AXIS);
	grid_put(g, x0 + w - 1, y0, v->glyphs == GLYPHS_ASCII ? '+' : 0x2510, ST_AXIS);
	grid_put(g, x0, y0 + rows - 1, v->glyphs == GLYPHS_ASCII ? '+' : 0x2514, ST_AXIS);
	grid_put(g, x0 + w - 1, y0 + rows - 1, v->glyphs == GLYPHS_ASCII ? '+' : 0x2518, ST_AXIS);
	grid_text(g, x0 + 2, y0 + 1, "Keys", ST_TITLE, w - 4);
	grid_text(g, x0 + 8, y0 + 1, "any key closes; mouse: drag the slider, click a plot", ST_DIM, w - 10);
	for (i = 0, y = y0 + 2; i < n && y < y0 + rows - 1; i++, y++) {
		grid_text(g, x0 + 2, y, lines[i].names, ST_KEY, names_w);
		grid_text(g, x0 + 4 + names_w, y, lines[i].help, ST_NORMAL, w - 6 - names_w);
	}
}

/* ---- the stakeholder view ------------------------------------------------------------------------ */

/* The same state in words and natural frequencies, calm and roomy: a
 * column at most 76 wide in the middle of the body. */
static void draw_stakeholder(struct grid *g, const struct layout *l, const struct view *v)
{
	char text[2048];
	int w = l->w - 4 < 76 ? l->w - 4 : 76, x = (l->w - w) / 2, y = 5, paragraph = 0;
	const char *p = text;

	view_stakeholder_text(v, text, sizeof text);
	grid_text(g, x, y, "In plain words", ST_TITLE, w);
	y += 2;
	while (*p && y < l->h - 2) {
		char line[512];
		size_t len = strcspn(p, "\n");

		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (len == 0) {
			paragraph++;
			y++;
		} else {
			y += wrap(g, (struct rect){ x, y, w, l->h - 2 - y }, y, line,
				  paragraph == 0 ? ST_VALUE : ST_NORMAL);
		}
		p += len + (p[len] == '\n');
	}
	grid_text(g, x, l->h - 3, "e or :explain returns to the numbers", ST_DIM, w);
}

/* ---- the screen ------------------------------------------------------------------------------ */

void panels_draw(struct grid *g, struct screen *s, const struct view *v)
{
	struct layout *l = &s->lay;
	int i;

	grid_clear(g);
	if (l->w != g->w || l->h != g->h)
		layout_compute(l, g->w, g->h, v->rotation);
	if (l->too_small) {
		char msg[96];

		snprintf(msg, sizeof msg, "cutoff needs %dx%d; this terminal is %dx%d", LAYOUT_MIN_W, LAYOUT_MIN_H,
			 g->w, g->h);
		grid_text(g, 0, g->h / 2, msg, ST_WARN, g->w);
		return;
	}
	draw_header(g, l->header, v);
	draw_slider(g, l->slider, v);
	if (v->stakeholder) {
		draw_stakeholder(g, l, v);
	} else {
		draw_matrix(g, l->matrix, v);
		draw_metrics(g, l->metrics, v);
		if (l->summary.h > 0)
			draw_summary(g, l->summary, v);
		for (i = 0; i < l->n_plots; i++) {
			l->kind[i] = (enum plot_kind)((i + v->rotation) % PLOT_COUNT);
			draw_plot(g, l->plot[i], &s->cache[i], l->kind[i], v);
		}
	}
	draw_bottom(g, l->status, v);
	if (v->help)
		draw_help(g, l, v);
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

	for (i = 0; i < LAYOUT_MAX_PLOTS; i++) {
		canvas_free(&s->cache[i].base);
		free(s->cache[i].idx);
		free(s->cache[i].bins);
	}
	memset(s, 0, sizeof *s);
}

enum hit panels_hit(const struct screen *s, const struct view *v, int x, int y, size_t *k)
{
	const struct layout *l = &s->lay;
	const struct view_model *m = &v->models[v->model];
	int i;

	if (l->too_small)
		return HIT_NONE;
	if (y >= l->slider.y && y < l->slider.y + l->slider.h && x >= l->slider.x &&
	    x < l->slider.x + l->slider.w) {
		int w = l->slider.w - 2;

		*k = view_k_at(v, w > 1 ? (double)(x - l->slider.x - 1) / (w - 1) : 0.5);
		return HIT_SLIDER;
	}
	for (i = 0; i < l->n_plots && !v->stakeholder; i++) {
		const struct plot_cache *pc = &s->cache[i];
		struct rect a = pc->area;
		double fx, fy;

		if (!pc->valid || x < a.x || x >= a.x + a.w || y < a.y || y >= a.y + a.h)
			continue;
		fx = a.w > 1 ? (double)(x - a.x) / (a.w - 1) : 0.5;
		fy = a.h > 1 ? 1 - (double)(y - a.y) / (a.h - 1) : 0.5;
		if (pc->kind == PLOT_ROC || pc->kind == PLOT_PR) {
			enum curve_kind ck = pc->kind == PLOT_ROC ? CURVE_ROC : CURVE_PR;
			double best = INFINITY;
			size_t j, found = VIEW_NONE;

			/* the nearest drawn point: at most one per raster cell */
			for (j = 0; j < pc->n_idx; j++) {
				struct curve_point p = curve_point(m->sw, ck, pc->idx[j]);
				double d = (p.x - fx) * (p.x - fx) + (p.y - fy) * (p.y - fy);

				if (d < best) {
					best = d;
					found = curve_sweep_index(ck, pc->idx[j]);
				}
			}
			if (found == VIEW_NONE)
				return HIT_NONE;
			*k = found;
		} else if (pc->kind == PLOT_HIST) {
			*k = sweep_index(m->sw, m->sw->min + fx * (m->sw->max - m->sw->min));
		} else {
			*k = view_k_at(v, fx);
		}
		return HIT_PLOT;
	}
	return HIT_NONE;
}

char *panels_plot_text(const struct view *v, enum plot_kind kind, int w, int h)
{
	struct plot_cache pc;
	struct grid *g = grid_new(w, h);
	char *text = NULL;

	if (g == NULL)
		return NULL;
	memset(&pc, 0, sizeof pc);
	draw_plot(g, (struct rect){ 0, 0, w, h }, &pc, kind, v);
	if (pc.valid)
		text = grid_to_text(g);
	canvas_free(&pc.base);
	free(pc.idx);
	free(pc.bins);
	grid_free(g);
	return text;
}
