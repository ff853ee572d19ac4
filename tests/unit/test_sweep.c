/* test_sweep: sorting, merging, lookups and the threshold-free statistics,
 * on cases small enough to check by hand. */
#include "helpers.h"
#include "core/sort/radix.h"

/* scores: positives 0.9 0.8 0.4 ; negatives 0.7 0.4 0.2 0.1
 * distinct descending: 0.9 0.8 0.7 0.4 0.2 0.1 */
static void build_small(struct sweep *sw)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };

	assert_int_equal(sweep_build(sw, pos, NULL, 3, neg, NULL, 4), 0);
}

static void test_small_by_hand(void **state)
{
	static const double score[] = { 0.9, 0.8, 0.7, 0.4, 0.2, 0.1 };
	static const double cp[] = { 1, 2, 2, 3, 3, 3 };
	static const double cn[] = { 0, 0, 1, 2, 3, 4 };
	struct sweep sw;
	struct confusion c;
	size_t k;

	(void)state;
	build_small(&sw);
	assert_int_equal(sw.n, 6);
	for (k = 0; k < 6; k++) {
		assert_true(sw.score[k] == score[k]);
		assert_true(sweep_pos(&sw, k) == cp[k]);
		assert_true(sweep_neg(&sw, k) == cn[k]);
	}
	assert_true(sw.pos == 3 && sw.neg == 4);
	assert_true(sw.min == 0.1 && sw.max == 0.9 && sw.probabilities);
	/* pairs (pos, neg) ranked right: 0.9 beats 4, 0.8 beats 4, 0.4 beats 2
	 * and ties 1 -> (4 + 4 + 2 + 0.5) / 12 */
	assert_close(sw.roc_auc, 10.5 / 12);
	/* AP: recall steps at 0.9 (P=1), 0.8 (P=1), 0.4 (P=3/5) */
	assert_close(sw.average_precision, (1.0 + 1.0 + 0.6) / 3);
	/* threshold semantics: score >= t is positive */
	c = sweep_at(&sw, 0.4);
	assert_true(c.tp == 3 && c.fp == 2 && c.tn == 2 && c.fn == 0);
	c = sweep_at(&sw, 0.41);
	assert_true(c.tp == 2 && c.fp == 1 && c.tn == 3 && c.fn == 1);
	c = sweep_at(&sw, INFINITY);
	assert_true(c.tp == 0 && c.fp == 0 && c.tn == 4 && c.fn == 3);
	c = sweep_at(&sw, -INFINITY);
	assert_true(c.tp == 3 && c.fp == 4);
	assert_int_equal(sweep_index(&sw, 1.0), 0);
	assert_int_equal(sweep_index(&sw, 0.9), 1);
	assert_int_equal(sweep_index(&sw, 0.1), 6);
	assert_int_equal(sweep_index(&sw, 0.0), 6);
	assert_true(isinf(sweep_threshold(&sw, 0)) && sweep_threshold(&sw, 3) == 0.7);
	assert_true(sweep_default_threshold(&sw) == 0.5);
	sweep_free(&sw);
}

static void test_log_loss_and_brier(void **state)
{
	double pos[] = { 0.8, 1.0 };
	double neg[] = { 0.0, 0.5 };
	struct sweep sw;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 2, neg, NULL, 2), 0);
	/* clipped at 1e-15: p=1 for a positive and p=0 for a negative cost ~1e-15 */
	assert_close(sw.log_loss, (-log(0.8) - log(1 - 1e-15) - log(1 - 1e-15) - log(0.5)) / 4);
	assert_close(sw.brier, (0.04 + 0 + 0 + 0.25) / 4);
	sweep_free(&sw);

	/* logits: no probabilities, no log loss, default threshold 0 */
	{
		double p2[] = { 2.5, -0.5 };
		double n2[] = { -3.0 };

		assert_int_equal(sweep_build(&sw, p2, NULL, 2, n2, NULL, 1), 0);
		assert_false(sw.probabilities);
		assert_true(isnan(sw.log_loss) && isnan(sw.brier));
		assert_true(sweep_default_threshold(&sw) == 0);
		assert_close(sw.roc_auc, 1.0);
		sweep_free(&sw);
	}
}

