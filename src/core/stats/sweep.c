/*
 * sweep: one model's sorted scores (radix.c sorts them) merged from the
 * top into distinct scores with cumulative counts or weights, and the
 * threshold-free statistics in the same walk.  Runs (runs.h) come as each
 * class's rows (two readers: two of each) or as folded lists (fold.c).
 */
#include "core/stats/sweep.h"

#include "core/base/ksum.h"
#include "core/sort/radix.h"
#include "core/sort/runs.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static double clip(double p)
{
	const double eps = 1e-15;

	return p < eps ? eps : p > 1 - eps ? 1 - eps : p;
}

/* The threshold-free statistics, accumulated one distinct score at a
 * time from the top; both ways of building a sweep use it, so that they
 * compute the same numbers the same way. */
struct acc {
	struct ksum tp, fp;
	double auc, ap, ll, brier;
};

static void acc_group(struct acc *a, const struct sweep *sw, double s, double wp, double wn)
{
	double tp_above = ksum_get(&a->tp), tp, fp;

	/* negatives at this score rank below the positives above it and tie
	 * with the positives here; as shares of each class, so that weights
	 * of 1e200 (or 1e-300) neither overflow nor underflow */
	if (sw->pos > 0 && sw->neg > 0)
		a->auc += (wn / sw->neg) * ((tp_above + wp / 2) / sw->pos);
	ksum_add(&a->tp, wp);
	ksum_add(&a->fp, wn);
	tp = ksum_get(&a->tp);
	fp = ksum_get(&a->fp);
	if (wp > 0)
		a->ap += wp * (tp / (tp + fp));
	if (sw->probabilities) {
		/* a class absent here adds 0 (its log is finite): not computed */
		a->ll -= (wp != 0 ? wp * log(clip(s)) : 0) + (wn != 0 ? wn * log(1 - clip(s)) : 0);
		a->brier += wp * (1 - s) * (1 - s) + wn * s * s;
	}
}

static void acc_finish(const struct acc *a, struct sweep *sw)
{
	double total = sw->pos + sw->neg;

	sw->roc_auc = sw->pos > 0 && sw->neg > 0 ? a->auc : NAN;
	sw->average_precision = sw->pos > 0 ? a->ap / sw->pos : NAN;
	sw->log_loss = sw->probabilities && total > 0 ? a->ll / total : NAN;
	sw->brier = sw->probabilities && total > 0 ? a->brier / total : NAN;
}

/* Weighted sweeps keep, beside the sums from the top, the sums from the
 * bottom: FN and TN are then sums of their own rows, not a total minus a
 * large TP (1e16 + 5.75 - 1e16 is 6).  in[k] holds each score's own weight;
 * below[k] becomes the weight of the scores from k down, below[n] = 0. */
static void sums_below(double *below, size_t n)
{
	struct ksum sum = { 0, 0 };
	size_t k = n;

	below[n] = 0;
	while (k-- > 0) {
		ksum_add(&sum, below[k]);
		below[k] = ksum_get(&sum);
	}
}

static int alloc_below(struct sweep *sw)
{
	sw->below_pos = malloc((sw->n + 1) * sizeof *sw->below_pos);
	sw->below_neg = malloc((sw->n + 1) * sizeof *sw->below_neg);
	return sw->below_pos != NULL && sw->below_neg != NULL ? 0 : -1;
}

/* Gives back what an array does not use (a failed shrink keeps it). */
static void *trim(void *a, size_t n, size_t size)
{
	void *t;

	return a != NULL && (t = realloc(a, (n ? n : 1) * size)) != NULL ? t : a;
}

/* Shrinks each owned run to what the merge has not passed yet, once an
 * eighth of it is behind: the rows go as the sweep grows.  Shrinking by a
 * fraction keeps the copies, should realloc move, to O(rows) in all. */
static void give_back(struct runs *r)
{
	size_t j;

	for (j = 0; j < r->n; j++) {
		struct run *u = &r->run[j];
		size_t left = u->at > 0 ? u->at : 1;

		if (u->score == NULL || u->room - left < u->room / 8 + 4096)
			continue;
		u->score = trim(u->score, left, sizeof *u->score);
		if (u->class < 0) {
			u->w[0] = trim(u->w[0], left, sizeof *u->w[0]);
			u->w[1] = trim(u->w[1], left, sizeof *u->w[1]);
			u->count = trim(u->count, left, sizeof *u->count);
		}
		u->room = left;
	}
}

