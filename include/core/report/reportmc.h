/*
 * reportmc: the multiclass report (--multiclass) in text, JSON, CSV and
 * Markdown: each class one against the rest at its threshold, the means,
 * one-vs-one AUC, and the argmax and thresholded decisions' matrices.
 * CSV is one long table (section,row,column,value) so that every figure,
 * matrices included, sits in one rectangle.
 */
#ifndef CUTOFF_REPORTMC_H
#define CUTOFF_REPORTMC_H

#include "core/report/reportdef.h"
#include "core/stats/multiclass.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct mc_report {
	const char *file;
	const char *label;              /* label column */
	uint64_t skipped;
	const char *const *classes;     /* k, as the data names them */
	const char *const *scores;      /* k score columns */
	const struct mc_result *r;
	const char *objective;          /* --optimize, or NULL */
	const double *values;           /* each class's objective there (NULL without) */
	bool weighted;
};

void reportmc_write(FILE *f, const struct mc_report *m, enum report_format fmt);

#endif