static void test_ties_and_single_class(void **state)
{
	double pos[] = { 0.5, 0.5 };
	double neg[] = { 0.5, 0.5, 0.5 };
	struct sweep sw;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 2, neg, NULL, 3), 0);
	assert_int_equal(sw.n, 1);
	assert_close(sw.roc_auc, 0.5);
	assert_close(sw.average_precision, 0.4);
	sweep_free(&sw);

	/* no negatives: AUC undefined, AP defined */
	assert_int_equal(sweep_build(&sw, pos, NULL, 2, NULL, NULL, 0), 0);
	assert_true(isnan(sw.roc_auc));
	assert_close(sw.average_precision, 1.0);
	sweep_free(&sw);
	/* no positives: both undefined */
	assert_int_equal(sweep_build(&sw, NULL, NULL, 0, neg, NULL, 3), 0);
	assert_true(isnan(sw.roc_auc) && isnan(sw.average_precision));
	sweep_free(&sw);
}

static void test_weights_equal_repetition(void **state)
{
	double pos[] = { 0.9, 0.3 }, pw[] = { 3, 2 };
	double neg[] = { 0.3, 0.1, 0.9 }, nw[] = { 4, 1, 0.5 };
	double pos2[] = { 0.9, 0.9, 0.9, 0.3, 0.3 };
	double neg2[] = { 0.3, 0.3, 0.3, 0.3, 0.1 };
	struct sweep a, b;

	(void)state;
	assert_int_equal(sweep_build(&a, pos, pw, 2, neg, nw, 3), 0);
	assert_close(a.pos, 5);
	assert_close(a.neg, 5.5);
	/* a negative of weight 0.5 at 0.9: the expanded equivalent needs
	 * halves, so compare against doubled weights instead */
	assert_close(sweep_neg(&a, 0), 0.5);
	sweep_free(&a);

	nw[2] = 0; /* drop it: now integer weights equal repeated rows */
	assert_int_equal(sweep_build(&a, pos, pw, 2, neg, nw, 3), 0);
	assert_int_equal(sweep_build(&b, pos2, NULL, 5, neg2, NULL, 5), 0);
	assert_close(a.roc_auc, b.roc_auc);
	assert_close(a.average_precision, b.average_precision);
	assert_close(a.log_loss, b.log_loss);
	for (size_t k = 0; k < b.n; k++) {
		size_t ka = sweep_index(&a, b.score[k]);

		assert_close(sweep_pos(&a, ka - 1), sweep_pos(&b, k));
		assert_close(sweep_neg(&a, ka - 1), sweep_neg(&b, k));
	}
	sweep_free(&a);
	sweep_free(&b);
}

static int cmp_desc(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? 1 : a > b ? -1 : 0;
}

/* The radix sort against qsort on random data with negatives, zeros,
 * denormals and many ties. */
static void test_radix_against_qsort(void **state)
{
	size_t n = 100000, i, k;
	double *pos = malloc(n * sizeof *pos), *neg = malloc(n * sizeof *neg), *all = malloc(2 * n * sizeof *all);
	uint64_t x = 12345;
	struct sweep sw;

	(void)state;
	for (i = 0; i < 2 * n; i++) {
		double v;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		switch (x % 5) {
		case 0: v = (double)(x % 1000) / 1000; break;           /* ties */
		case 1: v = -((double)(x >> 11) / 9007199254740992.0) * 1e6; break;
		case 2: v = (double)(x >> 11) * 1e-320; break;          /* denormals */
		case 3: v = 0; break;
		default: v = ((double)(x >> 11) - 4503599627370496.0) * 1e-3; break;
		}
		all[i] = v;
		if (i < n)
			pos[i] = v;
		else
			neg[i - n] = v;
	}
	assert_int_equal(sweep_build(&sw, pos, NULL, n, neg, NULL, n), 0);
	qsort(all, 2 * n, sizeof *all, cmp_desc);
	for (i = 0, k = 0; i < 2 * n; i++)
		if (i == 0 || all[i] != all[i - 1]) {
			assert_true(k < sw.n);
			if (sw.score[k] != all[i])
				fail_msg("distinct score %zu: %.17g, expected %.17g", k, sw.score[k], all[i]);
			k++;
		}
	assert_int_equal(k, sw.n);
	assert_true(sweep_pos(&sw, sw.n - 1) == (double)n && sweep_neg(&sw, sw.n - 1) == (double)n);
	sweep_free(&sw);
	free(pos);
	free(neg);
	free(all);
}

