/*
 * copy: the numbers on screen as TSV (see copy.h).
 */
#include "ui/copy.h"

#include "app/costview.h"
#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/stats/metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Exact; an undefined one (NaN) an empty cell, as a spreadsheet wants it. */
static void number(FILE *f, double v)
{
	char a[40];

	if (!isnan(v))
		fputs(fmt_exact(a, sizeof a, v), f);
}

/* A row: a label cell, then numbers. */
static void row(FILE *f, const char *label, const double *v, size_t n)
{
	text_tsv(f, label);
	for (size_t i = 0; i < n; i++) {
		fputc('\t', f);
		number(f, v[i]);
	}
	fputc('\n', f);
}

/* "WORD CLASS" as one cell (the class's name is data). */
static void cell(FILE *f, const char *word, const char *name)
{
	char *s = malloc(strlen(word) + strlen(name) + 2);

	if (s == NULL)
		return;
	sprintf(s, "%s %s", word, name);
	text_tsv(f, s);
	free(s);
}

void copy_tsv(FILE *f, const struct view *v)
{
	const struct view_model *m = view_current(v);
	struct confusion c = view_at(v, m->k);
	const char *neg = v->neg_words ? v->neg_words : v->negative;

	fputs("model\t", f);
	text_tsv(f, m->name);
	fputs("\nthreshold\t", f);
	number(f, m->threshold);
	fputs("\n\t", f);
	cell(f, "predicted", v->pos_words);
	fputc('\t', f);
	cell(f, "predicted", neg);
	fputs("\ttotal\n", f);
	cell(f, "actual", v->pos_words);
	fputc('\t', f);
	number(f, c.tp), fputc('\t', f), number(f, c.fn), fputc('\t', f), number(f, c.tp + c.fn);
	fputc('\n', f);
	cell(f, "actual", neg);
	fputc('\t', f);
	number(f, c.fp), fputc('\t', f), number(f, c.tn), fputc('\t', f), number(f, c.fp + c.tn);
	fputc('\n', f);
	row(f, "total", (double[]){ c.tp + c.fp, c.fn + c.tn, c.tp + c.fp + c.fn + c.tn }, 3);
	fputs("\nmetric\tvalue\n", f);
	for (size_t i = 0; i < METRIC_COUNT; i++)
		row(f, metric_table[i].key, (double[]){ metrics_value((enum metric)i, &c) }, 1);
	row(f, "roc_auc", &m->sw->roc_auc, 1);
	row(f, "average_precision", &m->sw->average_precision, 1);
	if (v->costs)
		row(f, "cost", (double[]){ costview_total(v, m->k) }, 1);
}

char *copy_text(const struct view *v, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (f == NULL)
		return NULL;
	copy_tsv(f, v);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
