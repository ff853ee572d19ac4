/*
 * fold: buffered rows, sorted (radix) into a run; a run is merged into the
 * one below it while it is at least an eighth of that one's size, from the back,
 * in place: the lower run grows by the upper's count (realloc, which moves
 * nothing for large blocks).  All-distinct scores thus cost O(N log N),
 * not the O(N^2 / buffer) of merging every buffer into the whole list.
 * Unweighted buffers that would merge at once go straight into the run
 * below (merge_buffer); while the rows are mostly distinct they are not
 * folded at all but kept and sorted at the end (keep_rows, sketch.h).
 */
#include "core/sort/fold.h"

#include "core/sort/bins.h"

#include "core/base/ksum.h"

#include "core/sort/radix.h"
#include "core/sort/sketch.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FOLD_BUFFER ((size_t)1 << 18) /* rows a class waits for a merge */
#define FOLD_SMALL ((size_t)64)       /* a group's first buffer */

static int buffers(struct fold *f, size_t n)
{
	f->cap_buf = n;
	f->bpos = malloc(n * sizeof *f->bpos);
	f->bneg = malloc(n * sizeof *f->bneg);
	if (f->weighted) {
		f->bpos_w = malloc(n * sizeof *f->bpos_w);
		f->bneg_w = malloc(n * sizeof *f->bneg_w);
	}
	if (!f->bpos || !f->bneg || (f->weighted && (!f->bpos_w || !f->bneg_w))) {
		fold_free(f);
		return -1;
	}
	return 0;
}

/* The fold's sort: radix, or qsort where tests asked for the plain path. */
static int sort(const struct fold *f, double *a, double *w, size_t n)
{
	return f->plain_sort ? radix_sort_plain(a, w, n) : radix_sort(a, w, n);
}

int fold_init(struct fold *f, bool weighted, size_t bins)
{
	memset(f, 0, sizeof *f);
	f->count_limit = UINT32_MAX;
	f->weighted = weighted;
	f->wide = weighted;
	f->bins = bins;
	if (bins > 0)
		return bins_init(&f->grid, bins);
	if (buffers(f, FOLD_BUFFER) < 0)
		return -1;
	/* whether the rows are mostly distinct (unweighted only; without
	 * the sketch, rows are folded as they come) */
	if (!weighted && (f->sketch = malloc(sizeof *f->sketch)) != NULL)
		sketch_clear(f->sketch);
	return 0;
}

int fold_init_group(struct fold *f, bool weighted, size_t bins)
{
	memset(f, 0, sizeof *f);
	f->count_limit = UINT32_MAX;
	f->weighted = weighted;
	f->wide = weighted;
	f->bins_after = bins;
	return buffers(f, FOLD_SMALL);
}

/* The buffer's rows as a run of distinct scores (ascending) in r, which
 * has room for every row; returns how many. */
static size_t runs(struct fold *f, struct fold_list *r)
{
	size_t i = 0, j = 0, k = 0;

	while (i < f->nbpos || j < f->nbneg) {
		struct ksum wp = { 0, 0 }, wn = { 0, 0 }; /* as the in-memory path sums */
		size_t i0 = i, j0 = j;
		double s;

		if (j == f->nbneg || (i < f->nbpos && f->bpos[i] <= f->bneg[j]))
			s = f->bpos[i];
		else
			s = f->bneg[j];
		for (; i < f->nbpos && f->bpos[i] == s; i++)
			if (f->weighted)
				ksum_add(&wp, f->bpos_w[i]);
		for (; j < f->nbneg && f->bneg[j] == s; j++)
			if (f->weighted)
				ksum_add(&wn, f->bneg_w[j]);
		r->score[k] = s;
		if (r->count != NULL) {
			r->count[k] = (uint64_t)(i - i0) << 32 | (j - j0);
		} else {
			r->pos[k] = f->weighted ? ksum_get(&wp) : (double)(i - i0);
			r->neg[k] = f->weighted ? ksum_get(&wn) : (double)(j - j0);
		}
		k++;
	}
	return k;
}

