/*
 * dataset: a scored CSV (file or stdin) as per-model score columns, split
 * by class.  The loader is three parts: csvread drives libcsv (chunks,
 * line numbers, the two-thread split), sniff decides the delimiter, the
 * header and each column's role, and dataset turns records into rows:
 * labels, scores, weights and --counts, counting the rows it skips.  It
 * never prints: errors come back as a message, and notes for the user
 * (guessed columns, the first skipped rows) are collected in the result.
 */
#ifndef CUTOFF_DATASET_H
#define CUTOFF_DATASET_H

#include "core/loadopts.h"
#include "core/groups.h"
#include "core/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


struct dataset {
	char *source;                 /* the path exactly as given; "<stdin>" */
	char *shown;                  /* the same, escaped whole: for messages */
	char *label_name;             /* label column (NULL with --counts) */
	char *positive_name;          /* the positive class as the data names it */
	char *negative_name;          /* the negative class, or "other" */
	bool weighted;
	bool streamed;                /* read through the streaming path */
	size_t n_models;
	struct model *models;
	bool grouped;                 /* --group: each group's rows too */
	struct groups groups;         /* sorted by value, "(missing)" last */
	uint64_t rows;                /* usable rows (records) */
	uint64_t skipped;
	char **notes;                 /* lines for stderr, without "cutoff: " */
	size_t n_notes;
};

/* How many skipped rows are named in notes. */
#define DATASET_SKIP_NOTES 5

/* Loads the data. Returns 0 and sets *out, or -1 with a message in err
 * ("FILE:LINE: why" or "FILE: why"). */
int dataset_load(const struct dataset_options *opt, struct dataset **out,
		 char *err, size_t errlen);

void dataset_free(struct dataset *ds);

#endif
