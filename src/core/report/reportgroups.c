/*
 * reportgroups: per-group results, gaps and per-group thresholds, in
 * JSON and as tables.  Numbers in JSON read back exactly; tables use the
 * report's formats (fmt.h).
 */
#include "core/report/reportgroups.h"

#include "core/base/fmt.h"
#include "core/load/groups.h"
#include "core/stats/interval.h"
#include "core/stats/metrics.h"
#include "core/stats/optimize.h"
#include "core/base/text.h"

#include <math.h>
#include <string.h>

/* group and fold names in tables and sentences: at most this many
 * characters (text_fit), distinct ones still told apart */
#define NAME_FIT 30

static void num(FILE *f, double v)
{
	char buf[40];

	fputs(isfinite(v) ? fmt_exact(buf, sizeof buf, v) : "null", f);
}

static double level(const struct report *r)
{
	return interval_level(r->conf_level);
}

/* The rates every group entry carries, with a Wilson interval where the
 * report gives one. */
static const struct {
	enum metric m;
	bool ci;
} group_rates[] = {
	{ METRIC_PRECISION, true }, { METRIC_RECALL, true }, { METRIC_FPR, true },
	{ METRIC_PREDICTED_POSITIVE_RATE, true }, { METRIC_F1, false }, { METRIC_ACCURACY, true },
};

static void counts(FILE *f, const struct confusion *c)
{
	fputs("\"tp\": ", f), num(f, c->tp);
	fputs(", \"fp\": ", f), num(f, c->fp);
	fputs(", \"tn\": ", f), num(f, c->tn);
	fputs(", \"fn\": ", f), num(f, c->fn);
}

static void every_rate(FILE *f, const struct confusion *c)
{
	size_t i;

	for (i = 0; i < METRIC_COUNT; i++) {
		fprintf(f, ", \"%s\": ", metric_table[i].key);
		num(f, metrics_value((enum metric)i, c));
	}
}

static void group_entry(FILE *f, const struct report *r, const struct sweep *sw, const char *name, double thr)
{
	struct confusion c = sweep_at(sw, thr);
	double n = sw->pos + sw->neg, lo, hi;
	size_t i;

	fputs("{\"group\": ", f);
	text_json_shown(f, name);
	fputs(", \"n\": ", f), num(f, n);
	fputs(", \"positives\": ", f), num(f, sw->pos);
	fputs(", \"negatives\": ", f), num(f, sw->neg);
	fputs(", \"prevalence\": ", f), num(f, n > 0 ? sw->pos / n : NAN);
	fputs(", ", f);
	counts(f, &c);
	for (i = 0; i < sizeof group_rates / sizeof group_rates[0]; i++) {
		fprintf(f, ", \"%s\": ", metric_table[group_rates[i].m].key);
		num(f, metrics_value(group_rates[i].m, &c));
	}
	fputs(", \"roc_auc\": ", f), num(f, sw->roc_auc);
	fputs(", \"average_precision\": ", f), num(f, sw->average_precision);
	for (i = 0; i < sizeof group_rates / sizeof group_rates[0]; i++) {
		if (!group_rates[i].ci)
			continue;
		fprintf(f, ", \"%s_ci\": ", metric_table[group_rates[i].m].key);
		if (interval_rate_ci(sw, group_rates[i].m, &c, level(r), &lo, &hi) == 0) {
			fputc('[', f), num(f, lo), fputs(", ", f), num(f, hi), fputc(']', f);
		} else {
			fputs("null", f);
		}
	}
	fputc('}', f);
}

static const struct {
	enum metric m;
	const char *key;
} gaps[] = {
	{ METRIC_RECALL, "recall_gap" }, { METRIC_FPR, "fpr_gap" }, { METRIC_PRECISION, "precision_gap" },
	{ METRIC_PREDICTED_POSITIVE_RATE, "predicted_positive_rate_gap" },
};

const char *reportgroups_policy(const struct report *r, char *buf, size_t cap)
{
	const struct report_groups *gr = r->groups;

	if (gr == NULL || gr->folds || !gr->strategy_set || gr->strategy.strategy == FAIR_SINGLE)
		return NULL;
	return fairness_words(&gr->strategy, buf, cap);
}

