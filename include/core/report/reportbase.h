/*
 * reportbase: a model against today's policy (--baseline T): the figures
 * that change between T and the model's threshold, as JSON's "change"
 * object, CSV's change_* columns, and a table with a sentence under the
 * text and Markdown reports.
 */
#ifndef CUTOFF_REPORTBASE_H
#define CUTOFF_REPORTBASE_H

#include "core/report/reportdef.h"

#include <stdbool.h>
#include <stdio.h>

#define REPORTBASE_KEYS 9

/* The change's keys, in order ("tp" ... "f1", then "cost"), and their
 * values: at the threshold minus at the baseline.  Returns how many apply
 * (cost only with costs). */
size_t reportbase_change(const struct report *r, const struct report_model *m, const char **keys, double *v);

/* ",\n  \"change\": {...}" (nothing without --baseline). */
void reportbase_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent);

/* "Compared with T: N more POS cases caught, M more false alarms[, X less
 * in costs]." for changes d_tp and d_fp (d_cost: NaN for none, money in
 * unit, "" for none), in buf. */
char *reportbase_sentence(char *buf, size_t cap, double t, double d_tp, double d_fp, double d_cost,
			  const char *unit, const char *pos_words);

/* Each model's table and sentence (nothing without --baseline). */
void reportbase_text(FILE *f, const struct report *r, bool md);

#endif
