/*
 * bins: rows counted into at most N equal-width bins on a grid that only
 * ever doubles its width (and moves by whole cells), so a bin never
 * straddles another: fixed memory.  A bin stands for its lowest score, so
 * at the thresholds that remain the counts are exact; only pairs of a
 * positive and a negative in the same bin, counted as ties, can move the
 * AUC, by at most half their share of all pairs.  fold (--bins) uses it.
 */
#ifndef CUTOFF_BINS_H
#define CUTOFF_BINS_H

#include <stdbool.h>
#include <stddef.h>

struct bins {
	size_t n;                   /* bins */
	bool binned;                /* rows of different scores share a bin */
	double pairs;               /* positive-negative pairs sharing a bin */
	double anchor, width;       /* halved: the grid spans up to 2 * DBL_MAX */
	long long lo;               /* bin 0 is grid cell lo: scores from anchor + lo * width */
	double *pos, *neg, *min;    /* each bin's weights and lowest score */
	bool started;
};

/* 0, or -1 when out of memory. */
int bins_init(struct bins *g, size_t n);

void bins_add(struct bins *g, double score, bool positive, double weight);

/* The bins that hold rows. */
size_t bins_used(const struct bins *g);

/* Those bins, ascending: lowest score and weights, bins_used entries. */
void bins_list(const struct bins *g, double *score, double *pos, double *neg);

void bins_free(struct bins *g);

#endif
