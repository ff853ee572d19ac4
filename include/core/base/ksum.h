/*
 * ksum: a compensated (Neumaier) running sum, for weights: 1e16 next to
 * 0.5 keeps the 0.5 until the end.  With whole counts below 2^53 the
 * compensation stays 0 and the sums are what plain addition gives, so
 * unweighted results are unchanged to the bit.
 */
#ifndef CUTOFF_KSUM_H
#define CUTOFF_KSUM_H

#include <math.h>

struct ksum {
	double s, c;
};

static inline void ksum_add(struct ksum *k, double x)
{
	double t = k->s + x;

	if (fabs(k->s) >= fabs(x))
		k->c += (k->s - t) + x;
	else
		k->c += (x - t) + k->s;
	k->s = t;
}

static inline double ksum_get(const struct ksum *k)
{
	return k->s + k->c;
}

#endif
