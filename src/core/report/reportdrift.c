/*
 * reportdrift: reference against current.  JSON nests each side's usual
 * model object; text and Markdown put the two side by side.
 */
#include "core/report/reportdrift.h"

#include "core/stats/drift.h"
#include "core/report/explain.h"
#include "core/base/fmt.h"
#include "core/stats/metrics.h"
#include "core/report/report.h"
#include "core/base/text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The drift statistics are of the data as read, whatever prevalence the
 * counts are reweighted to (a reweighted prevalence is P on both sides). */
static void compare(const struct report_model *rm, const struct report_model *cm, struct drift *dr)
{
	drift_compare(rm->sample ? rm->sample : rm->sw, cm->sample ? cm->sample : cm->sw, dr);
}

static const char *no_test(const struct drift *dr)
{
	switch (dr->no_test) {
	case DRIFT_WEIGHTED: return "DeLong's test needs whole rows, and these are weighted";
	case DRIFT_FEW_ROWS: return "DeLong's test needs two rows of each class in each file";
	case DRIFT_NO_VARIANCE: return "both ROC AUCs have no variance: the scores separate each file's classes";
	default: return "";
	}
}

static void drift_json(FILE *f, const struct report_drift *d, size_t i, const char *indent)
{
	const struct report_model *rm = &d->ref->models[i], *cm = &d->cur->models[i];
	struct drift dr;

	compare(rm, cm, &dr);
	fprintf(f, "{\n%s  \"reference\": ", indent);
	{
		char in[16];

		snprintf(in, sizeof in, "%s  ", indent);
		report_json_model(f, d->ref, rm, in);
		fprintf(f, ",\n%s  \"current\": ", indent);
		report_json_model(f, d->cur, cm, in);
	}
	fprintf(f, ",\n%s  \"drift\": {\"psi\": ", indent);
	report_json_number(f, dr.psi);
	fputs(", \"ks\": ", f), report_json_number(f, dr.ks);
	fputs(", \"prevalence_change\": ", f), report_json_number(f, dr.prevalence_change);
	fputs(", \"auc_difference\": ", f), report_json_number(f, dr.auc_difference);
	fputs(", \"auc_t\": ", f), report_json_number(f, dr.auc_t);
	fputs(", \"auc_df\": ", f), report_json_number(f, dr.auc_df);
	fputs(", \"auc_p_value\": ", f), report_json_number(f, dr.auc_p_value);
	fputs(", \"auc_no_test\": ", f);
	if (dr.no_test == DRIFT_TESTED)
		fputs("null", f);
	else
		fprintf(f, "\"%s\"", no_test(&dr));
	fputs(", \"of\": \"the data as read\"", f);
	fputc('}', f);
	if (d->cur_opt_thr != NULL) {
		fprintf(f, ",\n%s  \"current_optimum\": {\"threshold\": ", indent);
		report_json_number(f, d->cur_opt_thr[i]);
		fputs(", \"value\": ", f), report_json_number(f, d->cur_opt_val[i]);
		fputc('}', f);
	}
	fprintf(f, "\n%s}", indent);
}

/* A change with its sign, "+0.05479" or "-0.02919" (since the reference). */
static const char *with_sign(char *buf, size_t cap, double d)
{
	char a[40];

	snprintf(buf, cap, "%s%s", d > 0 ? "+" : "", fmt_rate(a, sizeof a, d));
	return buf;
}

/* One row of the side-by-side table: label, both values, the change. */
static void row(FILE *f, bool md, const char *label, const char *a, const char *b, const char *delta)
{
	if (md)
		fprintf(f, "| %s | %s | %s | %s |\n", label, a, b, delta);
	else
		fprintf(f, "%-18s %12s %12s %12s\n", label, a, b, delta);
}

