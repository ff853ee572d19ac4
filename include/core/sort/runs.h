/*
 * runs: the sorted runs a sweep is merged from, walked from the top one
 * distinct score at a time.  The walk's two steps are inline: the sweep
 * takes them once a distinct score.
 */
#ifndef CUTOFF_RUNS_H
#define CUTOFF_RUNS_H

#include "core/base/ksum.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A sorted run (ascending) the sweep is merged from: one class's rows
 * (class 0 positives, 1 negatives; w[class] their weights, NULL when each
 * weighs 1), or a folded list of distinct scores with the weight of each
 * class at each, in w or packed in count (class -1; fold.h makes them). */
struct run {
	double *score;
	double *w[2];
	uint64_t *count;
	int class;
	size_t at;   /* entries not merged yet: the merge goes from the top */
	size_t room; /* what the arrays still hold (owned runs) */
	size_t stop; /* where the merge stops (a parallel merge's upper part) */
};

/* At most two readers' runs of each class, or two lists.  When the runs
 * are the sweep's to free (own), the merge gives back their tops as it
 * passes them. */
struct runs {
	struct run run[4];
	size_t n;
	bool own;
};

/* Every run's weight at score s into w, from each run's top down (at
 * moves past them).  Rows that weigh 1 are counted, and the counts added
 * once at the end: the same sum, exactly, as adding 1 for each. */
static inline void runs_take(struct ksum w[2], struct runs *r, double s)
{
	uint64_t n[2] = { 0, 0 };
	size_t j;

	for (j = 0; j < r->n; j++) {
		struct run *u = &r->run[j];
		size_t i = u->at;

		if (u->class < 0) {
			/* a list: one entry a score */
			if (i > u->stop && u->score[i - 1] == s) {
				i--;
				if (u->count != NULL) {
					n[0] += u->count[i] >> 32;
					n[1] += u->count[i] & UINT32_MAX;
				} else {
					ksum_add(&w[0], u->w[0][i]);
					ksum_add(&w[1], u->w[1][i]);
				}
			}
		} else if (u->w[u->class] == NULL) {
			while (i > u->stop && u->score[i - 1] == s)
				i--;
			n[u->class] += u->at - i;
		} else {
			while (i > u->stop && u->score[i - 1] == s) {
				i--;
				ksum_add(&w[u->class], u->w[u->class][i]);
			}
		}
		u->at = i;
	}
	ksum_add(&w[0], (double)n[0]); /* adding 0 leaves a sum as it is */
	ksum_add(&w[1], (double)n[1]);
}

/* The highest score not yet taken (-inf when none: scores are finite). */
static inline double runs_top(const struct runs *r)
{
	double s = -INFINITY;
	size_t j;

	for (j = 0; j < r->n; j++)
		if (r->run[j].at > r->run[j].stop && r->run[j].score[r->run[j].at - 1] > s)
			s = r->run[j].score[r->run[j].at - 1];
	return s;
}

/* Adds a run of n entries (none when n is 0). */
void runs_add(struct runs *r, int class, double *score, double *wp, double *wn, size_t n);

/* Frees what the runs still hold. */
void runs_free(struct runs *r);

#endif
