/*
 * mcfocus: the thresholded decision of several classes (multiclass.h)
 * while one class's threshold moves (the explorer's slider), the others
 * fixed: each row falls back on the class the others choose (or none),
 * and class c takes it from there when its
 * own score is at or above c's threshold and beats the fallback's.  Built
 * once for c (O(n k + m log m), m the rows c can take); then the matrix
 * at any threshold of c is a binary search and at most MCFOCUS_STRIDE rows
 * added to a checkpoint: no walk over the rows.
 */
#ifndef CUTOFF_MCFOCUS_H
#define CUTOFF_MCFOCUS_H

#include "core/stats/multiclass.h"

#include <stddef.h>
#include <stdint.h>

#define MCFOCUS_STRIDE 1024

struct mcfocus {
	size_t c, k;
	size_t m;                       /* rows that c can take, ascending by c's score */
	double *score;                  /* m */
	uint32_t *code;                 /* m: actual * (k + 1) + fallback */
	double *weight;                 /* m, or NULL (1 each) */
	double *base;                   /* k x (k + 1): every row at its fallback */
	double *check;                  /* (m / MCFOCUS_STRIDE + 1) blocks of k x (k + 1): what the top
					 * j * MCFOCUS_STRIDE rows move */
};

/* 0, or -1 when out of memory (f then holds nothing to free). */
int mcfocus_build(struct mcfocus *f, const struct mc_rows *rows, const double *thresholds, size_t c);

/* The thresholded matrix (k x (k + 1)) when c's threshold is t. */
void mcfocus_matrix(const struct mcfocus *f, double t, double *cell);

void mcfocus_free(struct mcfocus *f);

#endif
