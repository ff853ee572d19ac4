/*
 * rowlist: the rows behind a cell of the confusion matrix (--list): for
 * each model, the rows of one cell at its threshold in the cell's order,
 * the first `limit` of them (0: all), and how many the cell holds.  Fed
 * by the loader's on_row (dataset_options): either a second reading of
 * the file, selecting as rows go by (memory: the listed rows only), or,
 * where the input cannot be read twice (standard input), every row kept
 * as read and selected afterwards.
 */
#ifndef CUTOFF_ROWLIST_H
#define CUTOFF_ROWLIST_H

#include "core/load/loadopts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rowlist_cell { ROWS_FP, ROWS_FN, ROWS_TP, ROWS_TN, ROWS_NEAR, ROWS_CELLS };

extern const char *const rowlist_cell_names[ROWS_CELLS]; /* "fp", "fn", "tp", "tn", "near" */

/* "fp" ... "near"; -1 when unknown. */
int rowlist_parse_cell(const char *name, enum rowlist_cell *cell);

/* One listed row: its fields as read (extra[i] NULL where empty or
 * missing), copied. */
struct rowlist_row {
	uint64_t line;
	double score, weight;
	bool positive;
	char *label;
	char **extra;
};

/* One model's list. */
struct rowlist {
	uint64_t total;                 /* rows in the cell */
	size_t n, cap;                  /* listed (kept) so far */
	struct rowlist_row *row;        /* while selecting a heap, the worst on top; then in order */
};

struct rowlists {
	enum rowlist_cell cell;
	size_t limit;                   /* 0: every row of the cell */
	size_t n_models, n_extra;
	const double *threshold;        /* n_models; set before selecting */
	double threshold_at[LOADOPTS_MAX_MODELS]; /* where the caller may keep them */
	bool negate;                    /* --invert: a model's score is the column's, negated */
	struct rowlist *list;           /* n_models */
	bool keep_all;                  /* every row kept as read (then rowlist_select) */
	struct rowlist_row *all;        /* keep_all: the rows, with scores */
	double *all_scores;             /* n_models a row */
	size_t n_all, cap_all;
	bool failed;                    /* out of memory on the way */
};

/* n_models lists of cell (0 with keep_all: as many as the first row has
 * scores); 0, or -1 when out of memory. */
int rowlists_init(struct rowlists *rl, enum rowlist_cell cell, size_t limit, size_t n_models, size_t n_extra,
		  bool keep_all);

/* dataset_options.on_row: arg is the rowlists. */
void rowlists_take(void *arg, const struct row_seen *r);

/* keep_all: the lists at the thresholds from the rows kept; then the
 * rows themselves are freed.  0, or -1 when out of memory. */
int rowlists_select(struct rowlists *rl);

/* Puts each list in the cell's order (after the last row). */
void rowlists_finish(struct rowlists *rl);

void rowlists_free(struct rowlists *rl);

#endif
