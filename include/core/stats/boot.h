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

#include "core/stats/optimize.h"
#include "core/stats/sweep.h"

#include <stdatomic.h>
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
	const atomic_int *cancel;
};

struct boot_result {
	double lo[BOOT_COUNT], hi[BOOT_COUNT];
	size_t used[BOOT_COUNT];            /* resamples that defined each */
};

enum boot_status { BOOT_OK = 0, BOOT_REFUSED = -1, BOOT_CANCELLED = -2, BOOT_NO_MEMORY = -3 };

/* The most row draws a bootstrap may take (resamples x rows): 1-3
 * minutes on two cores (4-20 ns a draw, more with more distinct scores).  Its memory is ~56 bytes a
 * distinct score and 56 a resample, whatever the rows. */
#define BOOT_MAX_DRAWS 1e10

/* Whether the sweep can be resampled N times: BOOT_OK, or BOOT_REFUSED with
 * the reason in why (weights, counts that are not whole, more draws than
 * BOOT_MAX_DRAWS or 2^32 rows).  Every entry point asks it first. */
int boot_check(const struct sweep *sw, size_t resamples, char *why, size_t cap);

/* Runs the bootstrap on an unweighted sweep (counts, or whole --counts).
 * Returns BOOT_OK, BOOT_REFUSED (see boot_check), BOOT_CANCELLED or
 * BOOT_NO_MEMORY. */
int boot_run(const struct sweep *sw, const struct boot_options *o, struct boot_result *out);

#endif
