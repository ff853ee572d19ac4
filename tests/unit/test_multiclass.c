/* test_multiclass: the thresholded decision against its rule, row by row,
 * over random scores with many ties (every tie rule, abstentions), and
 * each class's best F1 threshold against a walk over the rows. */
#include "helpers.h"

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
	assert_int_equal(mc_fixed(&rows, swp, &r), 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thresholded),
		cmocka_unit_test(test_best_f1),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