/* Many rows a score, unweighted: two threads merge the scores above and
 * below one, each part's distinct scores with their own counts; one pass
 * then makes the statistics in the same order, with the same sums, as one
 * walk.  The rows are not given back on the way (both threads read them):
 * only when a sample shows them twice the distinct scores or more. */
struct part {
	struct runs r;
	double *score;
	uint32_t *pos, *neg;
	size_t n;
};

static void *merge_part(void *arg)
{
	struct part *p = arg;
	double s;

	while ((s = runs_top(&p->r)) > -INFINITY) {
		struct ksum w[2] = { { 0, 0 }, { 0, 0 } };

		runs_take(w, &p->r, s);
		p->score[p->n] = s;
		p->pos[p->n] = (uint32_t)ksum_get(&w[0]);
		p->neg[p->n++] = (uint32_t)ksum_get(&w[1]);
	}
	return NULL;
}

/* Where to split the merge: the work is in the distinct scores (each costs
 * the walk some hundred times what a tied row does), so the parts get
 * about half the distinct scores of the largest run each, as a sample of
 * its neighbouring pairs shows them. */
#define SPLIT_SAMPLES 4096

static double split_cost(const double *score, size_t n, size_t i)
{
	size_t j = i * (n - 1) / SPLIT_SAMPLES;

	return 1 + 256 * (score[j] != score[j + 1]);
}

static double split_value(const double *score, size_t n)
{
	double total = 0, sum = 0;
	size_t i;

	for (i = 0; i < SPLIT_SAMPLES; i++)
		total += split_cost(score, n, i);
	for (i = 0; i < SPLIT_SAMPLES; i++)
		if ((sum += split_cost(score, n, i)) >= total / 2)
			return score[i * (n - 1) / SPLIT_SAMPLES];
	return score[n / 2];
}

/* The distinct scores, or 0 when the merge is better not split. */
static size_t merge_split(struct sweep *out, const struct runs *r)
{
	struct part hi = { *r, out->score, out->count_pos, out->count_neg, 0 }, lo = hi;
	size_t j, big = 0, same = 0, upper = 0, k;
	struct acc a = { { 0, 0 }, { 0, 0 }, 0, 0, 0, 0 };
	pthread_t thread;
	bool threaded;
	double v;

	for (j = 1; j < r->n; j++)
		if (r->run[j].at > r->run[big].at)
			big = j;
	if (out->count_pos == NULL || r->run[big].at < ((size_t)1 << 18))
		return 0;
	for (j = r->run[big].at / 2; j < r->run[big].at / 2 + 65536; j++) /* ties in the largest run's middle */
		same += r->run[big].score[j] == r->run[big].score[j + 1];
	if (same < 65536 / 2)
		return 0;
	v = split_value(r->run[big].score, r->run[big].at);
	for (j = 0; j < r->n; j++) {
		size_t b = 0, e = r->run[j].at;

		while (b < e) /* the first entry >= v */
			if (r->run[j].score[b + (e - b) / 2] < v)
				b += (e - b) / 2 + 1;
			else
				e = b + (e - b) / 2;
		hi.r.run[j].stop = lo.r.run[j].at = b;
		upper += r->run[j].at - b;
	}
	lo.score += upper, lo.pos += upper, lo.neg += upper;
	threaded = pthread_create(&thread, NULL, merge_part, &lo) == 0;
	merge_part(&hi);
	if (threaded)
		pthread_join(thread, NULL);
	else
		merge_part(&lo);
	memmove(out->score + hi.n, lo.score, lo.n * sizeof *out->score);
	memmove(out->count_pos + hi.n, lo.pos, lo.n * sizeof *out->count_pos);
	memmove(out->count_neg + hi.n, lo.neg, lo.n * sizeof *out->count_neg);
	for (k = 0; k < hi.n + lo.n; k++) {
		acc_group(&a, out, out->score[k], out->count_pos[k], out->count_neg[k]);
		out->count_pos[k] = (uint32_t)ksum_get(&a.tp);
		out->count_neg[k] = (uint32_t)ksum_get(&a.fp);
	}
	acc_finish(&a, out);
	return hi.n + lo.n;
}

