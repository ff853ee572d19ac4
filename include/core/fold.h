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
 * that only ever doubles its width (and moves its origin by whole widths),
 * so a bin never straddles another: memory is fixed.  A bin stands for its
 * lowest score, so at the thresholds that remain the counts are exact; only
 * pairs of a positive and a negative in the same bin, counted as ties, can
 * move the AUC, by at most half their share of all pairs.
 */
#ifndef CUTOFF_FOLD_H
#define CUTOFF_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#define FOLD_MAX_RUNS 64

/* A sorted run of distinct scores and their weights. */
struct fold_run {
	double *score, *pos, *neg;
	size_t n;
};

struct fold {
	double *score, *pos, *neg;  /* after fold_finish: distinct scores, ascending, and weights */
	size_t n;
	/* after fold_join: the second reader's list, kept beside (the sweep
	 * merges the two as it is built) */
	double *score2, *pos2, *neg2;
	size_t n2;
	bool finished;
	int status;                 /* a failed flush's or fold_finish's, for later calls */
	struct fold_run run[FOLD_MAX_RUNS]; /* while folding: sizes shrink towards the top */
	size_t n_runs;
	double *bpos, *bneg;        /* rows not folded in yet */
	double *bpos_w, *bneg_w;    /* their weights (weighted only) */
	size_t nbpos, nbneg, cap_buf;
	size_t rows_folded;         /* rows flushed into runs */
	bool weighted;
	size_t bins;                /* 0: exact */
	bool binned;                /* rows of different scores share a bin */
	double pairs_in_bins;       /* positive-negative pairs sharing a bin */
	/* the grid (bins > 0) */
	double origin, width;       /* halved: the grid spans up to 2 * DBL_MAX */
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
void fold_take(struct fold *f, double *score[2], double *pos[2], double *neg[2], size_t n[2]);

void fold_free(struct fold *f);

#endif
