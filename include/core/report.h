/*
 * report: writers for --report, --optimize and --curve (and exports): text
 * for people, JSON, CSV and Markdown for machines and documents.  They only
 * format what the core computed; every number in JSON and CSV reads back
 * exactly.
 */
#ifndef CUTOFF_REPORT_H
#define CUTOFF_REPORT_H

#include "core/boot.h"
#include "core/curve.h"
#include "core/sweep.h"

#include <stdint.h>
#include <stdio.h>

enum report_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_MARKDOWN };

struct report_model {
	const char *score;          /* score column */
	const struct sweep *sw;
	double threshold;
	const char *objective;      /* as typed, or NULL without --optimize */
	double value;               /* the objective's value there */
	const struct boot_result *boot; /* --bootstrap's intervals, or NULL */
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
	uint64_t seed;
};

int report_parse_format(const char *name, enum report_format *fmt);

void report_write(FILE *f, const struct report *r, enum report_format fmt);

/* A number as JSON: exact (it reads back as the same double); NaN and
 * the infinities are null.  (--curve's writers, in curvefile.h, use it.) */
void report_json_number(FILE *f, double v);

#endif
