/*
 * reportdef: what a report is made of (the models at their thresholds,
 * the paired tests, the options that shape it), shared by the writers
 * (report.h, reportmd.h) and the numbers they show (figures.h).
 */
#ifndef CUTOFF_REPORTDEF_H
#define CUTOFF_REPORTDEF_H

#include "core/load/rowlist.h"
#include "core/stats/band.h"
#include "core/stats/boot.h"
#include "core/stats/calib.h"
#include "core/stats/fairness.h"
#include "core/stats/sweep.h"

#include <stdint.h>

enum report_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_MARKDOWN, FORMAT_SVG /* --curve only */, FORMAT_HTML /* --report, --optimize: one page */ };

struct report_model {
	const char *score;          /* score column */
	const struct sweep *sw;
	const struct sweep *sample; /* the data as read, when sw is reweighted to a prevalence (else NULL) */
	double threshold;
	const char *objective;      /* as typed, or NULL without --optimize */
	double value;               /* the objective's value there */
	const struct boot_result *boot; /* --bootstrap's intervals, or NULL */
	const struct sweep *const *group_sw; /* --group: each group's sweep, or NULL */
	const double *group_thr;    /* --group-thresholds: each group's threshold */
	const struct rowlist *rows; /* --list: the cell's rows, or NULL */
	const struct band *band;    /* --band: the model's review band, or NULL */
};

/* --group: the groups (each model's sweeps are in its report_model). */
struct report_groups {
	const char *column;
	size_t n;
	char *const *names;         /* in byte order, the missing group (NA) last; names as shown (text_escape) */
	bool folds;                 /* --fold: the groups are folds */
	const struct optimize_spec *optimize; /* --optimize: each fold's optimum too */
	bool strategy_set;          /* --group-thresholds given */
	struct fairness_spec strategy;
};

/* DeLong's paired test of two models (se NaN: none could be made). */
struct report_pair {
	const char *a, *b;
	double difference;          /* auc_a - auc_b */
	double se;
};

struct report {
	const char *file;
	const char *label;          /* label column, NULL with --counts */
	const char *positive;       /* the positive class as the data names it */
	const char *negative;       /* the negative class, or "other" */
	const char *pos_words;      /* class names for sentences */
	const char *neg_words;      /* NULL: no single name */
	uint64_t skipped;
	const struct report_model *models;
	size_t n_models;
	double conf_level;          /* of the intervals: 0 < L < 1 (0: 0.95) */
	const struct report_pair *pairs;
	size_t n_pairs;
	double partial_fpr;         /* --partial-auc F (0: none) */
	size_t boot_resamples;      /* --bootstrap N (0: none) */
	size_t calib_bins;          /* --calibration-bins (0: 10) */
	enum calib_strategy calib_strategy;
	double max_flagged;         /* --max-flagged or :budget, for the note on ties (0: none) */
	uint64_t seed;
	const struct report_groups *groups; /* --group, or NULL */
	const char *const *classes; /* --multiclass: model i is class i against the rest (else NULL) */
	/* --list: the cell, the --id column (or NULL) and the --show columns,
	 * as given; each model's rows in its report_model */
	const char *rows_cell;
	const char *id_name;
	const char *const *show_names;
	size_t n_show;
	bool weighted;              /* the rows' weights are worth a column */
	/* --baseline T: every model also at T, and the change to its own
	 * threshold; the costs of a false alarm and a miss when given (costs
	 * false: no cost figures) */
	bool has_baseline;
	double baseline;
	bool costs;
	double cost_fp, cost_fn;
	const char *cost_unit;      /* money's unit in text ("$"; NULL: none), escaped */
};

#endif