/* Room for n entries in l, counts packed or not (a failed grow keeps l). */
static int room(struct fold_list *l, size_t n, bool wide)
{
	size_t m = n ? n : 1;
	void *t;

	if ((t = realloc(l->score, m * sizeof *l->score)) == NULL)
		return -1;
	l->score = t;
	if (!wide) {
		if ((t = realloc(l->count, m * sizeof *l->count)) == NULL)
			return -1;
		l->count = t;
		return 0;
	}
	if ((t = realloc(l->pos, m * sizeof *l->pos)) == NULL)
		return -1;
	l->pos = t;
	if ((t = realloc(l->neg, m * sizeof *l->neg)) == NULL)
		return -1;
	l->neg = t;
	return 0;
}

static int grow(double **a, size_t n)
{
	double *na = realloc(*a, (n ? n : 1) * sizeof *na);

	if (na == NULL)
		return -1;
	*a = na;
	return 0;
}

/* A list's packed counts as doubles. */
static int unpack_list(struct fold_list *l)
{
	size_t k;

	if (l->count == NULL)
		return 0;
	if ((l->pos = malloc((l->n ? l->n : 1) * sizeof *l->pos)) == NULL ||
	    (l->neg = malloc((l->n ? l->n : 1) * sizeof *l->neg)) == NULL) {
		free(l->pos);
		l->pos = NULL;
		return -1;
	}
	for (k = 0; k < l->n; k++) {
		l->pos[k] = (double)(l->count[k] >> 32);
		l->neg[k] = (double)(l->count[k] & UINT32_MAX);
	}
	free(l->count);
	l->count = NULL;
	return 0;
}

void fold_list_free(struct fold_list *l)
{
	free(l->score), free(l->pos), free(l->neg), free(l->count);
	memset(l, 0, sizeof *l);
}

