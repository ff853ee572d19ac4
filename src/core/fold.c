/*
 * fold: buffered rows, sorted (radix) and merged into the distinct list
 * from the back, in place: the list grows by the buffer's distinct count
 * (realloc, which moves nothing for large blocks), and each entry moves at
 * most once per merge.
 */
#include "core/fold.h"

#include "core/ksum.h"

#include "core/radix.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FOLD_BUFFER ((size_t)1 << 18) /* rows a class waits for a merge */

int fold_init(struct fold *f, bool weighted, size_t bins)
{
	size_t n = FOLD_BUFFER, i;

	memset(f, 0, sizeof *f);
	f->weighted = weighted;
	f->bins = bins;
	if (bins > 0) {
		f->hpos = calloc(bins, sizeof *f->hpos);
		f->hneg = calloc(bins, sizeof *f->hneg);
		f->hmin = malloc(bins * sizeof *f->hmin);
		if (f->hpos == NULL || f->hneg == NULL || f->hmin == NULL) {
			fold_free(f);
			return -1;
		}
		for (i = 0; i < bins; i++)
			f->hmin[i] = INFINITY;
		return 0;
	}
	f->cap_buf = n;
	f->bpos = malloc(n * sizeof *f->bpos);
	f->bneg = malloc(n * sizeof *f->bneg);
	f->rs = malloc(2 * n * sizeof *f->rs);
	f->rp = malloc(2 * n * sizeof *f->rp);
	f->rn = malloc(2 * n * sizeof *f->rn);
	if (weighted) {
		f->bpos_w = malloc(n * sizeof *f->bpos_w);
		f->bneg_w = malloc(n * sizeof *f->bneg_w);
	}
	if (!f->bpos || !f->bneg || !f->rs || !f->rp || !f->rn || (weighted && (!f->bpos_w || !f->bneg_w))) {
		fold_free(f);
		return -1;
	}
	return 0;
}

/* The buffer's rows as runs of distinct scores (ascending); returns how many. */
static size_t runs(struct fold *f)
{
	size_t i = 0, j = 0, k = 0;

	while (i < f->nbpos || j < f->nbneg) {
		struct ksum wp = { 0, 0 }, wn = { 0, 0 }; /* as the in-memory path sums */
		double s;

		if (j == f->nbneg || (i < f->nbpos && f->bpos[i] <= f->bneg[j]))
			s = f->bpos[i];
		else
			s = f->bneg[j];
		for (; i < f->nbpos && f->bpos[i] == s; i++)
			ksum_add(&wp, f->weighted ? f->bpos_w[i] : 1);
		for (; j < f->nbneg && f->bneg[j] == s; j++)
			ksum_add(&wn, f->weighted ? f->bneg_w[j] : 1);
		f->rs[k] = s;
		f->rp[k] = ksum_get(&wp);
		f->rn[k] = ksum_get(&wn);
		k++;
	}
	return k;
}

static int grow(double **a, size_t n)
{
	double *na = realloc(*a, (n ? n : 1) * sizeof *na);

	if (na == NULL)
		return -1;
	*a = na;
	return 0;
}

/* Bins a and b become one (into a). */
static void join(struct fold *f, size_t a, size_t b)
{
	f->pairs_in_bins += f->hpos[a] * f->hneg[b] + f->hneg[a] * f->hpos[b];
	if (f->hpos[b] + f->hneg[b] > 0 && f->hpos[a] + f->hneg[a] > 0)
		f->binned = true;
	f->hpos[a] += f->hpos[b];
	f->hneg[a] += f->hneg[b];
	if (f->hmin[b] < f->hmin[a])
		f->hmin[a] = f->hmin[b];
}

/* Doubles the bins' width, keeping the origin: bin j takes 2j and 2j+1. */
static void widen(struct fold *f)
{
	size_t j, n = f->bins;

	for (j = 0; j < n / 2; j++) {
		f->hpos[j] = f->hpos[2 * j], f->hneg[j] = f->hneg[2 * j], f->hmin[j] = f->hmin[2 * j];
		join(f, j, 2 * j + 1);
	}
	if (n % 2) {
		f->hpos[j] = f->hpos[n - 1], f->hneg[j] = f->hneg[n - 1], f->hmin[j] = f->hmin[n - 1];
		j++;
	}
	for (; j < n; j++)
		f->hpos[j] = f->hneg[j] = 0, f->hmin[j] = INFINITY;
	f->width *= 2;
}

/* Grows the grid until it holds score: wider to the right, and to the
 * left by moving the origin down half the grid after widening. */
static void reach(struct fold *f, double score)
{
	/* in halves (origin and width are stored halved): a span from -1e308
	 * to 1e308 overflows a double, half of it does not */
	double h = score / 2, most = DBL_MAX / (2.0 * (double)f->bins);

	/* never past a width whose grid a double still spans (else an
	 * infinite width, an origin at -inf and a loop that never ends): a
	 * score beyond goes to the edge bin, and the AUC error bound says so */
	while (h - f->origin >= (double)f->bins * f->width && f->width <= most)
		widen(f);
	while (h < f->origin && f->width <= most) {
		size_t half = f->bins / 2;

		widen(f); /* the filled bins are now in the lower half */
		memmove(f->hpos + half, f->hpos, (f->bins - half) * sizeof *f->hpos);
		memmove(f->hneg + half, f->hneg, (f->bins - half) * sizeof *f->hneg);
		memmove(f->hmin + half, f->hmin, (f->bins - half) * sizeof *f->hmin);
		for (size_t j = 0; j < half; j++)
			f->hpos[j] = f->hneg[j] = 0, f->hmin[j] = INFINITY;
		f->origin -= (double)half * f->width;
	}
}

