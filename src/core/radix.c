/*
 * radix: sorting scores.  An LSD radix sort on the order-preserving bit
 * pattern of each double (flip all bits of negatives, the sign bit of the
 * rest), 11 bits a pass, skipping passes in which every key has the same
 * digit: scores in [0,1] usually need four or five passes.  Weights, when
 * given, move with their scores.  The simple mode (for tests that compare
 * fast paths with plain ones) sorts with qsort instead.
 */
#include "core/radix.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int simple;

void radix_set_simple(int on)
{
	simple = on;
}

struct pair {
	double score, weight;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;

	return a->score < b->score ? -1 : a->score > b->score;
}

/* qsort on (score, weight) pairs; equal scores keep no particular order,
 * which changes nothing: equal scores are merged. */
static void simple_sort(double *a, double *w, size_t n)
{
	struct pair *p = malloc(n * sizeof *p);
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++) {
		p[i].score = a[i];
		p[i].weight = w ? w[i] : 1;
	}
	qsort(p, n, sizeof *p, cmp_pair);
	for (i = 0; i < n; i++) {
		a[i] = p[i].score;
		if (w)
			w[i] = p[i].weight;
	}
	free(p);
}

#define RADIX_BITS 11
#define RADIX_PASSES 6
#define RADIX_SIZE (1u << RADIX_BITS)

static uint64_t key_of(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof u);
	return (u >> 63) ? ~u : u ^ (UINT64_C(1) << 63);
}

/* Sorts a ascending (with w alongside when not NULL), using tmp/tmp_w of the
 * same length as scratch and hist zeroed. */
static void radix_pass_all(double *a, double *w, double *tmp, double *tmp_w, size_t n,
			   size_t (*hist)[RADIX_SIZE])
{
	double *src = a, *dst = tmp, *src_w = w, *dst_w = tmp_w;
	size_t i;
	int pass;

	for (i = 0; i < n; i++) {
		uint64_t k = key_of(a[i]);

		for (pass = 0; pass < RADIX_PASSES; pass++)
			hist[pass][(k >> (pass * RADIX_BITS)) & (RADIX_SIZE - 1)]++;
	}
	for (pass = 0; pass < RADIX_PASSES; pass++) {
		size_t sum = 0, b, shift = (size_t)pass * RADIX_BITS;
		double *t;

		if (hist[pass][(key_of(a[0]) >> shift) & (RADIX_SIZE - 1)] == n)
			continue; /* every key has this digit */
		for (b = 0; b < RADIX_SIZE; b++) {
			size_t c = hist[pass][b];

			hist[pass][b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++) {
			size_t pos = hist[pass][(key_of(src[i]) >> shift) & (RADIX_SIZE - 1)]++;

			dst[pos] = src[i];
			if (w != NULL)
				dst_w[pos] = src_w[i];
		}
		t = src, src = dst, dst = t;
		t = src_w, src_w = dst_w, dst_w = t;
	}
	if (src != a) {
		memcpy(a, src, n * sizeof *a);
		if (w != NULL)
			memcpy(w, src_w, n * sizeof *w);
	}
}

int radix_sort(double *a, double *w, size_t n)
{
	size_t (*hist)[RADIX_SIZE];
	double *tmp, *tmp_w = NULL;
	int rc = -1;

	if (n < 2)
		return 0;
	hist = calloc(RADIX_PASSES, sizeof *hist);
	tmp = malloc(n * sizeof *tmp);
	if (w != NULL)
		tmp_w = malloc(n * sizeof *tmp_w);
	if (hist != NULL && tmp != NULL && (w == NULL || tmp_w != NULL)) {
		if (simple)
			simple_sort(a, w, n);
		else
			radix_pass_all(a, w, tmp, tmp_w, n, hist);
		rc = 0;
	}
	free(hist);
	free(tmp);
	free(tmp_w);
	return rc;
}

