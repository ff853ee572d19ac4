/*
 * reportmc: the multiclass report's four formats.  Text and Markdown are
 * built as small tables of strings (widths from their contents, so a
 * 7-digit count or a long class name is never cut), JSON and CSV print
 * every number exactly.
 */
#include "core/report/reportmc.h"

#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/report/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CELL 64
#define NAME_CHARS 24 /* a class or column name in a table cell, cut in the middle beyond */

static const char *const avg_keys[] = { "roc_auc", "average_precision", "precision", "recall", "f1" };
static const char *const avg_heads[] = { "ROC AUC", "avg precision", "precision", "recall", "F1" };
static const char *const score_keys[] = { "accuracy", "balanced_accuracy", "f1_macro", "cohen_kappa", "mcc" };
static const char *const score_heads[] = { "accuracy", "balanced accuracy", "F1 macro", "Cohen's kappa", "MCC" };

static void avg_values(const struct mc_average *a, double v[5])
{
	v[0] = a->roc_auc, v[1] = a->average_precision, v[2] = a->precision, v[3] = a->recall, v[4] = a->f1;
}

static void score_values(const struct mc_scores *s, double v[5])
{
	v[0] = s->accuracy, v[1] = s->balanced_accuracy, v[2] = s->f1_macro, v[3] = s->cohen_kappa, v[4] = s->mcc;
}

/* A class's fields in the report's order (the same in JSON and CSV). */
#define CLASS_FIELDS 14
static const char *const class_keys[CLASS_FIELDS] = {
	"positives", "negatives", "threshold", "tp", "fp", "tn", "fn", "precision", "recall", "specificity", "f1",
	"roc_auc", "average_precision", "value"
};

static size_t class_values(const struct mc_report *m, size_t i, double v[CLASS_FIELDS])
{
	const struct mc_class *c = &m->r->cls[i];

	v[0] = c->positives, v[1] = c->negatives, v[2] = c->threshold;
	v[3] = c->c.tp, v[4] = c->c.fp, v[5] = c->c.tn, v[6] = c->c.fn;
	v[7] = c->precision, v[8] = c->recall, v[9] = c->specificity, v[10] = c->f1;
	v[11] = c->roc_auc, v[12] = c->average_precision;
	v[13] = m->values != NULL ? m->values[i] : NAN;
	return m->objective != NULL ? CLASS_FIELDS : CLASS_FIELDS - 1;
}

/* ---- JSON -------------------------------------------------------------------- */

static void json_matrix(FILE *f, const struct mc_report *m, const struct mc_matrix *x, bool none)
{
	size_t i, j;

	fputs("\"labels\": [", f);
	for (i = 0; i < x->k; i++) {
		text_json(f, m->classes[i]);
		fputs(i + 1 < x->k || none ? ", " : "", f);
	}
	fputs(none ? "\"(none)\"], \"matrix\": [" : "], \"matrix\": [", f);
	for (i = 0; i < x->k; i++) {
		fputs(i > 0 ? ", [" : "[", f);
		for (j = 0; j < x->cols; j++) {
			report_json_number(f, x->cell[i * x->cols + j]);
			fputs(j + 1 < x->cols ? ", " : "]", f);
		}
	}
	fputc(']', f);
}

