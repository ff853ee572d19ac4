/*
 * boot: stratified resamples as counts per distinct score.
 *
 * Each class's rows are numbered 0..m-1 in the order of their scores; a
 * table maps a row to its distinct score, so a draw is a random number and
 * a lookup, and a resample of m rows costs m draws and no sorting.  The
 * statistics then take one pass over the distinct scores.
 */
#include "core/boot.h"

#include "core/interval.h"
#include "core/metrics.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: a resample's own stream from (seed, r) */
static uint64_t mix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n), without modulo bias (Lemire). */
static uint64_t below(uint64_t *s, uint64_t n)
{
	uint64_t x = mix(s);
	__uint128_t m = (__uint128_t)x * n;
	uint64_t l = (uint64_t)m;

	if (l < n) {
		uint64_t t = -n % n;

		while (l < t) {
			x = mix(s);
			m = (__uint128_t)x * n;
			l = (uint64_t)m;
		}
	}
	return (uint64_t)(m >> 64);
}

struct job {
	const struct sweep *sw;
	const struct boot_options *o;
	const uint32_t *pos_row, *neg_row;  /* row -> distinct score */
	size_t m, n;                        /* rows of each class */
	size_t from, to;                    /* resamples */
	double *stats;                      /* [resample][BOOT_COUNT] */
	int failed;
	int reports;                        /* this thread tells the progress */
};

static void one(const struct job *j, size_t r, uint32_t *cp, uint32_t *cn, double *cum_p, double *cum_n, double *out)
{
	const struct sweep *sw = j->sw;
	size_t d = sw->n, i, k;
	uint64_t s = j->o->seed * 0x2545f4914f6cdd1du + r;
	double tp = 0, fp = 0, ap = 0;
	struct confusion c;

	memset(cp, 0, d * sizeof *cp);
	memset(cn, 0, d * sizeof *cn);
	for (i = 0; i < j->m; i++)
		cp[j->pos_row[below(&s, j->m)]]++;
	for (i = 0; i < j->n; i++)
		cn[j->neg_row[below(&s, j->n)]]++;
	for (k = 0; k < d; k++) {
		tp += cp[k];
		fp += cn[k];
		if (cp[k] > 0)
			ap += cp[k] * (tp / (tp + fp));
		cum_p[k] = tp;
		cum_n[k] = fp;
	}
	k = j->o->k;
	c.tp = k > 0 ? cum_p[k - 1] : 0;
	c.fp = k > 0 ? cum_n[k - 1] : 0;
	c.fn = (double)j->m - c.tp;
	c.tn = (double)j->n - c.fp;
	out[BOOT_F1] = metrics_value(METRIC_F1, &c);
	out[BOOT_MCC] = metrics_value(METRIC_MCC, &c);
	out[BOOT_BALANCED_ACCURACY] = metrics_value(METRIC_BALANCED_ACCURACY, &c);
	out[BOOT_AVERAGE_PRECISION] = ap / (double)j->m;
	out[BOOT_THRESHOLD] = out[BOOT_VALUE] = NAN;
	if (j->o->spec != NULL) {
		/* the optimum of this resample, over the same distinct scores */
		struct sweep rs = *sw;
		struct optimum best;

		rs.cum_pos = cum_p;
		rs.cum_neg = cum_n;
		rs.count_pos = rs.count_neg = NULL;
		rs.below_pos = rs.below_neg = NULL;
		rs.pos = (double)j->m;
		rs.neg = (double)j->n;
		if (optimize_run(&rs, j->o->spec, &best) == 0) {
			out[BOOT_THRESHOLD] = best.threshold;
			out[BOOT_VALUE] = best.value;
		}
	}
}

