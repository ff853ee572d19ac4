/*
 * multiclass: the figures of K one-vs-rest sweeps taken together, and the
 * two decisions the K score columns make.  See multiclass.h for what each
 * figure is; scikit-learn's definitions, checked by the reference tests.
 */
#include "core/stats/multiclass.h"

#include "core/base/ksum.h"
#include "core/sort/radix.h"
#include "core/stats/metrics.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static double row_weight(const struct mc_rows *rows, size_t i)
{
	return rows->weight != NULL ? rows->weight[i] : 1;
}

size_t mc_argmax(const double *score, size_t k)
{
	size_t best = 0;

	for (size_t c = 1; c < k; c++)
		if (score[c] > score[best])
			best = c; /* a tie keeps the first, as numpy's argmax */
	return best;
}

size_t mc_thresholded(const double *score, const double *thresholds, size_t k)
{
	size_t best = k;

	for (size_t c = 0; c < k; c++)
		if (score[c] >= thresholds[c] && (best == k || score[c] > score[best]))
			best = c;
	return best;
}

/* ---- the argmax decision's scores ------------------------------------------ */

void mc_matrix_scores(const struct mc_matrix *m, struct mc_scores *s)
{
	size_t k = m->k, i, j, classes = 0, labels = 0;
	double total = 0, diag = 0, recall_sum = 0, f1_sum = 0, dot_tp = 0, dot_tt = 0, dot_pp = 0;

	for (i = 0; i < k; i++) {
		double row = 0, col = 0, tp = m->cell[i * m->cols + i];

		for (j = 0; j < k; j++) {
			row += m->cell[i * m->cols + j];
			col += m->cell[j * m->cols + i];
		}
		total += row;
		diag += tp;
		dot_tp += row * col;
		dot_tt += row * row;
		dot_pp += col * col;
		if (row > 0) {
			classes++;
			recall_sum += tp / row;
		}
		/* f1 over the labels that are actual or predicted; 2tp + fp + fn > 0 there */
		if (row > 0 || col > 0) {
			labels++;
			f1_sum += 2 * tp / (row + col);
		}
	}
	s->accuracy = total > 0 ? diag / total : NAN;
	s->balanced_accuracy = classes > 0 ? recall_sum / (double)classes : NAN;
	s->f1_macro = labels > 0 ? f1_sum / (double)labels : NAN;
	{
		double pe = total > 0 ? dot_tp / (total * total) : NAN;

		s->cohen_kappa = total > 0 && pe != 1 ? (diag / total - pe) / (1 - pe) : NAN;
	}
	{
		/* Gorodkin's R_K, as scikit-learn computes it (0 when a side is constant) */
		double cov_ytyp = diag * total - dot_tp, cov_ypyp = total * total - dot_pp, cov_ytyt = total * total - dot_tt;

		s->mcc = total > 0 ? (cov_ypyp * cov_ytyt == 0 ? 0 : cov_ytyp / sqrt(cov_ytyt * cov_ypyp)) : NAN;
	}
}

/* ---- threshold-free figures -------------------------------------------------- */

static void mean_of(struct mc_result *r, size_t off, double *macro, double *weighted)
{
	double sum = 0, wsum = 0, wtot = 0;
	size_t n = 0;

	for (size_t c = 0; c < r->k; c++) {
		const struct mc_class *cl = &r->cls[c];
		double v = *(const double *)((const char *)cl + off);

		if (!(cl->positives > 0))
			continue;
		sum += v;
		wsum += v * cl->positives;
		wtot += cl->positives;
		n++;
	}
	*macro = n > 0 ? sum / (double)n : NAN;
	*weighted = wtot > 0 ? wsum / wtot : NAN;
}

/* Class c's own weight at its j-th distinct score (from the top). */
static double step_pos(const struct sweep *sw, size_t j)
{
	return sweep_pos(sw, j) - (j > 0 ? sweep_pos(sw, j - 1) : 0);
}

static double step_neg(const struct sweep *sw, size_t j)
{
	return sweep_neg(sw, j) - (j > 0 ? sweep_neg(sw, j - 1) : 0);
}