struct confusion reportgroups_pooled(const struct report *r, const struct report_model *m)
{
	struct confusion p = { 0, 0, 0, 0 };
	size_t g;

	for (g = 0; g < r->groups->n; g++) {
		struct confusion c = sweep_at(m->group_sw[g], m->group_thr[g]);

		p.tp += c.tp, p.fp += c.fp, p.tn += c.tn, p.fn += c.fn;
	}
	return p;
}

/* ---- folds ------------------------------------------------------------------------------------ */

/* The statistics a fold has, in the order JSON and the summary give them:
 * ROC AUC, average precision, every rate at the threshold, and with
 * --optimize the fold's own optimum. */
#define FOLD_STATS (2 + METRIC_COUNT + 2)

static size_t fold_stats(const struct report *r, const struct sweep *sw, double thr, double *v, const char **key)
{
	struct confusion c = sweep_at(sw, thr);
	size_t n = 0, i;

	key[n] = "roc_auc", v[n++] = sw->roc_auc;
	key[n] = "average_precision", v[n++] = sw->average_precision;
	for (i = 0; i < METRIC_COUNT; i++)
		key[n] = metric_table[i].key, v[n++] = metrics_value((enum metric)i, &c);
	if (r->groups->optimize != NULL) {
		struct optimum o;
		bool found = optimize_run(sw, r->groups->optimize, &o) == 0;

		key[n] = "optimal_threshold", v[n++] = found ? o.threshold : NAN;
		key[n] = "optimal_value", v[n++] = found ? o.value : NAN;
	}
	return n;
}

/* Mean, sd (n - 1), min and max of the defined values; sd NaN with
 * fewer than two, all NaN with none. */
static void spread(const double *x, size_t n, double out[4])
{
	double sum = 0, ss = 0;
	size_t i, k = 0;

	out[0] = out[1] = out[2] = out[3] = NAN;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]))
			continue;
		sum += x[i];
		if (k == 0 || x[i] < out[2])
			out[2] = x[i];
		if (k == 0 || x[i] > out[3])
			out[3] = x[i];
		k++;
	}
	if (k == 0)
		return;
	out[0] = sum / (double)k;
	for (i = 0; i < n; i++)
		if (isfinite(x[i]))
			ss += (x[i] - out[0]) * (x[i] - out[0]);
	out[1] = k > 1 ? sqrt(ss / (double)(k - 1)) : NAN;
}

/* A fold id that JSON may carry as a number: an integer written as JSON
 * writes it (no leading zero, no sign on zero, no "+") that a double holds
 * exactly (|id| <= 2^53); "007", "-0" and 23 digits are strings. */
static bool canonical(const char *s)
{
	const char *d = s + (s[0] == '-');
	size_t n = strspn(d, "0123456789");

	if (n == 0 || d[n] != '\0' || (d[0] == '0' && (n > 1 || d != s)))
		return false;
	return n < 16 || (n == 16 && strcmp(d, "9007199254740992") <= 0);
}

/* The width of the name column: the widest name (each fitted to 30) and
 * the heading, and room to breathe. */
static int name_width(const struct report_groups *gr, const char *head)
{
	int nw = fmt_width(head) + 2;
	size_t g;

	for (g = 0; g < gr->n; g++) {
		char nm[256];
		int w = fmt_width(text_fit(nm, sizeof nm, gr->names[g], NAME_FIT)) + 2;

		if (w > nw)
			nw = w;
	}
	return nw;
}

