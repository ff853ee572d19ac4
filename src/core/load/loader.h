/*
 * loader: one reader's state while rows come in, and what it does with a
 * record once the columns are known: the label's class, the scores (and
 * weight or counts) parsed, the row appended to every model, or skipped
 * and counted with a note.  dataset.c drives it (sampling, the columns,
 * two readers' halves); a second reader has a loader of its own.
 */
#ifndef CUTOFF_LOADER_H
#define CUTOFF_LOADER_H

#include "core/load/datasetdef.h"
#include "core/load/loadopts.h"
#include "core/load/row.h"
#include "core/load/sniff.h"
#include "core/load/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_DISTINCT_LABELS 10
#define LOADER_MAX_EXTRA 65       /* --id and --show columns: see options.c */

struct loader {
	const struct dataset_options *opt;
	struct dataset *ds;
	struct status *st;
	struct columns cols;        /* decided by the first loader */
	const struct columns *c;    /* its, shared by a second half's */

	/* sampling phase */
	bool sampling;
	struct rows sample;

	/* labels */
	bool label_bad;     /* a value outside the vocabulary without --positive */
	char *distinct[MAX_DISTINCT_LABELS + 1];
	size_t n_distinct;
	bool neg_multi;     /* with --positive: more than one other value */
	bool seen_positive;
	size_t skip_notes;
	size_t array_limit;  /* bytes of row arrays before switching to folding */
	size_t array_bytes;
	bool simple;         /* loader_simple may take rows */
	size_t simple_cols[2]; /* label, score */
	char delim;
};

/* Adds a note (printf-style) to the dataset's; -1 when out of memory. */
int loader_note(struct dataset *ds, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Switches every model to folding (memory by distinct scores); -1 when
 * out of memory. */
int loader_fold(struct loader *l);

/* What to reduce when memory runs out, for the message: the bins, groups
 * and columns when binning, --bins when streaming, --stream otherwise. */
const char *loader_advice(const struct loader *l, char *buf, size_t cap);

/* Remembers a label value for the message that lists them (the first
 * MAX_DISTINCT_LABELS + 1 distinct ones). */
void loader_remember(struct loader *l, const char *s, size_t len);

/* Skips the record at line (printf-style: why), or with --strict fails the
 * load. */
void loader_skip(struct loader *l, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* One record, once the columns are decided: appended, or skipped. */
void loader_row(struct loader *l, const struct row *r);

/* A quote-free line taken whole at speed (csvread's simple sink): false
 * when it is not the simplest kind, and loader_row is to have it. */
bool loader_simple(void *ctx, const char *s, size_t len);

/* --multiclass: appends o's rows after dc's; -1 when out of memory. */
int loader_classes_join(struct dataset_classes *dc, const struct dataset_classes *o, bool weighted);

/* The class names once every row is in, or the failure that the labels
 * are not 0/1-like (listing the values seen). */
void loader_labels(struct loader *l);

#endif