/* A heap of the classes by the score at their head, highest on top. */
static bool above(const struct sweep *const *sw, const size_t *at, size_t a, size_t b)
{
	return sw[a]->score[at[a]] > sw[b]->score[at[b]];
}

static void sift(const struct sweep *const *sw, const size_t *at, size_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, top = i, t;

		if (l < n && above(sw, at, heap[l], heap[top]))
			top = l;
		if (r < n && above(sw, at, heap[r], heap[top]))
			top = r;
		if (top == i)
			return;
		t = heap[i], heap[i] = heap[top], heap[top] = t;
		i = top;
	}
}

/* micro AUC and AP: those of the n x k one-hot cells (a row's own class's
 * cell positive, the others negative), whose distinct scores are the
 * classes' sweeps merged: walked from the top, a group at a time, as a
 * sweep would (ties count half; AP steps at each distinct score), with no
 * cell copied or sorted again.  0, or -1 when out of memory. */
static int micro_curve(const struct sweep *const *sw, size_t k, struct mc_result *r)
{
	size_t *at = calloc(k, sizeof *at), *heap = malloc(k * sizeof *heap), n = 0, c;
	double pos = 0, neg = 0, auc = 0, ap = 0;
	struct ksum tp = { 0, 0 }, fp = { 0, 0 };

	if (at == NULL || heap == NULL) {
		free(at), free(heap);
		return -1;
	}
	for (c = 0; c < k; c++) {
		pos += sw[c]->pos, neg += sw[c]->neg;
		if (sw[c]->n > 0)
			heap[n++] = c; /* a heap past 8 classes; below, a list */
	}
	for (size_t i = n; i-- > 0;)
		sift(sw, at, heap, n, i);
	while (n > 0) {
		double s = sw[heap[0]]->score[at[heap[0]]], wp = 0, wn = 0, tp_above = ksum_get(&tp), t;

		if (k <= 8) {
			/* few classes: each head looked at, no heap to keep */
			for (size_t i = 0; i < n; i++)
				if (sw[heap[i]]->score[at[heap[i]]] > s)
					s = sw[heap[i]]->score[at[heap[i]]];
			for (size_t i = 0; i < n;) {
				c = heap[i];
				if (sw[c]->score[at[c]] != s) {
					i++;
					continue;
				}
				wp += step_pos(sw[c], at[c]), wn += step_neg(sw[c], at[c]);
				if (++at[c] == sw[c]->n)
					heap[i] = heap[--n];
				else
					i++;
			}
		} else {
			while (n > 0 && sw[heap[0]]->score[at[heap[0]]] == s) {
				c = heap[0];
				wp += step_pos(sw[c], at[c]), wn += step_neg(sw[c], at[c]);
				if (++at[c] == sw[c]->n)
					heap[0] = heap[--n];
				sift(sw, at, heap, n, 0);
			}
		}
		if (pos > 0 && neg > 0)
			auc += (wn / neg) * ((tp_above + wp / 2) / pos);
		ksum_add(&tp, wp);
		ksum_add(&fp, wn);
		t = ksum_get(&tp);
		if (wp > 0)
			ap += wp * (t / (t + ksum_get(&fp)));
	}
	r->micro.roc_auc = pos > 0 && neg > 0 ? auc : NAN;
	r->micro.average_precision = pos > 0 ? ap / pos : NAN;
	free(at), free(heap);
	return 0;
}

/* one_vs_one's sorted companions: the class, or with weights the row */
static uint32_t class_at_sorted(const struct mc_rows *rows, double x)
{
	return rows->weight != NULL ? rows->label[(size_t)x] : (uint32_t)x;
}

static double weight_at_sorted(const struct mc_rows *rows, double x)
{
	return rows->weight != NULL ? rows->weight[(size_t)x] : 1;
}

/* Column a sorted ascending (s, with its companions idx): adds to u[a k +
 * b] the weight of pairs (a row of a, a row of b) it ranks the right way,
 * ties half.  Each tie group of a's rows is credited against every class
 * below it: O(n + n_a k).  group and below are k zeros, left so. */
