/* test_multiclass: the thresholded decision against its rule, row by row,
 * over random scores with many ties (every tie rule, abstentions), and
 * each class's best F1 threshold against a walk over the rows. */
#include "helpers.h"

#include "core/stats/mcfocus.h"
#include "core/stats/multiclass.h"
#include "core/stats/optimize.h"

#include <stdlib.h>
#include <string.h>

#define N 300
#define K 4

static uint64_t rng = 88172645463325252ULL;

static unsigned next(unsigned m)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % m);
}

/* Scores in steps of 1/8: ties within a row and across rows. */
static void make_rows(uint32_t *label, double *score, double *weight)
{
	for (size_t i = 0; i < N; i++) {
		label[i] = next(K - 1); /* class K-1 has no rows */
		weight[i] = 1 + next(3);
		for (size_t c = 0; c < K; c++)
			score[i * K + c] = next(9) / 8.0;
	}
}

static void build_sweeps(const struct mc_rows *rows, struct sweep *sw)
{
	for (size_t c = 0; c < K; c++) {
		double *pos = malloc(N * sizeof *pos), *neg = malloc(N * sizeof *neg);
		double *pw = malloc(N * sizeof *pw), *nw = malloc(N * sizeof *nw);
		size_t p = 0, q = 0;

		assert_non_null(pos), assert_non_null(neg), assert_non_null(pw), assert_non_null(nw);
		for (size_t i = 0; i < N; i++) {
			if (rows->label[i] == c)
				pw[p] = rows->weight[i], pos[p++] = rows->score[i * K + c];
			else
				nw[q] = rows->weight[i], neg[q++] = rows->score[i * K + c];
		}
		assert_int_equal(sweep_build(&sw[c], pos, pw, p, neg, nw, q), 0);
		free(pos), free(neg), free(pw), free(nw);
	}
}

/* The rule, said another way: the chosen class is at or above its
 * threshold, and every other class that is scores lower, or the same
 * from a later column; none chosen only when no class is at or above. */
static void check_row(const double *s, const double *t, size_t chosen)
{
	size_t c;

	if (chosen == K) {
		for (c = 0; c < K; c++)
			assert_true(s[c] < t[c]);
		return;
	}
	assert_true(s[chosen] >= t[chosen]);
	for (c = 0; c < K; c++)
		if (c != chosen && s[c] >= t[c])
			assert_true(s[c] < s[chosen] || (s[c] == s[chosen] && c > chosen));
}

static void test_thresholded(void **state)
{
	uint32_t label[N];
	double score[N * K], weight[N];
	struct mc_rows rows = { N, K, label, score, weight };
	struct sweep sw[K];
	const struct sweep *swp[K];
	struct mc_result r;
	int trial;

	(void)state;
	make_rows(label, score, weight);
	build_sweeps(&rows, sw);
	for (size_t c = 0; c < K; c++)
		swp[c] = &sw[c];
	assert_int_equal(mc_fixed(&rows, swp, NULL, &r), 0);
	for (trial = 0; trial < 200; trial++) {
		double t[K], cell[K][K + 1] = { { 0 } }, none = 0, total = 0;
		size_t c, i;

		for (c = 0; c < K; c++) /* on the score grid (ties at the threshold) and off it */
			t[c] = trial % 3 == 0 ? next(10) / 8.0 : next(1000) / 900.0;
		mc_at(&rows, swp, t, &r);
		for (i = 0; i < N; i++) {
			size_t p = mc_thresholded(score + i * K, t, K);

			check_row(score + i * K, t, p);
			cell[label[i]][p] += weight[i];
			none += p == K ? weight[i] : 0;
			total += weight[i];
		}
		for (c = 0; c < K; c++)
			for (i = 0; i <= K; i++)
				assert_close(r.thresholded.cell[c * (K + 1) + i], cell[c][i]);
		assert_close(r.abstained, none);
		assert_close(r.total, total);
		/* each class's own figures at its threshold, from the rows */
		for (c = 0; c < K; c++) {
			double tp = 0, fp = 0;

			for (i = 0; i < N; i++)
				if (score[i * K + c] >= t[c])
					*(label[i] == c ? &tp : &fp) += weight[i];
			assert_close(r.cls[c].c.tp, tp);
			assert_close(r.cls[c].c.fp, fp);
		}
		assert_true(isnan(r.cls[K - 1].recall) && isnan(r.cls[K - 1].roc_auc));
	}
	/* argmax ties go to the first column */
	{
		double s[K] = { 0.25, 0.5, 0.5, 0.5 }, none[K] = { 1, 1, 1, 1 };

		assert_int_equal(mc_argmax(s, K), 1);
		assert_int_equal(mc_thresholded(s, none, K), K);
	}
	mc_free(&r);
	for (size_t c = 0; c < K; c++)
		sweep_free(&sw[c]);
}