static void json_write(FILE *f, const struct mc_report *m)
{
	const struct mc_result *r = m->r;
	const struct mc_average *avg[3] = { &r->macro, &r->weighted, &r->micro };
	const char *avg_names[3] = { "macro", "weighted", "micro" };
	double v[CLASS_FIELDS];
	size_t i, j, n;

	fputs("{\n  \"file\": ", f);
	text_json(f, m->file);
	fputs(",\n  \"label\": ", f);
	text_json(f, m->label);
	fputs(",\n  \"n\": ", f);
	report_json_number(f, r->total);
	fprintf(f, ",\n  \"skipped\": %llu,\n  \"classes\": [", (unsigned long long)m->skipped);
	for (i = 0; i < r->k; i++) {
		fputs(i > 0 ? ",\n    {\"class\": " : "\n    {\"class\": ", f);
		text_json(f, m->classes[i]);
		fputs(", \"score\": ", f);
		text_json(f, m->scores[i]);
		n = class_values(m, i, v);
		for (j = 0; j < n; j++) {
			if (j == CLASS_FIELDS - 1) {
				fputs(", \"objective\": ", f);
				text_json(f, m->objective);
			}
			fprintf(f, ", \"%s\": ", class_keys[j]);
			report_json_number(f, v[j]);
		}
		fputc('}', f);
	}
	fputs("\n  ],\n  \"average\": {", f);
	for (i = 0; i < 3; i++) {
		avg_values(avg[i], v);
		fprintf(f, "%s\n    \"%s\": {", i > 0 ? "," : "", avg_names[i]);
		for (j = 0; j < 5; j++) {
			fprintf(f, "%s\"%s\": ", j > 0 ? ", " : "", avg_keys[j]);
			report_json_number(f, v[j]);
		}
		fputc('}', f);
	}
	fputs("\n  },\n  \"roc_auc_ovo\": {\"macro\": ", f);
	report_json_number(f, r->ovo_macro);
	fputs(", \"weighted\": ", f);
	report_json_number(f, r->ovo_weighted);
	fputs("},\n  \"argmax\": {", f);
	json_matrix(f, m, &r->argmax, false);
	score_values(&r->argmax_scores, v);
	for (j = 0; j < 5; j++) {
		fprintf(f, ", \"%s\": ", score_keys[j]);
		report_json_number(f, v[j]);
	}
	fputs("},\n  \"thresholded\": {", f);
	json_matrix(f, m, &r->thresholded, true);
	fputs(", \"abstained\": ", f);
	report_json_number(f, r->abstained);
	fputs("}\n}\n", f);
}

/* ---- CSV: section,row,column,value ---------------------------------------------- */

static void csv_line(FILE *f, const struct mc_report *m, const char *section, const char *row, const char *col,
		     double v)
{
	char buf[40];

	text_csv(f, m->file);
	fputc(',', f);
	text_csv(f, m->label);
	fprintf(f, ",%s,", section);
	text_csv(f, row);
	fputc(',', f);
	text_csv(f, col);
	fprintf(f, ",%s\n", isnan(v) ? "" : fmt_exact(buf, sizeof buf, v));
}

static void csv_write(FILE *f, const struct mc_report *m)
{
	const struct mc_result *r = m->r;
	const struct mc_average *avg[3] = { &r->macro, &r->weighted, &r->micro };
	const char *avg_names[3] = { "macro", "weighted", "micro" };
	double v[CLASS_FIELDS];
	size_t i, j, n;

	fputs("file,label,section,row,column,value\n", f);
	csv_line(f, m, "data", "", "n", r->total);
	csv_line(f, m, "data", "", "skipped", (double)m->skipped);
	for (i = 0; i < r->k; i++) {
		n = class_values(m, i, v);
		for (j = 0; j < n; j++)
			csv_line(f, m, "class", m->classes[i], class_keys[j], v[j]);
	}
	for (i = 0; i < 3; i++) {
		avg_values(avg[i], v);
		for (j = 0; j < 5; j++)
			csv_line(f, m, "average", avg_names[i], avg_keys[j], v[j]);
	}
	csv_line(f, m, "roc_auc_ovo", "macro", "roc_auc", r->ovo_macro);
	csv_line(f, m, "roc_auc_ovo", "weighted", "roc_auc", r->ovo_weighted);
	for (i = 0; i < r->k; i++)
		for (j = 0; j < r->k; j++)
			csv_line(f, m, "argmax", m->classes[i], m->classes[j], r->argmax.cell[i * r->k + j]);
	score_values(&r->argmax_scores, v);
	for (j = 0; j < 5; j++)
		csv_line(f, m, "argmax", "", score_keys[j], v[j]);
	for (i = 0; i < r->k; i++)
		for (j = 0; j <= r->k; j++)
			csv_line(f, m, "thresholded", m->classes[i], j < r->k ? m->classes[j] : "(none)",
				 r->thresholded.cell[i * (r->k + 1) + j]);
	csv_line(f, m, "thresholded", "", "abstained", r->abstained);
}

/* ---- text and Markdown: tables of strings ----------------------------------------- */

struct tbl {
	size_t rows, cols;
	size_t left;                    /* the first columns (names), left-aligned */
	char (*cell)[CELL];
};

static int tbl_open(struct tbl *t, size_t rows, size_t cols)
{
	t->rows = rows, t->cols = cols, t->left = 1;
	t->cell = calloc(rows * cols, sizeof *t->cell);
	return t->cell != NULL ? 0 : -1;
}

static char *at(struct tbl *t, size_t r, size_t c)
{
	return t->cell[r * t->cols + c];
}