static void folds_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent)
{
	const struct report_groups *gr = r->groups;
	double v[FOLD_STATS], col[GROUPS_MAX], sp[4];
	const char *key[FOLD_STATS];
	bool numeric = true;
	size_t g, i, n = 0;

	for (g = 0; g < gr->n; g++)
		numeric = numeric && canonical(gr->names[g]);
	fprintf(f, ",\n%s  \"fold_column\": ", indent);
	text_json(f, gr->column);
	fprintf(f, ",\n%s  \"folds\": [", indent);
	for (g = 0; g < gr->n; g++) {
		const struct sweep *sw = m->group_sw[g];
		struct confusion c = sweep_at(sw, m->threshold);

		fprintf(f, "%s\n%s    {\"fold\": ", g ? "," : "", indent);
		if (numeric)
			fputs(gr->names[g], f);
		else
			text_json_shown(f, gr->names[g]);
		fputs(", \"n\": ", f), num(f, sw->pos + sw->neg);
		fputs(", \"positives\": ", f), num(f, sw->pos);
		fputs(", \"negatives\": ", f), num(f, sw->neg);
		fputs(", ", f);
		counts(f, &c);
		n = fold_stats(r, sw, m->threshold, v, key);
		for (i = 0; i < n; i++) {
			fprintf(f, ", \"%s\": ", key[i]);
			num(f, v[i]);
		}
		fputc('}', f);
	}
	fprintf(f, "\n%s  ],\n%s  \"fold_summary\": {", indent, indent);
	for (i = 0; gr->n > 0 && i < n; i++) {
		for (g = 0; g < gr->n; g++) {
			fold_stats(r, m->group_sw[g], m->threshold, v, key);
			col[g] = v[i];
		}
		spread(col, gr->n, sp);
		fprintf(f, "%s\n%s    \"%s\": {\"mean\": ", i ? "," : "", indent, key[i]);
		num(f, sp[0]);
		fputs(", \"sd\": ", f), num(f, sp[1]);
		fputs(", \"min\": ", f), num(f, sp[2]);
		fputs(", \"max\": ", f), num(f, sp[3]);
		fputc('}', f);
	}
	fprintf(f, "\n%s  }", indent);
}

static void folds_text(FILE *f, const struct report *r, const struct report_model *m, bool md)
{
	const struct report_groups *gr = r->groups;
	static const char *const show[] = { "roc_auc", "average_precision", "precision", "recall", "f1", "optimal_threshold" };
	static const char *const head[] = { "ROC AUC", "avg prec.", "precision", "recall", "F1", "optimum" };
	double v[FOLD_STATS], col[GROUPS_MAX], sp[4];
	const char *key[FOLD_STATS];
	char a[40], b[40], c[40], d[40], t[40], nm[256];
	size_t g, i, j, n = sizeof show / sizeof show[0] - (gr->optimize ? 0 : 1);
	int nw = name_width(gr, "fold") > 11 ? name_width(gr, "fold") : 11, cw = 10;

	/* the counts' column as wide as the largest fold's count */
	for (g = 0; g < gr->n; g++)
		if (fmt_width(fmt_count(a, sizeof a, m->group_sw[g]->pos + m->group_sw[g]->neg)) > cw)
			cw = fmt_width(a);

	if (md)
		fprintf(f, "\n#### By fold (%s) at threshold %s\n\n| fold | n | positives", text_markdown(nm, sizeof nm, gr->column, 40),
			fmt_exact(t, sizeof t, m->threshold));
	else
		fprintf(f, "\nfolds (%s) at threshold %s\n%-*s%*s %*s", text_escape(nm, sizeof nm, gr->column, strlen(gr->column), 40),
			fmt_exact(t, sizeof t, m->threshold), nw, "fold", cw, "n", cw, "positives");
	for (j = 0; j < n; j++)
		fprintf(f, md ? " | %s" : " %10s", head[j]);
	fputs(md ? " |\n|---|---:|---:" : "\n", f);
	for (j = 0; md && j < n; j++)
		fputs("|---:", f);
	if (md)
		fputs("|\n", f);
	for (g = 0; g < gr->n; g++) {
		const struct sweep *sw = m->group_sw[g];
		size_t k = fold_stats(r, sw, m->threshold, v, key);

		if (md) {
			fprintf(f, "| %s | %s | %s", text_markdown_shown(nm, sizeof nm, gr->names[g], NAME_FIT),
				fmt_count(a, sizeof a, sw->pos + sw->neg), fmt_count(b, sizeof b, sw->pos));
		} else {
			text_fit(nm, sizeof nm, gr->names[g], NAME_FIT);
			fprintf(f, "%s%*s%*s %*s", nm, nw - fmt_width(nm), "", cw, fmt_count(a, sizeof a, sw->pos + sw->neg), cw,
				fmt_count(b, sizeof b, sw->pos));
		}
		for (j = 0; j < n; j++)
			for (i = 0; i < k; i++)
				if (strcmp(key[i], show[j]) == 0)
					/* 4 significant digits in the table; exact in JSON */
					fprintf(f, md ? " | %s" : " %10s", fmt_rate(a, sizeof a, v[i]));
		fputs(md ? " |\n" : "\n", f);
	}
	/* the spread across folds: mean, sd, range */
	fputs(md ? "\nAcross folds (mean, sd, min to max): " : "across folds (mean, sd, min to max)\n", f);
	for (j = 0; j < n; j++) {
		for (g = 0; g < gr->n; g++) {
			size_t k = fold_stats(r, m->group_sw[g], m->threshold, v, key);

			col[g] = NAN;
			for (i = 0; i < k; i++)
				if (strcmp(key[i], show[j]) == 0)
					col[g] = v[i];
		}
		spread(col, gr->n, sp);
		fprintf(f, md ? "%s%s %s, sd %s, %s to %s" : "  %-10s %-10s sd %-10s %s to %s\n", md ? (j ? "; " : "") : head[j],
			md ? head[j] : fmt_rate(a, sizeof a, sp[0]), md ? fmt_rate(a, sizeof a, sp[0]) : fmt_rate(b, sizeof b, sp[1]),
			md ? fmt_rate(b, sizeof b, sp[1]) : fmt_rate(c, sizeof c, sp[2]),
			md ? fmt_rate(c, sizeof c, sp[2]) : fmt_rate(d, sizeof d, sp[3]), md ? fmt_rate(d, sizeof d, sp[3]) : "");
	}
	if (md)
		fputc('\n', f);
}