/* Turning the scores round is the sweep of the negated scores, built from
 * them, to the bit (counts), and twice is the original. */
static void test_invert(void **state)
{
	double pos[] = { 0.4, 0.9, 0.8, 0.0 }, neg[] = { 0.1, 0.7, 0.2, 0.4, 0.0 };
	double npos[] = { -0.4, -0.9, -0.8, 0.0 }, nneg[] = { -0.1, -0.7, -0.2, -0.4, 0.0 };
	struct sweep sw, want, orig;
	size_t k;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, NULL, 4, neg, NULL, 5), 0);
	assert_int_equal(sweep_build(&orig, pos, NULL, 4, neg, NULL, 5), 0);
	assert_int_equal(sweep_build(&want, npos, NULL, 4, nneg, NULL, 5), 0);
	sweep_invert(&sw);
	assert_true(sw.inverted);
	assert_int_equal(sw.n, want.n);
	for (k = 0; k < sw.n; k++) {
		assert_true(sw.score[k] == want.score[k] && !signbit(sw.score[k]) == !signbit(want.score[k]));
		assert_true(sweep_pos(&sw, k) == sweep_pos(&want, k) && sweep_neg(&sw, k) == sweep_neg(&want, k));
	}
	assert_true(sw.min == want.min && sw.max == want.max && sw.pos == want.pos && sw.neg == want.neg);
	assert_true(sw.roc_auc == want.roc_auc && sw.average_precision == want.average_precision);
	assert_close(sw.roc_auc, 1 - orig.roc_auc);
	/* negated probabilities: the default cut is p <= 0.5 */
	assert_true(sweep_default_threshold(&sw) == -0.5);
	assert_true(isnan(sw.log_loss) && !sw.probabilities);
	sweep_invert(&sw);
	assert_false(sw.inverted);
	for (k = 0; k < sw.n; k++)
		assert_true(sw.score[k] == orig.score[k] && sweep_pos(&sw, k) == sweep_pos(&orig, k) &&
			    sweep_neg(&sw, k) == sweep_neg(&orig, k));
	assert_true(sw.roc_auc == orig.roc_auc && sw.log_loss == orig.log_loss && sw.brier == orig.brier);
	assert_true(sweep_default_threshold(&sw) == 0.5);
	sweep_free(&sw);
	sweep_free(&want);
	sweep_free(&orig);
}

/* Weighted cells are the sums of their own rows: 1e16 next to weights of
 * 0.5 to 3.25 keeps them (TN 5.75, not 1e16 + 5.75 - 1e16 = 6), from the
 * rows and from folded runs; turning the scores round keeps them exactly. */
