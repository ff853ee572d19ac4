/*
 * options: the command line, parsed into a plain struct.  Pure: it prints
 * nothing and never exits, so main decides and the tests can call it.
 */
#ifndef CUTOFF_OPTIONS_H
#define CUTOFF_OPTIONS_H

#include "core/report/curvefile.h"
#include "core/load/dataset.h"
#include "core/load/rowlist.h"
#include "optlist.h"
#include "core/stats/fairness.h"
#include "core/stats/optimize.h"
#include "core/report/report.h"
#include "app/session.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define OPTIONS_MAX_SCORES 64

enum options_mode { MODE_EXPLORE, MODE_REPORT, MODE_OPTIMIZE, MODE_CURVE };

struct options {
	struct dataset_options data;
	const char *scores[OPTIONS_MAX_SCORES];
	char *score_buf;                /* storage for split -s lists */
	char *counts_buf;
	enum options_mode mode;
	bool has_threshold;
	double threshold;
	const char *objective_name;     /* as typed */
	struct optimize_spec spec;
	enum curvefile_kind curve;
	enum report_format format;
	bool costs_given;               /* --cost-fp or --cost-fn */
	const char *commands;           /* --commands FILE */
	bool batch;                     /* --batch: commands on stdin */
	const char *names[2];           /* --names POS,NEG */
	char *names_buf;
	bool invert;                    /* --invert: score = -score */
	double conf_level;              /* --conf-level, 0: the default 0.95 */
	double partial_fpr;             /* --partial-auc F, 0: none */
	size_t bootstrap;               /* --bootstrap N, 0: none */
	double prevalence;              /* --prevalence P, 0: the sample's */
	const char *against;            /* --against REF: the reference file */
	bool group_strategy_set;        /* --group-thresholds */
	struct fairness_spec group_strategy;
	size_t calib_bins;              /* --calibration-bins B, 0: 10 */
	enum calib_strategy calib_strategy;
	uint64_t seed;                  /* --seed (default 1) */
	bool seed_set;
	const char *classes[OPTIONS_MAX_SCORES]; /* --classes, split */
	char *classes_buf;
	struct optlist_thr class_thr[OPTIONS_MAX_SCORES]; /* --thresholds */
	size_t n_class_thr;
	char *thresholds_buf;
	const char *id;                 /* --id COL */
	const char *show[OPTIONS_MAX_SCORES]; /* --show, split */
	size_t n_show;
	char *show_buf;
	const char *extra[OPTIONS_MAX_SCORES + 1]; /* --id then --show: data.extra */
	bool list;                      /* --list CELL */
	enum rowlist_cell list_cell;
	size_t limit;                   /* --limit N (default 20; 0: every row) */
	bool limit_set;
	bool band;                      /* --band, --band-precision, --band-npv */
	bool band_cuts;                 /* --band LOW,HIGH given */
	double band_low, band_high;     /* --band LOW,HIGH (-inf, +inf: not given) */
	double band_p, band_q;          /* NaN: not given */
	bool has_baseline;              /* --baseline T: today's policy */
	double baseline;
	int emit_sql;                   /* --emit-sql DIALECT (sqlemit.h), -1: none */
	const char *from;               /* --from TABLE or query: rows in a database */
	bool has_confirm;               /* --confirm T: the exact matrix at T, in SQL */
	double confirm;
	double statement_timeout;       /* --statement-timeout SECONDS, 0: none */
	bool ascii, no_color, no_mouse;
	bool linear;                    /* --linear: the explorer as sentences, for a screen reader */
	bool help, version;
};

enum options_result { OPTIONS_OK = 0, OPTIONS_USAGE = 2 };

/* The message of a usage error into err; returns OPTIONS_USAGE. */
int options_error(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Options seen that leave no mark of their own in struct options. */
struct options_seen {
	bool constrained, beta, costs;
};

/* Options that do not go together, or need another (optcheck.c):
 * OPTIONS_OK, or OPTIONS_USAGE with the reason in err. */
int options_combinations(const struct options *o, const struct options_seen *seen, char *err, size_t errlen);

/* Whether the input names a database connection (a postgresql:// URI,
 * or any libpq connection string when --from is given). */
bool options_is_connection(const struct options *o);

/* Parses argv; on a usage error returns OPTIONS_USAGE with a message in
 * err (without the "cutoff: " prefix). */
int options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen);

void options_free(struct options *o);

/* The first option given that a score column per class does not take
 * ("--stream"), or NULL. */
const char *options_multiclass_refusal(const struct options *o);

/* What the explorer's session takes from the options. */
void options_start(const struct options *o, struct session_start *st);



#define CUTOFF_VERSION "0.1.0"

#endif
