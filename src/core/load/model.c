/*
 * model: one score column's usable rows, as two growing arrays (positives
 * and negatives, with weights when rows have them) or, once folding,
 * as distinct scores with their class weights (fold.c), whose memory
 * depends on the distinct scores and not on the rows.
 */
#include "core/load/model.h"

#include "core/sort/radix.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int grow(double **a, double **w, size_t *cap, bool weighted)
{
	size_t n = *cap ? *cap * 2 : 16; /* small: a group may hold a few rows */
	double *na, *nw;

	if ((na = realloc(*a, n * sizeof *na)) == NULL)
		return -1;
	*a = na;
	if (weighted) {
		if ((nw = realloc(*w, n * sizeof *nw)) == NULL)
			return -1;
		*w = nw;
	}
	*cap = n;
	return 0;
}

int model_push(struct model *m, bool positive, double score, double weight, bool weighted)
{
	if (score < m->min)
		m->min = score;
	if (score > m->max)
		m->max = score;
	if (m->fold != NULL)
		return fold_add(m->fold, score, positive, weight);
	m->sorted = false;
	if (positive) {
		if (m->n_pos == m->cap_pos && grow(&m->pos, &m->pos_w, &m->cap_pos, weighted) < 0)
			return -1;
		if (weighted)
			m->pos_w[m->n_pos] = weight;
		m->pos[m->n_pos++] = score;
	} else {
		if (m->n_neg == m->cap_neg && grow(&m->neg, &m->neg_w, &m->cap_neg, weighted) < 0)
			return -1;
		if (weighted)
			m->neg_w[m->n_neg] = weight;
		m->neg[m->n_neg++] = score;
	}
	return 0;
}

int model_push_row(struct model *models, size_t n, const double *scores, bool counts, bool positive, double w,
		   double wpos, double wneg, bool weighted, size_t *bad)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int rc = 0;

		if (counts) {
			if (wpos > 0)
				rc = model_push(&models[i], true, scores[i], wpos, true);
			if (rc == 0 && wneg > 0)
				rc = model_push(&models[i], false, scores[i], wneg, true);
		} else {
			rc = model_push(&models[i], positive, scores[i], w, weighted);
		}
		if (rc < 0) {
			*bad = i;
			return rc;
		}
	}
	return 0;
}

/* The row arrays go (folded, or given to a sweep); the counts stay for the
 * caller to keep or clear. */
static void drop_arrays(struct model *m)
{
	free(m->pos);
	free(m->neg);
	free(m->pos_w);
	free(m->neg_w);
	free(m->pos2);
	free(m->neg2);
	m->pos = m->neg = m->pos_w = m->neg_w = m->pos2 = m->neg2 = NULL;
	m->n_pos2 = m->n_neg2 = 0;
	m->sorted = false;
	m->cap_pos = m->cap_neg = 0;
}

int model_fold(struct model *m, bool weighted, size_t bins, size_t n_models, bool group, const struct load_tuning *t)
{
	size_t i;

	if ((m->fold = malloc(sizeof *m->fold)) == NULL)
		return -1;
	if ((group ? fold_init_group(m->fold, weighted, bins) : fold_init(m->fold, weighted, bins)) < 0) {
		free(m->fold);
		m->fold = NULL;
		return -1;
	}
	{
		/* the distinct list (24 bytes each, twice while merging) may take
		 * half of memory across the models; tests lower it */
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		double mem = pages > 0 && page > 0 ? (double)pages * (double)page : 8e9;

		m->fold->max_distinct = (size_t)(mem / 2 / 48 / (double)(n_models ? n_models : 1));
		if (t->max_distinct > 0)
			m->fold->max_distinct = t->max_distinct;
		if (t->count_limit > 0)
			m->fold->count_limit = t->count_limit;
		m->fold->plain_sort = t->plain_sort;
	}
	/* rows already in arrays are folded in, then the arrays go */
	for (i = 0; i < m->n_pos; i++)
		if (fold_add(m->fold, m->pos[i], true, m->pos_w ? m->pos_w[i] : 1) < 0)
			return -1;
	for (i = 0; i < m->n_neg; i++)
		if (fold_add(m->fold, m->neg[i], false, m->neg_w ? m->neg_w[i] : 1) < 0)
			return -1;
	drop_arrays(m);
	m->n_pos = m->n_neg = 0;
	return 0;
}

