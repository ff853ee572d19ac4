/*
 * radix: sorting scores, on the order-preserving bit pattern of each
 * double (flip all bits of negatives, the sign bit of the rest).  Large
 * unweighted arrays: in place, split on the 11 highest bits in which their
 * keys differ into buckets the cache holds, each sorted there by an LSD
 * radix sort on the bits below.  Others: an LSD radix sort, 11 bits a
 * pass.  Both skip passes in which every key has the same digit.  Weights,
 * when given, move with their scores.  radix_sort_plain (for tests that
 * compare fast paths with plain ones) sorts with qsort instead.
 */
#include "core/sort/radix.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
static int simple_sort(double *a, double *w, size_t n)
{
	struct pair *p = malloc(n * sizeof *p);
	size_t i;

	if (p == NULL)
		return -1;
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
	return 0;
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

/* Large unweighted arrays are sorted in place: the 11 highest bits in
 * which their keys differ split them into buckets (American flag sort:
 * each element swapped into its bucket's next slot, no second array), each
 * bucket split again the same way until it fits the cache, then sorted
 * there by an LSD radix sort through a scratch array of that size, 12 bits
 * a pass (8 for small buckets, whose histograms would cost more than their
 * passes).  A trip through memory a level instead of one a digit, and no
 * array as large as the input. */
#define MSD_MIN ((size_t)1 << 16)
#define BUCKET_MAX ((size_t)1 << 15) /* 256 KiB: sorted in the cache */
#define WIDE_MIN ((size_t)1 << 12)   /* buckets sorted 12 bits a pass */
#define HIST_MAX (((64 + 11) / 12) << 12)

struct scratch {
	double *a;      /* BUCKET_MAX */
	double *w;      /* BUCKET_MAX, or NULL: no weights */
	uint32_t *hist; /* HIST_MAX */
};

/* Stable; w (NULL: none) moves with a. */
static void insertion_sort(double *a, double *w, size_t m)
{
	size_t i, j;

	for (i = 1; i < m; i++) {
		double v = a[i], vw = w ? w[i] : 0;
		uint64_t k = key_of(v);

		for (j = i; j > 0 && key_of(a[j - 1]) > k; j--) {
			a[j] = a[j - 1];
			if (w)
				w[j] = w[j - 1];
		}
		a[j] = v;
		if (w)
			w[j] = vw;
	}
}

/* Sorts a[0..m) (keys equal above bit `bits`), w (NULL: none) alongside. */
static void sort_bucket(double *a, double *w, const struct scratch *s, size_t m, unsigned bits)
{
	unsigned digit = m >= WIDE_MIN ? 12 : 8, size = 1u << digit;
	unsigned passes = (bits + digit - 1) / digit, p;
	double *from = a, *to = s->a, *t, *from_w = w, *to_w = s->w;
	uint32_t *hist = s->hist;
	size_t i;

	if (m <= 32) {
		insertion_sort(a, w, m);
		return;
	}
	memset(hist, 0, (size_t)passes * size * sizeof *hist);
	for (i = 0; i < m; i++) {
		uint64_t k = key_of(a[i]);

		for (p = 0; p < passes; p++)
			hist[p * size + ((k >> (p * digit)) & (size - 1))]++;
	}
	for (p = 0; p < passes; p++) {
		unsigned shift = p * digit, b;
		uint32_t sum = 0, *h = hist + (size_t)p * size;

		if (h[(key_of(from[0]) >> shift) & (size - 1)] == m)
			continue; /* every key has this digit */
		for (b = 0; b < size; b++) {
			uint32_t c = h[b];

			h[b] = sum;
			sum += c;
		}
		for (i = 0; i < m; i++) {
			uint32_t d = h[(key_of(from[i]) >> shift) & (size - 1)]++;

			to[d] = from[i];
			if (w != NULL)
				to_w[d] = from_w[i];
		}
		t = from, from = to, to = t;
		t = from_w, from_w = to_w, to_w = t;
	}
	if (from != a) {
		memcpy(a, from, m * sizeof *a);
		if (w != NULL)
			memcpy(w, from_w, m * sizeof *w);
	}
}

/* Sorts a[0..n) (keys equal above bit `bits`) in place, w (NULL: none)
 * alongside. */
static void sort_range(double *a, double *w, size_t n, unsigned bits, const struct scratch *scratch)
{
	size_t start[RADIX_SIZE + 1], next[RADIX_SIZE], i, b;
	uint64_t lo = UINT64_MAX, hi = 0, diff;
	unsigned top = 0, shift;

	if (n <= BUCKET_MAX) {
		sort_bucket(a, w, scratch, n, bits);
		return;
	}
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
	memset(start, 0, sizeof start);
	for (i = 0; i < n; i++)
		start[((key_of(a[i]) >> shift) & (RADIX_SIZE - 1)) + 1]++;
	for (b = 0; b < RADIX_SIZE; b++) {
		start[b + 1] += start[b];
		next[b] = start[b];
	}
	/* each element swapped into the next free slot of its bucket, until
	 * the one in hand belongs where it was taken from */
	for (b = 0; b < RADIX_SIZE; b++)
		while (next[b] < start[b + 1]) {
			double v = a[next[b]], vw = w != NULL ? w[next[b]] : 0;
			size_t d = (key_of(v) >> shift) & (RADIX_SIZE - 1);

			while (d != b) {
				double t = a[next[d]];

				if (w != NULL) {
					double tw = w[next[d]];

					w[next[d]] = vw;
					vw = tw;
				}
				a[next[d]++] = v;
				v = t;
				d = (key_of(v) >> shift) & (RADIX_SIZE - 1);
			}
			if (w != NULL)
				w[next[b]] = vw;
			a[next[b]++] = v;
		}
	if (shift > 0)
		for (b = 0; b < RADIX_SIZE; b++)
			if (start[b + 1] - start[b] > 1)
				sort_range(a + start[b], w != NULL ? w + start[b] : NULL, start[b + 1] - start[b], shift,
					   scratch);
}

/* Small arrays (a group's rows, a short buffer) are insertion-sorted:
 * stable as the LSD passes are, so the result is the same to the bit,
 * and cheaper than zeroing the passes' 96 KB of counters. */
#define INSERTION_MAX 48

int radix_sort_plain(double *a, double *w, size_t n)
{
	if (n < 2)
		return 0;
	return simple_sort(a, w, n);
}

int radix_sort(double *a, double *w, size_t n)
{
	size_t (*hist)[RADIX_SIZE];
	double *tmp, *tmp_w = NULL;
	int rc = -1;

	if (n < 2)
		return 0;
	if (n <= INSERTION_MAX) {
		insertion_sort(a, w, n);
		return 0;
	}
	if (w == NULL && n >= MSD_MIN) {
		/* in place but for a bucket's scratch */
		struct scratch s = { malloc(BUCKET_MAX * sizeof *s.a), NULL, malloc(HIST_MAX * sizeof *s.hist) };

		if (s.a != NULL && s.hist != NULL) {
			sort_range(a, NULL, n, 64, &s);
			rc = 0;
		}
		free(s.a);
		free(s.hist);
		return rc;
	}
	hist = calloc(RADIX_PASSES, sizeof *hist);
	tmp = malloc(n * sizeof *tmp);
	if (w != NULL)
		tmp_w = malloc(n * sizeof *tmp_w);
	if (hist != NULL && tmp != NULL && (w == NULL || tmp_w != NULL)) {
		radix_pass_all(a, w, tmp, tmp_w, n, hist);
		rc = 0;
	}
	free(hist);
	free(tmp);
	free(tmp_w);
	return rc;
}


int radix_sort_inplace(double *a, double *w, size_t n)
{
	struct scratch s;
	int rc = -1;

	if (n <= INSERTION_MAX) {
		insertion_sort(a, w, n);
		return 0;
	}
	s.a = malloc(BUCKET_MAX * sizeof *s.a);
	s.w = w != NULL ? malloc(BUCKET_MAX * sizeof *s.w) : NULL;
	s.hist = malloc(HIST_MAX * sizeof *s.hist);
	if (s.a != NULL && (w == NULL || s.w != NULL) && s.hist != NULL) {
		sort_range(a, w, n, 64, &s);
		rc = 0;
	}
	free(s.a);
	free(s.w);
	free(s.hist);
	return rc;
}
