/*
 * reportmd: the report as Markdown, for documents and tickets: each
 * model's matrix and metrics as tables, the plain-words summary as a
 * quote, the paired tests as a table.  Text from the data is escaped.
 */
#include "core/report/reportmd.h"

#include "core/report/explain.h"
#include "core/report/figures.h"
#include "core/report/reportgroups.h"
#include "core/base/fmt.h"
#include "core/base/text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *md_safe(char *buf, size_t cap, const char *s, size_t max_chars)
{
	return text_markdown(buf, cap, s ? s : "", max_chars);
}

static void md_model(FILE *f, const struct report *r, const struct report_model *m)
{
	const struct sweep *sw = m->sw;
	struct confusion c = sweep_at(sw, m->threshold);
	struct figures_cell cells[FIGURES_MAX_CELLS];
	char pos[160], neg[160], score[160], a[40], b[40], d[40], t[40], sentence[512], ci[100], *nl;
	size_t nc, i;

	md_safe(pos, sizeof pos, r->pos_words, 40);
	md_safe(neg, sizeof neg, r->neg_words ? r->neg_words : r->negative, 40);
	md_safe(score, sizeof score, m->score, 60);
	fmt_exact(t, sizeof t, m->threshold);
	fprintf(f, "### %s%s at threshold %s\n\n", m->sw->inverted ? "-" : "", score, t);
	if (sw->bins > 0)
		fprintf(f, "Scores grouped into at most %zu bins: ROC AUC within %s of the exact value.\n\n", sw->bins,
			fmt_rate(a, sizeof a, sw->auc_error));
	if (m->objective != NULL)
		fprintf(f, "Optimum for %s: %s.\n\n", m->objective, fmt_rate(a, sizeof a, m->value));
	if (!isnan(sw->sample_prevalence))
		fprintf(f, "At a deployment prevalence of %.4g%%: counts reweighted from the sample's %s%% %s.\n\n",
			100 * sw->pos / (sw->pos + sw->neg), fmt_rate(b, sizeof b, 100 * sw->sample_prevalence),
			pos);
	fprintf(f, "| | predicted %s | predicted %s | total |\n|---|---:|---:|---:|\n", pos, neg);
	fprintf(f, "| **actual %s** | %s | %s | %s |\n", pos, fmt_count(a, sizeof a, c.tp),
		fmt_count(b, sizeof b, c.fn), fmt_count(d, sizeof d, sw->pos));
	fprintf(f, "| **actual %s** | %s | %s | %s |\n", neg, fmt_count(a, sizeof a, c.fp),
		fmt_count(b, sizeof b, c.tn), fmt_count(d, sizeof d, sw->neg));
	fprintf(f, "| **total** | %s | %s | %s |\n\n", fmt_count(a, sizeof a, c.tp + c.fp),
		fmt_count(b, sizeof b, c.fn + c.tn), fmt_count(d, sizeof d, sw->pos + sw->neg));
	/* an interval column (Wilson for the rates, DeLong for the AUC), or
	 * with weights the reason there is none */
	nc = figures_cells(r, m, cells);
	fprintf(f, sw->weighted ? "| metric | value |\n|---|---:|\n" : "| metric | value | %g%% interval |\n|---|---:|---:|\n",
		100 * figures_level(r));
	for (i = 0; i < nc; i++)
		fprintf(f, sw->weighted ? "| %s | %s |\n" : "| %s | %s | %s |\n", cells[i].label, fmt_rate(a, sizeof a, cells[i].v),
			isnan(cells[i].lo) ? "" : fmt_range(ci, sizeof ci, cells[i].lo, cells[i].hi));
	if (sw->weighted)
		fprintf(f, "\nNo intervals: a weighted count has no Wilson interval, and DeLong's needs whole rows.\n");
	if (r->partial_fpr > 0)
		fputs("\npAUC: the ROC AUC over FPR <= the limit, standardised (McClish): 0.5 chance, 1 perfect.\n", f);
	/* pos and neg are Markdown-escaped; NULL neg words: no single name */
	{
		char pw[64];
		const char *policy = reportgroups_policy(r, pw, sizeof pw);
		double per;

		/* under per-group thresholds the words tell them, pooled */
		if (policy != NULL)
			c = reportgroups_pooled(r, m);
		per = figures_per_cases(sw, &c);
		explain_summary(sentence, sizeof sentence, &c, pos, r->neg_words ? neg : NULL, policy);
		if ((nl = strchr(sentence, '\n')) != NULL)
			*nl = ' ';
		if (per > 0)
			fprintf(f, "\n> Per %s cases where deployed: %s\n", fmt_count(a, sizeof a, per), sentence);
		else
			fprintf(f, "\n> %s\n", sentence);
	}
	reportgroups_text(f, r, m, true);
}

void reportmd_write(FILE *f, const struct report *r)
{
	char label[160], pos[160];
	size_t i;

	{
		/* the whole path, escaped for the terminal and for Markdown */
		size_t cap = 4 * (r->file ? strlen(r->file) : 0) * 2 + 8;
		char *md = malloc(cap);

		fprintf(f, "## cutoff report: %s\n\n", md ? text_markdown(md, cap, r->file ? r->file : "", SIZE_MAX) : "");
		free(md);
	}
	if (r->label != NULL)
		fprintf(f, "Label column %s, positive class %s; %llu rows skipped.\n",
			md_safe(label, sizeof label, r->label, 40),
			md_safe(pos, sizeof pos, r->positive, 40), (unsigned long long)r->skipped);
	else
		fprintf(f, "Aggregated counts; %llu rows skipped.\n", (unsigned long long)r->skipped);
	for (i = 0; i < r->n_models; i++) {
		fputc('\n', f);
		md_model(f, r, &r->models[i]);
	}
	if (r->n_pairs > 0) {
		char lv[40];

		snprintf(lv, sizeof lv, "%g", 100 * figures_level(r));
		fprintf(f, "\n### ROC AUC compared (DeLong, paired)\n\n| models | difference | z | p | %s%% interval |\n"
			   "|---|---:|---:|---:|---:|\n", lv);
		for (i = 0; i < r->n_pairs; i++) {
			const struct report_pair *p = &r->pairs[i];
			char a[200], b[200], d[40], zs[40], ps[40], ci[100];
			double z, pv, lo, hi;

			figures_pair(r, p, &z, &pv, &lo, &hi);
			fprintf(f, "| %s - %s | %s | %s | %s | %s |\n", md_safe(a, sizeof a, p->a, 40),
				md_safe(b, sizeof b, p->b, 40), fmt_rate(d, sizeof d, p->difference),
				isnan(z) ? "n/a" : fmt_rate(zs, sizeof zs, z), isnan(pv) ? "n/a" : fmt_rate(ps, sizeof ps, pv),
				isnan(lo) ? "n/a" : fmt_range(ci, sizeof ci, lo, hi));
		}
	}
}