static int grow_to(double **a, size_t n)
{
	double *na = realloc(*a, (n ? n : 1) * sizeof *na);

	if (na == NULL)
		return -1;
	*a = na;
	return 0;
}

void model_sort(struct model *m, const struct load_tuning *t)
{
	int (*sort)(double *, double *, size_t) = t->plain_sort ? radix_sort_plain : radix_sort;

	if (m->fold != NULL) {
		(void)fold_finish(m->fold); /* its result kept for the join */
		return;
	}
	m->sorted = m->pos_w == NULL && m->neg_w == NULL && m->fold == NULL && m->pos2 == NULL &&
		    m->neg2 == NULL && sort(m->pos, NULL, m->n_pos) == 0 && sort(m->neg, NULL, m->n_neg) == 0;
}

/* Moves n entries of *src after dst[0..at), from the back a chunk at a
 * time, *src shrinking behind the copy and freed at the end: the two
 * halves of a large model are never both in memory twice. */
static void move_rows(double *dst, size_t at, double **src, size_t n)
{
	const size_t chunk = (size_t)1 << 20;

	while (n > 0) {
		size_t c = n < chunk ? n : chunk;
		double *t;

		n -= c;
		memcpy(dst + at + n, *src + n, c * sizeof *dst);
		if (n > 0 && (t = realloc(*src, n * sizeof *t)) != NULL)
			*src = t;
	}
	free(*src);
	*src = NULL;
}

int model_append(struct model *m, struct model *o, bool weighted)
{
	if (m->sorted && o->sorted && !weighted && m->pos2 == NULL && m->neg2 == NULL) {
		m->pos2 = o->pos, m->n_pos2 = o->n_pos;
		m->neg2 = o->neg, m->n_neg2 = o->n_neg;
		o->pos = o->neg = NULL;
		o->n_pos = o->n_neg = 0;
		if (o->min < m->min)
			m->min = o->min;
		if (o->max > m->max)
			m->max = o->max;
		return 0;
	}
	/* a copy of the rows, in the file's order: no longer sorted (one
	 * second run at most: a model takes one half back) */
	m->sorted = false;
	if (m->pos2 != NULL || m->neg2 != NULL)
		return -1;
	if (grow_to(&m->pos, m->n_pos + o->n_pos) < 0 || grow_to(&m->neg, m->n_neg + o->n_neg) < 0 ||
	    (weighted && (grow_to(&m->pos_w, m->n_pos + o->n_pos) < 0 || grow_to(&m->neg_w, m->n_neg + o->n_neg) < 0)))
		return -1;
	/* a half may have no rows of a class (or none at all, when the file
	 * shrank while read): no copy from NULL */
	move_rows(m->pos, m->n_pos, &o->pos, o->n_pos);
	move_rows(m->neg, m->n_neg, &o->neg, o->n_neg);
	if (weighted) {
		move_rows(m->pos_w, m->n_pos, &o->pos_w, o->n_pos);
		move_rows(m->neg_w, m->n_neg, &o->neg_w, o->n_neg);
	}
	m->n_pos += o->n_pos;
	m->n_neg += o->n_neg;
	o->n_pos = o->n_neg = o->cap_pos = o->cap_neg = 0;
	m->cap_pos = m->n_pos;
	m->cap_neg = m->n_neg;
	if (o->min < m->min)
		m->min = o->min;
	if (o->max > m->max)
		m->max = o->max;
	return 0;
}

void model_release(struct model *m)
{
	if (m->fold != NULL) {
		fold_free(m->fold);
		free(m->fold);
		m->fold = NULL;
	}
	drop_arrays(m);
}

struct model *model_new(size_t n)
{
	struct model *m = calloc(n ? n : 1, sizeof *m);

	for (size_t i = 0; m != NULL && i < n; i++) {
		m[i].min = 1.0 / 0.0;
		m[i].max = -1.0 / 0.0;
	}
	return m;
}

void model_free(struct model *m, size_t n)
{
	for (size_t i = 0; m != NULL && i < n; i++)
		model_release(&m[i]);
	free(m);
}
