/*
 * rowindex: every row of a file findable again, for the explorer's rows
 * panel: each model's rows of each class as their lines, in the order of
 * their scores (equal scores in file order), and the file's line starts
 * every ROWINDEX_STRIDE lines, so that a record is read again on its own
 * (a pread of at most that many lines) and parsed as the loader parsed it.
 * Built by reading the file a second time; a file that cannot be read
 * again (standard input, a pipe, a compressed file) has none.
 */
#ifndef CUTOFF_ROWINDEX_H
#define CUTOFF_ROWINDEX_H

#include "core/load/datasetdef.h"
#include "core/load/loadopts.h"
#include "core/load/rowlist.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define ROWINDEX_STRIDE 256

/* One class of one model: n rows ascending by score (scores dropped once
 * the caller has what it needs from them: rowindex_drop_scores). */
struct rowindex_run {
	uint64_t *line;
	double *score;
	size_t n;
};

struct rowindex {
	size_t n_models;
	struct rowindex_run (*run)[2];  /* [model][0 negatives, 1 positives] */
	int fd;
	char delim;
	off_t *mark;                    /* where line 1 + k * ROWINDEX_STRIDE starts */
	size_t n_marks;
	char **names;                   /* the header's fields (NULL: none) */
	size_t n_names;
	const struct rowlists *kept;    /* rows kept as read (no file to read again): records from them */
};

/* A record read again: its fields (NUL-terminated, in a buffer of its own). */
struct rowrec {
	char *buf;
	size_t cap, used;
	size_t *off;                    /* n field starts in buf */
	size_t n, cap_f;
};

/* Reads ds's file again (it must be a regular, uncompressed file, the one
 * read: dataset_same_file) with the same options.  negate: the models'
 * scores are the columns' negated (--invert).  0, or -1 with the message
 * in err. */
int rowindex_build(struct rowindex *ix, const struct dataset_options *opt, const struct dataset *ds, bool negate,
		   char *err, size_t errlen);

/* The same from rows kept as they were read (standard input, a pipe, a
 * compressed file: rowlists keep_all, which must outlive the index): a
 * record is then the kept fields, named by names (n of them: the --id and
 * --show columns). */
int rowindex_from_rows(struct rowindex *ix, const struct rowlists *kept, const char *const *names, size_t n,
		       bool negate, char *err, size_t errlen);

void rowindex_drop_scores(struct rowindex *ix);

/* The record that starts on line (1: the header): its fields in rec.  0,
 * or -1 (a read error, or out of memory). */
int rowindex_record(const struct rowindex *ix, uint64_t line, struct rowrec *rec);

void rowrec_free(struct rowrec *rec);

/* Every record whose first line is in lines (ascending, n), in one
 * reading of the file from its start: each given to fn with its index in
 * lines.  0, or -1 (a read error, or out of memory). */
int rowindex_each(const struct rowindex *ix, const uint64_t *lines, size_t n,
		  void (*fn)(void *arg, size_t i, const struct rowrec *rec), void *arg);

void rowindex_free(struct rowindex *ix);

#endif
