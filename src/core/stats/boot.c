/*
 * boot: stratified resamples as counts per distinct score.
 *
 * Each class's rows are numbered 0..m-1 in the order of their scores; a
 * guide table finds a row's distinct score, so a draw is a random number and
 * a lookup, and a resample of m rows costs m draws and no sorting.  The
 * statistics then take one pass over the distinct scores.  The work is
 * bounded (BOOT_MAX_DRAWS) before anything is allocated.
 */
#include "core/stats/boot.h"

#include "core/base/fmt.h"
#include "core/stats/interval.h"
#include "core/stats/metrics.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
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

/* A class's rows, numbered 0..m-1 in the order of their scores: row u is
 * at the first distinct score k whose cumulative count passes u.  A guide
 * table (Chen and Asau) says where to start looking for the rows of each
 * of g equal slices, so a lookup is one step on average and the memory is
 * that of the distinct scores, not of the rows: a --counts file of a few
 * bytes may stand for 2^32 rows. */
struct rows {
	const struct sweep *sw;
	bool positive;
	uint64_t m;                         /* rows */
	uint64_t g;                         /* slices */
	uint32_t *guide;                    /* slice -> first distinct score */
};

static double cum(const struct rows *t, size_t k)
{
	return t->positive ? sweep_pos(t->sw, k) : sweep_neg(t->sw, k);
}

/* The distinct score of row u (u < m). */
static uint32_t row_score(const struct rows *t, uint64_t u)
{
	uint32_t k = t->guide[u * t->g / t->m];

	while (cum(t, k) <= (double)u)
		k++;
	return k;
}

static int rows_init(struct rows *t, const struct sweep *sw, bool positive)
{
	size_t k = 0;
	uint64_t s;

	t->sw = sw;
	t->positive = positive;
	t->m = (uint64_t)(positive ? sw->pos : sw->neg);
	t->g = sw->n < t->m ? sw->n : t->m;
	t->guide = malloc((t->g ? t->g : 1) * sizeof *t->guide);
	if (t->guide == NULL)
		return -1;
	for (s = 0; s < t->g; s++) {
		/* the slice's first row is ceil(s m / g); u m < 2^64 as both < 2^32 */
		uint64_t first = (s * t->m + t->g - 1) / t->g;

		while (cum(t, k) <= (double)first)
			k++;
		t->guide[s] = (uint32_t)k;
	}
	return 0;
}

struct job {
	const struct sweep *sw;
	const struct boot_options *o;
	const struct rows *pos, *neg;
	size_t from, to;                    /* resamples */
	double *stats;                      /* [resample][BOOT_COUNT] */
	int failed;
	int reports;                        /* this thread tells the progress */
};

static bool cancelled(const struct job *j)
{
	return j->o->cancel != NULL && atomic_load(j->o->cancel);
}

/* Draws a class's m rows with replacement into counts per distinct score;
 * looks at the cancel flag every 2^20 draws, so that Esc and Ctrl-C are
 * heard within milliseconds even when one resample is long.  -1 when
 * cancelled. */
static int draw(const struct job *j, const struct rows *t, uint64_t *s, uint32_t *c)
{
	uint64_t i = 0, end;

	while (i < t->m) {
		end = t->m - i > (1u << 20) ? i + (1u << 20) : t->m;
		for (; i < end; i++)
			c[row_score(t, below(s, t->m))]++;
		if (cancelled(j))
			return -1;
	}
	return 0;
}

static int one(const struct job *j, size_t r, uint32_t *cp, uint32_t *cn, double *cum_p, double *cum_n, double *out)
{
	const struct sweep *sw = j->sw;
	size_t d = sw->n, k;
	uint64_t s = j->o->seed * 0x2545f4914f6cdd1du + r;
	double tp = 0, fp = 0, ap = 0, m = (double)j->pos->m, n = (double)j->neg->m;
	struct confusion c;

	memset(cp, 0, d * sizeof *cp);
	memset(cn, 0, d * sizeof *cn);
	if (draw(j, j->pos, &s, cp) < 0 || draw(j, j->neg, &s, cn) < 0)
		return -1;
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
	c.fn = m - c.tp;
	c.tn = n - c.fp;
	out[BOOT_F1] = metrics_value(METRIC_F1, &c);
	out[BOOT_MCC] = metrics_value(METRIC_MCC, &c);
	out[BOOT_BALANCED_ACCURACY] = metrics_value(METRIC_BALANCED_ACCURACY, &c);
	out[BOOT_AVERAGE_PRECISION] = ap / m;
	out[BOOT_THRESHOLD] = out[BOOT_VALUE] = NAN;
	if (j->o->spec != NULL) {
		/* the optimum of this resample, over the same distinct scores */
		struct sweep rs = *sw;
		struct optimum best;

		rs.cum_pos = cum_p;
		rs.cum_neg = cum_n;
		rs.count_pos = rs.count_neg = NULL;
		rs.below_pos = rs.below_neg = NULL;
		rs.pos = m;
		rs.neg = n;
		if (optimize_run(&rs, j->o->spec, &best) == 0) {
			out[BOOT_THRESHOLD] = best.threshold;
			out[BOOT_VALUE] = best.value;
		}
	}
	return 0;
}