static void test_weighted_cells(void **state)
{
	double pos[] = { 0.9, 0.05 }, pos_w[] = { 1e16, 2 };
	double neg[] = { 0.8, 0.1, 0.2, 0.3, 0.35 }, neg_w[] = { 1e16, 0.5, 1.25, 3.25, 0.75 };
	double npos[] = { -0.9, -0.05 }, npos_w[] = { 1e16, 2 };
	double nneg[] = { -0.8, -0.1, -0.2, -0.3, -0.35 }, nneg_w[] = { 1e16, 0.5, 1.25, 3.25, 0.75 };
	double *rs = malloc(7 * sizeof *rs), *rp = malloc(7 * sizeof *rp), *rn = malloc(7 * sizeof *rn);
	static const double asc[7] = { 0.05, 0.1, 0.2, 0.3, 0.35, 0.8, 0.9 };
	static const double ap[7] = { 2, 0, 0, 0, 0, 0, 1e16 }, an[7] = { 0, 0.5, 1.25, 3.25, 0.75, 1e16, 0 };
	struct sweep sw, runs, neg_sw;
	struct confusion c, d;
	size_t k;

	(void)state;
	assert_int_equal(sweep_build(&sw, pos, pos_w, 2, neg, neg_w, 5), 0);
	c = sweep_at(&sw, 0.5);
	assert_true(c.tp == 1e16 && c.fp == 1e16 && c.tn == 5.75 && c.fn == 2);
	memcpy(rs, asc, sizeof asc);
	memcpy(rp, ap, sizeof ap);
	memcpy(rn, an, sizeof an);
	assert_int_equal(sweep_build_runs(&runs, rs, rp, rn, 7), 0);
	for (k = 0; k <= 7; k++) {
		c = sweep_confusion(&sw, k);
		d = sweep_confusion(&runs, k);
		assert_true(c.tp == d.tp && c.fp == d.fp && c.tn == d.tn && c.fn == d.fn);
	}
	/* turned round: the sweep of the negated rows, cell for cell */
	assert_int_equal(sweep_build(&neg_sw, npos, npos_w, 2, nneg, nneg_w, 5), 0);
	sweep_invert(&sw);
	for (k = 0; k <= 7; k++) {
		c = sweep_confusion(&sw, k);
		d = sweep_confusion(&neg_sw, k);
		assert_true(c.tp == d.tp && c.fp == d.fp && c.tn == d.tn && c.fn == d.fn);
	}
	c = sweep_at(&sw, -0.5);
	assert_true(c.tn == 1e16 && c.fp == 5.75);
	sweep_invert(&sw);
	c = sweep_at(&sw, 0.5);
	assert_true(c.tp == 1e16 && c.fp == 1e16 && c.tn == 5.75 && c.fn == 2);
	sweep_free(&sw);
	sweep_free(&runs);
	sweep_free(&neg_sw);
}

static double *copy_of(const double *a, size_t n)
{
	double *c = malloc((n ? n : 1) * sizeof *c);

	assert_non_null(c);
	if (n > 0)
		memcpy(c, a, n * sizeof *c);
	return c;
}

/* Two sorted runs of each class (as two readers leave them) give the
 * sweep of their concatenation, to the bit: ties across and within runs
 * (levels distinct scores at most), a run of a class left empty, negative
 * scores.  The sweep frees the runs as it merges: with many distinct scores
 * it gives their memory back many times on the way (ASan sees any read of
 * what it gave back); with many rows a score the merge is split between two
 * threads.  Either way the same as one walk over weighted rows. */
