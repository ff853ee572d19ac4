/*
 * reportband: the review band in each format (see reportband.h).
 */
#include "core/report/reportband.h"

#include "core/base/fmt.h"
#include "core/base/text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void num(FILE *f, double v)
{
	char a[40];

	fputs(isfinite(v) ? fmt_exact(a, sizeof a, v) : "null", f);
}

void reportband_json(FILE *f, const struct report_model *m, const char *indent)
{
	const struct band *b = m->band;

	if (b == NULL)
		return;
	fprintf(f, ",\n%s  \"band\": {\"low\": ", indent);
	num(f, b->low);
	fputs(", \"high\": ", f);
	num(f, b->high);
	fputs(", \"auto_positive\": {\"n\": ", f);
	num(f, b->pos_n), fputs(", \"tp\": ", f), num(f, b->tp), fputs(", \"fp\": ", f), num(f, b->fp);
	fputs(", \"precision\": ", f), num(f, b->precision);
	fputs("}, \"review\": {\"n\": ", f);
	num(f, b->review_n), fputs(", \"positives\": ", f), num(f, b->review_pos);
	fputs(", \"negatives\": ", f), num(f, b->review_neg), fputs(", \"rate\": ", f), num(f, b->rate);
	fputs("}, \"auto_negative\": {\"n\": ", f);
	num(f, b->neg_n), fputs(", \"tn\": ", f), num(f, b->tn), fputs(", \"fn\": ", f), num(f, b->fn);
	fputs(", \"npv\": ", f), num(f, b->npv);
	fputs("}, \"coverage\": ", f), num(f, b->coverage);
	fputs(", \"accuracy_decided\": ", f), num(f, b->accuracy_decided);
	fputs(", \"recall_auto\": ", f), num(f, b->recall_auto);
	fputc('}', f);
}

void reportband_csv(FILE *f, const struct report_model *m, bool head)
{
	static const char *const names[] = {
		"band_low", "band_high", "band_positive_n", "band_tp", "band_fp", "band_precision", "band_review_n",
		"band_review_positives", "band_review_negatives", "band_review_rate", "band_negative_n", "band_tn",
		"band_fn", "band_npv", "band_coverage", "band_accuracy_decided", "band_recall_auto"
	};
	const struct band *b = m->band;
	double v[17];
	char a[40];

	if (b == NULL)
		return;
	v[0] = b->low, v[1] = b->high, v[2] = b->pos_n, v[3] = b->tp, v[4] = b->fp, v[5] = b->precision;
	v[6] = b->review_n, v[7] = b->review_pos, v[8] = b->review_neg, v[9] = b->rate;
	v[10] = b->neg_n, v[11] = b->tn, v[12] = b->fn, v[13] = b->npv;
	v[14] = b->coverage, v[15] = b->accuracy_decided, v[16] = b->recall_auto;
	for (size_t i = 0; i < 17; i++) {
		fputc(',', f);
		if (head)
			fputs(names[i], f);
		else if (isfinite(v[i]))
			fputs(fmt_exact(a, sizeof a, v[i]), f);
	}
}

/* "204 decided malignant automatically (97.6% right), 30 reviewed (5.3% of
 * cases), 335 decided benign (99.1% right)." */
char *reportband_sentence(char *buf, size_t cap, const struct band *b, const char *pos, const char *neg)
{
	char a[40], p[40], c[40], q[40], n[40], s[40];

	snprintf(buf, cap, "%s decided %s automatically (%s%% right), %s reviewed (%s%% of cases), %s decided %s (%s%% right).",
		 fmt_count(a, sizeof a, b->pos_n), pos, fmt_rate(p, sizeof p, 100 * b->precision),
		 fmt_count(c, sizeof c, b->review_n), fmt_rate(q, sizeof q, 100 * b->rate), fmt_count(n, sizeof n, b->neg_n),
		 neg, fmt_rate(s, sizeof s, 100 * b->npv));
	return buf;
}

static void sentence(FILE *f, const struct report *r, const struct band *b, bool md)
{
	char pw[200], nw[200], out[700];
	const char *pos = r->pos_words ? r->pos_words : "positive", *neg = r->neg_words ? r->neg_words : "negative";

	/* the class words come from the data: escaped for the format */
	pos = md ? text_markdown(pw, sizeof pw, pos, 40) : text_escape(pw, sizeof pw, pos, strlen(pos), 40);
	neg = md ? text_markdown(nw, sizeof nw, neg, 40) : text_escape(nw, sizeof nw, neg, strlen(neg), 40);
	fprintf(f, "%s\n", reportband_sentence(out, sizeof out, b, pos, neg));
}

void reportband_text(FILE *f, const struct report *r, bool md)
{
	for (size_t mi = 0; mi < r->n_models; mi++) {
		const struct report_model *m = &r->models[mi];
		const struct band *b = m->band;
		char name[200], lo[40], hi[40], x[4][40];

		if (b == NULL)
			continue;
		if (md)
			text_markdown(name, sizeof name, m->score, 40);
		else
			text_escape(name, sizeof name, m->score, strlen(m->score), 40);
		fmt_exact(lo, sizeof lo, b->low);
		fmt_exact(hi, sizeof hi, b->high);
		if (md)
			fprintf(f, "\n### %s: a review band from %s to %s\n\n| | rows | right | positives | negatives |\n"
				   "|---|---:|---:|---:|---:|\n", name, lo, hi);
		else
			fprintf(f, "\n%s: a review band from %s to %s\n%-16s %12s %10s %12s %12s\n", name, lo, hi, "", "rows",
				"right", "positives", "negatives");
		{
			const char *rows[3] = { "auto positive", "review", "auto negative" };
			double n[3] = { b->pos_n, b->review_n, b->neg_n }, right[3] = { b->precision, NAN, b->npv };
			double pp[3] = { b->tp, b->review_pos, b->fn }, nn[3] = { b->fp, b->review_neg, b->tn };

			for (int i = 0; i < 3; i++) {
				fmt_count(x[0], sizeof x[0], n[i]);
				if (isnan(right[i]))
					snprintf(x[1], sizeof x[1], i == 1 ? "" : "n/a");
				else
					fmt_rate(x[1], sizeof x[1], right[i]);
				fmt_count(x[2], sizeof x[2], pp[i]);
				fmt_count(x[3], sizeof x[3], nn[i]);
				if (md)
					fprintf(f, "| %s | %s | %s | %s | %s |\n", rows[i], x[0], x[1], x[2], x[3]);
				else
					fprintf(f, "%-16s %12s %10s %12s %12s\n", rows[i], x[0], x[1], x[2], x[3]);
			}
		}
		if (md)
			fputc('\n', f);
		sentence(f, r, b, md);
	}
}