static void *work(void *arg)
{
	struct job *j = arg;
	size_t d = j->sw->n ? j->sw->n : 1, r;
	uint32_t *cp = malloc(d * sizeof *cp), *cn = malloc(d * sizeof *cn);
	double *cum_p = malloc(d * sizeof *cum_p), *cum_n = malloc(d * sizeof *cum_n);

	if (cp == NULL || cn == NULL || cum_p == NULL || cum_n == NULL) {
		j->failed = BOOT_NO_MEMORY;
	} else {
		for (r = j->from; r < j->to; r++) {
			if (cancelled(j) || one(j, r, cp, cn, cum_p, cum_n, j->stats + r * BOOT_COUNT) < 0) {
				j->failed = BOOT_CANCELLED;
				break;
			}
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

/* The first distinct score whose count of a class is not whole, or n. */
static size_t fractional(const struct sweep *sw, double *pos, double *neg)
{
	size_t k;

	for (k = 0; k < sw->n; k++) {
		*pos = sweep_pos(sw, k) - (k > 0 ? sweep_pos(sw, k - 1) : 0);
		*neg = sweep_neg(sw, k) - (k > 0 ? sweep_neg(sw, k - 1) : 0);
		if (*pos != floor(*pos) || *neg != floor(*neg))
			break;
	}
	return k;
}

int boot_check(const struct sweep *sw, size_t resamples, char *why, size_t cap)
{
	double rows = sw->pos + sw->neg, draws = rows * (double)resamples, p, q;
	char a[40], b[40], c[40];
	size_t k;

	if (sw->weighted) {
		snprintf(why, cap, "no bootstrap: it resamples whole rows, and weighted rows (--weight, a prevalence) "
			 "have none");
		return BOOT_REFUSED;
	}
	if ((k = fractional(sw, &p, &q)) < sw->n) {
		snprintf(why, cap, "no bootstrap: it resamples whole rows, and the counts at score %s are not whole "
			 "(%s positives, %s negatives)", fmt_exact(a, sizeof a, sw->score[k]), fmt_exact(b, sizeof b, p),
			 fmt_exact(c, sizeof c, q));
		return BOOT_REFUSED;
	}
	if (rows >= 4294967296.0) {
		snprintf(why, cap, "no bootstrap: it resamples at most 2^32 rows, and there are %s", fmt_count(a, sizeof a, rows));
		return BOOT_REFUSED;
	}
	if (draws > BOOT_MAX_DRAWS) {
		snprintf(why, cap, "no bootstrap: %s resamples of %s rows are %.3g draws, more than the %.0e allowed "
			 "(a few minutes on two cores); ask for at most %s resamples", fmt_count(b, sizeof b, (double)resamples),
			 fmt_count(a, sizeof a, rows), draws, BOOT_MAX_DRAWS, fmt_count(c, sizeof c, floor(BOOT_MAX_DRAWS / rows)));
		return BOOT_REFUSED;
	}
	return BOOT_OK;
}

/* The percentile intervals, leaving out the resamples that did not define
 * each statistic. */
static void intervals(const double *stats, double *vals, const struct boot_options *o, struct boot_result *out)
{
	size_t st, r, cnt;

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
}

int boot_run(const struct sweep *sw, const struct boot_options *o, struct boot_result *out)
{
	struct job jobs[2];
	struct rows pos = { 0 }, neg = { 0 };
	pthread_t thread;
	size_t st, r;
	double *stats = NULL, *vals = NULL;
	char why[256];
	int threads = o->threads == 2 && o->resamples >= 2 ? 2 : 1, started = 0, rc;

	for (st = 0; st < BOOT_COUNT; st++)
		out->lo[st] = out->hi[st] = NAN, out->used[st] = 0;
	if ((rc = boot_check(sw, o->resamples, why, sizeof why)) != BOOT_OK)
		return rc;
	rc = BOOT_NO_MEMORY;
	if (rows_init(&pos, sw, true) < 0 || rows_init(&neg, sw, false) < 0)
		goto out;
	stats = malloc((o->resamples ? o->resamples : 1) * BOOT_COUNT * sizeof *stats);
	vals = malloc((o->resamples ? o->resamples : 1) * sizeof *vals);
	if (stats == NULL || vals == NULL)
		goto out;
	for (r = 0; r < 2; r++) {
		jobs[r] = (struct job){ sw, o, &pos, &neg, 0, 0, stats, 0, r == 0 };
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
	rc = jobs[0].failed ? jobs[0].failed : threads == 2 ? jobs[1].failed : BOOT_OK;
	if (rc == BOOT_OK)
		intervals(stats, vals, o, out);
out:
	free(pos.guide);
	free(neg.guide);
	free(stats);
	free(vals);
	return rc;
}
