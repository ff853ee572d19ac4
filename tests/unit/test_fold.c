/* test_fold: the streaming path gives the sweep the array path gives, and
 * binning keeps exact counts at its thresholds and its AUC bound. */
#include "helpers.h"

#include "core/sort/fold.h"
#include "core/sort/radix.h"
#include "core/sort/sketch.h"

static uint64_t x = 2463534242ULL;

static uint64_t next(void)
{
	x ^= x << 13, x ^= x >> 7, x ^= x << 17;
	return x;
}

static int all_distinct; /* scores from 2^53 steps: no ties */
static int late_ties;    /* all distinct for the first third of the rows, ties after */
static bool wide_counts;  /* the fold passed the count limit: doubles */
static bool rows_kept;    /* the last build_halves' folds kept their rows (mostly distinct) */
static bool group_folds;  /* build_halves makes groups' folds (fold_init_group) */
static size_t count_limit; /* build_halves' folds' count limit (0: theirs) */

/* n rows with many ties (scores in steps of 1/1000) and some weights. */
static void make_rows(size_t n, double *score, int *label, double *weight, int weighted)
{
	size_t i;

	for (i = 0; i < n; i++) {
		label[i] = (int)(next() % 4 == 0);
		score[i] = (double)((next() % 1000) + (label[i] ? 300 : 0)) / 1000;
		if (all_distinct || (late_ties && i < n / 3))
			score[i] = (double)(next() >> 11) / 9007199254740992.0 + (label[i] ? 0.25 : 0);
		weight[i] = weighted ? (double)(next() % 5) : 1;
	}
}

/* The sweep of n rows from arrays (arr) and from folding (fl); with
 * halves, two folds of the first and second half of the rows joined, as
 * two readers leave them. */
static void build_halves(size_t n, int weighted, size_t bins, struct sweep *arr, struct sweep *fl, struct fold *out_f,
			 bool halves)
{
	double *score = malloc(n * sizeof *score), *weight = malloc(n * sizeof *weight);
	double *pos = malloc(n * sizeof *pos), *neg = malloc(n * sizeof *neg);
	double *pw = malloc(n * sizeof *pw), *nw = malloc(n * sizeof *nw);
	int *label = malloc(n * sizeof *label);
	size_t i, np = 0, nn = 0;
	bool binned_now;
	struct fold f, g;
	struct fold_list l[2];

	make_rows(n, score, label, weight, weighted);
	if (group_folds) {
		assert_int_equal(fold_init_group(&f, weighted, bins), 0);
		assert_int_equal(fold_init_group(&g, weighted, bins), 0);
		/* small before its rows: no sketch, no run stack, a short buffer */
		assert_true(f.sketch == NULL && f.run == NULL && f.cap_buf * 16 <= FOLD_GROUP_BYTES);
	} else {
		assert_int_equal(fold_init(&f, weighted, bins), 0);
		assert_int_equal(fold_init(&g, weighted, bins), 0);
	}
	if (count_limit > 0)
		f.count_limit = g.count_limit = count_limit;
	for (i = 0; i < n; i++) {
		assert_int_equal(fold_add(halves && i >= n / 2 ? &g : &f, score[i], label[i], weight[i]), 0);
		if (label[i])
			pos[np] = score[i], pw[np++] = weight[i];
		else
			neg[nn] = score[i], nw[nn++] = weight[i];
	}
	assert_int_equal(fold_finish(&f), 0);
	if (halves) {
		assert_int_equal(fold_finish(&g), 0); /* in its thread */
		assert_int_equal(fold_join(&f, &g), 0);
		assert_int_equal(fold_finish(&f), 0); /* again: the same */
	}
	fold_free(&g);
	*out_f = f;
	rows_kept = f.sorted;
	assert_int_equal(sweep_build(arr, pos, weighted ? pw : NULL, np, neg, weighted ? nw : NULL, nn), 0);
	if (f.sorted) {
		/* mostly distinct: the rows were kept, sorted */
		double *p[2], *q[2];
		size_t n_p[2], n_q[2];

		assert_false(weighted);
		fold_take_rows(&f, p, n_p, q, n_q);
		assert_int_equal(sweep_build_sorted(fl, p, n_p, q, n_q), 0);
		free(score), free(weight), free(pos), free(neg), free(pw), free(nw), free(label);
		return;
	}
	binned_now = f.bins > 0;
	fold_take(&f, l);
	assert_true(halves || l[1].n == 0);
	/* whole counts packed, unless weighted or binned */
	assert_true((l[0].count != NULL) == (!weighted && !binned_now && !wide_counts) || l[0].n == 0);
	out_f->grid.binned = f.grid.binned;
	out_f->grid.pairs = f.grid.pairs;
	assert_int_equal(sweep_build_lists(fl, l, weighted), 0);
	free(score), free(weight), free(pos), free(neg), free(pw), free(nw), free(label);
}

