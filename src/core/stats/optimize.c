/*
 * optimize: one pass over the n+1 candidate thresholds, from +inf down.
 * Only a strictly better value replaces the best so far, which is what
 * makes the highest threshold win a tie.
 */
#include "core/stats/optimize.h"

#include "core/stats/metrics.h"
#include "core/stats/rowcost.h"

#include <math.h>
#include <string.h>

const char *const optimize_names[OBJ_COUNT] = {
	[OBJ_F1] = "f1",
	[OBJ_FBETA] = "fbeta",
	[OBJ_MCC] = "mcc",
	[OBJ_YOUDEN] = "youden",
	[OBJ_ACCURACY] = "accuracy",
	[OBJ_BALANCED_ACCURACY] = "balanced_accuracy",
	[OBJ_PRECISION] = "precision",
	[OBJ_RECALL] = "recall",
	[OBJ_COST] = "cost",
};

int optimize_parse(const char *name, enum objective *obj)
{
	int i;

	for (i = 0; i < OBJ_COUNT; i++)
		if (strcmp(name, optimize_names[i]) == 0) {
			*obj = (enum objective)i;
			return 0;
		}
	return -1;
}

struct optimize_spec optimize_defaults(enum objective obj)
{
	struct optimize_spec s;

	s.objective = obj;
	s.beta = 1;
	s.cost_fp = 1;
	s.cost_fn = 1;
	s.min_precision = s.min_recall = s.max_fpr = s.max_flagged = s.max_flag_rate = NAN;
	return s;
}

double optimize_value(const struct optimize_spec *spec, const struct confusion *c)
{
	switch (spec->objective) {
	case OBJ_F1:
		return metrics_value(METRIC_F1, c);
	case OBJ_FBETA:
		return metrics_fbeta(c, spec->beta);
	case OBJ_MCC:
		return metrics_value(METRIC_MCC, c);
	case OBJ_YOUDEN:
		return metrics_value(METRIC_YOUDEN_J, c);
	case OBJ_ACCURACY:
		return metrics_value(METRIC_ACCURACY, c);
	case OBJ_BALANCED_ACCURACY:
		return metrics_value(METRIC_BALANCED_ACCURACY, c);
	case OBJ_PRECISION:
		return metrics_value(METRIC_PRECISION, c);
	case OBJ_RECALL:
		return metrics_value(METRIC_RECALL, c);
	case OBJ_COST:
		/* 0 * FP must stay 0 even with a huge count */
		return (spec->cost_fp > 0 ? spec->cost_fp * c->fp : 0) +
		       (spec->cost_fn > 0 ? spec->cost_fn * c->fn : 0);
	case OBJ_COUNT:
		break;
	}
	return NAN;
}

bool optimize_feasible(const struct optimize_spec *spec, const struct confusion *c)
{
	/* comparisons with NaN are false, so an undefined metric fails */
	if (!isnan(spec->min_precision) && !(metrics_value(METRIC_PRECISION, c) >= spec->min_precision))
		return false;
	if (!isnan(spec->min_recall) && !(metrics_value(METRIC_RECALL, c) >= spec->min_recall))
		return false;
	if (!isnan(spec->max_fpr) && !(metrics_value(METRIC_FPR, c) <= spec->max_fpr))
		return false;
	if (!isnan(spec->max_flagged) && !(c->tp + c->fp <= spec->max_flagged))
		return false;
	if (!isnan(spec->max_flag_rate) && !(metrics_value(METRIC_PREDICTED_POSITIVE_RATE, c) <= spec->max_flag_rate))
		return false;
	return true;
}

int optimize_run(const struct sweep *sw, const struct optimize_spec *spec_in, struct optimum *out)
{
	bool found = false, minimise = spec_in->objective == OBJ_COST;
	struct optimize_spec scaled = *spec_in;
	const struct optimize_spec *spec = &scaled;
	double unit = 1;
	size_t k;

	/* costs compared in units of the larger one: A*FP + B*FN of huge
	 * weights must not overflow to inf everywhere (and pick "flag
	 * nothing"); the value is scaled back at the end (row costs are
	 * summed in money: no scale) */
	if (minimise && !rowcost_any(sw) && fmax(scaled.cost_fp, scaled.cost_fn) * (sw->pos + sw->neg) > 1e300) {
		unit = fmax(scaled.cost_fp, scaled.cost_fn);
		scaled.cost_fp /= unit;
		scaled.cost_fn /= unit;
	}

	for (k = 0; k <= sw->n; k++) {
		struct confusion c = sweep_confusion(sw, k);
		double v;

		if (!optimize_feasible(spec, &c))
			continue;
		/* row costs: each row's own price, summed once in the sweep */
		v = minimise && rowcost_any(sw) ? rowcost_total(sw, k, spec->cost_fp, spec->cost_fn) : optimize_value(spec, &c);
		if (isnan(v))
			continue;
		if (!found || (minimise ? v < out->value : v > out->value)) {
			found = true;
			out->k = k;
			out->value = v;
		}
	}
	if (!found)
		return -1;
	if (unit != 1) {
		struct confusion c = sweep_confusion(sw, out->k);

		out->value = optimize_value(spec_in, &c); /* in money again (inf if it is past a double) */
	}
	out->threshold = sweep_threshold(sw, out->k);
	return 0;
}
