/*
 * report: writers for --report, --optimize and --curve (and exports): text
 * for people, JSON, CSV and Markdown for machines and documents.  They only
 * format what the core computed; every number in JSON and CSV reads back
 * exactly.
 */
#ifndef CUTOFF_REPORT_H
#define CUTOFF_REPORT_H

#include "core/report/reportdef.h"

#include <stdint.h>
#include <stdio.h>

int report_parse_format(const char *name, enum report_format *fmt);

void report_write(FILE *f, const struct report *r, enum report_format fmt);

/* One model's JSON object (its fields, one a line, after indent). */
void report_json_model(FILE *f, const struct report *r, const struct report_model *m, const char *indent);

/* A number as JSON: exact (it reads back as the same double); NaN and
 * the infinities are null.  (--curve's writers, in curvefile.h, use it.) */
void report_json_number(FILE *f, double v);

#endif