static void build_both(size_t n, int weighted, size_t bins, struct sweep *arr, struct sweep *fl, struct fold *out_f)
{
	build_halves(n, weighted, bins, arr, fl, out_f, false);
}

/* The arrays' sweep a and the fold's b agree to the bit: every score and
 * count, the class totals, ROC AUC and AP (NaN alike); both freed. */
static void assert_same_sweeps(struct sweep *a, struct sweep *b)
{
	size_t k;

	assert_int_equal(a->n, b->n);
	for (k = 0; k < a->n; k++)
		assert_true(a->score[k] == b->score[k] && sweep_pos(a, k) == sweep_pos(b, k) &&
			    sweep_neg(a, k) == sweep_neg(b, k));
	assert_true(a->pos == b->pos && a->neg == b->neg);
	assert_true((isnan(a->roc_auc) && isnan(b->roc_auc)) || a->roc_auc == b->roc_auc);
	assert_true((isnan(a->average_precision) && isnan(b->average_precision)) ||
		    a->average_precision == b->average_precision);
	sweep_free(a);
	sweep_free(b);
}

static void test_exact_equals_arrays(void **state)
{
	static const size_t sizes[] = { 0, 1, 7, 1000, 600000 }; /* past two buffers */
	size_t t;
	int weighted;

	(void)state;
	for (weighted = 0; weighted <= 1; weighted++)
		for (t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
			struct sweep a, b;
			struct fold f;

			build_both(sizes[t], weighted, 0, &a, &b, &f);
			assert_false(f.grid.binned);
			assert_same_sweeps(&a, &b); /* integer weights: sums are exact either way */
		}
}

/* All-distinct scores over many buffers: the runs merge in a cascade
 * (sizes a factor apart, then all at the end) into what the arrays give. */
static void test_distinct_runs(void **state)
{
	struct sweep a, b;
	struct fold f;

	(void)state;
	all_distinct = 1;
	build_both(2500000, 0, 0, &a, &b, &f);
	all_distinct = 0;
	assert_same_sweeps(&a, &b);
}

/* The buffer grows with a list of mostly distinct scores (fewer merges)
 * and keeps its size with ties, even more distinct ones than it holds
 * (memory by distinct scores); a flush past
 * the distinct ceiling is said again by every later row, not forgotten. */
static void test_buffer_and_failure(void **state)
{
	int mode;

	(void)state;
	/* 0 ties, 1 distinct, 2 distinct and weighted, 3 distinct then ties */
	for (mode = 0; mode <= 3; mode++) {
		struct fold f;
		size_t i, first;

		assert_int_equal(fold_init(&f, mode == 2, 0), 0);
		first = f.cap_buf;
		for (i = 0; i < 3000000; i++) {
			double v = mode == 0 || (mode == 3 && i >= 1000000) ? (double)(i % 300000) : (double)i;

			assert_int_equal(fold_add(&f, v, i % 2 == 0, 1), 0);
		}
		if (mode == 1) /* kept: no sorting yet, the buffer doubled */
			assert_true(f.sketch != NULL && f.rows_folded == 0 && f.cap_buf >= 4 * first);
		else if (mode == 2) /* no sketch with weights: the buffer grows with the list */
			assert_true(f.sketch == NULL && f.cap_buf >= 4 * first && f.cap_buf <= f.rows_folded);
		else /* folded, the buffer at its usual size (mode 3: back to it) */
			assert_true(f.sketch == NULL && f.cap_buf == first && f.rows_folded > 0);
		fold_free(&f);
	}
	{
		struct fold f;
		size_t i;
		int rc = 0;

		assert_int_equal(fold_init(&f, false, 0), 0);
		f.max_distinct = 1000;
		for (i = 0; i < 1000000 && rc == 0; i++)
			rc = fold_add(&f, (double)i, true, 1);
		assert_int_equal(rc, -2);
		assert_int_equal(fold_add(&f, 1.0, true, 1), -2);
		assert_int_equal(fold_add(&f, 2.0, false, 1), -2);
		assert_int_equal(fold_finish(&f), -2);
		fold_free(&f);
	}
}

