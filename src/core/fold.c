/*
 * fold: buffered rows, sorted (radix) into a run; a run is merged into the
 * one below it while it is at least an eighth of that one's size, from the back,
 * in place: the lower run grows by the upper's count (realloc, which moves
 * nothing for large blocks).  All-distinct scores thus cost O(N log N),
 * not the O(N^2 / buffer) of merging every buffer into the whole list.
 */
#include "core/fold.h"

#include "core/ksum.h"

#include "core/radix.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
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
	if (weighted) {
		f->bpos_w = malloc(n * sizeof *f->bpos_w);
		f->bneg_w = malloc(n * sizeof *f->bneg_w);
	}
	if (!f->bpos || !f->bneg || (weighted && (!f->bpos_w || !f->bneg_w))) {
		fold_free(f);
		return -1;
	}
	return 0;
}

/* The buffer's rows as a run of distinct scores (ascending) in r, which
 * has room for every row; returns how many. */
static size_t runs(struct fold *f, struct fold_run *r)
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
		r->score[k] = s;
		r->pos[k] = ksum_get(&wp);
		r->neg[k] = ksum_get(&wn);
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

/* x if first, else y: by bits, so that the compiler has no branch to make */
static inline double pick(double x, double y, bool first)
{
	uint64_t u, v, m = -(uint64_t)first;

	memcpy(&u, &x, sizeof u);
	memcpy(&v, &y, sizeof v);
	u = (u & m) | (v & ~m);
	memcpy(&x, &u, sizeof x);
	return x;
}

/* Merges run b (the upper) into run a, from the back, in place in a;
 * frees b.  a grows to the merged size exactly (counted first): runs
 * that share most of their scores, as two readers' do, need little more
 * than the larger.  Both loops are written without branches on the
 * comparison (mostly distinct scores make it a coin toss); a score in
 * both takes the sum.  -1 when out of memory (both kept). */
static int merge_runs(struct fold_run *a, struct fold_run *b)
{
	const double *as = a->score, *bs = b->score;
	size_t i = a->n, j = b->n, k, total = 0;

	while (i > 0 && j > 0) {
		double x = as[i - 1], y = bs[j - 1];

		i -= x >= y;
		j -= y >= x;
		total++;
	}
	total += i + j;
	if (grow(&a->score, total) < 0 || grow(&a->pos, total) < 0 || grow(&a->neg, total) < 0)
		return -1;
	/* k never passes the unread part of a, and meets it when b is done */
	i = a->n, j = b->n, k = total;
	while (i > 0 && j > 0) {
		double x = a->score[i - 1], y = b->score[j - 1];
		double ap = a->pos[i - 1], an = a->neg[i - 1], bp = b->pos[j - 1], bn = b->neg[j - 1];
		bool ta = x >= y, tb = y >= x;

		k--;
		a->score[k] = pick(x, y, ta);
		a->pos[k] = pick(ap + bp, pick(ap, bp, ta), ta && tb);
		a->neg[k] = pick(an + bn, pick(an, bn, ta), ta && tb);
		i -= ta;
		j -= tb;
	}
	memcpy(a->score, b->score, j * sizeof *a->score); /* k == j now */
	memcpy(a->pos, b->pos, j * sizeof *a->pos);
	memcpy(a->neg, b->neg, j * sizeof *a->neg);
	a->n = total;
	free(b->score), free(b->pos), free(b->neg);
	memset(b, 0, sizeof *b);
	return 0;
}

/* Merges the top run down while it is at least 1/RATIO of the one below
 * (all runs with all).  Runs a factor RATIO apart bound what waits beside
 * the largest to 1/(RATIO-1) of it: the final merge's peak is the list and
 * that much more. */
#define RATIO 8

static int collapse(struct fold *f, bool all)
{
	while (f->n_runs > 1 &&
	       (all || f->n_runs == FOLD_MAX_RUNS || RATIO * f->run[f->n_runs - 1].n >= f->run[f->n_runs - 2].n)) {
		if (merge_runs(&f->run[f->n_runs - 2], &f->run[f->n_runs - 1]) < 0)
			return -1;
		f->n_runs--;
	}
	return 0;
}

/* The distinct scores so far, at most (runs may share scores). */
static size_t distinct_bound(const struct fold *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_runs; i++)
		n += f->run[i].n;
	return n;
}

/* After a run is pushed: runs of like size merged (the stack never stays
 * full), and more than memory will hold said (-2), not left to the OOM
 * killer (a bound past the ceiling is checked exactly, merged). */
static int settle(struct fold *f)
{
	if (collapse(f, false) < 0)
		return -1;
	if (f->max_distinct > 0 && distinct_bound(f) > f->max_distinct &&
	    (collapse(f, true) < 0 || f->run[0].n > f->max_distinct))
		return -2;
	return 0;
}

/* Mostly distinct scores (the runs hold most of the rows folded so far):
 * the buffer grows with the list, to half its size a class, so that a
 * run is merged a few times, not once for every 2^18 rows.  Its memory
 * stays a third of the list's; with ties it stays as it is.  Failing to
 * grow is not an error. */
static void widen_buffer(struct fold *f, size_t rows)
{
	size_t want = distinct_bound(f);

	f->rows_folded += rows;
	if (4 * distinct_bound(f) < 3 * f->rows_folded || want <= f->cap_buf)
		return;
	if (grow(&f->bpos, want) < 0 || grow(&f->bneg, want) < 0 ||
	    (f->weighted && (grow(&f->bpos_w, want) < 0 || grow(&f->bneg_w, want) < 0)))
		return;
	f->cap_buf = want;
}

