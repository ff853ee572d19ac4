/*
 * deployplot: gains, net benefit and calibration views.  Each number in
 * their titles is formatted as the report formats it (fmt.h), from the
 * same core functions (deploy.h, calib.h), so the screen and --report
 * agree.
 */
#include "ui/deployplot.h"

#include "core/stats/deploy.h"
#include "core/base/fmt.h"
#include "core/stats/metrics.h"
#include "ui/axes.h"
#include "ui/glyph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool deployplot_is(enum plot_kind kind)
{
	return kind == PLOT_GAIN || kind == PLOT_NET_BENEFIT || kind == PLOT_CALIBRATION;
}

void deployplot_free(struct deployplot_data *d)
{
	free(d->bins);
	free(d->edges);
	memset(d, 0, sizeof *d);
}

/* ---- gains ------------------------------------------------------------------------------- */

static void build_gain(struct canvas *c, const struct view *v)
{
	const struct sweep *sw = view_current(v)->sw;
	double n = sw->pos + sw->neg;
	int px = 0, py = c->h - 1;
	size_t k;

	/* random: the diagonal; perfect: every positive first */
	canvas_line(c, 0, c->h - 1, c->w - 1, 0, ST_BASELINE, DASH_SPARSE);
	if (n > 0 && sw->pos > 0) {
		int xp = axes_dot_x(c, sw->pos / n);

		canvas_line(c, 0, c->h - 1, xp, 0, ST_BASELINE2, DASH_DOTTED);
		canvas_line(c, xp, 0, c->w - 1, 0, ST_BASELINE2, DASH_DOTTED);
	}
	if (!(n > 0 && sw->pos > 0))
		return;
	for (k = 1; k <= sw->n; k++) {
		struct confusion cf = sweep_confusion(sw, k);
		int x = axes_dot_x(c, (cf.tp + cf.fp) / n), y = axes_dot_y(c, cf.tp / sw->pos);

		if (x == px && y == py && k < sw->n)
			continue; /* the same dot: a million scores draw as a few hundred */
		canvas_line(c, px, py, x, y, ST_CURVE, DASH_SOLID);
		px = x, py = y;
	}
}

/* ---- net benefit --------------------------------------------------------------------------- */

/* The net benefit's y (in its range) as a dot row; clipped. */
static int nb_y(const struct canvas *c, const struct deployplot_data *d, double y)
{
	double f = (y - d->ymin) / (d->ymax - d->ymin);

	return axes_dot_y(c, f < 0 ? 0 : f > 1 ? 1 : f);
}

/* The threshold of dot column x: t in (0, 1). */
static double nb_t(const struct canvas *c, int x)
{
	return c->w > 1 ? (double)x / (c->w - 1) : 0.5;
}

static void build_net_benefit(struct canvas *c, struct deployplot_data *d, const struct view *v)
{
	const struct sweep *sw = view_current(v)->sw;
	double top = deploy_prevalence(sw);
	int x, px = 0, py = 0, have = 0, pa = 0, qa = 0, have_a = 0;

	if (!sw->probabilities || isnan(top))
		return;
	for (x = 1; x < c->w - 1; x++) {
		double t = nb_t(c, x), nb;
		struct confusion cf = sweep_at(sw, t);

		nb = deploy_net_benefit(sw, &cf, t);
		if (nb > top)
			top = nb;
	}
	d->ymax = top > 0 ? top * 1.05 : 1;
	d->ymin = -d->ymax / 4;
	/* treat none: 0 */
	canvas_line(c, 0, nb_y(c, d, 0), c->w - 1, nb_y(c, d, 0), ST_BASELINE, DASH_SPARSE);
	for (x = 0; x < c->w - 1; x++) {
		double t = nb_t(c, x), all = deploy_treat_all(sw, t > 0 ? t : 1e-12), nb;
		struct confusion cf = sweep_at(sw, t > 0 ? t : 1e-12);
		int y;

		/* treat all, until it leaves the plot at the bottom */
		if (all >= d->ymin) {
			y = nb_y(c, d, all);
			if (have_a)
				canvas_line(c, pa, qa, x, y, ST_CURVE2, DASH_LONG);
			pa = x, qa = y, have_a = 1;
		}
		nb = deploy_net_benefit(sw, &cf, t > 0 ? t : 1e-12);
		if (isnan(nb))
			continue;
		y = nb_y(c, d, nb);
		if (have)
			canvas_line(c, px, py, x, y, ST_CURVE, DASH_SOLID);
		else
			canvas_dot(c, x, y, ST_CURVE);
		px = x, py = y, have = 1;
	}
}

/* ---- calibration ---------------------------------------------------------------------------- */