static int bin_add(struct fold *f, double score, bool positive, double weight)
{
	size_t b;
	double at;

	if (!f->grid) {
		/* a fine grid to start; it widens as the scores spread */
		f->origin = score / 2;
		f->width = fmax(fabs(score), 1.0) * 0.5e-9;
		f->grid = true;
	}
	reach(f, score);
	at = (score / 2 - f->origin) / f->width;
	/* rounding at the edges; never a float-to-integer overflow */
	b = at >= (double)f->bins ? f->bins - 1 : at > 0 ? (size_t)at : 0;
	if (f->hpos[b] + f->hneg[b] > 0 && score != f->hmin[b])
		f->binned = true;
	if (positive) {
		f->pairs_in_bins += weight * f->hneg[b];
		f->hpos[b] += weight;
	} else {
		f->pairs_in_bins += weight * f->hpos[b];
		f->hneg[b] += weight;
	}
	if (score < f->hmin[b])
		f->hmin[b] = score;
	return 0;
}

/* The bins that hold rows, as the distinct list (ascending). */
static int bins_to_list(struct fold *f)
{
	size_t i, k = 0;

	for (i = 0; i < f->bins; i++)
		if (f->hpos[i] + f->hneg[i] > 0)
			k++;
	if (grow(&f->score, k) < 0 || grow(&f->pos, k) < 0 || grow(&f->neg, k) < 0)
		return -1;
	for (i = 0, k = 0; i < f->bins; i++)
		if (f->hpos[i] + f->hneg[i] > 0) {
			f->score[k] = f->hmin[i];
			f->pos[k] = f->hpos[i];
			f->neg[k] = f->hneg[i];
			k++;
		}
	f->n = k;
	return 0;
}

static int flush(struct fold *f)
{
	size_t r, i, j, k, total;

	if (f->nbpos + f->nbneg == 0)
		return 0;
	if (radix_sort(f->bpos, f->bpos_w, f->nbpos) < 0 || radix_sort(f->bneg, f->bneg_w, f->nbneg) < 0)
		return -1;
	r = runs(f);
	f->nbpos = f->nbneg = 0;
	total = f->n + r;
	if (grow(&f->score, total) < 0 || grow(&f->pos, total) < 0 || grow(&f->neg, total) < 0)
		return -1;
	/* merge from the back: k never passes the unread part of the list */
	i = f->n, j = r, k = total;
	while (j > 0) {
		if (i > 0 && f->score[i - 1] > f->rs[j - 1]) {
			k--, i--;
			f->score[k] = f->score[i], f->pos[k] = f->pos[i], f->neg[k] = f->neg[i];
		} else if (i > 0 && f->score[i - 1] == f->rs[j - 1]) {
			k--, i--, j--;
			f->score[k] = f->score[i];
			f->pos[k] = f->pos[i] + f->rp[j];
			f->neg[k] = f->neg[i] + f->rn[j];
		} else {
			k--, j--;
			f->score[k] = f->rs[j], f->pos[k] = f->rp[j], f->neg[k] = f->rn[j];
		}
	}
	/* equal scores merged leave a gap between the untouched head and the
	 * merged tail */
	if (k > i) {
		memmove(f->score + i, f->score + k, (total - k) * sizeof *f->score);
		memmove(f->pos + i, f->pos + k, (total - k) * sizeof *f->pos);
		memmove(f->neg + i, f->neg + k, (total - k) * sizeof *f->neg);
	}
	f->n = i + (total - k);
	if (f->max_distinct > 0 && f->n > f->max_distinct)
		return -2; /* more than memory will hold: say so, not the OOM killer */
	return 0;
}

int fold_add(struct fold *f, double score, bool positive, double weight)
{
	if (f->bins > 0)
		return bin_add(f, score, positive, weight);
	if (positive) {
		int rc;

		if (f->nbpos == f->cap_buf && (rc = flush(f)) < 0)
			return rc;
		if (f->weighted)
			f->bpos_w[f->nbpos] = weight;
		f->bpos[f->nbpos++] = score;
	} else {
		int rc;

		if (f->nbneg == f->cap_buf && (rc = flush(f)) < 0)
			return rc;
		if (f->weighted)
			f->bneg_w[f->nbneg] = weight;
		f->bneg[f->nbneg++] = score;
	}
	return 0;
}

int fold_finish(struct fold *f)
{
	return f->bins > 0 ? bins_to_list(f) : flush(f);
}

void fold_take(struct fold *f, double **score, double **pos, double **neg, size_t *n)
{
	*score = f->score;
	*pos = f->pos;
	*neg = f->neg;
	*n = f->n;
	f->score = f->pos = f->neg = NULL;
	f->n = 0;
	fold_free(f);
}

void fold_free(struct fold *f)
{
	free(f->score);
	free(f->pos);
	free(f->neg);
	free(f->bpos);
	free(f->bneg);
	free(f->bpos_w);
	free(f->bneg_w);
	free(f->rs);
	free(f->rp);
	free(f->rn);
	free(f->hpos);
	free(f->hneg);
	free(f->hmin);
	f->score = f->pos = f->neg = f->bpos = f->bneg = f->bpos_w = f->bneg_w = f->rs = f->rp = f->rn = NULL;
	f->hpos = f->hneg = f->hmin = NULL;
}