/* Walks the sorted runs from the top, one distinct score at a time. */
static size_t merge(struct sweep *out, struct runs *r)
{
	size_t k = 0;
	struct acc a;
	double s;

	memset(&a, 0, sizeof a);
	while ((s = runs_top(r)) > -INFINITY) {
		struct ksum w[2] = { { 0, 0 }, { 0, 0 } };

		runs_take(w, r, s);
		acc_group(&a, out, s, ksum_get(&w[0]), ksum_get(&w[1]));
		out->score[k] = s;
		if (out->count_pos != NULL) {
			/* whole counts below 2^32: exact in the sums */
			out->count_pos[k] = (uint32_t)ksum_get(&a.tp);
			out->count_neg[k] = (uint32_t)ksum_get(&a.fp);
		} else {
			out->cum_pos[k] = ksum_get(&a.tp);
			out->cum_neg[k] = ksum_get(&a.fp);
		}
		if (out->below_pos != NULL) {
			out->below_pos[k] = ksum_get(&w[0]);
			out->below_neg[k] = ksum_get(&w[1]);
		}
		if (++k % 65536 == 0 && r->own)
			give_back(r);
	}
	acc_finish(&a, out);
	if (out->below_pos != NULL) {
		sums_below(out->below_pos, k);
		sums_below(out->below_neg, k);
	}
	return k;
}

/* Whether per-score weights need the sums from the bottom: any that is not
 * a whole number, or totals past 2^53 (where whole numbers round). */
static bool needs_below(const double *pos, const double *neg, size_t n)
{
	struct ksum tp = { 0, 0 }, tn = { 0, 0 };
	size_t k;

	for (k = 0; k < n; k++) {
		if (pos[k] != floor(pos[k]) || neg[k] != floor(neg[k]))
			return true;
		ksum_add(&tp, pos[k]);
		ksum_add(&tn, neg[k]);
	}
	return ksum_get(&tp) + ksum_get(&tn) >= 9007199254740992.0;
}

static void reverse(double *a, size_t n)
{
	size_t k;

	for (k = 0; k < n / 2; k++) {
		double t = a[k];

		a[k] = a[n - 1 - k];
		a[n - 1 - k] = t;
	}
}

int sweep_build_runs(struct sweep *sw, double *score, double *pos, double *neg, size_t n)
{
	struct acc a;
	struct ksum tp = { 0, 0 }, tn = { 0, 0 };
	size_t k;

	memset(&a, 0, sizeof a);
	memset(sw, 0, sizeof *sw);
	sw->roc_auc_se = NAN; /* the session fills it in */
	sw->sample_prevalence = NAN;
	sw->n = n;
	sw->score = score;
	sw->cum_pos = pos;
	sw->cum_neg = neg;
	for (k = 0; k < n; k++) {
		ksum_add(&tp, pos[k]);
		ksum_add(&tn, neg[k]);
	}
	sw->pos = ksum_get(&tp);
	sw->neg = ksum_get(&tn);
	sw->min = n > 0 ? score[0] : NAN;
	sw->max = n > 0 ? score[n - 1] : NAN;
	sw->probabilities = n > 0 && sw->min >= 0 && sw->max <= 1;
	/* descending, then cumulative: the arrays become the sweep's */
	reverse(score, n);
	reverse(pos, n);
	reverse(neg, n);
	if (needs_below(pos, neg, n)) {
		if (alloc_below(sw) < 0)
			return -1;
		memcpy(sw->below_pos, pos, n * sizeof *pos);
		memcpy(sw->below_neg, neg, n * sizeof *neg);
		sums_below(sw->below_pos, n);
		sums_below(sw->below_neg, n);
	}
	for (k = 0; k < n; k++) {
		acc_group(&a, sw, score[k], pos[k], neg[k]);
		pos[k] = ksum_get(&a.tp);
		neg[k] = ksum_get(&a.fp);
	}
	acc_finish(&a, sw);
	return 0;
}

/* A class's total weight, in the rows' own order: two models over the same
 * rows get the same n to the last bit. */
