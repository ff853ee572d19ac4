/*
 * curve: points are computed on demand from the sweep's cumulative counts,
 * so a full curve costs no memory beyond the sweep itself.
 */
#include "core/stats/curve.h"

#include "core/stats/metrics.h"

#include <math.h>
#include <string.h>

size_t curve_length(const struct sweep *sw, enum curve_kind kind)
{
	return kind == CURVE_ROC ? sw->n + 1 : sw->n;
}

size_t curve_sweep_index(enum curve_kind kind, size_t i)
{
	return kind == CURVE_ROC ? i : i + 1;
}

struct curve_point curve_point(const struct sweep *sw, enum curve_kind kind, size_t i)
{
	size_t k = curve_sweep_index(kind, i);
	struct confusion c = sweep_confusion(sw, k);
	struct curve_point p;

	p.threshold = sweep_threshold(sw, k);
	if (kind == CURVE_ROC) {
		p.x = metrics_value(METRIC_FPR, &c);
		p.y = metrics_value(METRIC_RECALL, &c);
	} else {
		p.x = metrics_value(METRIC_RECALL, &c);
		p.y = metrics_value(METRIC_PRECISION, &c);
	}
	return p;
}

static long cell(double v, size_t cells)
{
	if (isnan(v))
		return -1;
	if (v <= 0)
		return 0;
	if (v >= 1)
		return (long)cells - 1;
	return (long)(v * (double)cells);
}

double curve_log_position(double x, double floor)
{
	if (isnan(x))
		return x;
	return x <= floor ? 0 : x >= 1 ? 1 : log(x / floor) / log(1 / floor);
}

double curve_fpr_floor(const struct sweep *sw)
{
	return sw->neg >= 10 ? 1 / sw->neg : 0.1;
}

size_t curve_downsample(const struct sweep *sw, enum curve_kind kind, size_t cols, size_t rows,
			size_t *idx, size_t max)
{
	return curve_downsample_log(sw, kind, cols, rows, 0, idx, max);
}

size_t curve_downsample_log(const struct sweep *sw, enum curve_kind kind, size_t cols, size_t rows, double floor,
			    size_t *idx, size_t max)
{
	size_t len = curve_length(sw, kind), i, out = 0;
	long last_x = -2, last_y = -2;

	if (max == 0 || cols == 0 || rows == 0)
		return 0;
	/* the last slot is kept for the curve's end */
	for (i = 0; i + 1 < len && out + 1 < max; i++) {
		struct curve_point p = curve_point(sw, kind, i);
		long x = cell(floor > 0 ? curve_log_position(p.x, floor) : p.x, cols), y = cell(p.y, rows);

		if (x != last_x || y != last_y) {
			idx[out++] = i;
			last_x = x;
			last_y = y;
		}
	}
	if (len > 0)
		idx[out++] = len - 1;
	return out;
}

int curve_parse(const char *name, enum curve_kind *kind)
{
	if (strcmp(name, "roc") == 0)
		*kind = CURVE_ROC;
	else if (strcmp(name, "pr") == 0)
		*kind = CURVE_PR;
	else
		return -1;
	return 0;
}

double curve_partial_auc(const struct sweep *sw, double max_fpr)
{
	double area = 0, x0 = 0, y0 = 0, lo, hi;
	size_t k;

	if (!(sw->pos > 0 && sw->neg > 0) || !(max_fpr > 0 && max_fpr <= 1))
		return NAN;
	if (max_fpr == 1)
		return sw->roc_auc;
	for (k = 0; k < sw->n; k++) {
		double x = sweep_neg(sw, k) / sw->neg, y = sweep_pos(sw, k) / sw->pos;

		if (x > max_fpr) {
			/* the last trapezoid stops at max_fpr, interpolated */
			double ym = y0 + (y - y0) * (max_fpr - x0) / (x - x0);

			area += (max_fpr - x0) * (y0 + ym) / 2;
			x0 = max_fpr;
			break;
		}
		area += (x - x0) * (y0 + y) / 2;
		x0 = x, y0 = y;
	}
	lo = max_fpr * max_fpr / 2;
	hi = max_fpr;
	return 0.5 * (1 + (area - lo) / (hi - lo));
}