static void *work(void *arg)
{
	struct job *j = arg;
	size_t d = j->sw->n ? j->sw->n : 1, r;
	uint32_t *cp = malloc(d * sizeof *cp), *cn = malloc(d * sizeof *cn);
	double *cum_p = malloc(d * sizeof *cum_p), *cum_n = malloc(d * sizeof *cum_n);

	if (cp == NULL || cn == NULL || cum_p == NULL || cum_n == NULL) {
		j->failed = 1;
	} else {
		for (r = j->from; r < j->to; r++) {
			if (j->o->cancel != NULL && *j->o->cancel) {
				j->failed = 2;
				break;
			}
			one(j, r, cp, cn, cum_p, cum_n, j->stats + r * BOOT_COUNT);
			if (j->reports && j->o->progress != NULL && (r - j->from) % 16 == 15)
				j->o->progress(j->o->progress_arg, (r - j->from + 1) * (size_t)j->o->threads,
					       j->o->resamples);
		}
	}
	free(cp);
	free(cn);
	free(cum_p);
	free(cum_n);
	return NULL;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Quantile type 7 of the sorted values. */
static double quantile(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)floor(h);

	if (lo + 1 >= n)
		return x[n - 1];
	return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

/* Each class's rows in score order, as their distinct score's index. */
static uint32_t *rows_of(const struct sweep *sw, bool positive, size_t *count)
{
	size_t k, i = 0, total = (size_t)(positive ? sw->pos : sw->neg);
	uint32_t *t = malloc((total ? total : 1) * sizeof *t);
	double prev = 0;

	*count = total;
	if (t == NULL)
		return NULL;
	for (k = 0; k < sw->n; k++) {
		double cum = positive ? sweep_pos(sw, k) : sweep_neg(sw, k);
		size_t c = (size_t)(cum - prev);

		prev = cum;
		while (c-- > 0 && i < total)
			t[i++] = (uint32_t)k;
	}
	return t;
}

int boot_run(const struct sweep *sw, const struct boot_options *o, struct boot_result *out)
{
	struct job jobs[2];
	pthread_t thread;
	size_t m, n, st, r, cnt;
	uint32_t *pos_row, *neg_row;
	double *stats, *vals;
	int threads = o->threads == 2 && o->resamples >= 2 ? 2 : 1, started = 0, rc = 0;

	for (st = 0; st < BOOT_COUNT; st++)
		out->lo[st] = out->hi[st] = NAN, out->used[st] = 0;
	/* a resample needs whole rows: no weights, whole counts below 2^32 */
	if (sw->weighted || sw->pos + sw->neg >= 4294967296.0 || sw->n >= 4294967296.0)
		return -1;
	pos_row = rows_of(sw, true, &m);
	neg_row = rows_of(sw, false, &n);
	stats = malloc((o->resamples ? o->resamples : 1) * BOOT_COUNT * sizeof *stats);
	vals = malloc((o->resamples ? o->resamples : 1) * sizeof *vals);
	if (pos_row == NULL || neg_row == NULL || stats == NULL || vals == NULL) {
		rc = -1;
		goto out;
	}
	for (r = 0; r < 2; r++) {
		jobs[r] = (struct job){ sw, o, pos_row, neg_row, m, n, 0, 0, stats, 0, r == 0 };
		jobs[r].from = r == 0 ? 0 : o->resamples / 2;
		jobs[r].to = threads == 1 ? o->resamples : r == 0 ? o->resamples / 2 : o->resamples;
	}
	if (threads == 2 && pthread_create(&thread, NULL, work, &jobs[1]) == 0)
		started = 1;
	work(&jobs[0]);
	if (threads == 2 && !started)
		work(&jobs[1]); /* no thread to be had: in this one */
	if (started)
		pthread_join(thread, NULL);
	if (jobs[0].failed || (threads == 2 && jobs[1].failed)) {
		rc = jobs[0].failed == 2 || jobs[1].failed == 2 ? -2 : -1;
		goto out;
	}
	/* percentile intervals, leaving out the resamples that did not
	 * define the statistic */
	for (st = 0; st < BOOT_COUNT; st++) {
		for (r = 0, cnt = 0; r < o->resamples; r++)
			if (!isnan(stats[r * BOOT_COUNT + st]))
				vals[cnt++] = stats[r * BOOT_COUNT + st];
		out->used[st] = cnt;
		if (cnt == 0)
			continue;
		qsort(vals, cnt, sizeof *vals, cmp_double);
		out->lo[st] = quantile(vals, cnt, (1 - interval_level(o->level)) / 2);
		out->hi[st] = quantile(vals, cnt, (1 + interval_level(o->level)) / 2);
	}
out:
	free(pos_row);
	free(neg_row);
	free(stats);
	free(vals);
	return rc;
}
