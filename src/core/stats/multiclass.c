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

/* micro AUC and AP: one sweep over the n x k one-hot cells, a row's own
 * class's cell positive, the others negative. */
static int micro_curve(const struct mc_rows *rows, struct mc_result *r)
{
	size_t n = rows->n, k = rows->k, i, c, p = 0, q = 0;
	double *pos = malloc(n * sizeof *pos), *neg = malloc(n * (k - 1) * sizeof *neg);
	double *pw = NULL, *nw = NULL;
	struct sweep sw;
	int rc = -1;

	if (rows->weight != NULL) {
		pw = malloc(n * sizeof *pw);
		nw = malloc(n * (k - 1) * sizeof *nw);
	}
	if (pos == NULL || neg == NULL || (rows->weight != NULL && (pw == NULL || nw == NULL)))
		goto out;
	for (i = 0; i < n; i++)
		for (c = 0; c < k; c++) {
			double s = rows->score[i * k + c];

			if (c == rows->label[i]) {
				if (pw != NULL)
					pw[p] = rows->weight[i];
				pos[p++] = s;
			} else {
				if (nw != NULL)
					nw[q] = rows->weight[i];
				neg[q++] = s;
			}
		}
	if (sweep_build(&sw, pos, pw, p, neg, nw, q) < 0)
		goto out;
	r->micro.roc_auc = sw.roc_auc;
	r->micro.average_precision = sw.average_precision;
	sweep_free(&sw);
	rc = 0;
out:
	free(pos), free(neg), free(pw), free(nw);
	return rc;
}

/* One-vs-one (Hand and Till): for every pair of classes that occur, the
 * mean of A(a|b) (column a ranking a's rows above b's) and A(b|a); macro
 * is their mean, weighted weights each pair by its rows.  Column a's rows
 * are sorted once, and each tie group of a's rows is credited against
 * every other class below it (ties half): O(n log n + n_a k) a column. */
static int one_vs_one(const struct mc_rows *rows, struct mc_result *r)
{
	size_t n = rows->n, k = rows->k, a, b, i, j;
	double *s = malloc(n * sizeof *s), *idx = malloc(n * sizeof *idx);
	double *below = calloc(k, sizeof *below), *group = calloc(k, sizeof *group), *u = calloc(k * k, sizeof *u);
	int rc = -1;

	if (s == NULL || idx == NULL || below == NULL || group == NULL || u == NULL)
		goto out;
	for (a = 0; a < k; a++) {
		if (!(r->cls[a].positives > 0))
			continue;
		for (i = 0; i < n; i++) {
			s[i] = rows->score[i * k + a];
			idx[i] = (double)i; /* exact: n < 2^53 */
		}
		if (radix_sort(s, idx, n) < 0)
			goto out;
		memset(below, 0, k * sizeof *below);
		for (i = 0; i < n; i = j) {
			for (j = i; j < n && s[j] == s[i]; j++)
				group[rows->label[(size_t)idx[j]]] += row_weight(rows, (size_t)idx[j]);
			if (group[a] > 0)
				for (b = 0; b < k; b++)
					u[a * k + b] += group[a] * (below[b] + 0.5 * group[b]);
			for (size_t t = i; t < j; t++) {
				uint32_t c = rows->label[(size_t)idx[t]];

				below[c] += group[c];
				group[c] = 0;
			}
		}
	}
	{
		double sum = 0, wsum = 0, wtot = 0;
		size_t pairs = 0;

		for (a = 0; a < k; a++)
			for (b = a + 1; b < k; b++) {
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
	rc = 0;
out:
	free(s), free(idx), free(below), free(group), free(u);
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

int mc_fixed(const struct mc_rows *rows, const struct sweep *const *sw, struct mc_result *r)
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
	if (micro_curve(rows, r) < 0 || one_vs_one(rows, r) < 0)
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
	thresholded_matrix(rows, thresholds, r);
}

void mc_free(struct mc_result *r)
{
	free(r->cls);
	free(r->argmax.cell);
	free(r->thresholded.cell);
	memset(r, 0, sizeof *r);
}
