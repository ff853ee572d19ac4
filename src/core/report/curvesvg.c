/*
 * curvesvg: --curve KIND --format svg (see curvesvg.h).  The plot area's
 * data range is written on it (data-x0, data-x1, data-y0, data-y1), so
 * that a reader, and the tests, can take any vertex back to its numbers.
 */
#include "core/report/curvesvg.h"

#include "core/base/fmt.h"
#include "core/base/text.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SVG_W 640
#define SVG_H 480
#define LEFT 64.0
#define RIGHT 24.0
#define TOP 40.0
#define BOTTOM 56.0
#define AREA_W (SVG_W - LEFT - RIGHT)
#define AREA_H (SVG_H - TOP - BOTTOM)

/* What each kind plots: x and up to two y columns (-1: none), fixed
 * ranges (else the data's), and the chance line (the diagonal). */
struct spec {
	int x, y[2];
	bool unit_x, unit_y, diagonal;
	const char *x_label, *y_label, *title;
};

static struct spec spec_of(enum curvefile_kind kind)
{
	switch (kind) {
	case CF_ROC:
		return (struct spec){ 1, { 2, -1 }, true, true, true, "false positive rate", "true positive rate", "ROC curve" };
	case CF_PR:
		return (struct spec){ 1, { 2, -1 }, true, true, false, "recall", "precision", "Precision-recall curve" };
	case CF_GAIN:
		return (struct spec){ 1, { 2, -1 }, true, true, true, "share flagged", "share of positives caught",
				      "Cumulative gains" };
	case CF_NET_BENEFIT:
		return (struct spec){ 0, { 1, 2 }, true, false, false, "threshold", "net benefit", "Net benefit (decision curve)" };
	case CF_CALIBRATION:
		return (struct spec){ 3, { 4, -1 }, true, true, true, "mean predicted", "fraction positive", "Calibration" };
	case CF_COVERAGE:
		return (struct spec){ 0, { 3, 4 }, false, true, false, "target precision and NPV", "share", "Review band coverage" };
	case CF_COST:
		return (struct spec){ 0, { 1, -1 }, false, false, false, "threshold", "cost", "What the mistakes cost" };
	case CF_COUNT:
		break;
	}
	return (struct spec){ 0, { 1, -1 }, false, false, false, "", "", "" };
}

struct range {
	double x0, x1, y0, y1;
	double xstep, ystep;            /* between ticks */
};

static double px(const struct range *g, double x)
{
	return LEFT + (x - g->x0) / (g->x1 - g->x0) * AREA_W;
}

static double py(const struct range *g, double y)
{
	return TOP + (1 - (y - g->y0) / (g->y1 - g->y0)) * AREA_H;
}

/* A tick step of 1, 2, 2.5 or 5 times a power of ten, about a quarter of
 * the range; the range widened to whole steps. */
static double nice(double *lo, double *hi)
{
	double raw = (*hi - *lo) / 4, p = pow(10, floor(log10(raw))), m = raw / p;
	double step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;

	*lo = floor(*lo / step + 1e-9) * step;
	*hi = ceil(*hi / step - 1e-9) * step;
	return step;
}

static const char *const colours[4] = { "#0072B2", "#D55E00", "#009E73", "#CC79A7" };
static const char *const dashes[4] = { "none", "8 4", "2 3", "12 3 2 3" };

/* The data's range over every model (finite values only); fixed [0, 1]
 * where the kind says; net benefit's floor a quarter of its top below 0
 * (treating all goes far below). */
static int data_range(const struct report *r, enum curvefile_kind kind, const struct spec *s, struct range *g)
{
	double lo[2] = { INFINITY, INFINITY }, hi[2] = { -INFINITY, -INFINITY }, v[CURVEFILE_MAX_COLS];

	for (size_t mi = 0; mi < r->n_models; mi++) {
		struct curvefile_table t;

		if (curvefile_table_open(&t, r, &r->models[mi], kind) < 0)
			return -1;
		for (size_t i = 0; i < t.rows; i++) {
			curvefile_table_row(&t, i, v);
			if (isfinite(v[s->x]))
				lo[0] = fmin(lo[0], v[s->x]), hi[0] = fmax(hi[0], v[s->x]);
			for (int k = 0; k < 2; k++)
				if (s->y[k] >= 0 && isfinite(v[s->y[k]]))
					lo[1] = fmin(lo[1], v[s->y[k]]), hi[1] = fmax(hi[1], v[s->y[k]]);
		}
		free(t.bins);
	}
	*g = (struct range){ lo[0], hi[0], lo[1], hi[1], 0, 0 };
	if (s->unit_x)
		g->x0 = 0, g->x1 = 1;
	if (s->unit_y)
		g->y0 = 0, g->y1 = 1;
	if (kind == CF_NET_BENEFIT)
		g->y1 = fmax(g->y1, 0.01), g->y0 = -g->y1 / 4;
	if (kind == CF_COST)
		g->y0 = 0;
	if (!(g->x1 > g->x0))
		g->x0 = isfinite(g->x0) ? g->x0 - 0.5 : 0, g->x1 = g->x0 + 1;
	if (!(g->y1 > g->y0))
		g->y0 = isfinite(g->y0) ? g->y0 - 0.5 : 0, g->y1 = g->y0 + 1;
	g->xstep = s->unit_x ? 0.25 : nice(&g->x0, &g->x1);
	g->ystep = s->unit_y ? 0.25 : nice(&g->y0, &g->y1);
	return 0;
}

