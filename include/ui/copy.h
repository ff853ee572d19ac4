/*
 * copy: the numbers on screen as tab-separated text (y, :copy), for a
 * spreadsheet, a chat or a ticket: the model and threshold, the confusion
 * matrix with totals, then every metric of --report's JSON by its key,
 * exact (they read back as the same doubles; an undefined one empty).  Text from the data is
 * escaped and kept from running as a formula.
 */
#ifndef CUTOFF_COPY_H
#define CUTOFF_COPY_H

#include "app/view.h"

#include <stdio.h>

/* The current model at its threshold, as TSV into f. */
void copy_tsv(FILE *f, const struct view *v);

/* The same in memory (NUL-terminated, the caller frees), its length in
 * *len; NULL when out of memory. */
char *copy_text(const struct view *v, size_t *len);

#endif
