/*
 * reportview: the one place a report is built from the state.  --report,
 * --optimize, --curve, --against and a snapshot (export) all start here,
 * so that what they print is what the explorer shows; the command line
 * then adds what only it has (an optimum, a bootstrap, per-group
 * strategies for every model).
 */
#ifndef CUTOFF_REPORTVIEW_H
#define CUTOFF_REPORTVIEW_H

#include "app/view.h"
#include "core/report/report.h"
#include "core/report/reportdrift.h"

enum reportview_scope {
	REPORTVIEW_ALL,         /* every model, with the paired tests */
	REPORTVIEW_ON_SCREEN,   /* the model on screen (a snapshot) */
};

/* A report and the storage it points into.  With a reference (--against)
 * ref_models are the same models in the reference file (the caller may
 * move their thresholds), and the report written is both files with
 * their drift; cur_opt_thr and cur_opt_val are reportdrift's. */
struct reportview {
	struct report report;
	struct report_model *models;
	struct report_pair *pairs;
	struct report_groups groups;
	double *group_thr;      /* model by model, each group's threshold */
	const char *ref_file;   /* NULL: no reference */
	struct report_model *ref_models;
	const double *cur_opt_thr, *cur_opt_val;
};

/* Builds it from the view: each model at its threshold, the groups at
 * theirs (a strategy's where one holds), the options the view carries.
 * 0, or -1 when out of memory (nothing to free then). */
int reportview_build(struct reportview *rv, const struct view *v, enum reportview_scope scope);

/* Writes it: the report, or with a reference both files and their drift. */
void reportview_write(FILE *f, const struct reportview *rv, enum report_format fmt);

/* The page (reporthtml): the current data's models on the slider, the
 * text report (with --against both files and their drift) as its static
 * part; 0, or -1 when out of memory. */
int reportview_html(FILE *f, const struct reportview *rv);

void reportview_free(struct reportview *rv);

#endif
