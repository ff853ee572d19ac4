/*
 * radix: sorting arrays of scores (with their weights) in ascending order.
 */
#ifndef CUTOFF_RADIX_H
#define CUTOFF_RADIX_H

#include <stddef.h>

/* Sorts a[0..n) ascending, w[] (or NULL) alongside.  Returns 0, or -1 when
 * out of memory (a is then unchanged). */
int radix_sort(double *a, double *w, size_t n);

/* Plain qsort instead, for tests that compare the fast paths with it. */
void radix_set_simple(int on);

#endif