static void ovo_column(const struct mc_rows *rows, size_t a, const double *s, const double *idx, double *u,
		       double *group, double *below)
{
	size_t n = rows->n, k = rows->k, i, j, b;

	for (i = 0; i < n; i = j) {
		for (j = i; j < n && s[j] == s[i]; j++)
			group[class_at_sorted(rows, idx[j])] += weight_at_sorted(rows, idx[j]);
		if (group[a] > 0)
			for (b = 0; b < k; b++)
				u[a * k + b] += group[a] * (below[b] + 0.5 * group[b]);
		for (size_t t = i; t < j; t++) {
			uint32_t c = class_at_sorted(rows, idx[t]);

			below[c] += group[c];
			group[c] = 0;
		}
	}
	memset(below, 0, k * sizeof *below);
}

/* Column a's scores ascending in s, beside each its class (or, with
 * weights, its row) in idx.  0, or -1 when out of memory. */
static int sort_column(const struct mc_rows *rows, size_t a, double *s, double *idx)
{
	for (size_t i = 0; i < rows->n; i++) {
		s[i] = rows->score[i * rows->k + a];
		idx[i] = rows->weight != NULL ? (double)i : (double)rows->label[i]; /* exact: n < 2^53 */
	}
	return radix_sort(s, idx, rows->n);
}

/* One-vs-one (Hand and Till) from u: for every pair of classes that
 * occur, the mean of A(a|b) and A(b|a); macro is their mean, weighted
 * weights each pair by its rows. */
static void ovo_means(const double *u, struct mc_result *r)
{
	size_t k = r->k, pairs = 0;
	double sum = 0, wsum = 0, wtot = 0;

	for (size_t a = 0; a < k; a++)
		for (size_t b = a + 1; b < k; b++) {
			double na = r->cls[a].positives, nb = r->cls[b].positives, auc;

			if (!(na > 0 && nb > 0))
				continue;
			auc = (u[a * k + b] + u[b * k + a]) / (2 * na * nb);
			sum += auc;
			wsum += auc * (na + nb);
			wtot += na + nb;
			pairs++;
		}
	r->ovo_macro = pairs > 0 ? sum / (double)pairs : NAN;
	r->ovo_weighted = pairs > 0 ? wsum / wtot : NAN;
}

/* u from the rows, a sort a column (when mc_sweeps did not give it). */
static int one_vs_one(const struct mc_rows *rows, struct mc_result *r)
{
	size_t n = rows->n, k = rows->k;
	double *s = malloc((n ? n : 1) * sizeof *s), *idx = malloc((n ? n : 1) * sizeof *idx);
	double *below = calloc(k, sizeof *below), *group = calloc(k, sizeof *group), *u = calloc(k * k, sizeof *u);
	int rc = -1;

	if (s == NULL || idx == NULL || below == NULL || group == NULL || u == NULL)
		goto out;
	for (size_t a = 0; a < k; a++) {
		if (!(r->cls[a].positives > 0))
			continue;
		if (sort_column(rows, a, s, idx) < 0)
			goto out;
		ovo_column(rows, a, s, idx, u, group, below);
	}
	ovo_means(u, r);
	rc = 0;
out:
	free(s), free(idx), free(below), free(group), free(u);
	return rc;
}

/* Class a's sweep from its column sorted (s, idx): the rows of a and the
 * others in two ascending runs (one more sort with weights). */
static int column_sweep(const struct mc_rows *rows, size_t a, const double *s, const double *idx, struct sweep *sw)
{
	size_t n = rows->n, np = 0, nn = 0, i;
	double *pos, *neg, *pw = NULL, *nw = NULL;

	for (i = 0; i < n; i++)
		np += class_at_sorted(rows, idx[i]) == a;
	pos = malloc((np ? np : 1) * sizeof *pos);
	neg = malloc((n - np ? n - np : 1) * sizeof *neg);
	if (rows->weight != NULL) {
		pw = malloc((np ? np : 1) * sizeof *pw);
		nw = malloc((n - np ? n - np : 1) * sizeof *nw);
	}
	if (pos == NULL || neg == NULL || (rows->weight != NULL && (pw == NULL || nw == NULL))) {
		free(pos), free(neg), free(pw), free(nw);
		return -1;
	}
	for (i = 0, np = 0; i < n; i++) {
		bool mine = class_at_sorted(rows, idx[i]) == a;

		if (rows->weight != NULL)
			*(mine ? &pw[np] : &nw[nn]) = weight_at_sorted(rows, idx[i]);
		if (mine)
			pos[np++] = s[i];
		else
			neg[nn++] = s[i];
	}
	if (rows->weight == NULL)
		return sweep_build_sorted(sw, (double *[2]){ pos, NULL }, (const size_t[2]){ np, 0 },
					  (double *[2]){ neg, NULL }, (const size_t[2]){ nn, 0 });
	{
		int rc = sweep_build(sw, pos, pw, np, neg, nw, nn);

		free(pos), free(neg), free(pw), free(nw);
		return rc;
	}
}