static void test_best_f1(void **state)
{
	uint32_t label[N];
	double score[N * K], weight[N];
	struct mc_rows rows = { N, K, label, score, weight };
	struct sweep sw[K];
	struct optimize_spec spec = optimize_defaults(OBJ_F1);

	(void)state;
	make_rows(label, score, weight);
	build_sweeps(&rows, sw);
	for (size_t c = 0; c + 1 < K; c++) {
		struct optimum best;
		double best_v = -1, best_t = 0;

		/* every candidate from the top: the highest threshold wins ties */
		for (int g = 9; g >= -1; g--) {
			double t = g == 9 ? 1.0 / 0.0 : g / 8.0, tp = 0, fp = 0, fn = 0, v;

			for (size_t i = 0; i < N; i++) {
				bool flag = score[i * K + c] >= t, pos = label[i] == c;

				tp += flag && pos ? weight[i] : 0;
				fp += flag && !pos ? weight[i] : 0;
				fn += !flag && pos ? weight[i] : 0;
			}
			v = 2 * tp / (2 * tp + fp + fn);
			if (g >= 0 && v > best_v)
				best_v = v, best_t = t;
		}
		assert_int_equal(optimize_run(&sw[c], &spec, &best), 0);
		assert_close(best.value, best_v);
		assert_close(best.threshold, best_t);
	}
	for (size_t c = 0; c < K; c++)
		sweep_free(&sw[c]);
}

/* The slider's matrix (one class moving, from checkpoints) equals the
 * decision made row by row, at thresholds on and off the scores, over
 * several checkpoint blocks, weighted and not. */
static void test_focus(void **state)
{
	enum { BIG = 20000, KB = 3 };
	uint32_t *label = malloc(BIG * sizeof *label);
	double *score = malloc(BIG * KB * sizeof *score), *weight = malloc(BIG * sizeof *weight);
	double t[KB] = { 0.5, 0.375, 0.625 }, cell[KB * (KB + 1)];

	(void)state;
	assert_non_null(label), assert_non_null(score), assert_non_null(weight);
	for (size_t i = 0; i < BIG; i++) {
		label[i] = next(KB);
		weight[i] = 1 + next(4) * 0.25;
		for (size_t c = 0; c < KB; c++)
			score[i * KB + c] = next(41) / 40.0;
	}
	for (int weighted = 0; weighted < 2; weighted++) {
		struct mc_rows rows = { BIG, KB, label, score, weighted ? weight : NULL };

		for (size_t c = 0; c < KB; c++) {
			struct mcfocus f;

			assert_int_equal(mcfocus_build(&f, &rows, t, c), 0);
			assert_true(f.m > 2 * MCFOCUS_STRIDE);
			for (int trial = 0; trial < 60; trial++) {
				double tt[KB], want[KB * (KB + 1)] = { 0 };

				memcpy(tt, t, sizeof tt);
				tt[c] = trial == 0 ? -1 : trial == 1 ? 2 : trial % 2 ? next(42) / 40.0 : next(1000) / 999.0;
				for (size_t i = 0; i < BIG; i++)
					want[label[i] * (KB + 1) + mc_thresholded(score + i * KB, tt, KB)] +=
						weighted ? weight[i] : 1;
				mcfocus_matrix(&f, tt[c], cell);
				for (size_t j = 0; j < KB * (KB + 1); j++)
					assert_close(cell[j], want[j]);
			}
			mcfocus_free(&f);
		}
	}
	free(label), free(score), free(weight);
}

/* The sweeps from the rows' columns (one sort each, mc_sweeps) equal
 * those built from each class's arrays, and the one-vs-one sums from the
 * same sorts give what the rows give again. */
static void test_sweeps_from_rows(void **state)
{
	uint32_t label[N];
	double score[N * K], weight[N], u[K * K];
	struct sweep a[K], b[K];
	const struct sweep *pa[K], *pb[K];
	struct mc_result ra, rb;

	(void)state;
	make_rows(label, score, weight);
	for (int weighted = 0; weighted < 2; weighted++) {
		struct mc_rows rows = { N, K, label, score, weighted ? weight : NULL };
		struct mc_rows wrows = { N, K, label, score, weight };

		if (weighted)
			build_sweeps(&wrows, a);
		else {
			double ones[N];

			for (size_t i = 0; i < N; i++)
				ones[i] = 1;
			wrows.weight = ones;
			build_sweeps(&wrows, a);
		}
		assert_int_equal(mc_sweeps(&rows, b, u), 0);
		for (size_t c = 0; c < K; c++) {
			pa[c] = &a[c], pb[c] = &b[c];
			assert_int_equal(a[c].n, b[c].n);
			for (size_t j = 0; j < a[c].n; j++) {
				assert_true(a[c].score[j] == b[c].score[j]);
				assert_close(sweep_pos(&a[c], j), sweep_pos(&b[c], j));
				assert_close(sweep_neg(&a[c], j), sweep_neg(&b[c], j));
			}
			if (c < K - 1)
				assert_close(a[c].roc_auc, b[c].roc_auc);
		}
		assert_int_equal(mc_fixed(&rows, pa, NULL, &ra), 0);
		assert_int_equal(mc_fixed(&rows, pb, u, &rb), 0);
		assert_close(ra.ovo_macro, rb.ovo_macro);
		assert_close(ra.ovo_weighted, rb.ovo_weighted);
		assert_close(ra.micro.roc_auc, rb.micro.roc_auc);
		mc_free(&ra), mc_free(&rb);
		for (size_t c = 0; c < K; c++)
			sweep_free(&a[c]), sweep_free(&b[c]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thresholded),
		cmocka_unit_test(test_best_f1),
		cmocka_unit_test(test_focus),
		cmocka_unit_test(test_sweeps_from_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