static void check_sorted_runs(size_t n, unsigned levels)
{
	double *pos = malloc(n * sizeof *pos), *neg = malloc(n * sizeof *neg);
	double *p1 = malloc(n * sizeof *p1), *p2 = malloc(n * sizeof *p2);
	double *n1 = malloc(n * sizeof *n1), *n2 = malloc(n * sizeof *n2);
	size_t np = 0, nn = 0, a = 0, b = 0, c = 0, d = 0, k;
	unsigned x = 12345;
	struct sweep whole, runs, ref;

	assert_true(pos && neg && p1 && p2 && n1 && n2);
	for (k = 0; k < n; k++) {
		double sc;

		x = x * 1103515245u + 12345u;
		sc = (double)((x >> 4) % levels) / (levels / 5.0) - 1.0;
		if ((x >> 20) % 3 == 0) {
			pos[np++] = sc;
			if (k < n / 2)
				p1[a++] = sc;
			else
				p2[b++] = sc;
		} else {
			neg[nn++] = sc;
			if (k < n / 2 || k == n - 1) /* the second run of negatives: not empty */
				n1[c++] = sc;
			else if (k % 7 == 0)
				n2[d++] = sc;
			else
				n1[c++] = sc;
		}
	}
	/* the reference: every row weighing 1.0, merged in one walk (weights:
	 * never split between threads), from copies (sweep_build sorts) */
	{
		double *ones = malloc((np > nn ? np : nn) * sizeof *ones), *pc = copy_of(pos, np), *nc = copy_of(neg, nn);

		assert_non_null(ones);
		for (k = 0; k < (np > nn ? np : nn); k++)
			ones[k] = 1;
		assert_int_equal(sweep_build(&ref, pc, ones, np, nc, ones, nn), 0);
		free(ones), free(pc), free(nc);
	}
	assert_int_equal(sweep_build(&whole, pos, NULL, np, neg, NULL, nn), 0);
	assert_non_null(whole.count_pos); /* unweighted: 4-byte counts */
	assert_null(whole.cum_pos);
	assert_int_equal(radix_sort(p1, NULL, a), 0);
	assert_int_equal(radix_sort(p2, NULL, b), 0);
	assert_int_equal(radix_sort(n1, NULL, c), 0);
	assert_int_equal(radix_sort(n2, NULL, d), 0);
	/* one class in the second run only (copies: the sweep frees them) */
	assert_int_equal(sweep_build_sorted(&runs, (double *[2]){ NULL, copy_of(p2, b) }, (const size_t[2]){ 0, b },
					    (double *[2]){ NULL, NULL }, (const size_t[2]){ 0, 0 }), 0);
	assert_true(runs.pos == (double)b && runs.neg == 0 && isnan(runs.roc_auc));
	assert_true(runs.max == p2[b - 1] && runs.min == p2[0]);
	sweep_free(&runs);
	assert_int_equal(sweep_build_sorted(&runs, (double *[2]){ p1, p2 }, (const size_t[2]){ a, b },
					    (double *[2]){ n1, n2 }, (const size_t[2]){ c, d }), 0);
	assert_int_equal(runs.n, whole.n);
	assert_true(runs.n <= levels && runs.n > (n < levels ? n : levels) / 2);
	assert_memory_equal(runs.score, whole.score, whole.n * sizeof *whole.score);
	assert_memory_equal(runs.count_pos, whole.count_pos, whole.n * sizeof *whole.count_pos);
	assert_memory_equal(runs.count_neg, whole.count_neg, whole.n * sizeof *whole.count_neg);
	assert_true(runs.roc_auc == whole.roc_auc && runs.average_precision == whole.average_precision);
	assert_true(runs.min == whole.min && runs.max == whole.max && runs.pos == whole.pos && runs.neg == whole.neg);
	/* and what the one-walk merge of weighted rows gives, to the bit */
	assert_int_equal(runs.n, ref.n);
	assert_memory_equal(runs.score, ref.score, ref.n * sizeof *ref.score);
	for (k = 0; k < ref.n; k++)
		if (sweep_pos(&runs, k) != sweep_pos(&ref, k) || sweep_neg(&runs, k) != sweep_neg(&ref, k))
			fail_msg("counts differ at %zu", k);
	assert_true(runs.roc_auc == ref.roc_auc && runs.average_precision == ref.average_precision);
	sweep_free(&runs);
	sweep_free(&whole);
	sweep_free(&ref);
	free(pos);
	free(neg);
}

static void test_sorted_runs(void **state)
{
	(void)state;
	check_sorted_runs(4000, 500);
	check_sorted_runs(1000000, 1u << 27);   /* all but distinct: one walk */
	check_sorted_runs(1500000, 100000);     /* many rows a score: split in two */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_by_hand),
		cmocka_unit_test(test_invert),
		cmocka_unit_test(test_weighted_cells),
		cmocka_unit_test(test_log_loss_and_brier),
		cmocka_unit_test(test_ties_and_single_class),
		cmocka_unit_test(test_weights_equal_repetition),
		cmocka_unit_test(test_radix_against_qsort),
		cmocka_unit_test(test_sorted_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