/* Pairs (x from a, y from b), both ascending, with y < x; ties half. */
static double pairs_below(const double *a, size_t na, const double *b, size_t nb)
{
	size_t lo = 0, hi = 0;
	double sum = 0;

	for (size_t i = 0; i < na; i++) {
		while (lo < nb && b[lo] < a[i])
			lo++;
		if (hi < lo)
			hi = lo;
		while (hi < nb && b[hi] <= a[i])
			hi++;
		sum += (double)lo + 0.5 * (double)(hi - lo);
	}
	return sum;
}

/* Two ascending runs into one. */
static void merge2(const double *a, size_t na, const double *b, size_t nb, double *out)
{
	size_t i = 0, j = 0, o = 0;

	while (i < na && j < nb)
		out[o++] = b[j] < a[i] ? b[j++] : a[i++];
	while (i < na)
		out[o++] = a[i++];
	while (j < nb)
		out[o++] = b[j++];
}

/* Unweighted rows: column a's scores by class (class b's in seg from
 * off[b]), each class's sorted in place: no companion to carry, and small
 * sorts.  The one-vs-one sums merge a's with each other class's; the
 * sweep takes a's and the others' merged (sorted again past two).  0, or
 * -1 when out of memory. */
static int segment_column(const struct mc_rows *rows, size_t a, double *seg, const size_t *off, size_t *at, double *u,
			  struct sweep *sw)
{
	size_t n = rows->n, k = rows->k, na = off[a + 1] - off[a], nn = n - na, b, o;
	double *pos, *neg;

	memcpy(at, off, k * sizeof *at);
	for (size_t i = 0; i < n; i++)
		seg[at[rows->label[i]]++] = rows->score[i * k + a];
	for (b = 0; b < k; b++)
		if (radix_sort(seg + off[b], NULL, off[b + 1] - off[b]) < 0)
			return -1;
	for (b = 0; b < k; b++)
		if (b != a)
			u[a * k + b] = pairs_below(seg + off[a], na, seg + off[b], off[b + 1] - off[b]);
	pos = malloc((na ? na : 1) * sizeof *pos);
	neg = malloc((nn ? nn : 1) * sizeof *neg);
	if (pos == NULL || neg == NULL) {
		free(pos), free(neg);
		return -1;
	}
	memcpy(pos, seg + off[a], na * sizeof *pos);
	if (k == 3) {
		size_t b0 = a == 0 ? 1 : 0, b1 = a == 2 ? 1 : 2;

		merge2(seg + off[b0], off[b0 + 1] - off[b0], seg + off[b1], off[b1 + 1] - off[b1], neg);
	} else {
		for (b = 0, o = 0; b < k; o += b == a ? 0 : off[b + 1] - off[b], b++)
			if (b != a)
				memcpy(neg + o, seg + off[b], (off[b + 1] - off[b]) * sizeof *neg);
		if (k > 2 && radix_sort(neg, NULL, nn) < 0) {
			free(pos), free(neg);
			return -1;
		}
	}
	return sweep_build_sorted(sw, (double *[2]){ pos, NULL }, (const size_t[2]){ na, 0 },
				  (double *[2]){ neg, NULL }, (const size_t[2]){ nn, 0 });
}

/* One thread's share of mc_sweeps: the columns from first, every step-th,
 * with buffers of its own (u's row a and sw[a] are column a's alone). */