/* The distinct-count sketch: within 5% from none to millions, whatever
 * the repeats (each value added twice here). */
static void test_sketch(void **state)
{
	static const size_t counts[] = { 0, 1, 10, 1000, 30000, 2000000 };
	struct sketch *sk = malloc(sizeof *sk);
	size_t t, i;

	(void)state;
	assert_non_null(sk);
	for (t = 0; t < sizeof counts / sizeof counts[0]; t++) {
		double e;

		sketch_clear(sk);
		int shape;

		/* fractions, whole numbers, and decimals of a few digits */
		for (shape = 0; shape < 3; shape++) {
			sketch_clear(sk);
			for (i = 0; i < 2 * counts[t]; i++) {
				double v = (double)(i % counts[t]);

				sketch_add(sk, shape == 0 ? v / 7 - 3 : shape == 1 ? v : v / 1e6);
			}
			e = sketch_count(sk);
			if (fabs(e - (double)counts[t]) > 0.05 * (double)counts[t] + 0.5)
				fail_msg("shape %d: %zu distinct values, %.1f estimated", shape, counts[t], e);
		}
	}
	free(sk);
}

/* Rows kept while mostly distinct, then folded when ties come (one
 * reader), and a reader that kept its rows joined with one that folded
 * (the kept rows folded at the join): the arrays' sweep either way. */
static void test_kept_rows(void **state)
{
	int shape;

	(void)state;
	for (shape = 0; shape < 3; shape++) {
		struct sweep a, b;
		struct fold f;

		late_ties = shape == 0 || shape == 2;
		all_distinct = shape == 1;
		build_halves(shape == 2 ? 1800000 : 2400000, 0, 0, &a, &b, &f, shape > 0);
		all_distinct = late_ties = 0;
		/* 0: folded after all; 1: both readers kept theirs; 2: the first
		 * half kept (distinct), the second folded (ties) */
		assert_true(rows_kept == (shape == 1));
		assert_same_sweeps(&a, &b);
	}
}

/* Two readers' folds joined: kept as two lists (or merged when they might
 * pass the ceiling), the sweep is the arrays' to the bit. */
static void test_two_readers(void **state)
{
	int distinct;

	(void)state;
	for (distinct = 0; distinct <= 1; distinct++) {
		struct sweep a, b;
		struct fold f;

		all_distinct = distinct;
		build_halves(distinct ? 1200000 : 700000, 0, 0, &a, &b, &f, true);
		all_distinct = 0;
		assert_non_null(b.count_pos);
		assert_same_sweeps(&a, &b);
	}
}

/* Past the rows a fold counts in 4 bytes (lowered here from 2^32), the
 * runs keep doubles from then on, and joined lists past it merge in
 * doubles: the same sweep. */
static void test_count_limit(void **state)
{
	struct sweep a, b;
	struct fold f, g;
	struct fold_list l[2];
	size_t j;

	(void)state;
	count_limit = 300000;
	wide_counts = true;
	build_halves(700000, 0, 0, &a, &b, &f, true); /* 350000 rows a reader */
	wide_counts = false;
	count_limit = 0;
	assert_same_sweeps(&a, &b);
	/* two folds under the limit, merged past it */
	assert_int_equal(fold_init(&f, false, 0), 0);
	assert_int_equal(fold_init(&g, false, 0), 0);
	f.count_limit = g.count_limit = 1500;
	for (j = 0; j < 1000; j++) {
		assert_int_equal(fold_add(&f, (double)j, j % 2 == 0, 1), 0);
		assert_int_equal(fold_add(&g, (double)j + 500, j % 3 == 0, 1), 0);
	}
	f.max_distinct = 1500; /* the two might pass it: merged */
	assert_int_equal(fold_join(&f, &g), 0);
	fold_take(&f, l);
	assert_true(l[0].n == 1500 && l[1].n == 0 && l[0].count == NULL);
	assert_true(l[0].pos[700] == 1 && l[0].neg[700] == 1 && l[0].pos[0] == 1 && l[0].neg[1] == 1);
	assert_true(l[0].pos[1499] == 1 && l[0].neg[1499] == 0); /* 999 + 500 in g: 999 % 3 == 0 */
	fold_list_free(&l[0]);
	fold_free(&g);
}

