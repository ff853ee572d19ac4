/*
 * dataset: a scored CSV (file or stdin) as per-model score columns, split
 * by class.  The loader is four parts: csvread drives libcsv and the
 * scanner (chunks, line numbers, the two-thread split), sniff decides the
 * delimiter, the header and each column's role, loader turns records into
 * rows (labels, scores, weights and --counts, counting the rows it skips),
 * and dataset drives them (sampling, the columns, the two halves).  It
 * never prints: errors come back as a message, and notes for the user
 * (guessed columns, the first skipped rows) are collected in the result.
 */
#ifndef CUTOFF_DATASET_H
#define CUTOFF_DATASET_H

#include "core/datasetdef.h"
#include "core/loadopts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Loads the data. Returns 0 and sets *out, or -1 with a message in err
 * ("FILE:LINE: why" or "FILE: why"). */
int dataset_load(const struct dataset_options *opt, struct dataset **out,
		 char *err, size_t errlen);

void dataset_free(struct dataset *ds);

#endif
