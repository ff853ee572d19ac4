/*
 * rowcost: row costs matched onto a sweep's scores and read back.
 */
#include "core/stats/rowcost.h"

#include "core/base/ksum.h"
#include "core/sort/radix.h"

#include <stdlib.h>

/* One walk down both score lists (both descend): for sw's score k, a
 * counts the cost sweep's scores >= it and b those > it. */
static void match(const struct sweep *sw, const struct sweep *c, double *fp, double *fn)
{
	size_t a = 0, b = 0, k;

	for (k = 0; k < sw->n; k++) {
		double s = sw->score[k];

		while (b < c->n && c->score[b] > s)
			b++;
		if (a < b)
			a = b;
		while (a < c->n && c->score[a] >= s)
			a++;
		if (fp != NULL)
			fp[k] = a > 0 ? sweep_neg(c, a - 1) : 0;
		if (fn != NULL)
			fn[k] = c->below_pos != NULL ? c->below_pos[b] : c->pos - (b > 0 ? sweep_pos(c, b - 1) : 0);
	}
	if (fn != NULL)
		fn[sw->n] = 0;
}

int rowcost_attach(struct sweep *sw, const struct sweep *costs, bool fp, bool fn)
{
	double *f = NULL, *m = NULL;

	if ((fp && (f = malloc((sw->n ? sw->n : 1) * sizeof *f)) == NULL) ||
	    (fn && (m = malloc((sw->n + 1) * sizeof *m)) == NULL)) {
		free(f);
		return -1;
	}
	match(sw, costs, f, m);
	free(sw->fp_cost);
	free(sw->fn_cost);
	sw->fp_cost = f;
	sw->fn_cost = m;
	return 0;
}

bool rowcost_any(const struct sweep *sw)
{
	return sw->fp_cost != NULL || sw->fn_cost != NULL;
}

void rowcost_sides(const struct sweep *sw, size_t k, double cost_fp, double cost_fn, double *fp, double *fn)
{
	struct confusion c = { 0, 0, 0, 0 };

	if (sw->fp_cost == NULL || sw->fn_cost == NULL)
		c = sweep_confusion(sw, k);
	if (sw->fp_cost != NULL)
		*fp = k > 0 ? sw->fp_cost[k - 1] : 0;
	else
		*fp = cost_fp > 0 ? cost_fp * c.fp : 0;
	if (sw->fn_cost != NULL)
		*fn = sw->fn_cost[k];
	else
		*fn = cost_fn > 0 ? cost_fn * c.fn : 0;
}

double rowcost_total(const struct sweep *sw, size_t k, double cost_fp, double cost_fn)
{
	double fp, fn;

	rowcost_sides(sw, k, cost_fp, cost_fn, &fp, &fn);
	return fp + fn;
}

double rowcost_at(const struct sweep *sw, double threshold, double cost_fp, double cost_fn)
{
	return rowcost_total(sw, sweep_index(sw, threshold), cost_fp, cost_fn);
}

/* Shrinks a walked array to its first n entries once an eighth or more
 * has been passed: the memory goes back as the walk goes (a large block
 * shrinks in place). */
static void shrink(double **a, double **w, size_t *room, size_t n)
{
	double *t;

	if (n == 0 || *room - n < *room / 8 + 4096)
		return;
	if ((t = realloc(*a, n * sizeof *t)) != NULL)
		*a = t;
	if ((t = realloc(*w, n * sizeof *t)) != NULL)
		*w = t;
	*room = n;
}

static void reverse_pair(double *a, double *w, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		double t = a[i], u = w[i];

		a[i] = a[n - 1 - i], a[n - 1 - i] = t;
		w[i] = w[n - 1 - i], w[n - 1 - i] = u;
	}
}

/* The false alarms' costs at and above each score: the negatives, sorted
 * ascending, taken from the top (the end, given back as passed). */
static void walk_fp(const struct sweep *sw, double *out, double **neg, double **cost, size_t n)
{
	struct ksum acc = { 0, 0 };
	size_t j = n, room = n;

	for (size_t k = 0; k < sw->n; k++) {
		while (j > 0 && (*neg)[j - 1] >= sw->score[k])
			ksum_add(&acc, (*cost)[--j]);
		out[k] = ksum_get(&acc);
		shrink(neg, cost, &room, j);
	}
}

/* The misses' costs at and below each score: the positives, turned to
 * descending, taken from the bottom (now the end). */
static void walk_fn(const struct sweep *sw, double *out, double **pos, double **cost, size_t n)
{
	struct ksum acc = { 0, 0 };
	size_t j = n, room = n;

	reverse_pair(*pos, *cost, n);
	out[sw->n] = 0;
	for (size_t k = sw->n; k-- > 0;) {
		while (j > 0 && (*pos)[j - 1] <= sw->score[k])
			ksum_add(&acc, (*cost)[--j]);
		out[k] = ksum_get(&acc);
		shrink(pos, cost, &room, j);
	}
}

int rowcost_from_rows(struct sweep *sw, double *pos, double *pos_cost, size_t n_pos, double *neg, double *neg_cost,
		      size_t n_neg, bool fp, bool fn, bool negate)
{
	double *f = NULL, *m = NULL;
	int rc = -1;

	if (negate) {
		/* --invert: the sweep's scores are -score; -0.0 would not equal 0 */
		for (size_t i = 0; i < n_pos; i++)
			pos[i] = pos[i] == 0 ? 0 : -pos[i];
		for (size_t i = 0; i < n_neg; i++)
			neg[i] = neg[i] == 0 ? 0 : -neg[i];
	}
	if ((fp && (f = malloc((sw->n ? sw->n : 1) * sizeof *f)) == NULL) ||
	    (fn && (m = malloc((sw->n + 1) * sizeof *m)) == NULL))
		goto out;
	if (fp && radix_sort_inplace(neg, neg_cost, n_neg) < 0)
		goto out;
	if (fp)
		walk_fp(sw, f, &neg, &neg_cost, n_neg);
	free(neg), free(neg_cost);
	neg = neg_cost = NULL;
	if (fn && radix_sort_inplace(pos, pos_cost, n_pos) < 0)
		goto out;
	if (fn)
		walk_fn(sw, m, &pos, &pos_cost, n_pos);
	free(sw->fp_cost);
	free(sw->fn_cost);
	sw->fp_cost = f;
	sw->fn_cost = m;
	f = m = NULL;
	rc = 0;
out:
	free(f), free(m);
	free(pos), free(pos_cost), free(neg), free(neg_cost);
	return rc;
}