/* A tick's value: whole thousands with separators ("20,000"), else 4
 * significant digits ("0.25"). */
static void tick(char *buf, size_t cap, double v)
{
	if (fabs(v) >= 1000 && fabs(v) < 1e15 && v == floor(v))
		fmt_count(buf, cap, v);
	else
		snprintf(buf, cap, "%.4g", v);
}

/* The axes, a tick at every step with its value (0 as "0"). */
static void axes(FILE *f, const struct range *g, const struct spec *s)
{
	char a[40];

	fprintf(f, "<g stroke=\"#333\" stroke-width=\"1\">\n");
	fprintf(f, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\"/>\n", LEFT, TOP + AREA_H, LEFT + AREA_W, TOP + AREA_H);
	fprintf(f, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\"/>\n", LEFT, TOP, LEFT, TOP + AREA_H);
	fputs("</g>\n<g fill=\"#333\">\n", f);
	for (int i = 0; g->x0 + i * g->xstep <= g->x1 * (1 + 1e-12) + 1e-12; i++) {
		double v = g->x0 + i * g->xstep, x = px(g, v);

		tick(a, sizeof a, fabs(v) < g->xstep * 1e-9 ? 0 : v);
		fprintf(f, "<line x1=\"%.2f\" y1=\"%g\" x2=\"%.2f\" y2=\"%g\" stroke=\"#333\"/>\n", x, TOP + AREA_H, x,
			TOP + AREA_H + 5);
		fprintf(f, "<text x=\"%.2f\" y=\"%g\" text-anchor=\"middle\">%s</text>\n", x, TOP + AREA_H + 20, a);
	}
	for (int i = 0; g->y0 + i * g->ystep <= g->y1 * (1 + 1e-12) + 1e-12; i++) {
		double v = g->y0 + i * g->ystep, y = py(g, v);

		tick(a, sizeof a, fabs(v) < g->ystep * 1e-9 ? 0 : v);
		fprintf(f, "<line x1=\"%g\" y1=\"%.2f\" x2=\"%g\" y2=\"%.2f\" stroke=\"#333\"/>\n", LEFT - 5, y, LEFT, y);
		fprintf(f, "<text x=\"%g\" y=\"%.2f\" text-anchor=\"end\">%s</text>\n", LEFT - 8, y + 4, a);
	}
	fprintf(f, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">%s</text>\n", LEFT + AREA_W / 2, (double)SVG_H - 14,
		s->x_label);
	fprintf(f, "<text transform=\"translate(16 %g) rotate(-90)\" text-anchor=\"middle\">%s</text>\n</g>\n",
		TOP + AREA_H / 2, s->y_label);
}

/* One series: polylines of the curve's points (a NaN breaks the line),
 * a point left out where it lands within a tenth of a pixel of the last. */
static void series(FILE *f, const struct curvefile_table *t, const struct range *g, int xc, int yc, const char *name,
		   int n)
{
	double v[CURVEFILE_MAX_COLS], lx = NAN, ly = NAN;
	bool open = false;

	for (size_t i = 0; i < t->rows; i++) {
		double x, y;

		curvefile_table_row(t, i, v);
		if (!isfinite(v[xc]) || !isfinite(v[yc]) || v[yc] < g->y0 || v[yc] > g->y1) {
			if (open)
				fputs("\"/>\n", f), open = false;
			continue;
		}
		x = round(px(g, v[xc]) * 100) / 100, y = round(py(g, v[yc]) * 100) / 100;
		if (open && fabs(x - lx) < 0.1 && fabs(y - ly) < 0.1 && i + 1 < t->rows)
			continue;
		if (!open) {
			fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\" data-model=\"",
				colours[n & 3], dashes[n & 3]);
			text_xml(f, name);
			fprintf(f, "\" data-column=\"%s\" points=\"", curvefile_column(t->kind, yc));
			open = true;
		} else {
			fputc(' ', f);
		}
		fprintf(f, "%.2f,%.2f", x, y);
		lx = x, ly = y;
	}
	if (open)
		fputs("\"/>\n", f);
}

