/*
 * reportbase: a model against the baseline threshold (see reportbase.h).
 */
#include "core/report/reportbase.h"

#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/stats/metrics.h"
#include "core/stats/rowcost.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const keys_all[REPORTBASE_KEYS] = {
	"tp", "fp", "tn", "fn", "flagged", "precision", "recall", "f1", "cost"
};
static const char *const labels[REPORTBASE_KEYS] = {
	"TP", "FP", "TN", "FN", "flagged", "precision", "recall", "F1", "cost"
};

/* The nine figures at threshold t. */
static void figures_at(const struct report *r, const struct report_model *m, double t, double *v)
{
	struct confusion c = sweep_at(m->sw, t);

	v[0] = c.tp, v[1] = c.fp, v[2] = c.tn, v[3] = c.fn, v[4] = c.tp + c.fp;
	v[5] = metrics_value(METRIC_PRECISION, &c);
	v[6] = metrics_value(METRIC_RECALL, &c);
	v[7] = metrics_value(METRIC_F1, &c);
	v[8] = r->costs ? rowcost_at(m->sw, t, r->cost_fp, r->cost_fn) : NAN;
}

size_t reportbase_change(const struct report *r, const struct report_model *m, const char **keys, double *v)
{
	double now[REPORTBASE_KEYS], then[REPORTBASE_KEYS];
	size_t n = r->costs ? REPORTBASE_KEYS : REPORTBASE_KEYS - 1;

	figures_at(r, m, m->threshold, now);
	figures_at(r, m, r->baseline, then);
	for (size_t i = 0; i < n; i++) {
		keys[i] = keys_all[i];
		v[i] = now[i] - then[i]; /* undefined at either end: undefined */
	}
	return n;
}

void reportbase_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent)
{
	const char *k[REPORTBASE_KEYS];
	double v[REPORTBASE_KEYS];
	char a[40];
	size_t n;

	if (!r->has_baseline)
		return;
	n = reportbase_change(r, m, k, v);
	fprintf(f, ",\n%s  \"change\": {", indent);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s\"%s\": %s", i > 0 ? ", " : "", k[i], isfinite(v[i]) ? fmt_exact(a, sizeof a, v[i]) : "null");
	fputc('}', f);
}

/* A change for people: "+6", "-3", "0", "+0.0123"; counts with separators. */
static const char *signed_value(char *buf, size_t cap, double v, bool count)
{
	char a[32];

	if (isnan(v))
		return snprintf(buf, cap, "n/a"), buf;
	if (count)
		fmt_count(a, sizeof a, fabs(v));
	else
		fmt_rate(a, sizeof a, fabs(v));
	snprintf(buf, cap, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", a);
	return buf;
}

char *reportbase_sentence(char *buf, size_t cap, double t, double d_tp, double d_fp, double d_cost,
			  const char *unit, const char *pos_words)
{
	char tt[40], a[40], b[40], c[40];
	int n;

	n = snprintf(buf, cap, "Compared with %s: %s %s %s cases caught, %s %s false alarm%s", fmt_exact(tt, sizeof tt, t),
		     fmt_count(a, sizeof a, fabs(d_tp)), d_tp < 0 ? "fewer" : "more", pos_words ? pos_words : "positive",
		     fmt_count(b, sizeof b, fabs(d_fp)), d_fp < 0 ? "fewer" : "more", fabs(d_fp) == 1 ? "" : "s");
	if (n > 0 && (size_t)n < cap && !isnan(d_cost))
		n += snprintf(buf + n, cap - (size_t)n, ", %s %s in costs", fmt_money(c, sizeof c, fabs(d_cost), unit),
			      d_cost > 0 ? "more" : "less");
	if (n > 0 && (size_t)n < cap)
		snprintf(buf + n, cap - (size_t)n, ".");
	return buf;
}

/* The class word from the data, escaped for the format. */
static const char *words(char *buf, size_t cap, const char *w, bool md)
{
	if (w == NULL)
		return "positive";
	return md ? text_markdown(buf, cap, w, 40) : text_escape(buf, cap, w, strlen(w), 40);
}

static void sentence(FILE *f, const struct report *r, const double *d, bool md)
{
	char s[600], pos[200];

	fprintf(f, "%s\n", reportbase_sentence(s, sizeof s, r->baseline, d[0], d[1], r->costs ? d[8] : NAN, r->cost_unit ? r->cost_unit : "",
						words(pos, sizeof pos, r->pos_words, md)));
}

void reportbase_text(FILE *f, const struct report *r, bool md)
{
	if (!r->has_baseline)
		return;
	for (size_t mi = 0; mi < r->n_models; mi++) {
		const struct report_model *m = &r->models[mi];
		double now[REPORTBASE_KEYS], then[REPORTBASE_KEYS], d[REPORTBASE_KEYS];
		size_t n = r->costs ? REPORTBASE_KEYS : REPORTBASE_KEYS - 1;
		char name[200], t1[40], t2[40], a[40], b[40], c[48];

		figures_at(r, m, m->threshold, now);
		figures_at(r, m, r->baseline, then);
		for (size_t i = 0; i < n; i++)
			d[i] = now[i] - then[i];
		if (md)
			text_markdown(name, sizeof name, m->score, 40);
		else
			text_escape(name, sizeof name, m->score, strlen(m->score), 40);
		fmt_exact(t1, sizeof t1, m->threshold);
		fmt_exact(t2, sizeof t2, r->baseline);
		if (md)
			fprintf(f, "\n### %s compared with the baseline\n\n| | at %s | at %s (baseline) | change |\n|---|---:|---:|---:|\n",
				name, t1, t2);
		else {
			char h1[48], h2[60];

			snprintf(h1, sizeof h1, "at %s", t1);
			snprintf(h2, sizeof h2, "at %s (baseline)", t2);
			fprintf(f, "\n%s compared with the baseline\n%-10s %20s %24s %12s\n", name, "", h1, h2, "change");
		}
		for (size_t i = 0; i < n; i++) {
			bool count = i < 5;

			if (i == 8) {
				/* money, as every cost is written */
				fmt_money(a, sizeof a, now[i], r->cost_unit ? r->cost_unit : "");
				fmt_money(b, sizeof b, then[i], r->cost_unit ? r->cost_unit : "");
			} else if (count) {
				fmt_count(a, sizeof a, now[i]);
				fmt_count(b, sizeof b, then[i]);
			} else {
				fmt_rate(a, sizeof a, now[i]);
				fmt_rate(b, sizeof b, then[i]);
			}
			if (i == 8 && !isnan(d[i])) {
				char mo[40];

				snprintf(c, sizeof c, "%s%s", d[i] > 0 ? "+" : d[i] < 0 ? "-" : "",
					 fmt_money(mo, sizeof mo, fabs(d[i]), r->cost_unit ? r->cost_unit : ""));
			} else {
				signed_value(c, sizeof c, d[i], count);
			}
			if (md)
				fprintf(f, "| %s | %s | %s | %s |\n", labels[i], a, b, c);
			else
				fprintf(f, "%-10s %20s %24s %12s\n", labels[i], a, b, c);
		}
		if (md)
			fputc('\n', f);
		sentence(f, r, d, md);
	}
}