void reportgroups_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent)
{
	const struct report_groups *gr = r->groups;
	double single[GROUPS_MAX];
	size_t g, i, hi, lo;

	if (gr == NULL || m->group_sw == NULL)
		return;
	if (gr->folds) {
		folds_json(f, r, m, indent);
		return;
	}
	for (g = 0; g < gr->n; g++)
		single[g] = m->threshold;
	fprintf(f, ",\n%s  \"group_column\": ", indent);
	text_json(f, gr->column);
	fprintf(f, ",\n%s  \"groups\": [", indent);
	for (g = 0; g < gr->n; g++) {
		fprintf(f, "%s\n%s    ", g ? "," : "", indent);
		group_entry(f, r, m->group_sw[g], gr->names[g], m->threshold);
	}
	fprintf(f, "\n%s  ],\n%s  \"fairness\": {", indent, indent);
	for (i = 0; i < sizeof gaps / sizeof gaps[0]; i++) {
		double v = fairness_gap(m->group_sw, gr->n, single, gaps[i].m, &hi, &lo);

		fprintf(f, "%s\"%s\": ", i ? ", " : "", gaps[i].key);
		num(f, v);
		fprintf(f, ", \"%s_groups\": ", gaps[i].key);
		if (isnan(v)) {
			fputs("null", f);
		} else {
			fputc('[', f), text_json_shown(f, gr->names[hi]), fputs(", ", f), text_json_shown(f, gr->names[lo]),
				fputc(']', f);
		}
	}
	fputc('}', f);
	if (!gr->strategy_set)
		return;
	fprintf(f, ",\n%s  \"group_thresholds\": {\"strategy\": \"%s\", \"value\": ", indent,
		fairness_name(gr->strategy.strategy));
	num(f, gr->strategy.value);
	fputs(", \"groups\": [", f);
	for (g = 0; g < gr->n; g++) {
		struct confusion c = sweep_at(m->group_sw[g], m->group_thr[g]);

		fprintf(f, "%s\n%s    {\"group\": ", g ? "," : "", indent);
		text_json_shown(f, gr->names[g]);
		fputs(", \"threshold\": ", f);
		num(f, m->group_thr[g]);
		fputs(", ", f);
		counts(f, &c);
		every_rate(f, &c);
		fputc('}', f);
	}
	{
		struct confusion p = reportgroups_pooled(r, m);

		fprintf(f, "\n%s  ], \"pooled\": {", indent);
		counts(f, &p);
		every_rate(f, &p);
		fputs("}}", f);
	}
}

