/*
 * fold: a model's rows folded into distinct scores as they arrive, for
 * inputs bigger than memory.  Rows wait in a small buffer; when it fills,
 * it is sorted into a run of distinct scores with the weight of positives
 * and of negatives at each, and runs of like sizes are merged (a counter
 * in base 8: each entry is merged O(log N) times, so the work is O(N log N)
 * whatever the share of distinct scores).  Memory grows with the number of
 * distinct scores, not with rows.
 *
 * With a bin limit N the rows go instead into N equal-width bins on a grid
 * that only ever doubles its width (and moves by whole cells),
 * so a bin never straddles another: memory is fixed.  A bin stands for its
 * lowest score, so at the thresholds that remain the counts are exact; only
 * pairs of a positive and a negative in the same bin, counted as ties, can
 * move the AUC, by at most half their share of all pairs.
 */
#ifndef CUTOFF_FOLD_H
#define CUTOFF_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FOLD_MAX_RUNS 64

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
	bool finished;
	int status;                 /* a failed flush's or fold_finish's, for later calls */
	struct fold_list run[FOLD_MAX_RUNS]; /* while folding: sizes shrink towards the top */
	size_t n_runs;
	double *bpos, *bneg;        /* rows not folded in yet */
	double *bpos_w, *bneg_w;    /* their weights (weighted only) */
	size_t nbpos, nbneg, cap_buf;
	size_t rows_folded;         /* rows flushed into runs */
	bool weighted;
	bool wide;                  /* runs keep doubles: weighted, or 2^32 rows and more */
	size_t bins;                /* 0: exact */
	bool binned;                /* rows of different scores share a bin */
	double pairs_in_bins;       /* positive-negative pairs sharing a bin */
	/* the grid (bins > 0) */
	double anchor, width;       /* halved: the grid spans up to 2 * DBL_MAX */
	long long lo;               /* bin 0 is grid cell lo: scores from anchor + lo * width */
	double *hpos, *hneg, *hmin;
	bool grid;
	size_t max_distinct;        /* 0: no limit; past it fold_add says -2 */
};

int fold_init(struct fold *f, bool weighted, size_t bins);

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

/* Frees a list's arrays. */
void fold_list_free(struct fold_list *l);

/* Rows a fold counts in 4 bytes a class before it keeps doubles
 * (UINT32_MAX); tests lower it to see the change. */
void fold_set_count_limit(size_t rows);

void fold_free(struct fold *f);

#endif