static void name_cell(struct tbl *t, size_t r, size_t c, const char *s, bool md)
{
	if (md)
		text_markdown(at(t, r, c), CELL, s, NAME_CHARS);
	else
		text_escape(at(t, r, c), CELL, s, strlen(s), NAME_CHARS);
}

/* Row 0 is the head; names on the left, numbers on the right. */
static void tbl_print(FILE *f, struct tbl *t, bool md)
{
	int w[64] = { 0 };
	size_t r, c;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols && c < 64; c++)
			if (fmt_width(at(t, r, c)) > w[c])
				w[c] = fmt_width(at(t, r, c));
	for (r = 0; r < t->rows; r++) {
		for (c = 0; c < t->cols && c < 64; c++) {
			const char *s = at(t, r, c);
			int pad = w[c] - fmt_width(s);

			if (md)
				fprintf(f, "| %s ", s);
			else if (c < t->left)
				fprintf(f, "%s%s%*s", c > 0 ? "  " : "", s, pad, "");
			else
				fprintf(f, "  %*s%s", pad, "", s);
		}
		fputs(md ? "|\n" : "\n", f);
		if (md && r == 0) {
			for (c = 0; c < t->cols; c++)
				fputs(c < t->left ? "|---" : "|---:", f);
			fputs("|\n", f);
		}
	}
	fputc('\n', f);
	free(t->cell);
}

static void class_tables(FILE *f, const struct mc_report *m, bool md)
{
	static const char *const h1[] = { "class", "score column", "rows", "threshold", "flagged", "TP", "FP", "FN" };
	static const char *const h2[] = { "class", "precision", "recall", "specificity", "F1", "ROC AUC", "avg precision" };
	const struct mc_result *r = m->r;
	struct tbl t;
	size_t i, c;

	if (tbl_open(&t, r->k + 1, m->objective != NULL ? 9 : 8) < 0)
		return;
	t.left = 2;
	for (c = 0; c < 8; c++)
		snprintf(at(&t, 0, c), CELL, "%s", h1[c]);
	if (m->objective != NULL)
		text_escape(at(&t, 0, 8), CELL, m->objective, strlen(m->objective), NAME_CHARS);
	for (i = 0; i < r->k; i++) {
		const struct mc_class *cl = &r->cls[i];

		name_cell(&t, i + 1, 0, m->classes[i], md);
		name_cell(&t, i + 1, 1, m->scores[i], md);
		fmt_count(at(&t, i + 1, 2), CELL, cl->positives);
		fmt_exact(at(&t, i + 1, 3), CELL, cl->threshold);
		fmt_count(at(&t, i + 1, 4), CELL, cl->c.tp + cl->c.fp);
		fmt_count(at(&t, i + 1, 5), CELL, cl->c.tp);
		fmt_count(at(&t, i + 1, 6), CELL, cl->c.fp);
		fmt_count(at(&t, i + 1, 7), CELL, cl->c.fn);
		if (m->objective != NULL)
			fmt_rate(at(&t, i + 1, 8), CELL, m->values[i]);
	}
	tbl_print(f, &t, md);
	if (tbl_open(&t, r->k + 1, 7) < 0)
		return;
	for (c = 0; c < 7; c++)
		snprintf(at(&t, 0, c), CELL, "%s", h2[c]);
	for (i = 0; i < r->k; i++) {
		const struct mc_class *cl = &r->cls[i];
		double v[6] = { cl->precision, cl->recall, cl->specificity, cl->f1, cl->roc_auc, cl->average_precision };

		name_cell(&t, i + 1, 0, m->classes[i], md);
		for (c = 0; c < 6; c++)
			fmt_rate(at(&t, i + 1, c + 1), CELL, v[c]);
	}
	tbl_print(f, &t, md);
}

static void average_table(FILE *f, const struct mc_report *m, bool md)
{
	const struct mc_result *r = m->r;
	const struct mc_average *avg[3] = { &r->macro, &r->weighted, &r->micro };
	const char *names[3] = { "macro", "weighted", "micro" };
	struct tbl t;
	double v[5];
	size_t i, c;

	if (tbl_open(&t, 4, 6) < 0)
		return;
	snprintf(at(&t, 0, 0), CELL, "mean");
	for (c = 0; c < 5; c++)
		snprintf(at(&t, 0, c + 1), CELL, "%s", avg_heads[c]);
	for (i = 0; i < 3; i++) {
		snprintf(at(&t, i + 1, 0), CELL, "%s", names[i]);
		avg_values(avg[i], v);
		for (c = 0; c < 5; c++)
			fmt_rate(at(&t, i + 1, c + 1), CELL, v[c]);
	}
	tbl_print(f, &t, md);
}

