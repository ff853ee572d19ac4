/*
 * radix: sorting arrays of scores (with their weights) in ascending order.
 */
#ifndef CUTOFF_RADIX_H
#define CUTOFF_RADIX_H

#include <stddef.h>

/* Sorts a[0..n) ascending, w[] (or NULL) alongside.  Returns 0, or -1 when
 * out of memory (a is then unchanged). */
int radix_sort(double *a, double *w, size_t n);

/* radix_sort without an array as large as the input (American flag sort,
 * then cache-sized buckets): for rows whose sort must not double their
 * memory (row costs).  Not stable: equal scores' weights may change order. */
int radix_sort_inplace(double *a, double *w, size_t n);

/* radix_sort with qsort: what tests compare the fast path with
 * (load_tuning's plain_sort). */
int radix_sort_plain(double *a, double *w, size_t n);

#endif