static double total(const double *w, size_t n)
{
	struct ksum sum = { 0, 0 };
	size_t i;

	if (w == NULL)
		return (double)n;
	for (i = 0; i < n; i++)
		ksum_add(&sum, w[i]);
	return ksum_get(&sum);
}

/* Room for n entries of each array the sweep will have: whole counts in
 * 4 bytes when every row weighs 1 and there are fewer than 2^32. */
static int alloc_arrays(struct sweep *sw, size_t n, bool weighted)
{
	size_t m = n ? n : 1;

	sw->score = malloc(m * sizeof *sw->score);
	if (!weighted && sw->pos + sw->neg < (double)UINT32_MAX) {
		sw->count_pos = malloc(m * sizeof *sw->count_pos);
		sw->count_neg = malloc(m * sizeof *sw->count_neg);
		if (sw->count_pos == NULL || sw->count_neg == NULL)
			return -1;
	} else {
		sw->cum_pos = malloc(m * sizeof *sw->cum_pos);
		sw->cum_neg = malloc(m * sizeof *sw->cum_neg);
		if (sw->cum_pos == NULL || sw->cum_neg == NULL)
			return -1;
	}
	return sw->score == NULL || (weighted && alloc_below(sw) < 0) ? -1 : 0;
}

/* The sweep of sorted runs; pos and neg are the class totals. */
static int build_runs(struct sweep *sw, struct runs *r, bool weighted, double pos, double neg)
{
	size_t j;

	memset(sw, 0, sizeof *sw);
	sw->roc_auc_se = NAN; /* the session fills it in */
	sw->sample_prevalence = NAN;
	sw->pos = pos;
	sw->neg = neg;
	/* room for every entry, trimmed to the distinct scores after: pages
	 * never written cost no memory, and one pass over the rows is saved */
	for (j = 0; j < r->n; j++)
		sw->n += r->run[j].at;
	if (alloc_arrays(sw, sw->n, weighted) < 0) {
		sweep_free(sw);
		return -1;
	}
	sw->min = sw->max = NAN;
	for (j = 0; j < r->n; j++)
		if (r->run[j].at > 0) {
			double lo = r->run[j].score[0], hi = r->run[j].score[r->run[j].at - 1];

			if (!(lo >= sw->min))
				sw->min = lo;
			if (!(hi <= sw->max))
				sw->max = hi;
		}
	sw->probabilities = sw->n > 0 && sw->min >= 0 && sw->max <= 1;
	if ((sw->n = merge_split(sw, r)) == 0)
		sw->n = merge(sw, r);
	sw->score = trim(sw->score, sw->n, sizeof *sw->score);
	sw->cum_pos = trim(sw->cum_pos, sw->n, sizeof *sw->cum_pos);
	sw->cum_neg = trim(sw->cum_neg, sw->n, sizeof *sw->cum_neg);
	sw->count_pos = trim(sw->count_pos, sw->n, sizeof *sw->count_pos);
	sw->count_neg = trim(sw->count_neg, sw->n, sizeof *sw->count_neg);
	sw->below_pos = trim(sw->below_pos, sw->n + 1, sizeof *sw->below_pos);
	sw->below_neg = trim(sw->below_neg, sw->n + 1, sizeof *sw->below_neg);
	return 0;
}

int sweep_build(struct sweep *sw, double *pos, double *pos_w, size_t n_pos,
		double *neg, double *neg_w, size_t n_neg)
{
	struct runs r = { .own = false };
	/* totals before sorting, in the rows' order */
	double tp = total(pos_w, n_pos), tn = total(neg_w, n_neg);

	memset(sw, 0, sizeof *sw);
	if (radix_sort(pos, pos_w, n_pos) < 0 || radix_sort(neg, neg_w, n_neg) < 0)
		return -1;
	runs_add(&r, 0, pos, pos_w, NULL, n_pos);
	runs_add(&r, 1, neg, NULL, neg_w, n_neg);
	return build_runs(sw, &r, pos_w != NULL || neg_w != NULL, tp, tn);
}