static void matrix_table(FILE *f, const struct mc_report *m, const struct mc_matrix *x, bool md)
{
	struct tbl t;
	size_t i, j;

	if (tbl_open(&t, x->k + 1, x->cols + 1) < 0)
		return;
	snprintf(at(&t, 0, 0), CELL, "actual \\ predicted");
	for (j = 0; j < x->cols; j++) {
		if (j < x->k)
			name_cell(&t, 0, j + 1, m->classes[j], md);
		else
			snprintf(at(&t, 0, j + 1), CELL, "(none)");
	}
	for (i = 0; i < x->k; i++) {
		name_cell(&t, i + 1, 0, m->classes[i], md);
		for (j = 0; j < x->cols; j++)
			fmt_count(at(&t, i + 1, j + 1), CELL, x->cell[i * x->cols + j]);
	}
	tbl_print(f, &t, md);
}

/* The whole decision in plain words. */
static void sentence(FILE *f, const struct mc_report *m)
{
	const struct mc_result *r = m->r;
	double right = 0, tright = 0;
	char a[40], b[40], c[40], d[40], e[40];

	for (size_t i = 0; i < r->k; i++) {
		right += r->argmax.cell[i * r->k + i];
		tright += r->thresholded.cell[i * (r->k + 1) + i];
	}
	fprintf(f, "Of %s cases, %s (%s%%) go to the right class by the highest score; at the thresholds, %s do and %s abstain.\n",
		fmt_count(a, sizeof a, r->total), fmt_count(b, sizeof b, right),
		fmt_rate(e, sizeof e, r->total > 0 ? 100 * right / r->total : NAN), fmt_count(c, sizeof c, tright),
		fmt_count(d, sizeof d, r->abstained));
}

static void text_write(FILE *f, const struct mc_report *m, bool md)
{
	const struct mc_result *r = m->r;
	char a[200], b[40], c[40];
	double v[5];

	text_escape(a, sizeof a, m->file, strlen(m->file), 120);
	fprintf(f, md ? "# cutoff multiclass report: %s\n\n" : "cutoff multiclass report: %s\n", a);
	text_escape(a, sizeof a, m->label, strlen(m->label), 60);
	fprintf(f, md ? "- label: %s (%zu classes, a score column each, one against the rest)\n" :
			"label      %s (%zu classes, a score column each, one against the rest)\n", a, r->k);
	fprintf(f, md ? "- rows: %s; %s skipped\n\n" : "rows       %s; %s skipped\n\n", fmt_count(b, sizeof b, r->total),
		fmt_count(c, sizeof c, (double)m->skipped));
	if (md)
		fputs("## Each class against the rest\n\n", f);
	class_tables(f, m, md);
	fputs(md ? "## Means over classes\n\n" : "Means over classes (macro: each class that occurs; weighted: by its rows; micro: over every cell)\n", f);
	average_table(f, m, md);
	fprintf(f, "One-vs-one ROC AUC (Hand and Till): macro %s, weighted %s\n\n", fmt_rate(b, sizeof b, r->ovo_macro),
		fmt_rate(c, sizeof c, r->ovo_weighted));
	fputs(md ? "## The highest score decides (argmax)\n\n" : "The highest score decides (argmax)\n", f);
	matrix_table(f, m, &r->argmax, md);
	score_values(&r->argmax_scores, v);
	for (size_t j = 0; j < 5; j++)
		fprintf(f, "%s %s%s", score_heads[j], fmt_rate(b, sizeof b, v[j]), j + 1 < 5 ? "; " : "\n\n");
	fputs(md ? "## The thresholds decide (the highest class at or above its threshold)\n\n" :
		   "The thresholds decide (the highest class at or above its threshold; none: \"(none)\")\n", f);
	matrix_table(f, m, &r->thresholded, md);
	sentence(f, m);
}

void reportmc_write(FILE *f, const struct mc_report *m, enum report_format fmt)
{
	switch (fmt) {
	case FORMAT_JSON:
		json_write(f, m);
		break;
	case FORMAT_CSV:
		csv_write(f, m);
		break;
	case FORMAT_MARKDOWN:
		text_write(f, m, true);
		break;
	default:
		text_write(f, m, false);
		break;
	}
}