/* Joined lists that might pass the ceiling are merged to know; past it
 * exactly, -2. */
static void test_join_ceiling(void **state)
{
	struct fold f, g;
	struct fold_list l[2];
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		size_t j;

		assert_int_equal(fold_init(&f, false, 0), 0);
		assert_int_equal(fold_init(&g, false, 0), 0);
		/* 1000 distinct scores in each, 500 shared */
		for (j = 0; j < 1000; j++) {
			assert_int_equal(fold_add(&f, (double)j, j % 2 == 0, 1), 0);
			assert_int_equal(fold_add(&g, (double)j + 500, j % 3 == 0, 1), 0);
		}
		f.max_distinct = i == 0 ? 1500 : 1499;
		assert_int_equal(fold_join(&f, &g), i == 0 ? 0 : -2);
		assert_int_equal(f.list[0].n, 1500);
		assert_int_equal(f.list[1].n, 0);
		fold_take(&f, l);
		assert_true(l[0].n == 1500 && l[1].n == 0);
		assert_true(l[0].score[0] == 0 && l[0].score[1499] == 1499);
		assert_true(fold_list_pos(&l[0], 700) == 1 && fold_list_neg(&l[0], 700) == 1); /* 700: in both */
		for (j = 0; j < 2; j++)
			fold_list_free(&l[j]);
		fold_free(&g);
	}
}

static void test_bins(void **state)
{
	static const size_t bins[] = { 2, 3, 10, 100, 5000 };
	size_t t, k;

	(void)state;
	for (t = 0; t < sizeof bins / sizeof bins[0]; t++) {
		struct sweep a, b;
		struct fold f;
		double bound;

		build_both(300000, 0, bins[t], &a, &b, &f);
		assert_true(b.n <= bins[t]);
		assert_true(a.pos == b.pos && a.neg == b.neg);
		/* at each bin's threshold (its lowest score), the exact counts */
		for (k = 1; k <= b.n; k++) {
			struct confusion exact = sweep_at(&a, b.score[k - 1]), binned = sweep_confusion(&b, k);

			assert_true(exact.tp == binned.tp && exact.fp == binned.fp);
		}
		bound = f.grid.pairs / 2 / a.pos / a.neg;
		if (fabs(a.roc_auc - b.roc_auc) > bound + 1e-12)
			fail_msg("%zu bins: AUC %.12f vs %.12f, bound %.12f", bins[t], b.roc_auc, a.roc_auc, bound);
		assert_true(bins[t] >= 1000 || f.grid.binned);
		sweep_free(&a);
		sweep_free(&b);
	}
}

/* The counts at each bin's threshold stay exact whatever the order the
 * scores come in: a score must land in the same cell before and after
 * the grid widens or moves left (cells computed from a moving origin
 * once put a score in two cells and lost rows at a threshold). */
static void test_bins_exact_any_order(void **state)
{
	static const size_t bins[] = { 3, 100, 1000 };
	size_t seed, t, k;

	(void)state;
	for (seed = 1; seed <= 60; seed++) /* 49 lost rows at 100 bins */
		for (t = 0; t < sizeof bins / sizeof bins[0]; t++) {
			struct sweep a, b;
			struct fold f;

			x = 88172645463325252ULL * seed;
			build_both(100000, 0, bins[t], &a, &b, &f);
			for (k = 1; k <= b.n; k++) {
				struct confusion exact = sweep_at(&a, b.score[k - 1]), binned = sweep_confusion(&b, k);

				if (exact.tp != binned.tp || exact.fp != binned.fp)
					fail_msg("seed %zu, %zu bins, bin %zu: %g/%g rows, %g/%g binned", seed, bins[t], k,
						 exact.tp, exact.fp, binned.tp, binned.fp);
			}
			sweep_free(&a);
			sweep_free(&b);
		}
}

