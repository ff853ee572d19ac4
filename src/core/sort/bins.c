/*
 * bins: cells of the grid are integers counted from a fixed anchor (the
 * first score), a score's cell the floor of its distance to the anchor
 * over the width.  The width only doubles, so the division is exact
 * scaling and a score lands in the same cell before and after: a cell
 * computed from an origin that moved in floating point once put one
 * score in two bins and lost rows at a threshold.
 */
#include "core/sort/bins.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int bins_init(struct bins *g, size_t n)
{
	size_t i;

	memset(g, 0, sizeof *g);
	g->n = n;
	g->pos = calloc(n, sizeof *g->pos);
	g->neg = calloc(n, sizeof *g->neg);
	g->min = malloc(n * sizeof *g->min);
	if (g->pos == NULL || g->neg == NULL || g->min == NULL) {
		bins_free(g);
		return -1;
	}
	for (i = 0; i < n; i++)
		g->min[i] = INFINITY;
	return 0;
}

/* Bins a and b become one (into a). */
static void join(struct bins *g, size_t a, size_t b)
{
	g->pairs += g->pos[a] * g->neg[b] + g->neg[a] * g->pos[b];
	if (g->pos[b] + g->neg[b] > 0 && g->pos[a] + g->neg[a] > 0)
		g->binned = true;
	g->pos[a] += g->pos[b];
	g->neg[a] += g->neg[b];
	if (g->min[b] < g->min[a])
		g->min[a] = g->min[b];
}

/* floor(k / 2) for negative k too */
static long long half_down(long long k)
{
	return k >= 0 ? k / 2 : -((1 - k) / 2);
}

/* Doubles the bins' width: grid cell k becomes floor(k / 2), so that the
 * cells of a score before and after agree (its cell is computed from
 * the same difference to the anchor, divided by a width that only ever
 * doubles: exact). */
static void widen(struct bins *g)
{
	size_t i, n = g->n, prev = 0;
	long long lo = half_down(g->lo);

	for (i = 1; i < n; i++) {
		size_t t = (size_t)(half_down(g->lo + (long long)i) - lo);

		if (t == i) {
			prev = t;
			continue;
		}
		if (t == prev) {
			join(g, t, i);
		} else {
			g->pos[t] = g->pos[i], g->neg[t] = g->neg[i], g->min[t] = g->min[i];
		}
		g->pos[i] = g->neg[i] = 0, g->min[i] = INFINITY;
		prev = t;
	}
	g->lo = lo;
	g->width *= 2;
}

/* Grows the grid until it holds score: wider to the right, and to the
 * left by moving its cells up after widening. */
static void reach(struct bins *g, double score)
{
	/* in halves (anchor and width are stored halved): a span from -1e308
	 * to 1e308 overflows a double, half of it does not */
	double d = score / 2 - g->anchor, most = DBL_MAX / (2.0 * (double)g->n);

	/* never past a width whose grid a double still spans (else an
	 * infinite width and a loop that never ends): a score beyond goes to
	 * the edge bin, and the AUC error bound says so */
	while (floor(d / g->width) >= (double)g->lo + (double)g->n && g->width <= most)
		widen(g);
	while (floor(d / g->width) < (double)g->lo && g->width <= most) {
		size_t used, shift;

		widen(g); /* the filled cells are now in the lower half or so */
		for (used = g->n; used > 1 && g->pos[used - 1] + g->neg[used - 1] == 0 && isinf(g->min[used - 1]); used--)
			;
		shift = g->n - used;
		memmove(g->pos + shift, g->pos, used * sizeof *g->pos);
		memmove(g->neg + shift, g->neg, used * sizeof *g->neg);
		memmove(g->min + shift, g->min, used * sizeof *g->min);
		for (size_t j = 0; j < shift; j++)
			g->pos[j] = g->neg[j] = 0, g->min[j] = INFINITY;
		g->lo -= (long long)shift;
	}
}

void bins_add(struct bins *g, double score, bool positive, double weight)
{
	size_t b;
	double at;

	if (!g->started) {
		/* a fine grid to start; it widens as the scores spread */
		g->anchor = score / 2;
		g->width = fmax(fabs(score), 1.0) * 0.5e-9;
		g->lo = 0;
		g->started = true;
	}
	reach(g, score);
	at = floor((score / 2 - g->anchor) / g->width) - (double)g->lo;
	/* rounding at the edges; never a float-to-integer overflow */
	b = at >= (double)g->n ? g->n - 1 : at > 0 ? (size_t)at : 0;
	if (g->pos[b] + g->neg[b] > 0 && score != g->min[b])
		g->binned = true;
	if (positive) {
		g->pairs += weight * g->neg[b];
		g->pos[b] += weight;
	} else {
		g->pairs += weight * g->pos[b];
		g->neg[b] += weight;
	}
	if (score < g->min[b])
		g->min[b] = score;
}

size_t bins_used(const struct bins *g)
{
	size_t i, k = 0;

	for (i = 0; i < g->n; i++)
		k += g->pos[i] + g->neg[i] > 0;
	return k;
}

void bins_list(const struct bins *g, double *score, double *pos, double *neg)
{
	size_t i, k = 0;

	for (i = 0; i < g->n; i++)
		if (g->pos[i] + g->neg[i] > 0) {
			score[k] = g->min[i];
			pos[k] = g->pos[i];
			neg[k] = g->neg[i];
			k++;
		}
}

void bins_free(struct bins *g)
{
	free(g->pos);
	free(g->neg);
	free(g->min);
	g->pos = g->neg = g->min = NULL;
}
