/*
 * reportdrift: --against REF: the reference's and the current data's
 * reports at the same threshold, side by side with their differences,
 * and the drift between them (drift.h).
 */
#ifndef CUTOFF_REPORTDRIFT_H
#define CUTOFF_REPORTDRIFT_H

#include "core/report/reportdef.h"

#include <stdio.h>

struct report_drift {
	const struct report *ref, *cur;     /* the same models and thresholds, each file's sweeps */
	const double *cur_opt_thr;          /* --optimize: the current data's own optimum, per model */
	const double *cur_opt_val;          /*   and its value (NULL without --optimize) */
};

/* Text, JSON or Markdown (CSV is not one of them: main refuses it). */
void reportdrift_write(FILE *f, const struct report_drift *d, enum report_format fmt);

#endif
