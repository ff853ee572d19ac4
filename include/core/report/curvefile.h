/*
 * curvefile: writing whole curves (--curve) in the report formats: ROC and
 * precision-recall, cumulative gains, net benefit (decision curve),
 * calibration (reliability bins), a review band's coverage and the cost
 * of the mistakes at every threshold.
 */
#ifndef CUTOFF_CURVEFILE_H
#define CUTOFF_CURVEFILE_H

#include "core/stats/curve.h"
#include "core/report/report.h"
#include "core/stats/calib.h"

#include <stdio.h>

enum curvefile_kind { CF_ROC, CF_PR, CF_GAIN, CF_NET_BENEFIT, CF_CALIBRATION, CF_COVERAGE, CF_COST, CF_COUNT };

/* "roc", "pr", "gain", "net-benefit", "calibration", "coverage", "cost";
 * -1 when unknown. */
int curvefile_parse(const char *name, enum curvefile_kind *kind);

/* Whether every model can have this curve; else a reason in err
 * (calibration and net benefit need scores in [0, 1]). */
int curvefile_check(const struct report *r, enum curvefile_kind kind, char *err, size_t errlen);

/* One model's curve as a table: its rows, computed up front (calibration
 * bins, freed by curvefile_table_close) or on the fly from the sweep; a
 * row is up to CURVEFILE_MAX_COLS numbers, NaN where undefined. */
#define CURVEFILE_MAX_COLS 6

struct curvefile_table {
	const struct sweep *sw;
	enum curvefile_kind kind;
	size_t rows;
	struct calib_bin *bins;
	double cost_fp, cost_fn;        /* cost: a side's price without row costs */
};

int curvefile_table_open(struct curvefile_table *t, const struct report *r, const struct report_model *m,
			 enum curvefile_kind kind);
void curvefile_table_row(const struct curvefile_table *t, size_t i, double *v);

/* The kind's name ("roc") and column col's name ("fpr"; NULL past the last). */
const char *curvefile_name(enum curvefile_kind kind);
const char *curvefile_column(enum curvefile_kind kind, int col);

/* Every model's curve of that kind, in the format.  Returns 0, or -1 when
 * out of memory. */
int curvefile_write(FILE *f, const struct report *r, enum curvefile_kind kind, enum report_format fmt);

#endif
