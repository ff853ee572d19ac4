/*
 * radix: sorting scores, on the order-preserving bit pattern of each
 * double (flip all bits of negatives, the sign bit of the rest).  Large
 * unweighted arrays: one pass scatters them on the 11 highest bits in which
 * their keys differ, into buckets the cache holds, each sorted there by an
 * LSD radix sort on the bits below.  Others: an LSD radix sort, 11 bits a
 * pass.  Both skip passes in which every key has the same digit.  Weights,
 * when given, move with their scores.  The simple mode (for tests that
 * compare fast paths with plain ones) sorts with qsort instead.
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

/* Large unweighted arrays: one pass on the 11 highest bits in which the
 * keys differ scatters them into buckets small enough for the cache, each
 * then sorted there on the bits below (LSD, 8 bits a pass): one trip
 * through memory instead of one a digit. */
#define MSD_MIN ((size_t)1 << 16)
#define LOW_BITS 8
#define LOW_SIZE (1u << LOW_BITS)
#define LOW_PASSES 7 /* 53 bits below an 11-bit top digit, at most */

static void insertion_sort(double *dst, const double *src, size_t m)
{
	size_t i, j;

	for (i = 0; i < m; i++) {
		uint64_t k = key_of(src[i]);

		for (j = i; j > 0 && key_of(dst[j - 1]) > k; j--)
			dst[j] = dst[j - 1];
		dst[j] = src[i];
	}
}

/* Sorts the bucket src[0..m) (keys equal above bit `bits`) into dst, with
 * src as scratch. */
static void sort_bucket(double *dst, double *src, size_t m, unsigned bits)
{
	uint32_t hist[LOW_PASSES][LOW_SIZE];
	unsigned passes = (bits + LOW_BITS - 1) / LOW_BITS, p;
	double *from = src, *to = dst, *t;
	size_t i;

	if (m <= 32) {
		insertion_sort(dst, src, m);
		return;
	}
	memset(hist, 0, passes * sizeof hist[0]);
	for (i = 0; i < m; i++) {
		uint64_t k = key_of(src[i]);

		for (p = 0; p < passes; p++)
			hist[p][(k >> (p * LOW_BITS)) & (LOW_SIZE - 1)]++;
	}
	for (p = 0; p < passes; p++) {
		unsigned shift = p * LOW_BITS, b;
		uint32_t sum = 0;

		if (hist[p][(key_of(from[0]) >> shift) & (LOW_SIZE - 1)] == m)
			continue; /* every key has this digit */
		for (b = 0; b < LOW_SIZE; b++) {
			uint32_t c = hist[p][b];

			hist[p][b] = sum;
			sum += c;
		}
		for (i = 0; i < m; i++)
			to[hist[p][(key_of(from[i]) >> shift) & (LOW_SIZE - 1)]++] = from[i];
		t = from, from = to, to = t;
	}
	if (from != dst)
		memcpy(dst, from, m * sizeof *dst);
}

static void radix_msd(double *a, double *tmp, size_t n, size_t *count)
{
	uint64_t lo = UINT64_MAX, hi = 0, diff;
	unsigned top = 0, shift;
	size_t i, b, sum = 0;

	for (i = 0; i < n; i++) {
		uint64_t k = key_of(a[i]);

		lo = k < lo ? k : lo;
		hi = k > hi ? k : hi;
	}
	if ((diff = lo ^ hi) == 0)
		return; /* all equal */
	while (diff >> top > 1)
		top++;
	shift = top >= RADIX_BITS - 1 ? top - (RADIX_BITS - 1) : 0;
	for (i = 0; i < n; i++)
		count[(key_of(a[i]) >> shift) & (RADIX_SIZE - 1)]++;
	for (b = 0; b < RADIX_SIZE; b++) {
		size_t c = count[b];

		count[b] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++)
		tmp[count[(key_of(a[i]) >> shift) & (RADIX_SIZE - 1)]++] = a[i];
	/* count[b] is now where bucket b ends */
	for (b = 0, sum = 0; b < RADIX_SIZE; sum = count[b++])
		if (count[b] > sum)
			sort_bucket(a + sum, tmp + sum, count[b] - sum, shift);
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
		else if (w == NULL && n >= MSD_MIN)
			radix_msd(a, tmp, n, hist[0]);
		else
			radix_pass_all(a, w, tmp, tmp_w, n, hist);
		rc = 0;
	}
	free(hist);
	free(tmp);
	free(tmp_w);
	return rc;
}

