/*
 * boot: the bootstrap, for what has no formula.  N stratified resamples
 * (positives and negatives drawn with replacement separately, as pROC
 * does), each drawn as counts per distinct score, so that no row is
 * copied; percentile intervals (quantile type 7).  Resample r draws from
 * its own stream (seed, r), so the result is the same to the bit however
 * many threads share the work.
 */
#ifndef CUTOFF_BOOT_H
#define CUTOFF_BOOT_H

#include "core/optimize.h"
#include "core/sweep.h"

#include <stddef.h>
#include <stdint.h>

/* The statistics resampled, each an interval [lo, hi] (NaN when no
 * resample defined it). */
enum boot_stat { BOOT_F1, BOOT_MCC, BOOT_BALANCED_ACCURACY, BOOT_AVERAGE_PRECISION, BOOT_THRESHOLD, BOOT_VALUE,
		 BOOT_COUNT };

struct boot_options {
	size_t resamples;
	uint64_t seed;
	double level;                       /* of the intervals */
	size_t k;                           /* the report's threshold: its top k distinct scores */
	const struct optimize_spec *spec;   /* with --optimize: the optimum's stability; else NULL */
	int threads;                        /* 1 or 2 */
	/* told now and then how many resamples are done (from one thread) */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
	/* when it holds non-zero the resampling stops (the explorer's Esc) */
	const volatile int *cancel;
};

struct boot_result {
	double lo[BOOT_COUNT], hi[BOOT_COUNT];
	size_t used[BOOT_COUNT];            /* resamples that defined each */
};

/* Runs the bootstrap on an unweighted sweep (counts, or whole --counts).
 * Returns 0, -1 when the sweep is weighted (a weight has no resample) or
 * out of memory, -2 when cancelled. */
int boot_run(const struct sweep *sw, const struct boot_options *o, struct boot_result *out);

#endif