static void side_by_side(FILE *f, const struct report_drift *d, size_t i, bool md)
{
	const struct report_model *rm = &d->ref->models[i], *cm = &d->cur->models[i];
	const struct sweep *rs = rm->sw, *cs = cm->sw;
	struct confusion rc = sweep_at(rs, rm->threshold), cc = sweep_at(cs, cm->threshold);
	static const enum metric shown[] = { METRIC_PRECISION, METRIC_RECALL, METRIC_SPECIFICITY, METRIC_FPR, METRIC_F1,
					     METRIC_ACCURACY, METRIC_MCC, METRIC_PREDICTED_POSITIVE_RATE };
	char a[48], b[48], c[48], t[48], name[160], sentence[512];
	struct drift dr;
	size_t k;

	compare(rm, cm, &dr);
	if (md) {
		fprintf(f, "\n### %s at threshold %s\n\nEvery change is since the reference: current minus reference.\n\n"
			"| | reference | current | change |\n|---|---:|---:|---:|\n",
			text_markdown(name, sizeof name, rm->score, 60), fmt_exact(t, sizeof t, rm->threshold));
	} else {
		fprintf(f, "\nmodel      %s at threshold %s", text_escape(name, sizeof name, rm->score, strlen(rm->score), 40),
			fmt_exact(t, sizeof t, rm->threshold));
		if (rm->objective != NULL)
			fprintf(f, " (the reference's best %s)", rm->objective);
		fprintf(f, "\nevery change is since the reference: current minus reference\n\n%-18s %12s %12s %12s\n", "",
			"reference", "current", "change");
	}
	row(f, md, "rows", fmt_count(a, sizeof a, rs->pos + rs->neg), fmt_count(b, sizeof b, cs->pos + cs->neg), "");
	if (rm->sample != NULL) {
		/* reweighted: the prevalence the counts are at, then the data's */
		row(f, md, "prevalence", fmt_rate(a, sizeof a, rs->pos / (rs->pos + rs->neg)),
		    fmt_rate(b, sizeof b, cs->pos / (cs->pos + cs->neg)), "");
		row(f, md, "  as read", fmt_rate(a, sizeof a, rm->sample->pos / (rm->sample->pos + rm->sample->neg)),
		    fmt_rate(b, sizeof b, cm->sample->pos / (cm->sample->pos + cm->sample->neg)),
		    with_sign(c, sizeof c, dr.prevalence_change));
	} else {
		row(f, md, "prevalence", fmt_rate(a, sizeof a, rs->pos / (rs->pos + rs->neg)),
		    fmt_rate(b, sizeof b, cs->pos / (cs->pos + cs->neg)), with_sign(c, sizeof c, dr.prevalence_change));
	}
	row(f, md, "TP", fmt_count(a, sizeof a, rc.tp), fmt_count(b, sizeof b, cc.tp), "");
	row(f, md, "FP", fmt_count(a, sizeof a, rc.fp), fmt_count(b, sizeof b, cc.fp), "");
	row(f, md, "TN", fmt_count(a, sizeof a, rc.tn), fmt_count(b, sizeof b, cc.tn), "");
	row(f, md, "FN", fmt_count(a, sizeof a, rc.fn), fmt_count(b, sizeof b, cc.fn), "");
	for (k = 0; k < sizeof shown / sizeof shown[0]; k++) {
		double x = metrics_value(shown[k], &rc), y = metrics_value(shown[k], &cc);

		row(f, md, metric_table[shown[k]].label, fmt_rate(a, sizeof a, x), fmt_rate(b, sizeof b, y),
		    with_sign(c, sizeof c, y - x));
	}
	row(f, md, "ROC AUC", fmt_rate(a, sizeof a, rs->roc_auc), fmt_rate(b, sizeof b, cs->roc_auc),
	    with_sign(c, sizeof c, cs->roc_auc - rs->roc_auc));
	row(f, md, "avg precision", fmt_rate(a, sizeof a, rs->average_precision), fmt_rate(b, sizeof b, cs->average_precision),
	    with_sign(c, sizeof c, cs->average_precision - rs->average_precision));
	fputc('\n', f);
	if (rm->sample != NULL)
		fprintf(f, "%sthe counts are reweighted to the deployment prevalence; the drift below is of the data as read\n",
			md ? "- " : "");
	if (isnan(dr.auc_t))
		fprintf(f, "%sROC AUC: no test (%s)\n", md ? "- " : "", no_test(&dr));
	else
		fprintf(f, "%sROC AUC change since the reference %s: t %s, df %s, p %s (DeLong, unpaired)\n", md ? "- " : "",
			with_sign(a, sizeof a, dr.auc_difference), fmt_rate(b, sizeof b, dr.auc_t), fmt_rate(c, sizeof c, dr.auc_df),
			fmt_rate(t, sizeof t, dr.auc_p_value));
	fprintf(f, "%sscores shifted: KS %s, PSI %s over the reference's deciles\n", md ? "- " : "", fmt_rate(a, sizeof a, dr.ks),
		fmt_rate(b, sizeof b, dr.psi));
	if (d->cur_opt_thr != NULL)
		fprintf(f, "%sthe current data's own optimum: threshold %s, %s %s\n", md ? "- " : "",
			fmt_exact(a, sizeof a, d->cur_opt_thr[i]), rm->objective, fmt_rate(b, sizeof b, d->cur_opt_val[i]));
	{
		char pos[120];

		explain_drift(sentence, sizeof sentence, &rc, &cc,
			      md ? text_markdown(pos, sizeof pos, d->cur->pos_words, 40)
				 : text_escape(pos, sizeof pos, d->cur->pos_words, strlen(d->cur->pos_words), 40));
		fprintf(f, md ? "\n> %s\n" : "\n%s\n", sentence);
	}
}

void reportdrift_write(FILE *f, const struct report_drift *d, enum report_format fmt)
{
	size_t i, n = d->cur->n_models;

	if (fmt == FORMAT_JSON) {
		if (n == 1) {
			drift_json(f, d, 0, "");
			fputc('\n', f);
			return;
		}
		fputs("{\n  \"models\": [\n    ", f);
		for (i = 0; i < n; i++) {
			drift_json(f, d, i, "    ");
			fputs(i + 1 < n ? ",\n    " : "\n", f);
		}
		fputs("  ]\n}\n", f);
		return;
	}
	{
		/* the whole paths, escaped for the terminal (and for Markdown) */
		const char *ra = d->ref->file ? d->ref->file : "", *ca = d->cur->file ? d->cur->file : "";
		size_t cap = 8 * (strlen(ra) > strlen(ca) ? strlen(ra) : strlen(ca)) + 8;
		char *a = malloc(cap), *b = malloc(cap);

		if (a != NULL && b != NULL && fmt == FORMAT_MARKDOWN)
			fprintf(f, "## cutoff: reference against current\n\nReference %s, current %s.\n",
				text_markdown(a, cap, ra, SIZE_MAX), text_markdown(b, cap, ca, SIZE_MAX));
		else if (a != NULL && b != NULL)
			fprintf(f, "cutoff drift report\nreference  %s\ncurrent    %s\n",
				text_escape(a, cap, ra, strlen(ra), SIZE_MAX), text_escape(b, cap, ca, strlen(ca), SIZE_MAX));
		free(a);
		free(b);
	}
	for (i = 0; i < n; i++)
		side_by_side(f, d, i, fmt == FORMAT_MARKDOWN);
}
