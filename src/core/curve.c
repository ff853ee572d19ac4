/*
 * curve: points are computed on demand from the sweep's cumulative counts,
 * so a full curve costs no memory beyond the sweep itself.
 */
#include "core/curve.h"

#include "core/metrics.h"

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

size_t curve_downsample(const struct sweep *sw, enum curve_kind kind, size_t cols, size_t rows,
			size_t *idx, size_t max)
{
	size_t len = curve_length(sw, kind), i, out = 0;
	long last_x = -2, last_y = -2;

	if (max == 0 || cols == 0 || rows == 0)
		return 0;
	/* the last slot is kept for the curve's end */
	for (i = 0; i + 1 < len && out + 1 < max; i++) {
		struct curve_point p = curve_point(sw, kind, i);
		long x = cell(p.x, cols), y = cell(p.y, rows);

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
