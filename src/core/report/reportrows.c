/*
 * reportrows: the listed rows in each format (see reportrows.h).  Every
 * field is data: JSON escapes it, CSV quotes it and neutralises a formula,
 * text and Markdown escape it and cut a long one in the middle.
 */
#include "core/report/reportrows.h"

#include "core/base/fmt.h"
#include "core/base/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SHOWN_CHARS 30 /* a field in the text table, its middle cut beyond */

static const char *const cell_words[ROWS_CELLS] = {
	"false positives", "false negatives (misses)", "true positives", "true negatives", "rows nearest the threshold"
};
static const char *const cell_order[ROWS_CELLS] = {
	"highest score first", "lowest score first", "highest score first", "lowest score first",
	"nearest first"
};

static void json_number(FILE *f, double v)
{
	char buf[40];

	fputs(isfinite(v) ? fmt_exact(buf, sizeof buf, v) : "null", f);
}

static void json_field(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("null", f);
	else
		text_json(f, s);
}

void reportrows_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent)
{
	const struct rowlist *l = m->rows;

	if (l == NULL || r->rows_cell == NULL)
		return;
	fprintf(f, ",\n%s  \"rows\": {\"cell\": \"%s\", \"total\": %llu, \"rows\": [", indent, r->rows_cell,
		(unsigned long long)l->total);
	for (size_t i = 0; i < l->n; i++) {
		const struct rowlist_row *w = &l->row[i];

		fprintf(f, "%s\n%s    {\"line\": %llu, \"id\": ", i > 0 ? "," : "", indent, (unsigned long long)w->line);
		json_field(f, r->id_name != NULL && w->extra != NULL ? w->extra[0] : NULL);
		fputs(", \"score\": ", f);
		json_number(f, w->score);
		fputs(", \"label\": ", f);
		json_field(f, w->label);
		fputs(", \"weight\": ", f);
		json_number(f, w->weight);
		fputs(", \"show\": {", f);
		for (size_t s = 0; s < r->n_show; s++) {
			fputs(s > 0 ? ", " : "", f);
			text_json(f, r->show_names[s]);
			fputs(": ", f);
			json_field(f, w->extra != NULL ? w->extra[(r->id_name != NULL) + s] : NULL);
		}
		fputs("}}", f);
	}
	if (l->n > 0)
		fprintf(f, "\n%s  ", indent);
	fputs("]}", f);
}

void reportrows_csv(FILE *f, const struct report *r)
{
	char a[40];

	fputs("model,line,id,score,label,weight", f);
	for (size_t s = 0; s < r->n_show; s++) {
		fputc(',', f);
		text_csv(f, r->show_names[s]);
	}
	fputc('\n', f);
	for (size_t m = 0; m < r->n_models; m++) {
		const struct rowlist *l = r->models[m].rows;

		for (size_t i = 0; l != NULL && i < l->n; i++) {
			const struct rowlist_row *w = &l->row[i];
			const char *id = r->id_name != NULL && w->extra != NULL ? w->extra[0] : NULL;

			text_csv(f, r->models[m].score);
			fprintf(f, ",%llu,", (unsigned long long)w->line);
			if (id != NULL)
				text_csv(f, id);
			fprintf(f, ",%s,", fmt_exact(a, sizeof a, w->score));
			if (w->label != NULL)
				text_csv(f, w->label);
			fprintf(f, ",%s", fmt_exact(a, sizeof a, w->weight));
			for (size_t s = 0; s < r->n_show; s++) {
				const char *v = w->extra != NULL ? w->extra[(r->id_name != NULL) + s] : NULL;

				fputc(',', f);
				if (v != NULL)
					text_csv(f, v);
			}
			fputc('\n', f);
		}
	}
}

/* One cell of the table, escaped and cut in the middle; "" for none. */
static void cell(char *dst, size_t cap, const char *s, bool md)
{
	if (s == NULL)
		snprintf(dst, cap, "%s", md ? "" : "-");
	else if (md)
		text_markdown(dst, cap, s, SHOWN_CHARS);
	else
		text_escape(dst, cap, s, strlen(s), SHOWN_CHARS);
}