static int flush(struct fold *f)
{
	struct fold_run *r;
	size_t n, rows = f->nbpos + f->nbneg;
	int rc;

	if (rows == 0)
		return 0;
	if (radix_sort(f->bpos, f->bpos_w, f->nbpos) < 0 || radix_sort(f->bneg, f->bneg_w, f->nbneg) < 0)
		return -1;
	/* the buffer's run on top of the stack, written in place and
	 * trimmed to its distinct scores */
	r = &f->run[f->n_runs];
	n = f->nbpos + f->nbneg;
	if (grow(&r->score, n) < 0 || grow(&r->pos, n) < 0 || grow(&r->neg, n) < 0)
		return -1;
	n = runs(f, r);
	f->nbpos = f->nbneg = 0;
	if (grow(&r->score, n) < 0 || grow(&r->pos, n) < 0 || grow(&r->neg, n) < 0)
		return -1;
	r->n = n;
	f->n_runs++;
	if ((rc = settle(f)) < 0)
		return rc;
	widen_buffer(f, rows);
	return 0;
}

/* A failed flush is said again by every later call: the loader's short
 * way gives the row to the general way, which names the line. */
int fold_add(struct fold *f, double score, bool positive, double weight)
{
	if (f->bins > 0)
		return bin_add(f, score, positive, weight);
	if (f->status < 0)
		return f->status;
	if (positive) {
		if (f->nbpos == f->cap_buf && (f->status = flush(f)) < 0)
			return f->status;
		if (f->weighted)
			f->bpos_w[f->nbpos] = weight;
		f->bpos[f->nbpos++] = score;
	} else {
		if (f->nbneg == f->cap_buf && (f->status = flush(f)) < 0)
			return f->status;
		if (f->weighted)
			f->bneg_w[f->nbneg] = weight;
		f->bneg[f->nbneg++] = score;
	}
	return 0;
}

static int finish(struct fold *f)
{
	int rc;

	if (f->bins > 0)
		return bins_to_list(f);
	if ((rc = flush(f)) < 0)
		return rc;
	/* no more rows: the buffers go before the last merges need room */
	free(f->bpos), free(f->bneg), free(f->bpos_w), free(f->bneg_w);
	f->bpos = f->bneg = f->bpos_w = f->bneg_w = NULL;
	f->cap_buf = 0;
	if (collapse(f, true) < 0)
		return -1;
	/* one run left (or none): it is the list */
	if (f->n_runs == 1) {
		free(f->score), free(f->pos), free(f->neg);
		f->score = f->run[0].score, f->pos = f->run[0].pos, f->neg = f->run[0].neg;
		f->n = f->run[0].n;
		memset(&f->run[0], 0, sizeof f->run[0]);
		f->n_runs = 0;
	}
	if (f->max_distinct > 0 && f->n > f->max_distinct)
		return -2;
	return 0;
}

int fold_finish(struct fold *f)
{
	if (!f->finished && f->status == 0) {
		f->status = finish(f);
		f->finished = true;
	}
	return f->status;
}

int fold_join(struct fold *f, struct fold *g)
{
	int rc;

	if ((rc = fold_finish(g)) < 0 || (rc = fold_finish(f)) < 0 || g->n == 0)
		return rc;
	if (f->n2 == 0 && (f->max_distinct == 0 || f->n + g->n <= f->max_distinct)) {
		f->score2 = g->score, f->pos2 = g->pos, f->neg2 = g->neg, f->n2 = g->n;
	} else {
		/* the two might not fit: merged, to know exactly */
		struct fold_run a = { f->score, f->pos, f->neg, f->n }, b = { g->score, g->pos, g->neg, g->n };

		rc = merge_runs(&a, &b); /* a's arrays may have moved either way */
		f->score = a.score, f->pos = a.pos, f->neg = a.neg, f->n = a.n;
		if (rc < 0)
			return -1; /* g keeps its own */
	}
	g->score = g->pos = g->neg = NULL; /* f's now, or freed by the merge */
	g->n = 0;
	return f->max_distinct > 0 && f->n + f->n2 > f->max_distinct ? -2 : 0;
}

void fold_take(struct fold *f, double *score[2], double *pos[2], double *neg[2], size_t n[2])
{
	score[0] = f->score, pos[0] = f->pos, neg[0] = f->neg, n[0] = f->n;
	score[1] = f->score2, pos[1] = f->pos2, neg[1] = f->neg2, n[1] = f->n2;
	f->score = f->pos = f->neg = f->score2 = f->pos2 = f->neg2 = NULL;
	f->n = f->n2 = 0;
	fold_free(f);
}

void fold_free(struct fold *f)
{
	size_t i;

	for (i = 0; i < FOLD_MAX_RUNS; i++) /* and one a failed flush left */
		free(f->run[i].score), free(f->run[i].pos), free(f->run[i].neg);
	f->n_runs = 0;
	free(f->score);
	free(f->pos);
	free(f->neg);
	free(f->score2);
	free(f->pos2);
	free(f->neg2);
	free(f->bpos);
	free(f->bneg);
	free(f->bpos_w);
	free(f->bneg_w);
	free(f->hpos);
	free(f->hneg);
	free(f->hmin);
	f->score = f->pos = f->neg = f->score2 = f->pos2 = f->neg2 = f->bpos = f->bneg = f->bpos_w = f->bneg_w = NULL;
	f->hpos = f->hneg = f->hmin = NULL;
}