int sweep_build_sorted(struct sweep *sw, double *pos[2], const size_t n_pos[2],
		       double *neg[2], const size_t n_neg[2])
{
	struct runs r = { .own = true };
	int rc, j;

	for (j = 0; j < 2; j++) {
		runs_add(&r, 0, pos[j], NULL, NULL, n_pos[j]);
		runs_add(&r, 1, neg[j], NULL, NULL, n_neg[j]);
		if (n_pos[j] == 0)
			free(pos[j]);
		if (n_neg[j] == 0)
			free(neg[j]);
	}
	rc = build_runs(sw, &r, false, (double)(n_pos[0] + n_pos[1]), (double)(n_neg[0] + n_neg[1]));
	runs_free(&r);
	return rc;
}

int sweep_build_lists(struct sweep *sw, struct fold_list l[2], bool weighted)
{
	struct runs r = { .own = true };
	struct ksum tp = { 0, 0 }, tn = { 0, 0 };
	size_t j, k;
	int rc;

	for (j = 0; j < 2; j++) {
		/* the class totals, list by list in ascending order */
		for (k = 0; k < l[j].n; k++) {
			ksum_add(&tp, fold_list_pos(&l[j], k));
			ksum_add(&tn, fold_list_neg(&l[j], k));
		}
		if (l[j].n == 0) {
			fold_list_free(&l[j]);
			continue;
		}
		runs_add(&r, -1, l[j].score, l[j].pos, l[j].neg, l[j].n);
		r.run[r.n - 1].count = l[j].count;
		memset(&l[j], 0, sizeof l[j]);
	}
	rc = build_runs(sw, &r, weighted, ksum_get(&tp), ksum_get(&tn));
	runs_free(&r);
	return rc;
}

/* Running counts to each score's own count, reversed. */
static void own_reversed(uint32_t *a, size_t n)
{
	uint32_t prev = 0, t;
	size_t k;

	for (k = 0; k < n; k++) {
		t = a[k];
		a[k] = t - prev;
		prev = t;
	}
	for (k = 0; k < n / 2; k++) {
		t = a[k];
		a[k] = a[n - 1 - k];
		a[n - 1 - k] = t;
	}
}

/* Row costs turned round: the cost at or above a score becomes the
 * total less the cost above it, reversed.  By difference, so to rounding
 * (the sums from the other end are not kept: 16 bytes a score, not 32). */
static void invert_costs(struct sweep *sw)
{
	size_t n = sw->n, k;

	if (sw->fp_cost != NULL && n > 0) {
		double all = sw->fp_cost[n - 1];

		for (k = n; k-- > 0;)
			sw->fp_cost[k] = fmax(0, all - (k > 0 ? sw->fp_cost[k - 1] : 0));
		reverse(sw->fp_cost, n);
	}
	if (sw->fn_cost != NULL && n > 0) {
		double all = sw->fn_cost[0];

		for (k = 0; k < n; k++)
			sw->fn_cost[k] = fmax(0, all - sw->fn_cost[k + 1]);
		reverse(sw->fn_cost, n);
	}
}

