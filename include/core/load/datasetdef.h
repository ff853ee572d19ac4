/*
 * datasetdef: what a loaded dataset is, in its own header so that the
 * loader (loader.h, a record to a row) and its driver (dataset.h) both see
 * it without seeing each other.
 */
#ifndef CUTOFF_DATASETDEF_H
#define CUTOFF_DATASETDEF_H

#include "core/load/groups.h"
#include "core/load/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* What the input file was when it was read: a later read (:group) must
 * find the same file (the kernel sets ctime on every change, and no tool
 * can set it back), or it would mix two versions of the data. */
struct dataset_stamp {
	bool regular;                 /* a regular file (not a pipe, FIFO or device) */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
};

/* --multiclass: every usable row's class and scores, in memory (the
 * models hold each class against the rest; these, the rows together). */
struct dataset_classes {
	size_t k;                     /* classes: one per score column */
	char **names;                 /* as the data names them (raw) */
	uint32_t *label;              /* n: the row's class */
	double *score;                /* n * k, row by row */
	double *weight;               /* n, or NULL: 1 each */
	size_t n, cap;
};

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
	/* --cost-fp-col, --cost-fn-col: each model's rows again, weighted by
	 * what they cost as a mistake (a positive its miss cost, a negative
	 * its false-alarm cost, times its weight), else NULL */
	struct model *costs;
	bool grouped;                 /* --group: each group's rows too */
	struct groups groups;         /* sorted by value, the missing group (NA) last; names as shown (text_escape) */
	uint64_t rows;                /* usable rows (records) */
	uint64_t skipped;
	struct dataset_stamp stamp;
	char delim;                   /* as detected or given */
	bool header;                  /* the first record names the columns */
	bool multiclass;              /* models are classes, one against the rest */
	struct dataset_classes classes;
	/* --counts from --emit-sql, as its marker columns say: sums of
	 * weights (cutoff_weighted: no interval), or N bins (cutoff_bins: the
	 * sum of each bin's positives times negatives, and the totals, for
	 * the bound on the ROC AUC's error that the bins allow) */
	struct {
		bool weighted;
		bool binned;
		size_t bins;
		double ties, pos, neg;
	} sql;
	char **notes;                 /* lines for stderr, without "cutoff: " */
	size_t n_notes;
};

/* How many skipped rows are named in notes. */
#define DATASET_SKIP_NOTES 5

#endif