/* Calibration maps y into all rows but the last, which holds the counts. */
static int cal_y(const struct canvas *c, double y)
{
	int h = c->h - c->dy;

	return (int)lround((1 - y) * (h - 1));
}

static int build_calibration(struct canvas *c, struct deployplot_data *d, const struct view *v)
{
	const struct sweep *sw = view_current(v)->sw;
	size_t bins = v->calib_bins ? v->calib_bins : 10, i;
	int px = 0, py = 0;

	d->bins = malloc(bins * sizeof *d->bins);
	d->edges = malloc((bins + 1) * sizeof *d->edges);
	if (d->bins == NULL || d->edges == NULL)
		return -1;
	d->n_edges = bins + 1;
	d->n_bins = calib_curve(sw, bins, v->calib_strategy, d->bins);
	if (d->n_bins == 0)
		return 0;
	calib_edges(sw, bins, v->calib_strategy, d->edges);
	canvas_line(c, 0, cal_y(c, 0), c->w - 1, cal_y(c, 1), ST_BASELINE, DASH_SPARSE);
	d->max_count = 0;
	for (i = 0; i < d->n_bins; i++) {
		int x = axes_dot_x(c, d->bins[i].mean_predicted), y = cal_y(c, d->bins[i].fraction_positive);

		if (i > 0)
			canvas_line(c, px, py, x, y, ST_CURVE, DASH_SOLID);
		else
			canvas_dot(c, x, y, ST_CURVE);
		px = x, py = y;
		if (d->bins[i].count > d->max_count)
			d->max_count = d->bins[i].count;
	}
	return 0;
}

int deployplot_build(struct canvas *base, struct deployplot_data *d, enum plot_kind kind, const struct view *v)
{
	deployplot_free(d);
	if (kind == PLOT_GAIN)
		build_gain(base, v);
	else if (kind == PLOT_NET_BENEFIT)
		build_net_benefit(base, d, v);
	else if (build_calibration(base, d, v) < 0)
		return -1;
	return 0;
}

/* ---- drawing -------------------------------------------------------------------------------- */

static void mark(struct grid *g, struct rect area, const struct canvas *base, int dx, int dy, const struct view *v)
{
	int cx = area.x + dx / base->dx, cy = area.y + dy / base->dy;

	if (cx >= area.x && cx < area.x + area.w && cy >= area.y && cy < area.y + area.h)
		grid_put(g, cx, cy, glyph_get(v->glyphs, G_MARK), ST_MARKER);
}

/* A legend on row y of the area, right-aligned, when it fits: pairs of a
 * glyph (by style) and a name.  The caller picks the row the curves leave
 * free (gains: the last; net benefit: the first). */
static void legend(struct grid *g, struct rect a, int y, const struct view *v, int n, const enum style *st,
		   const uint32_t *uni, const char *asc, const char *const *names)
{
	int w = 0, i, x, gap = 1, sep = 2;

	for (i = 0; i < n; i++)
		w += 1 + gap + grid_text_width(names[i]) + (i + 1 < n ? sep : 0);
	if (w > a.w - 2) {
		/* a small plot: "━model ┈random" */
		w -= n * gap + (n - 1) * (sep - 1);
		gap = 0, sep = 1;
	}
	if (w > a.w - 1)
		return;
	x = a.x + a.w - w;
	for (i = 0; i < n; i++) {
		grid_put(g, x, y, v->glyphs == GLYPHS_ASCII ? (uint32_t)asc[i] : uni[i], st[i]);
		if (gap)
			grid_put(g, x + 1, y, ' ', st[i]);
		x += 1 + gap + grid_text(g, x + 1 + gap, y, names[i], ST_DIM, a.w) + sep;
	}
}

/* "1", ".5" and so on for a y axis from lo to hi, at its top, its 0 and its bottom. */
static void y_labels(struct grid *g, struct rect r, struct rect a, const struct canvas *base,
		     const struct deployplot_data *d, const struct view *v)
{
	char s[3][16];
	double at[3] = { d->ymax, 0, d->ymin };
	int i, y;

	for (y = a.y; y < a.y + a.h; y++)
		grid_put(g, r.x + 4, y, glyph_get(v->glyphs, G_VLINE), ST_AXIS);
	for (i = 0; i < 3; i++) {
		char *z;

		/* ".39", "0", "-.10": four columns at most */
		snprintf(s[i], sizeof s[i], at[i] == 0 ? "0" : fabs(at[i]) < 0.095 && at[i] > 0 ? "%.3f" : "%.2f", at[i]);
		if ((z = strstr(s[i], "0.")) != NULL && (z == s[i] || z == s[i] + 1))
			memmove(z, z + 1, strlen(z));
		y = a.y + nb_y(base, d, at[i]) / base->dy;
		grid_text(g, r.x + 4 - grid_text_width(s[i]) > r.x ? r.x + 3 - grid_text_width(s[i]) : r.x, y, s[i],
			  ST_AXIS, 4);
		grid_put(g, r.x + 4, y, glyph_get(v->glyphs, G_TICK), ST_AXIS);
	}
}

