/*
 * reportrows: the rows behind a cell (--list) in each report format: a
 * "rows" object in each model's JSON, a table under the text and
 * Markdown reports, and in CSV one line a listed row (the report itself
 * is then left out: one rectangle).
 */
#ifndef CUTOFF_REPORTROWS_H
#define CUTOFF_REPORTROWS_H

#include "core/report/reportdef.h"

#include <stdbool.h>
#include <stdio.h>

/* ",\n  \"rows\": {...}" for m (nothing without --list). */
void reportrows_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent);

/* model,line,id,score,label,weight, then the shown columns. */
void reportrows_csv(FILE *f, const struct report *r);

/* A table a model (nothing without --list). */
void reportrows_text(FILE *f, const struct report *r, bool md);

#endif