/* Whether model mi's k-th series is drawn: treating all is the data's,
 * not a model's, so once. */
static bool drawn(const struct spec *s, enum curvefile_kind kind, size_t mi, int k)
{
	return s->y[k] >= 0 && !(kind == CF_NET_BENEFIT && k == 1 && mi > 0);
}

static int n_series(const struct report *r, const struct spec *s, enum curvefile_kind kind)
{
	int n = 0;

	for (size_t mi = 0; mi < r->n_models; mi++)
		for (int k = 0; k < 2; k++)
			n += drawn(s, kind, mi, k);
	return n;
}

/* Which line is which, below the plot (never over a curve), two to a row. */
static void legend(FILE *f, const struct report *r, const struct spec *s, enum curvefile_kind kind)
{
	int n = 0;

	for (size_t mi = 0; mi < r->n_models; mi++) {
		const char *name = r->classes != NULL ? r->classes[mi] : r->models[mi].score;

		for (int k = 0; k < 2; k++) {
			double x = LEFT + (n % 2) * AREA_W / 2, y = SVG_H + 4 + 18 * (n / 2);

			if (!drawn(s, kind, mi, k))
				continue;
			fprintf(f, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" stroke-width=\"2\" "
				   "stroke-dasharray=\"%s\"/>\n", x, y - 4, x + 30, y - 4, colours[n & 3], dashes[n & 3]);
			fprintf(f, "<text x=\"%g\" y=\"%g\">", x + 36, y);
			if (kind == CF_NET_BENEFIT && k == 1)
				fputs("treat all", f);
			else
				text_xml(f, name), fprintf(f, " %s", k == 0 ? "" : curvefile_column(kind, s->y[k]));
			fputs("</text>\n", f);
			n++;
		}
	}
}

/* Long: the picture top to bottom (title, axes, reference line, each
 * model's series, legend), in the order a reader meets them. */
static int picture(FILE *f, const struct report *r, enum curvefile_kind kind, bool inline_)
{
	struct spec s = spec_of(kind);
	struct range g;
	int n = 0, h = SVG_H + 18 * ((n_series(r, &s, kind) + 1) / 2);

	if (data_range(r, kind, &s, &g) < 0)
		return -1;
	if (!inline_)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		   "font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n<title>",
		SVG_W, h, SVG_W, h);
	fprintf(f, "%s: ", s.title);
	text_xml(f, r->file);
	fputs("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n", f);
	fprintf(f, "<text x=\"%g\" y=\"24\" font-size=\"15\" font-weight=\"bold\">", LEFT);
	fprintf(f, "%s  <tspan font-weight=\"normal\" font-size=\"12\">", s.title);
	text_xml(f, r->file);
	fputs("</tspan></text>\n", f);
	axes(f, &g, &s);
	fprintf(f, "<g data-kind=\"%s\" data-x0=\"%.17g\" data-x1=\"%.17g\" data-y0=\"%.17g\" data-y1=\"%.17g\" data-left=\"%g\" data-top=\"%g\" "
		   "data-width=\"%g\" data-height=\"%g\">\n", curvefile_name(kind), g.x0, g.x1, g.y0, g.y1, LEFT, TOP, AREA_W, AREA_H);
	if (s.diagonal)
		fprintf(f, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>\n", LEFT,
			TOP + AREA_H, LEFT + AREA_W, TOP);
	for (size_t mi = 0; mi < r->n_models; mi++) {
		const char *name = r->classes != NULL ? r->classes[mi] : r->models[mi].score;
		struct curvefile_table t;

		if (curvefile_table_open(&t, r, &r->models[mi], kind) < 0)
			return -1;
		for (int k = 0; k < 2; k++)
			if (drawn(&s, kind, mi, k))
				series(f, &t, &g, s.x, s.y[k], name, n++);
		free(t.bins);
	}
	fputs("</g>\n<g font-size=\"12\">\n", f);
	legend(f, r, &s, kind);
	fputs("</g>\n</svg>\n", f);
	return 0;
}

int curvesvg_write(FILE *f, const struct report *r, enum curvefile_kind kind)
{
	return picture(f, r, kind, false);
}

int curvesvg_inline(FILE *f, const struct report *r, enum curvefile_kind kind)
{
	return picture(f, r, kind, true);
}