struct sweeps_job {
	const struct mc_rows *rows;
	struct sweep *sw;
	double *u;
	const size_t *off;              /* unweighted: where each class's rows start (k + 1) */
	size_t first, step;
	bool *built;                    /* k: which sweeps exist */
	int rc;
};

static void *sweeps_work(void *arg)
{
	struct sweeps_job *j = arg;
	size_t n = j->rows->n, k = j->rows->k;
	bool weighted = j->rows->weight != NULL;
	double *s = malloc((n ? n : 1) * sizeof *s), *idx = weighted ? malloc((n ? n : 1) * sizeof *idx) : NULL;
	double *below = calloc(k, sizeof *below), *group = calloc(k, sizeof *group);
	size_t *at = calloc(k, sizeof *at);

	j->rc = -1;
	if (s != NULL && (!weighted || idx != NULL) && below != NULL && group != NULL && at != NULL) {
		size_t a;

		for (a = j->first; a < k; a += j->step) {
			if (!weighted) {
				if (segment_column(j->rows, a, s, j->off, at, j->u, &j->sw[a]) < 0)
					break;
			} else {
				if (sort_column(j->rows, a, s, idx) < 0)
					break;
				ovo_column(j->rows, a, s, idx, j->u, group, below);
				if (column_sweep(j->rows, a, s, idx, &j->sw[a]) < 0)
					break;
			}
			j->built[a] = true;
		}
		if (a >= k)
			j->rc = 0;
	}
	free(s), free(idx), free(below), free(group), free(at);
	return NULL;
}

/* Two threads, a column each in turn: each column's sort is the work. */
int mc_sweeps(const struct mc_rows *rows, struct sweep *sw, double *u)
{
	size_t k = rows->k, a;
	bool *built = calloc(k, sizeof *built);
	size_t *off = calloc(k + 1, sizeof *off);
	struct sweeps_job jobs[2];
	pthread_t thread;
	bool two;
	int rc;

	if (built == NULL || off == NULL) {
		free(built), free(off);
		return -1;
	}
	memset(u, 0, k * k * sizeof *u);
	for (size_t i = 0; i < rows->n; i++)
		off[rows->label[i] + 1]++;
	for (a = 0; a < k; a++)
		off[a + 1] += off[a];
	for (a = 0; a < 2; a++)
		jobs[a] = (struct sweeps_job){ rows, sw, u, off, a, 2, built, -1 };
	two = k > 1 && pthread_create(&thread, NULL, sweeps_work, &jobs[1]) == 0;
	if (!two)
		jobs[0].step = 1; /* no second thread: this one does every column */
	sweeps_work(&jobs[0]);
	if (two)
		pthread_join(thread, NULL);
	rc = jobs[0].rc < 0 || (two && jobs[1].rc < 0) ? -1 : 0;
	for (a = 0; rc < 0 && a < k; a++)
		if (built[a])
			sweep_free(&sw[a]);
	free(built), free(off);
	return rc;
}

static void argmax_matrix(const struct mc_rows *rows, struct mc_result *r)
{
	for (size_t i = 0; i < rows->n; i++) {
		size_t p = mc_argmax(rows->score + i * rows->k, rows->k);

		r->argmax.cell[rows->label[i] * rows->k + p] += row_weight(rows, i);
	}
	mc_matrix_scores(&r->argmax, &r->argmax_scores);
}

int mc_fixed(const struct mc_rows *rows, const struct sweep *const *sw, const double *u, struct mc_result *r)
{
	size_t k = rows->k, c;

	memset(r, 0, sizeof *r);
	r->k = k;
	r->cls = calloc(k, sizeof *r->cls);
	r->argmax = (struct mc_matrix){ k, k, calloc(k * k, sizeof(double)) };
	r->thresholded = (struct mc_matrix){ k, k + 1, calloc(k * (k + 1), sizeof(double)) };
	if (r->cls == NULL || r->argmax.cell == NULL || r->thresholded.cell == NULL)
		goto oom;
	for (c = 0; c < k; c++) {
		struct mc_class *cl = &r->cls[c];

		cl->positives = sw[c]->pos;
		cl->negatives = sw[c]->neg;
		cl->roc_auc = cl->positives > 0 ? sw[c]->roc_auc : NAN;
		cl->average_precision = cl->positives > 0 ? sw[c]->average_precision : NAN;
		if (cl->positives > 0)
			r->occurring++;
	}
	r->total = sw[0]->pos + sw[0]->neg;
	mean_of(r, offsetof(struct mc_class, roc_auc), &r->macro.roc_auc, &r->weighted.roc_auc);
	mean_of(r, offsetof(struct mc_class, average_precision), &r->macro.average_precision,
		&r->weighted.average_precision);
	if (micro_curve(sw, k, r) < 0)
		goto oom;
	if (u != NULL)
		ovo_means(u, r);
	else if (one_vs_one(rows, r) < 0)
		goto oom;
	argmax_matrix(rows, r);
	return 0;
oom:
	mc_free(r);
	return -1;
}

