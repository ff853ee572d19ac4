/*
 * plot: the four plots (ROC, precision-recall, score histogram, metrics
 * against the threshold).  Each keeps a rasterised base in its cache,
 * rebuilt only when the size, model, glyphs or step mode change; a
 * threshold step only draws the operating point and the threshold line
 * over a copy of it.
 */
#include "ui/plot.h"

#include "ui/axes.h"
#include "ui/grouppanel.h"
#include "ui/legend.h"
#include "core/stats/curve.h"
#include "core/base/fmt.h"
#include "core/stats/metrics.h"
#include "ui/glyph.h"
#include "core/stats/interval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- plots -------------------------------------------------------------------------------- */

static const enum dash series_dash[4] = { DASH_SOLID, DASH_LONG, DASH_DOTTED, DASH_SPARSE };

static void draw_curve(struct plot_cache *pc, const struct view *v, const struct sweep *sw, enum curve_kind kind,
		       int series)
{
	struct canvas *c = &pc->base;
	size_t i;
	int px = 0, py = 0, have = 0;
	enum style st = series < 0 ? ST_BASELINE : legend_style(series); /* -1: the reference */
	enum dash da = series < 0 ? DASH_DOTTED : series_dash[series & 3];
	bool logx = kind == CURVE_ROC && v->logfpr;

	pc->n_idx = curve_downsample_log(sw, kind, (size_t)c->w, (size_t)c->h, logx ? curve_fpr_floor(view_current(v)->sw) : 0,
					 pc->idx, pc->cap_idx);
	for (i = 0; i < pc->n_idx; i++) {
		struct curve_point p = curve_point(sw, kind, pc->idx[i]);
		int x, y;

		if (isnan(p.x) || isnan(p.y)) {
			have = 0;
			continue;
		}
		x = axes_dot_x(c, logx ? axes_fpr(v, p.x) : p.x);
		y = axes_dot_y(c, p.y);
		if (have)
			canvas_line(c, px, py, x, y, st, da);
		else
			canvas_dot(c, x, y, st);
		px = x, py = y, have = 1;
	}
}

/* --against: the reference's operating point at the same threshold, R. */
static void ref_marker(struct grid *g, const struct plot_cache *pc, const struct view *v, enum metric mx, enum metric my)
{
	struct confusion c;
	double x, y;

	if (v->ref_sw == NULL)
		return;
	c = sweep_at(v->ref_sw[v->model], view_current(v)->threshold);
	x = metrics_value(mx, &c), y = metrics_value(my, &c);
	if (mx == METRIC_FPR)
		x = axes_fpr(v, x);
	if (!isnan(x) && !isnan(y))
		grid_put(g, pc->area.x + (int)lround(x * (pc->area.w - 1)), pc->area.y + (int)lround((1 - y) * (pc->area.h - 1)),
			 'R', ST_MARKER);
}

/* --against: what the R and the dotted curve are, in the corner the
 * curves leave free, above the models' legend when it is there. */
static void ref_legend(struct grid *g, const struct plot_cache *pc, const struct view *v, bool left)
{
	const char *text = "R, dotted: the reference";
	int rows = v->overlay ? (int)(v->folds ? (v->n_groups < 3 ? v->n_groups : 3) + 1 : v->n_models > 1 ? v->n_models : 0) : 0;
	int y = pc->area.y + pc->area.h - 1 - rows, w = grid_text_width(text);

	if (v->ref_sw == NULL || y < pc->area.y || w + 2 > pc->area.w)
		return;
	grid_text(g, left ? pc->area.x + 1 : pc->area.x + pc->area.w - w - 1, y, text, ST_DIM, w);
}