/* Long: the table's widths come from every row before any is printed, and
 * text and Markdown share the one loop so that they hold the same cells. */
static void table(FILE *f, const struct report *r, const struct report_model *m, bool md)
{
	const struct rowlist *l = m->rows;
	size_t cols = 3 + (r->id_name != NULL) + r->weighted + r->n_show, c, i;
	char (*t)[4 * SHOWN_CHARS + 8] = calloc((l->n + 1) * cols, sizeof *t);
	int w[80] = { 0 };
	bool num[80] = { false };
	char name[200];
	enum rowlist_cell which = ROWS_FP;

	if (t == NULL || cols > 80)
		goto out;
	rowlist_parse_cell(r->rows_cell, &which);
	cell(name, sizeof name, m->score, md);
	fprintf(f, md ? "\n### %s: %s at %s (%llu; %s)\n\n" : "\n%s: %s at %s (%llu; %s)\n", name, cell_words[which],
		fmt_exact((char[40]){ 0 }, 40, m->threshold), (unsigned long long)l->total, cell_order[which]);
	c = 0;
	num[c] = true;
	snprintf(t[c++], sizeof t[0], "line");
	if (r->id_name != NULL)
		cell(t[c++], sizeof t[0], r->id_name, md);
	num[c] = true;
	snprintf(t[c++], sizeof t[0], "score");
	snprintf(t[c++], sizeof t[0], "label");
	if (r->weighted) {
		num[c] = true;
		snprintf(t[c++], sizeof t[0], "weight");
	}
	for (size_t s = 0; s < r->n_show; s++)
		cell(t[c++], sizeof t[0], r->show_names[s], md);
	for (i = 0; i < l->n; i++) {
		const struct rowlist_row *x = &l->row[i];
		char (*row)[4 * SHOWN_CHARS + 8] = t + (i + 1) * cols;

		c = 0;
		snprintf(row[c++], sizeof t[0], "%llu", (unsigned long long)x->line);
		if (r->id_name != NULL)
			cell(row[c++], sizeof t[0], x->extra != NULL ? x->extra[0] : NULL, md);
		fmt_exact(row[c++], sizeof t[0], x->score);
		cell(row[c++], sizeof t[0], x->label, md);
		if (r->weighted)
			fmt_exact(row[c++], sizeof t[0], x->weight);
		for (size_t s = 0; s < r->n_show; s++)
			cell(row[c++], sizeof t[0], x->extra != NULL ? x->extra[(r->id_name != NULL) + s] : NULL, md);
	}
	for (i = 0; i <= l->n; i++)
		for (c = 0; c < cols; c++)
			if (fmt_width(t[i * cols + c]) > w[c])
				w[c] = fmt_width(t[i * cols + c]);
	for (i = 0; i <= l->n; i++) {
		for (c = 0; c < cols; c++) {
			const char *s = t[i * cols + c];
			int pad = w[c] - fmt_width(s);

			if (md)
				fprintf(f, "| %s ", s);
			else if (num[c])
				fprintf(f, "%s%*s%s", c > 0 ? "  " : "", pad, "", s);
			else
				fprintf(f, "%s%s%*s", c > 0 ? "  " : "", s, c + 1 < cols ? pad : 0, "");
		}
		fputs(md ? "|\n" : "\n", f);
		if (md && i == 0) {
			for (c = 0; c < cols; c++)
				fputs(num[c] ? "|---:" : "|---", f);
			fputs("|\n", f);
		}
	}
	if (l->n == 0)
		fputs(md ? "\n(none)\n" : "(none)\n", f);
out:
	free(t);
}

void reportrows_text(FILE *f, const struct report *r, bool md)
{
	if (r->rows_cell == NULL)
		return;
	for (size_t m = 0; m < r->n_models; m++)
		if (r->models[m].rows != NULL)
			table(f, r, &r->models[m], md);
}
