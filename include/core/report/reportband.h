/*
 * reportband: a model's review band (--band) in each format: JSON's
 * "band" object, CSV's band_* columns, a three-row table and a sentence
 * under the text and Markdown reports.
 */
#ifndef CUTOFF_REPORTBAND_H
#define CUTOFF_REPORTBAND_H

#include "core/report/reportdef.h"

#include <stdbool.h>
#include <stdio.h>

void reportband_json(FILE *f, const struct report_model *m, const char *indent);

/* CSV: the band_* names (head) or a model's values, after a comma. */
void reportband_csv(FILE *f, const struct report_model *m, bool head);

void reportband_text(FILE *f, const struct report *r, bool md);

/* "204 decided POS automatically (99.02% right), 33 reviewed (5.800% of
 * cases), 332 decided NEG (99.10% right)." with the words given (escaped
 * already), in buf. */
char *reportband_sentence(char *buf, size_t cap, const struct band *b, const char *pos, const char *neg);

#endif