static void build_curve_plot(struct plot_cache *pc, const struct view *v, enum curve_kind kind)
{
	const struct sweep *sw = view_current(v)->sw;
	struct canvas *c = &pc->base;
	size_t i;

	if (kind == CURVE_ROC && v->logfpr) {
		/* chance, TPR = FPR, bends on a log axis: drawn through its points */
		double floor = curve_fpr_floor(sw);

		for (int x = 1; x < c->w; x++)
			canvas_line(c, x - 1, axes_dot_y(c, floor * pow(1 / floor, (double)(x - 1) / (c->w - 1))), x,
				    axes_dot_y(c, floor * pow(1 / floor, (double)x / (c->w - 1))), ST_BASELINE, DASH_SPARSE);
	} else if (kind == CURVE_ROC) {
		canvas_line(c, 0, c->h - 1, c->w - 1, 0, ST_BASELINE, DASH_SPARSE);
	} else if (sw->pos + sw->neg > 0) {
		int y = axes_dot_y(c, sw->pos / (sw->pos + sw->neg));

		canvas_line(c, 0, y, c->w - 1, y, ST_BASELINE, DASH_SPARSE);
	}
	if (v->overlay && v->folds) {
		/* o with --fold: each fold's curve under the pooled one */
		for (i = 0; i < v->n_groups; i++)
			draw_curve(pc, v, view_group_sweep(v, i), kind, 1 + (int)(i % 3));
	} else if (v->overlay && v->n_models > 1) {
		for (i = 0; i < v->n_models; i++)
			if (i != v->model)
				draw_curve(pc, v, v->models[i].sw, kind, (int)i);
	}
	/* --against: the reference's curve, in the baseline's dim style */
	if (v->ref_sw != NULL)
		draw_curve(pc, v, v->ref_sw[v->model], kind, -1); /* its points are drawn over next */
	/* the current model last: on top, and its points kept for clicks */
	draw_curve(pc, v, sw, kind, v->overlay && !v->folds ? (int)v->model : 0);
}

/* --against: the reference's histogram on the current one's scale (as
 * shares, so that files of other sizes compare), every other dot, dim.
 * One pass over its scores, when the plot is rebuilt. */
static void ref_hist(struct plot_cache *pc, const struct view *v, double maxp, double maxn)
{
	const struct sweep *sw = view_current(v)->sw, *rs = v->ref_sw[v->model];
	struct canvas *c = &pc->base;
	double rp = rs->pos > 0 && sw->pos > 0 ? sw->pos / rs->pos : 1, rn = rs->neg > 0 && sw->neg > 0 ? sw->neg / rs->neg : 1;
	double *p = calloc(2 * (size_t)c->w, sizeof *p), *n;
	int half = c->h / 2, x, y;
	size_t k;

	if (p == NULL)
		return; /* no outline: the plot stays right */
	n = p + c->w;
	for (k = 0; k < rs->n; k++) {
		int b = sw->max > sw->min ? (int)(sweep_fraction(sw, rs->score[k]) * c->w) : c->w / 2;

		b = b >= c->w ? c->w - 1 : b < 0 ? 0 : b;
		p[b] += sweep_pos(rs, k) - (k ? sweep_pos(rs, k - 1) : 0);
		n[b] += sweep_neg(rs, k) - (k ? sweep_neg(rs, k - 1) : 0);
	}
	for (x = 0; x < c->w; x++) {
		for (y = 0; maxp > 0 && y < (int)ceil(p[x] * rp / maxp * half) && y < half; y += 2)
			canvas_dot(c, x, half - 1 - y, ST_BASELINE);
		for (y = 0; maxn > 0 && y < (int)ceil(n[x] * rn / maxn * (c->h - half)) && y < c->h - half; y += 2)
			canvas_dot(c, x, half + y, ST_BASELINE);
	}
	free(p);
}

/* A bar's height as a share of the peak's: with L (log axes, and no
 * reference drawn beside it on the linear scale) log(1 + n) over
 * log(1 + peak), so that a class of 0.1% still shows. */
static double hist_height(const struct view *v, double n, double peak)
{
	if (v->logfpr && v->ref_sw == NULL)
		return log1p(n) / log1p(peak);
	return n / peak;
}

