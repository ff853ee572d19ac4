/*
 * metrics: every threshold metric as a pure function of a confusion matrix.
 * A ratio whose denominator is zero is NaN ("undefined": null in JSON, n/a
 * on screen), never a silent 0.  One table names the metrics, so the report
 * writers, the optimiser and the explorer list them the same way.
 */
#ifndef CUTOFF_METRICS_H
#define CUTOFF_METRICS_H

#include "core/stats/sweep.h"

#include <stddef.h>

enum metric {
	METRIC_PRECISION,
	METRIC_RECALL,
	METRIC_SPECIFICITY,
	METRIC_NPV,
	METRIC_FPR,
	METRIC_FNR,
	METRIC_F1,
	METRIC_ACCURACY,
	METRIC_BALANCED_ACCURACY,
	METRIC_MCC,
	METRIC_YOUDEN_J,
	METRIC_PREDICTED_POSITIVE_RATE,
	METRIC_COUNT
};

struct metric_info {
	const char *key;        /* JSON key, e.g. "balanced_accuracy" */
	const char *label;      /* for people, e.g. "balanced accuracy" */
	const char *aka;        /* other name, e.g. "TPR", or "" */
};

extern const struct metric_info metric_table[METRIC_COUNT];

/* The value of one metric; NaN when undefined. */
double metrics_value(enum metric m, const struct confusion *c);

/* F-beta = (1+b^2) TP / ((1+b^2) TP + b^2 FN + FP); NaN when TP+FP+FN = 0. */
double metrics_fbeta(const struct confusion *c, double beta);

#endif