/* ---- at the thresholds ------------------------------------------------------- */

static void class_at(struct mc_class *cl, const struct sweep *sw, double t)
{
	cl->threshold = t;
	cl->c = sweep_at(sw, t);
	if (!(cl->positives > 0)) {
		cl->precision = cl->recall = cl->specificity = cl->f1 = NAN;
		return;
	}
	cl->precision = metrics_value(METRIC_PRECISION, &cl->c);
	cl->recall = metrics_value(METRIC_RECALL, &cl->c);
	cl->specificity = metrics_value(METRIC_SPECIFICITY, &cl->c);
	/* scikit-learn's f1 with zero_division 0: no hit is 0 */
	cl->f1 = cl->c.tp > 0 ? metrics_value(METRIC_F1, &cl->c) : 0;
}

static void thresholded_matrix(const struct mc_rows *rows, const double *thresholds, struct mc_result *r)
{
	size_t k = rows->k;
	struct ksum none = { 0, 0 };

	memset(r->thresholded.cell, 0, k * (k + 1) * sizeof *r->thresholded.cell);
	for (size_t i = 0; i < rows->n; i++) {
		size_t p = mc_thresholded(rows->score + i * k, thresholds, k);
		double w = row_weight(rows, i);

		r->thresholded.cell[rows->label[i] * (k + 1) + p] += w;
		if (p == k)
			ksum_add(&none, w);
	}
	r->abstained = ksum_get(&none);
}

void mc_at(const struct mc_rows *rows, const struct sweep *const *sw, const double *thresholds, struct mc_result *r)
{
	mc_at_classes(sw, thresholds, r);
	thresholded_matrix(rows, thresholds, r);
}

void mc_at_classes(const struct sweep *const *sw, const double *thresholds, struct mc_result *r)
{
	size_t k = r->k, c;
	double tp = 0, fp = 0, pos = 0;
	struct mc_class *cl;

	r->zero_division = false;
	for (c = 0; c < k; c++) {
		cl = &r->cls[c];
		class_at(cl, sw[c], thresholds[c]);
		tp += cl->c.tp;
		fp += cl->c.fp;
		pos += cl->positives;
		if (cl->positives > 0 && isnan(cl->precision)) {
			cl->precision = 0; /* in the means only: the class's own stays undefined */
			r->zero_division = true;
		}
	}
	mean_of(r, offsetof(struct mc_class, precision), &r->macro.precision, &r->weighted.precision);
	mean_of(r, offsetof(struct mc_class, recall), &r->macro.recall, &r->weighted.recall);
	mean_of(r, offsetof(struct mc_class, f1), &r->macro.f1, &r->weighted.f1);
	for (c = 0; c < k; c++) {
		cl = &r->cls[c];
		if (cl->positives > 0 && cl->c.tp + cl->c.fp == 0)
			cl->precision = NAN;
	}
	r->micro.precision = tp + fp > 0 ? tp / (tp + fp) : NAN;
	r->micro.recall = pos > 0 ? tp / pos : NAN;
	r->micro.f1 = r->micro.precision + r->micro.recall > 0 ?
		      2 * r->micro.precision * r->micro.recall / (r->micro.precision + r->micro.recall) :
		      (isnan(r->micro.precision) ? NAN : 0);
}

void mc_free(struct mc_result *r)
{
	free(r->cls);
	free(r->argmax.cell);
	free(r->thresholded.cell);
	memset(r, 0, sizeof *r);
}