static void build_hist(struct plot_cache *pc, const struct view *v)
{
	const struct sweep *sw = view_current(v)->sw;
	struct canvas *c = &pc->base;
	double *pos = pc->bins, *neg = pc->bins + c->w, maxp = 0, maxn = 0;
	int half = c->h / 2, x;
	size_t k;

	memset(pc->bins, 0, 2 * (size_t)c->w * sizeof *pc->bins);
	for (k = 0; k < sw->n; k++) {
		double wp = sweep_pos(sw, k) - (k ? sweep_pos(sw, k - 1) : 0);
		double wn = sweep_neg(sw, k) - (k ? sweep_neg(sw, k - 1) : 0);
		int b = sw->max > sw->min ? (int)(sweep_fraction(sw, sw->score[k]) * c->w) : c->w / 2;

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
	if (v->ref_sw != NULL)
		ref_hist(pc, v, maxp, maxn);
	for (x = 0; x < c->w; x++) {
		int hp = maxp > 0 ? (int)ceil(hist_height(v, pos[x], maxp) * half) : 0;
		int hn = maxn > 0 ? (int)ceil(hist_height(v, neg[x], maxn) * (c->h - half)) : 0;
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

	/* --fold: each metric's band between the folds' lowest and highest
	 * value, every other dot so that the curves stay readable on it */
	for (s = 0; v->folds && s < 4; s++)
		for (x = 0; x < c->w; x += 2) {
			size_t k = view_k_at(v, c->w > 1 ? (double)x / (c->w - 1) : 0.5), f;
			double t = sweep_threshold(view_current(v)->sw, k), lo = NAN, hi = NAN;
			int y;

			for (f = 0; f < v->n_groups; f++) {
				struct confusion cf = sweep_at(view_group_sweep(v, f), t);
				double val = metrics_value(which[s], &cf);

				if (isnan(val))
					continue;
				lo = isnan(lo) || val < lo ? val : lo;
				hi = isnan(hi) || val > hi ? val : hi;
			}
			if (isnan(lo))
				continue;
			for (y = axes_dot_y(c, hi); y <= axes_dot_y(c, lo); y += 2)
				canvas_dot(c, x, y, legend_style(s));
		}

	for (s = 0; s < 4; s++) {
		int have = 0;

		for (x = 0; x < c->w; x++) {
			size_t k = view_k_at(v, c->w > 1 ? (double)x / (c->w - 1) : 0.5);
			struct confusion cf = view_at(v, k);
			double val = metrics_value(which[s], &cf);
			int y;

			if (isnan(val)) {
				have = 0;
				continue;
			}
			y = axes_dot_y(c, val);
			if (have)
				canvas_line(c, px, py, x, y, legend_style(s), series_dash[s]);
			else
				canvas_dot(c, x, y, legend_style(s));
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
	    pc->model == v->model && pc->data_gen == v->data_gen && (pc->overlay == v->overlay || kind == PLOT_HIST || kind == PLOT_METRICS || deployplot_is(kind)) &&
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
	pc->data_gen = v->data_gen;
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
	case PLOT_GAIN:
	case PLOT_NET_BENEFIT:
	case PLOT_CALIBRATION:
		if (deployplot_build(&pc->base, &pc->deploy, kind, v) < 0)
			return -1;
		break;
	default:
		build_metric_curves(pc, v);
		break;
	}
	pc->valid = 1;
	return 0;
}

/* The operating point, with whiskers across the intervals of its two rates
 * (Wilson; none with weights) where they span more than its own cell. */
static void marker(struct grid *g, const struct plot_cache *pc, const struct view *v, const struct confusion *c,
		   enum metric mx, enum metric my)
{
	double x = metrics_value(mx, c), y = metrics_value(my, c), lo, hi;
	double level = interval_level(v->conf_level);
	bool fpr = mx == METRIC_FPR;
	int cx, cy, i, a, b;

	if (isnan(x) || isnan(y))
		return;
	if (fpr)
		x = axes_fpr(v, x);
	cx = pc->area.x + (int)lround(x * (pc->area.w - 1));
	cy = pc->area.y + (int)lround((1 - y) * (pc->area.h - 1));
	if (interval_rate_ci(view_current(v)->sw, mx, c, level, &lo, &hi) == 0) {
		a = pc->area.x + (int)lround((fpr ? axes_fpr(v, lo) : lo) * (pc->area.w - 1));
		b = pc->area.x + (int)lround((fpr ? axes_fpr(v, hi) : hi) * (pc->area.w - 1));
		for (i = a; i <= b; i++)
			if (i != cx)
				grid_put(g, i, cy, glyph_get(v->glyphs, G_HLINE), ST_MARKER);
	}
	if (interval_rate_ci(view_current(v)->sw, my, c, level, &lo, &hi) == 0) {
		a = pc->area.y + (int)lround((1 - hi) * (pc->area.h - 1));
		b = pc->area.y + (int)lround((1 - lo) * (pc->area.h - 1));
		for (i = a; i <= b; i++)
			if (i != cy)
				grid_put(g, cx, i, glyph_get(v->glyphs, G_VLINE), ST_MARKER);
	}
	grid_put(g, cx, cy, glyph_get(v->glyphs, G_MARK), ST_MARKER);
}

/* "Scores  malignant ▲ above, benign ▼ below", shorter where it must be. */
static void hist_title(struct grid *g, struct rect r, const struct view *v)
{
	const char *neg = v->neg_words ? v->neg_words : "other";
	const char *up = v->glyphs == GLYPHS_ASCII ? " above, " : " \u25B2 above, ";
	const char *down = v->glyphs == GLYPHS_ASCII ? " below" : " \u25BC below";
	int end = r.x + r.w - 1, x, need;

	need = 8 + grid_text_width(v->pos_words) + grid_text_width(up) + grid_text_width(neg) + grid_text_width(down);
	if (need > r.w - 1) {
		up = v->glyphs == GLYPHS_ASCII ? " ^ " : " \u25B2 ";
		down = v->glyphs == GLYPHS_ASCII ? " v" : " \u25BC";
	}
	x = r.x + grid_text(g, r.x, r.y, "Scores", ST_TITLE, end - r.x);
	need = 2 + grid_text_width(v->pos_words) + grid_text_width(up) + grid_text_width(neg) + grid_text_width(down);
	if (x + need > end)
		return; /* the class words do not fit: the title alone */
	x += 2;
	x += grid_text(g, x, r.y, v->pos_words, ST_POS, end - x);
	x += grid_text(g, x, r.y, up, ST_LABEL, end - x);
	x += grid_text(g, x, r.y, neg, ST_NEG, end - x);
	grid_text(g, x, r.y, down, ST_LABEL, end - x);
}

/* The ROC plot: AUC with its interval, FPR and TPR at the threshold. */
static void draw_roc(struct grid *g, struct rect r, struct rect a, struct plot_cache *pc, const struct view *v,
		     const struct confusion *c)
{
	const struct sweep *sw = view_current(v)->sw;
	char t1[32], t2[32], t3[32];
	char f[5][256], ci[80] = "", l[32], h[32];
	const char *head[5] = { "ROC", "ROC", "ROC", "ROC", "ROC" };
	const char *tail[5] = { f[0], f[1], f[2], f[3], f[4] };
	double se, lo, hi;

	fmt_rate(t1, sizeof t1, sw->roc_auc);
	fmt_rate(t2, sizeof t2, metrics_value(METRIC_FPR, c));
	fmt_rate(t3, sizeof t3, metrics_value(METRIC_RECALL, c));
	/* the AUC's DeLong interval first: FPR and TPR are in the metrics */
	if (!isnan(se = sw->roc_auc_se)) { /* kept since loading */
		interval_normal(sw->roc_auc, se, interval_z(v->conf_level > 0 ? v->conf_level : 0.95), &lo, &hi);
		snprintf(ci, sizeof ci, " (%s-%s)", fmt_rate(l, sizeof l, lo), fmt_rate(h, sizeof h, hi));
	}
	snprintf(f[0], sizeof f[0], "  AUC %s%s   FPR %s  TPR %s", t1, ci, t2, t3);
	snprintf(f[1], sizeof f[1], " AUC %s%s  FPR %s TPR %s", t1, ci, t2, t3);
	snprintf(f[2], sizeof f[2], " AUC %s%s", t1, ci);
	snprintf(f[3], sizeof f[3], " AUC %s (%s, %s)", t1, t2, t3);
	snprintf(f[4], sizeof f[4], " AUC %s", t1);
	axes_title(g, r, head, tail, 5);
	axes_y(g, r, a, v);
	if (v->logfpr) {
		axes_fpr_decades(g, a, r.y + r.h - 1, v);
	} else {
		axes_x_labels(g, a, r.y + r.h - 1, "0", "FPR", "1");
	}
	if (v->overlay && v->folds)
		legend_folds(g, pc->area, v, false);
	else if (v->overlay && v->n_models > 1)
		legend_models(g, pc->area, v, true, false);
	if (v->n_groups > 0 && !v->folds)
		grouppanel_roc_marks(g, pc->area, v);
	ref_marker(g, pc, v, METRIC_FPR, METRIC_RECALL);
	ref_legend(g, pc, v, false);
	marker(g, pc, v, c, METRIC_FPR, METRIC_RECALL);
}

/* The precision-recall plot: AP, recall and precision at the threshold. */
static void draw_pr(struct grid *g, struct rect r, struct rect a, struct plot_cache *pc, const struct view *v,
		     const struct confusion *c)
{
	const struct sweep *sw = view_current(v)->sw;
	char t1[32], t2[32], t3[32];
	char f[3][128];
	const char *head[4] = { "Precision-recall", "PR", "PR", "PR" }, *tail[4] = { f[0], f[0], f[1], f[2] };

	fmt_rate(t1, sizeof t1, sw->average_precision);
	fmt_rate(t2, sizeof t2, metrics_value(METRIC_RECALL, c));
	fmt_rate(t3, sizeof t3, metrics_value(METRIC_PRECISION, c));
	snprintf(f[0], sizeof f[0], "  AP %s   recall %s  precision %s", t1, t2, t3);
	snprintf(f[1], sizeof f[1], " AP %s (R %s, P %s)", t1, t2, t3);
	snprintf(f[2], sizeof f[2], " AP %s", t1);
	axes_title(g, r, head, tail, 4);
	axes_y(g, r, a, v);
	axes_x_labels(g, a, r.y + r.h - 1, "0", "recall", "1");
	if (v->overlay && v->folds)
		legend_folds(g, pc->area, v, true);
	else if (v->overlay && v->n_models > 1)
		legend_models(g, pc->area, v, false, true);
	ref_marker(g, pc, v, METRIC_RECALL, METRIC_PRECISION);
	ref_legend(g, pc, v, true);
	marker(g, pc, v, c, METRIC_RECALL, METRIC_PRECISION);
}

/* The scores of each class, with the threshold line. */
static void draw_hist(struct grid *g, struct rect r, struct rect a, struct plot_cache *pc, const struct view *v)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	char t1[32], t2[32], t3[32];

	hist_title(g, r, v);
	snprintf(t1, sizeof t1, "%.4g", sw->min);
	snprintf(t2, sizeof t2, "%.4g", sweep_at_fraction(sw, 0.5));
	snprintf(t3, sizeof t3, "%.4g", sw->max);
	axes_x_labels(g, a, r.y + r.h - 1, t1, t2, t3);
	grid_text(g, r.x, a.y, "peak", ST_AXIS, 4);
	grid_text(g, r.x, a.y + a.h - 1, "peak", ST_AXIS, 4);
	if (v->logfpr && v->ref_sw == NULL && a.h >= 5)
		grid_text(g, r.x, a.y + a.h / 2, "log", ST_AXIS, 4); /* the counts' scale */
	if (m->k > 0 && sw->max > sw->min)
		axes_threshold_line(g, &pc->base, pc->area, v, (int)lround(sweep_fraction(sw, m->threshold) * (a.w - 1)));
	else if (m->k > 0)
		axes_threshold_line(g, &pc->base, pc->area, v, a.w / 2);
}

/* After :bootstrap: where the best F1's threshold fell, along the plot's
 * bottom row, in the cells no curve uses. */
static void band(struct grid *g, struct rect a, const struct view *v)
{
	const struct sweep *sw = view_current(v)->sw;
	int c1, c2, yb = a.y + a.h - 1, x;

	if (!(v->has_band && v->band_model == v->model))
		return;
	c1 = a.x + (int)lround(view_position(v, sweep_index(sw, v->band_hi)) * (a.w - 1));
	c2 = a.x + (int)lround(view_position(v, sweep_index(sw, v->band_lo)) * (a.w - 1));
	for (x = c1 < c2 ? c1 : c2; x <= (c1 < c2 ? c2 : c1); x++) {
		uint32_t ch = x >= 0 && x < g->w && yb < g->h ? g->cells[(size_t)yb * (size_t)g->w + (size_t)x].ch : 1;

		if (ch == ' ' || ch == 0x2800)
			grid_put(g, x, yb, glyph_get(v->glyphs, G_BAND), ST_MARKER);
	}
}

/* Precision, recall, F1 and the share flagged along the threshold. */
static void draw_metrics(struct grid *g, struct rect r, struct rect a, struct plot_cache *pc, const struct view *v)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	char t1[32], t3[32];
	int x, s;
	static const char *const names[4] = { "precision", "recall", "F1", "flagged" };
	static const char *const brief[4] = { "prec.", "recall", "F1", "flagged" };
	const char *const *nm = names;
	const char *by = v->step == STEP_VALUE ? "by score" : "by rank";
	int full = 0, end = r.x + r.w - 1; /* a blank column before the next plot */

	/* the legend whole, else without "by ...", else with short names */
	for (s = 0; s < 4; s++)
		full += 1 + grid_text_width(names[s]) + 2;
	if (full > r.w - 1)
		nm = brief;
	x = r.x;
	for (s = 0; s < 4; s++) {
		if (x + 1 + grid_text_width(nm[s]) > end)
			break;
		grid_put(g, x, r.y, legend_glyph(v, s), legend_style(s));
		x += 1 + grid_text(g, x + 1, r.y, nm[s], legend_style(s), end - x - 1) + 2;
	}
	/* --fold: the dotted bands are the folds' range; said first */
	if (v->folds && x + grid_text_width("bands: folds' range") <= end)
		x += grid_text(g, x, r.y, "bands: folds' range", ST_DIM, end - x) + 2;
	if (x + grid_text_width(by) <= end)
		grid_text(g, x, r.y, by, ST_DIM, end - x);
	axes_y(g, r, a, v);
	if (v->step == STEP_VALUE) {
		snprintf(t1, sizeof t1, "%.4g", sw->min);
		snprintf(t3, sizeof t3, "%.4g", sw->max);
		axes_x_labels(g, a, r.y + r.h - 1, t1, "threshold", t3);
	} else {
		axes_x_labels(g, a, r.y + r.h - 1, "all flagged", "rank", "none");
	}
	axes_threshold_line(g, &pc->base, pc->area, v, (int)lround(view_position(v, m->k) * (a.w - 1)));
	band(g, a, v);
}

void plot_draw(struct grid *g, struct rect r, struct plot_cache *pc, enum plot_kind kind,
		      const struct view *v)
{
	struct confusion c = view_at(v, view_current(v)->k);
	struct rect a = axes_area(r);

	if (kind == PLOT_GROUPS) {
		/* a table: no raster to keep */
		pc->valid = 0;
		grouppanel_draw(g, r, v);
		return;
	}
	if (a.w < 8 || a.h < 4 || cache_prepare(pc, kind, a, v) < 0) {
		pc->valid = 0;
		return;
	}
	canvas_blit(&pc->base, g, a.x, a.y);
	if (deployplot_is(kind))
		deployplot_draw(g, r, a, &pc->base, &pc->deploy, kind, v);
	else if (kind == PLOT_ROC)
		draw_roc(g, r, a, pc, v, &c);
	else if (kind == PLOT_PR)
		draw_pr(g, r, a, pc, v, &c);
	else if (kind == PLOT_HIST)
		draw_hist(g, r, a, pc, v);
	else
		draw_metrics(g, r, a, pc, v);
}

char *plot_text(const struct view *v, enum plot_kind kind, int w, int h)
{
	struct plot_cache pc;
	struct grid *g = grid_new(w, h);
	char *text = NULL;

	if (g == NULL)
		return NULL;
	memset(&pc, 0, sizeof pc);
	plot_draw(g, (struct rect){ 0, 0, w, h }, &pc, kind, v);
	if (pc.valid)
		text = grid_to_text(g);
	plot_free(&pc);
	grid_free(g);
	return text;
}

bool plot_hit(const struct plot_cache *pc, const struct view *v, int x, int y, size_t *k)
{
	const struct view_model *m = view_current(v);
	struct rect a = pc->area;
	double fx, fy;

	if (!pc->valid || x < a.x || x >= a.x + a.w || y < a.y || y >= a.y + a.h)
		return false;
	fx = a.w > 1 ? (double)(x - a.x) / (a.w - 1) : 0.5;
	fy = a.h > 1 ? 1 - (double)(y - a.y) / (a.h - 1) : 0.5;
	if (pc->kind == PLOT_ROC || pc->kind == PLOT_PR) {
		enum curve_kind ck = pc->kind == PLOT_ROC ? CURVE_ROC : CURVE_PR;
		double best = INFINITY;
		size_t j, found = VIEW_NONE;

		/* the nearest drawn point: at most one per raster cell */
		for (j = 0; j < pc->n_idx; j++) {
			struct curve_point p = curve_point(m->sw, ck, pc->idx[j]);
			double at = ck == CURVE_ROC ? axes_fpr(v, p.x) : p.x;
			double d = (at - fx) * (at - fx) + (p.y - fy) * (p.y - fy);

			if (d < best) {
				best = d;
				found = curve_sweep_index(ck, pc->idx[j]);
			}
		}
		if (found == VIEW_NONE)
			return false;
		*k = found;
	} else if (pc->kind == PLOT_HIST) {
		*k = sweep_index(m->sw, sweep_at_fraction(m->sw, fx));
	} else if (deployplot_is(pc->kind)) {
		*k = deployplot_hit(&pc->deploy, pc->kind, v, fx);
	} else {
		*k = view_k_at(v, fx);
	}
	return true;
}

void plot_free(struct plot_cache *pc)
{
	canvas_free(&pc->base);
	free(pc->idx);
	free(pc->bins);
	deployplot_free(&pc->deploy);
	memset(pc, 0, sizeof *pc);
}