void sweep_invert(struct sweep *sw)
{
	struct acc a;
	double prev_p = 0, prev_n = 0, t;
	size_t n = sw->n, k;

	memset(&a, 0, sizeof a);
	invert_costs(sw);
	if (sw->count_pos != NULL) {
		own_reversed(sw->count_pos, n);
		own_reversed(sw->count_neg, n);
	} else if (sw->below_pos != NULL) {
		/* weighted: the sums from the bottom become the sums from the
		 * top and the other way round, exactly (swapped, then reversed
		 * with the scores) */
		for (k = 0; k < n; k++) {
			t = sw->cum_pos[k], sw->cum_pos[k] = sw->below_pos[k], sw->below_pos[k] = t;
			t = sw->cum_neg[k], sw->cum_neg[k] = sw->below_neg[k], sw->below_neg[k] = t;
		}
		reverse(sw->below_pos, n);
		reverse(sw->below_neg, n);
	} else {
		/* whole counts: each score's own count, from the running sums */
		for (k = 0; k < n; k++) {
			double cp = sw->cum_pos[k], cn = sw->cum_neg[k];

			sw->cum_pos[k] = cp - prev_p;
			sw->cum_neg[k] = cn - prev_n;
			prev_p = cp;
			prev_n = cn;
		}
		prev_p = prev_n = 0;
	}
	/* the lowest score becomes the highest; -0.0 would print as "-0" */
	reverse(sw->score, n);
	if (sw->cum_pos != NULL) {
		reverse(sw->cum_pos, n);
		reverse(sw->cum_neg, n);
	}
	for (k = 0; k < n; k++)
		sw->score[k] = sw->score[k] == 0 ? 0 : -sw->score[k];
	t = sw->min;
	sw->min = sw->max == 0 ? 0 : -sw->max; /* NaN stays NaN */
	sw->max = t == 0 ? 0 : -t;
	sw->inverted = !sw->inverted;
	sw->probabilities = n > 0 && sw->min >= 0 && sw->max <= 1;
	for (k = 0; k < n; k++) {
		if (sw->count_pos != NULL) {
			acc_group(&a, sw, sw->score[k], sw->count_pos[k], sw->count_neg[k]);
			sw->count_pos[k] = (uint32_t)ksum_get(&a.tp);
			sw->count_neg[k] = (uint32_t)ksum_get(&a.fp);
		} else if (sw->below_pos != NULL) {
			/* the running sums stay as they are; the statistics take
			 * each score's weight from them */
			acc_group(&a, sw, sw->score[k], sw->cum_pos[k] - prev_p, sw->cum_neg[k] - prev_n);
			prev_p = sw->cum_pos[k];
			prev_n = sw->cum_neg[k];
		} else {
			acc_group(&a, sw, sw->score[k], sw->cum_pos[k], sw->cum_neg[k]);
			sw->cum_pos[k] = ksum_get(&a.tp);
			sw->cum_neg[k] = ksum_get(&a.fp);
		}
	}
	acc_finish(&a, sw);
}

void sweep_free(struct sweep *sw)
{
	free(sw->score);
	free(sw->cum_pos);
	free(sw->cum_neg);
	free(sw->below_pos);
	free(sw->below_neg);
	free(sw->count_pos);
	free(sw->count_neg);
	free(sw->fp_cost);
	free(sw->fn_cost);
	sw->fp_cost = sw->fn_cost = NULL;
	sw->score = sw->cum_pos = sw->cum_neg = sw->below_pos = sw->below_neg = NULL;
	sw->count_pos = sw->count_neg = NULL;
	sw->n = 0;
}

size_t sweep_index(const struct sweep *sw, double threshold)
{
	size_t lo = 0, hi = sw->n;

	/* first k with score[k] < threshold; scores descend */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sw->score[mid] >= threshold)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct confusion sweep_confusion(const struct sweep *sw, size_t k)
{
	struct confusion c;

	c.tp = k > 0 ? sweep_pos(sw, k - 1) : 0;
	c.fp = k > 0 ? sweep_neg(sw, k - 1) : 0;
	if (sw->below_pos != NULL) {
		/* weighted: the rows below, summed on their own */
		c.fn = sw->below_pos[k];
		c.tn = sw->below_neg[k];
	} else {
		c.fn = sw->pos - c.tp;
		c.tn = sw->neg - c.fp;
	}
	return c;
}

struct confusion sweep_at(const struct sweep *sw, double threshold)
{
	return sweep_confusion(sw, sweep_index(sw, threshold));
}

double sweep_threshold(const struct sweep *sw, size_t k)
{
	return k == 0 ? INFINITY : sw->score[k - 1];
}

double sweep_fraction(const struct sweep *sw, double x)
{
	double span = sw->max / 2 - sw->min / 2, f;

	if (!(span > 0))
		return 0.5;
	f = (x / 2 - sw->min / 2) / span;
	return f > 1 ? 1 : f > 0 ? f : 0; /* NaN goes to 0 */
}

double sweep_at_fraction(const struct sweep *sw, double f)
{
	return 2 * (sw->min / 2 + f * (sw->max / 2 - sw->min / 2));
}

double sweep_default_threshold(const struct sweep *sw)
{
	if (sw->inverted && sw->n > 0 && sw->min >= -1 && sw->max <= 0)
		return -0.5; /* negated probabilities: the same cut as p <= 0.5 */
	return sw->probabilities ? 0.5 : 0;
}