static void draw_gain(struct grid *g, struct rect r, struct rect a, const struct canvas *base, const struct view *v)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	struct confusion c = sweep_confusion(sw, m->k);
	double rate = metrics_value(METRIC_PREDICTED_POSITIVE_RATE, &c), tpr = metrics_value(METRIC_RECALL, &c);
	char f[4][200], p1[32], p2[32], l[32];
	const char *head[4] = { "Gains", "Gains", "Gains", "Gains" }, *tail[4] = { f[0], f[1], f[2], f[3] };

	fmt_rate(p1, sizeof p1, 100 * rate);
	fmt_rate(p2, sizeof p2, 100 * tpr);
	fmt_rate(l, sizeof l, deploy_lift(sw, &c));
	snprintf(f[0], sizeof f[0], ": calling the top %s%% reaches %s%% of %s (%sx random)", p1, p2, v->pos_words, l);
	snprintf(f[1], sizeof f[1], " top %s%% reach %s%% (%sx)", p1, p2, l);
	snprintf(f[2], sizeof f[2], " lift %s", l);
	f[3][0] = '\0';
	axes_title(g, r, head, tail, 4);
	axes_y(g, r, a, v);
	axes_x_labels(g, a, r.y + r.h - 1, "0", "flagged", "1");
	{
		static const enum style st[3] = { ST_CURVE, ST_BASELINE, ST_BASELINE2 };
		static const uint32_t uni[3] = { 0x2501, 0x2508, 0x2505 };
		static const char *const names[3] = { "model", "random", "perfect" };

		legend(g, a, a.y + a.h - 1, v, 3, st, uni, "*.:", names);
	}
	if (!isnan(rate) && !isnan(tpr))
		mark(g, a, base, axes_dot_x(base, rate), axes_dot_y(base, tpr), v);
}

static void draw_net_benefit(struct grid *g, struct rect r, struct rect a, const struct canvas *base,
			     const struct deployplot_data *d, const struct view *v)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	struct confusion c = sweep_confusion(sw, m->k);
	double nb = deploy_net_benefit(sw, &c, m->threshold), all = deploy_treat_all(sw, m->threshold);
	char f[4][200], a1[32], a2[32], per[32];
	const char *head[4] = { "Net benefit", "Net benefit", "NB", "NB" }, *tail[4] = { f[0], f[1], f[2], f[3] };

	if (!sw->probabilities) {
		grid_text(g, r.x, r.y, "Net benefit", ST_TITLE, r.w - 1);
		grid_text(g, a.x, a.y + a.h / 2, "needs probabilities (scores in [0, 1])", ST_DIM, a.w);
		return;
	}
	fmt_rate(a1, sizeof a1, nb);
	fmt_rate(a2, sizeof a2, all);
	fmt_rate(per, sizeof per, 100 * nb);
	if (isnan(nb)) {
		snprintf(f[0], sizeof f[0], " n/a at this threshold (it needs 0 < t < 1)");
	} else {
		/* the reading in words: true positives net of the false ones */
		snprintf(f[0], sizeof f[0], " %s: worth %s true %s per 100 cases, no false ones", a1, per, v->pos_words);
	}
	snprintf(f[1], sizeof f[1], " %s (treat all %s)", a1, a2);
	snprintf(f[2], sizeof f[2], " %s (all %s)", a1, a2);
	snprintf(f[3], sizeof f[3], " %s", a1);
	axes_title(g, r, head, tail, 4);
	y_labels(g, r, a, base, d, v);
	axes_x_labels(g, a, r.y + r.h - 1, "0", "threshold", "1");
	if (m->threshold > 0 && m->threshold < 1) {
		axes_threshold_line(g, base, a, v, (int)lround(m->threshold * (a.w - 1)));
		if (!isnan(nb))
			mark(g, a, base, axes_dot_x(base, m->threshold), nb_y(base, d, nb), v);
	}
	{
		static const enum style st[3] = { ST_CURVE, ST_CURVE2, ST_BASELINE };
		static const uint32_t uni[3] = { 0x2501, 0x254D, 0x2508 };
		static const char *const names[3] = { "model", "treat all", "none" };

		/* the top row: treat all leaves the plot at the bottom */
		legend(g, a, a.y, v, 3, st, uni, "*+.", names);
	}
}

