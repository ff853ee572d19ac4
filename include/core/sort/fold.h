/*
 * fold: a model's rows folded into distinct scores as they arrive, for
 * inputs bigger than memory.  Rows wait in a small buffer; when it fills,
 * it is sorted into a run of distinct scores with the weight of positives
 * and of negatives at each, and runs of like sizes are merged (a counter
 * in base 8: each entry is merged O(log N) times, so the work is O(N log N)
 * whatever the share of distinct scores).  Memory grows with the number of
 * distinct scores, not with rows.  While the rows are mostly distinct (a
 * sketch of their distinct count says at least 3 in 4), folding would not
 * save memory: they are kept as they come and sorted once at the end, as
 * the in-memory path keeps them, and folded from the first time they are
 * not.
 *
 * With a bin limit N the rows go instead into N equal-width bins (bins.h):
 * memory is fixed, the counts at the thresholds that remain exact.
 */
#ifndef CUTOFF_FOLD_H
#define CUTOFF_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sort/bins.h"

#define FOLD_MAX_RUNS 64

struct sketch;

/* A list of distinct scores, ascending, with the weight of each class:
 * doubles (pos, neg), or, for rows that weigh 1, whole counts packed in
 * 8 bytes (count: positives << 32 | negatives; pos and neg NULL), while
 * a fold has fewer than 2^32 rows: 16 bytes an entry instead of 24. */
struct fold_list {
	double *score, *pos, *neg;
	uint64_t *count;
	size_t n;
};

struct fold {
	/* after fold_finish: list[0], the distinct scores; after fold_join,
	 * list[1]: the second reader's, kept beside (the sweep merges the
	 * two as it is built) */
	struct fold_list list[2];
	/* or, when the rows were mostly distinct (kept, not folded):
	 * after fold_finish the buffers hold them sorted; after fold_join
	 * the second reader's beside (pos2, neg2), for sweep_build_sorted */
	bool sorted;
	double *pos2, *neg2;
	size_t n_pos2, n_neg2;
	struct sketch *sketch;      /* distinct rows so far, while they are kept */
	size_t sketched_pos, sketched_neg; /* rows of each buffer in it */
	bool finished;
	int status;                 /* a failed flush's or fold_finish's, for later calls */
	struct fold_list *run;      /* while folding: sizes shrink towards the top */
	size_t n_runs, cap_runs;    /* cap_runs grows to FOLD_MAX_RUNS as runs come */
	double *bpos, *bneg;        /* rows not folded in yet */
	double *bpos_w, *bneg_w;    /* their weights (weighted only) */
	size_t nbpos, nbneg, cap_buf;
	size_t rows_folded;         /* rows flushed into runs */
	bool weighted;
	bool wide;                  /* runs keep doubles: weighted, or 2^32 rows and more */
	size_t bins;                /* 0: exact; else the grid's (bins.h) */
	struct bins grid;
	size_t max_distinct;        /* 0: no limit; past it fold_add says -2 */
	size_t bins_after;          /* a group's: exact until this many distinct scores, then bins */
	size_t count_limit;         /* rows before the counts turn to doubles (tests lower it) */
	bool plain_sort;            /* qsort, not radix (tests) */
};

int fold_init(struct fold *f, bool weighted, size_t bins);

/* A fold for one group's rows, small until its rows come: buffers that
 * start at 64 rows and double, no sketch (its rows are folded as they
 * come), and with bins N exact until it holds N distinct scores, then
 * binned (bins.h).  So a group costs FOLD_GROUP_BYTES before its rows,
 * and 24 bytes a distinct score up to 24 N after them. */
int fold_init_group(struct fold *f, bool weighted, size_t bins);

/* What a group's fold costs before any row: the fold, its model and its
 * first buffers (a documented bound, checked before groups are made). */
#define FOLD_GROUP_BYTES 2048

/* Adds a row; returns -1 when out of memory, -2 when the distinct scores
 * pass max_distinct. */
int fold_add(struct fold *f, double score, bool positive, double weight);

/* Folds what is still buffered into the list (and coarsens to the bins).
 * A reader calls it at the end of its range, in its thread; later calls
 * give the first one's result. */
int fold_finish(struct fold *f);

/* Takes the rows of g (a second reader's, exact, same weighting) into f:
 * both are finished and g's list is kept beside f's (merged into it only
 * when the two might pass the distinct-score ceiling); g stays to be freed.
 * 0, -1 when out of memory, -2 past f's distinct-score ceiling. */
int fold_join(struct fold *f, struct fold *g);

/* Gives the two distinct lists away (for sweep_build_lists; the second
 * empty unless joined) and frees the rest. */
void fold_take(struct fold *f, struct fold_list out[2]);

/* The weight of positives (negatives) at a list's entry k. */
static inline double fold_list_pos(const struct fold_list *l, size_t k)
{
	return l->count != NULL ? (double)(l->count[k] >> 32) : l->pos[k];
}

static inline double fold_list_neg(const struct fold_list *l, size_t k)
{
	return l->count != NULL ? (double)(l->count[k] & UINT32_MAX) : l->neg[k];
}

/* Gives a sorted fold's rows away (fold->sorted: the rows were mostly
 * distinct and kept; the second reader's in [1]) and frees the rest. */
void fold_take_rows(struct fold *f, double *pos[2], size_t n_pos[2], double *neg[2], size_t n_neg[2]);

/* Frees a list's arrays. */
void fold_list_free(struct fold_list *l);


void fold_free(struct fold *f);

#endif