static double at(const struct sweep *sw, double thr, enum metric m)
{
	struct confusion c = sweep_at(sw, thr);

	return metrics_value(m, &c);
}

/* ---- tables ---------------------------------------------------------------------------------- */

static void cell(FILE *f, bool md, const char *s, int w, bool right)
{
	int n = fmt_width(s);

	if (md)
		fprintf(f, "| %s ", s);
	else if (right)
		fprintf(f, "%*s%s", w > n ? w - n : 0, "", s);
	else
		fprintf(f, "%s%*s", s, w > n ? w - n : 0, "");
}

static void end_row(FILE *f, bool md)
{
	fputs(md ? "|\n" : "\n", f);
}

/* One group's row: name, n, prevalence, then the rates at thr. */
static void row(FILE *f, bool md, const char *name, int nw, const struct sweep *sw, double thr)
{
	struct confusion c = sweep_at(sw, thr);
	double n = sw->pos + sw->neg;
	char a[40];
	static const enum metric cols[] = { METRIC_PREDICTED_POSITIVE_RATE, METRIC_RECALL, METRIC_FPR,
					    METRIC_PRECISION };
	size_t i;

	cell(f, md, name, nw, false);
	cell(f, md, fmt_count(a, sizeof a, n), 11, true);
	cell(f, md, n > 0 ? fmt_rate(a, sizeof a, sw->pos / n) : "n/a", 11, true);
	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		cell(f, md, fmt_rate(a, sizeof a, metrics_value(cols[i], &c)), 11, true);
	cell(f, md, fmt_rate(a, sizeof a, sw->roc_auc), 11, true);
	end_row(f, md);
}

static void header(FILE *f, bool md, const char *first, int nw)
{
	static const char *const h[] = { "n", "prevalence", "flagged", "recall", "FPR", "precision", "ROC AUC" };
	size_t i;

	cell(f, md, first, nw, false);
	for (i = 0; i < sizeof h / sizeof h[0]; i++)
		cell(f, md, h[i], 11, true);
	end_row(f, md);
	if (md)
		fputs("|---|---:|---:|---:|---:|---:|---:|---:|\n", f);
}

/* Long: the groups' table and the cost-of-fairness lines, in text and
 * Markdown from one code path so that the two never differ. */