static void draw_calibration(struct grid *g, struct rect r, struct rect a, const struct canvas *base,
			     const struct deployplot_data *d, const struct view *v)
{
	static const uint32_t bars[8] = { 0x2581, 0x2582, 0x2583, 0x2584, 0x2585, 0x2586, 0x2587, 0x2588 };
	static const char ascii[8] = { '.', ':', '-', '=', '+', '*', '#', '@' };
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	char f[3][200], e[32], lo[32], hi[32], fr[32], cnt[32];
	const char *head[3] = { "Calibration", "Calibration", "Calib." }, *tail[3] = { f[0], f[1], f[2] };
	struct calib_summary s;
	size_t i, cur = (size_t)-1;
	int strip = a.y + a.h - 1;

	if (d->n_bins == 0) {
		grid_text(g, r.x, r.y, "Calibration", ST_TITLE, r.w - 1);
		grid_text(g, a.x, a.y + a.h / 2, "needs probabilities (scores in [0, 1])", ST_DIM, a.w);
		return;
	}
	calib_summarise(sw, d->bins, d->n_bins, &s);
	fmt_rate(e, sizeof e, s.ece);
	/* the bin holding the threshold */
	if (m->threshold >= 0 && m->threshold <= 1) {
		size_t b = calib_bin_of(d->edges, d->n_edges - 1, m->threshold) + 1;

		for (i = 0; i < d->n_bins; i++)
			if (d->bins[i].bin == b)
				cur = i;
	}
	if (cur != (size_t)-1) {
		const struct calib_bin *b = &d->bins[cur];

		snprintf(f[0], sizeof f[0], " ECE %s  threshold's bin %s-%s: %s%% of %s are %s", e,
			 fmt_rate(lo, sizeof lo, b->lower), fmt_rate(hi, sizeof hi, b->upper),
			 fmt_rate(fr, sizeof fr, 100 * b->fraction_positive), fmt_count(cnt, sizeof cnt, b->count),
			 v->pos_words);
	} else {
		snprintf(f[0], sizeof f[0], " ECE %s", e);
	}
	snprintf(f[1], sizeof f[1], " ECE %s", e);
	snprintf(f[2], sizeof f[2], " %s", e);
	axes_title(g, r, head, tail, 3);
	axes_y(g, (struct rect){ r.x, r.y, r.w, r.h - 1 }, (struct rect){ a.x, a.y, a.w, a.h - 1 }, v);
	axes_x_labels(g, a, r.y + r.h - 1, "0", "predicted", "1");
	grid_text(g, r.x, strip, "n", ST_AXIS, 4);
	/* each bin's count as a strip under the diagram, across its edges */
	for (i = 0; i < d->n_bins; i++) {
		const struct calib_bin *b = &d->bins[i];
		int x0 = a.x + (int)lround(b->lower * (a.w - 1)), x1 = a.x + (int)lround(b->upper * (a.w - 1)), x;
		int level = d->max_count > 0 ? (int)ceil(b->count / d->max_count * 8) - 1 : 0;

		if (level < 0)
			level = 0;
		for (x = x0; x <= x1 && x < a.x + a.w; x++)
			grid_put(g, x, strip, v->glyphs == GLYPHS_ASCII ? (uint32_t)ascii[level] : bars[level],
				 i == cur ? ST_MARKER : ST_DIM);
	}
	if (m->threshold >= 0 && m->threshold <= 1)
		axes_threshold_line(g, base, (struct rect){ a.x, a.y, a.w, a.h - 1 }, v,
				    (int)lround(m->threshold * (a.w - 1)));
	if (cur != (size_t)-1)
		mark(g, a, base, axes_dot_x(base, d->bins[cur].mean_predicted), cal_y(base, d->bins[cur].fraction_positive),
		     v);
}

void deployplot_draw(struct grid *g, struct rect r, struct rect area, const struct canvas *base,
		     const struct deployplot_data *d, enum plot_kind kind, const struct view *v)
{
	if (kind == PLOT_GAIN)
		draw_gain(g, r, area, base, v);
	else if (kind == PLOT_NET_BENEFIT)
		draw_net_benefit(g, r, area, base, d, v);
	else
		draw_calibration(g, r, area, base, d, v);
}

size_t deployplot_hit(const struct deployplot_data *d, enum plot_kind kind, const struct view *v, double fx)
{
	const struct sweep *sw = view_current(v)->sw;

	(void)d;
	if (kind == PLOT_GAIN) {
		/* the first k that flags at least that share */
		double want = fx * (sw->pos + sw->neg);
		size_t lo = 0, hi = sw->n;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			struct confusion c = sweep_confusion(sw, mid);

			if (c.tp + c.fp >= want)
				hi = mid;
			else
				lo = mid + 1;
		}
		return lo;
	}
	/* net benefit and calibration: x is the threshold (a probability) */
	return sweep_index(sw, fx);
}