/* A group's fold: small until its rows come, exact as the arrays, and
 * with N bins exact until it holds N distinct scores, binned after (its
 * counts at the bins' thresholds still exact). */
static void test_group_folds(void **state)
{
	static const size_t sizes[] = { 0, 1, 7, 1000, 600000 };
	static const size_t bins[] = { 2, 10, 100, 5000 };
	size_t t, k;
	int weighted;

	(void)state;
	group_folds = true;
	for (weighted = 0; weighted <= 1; weighted++)
		for (t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
			struct sweep a, b;
			struct fold f;

			build_both(sizes[t], weighted, 0, &a, &b, &f);
			assert_same_sweeps(&a, &b);
		}
	for (t = 0; t < sizeof bins / sizeof bins[0]; t++) {
		struct sweep a, b;
		struct fold f;

		build_both(300000, 0, bins[t], &a, &b, &f); /* ~1,300 distinct scores */
		assert_true(a.pos == b.pos && a.neg == b.neg);
		if (a.n <= bins[t]) {
			assert_false(f.grid.binned);
			assert_same_sweeps(&a, &b);
			continue;
		}
		assert_true(b.n <= bins[t] && f.grid.binned);
		for (k = 1; k <= b.n; k++) {
			struct confusion exact = sweep_at(&a, b.score[k - 1]), binned = sweep_confusion(&b, k);

			assert_true(exact.tp == binned.tp && exact.fp == binned.fp);
		}
		sweep_free(&a);
		sweep_free(&b);
	}
	group_folds = false;
}

/* Scores that spread both ways from the first, and negatives. */
static void test_bins_grow_both_ways(void **state)
{
	struct fold f;
	double *s, *p, *q, total = 0;
	struct fold_list l[2];
	size_t n, i;

	(void)state;
	assert_int_equal(fold_init(&f, false, 8), 0);
	for (i = 0; i < 1000; i++) {
		double v = ((double)(next() % 2001) - 1000) * 1e3;

		assert_int_equal(fold_add(&f, v, i % 3 == 0, 1), 0);
	}
	assert_int_equal(fold_add(&f, -1e12, true, 1), 0);
	assert_int_equal(fold_add(&f, 1e12, false, 1), 0);
	assert_int_equal(fold_finish(&f), 0);
	fold_take(&f, l);
	s = l[0].score, p = l[0].pos, q = l[0].neg, n = l[0].n;
	assert_true(l[1].n == 0 && l[1].neg == NULL && l[0].count == NULL);
	assert_true(n <= 8 && n >= 2);
	assert_true(s[0] == -1e12);
	for (i = 0; i < n; i++) {
		total += p[i] + q[i];
		if (i > 0)
			assert_true(s[i] > s[i - 1]);
	}
	assert_true(total == 1002);
	fold_list_free(&l[0]);
}

/* Arrays large enough for the bucketed sort, of every shape: what qsort
 * gives, to the bit (no -0.0 here: qsort may put it either side of 0). */