void reportgroups_text(FILE *f, const struct report *r, const struct report_model *m, bool md)
{
	const struct report_groups *gr = r->groups;
	double single[GROUPS_MAX];
	char col[160], a[40], b[40], t[40];
	size_t g, i, hi, lo;
	int nw;

	if (gr == NULL || m->group_sw == NULL)
		return;
	if (gr->folds) {
		folds_text(f, r, m, md);
		return;
	}
	nw = name_width(gr, "group") > 12 ? name_width(gr, "group") : 12;
	for (g = 0; g < gr->n; g++)
		single[g] = m->threshold;
	if (md)
		fprintf(f, "\n#### By %s at threshold %s\n\n", text_markdown(col, sizeof col, gr->column, 60),
			fmt_exact(t, sizeof t, m->threshold));
	else
		fprintf(f, "\nby %s at threshold %s\n", text_escape(col, sizeof col, gr->column, strlen(gr->column), 40),
			fmt_exact(t, sizeof t, m->threshold));
	header(f, md, "group", nw);
	for (g = 0; g < gr->n; g++) {
		char nm[256];

		if (md)
			text_markdown_shown(nm, sizeof nm, gr->names[g], NAME_FIT);
		else
			text_fit(nm, sizeof nm, gr->names[g], NAME_FIT);
		row(f, md, nm, nw, m->group_sw[g], m->threshold);
	}
	fputs(md ? "\nGaps (largest minus smallest): " : "gaps (largest minus smallest)\n", f);
	for (i = 0; i < sizeof gaps / sizeof gaps[0]; i++) {
		double v = fairness_gap(m->group_sw, gr->n, single, gaps[i].m, &hi, &lo);
		const char *sep = md ? (i ? "; " : "") : "  ", *end = md ? "" : "\n";
		char h[256], l[256];

		if (isnan(v)) {
			fprintf(f, "%s%-10s n/a: fewer than two groups define it%s", sep, metric_table[gaps[i].m].label, end);
			continue;
		}
		fprintf(f, md ? "%s%s %s (%s %s, %s %s)%s" : "%s%-10s %-10s %s %s, %s %s%s", sep, metric_table[gaps[i].m].label,
			fmt_rate(a, sizeof a, v),
			md ? text_markdown_shown(h, sizeof h, gr->names[hi], NAME_FIT)
			   : text_fit(h, sizeof h, gr->names[hi], NAME_FIT),
			fmt_rate(b, sizeof b, at(m->group_sw[hi], m->threshold, gaps[i].m)),
			md ? text_markdown_shown(l, sizeof l, gr->names[lo], NAME_FIT)
			   : text_fit(l, sizeof l, gr->names[lo], NAME_FIT),
			fmt_rate(t, sizeof t, at(m->group_sw[lo], m->threshold, gaps[i].m)), end);
	}
	if (md)
		fputc('\n', f);
	if (!gr->strategy_set)
		return;
	{
		struct confusion p = reportgroups_pooled(r, m), s = sweep_at(m->sw, m->threshold);
		char v[40] = "";

		if (!isnan(gr->strategy.value))
			snprintf(v, sizeof v, " %g", gr->strategy.value);
		if (md)
			fprintf(f, "\n#### Each group's own threshold: %s%s\n\n", fairness_name(gr->strategy.strategy), v);
		else
			fprintf(f, "\nthresholds %s%s: each group its own\n", fairness_name(gr->strategy.strategy), v);
		cell(f, md, "group", nw, false);
		cell(f, md, "threshold", 10, true);
		cell(f, md, "flagged", 10, true);
		cell(f, md, "recall", 10, true);
		cell(f, md, "FPR", 10, true);
		cell(f, md, "precision", 10, true);
		end_row(f, md);
		if (md)
			fputs("|---|---:|---:|---:|---:|---:|\n", f);
		for (g = 0; g < gr->n; g++) {
			struct confusion c = sweep_at(m->group_sw[g], m->group_thr[g]);
			char nm[256];

			cell(f, md, md ? text_markdown_shown(nm, sizeof nm, gr->names[g], NAME_FIT)
				       : text_fit(nm, sizeof nm, gr->names[g], NAME_FIT), nw, false);
			/* 4 significant digits in the table; exact in JSON */
			cell(f, md, fmt_rate(t, sizeof t, m->group_thr[g]), 10, true);
			cell(f, md, fmt_rate(a, sizeof a, metrics_value(METRIC_PREDICTED_POSITIVE_RATE, &c)), 10, true);
			cell(f, md, fmt_rate(a, sizeof a, metrics_value(METRIC_RECALL, &c)), 10, true);
			cell(f, md, fmt_rate(a, sizeof a, metrics_value(METRIC_FPR, &c)), 10, true);
			cell(f, md, fmt_rate(a, sizeof a, metrics_value(METRIC_PRECISION, &c)), 10, true);
			end_row(f, md);
		}
		/* the cost of fairness, against one threshold for all */
		fprintf(f, "%spooled: %s flagged, recall %s, precision %s; %s %s false alarm%s and %s %s miss%s than one threshold\n",
			md ? "\n" : "", fmt_count(a, sizeof a, p.tp + p.fp), fmt_rate(b, sizeof b, metrics_value(METRIC_RECALL, &p)),
			fmt_rate(t, sizeof t, metrics_value(METRIC_PRECISION, &p)), fmt_count(col, sizeof col, fabs(p.fp - s.fp)),
			p.fp >= s.fp ? "more" : "fewer", fabs(p.fp - s.fp) == 1 ? "" : "s",
			fmt_count(v, sizeof v, fabs(p.fn - s.fn)), p.fn >= s.fn ? "more" : "fewer",
			fabs(p.fn - s.fn) == 1 ? "" : "es");
	}
}
