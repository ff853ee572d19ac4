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

#include "core/load/datasetdef.h"
#include "core/load/loadopts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Memory is bounded before it is taken (see the man page's LIMITS):
 *   in memory    ~ 16 x rows x columns (32 with weights), plus the groups'
 *   --stream     ~ 48 x distinct scores x columns, plus the groups'
 *   each group   FOLD_GROUP_BYTES a column before its rows, then as above
 *                for its own rows (at most 1,000 groups x 64 columns)
 *   --bins N     24 x N x columns for the whole file, at most
 *                DATASET_BINS_BYTES; a group's bins only once it holds N
 *                distinct scores (so never more than its rows need). */
#define DATASET_BINS_BYTES 4e9

/* Loads the data. Returns 0 and sets *out, or -1 with a message in err
 * ("FILE:LINE: why" or "FILE: why"). */
int dataset_load(const struct dataset_options *opt, struct dataset **out,
		 char *err, size_t errlen);

void dataset_free(struct dataset *ds);

/* Whether path is still the file ds was read from (dataset_stamp); else
 * -1 with the reason in err.  It stats, never opens: a FIFO put in the
 * file's place must not block. */
int dataset_same_file(const struct dataset *ds, const char *path, char *err, size_t errlen);

/* Whether path can be read a second time record by record: a regular,
 * uncompressed file (not standard input, a pipe or a gzip/zstd file). */
bool dataset_rereadable(const char *path);

#endif