static void test_radix_buckets(void **state)
{
	enum { N = 200000 };
	double *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
	int shape;
	size_t i;

	(void)state;
	assert_true(a != NULL && b != NULL);
	for (shape = 0; shape < 9; shape++) {
		size_t n = shape == 6 ? 70000 : N;

		for (i = 0; i < n; i++) {
			uint64_t r = next();

			switch (shape) {
			case 0: /* probabilities with 6 decimals: ties */
				a[i] = (double)(r % 1000000) / 1e6;
				break;
			case 1: /* all distinct in [0, 1) */
				a[i] = (double)(r >> 11) / 9007199254740992.0;
				break;
			case 2: /* both signs, exponents far apart */
				a[i] = ((double)(r >> 11) - 4503599627370496.0) * pow(10, (double)(r % 40) - 20);
				break;
			case 3: /* three values */
				a[i] = (double)(r % 3) - 1;
				break;
			case 4: /* one value */
				a[i] = 0.25;
				break;
			case 5: /* subnormals and the largest doubles */
				a[i] = r % 2 ? (double)(r >> 40) * 4.9e-324 : -1.7e308 / (double)(1 + r % 7);
				break;
			case 6: /* many buckets of a few (insertion-sorted) */
				a[i] = (double)(r % 4096) + (double)(r >> 52) / 8192;
				break;
			case 8: /* keys that differ in their 12 lowest bits only */
				a[i] = 1.0 + (double)(r % 4096) * 0x1p-52;
				break;
			default: /* a bucket of equal keys but one, last, a bit below */
				a[i] = i == n - 1 ? nextafter(0.5, 1) : i % 2 ? nextafter(nextafter(0.5, 1), 1)
									  : 2.0 + (double)(r % 1000);
				break;
			}
			if (a[i] == 0)
				a[i] = 0; /* never -0.0 */
			b[i] = a[i];
		}
		assert_int_equal(radix_sort(a, NULL, n), 0);
		assert_int_equal(radix_sort_plain(b, NULL, n), 0);
		if (memcmp(a, b, n * sizeof *a) != 0)
			fail_msg("shape %d: radix and qsort differ", shape);
	}
	free(a);
	free(b);
}

/* The in-place sort (row costs, the rows index): the same order as qsort
 * on every shape, each weight still beside its own score. */
static void test_radix_inplace(void **state)
{
	enum { N = 300000 };
	double *a = malloc(N * sizeof *a), *w = malloc(N * sizeof *w), *orig = malloc(N * sizeof *orig);
	double *b = malloc(N * sizeof *b);
	unsigned char *seen = calloc(N, 1);

	(void)state;
	assert_true(a != NULL && w != NULL && orig != NULL && b != NULL && seen != NULL);
	for (int shape = 0; shape < 4; shape++) {
		size_t n = shape == 3 ? 40 : N; /* 40: the insertion sort */

		for (size_t i = 0; i < n; i++) {
			uint64_t r = next();

			a[i] = shape == 0 ? (double)(r % 1000000) / 1e6 : shape == 1 ? (double)(r >> 11) / 9007199254740992.0 :
			       ((double)(r >> 11) - 4503599627370496.0) * pow(10, (double)(r % 40) - 20);
			if (a[i] == 0)
				a[i] = 0;
			orig[i] = b[i] = a[i];
			w[i] = (double)i; /* the row it came from */
		}
		assert_int_equal(radix_sort_inplace(a, w, n), 0);
		assert_int_equal(radix_sort_plain(b, NULL, n), 0);
		if (memcmp(a, b, n * sizeof *a) != 0)
			fail_msg("shape %d: in-place and qsort differ", shape);
		memset(seen, 0, n);
		for (size_t i = 0; i < n; i++) {
			size_t from = (size_t)w[i];

			assert_true(from < n && !seen[from] && orig[from] == a[i]);
			seen[from] = 1;
		}
	}
	free(a), free(w), free(orig), free(b), free(seen);
}

static void test_radix_simple_mode(void **state)
{
	double a[1000], b[1000];
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		a[i] = b[i] = ((double)(next() % 100000) - 50000) / 7;
	assert_int_equal(radix_sort(a, NULL, 1000), 0);
	assert_int_equal(radix_sort_plain(b, NULL, 1000), 0);
	assert_memory_equal(a, b, sizeof a);
	for (i = 1; i < 1000; i++)
		assert_true(a[i - 1] <= a[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_equals_arrays),
		cmocka_unit_test(test_distinct_runs),
		cmocka_unit_test(test_buffer_and_failure),
		cmocka_unit_test(test_sketch),
		cmocka_unit_test(test_kept_rows),
		cmocka_unit_test(test_two_readers),
		cmocka_unit_test(test_join_ceiling),
		cmocka_unit_test(test_count_limit),
		cmocka_unit_test(test_bins),
		cmocka_unit_test(test_bins_exact_any_order),
		cmocka_unit_test(test_bins_grow_both_ways),
		cmocka_unit_test(test_group_folds),
		cmocka_unit_test(test_radix_simple_mode),
		cmocka_unit_test(test_radix_buckets),
		cmocka_unit_test(test_radix_inplace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
