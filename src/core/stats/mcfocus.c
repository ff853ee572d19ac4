/*
 * mcfocus: the thresholded decision of several classes while one class's
 * threshold moves (see mcfocus.h).
 */
#include "core/stats/mcfocus.h"

#include "core/sort/radix.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The decision of the classes other than c: the highest at or above its
 * threshold (a tie: the first), k for none. */
static size_t fallback(const double *score, const double *thresholds, size_t k, size_t c)
{
	size_t best = k;

	for (size_t d = 0; d < k; d++)
		if (d != c && score[d] >= thresholds[d] && (best == k || score[d] > score[best]))
			best = d;
	return best;
}

/* Whether c, at or above its threshold, takes the row from o. */
static bool takes(const double *score, size_t c, size_t o, size_t k)
{
	return o == k || score[c] > score[o] || (score[c] == score[o] && c < o);
}

static void move_row(const struct mcfocus *f, size_t j, double *cell)
{
	size_t a = f->code[j] / (f->k + 1), o = f->code[j] % (f->k + 1);
	double w = f->weight != NULL ? f->weight[j] : 1;

	cell[a * (f->k + 1) + f->c] += w;
	cell[a * (f->k + 1) + o] -= w;
}

/* Long: the four arrays and the checkpoints are filled in one place so
 * that a failure frees them all. */
int mcfocus_build(struct mcfocus *f, const struct mc_rows *rows, const double *thresholds, size_t c)
{
	size_t n = rows->n, k = rows->k, cells = k * (k + 1), i, j, m = 0, blocks;
	double *idx = NULL;

	memset(f, 0, sizeof *f);
	f->c = c, f->k = k;
	if ((f->base = calloc(cells, sizeof *f->base)) == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		const double *s = rows->score + i * k;
		size_t o = fallback(s, thresholds, k, c);

		f->base[rows->label[i] * (k + 1) + o] += (rows->weight != NULL ? rows->weight[i] : 1);
		m += takes(s, c, o, k);
	}
	f->m = m;
	blocks = m / MCFOCUS_STRIDE + 1;
	f->score = malloc((m ? m : 1) * sizeof *f->score);
	f->code = malloc((m ? m : 1) * sizeof *f->code);
	idx = malloc((m ? m : 1) * sizeof *idx);
	f->check = calloc(blocks * cells, sizeof *f->check);
	if (f->score == NULL || f->code == NULL || idx == NULL || f->check == NULL ||
	    (rows->weight != NULL && (f->weight = malloc((m ? m : 1) * sizeof *f->weight)) == NULL))
		goto oom;
	for (i = 0, j = 0; i < n; i++) {
		const double *s = rows->score + i * k;

		if (takes(s, c, fallback(s, thresholds, k, c), k)) {
			f->score[j] = s[c];
			idx[j++] = (double)i;
		}
	}
	if (radix_sort(f->score, idx, m) < 0)
		goto oom;
	for (j = 0; j < m; j++) {
		size_t r = (size_t)idx[j];

		f->code[j] = (uint32_t)(rows->label[r] * (k + 1) + fallback(rows->score + r * k, thresholds, k, c));
		if (f->weight != NULL)
			f->weight[j] = rows->weight[r];
	}
	/* block b: the moves of the top b * MCFOCUS_STRIDE rows */
	for (size_t b = 1; b < blocks; b++) {
		memcpy(f->check + b * cells, f->check + (b - 1) * cells, cells * sizeof *f->check);
		for (j = m - b * MCFOCUS_STRIDE; j < m - (b - 1) * MCFOCUS_STRIDE; j++)
			move_row(f, j, f->check + b * cells);
	}
	free(idx);
	return 0;
oom:
	free(idx);
	mcfocus_free(f);
	return -1;
}

void mcfocus_matrix(const struct mcfocus *f, double t, double *cell)
{
	size_t cells = f->k * (f->k + 1), lo = 0, hi = f->m, top, b, j;

	while (lo < hi) { /* the first row at or above t */
		size_t mid = lo + (hi - lo) / 2;

		if (f->score[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	top = f->m - lo;
	b = top / MCFOCUS_STRIDE;
	for (j = 0; j < cells; j++)
		cell[j] = f->base[j] + f->check[b * cells + j];
	for (j = lo; j < f->m - b * MCFOCUS_STRIDE; j++)
		move_row(f, j, cell);
}

void mcfocus_free(struct mcfocus *f)
{
	free(f->score), free(f->code), free(f->weight), free(f->base), free(f->check);
	memset(f, 0, sizeof *f);
}