/* The bins that hold rows, as the distinct list (ascending). */
static int bins_to_list(struct fold *f)
{
	struct fold_list *l = &f->list[0];
	size_t k = bins_used(&f->grid);

	if (room(l, k, true) < 0)
		return -1;
	bins_list(&f->grid, l->score, l->pos, l->neg);
	l->n = k;
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

/* Merges list b (the upper) into list a, from the back, in place in a;
 * frees b.  Both have packed counts or both doubles.  a grows to the
 * merged size exactly (counted first): runs that share most of their
 * scores, as two readers' do, need little more than the larger.  The
 * loops have no branch on the comparison (mostly distinct scores make it
 * a coin toss); a score in both takes the sum.  -1 when out of memory
 * (both kept). */
static int merge_runs(struct fold_list *a, struct fold_list *b)
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
	if (room(a, total, a->count == NULL) < 0)
		return -1;
	/* k never passes the unread part of a, and meets it when b is done */
	i = a->n, j = b->n, k = total;
	if (a->count != NULL) {
		while (i > 0 && j > 0) {
			double x = a->score[i - 1], y = b->score[j - 1];
			uint64_t ta = x >= y, tb = y >= x;

			k--;
			a->score[k] = pick(x, y, ta);
			a->count[k] = (a->count[i - 1] & -ta) + (b->count[j - 1] & -tb);
			i -= ta;
			j -= tb;
		}
		memcpy(a->count, b->count, j * sizeof *a->count);
	} else {
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
		memcpy(a->pos, b->pos, j * sizeof *a->pos);
		memcpy(a->neg, b->neg, j * sizeof *a->neg);
	}
	memcpy(a->score, b->score, j * sizeof *a->score); /* k == j now */
	a->n = total;
	fold_list_free(b);
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

/* The top of a sorted array with n left: -inf when none (scores are
 * finite). */
static inline double top_of(const double *a, size_t n)
{
	return n > 0 ? a[n - 1] : -INFINITY;
}

/* Unweighted rows straight into the run on top (the sorted buffers and
 * the run merged from the back, in place, as merge_runs does): no run of
 * their own, so neither its memory nor a pass over it.  Each step takes
 * the highest score of the three and every one equal to it, without a
 * branch on which (mostly distinct scores make that a coin toss); a
 * score equal to the one just written adds to it. */
static int merge_buffer(struct fold *f, struct fold_list *a)
{
	size_t i = f->nbpos, j = f->nbneg, at = a->n, k, total = 0;
	double last = NAN;

	while (i + j + at > 0) {
		double x = top_of(a->score, at), p = top_of(f->bpos, i), q = top_of(f->bneg, j);
		double m = x > p ? x : p;

		m = m > q ? m : q;
		total += m != last;
		last = m;
		at -= x == m, i -= p == m, j -= q == m;
	}
	if (room(a, total, false) < 0)
		return -1;
	i = f->nbpos, j = f->nbneg, at = a->n, k = total, last = NAN;
	/* k never passes the unread part of a: what is left to write holds
	 * at least its at distinct scores */
	while (i + j + at > 0) {
		double x = top_of(a->score, at), p = top_of(f->bpos, i), q = top_of(f->bneg, j);
		double m = x > p ? x : p;
		uint64_t c, ac = at > 0 ? a->count[at - 1] : 0;

		m = m > q ? m : q;
		c = (ac & -(uint64_t)(x == m)) + ((uint64_t)(p == m) << 32) + (q == m);
		if (m == last) {
			a->count[k] += c;
		} else {
			k--;
			a->score[k] = m;
			a->count[k] = c;
		}
		last = m;
		at -= x == m, i -= p == m, j -= q == m;
	}
	a->n = total;
	f->nbpos = f->nbneg = 0;
	return 0;
}

/* Mostly distinct scores (the runs hold most of the rows folded so far):
 * the buffer grows with the list, to its size a class, so that a run is
 * merged about twice, not once for every 2^18 rows.  Its memory stays
 * that of the list (8 bytes a row, 16 an entry); with ties it stays as it
 * is.  Failing to grow is not an error. */
static void widen_buffer(struct fold *f)
{
	size_t want = distinct_bound(f);

	if (4 * want < 3 * f->rows_folded || want <= f->cap_buf)
		return;
	if (grow(&f->bpos, want) < 0 || grow(&f->bneg, want) < 0 ||
	    (f->weighted && (grow(&f->bpos_w, want) < 0 || grow(&f->bneg_w, want) < 0)))
		return;
	f->cap_buf = want;
}

/* Packed counts hold while a fold has fewer rows than the limit: past it,
 * the runs keep doubles from then on. */
static int go_wide(struct fold *f)
{
	size_t i;

	for (i = 0; i < f->n_runs; i++)
		if (unpack_list(&f->run[i]) < 0)
			return -1;
	f->wide = true;
	return 0;
}

/* Room on the run stack for one more run: it grows as runs come (most
 * of a group's folds never need more than one or two). */
static int more_runs(struct fold *f)
{
	size_t cap = f->cap_runs ? 2 * f->cap_runs : 2;
	struct fold_list *r;

	if (f->n_runs < f->cap_runs)
		return 0;
	if (cap > FOLD_MAX_RUNS)
		cap = FOLD_MAX_RUNS;
	if ((r = realloc(f->run, cap * sizeof *r)) == NULL)
		return -1;
	memset(r + f->cap_runs, 0, (cap - f->cap_runs) * sizeof *r);
	f->run = r;
	f->cap_runs = cap;
	return 0;
}

static int flush(struct fold *f)
{
	struct fold_list *r;
	size_t n, rows = f->nbpos + f->nbneg;
	int rc;

	if (rows == 0)
		return 0;
	if (more_runs(f) < 0)
		return -1;
	if (!f->wide && f->rows_folded + rows > f->count_limit && go_wide(f) < 0)
		return -1;
	if (sort(f, f->bpos, f->bpos_w, f->nbpos) < 0 || sort(f, f->bneg, f->bneg_w, f->nbneg) < 0)
		return -1;
	if (!f->wide && f->n_runs > 0 && RATIO * rows >= f->run[f->n_runs - 1].n) {
		/* it would be merged with the top run at once */
		if (merge_buffer(f, &f->run[f->n_runs - 1]) < 0)
			return -1;
	} else {
		/* the buffer's run on top of the stack, written in place and
		 * trimmed to its distinct scores */
		r = &f->run[f->n_runs];
		if (room(r, rows, f->wide) < 0)
			return -1;
		n = runs(f, r);
		f->nbpos = f->nbneg = 0;
		if (room(r, n, f->wide) < 0)
			return -1;
		r->n = n;
		f->n_runs++;
	}
	f->rows_folded += rows;
	if ((rc = settle(f)) < 0)
		return rc;
	widen_buffer(f);
	return 0;
}

/* Mostly distinct scores so far (the sketch says at least 3 in 4 rows):
 * folding would not save memory (16 bytes a distinct score against 8 a
 * row), so the rows are kept, as the in-memory path keeps them, and
 * sorted once at the end.  The buffer doubles; it is folded as usual
 * from the first time the rows are not so distinct, or would pass the
 * distinct-score ceiling.  False: fold now. */
static bool keep_rows(struct fold *f)
{
	size_t rows = f->nbpos + f->nbneg, cap = 2 * f->cap_buf;

	if (f->sketch == NULL)
		return false;
	/* the rows since the last look, into the sketch in one loop (cheaper
	 * than one at a time as they come) */
	for (; f->sketched_pos < f->nbpos; f->sketched_pos++)
		sketch_add(f->sketch, f->bpos[f->sketched_pos]);
	for (; f->sketched_neg < f->nbneg; f->sketched_neg++)
		sketch_add(f->sketch, f->bneg[f->sketched_neg]);
	if (4 * sketch_count(f->sketch) >= 3 * (double)rows &&
	    (f->max_distinct == 0 || 2 * rows <= f->max_distinct) &&
	    grow(&f->bpos, cap) == 0 && grow(&f->bneg, cap) == 0) {
		f->cap_buf = cap;
		return true;
	}
	free(f->sketch);
	f->sketch = NULL; /* for good */
	return false;
}

static int finish_lists(struct fold *f);

/* A group's fold past its bins_after distinct scores: its list goes into
 * the bins, and its rows from now on (fold_add sees f->bins). */
static int to_bins(struct fold *f)
{
	struct fold_list *l = &f->list[0];
	size_t i;
	int rc;

	if ((rc = finish_lists(f)) < 0)
		return rc;
	if (unpack_list(l) < 0 || bins_init(&f->grid, f->bins_after) < 0)
		return -1;
	for (i = 0; i < l->n; i++) {
		if (l->pos[i] > 0)
			bins_add(&f->grid, l->score[i], true, l->pos[i]);
		if (l->neg[i] > 0)
			bins_add(&f->grid, l->score[i], false, l->neg[i]);
	}
	fold_list_free(l);
	f->bins = f->bins_after;
	f->bins_after = 0;
	return 0;
}

/* A class's buffer is full: a group's small buffer doubles (to the usual
 * size); else the rows kept, or folded (the buffer back to its usual size
 * after rows were kept: ties fold into little). */
static int make_room(struct fold *f)
{
	bool kept = f->sketch != NULL && f->cap_buf > FOLD_BUFFER;
	int rc;

	if (f->cap_buf < FOLD_BUFFER && f->sketch == NULL) {
		size_t cap = 2 * f->cap_buf;

		if (grow(&f->bpos, cap) < 0 || grow(&f->bneg, cap) < 0 ||
		    (f->weighted && (grow(&f->bpos_w, cap) < 0 || grow(&f->bneg_w, cap) < 0)))
			return -1;
		f->cap_buf = cap;
		return 0;
	}
	if (keep_rows(f))
		return 0;
	if ((rc = flush(f)) < 0)
		return rc;
	if (f->bins_after > 0 && distinct_bound(f) > f->bins_after)
		return to_bins(f);
	if (kept) {
		/* a failed shrink leaves the larger array: room either way */
		(void)grow(&f->bpos, FOLD_BUFFER);
		(void)grow(&f->bneg, FOLD_BUFFER);
		f->cap_buf = FOLD_BUFFER;
	}
	return 0;
}

/* A failed flush is said again by every later call: the loader's short
 * way gives the row to the general way, which names the line. */
int fold_add(struct fold *f, double score, bool positive, double weight)
{
	if (f->bins > 0) {
		bins_add(&f->grid, score, positive, weight);
		return 0;
	}
	if (f->status < 0)
		return f->status;
	if (positive) {
		if (f->nbpos == f->cap_buf && (f->status = make_room(f)) < 0)
			return f->status;
		if (f->weighted)
			f->bpos_w[f->nbpos] = weight;
		f->bpos[f->nbpos++] = score;
	} else {
		if (f->nbneg == f->cap_buf && (f->status = make_room(f)) < 0)
			return f->status;
		if (f->weighted)
			f->bneg_w[f->nbneg] = weight;
		f->bneg[f->nbneg++] = score;
	}
	return 0;
}

/* The rows still buffered folded in, the buffers freed, the runs merged
 * into the list. */
static int finish_lists(struct fold *f)
{
	int rc;

	if ((rc = flush(f)) < 0)
		return rc;
	/* no more rows: the buffers go before the last merges need room */
	free(f->bpos), free(f->bneg), free(f->bpos_w), free(f->bneg_w);
	f->bpos = f->bneg = f->bpos_w = f->bneg_w = NULL;
	f->cap_buf = 0;
	f->sorted = false;
	if (collapse(f, true) < 0)
		return -1;
	/* one run left (or none): it is the list */
	if (f->n_runs == 1) {
		fold_list_free(&f->list[0]);
		f->list[0] = f->run[0];
		memset(&f->run[0], 0, sizeof f->run[0]);
		f->n_runs = 0;
	}
	if (f->max_distinct > 0 && f->list[0].n > f->max_distinct)
		return -2;
	return 0;
}

static int finish(struct fold *f)
{
	if (f->bins > 0)
		return bins_to_list(f);
	if (f->sketch != NULL) {
		/* the rows were kept: sorted here, in the reader's thread */
		free(f->sketch);
		f->sketch = NULL;
		if (sort(f, f->bpos, NULL, f->nbpos) < 0 || sort(f, f->bneg, NULL, f->nbneg) < 0)
			return -1;
		f->sorted = true;
		return 0;
	}
	if (f->bins_after > 0) {
		int rc = finish_lists(f);

		if (rc < 0 || f->list[0].n <= f->bins_after)
			return rc;
		return to_bins(f) < 0 ? -1 : bins_to_list(f);
	}
	return finish_lists(f);
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
	struct fold_list *a = &f->list[0], *b = &g->list[0];
	int rc;

	if ((rc = fold_finish(g)) < 0 || (rc = fold_finish(f)) < 0)
		return rc;
	if (f->sorted && g->sorted && f->pos2 == NULL &&
	    (f->max_distinct == 0 || f->nbpos + f->nbneg + g->nbpos + g->nbneg <= f->max_distinct)) {
		/* both kept their rows: g's go beside f's */
		f->pos2 = g->bpos, f->n_pos2 = g->nbpos, f->neg2 = g->bneg, f->n_neg2 = g->nbneg;
		g->bpos = g->bneg = NULL;
		g->nbpos = g->nbneg = 0;
		return 0;
	}
	/* else both as lists (kept rows are sorted: folding them is one pass) */
	if ((f->sorted && (rc = finish_lists(f)) < 0) || (g->sorted && (rc = finish_lists(g)) < 0) || b->n == 0)
		return rc;
	if (f->list[1].n == 0 && (f->max_distinct == 0 || a->n + b->n <= f->max_distinct)) {
		f->list[1] = *b;
	} else {
		/* the two might not fit: merged, to know exactly; in doubles
		 * unless both are packed and their rows stay under the limit */
		if ((a->count == NULL || b->count == NULL || f->rows_folded + g->rows_folded > f->count_limit) &&
		    (unpack_list(a) < 0 || unpack_list(b) < 0))
			return -1;
		if (merge_runs(a, b) < 0)
			return -1; /* g keeps its own */
	}
	f->rows_folded += g->rows_folded;
	memset(b, 0, sizeof *b); /* f's now, or freed by the merge */
	return f->max_distinct > 0 && a->n + f->list[1].n > f->max_distinct ? -2 : 0;
}

void fold_take_rows(struct fold *f, double *pos[2], size_t n_pos[2], double *neg[2], size_t n_neg[2])
{
	pos[0] = f->bpos, n_pos[0] = f->nbpos, neg[0] = f->bneg, n_neg[0] = f->nbneg;
	pos[1] = f->pos2, n_pos[1] = f->n_pos2, neg[1] = f->neg2, n_neg[1] = f->n_neg2;
	f->bpos = f->bneg = f->pos2 = f->neg2 = NULL;
	fold_free(f);
}

void fold_take(struct fold *f, struct fold_list out[2])
{
	out[0] = f->list[0];
	out[1] = f->list[1];
	memset(f->list, 0, sizeof f->list);
	fold_free(f);
}

void fold_free(struct fold *f)
{
	size_t i;

	for (i = 0; i < f->cap_runs; i++) /* and one a failed flush left */
		fold_list_free(&f->run[i]);
	free(f->run);
	f->run = NULL;
	f->n_runs = f->cap_runs = 0;
	fold_list_free(&f->list[0]);
	fold_list_free(&f->list[1]);
	free(f->bpos);
	free(f->bneg);
	free(f->bpos_w);
	free(f->bneg_w);
	bins_free(&f->grid);
	free(f->pos2);
	free(f->neg2);
	free(f->sketch);
	f->sketch = NULL;
	f->pos2 = f->neg2 = NULL;
	f->bpos = f->bneg = f->bpos_w = f->bneg_w = NULL;
}
