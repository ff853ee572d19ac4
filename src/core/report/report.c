/*
 * report: the output formats.  JSON and CSV share one list of key/value
 * fields per model, in the order the contract gives; text and Markdown lay
 * the same numbers out for people (4 significant digits, the threshold
 * exact).
 */
#include "core/report/report.h"

#include "core/report/reportband.h"
#include "core/report/reportbase.h"
#include "core/stats/rowcost.h"
#include "core/report/reportrows.h"
#include "core/report/figures.h"
#include "core/report/reportmd.h"
#include "core/report/reportgroups.h"
#include "core/stats/curve.h"
#include "core/base/fmt.h"
#include "core/stats/interval.h"
#include "core/stats/deploy.h"

#include "core/report/explain.h"
#include "core/stats/metrics.h"
#include "core/base/text.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int report_parse_format(const char *name, enum report_format *fmt)
{
	static const char *const names[] = { "text", "json", "csv", "markdown", "svg", "html" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0) {
			*fmt = (enum report_format)i;
			return 0;
		}
	if (strcmp(name, "md") == 0) {
		*fmt = FORMAT_MARKDOWN;
		return 0;
	}
	return -1;
}

/* ---- the fields of one model --------------------------------------------- */

enum kv_kind { KV_STR, KV_NUM, KV_TRUE, KV_PAIR };

struct kv {
	const char *key;
	enum kv_kind kind;
	const char *s;      /* KV_STR; NULL is null */
	double v;           /* KV_NUM; NaN and inf are null in JSON */
	double v2;          /* KV_PAIR: [v, v2], null when v is NaN */
};

#define MAX_FIELDS 72

/* The Wilson-interval rates, with their JSON keys, in report order. */
static const struct {
	enum metric m;
	const char *key;
} ci_rates[] = {
	{ METRIC_PRECISION, "precision_ci" }, { METRIC_RECALL, "recall_ci" },
	{ METRIC_SPECIFICITY, "specificity_ci" }, { METRIC_NPV, "npv_ci" }, { METRIC_FPR, "fpr_ci" },
	{ METRIC_FNR, "fnr_ci" }, { METRIC_ACCURACY, "accuracy_ci" },
	{ METRIC_PREDICTED_POSITIVE_RATE, "predicted_positive_rate_ci" },
};

/* Long: the flat list of a model's report fields, in output order (every
 * format reads it); one entry a field. */
static size_t model_fields(const struct report *r, const struct report_model *m, struct kv *kv)
{
	struct figures_world wd;
	const struct sweep *sw = m->sw;
	struct confusion c = sweep_at(sw, m->threshold);
	size_t n = 0, i;

#define STR(k, val) kv[n].key = (k), kv[n].kind = KV_STR, kv[n].s = (val), n++
#define NUM(k, val) kv[n].key = (k), kv[n].kind = KV_NUM, kv[n].v = (val), n++
	STR("file", r->file);
	STR("label", r->label);
	STR("score", m->score);
	if (sw->inverted) {
		/* --invert or :invert: the thresholds are those of -score */
		kv[n].key = "score_inverted", kv[n].kind = KV_TRUE, n++;
	}
	STR("positive", r->positive);
	STR("negative", r->negative);
	NUM("n", sw->pos + sw->neg);
	NUM("positives", sw->pos);
	NUM("negatives", sw->neg);
	NUM("skipped", (double)r->skipped);
	NUM("threshold", m->threshold);
	NUM("tp", c.tp);
	NUM("fp", c.fp);
	NUM("tn", c.tn);
	NUM("fn", c.fn);
	if (r->costs) {
		/* what the mistakes cost: each row's own where a column gives it */
		NUM("cost", rowcost_at(sw, m->threshold, r->cost_fp, r->cost_fn));
	}
	for (i = 0; i < METRIC_COUNT; i++) {
		NUM(metric_table[i].key, metrics_value((enum metric)i, &c));
	}
	NUM("roc_auc", sw->roc_auc);
	NUM("average_precision", sw->average_precision);
	NUM("log_loss", sw->log_loss);
	NUM("brier", sw->brier);
	figures_world(r, m, &c, &wd);
	NUM("prevalence", wd.prevalence);
	NUM("sample_prevalence", wd.sample_prevalence);
	NUM("lift", wd.lift);
	NUM("ks", wd.ks);
	NUM("ks_threshold", wd.ks_threshold);
	NUM("net_benefit", wd.net_benefit);
	NUM("net_benefit_treat_all", wd.treat_all);
	NUM("ece", wd.cal.ece);
	NUM("mce", wd.cal.mce);
	NUM("brier_reliability", wd.cal.reliability);
	NUM("brier_resolution", wd.cal.resolution);
	NUM("brier_uncertainty", wd.cal.uncertainty);
	/* how sure: Wilson intervals of the rates, DeLong's of the AUC */
	NUM("conf_level", figures_level(r));
	for (i = 0; i < sizeof ci_rates / sizeof ci_rates[0]; i++) {
		kv[n].key = ci_rates[i].key, kv[n].kind = KV_PAIR;
		figures_rate_ci(r, m, ci_rates[i].m, &c, &kv[n].v, &kv[n].v2);
		n++;
	}
	{
		double se = NAN;

		kv[n + 1].key = "roc_auc_ci", kv[n + 1].kind = KV_PAIR;
		figures_auc_ci(r, m, &se, &kv[n + 1].v, &kv[n + 1].v2);
		NUM("roc_auc_se", se);
		n++;
	}
	if (r->partial_fpr > 0) {
		NUM("roc_auc_partial", curve_partial_auc(sw, r->partial_fpr));
		NUM("partial_auc_max_fpr", r->partial_fpr);
	}
	if (r->boot_resamples > 0) {
		/* percentile intervals of the resamples (null: none could be made) */
		static const char *const keys[BOOT_COUNT] = { "f1_ci", "mcc_ci", "balanced_accuracy_ci",
							     "average_precision_ci", "threshold_ci", "value_ci" };

		NUM("bootstrap_resamples", (double)r->boot_resamples);
		NUM("seed", (double)r->seed);
		for (i = 0; i < BOOT_COUNT; i++) {
			if (i >= BOOT_THRESHOLD && m->objective == NULL)
				break;
			kv[n].key = keys[i], kv[n].kind = KV_PAIR;
			kv[n].v = m->boot ? m->boot->lo[i] : NAN;
			kv[n].v2 = m->boot ? m->boot->hi[i] : NAN;
			n++;
		}
	}
	if (sw->bins > 0) {
		/* with --bins: how many, and how far the AUC may be off */
		NUM("bins", (double)sw->bins);
		NUM("auc_max_error", sw->auc_error);
	}
	if (m->objective != NULL) {
		STR("objective", m->objective);
		NUM("value", m->value);
	}
#undef STR
#undef NUM
	return n;
}

/* ---- JSON -------------------------------------------------------------------- */

void report_json_number(FILE *f, double v)
{
	char buf[40];

	if (!isfinite(v))
		fputs("null", f);
	else
		fputs(fmt_exact(buf, sizeof buf, v), f);
}

void report_json_model(FILE *f, const struct report *r, const struct report_model *m, const char *indent)
{
	struct kv kv[MAX_FIELDS];
	size_t n = model_fields(r, m, kv), i;

	fprintf(f, "{\n");
	for (i = 0; i < n; i++) {
		fprintf(f, "%s  \"%s\": ", indent, kv[i].key);
		if (kv[i].kind == KV_STR) {
			text_json(f, kv[i].s);
		} else if (kv[i].kind == KV_TRUE) {
			fputs("true", f);
		} else if (kv[i].kind == KV_PAIR) {
			if (isnan(kv[i].v)) {
				fputs("null", f);
			} else {
				fputc('[', f);
				report_json_number(f, kv[i].v);
				fputs(", ", f);
				report_json_number(f, kv[i].v2);
				fputc(']', f);
			}
		} else {
			report_json_number(f, kv[i].v);
		}
		fputs(i + 1 < n ? ",\n" : "", f);
	}
	reportgroups_json(f, r, m, indent);
	reportrows_json(f, r, m, indent);
	if (r->has_baseline) {
		/* today's policy: the same report at T, then what changes */
		struct report_model at = *m;
		struct report plain = *r;
		char deeper[32];

		plain.has_baseline = false;
		at.threshold = r->baseline, at.objective = NULL, at.boot = NULL, at.rows = NULL;
		at.group_sw = NULL, at.group_thr = NULL;
		snprintf(deeper, sizeof deeper, "%s  ", indent);
		fprintf(f, ",\n%s  \"baseline\": ", indent);
		at.band = NULL;
		report_json_model(f, &plain, &at, deeper);
		reportbase_json(f, r, m, indent);
	}
	reportband_json(f, m, indent);
	fprintf(f, "\n%s}", indent);
}

static void json_pair(FILE *f, const struct report *r, const struct report_pair *p, bool more)
{
	double z, pv, lo, hi;

	figures_pair(r, p, &z, &pv, &lo, &hi);
	fputs("\n    {\"a\": ", f);
	text_json(f, p->a);
	fputs(", \"b\": ", f);
	text_json(f, p->b);
	fputs(", \"auc_difference\": ", f);
	report_json_number(f, p->difference);
	fputs(", \"z\": ", f);
	report_json_number(f, z);
	fputs(", \"p_value\": ", f);
	report_json_number(f, pv);
	fputs(", \"ci\": ", f);
	if (isnan(lo)) {
		fputs("null", f);
	} else {
		fputc('[', f);
		report_json_number(f, lo);
		fputs(", ", f);
		report_json_number(f, hi);
		fputc(']', f);
	}
	fputs(more ? "}," : "}", f);
}

/* ---- CSV --------------------------------------------------------------------- */

static void csv_number(FILE *f, double v)
{
	char buf[40];

	if (!isnan(v))
		fputs(fmt_exact(buf, sizeof buf, v), f);
}

/* The end of a model's CSV line (a header's names, or a row's values):
 * with --baseline the baseline and change_* columns, with --band the
 * band_* columns, then the line's end. */
static void csv_tail(FILE *f, const struct report *r, const struct report_model *m, bool head)
{
	const char *k[REPORTBASE_KEYS];
	double v[REPORTBASE_KEYS];
	size_t n;

	if (r->has_baseline) {
		n = reportbase_change(r, m, k, v);
		fputs(head ? ",baseline" : ",", f);
		if (!head)
			csv_number(f, r->baseline);
		for (size_t i = 0; i < n; i++) {
			fputc(',', f);
			if (head)
				fprintf(f, "change_%s", k[i]);
			else
				csv_number(f, v[i]);
		}
	}
	reportband_csv(f, m, head);
	fputc('\n', f);
}

/* ---- text and Markdown helpers ----------------------------------------------------- */

static const char *safe(char *buf, size_t cap, const char *s, size_t max_chars)
{
	return text_escape(buf, cap, s ? s : "", s ? strlen(s) : 0, max_chars);
}

static void pad(FILE *f, const char *s, int w, bool right)
{
	int n = fmt_width(s);

	if (right)
		fprintf(f, "%*s%s", w > n ? w - n : 0, "", s);
	else
		fprintf(f, "%s%*s", s, w > n ? w - n : 0, "");
}

/* ---- text ---------------------------------------------------------------------- */

/* The intervals under the metrics, two to a row (80 columns); with
 * weights, why there are none. */
static void text_intervals(FILE *f, const struct report *r, const struct report_model *m,
			   const struct figures_cell *cells, size_t nc)
{
	char a[100], lv[40];
	size_t i, shown = 0;
	double se = NAN, lo, hi;

	if (!isnan(m->sw->sample_prevalence)) {
		figures_auc_ci(r, m, &se, &lo, &hi);
		fprintf(f, "intervals  ROC AUC %s (DeLong, %g%%; the sample's); none for the rates: reweighted counts\n\n",
			fmt_range(a, sizeof a, lo, hi), 100 * figures_level(r));
		return;
	}
	if (m->sw->weighted) {
		fputs("intervals  none: a weighted count has no Wilson interval, and DeLong's needs whole rows\n\n", f);
		return;
	}
	figures_auc_ci(r, m, &se, &lo, &hi);
	snprintf(lv, sizeof lv, "%g", 100 * figures_level(r));
	fprintf(f, "%s%% intervals (Wilson; ROC AUC: DeLong%s%s)\n", lv, isnan(se) ? "" : ", se ",
		isnan(se) ? "" : fmt_rate(a, sizeof a, se));
	for (i = 0; i < nc; i++) {
		/* the rates with an interval, and the AUC (n/a when it has none) */
		if (isnan(cells[i].lo) && strcmp(cells[i].label, "ROC AUC") != 0)
			continue;
		if (shown % 2 == 1)
			fputs("  ", f);
		fprintf(f, "%-13s", cells[i].label);
		fmt_range(a, sizeof a, cells[i].lo, cells[i].hi);
		if (shown % 2 == 1 || strcmp(cells[i].label, "ROC AUC") == 0)
			fprintf(f, "%s\n", a); /* the AUC comes last */
		else
			fprintf(f, "%-20s", a);
		shown++;
	}
	fputc('\n', f);
}

/* The bootstrap's intervals, or why there are none. */
static void text_boot(FILE *f, const struct report *r, const struct report_model *m)
{
	static const char *const names[BOOT_COUNT] = { "F1", "MCC", "bal. acc.", "avg prec.", "threshold", "value" };
	char a[100];
	size_t i, shown = 0;

	if (m->boot == NULL) {
		fputs("bootstrap  none: it resamples whole rows (not with --weight or --prevalence)\n\n", f);
		return;
	}
	fprintf(f, "bootstrap  %zu stratified resamples, seed %llu, %g%% percentile intervals\n", r->boot_resamples,
		(unsigned long long)r->seed, 100 * figures_level(r));
	for (i = 0; i < BOOT_COUNT && (i < BOOT_THRESHOLD || m->objective != NULL); i++, shown++) {
		fmt_range(a, sizeof a, m->boot->lo[i], m->boot->hi[i]);
		if (shown % 2 == 0 && i + 1 < BOOT_COUNT && (i + 1 < BOOT_THRESHOLD || m->objective != NULL))
			fprintf(f, "%-13s%-20s", names[i], a); /* a second one follows */
		else
			fprintf(f, "%s%-13s%s\n", shown % 2 ? "  " : "", names[i], a);
	}
	fputc('\n', f);
}

/* The cost line: the total, and what the false alarms and the misses
 * each add to it. */
static void text_cost(FILE *f, const struct report *r, const struct sweep *sw, double t)
{
	const char *u = r->cost_unit ? r->cost_unit : "";
	double fp, fn;
	char a[48], b[48], d[48];

	rowcost_sides(sw, sweep_index(sw, t), r->cost_fp, r->cost_fn, &fp, &fn);
	fprintf(f, "cost       %s: %s for false alarms%s, %s for misses%s\n", fmt_money(a, sizeof a, fp + fn, u),
		fmt_money(b, sizeof b, fp, u), sw->fp_cost != NULL ? " (each row's own)" : "",
		fmt_money(d, sizeof d, fn, u), sw->fn_cost != NULL ? " (each row's own)" : "");
}

/* Long: one model's text report written top to bottom in the order it reads
 * (heading, matrix with totals, metrics, intervals, words); split, one
 * page's layout would be spread over several functions. */
static void text_model(FILE *f, const struct report *r, const struct report_model *m)
{
	const struct sweep *sw = m->sw;
	struct confusion c = sweep_at(sw, m->threshold);
	struct figures_cell cells[FIGURES_MAX_CELLS];
	char pos[96], neg[96], a[40], b[40], d[40], t[40], score[96];
	double n = sw->pos + sw->neg;
	int w, lw;
	size_t nc, i;

	safe(pos, sizeof pos, r->pos_words, 20);
	safe(neg, sizeof neg, r->neg_words ? r->neg_words : r->negative, 20);
	safe(score, sizeof score, m->score, 40);
	fprintf(f, "model      %s%s\n", sw->inverted ? "-" : "", score);
	if (sw->inverted)
		fprintf(f, "inverted   scores are -%s: the lower %s, the more likely %s\n", score, score, pos);
	fprintf(f, "rows       %s: %s %s (%s%%), %s %s; %s skipped\n", fmt_count(a, sizeof a, n),
		fmt_count(b, sizeof b, sw->pos), pos,
		n > 0 ? fmt_rate(t, sizeof t, 100 * sw->pos / n) : "n/a",
		fmt_count(d, sizeof d, sw->neg), neg,
		fmt_count(score, sizeof score, (double)r->skipped));
	if (!isnan(sw->sample_prevalence))
		fprintf(f, "deployed   at prevalence %.4g%%: counts reweighted from the sample's %s%% %s\n",
			100 * sw->pos / n, fmt_rate(b, sizeof b, 100 * sw->sample_prevalence), pos);
	fmt_exact(t, sizeof t, m->threshold);
	if (isinf(m->threshold) && m->threshold > 0)
		fprintf(f, "threshold  inf: nothing is flagged as %s\n", pos);
	else
		fprintf(f, "threshold  %s: scores >= %s are flagged as %s\n", t, t, pos);
	if (sw->bins > 0)
		fprintf(f, "binned     scores grouped into at most %zu bins; ROC AUC within %s of the exact value\n",
			sw->bins, fmt_rate(a, sizeof a, sw->auc_error));
	if (m->objective != NULL)
		fprintf(f, "optimum    %s %s %s\n", m->objective,
			strcmp(m->objective, "cost") == 0 ? "minimised:" : "maximised:",
			fmt_rate(a, sizeof a, m->value));
	if (r->costs)
		text_cost(f, r, sw, m->threshold);
	if (r->max_flagged > 0) {
		/* a threshold flags every row at or above it: ties at the cut can
		 * leave the capacity unused */
		size_t k = sweep_index(sw, m->threshold);
		struct confusion nx = sweep_confusion(sw, k < sw->n ? k + 1 : k);

		fprintf(f, "capacity   %s flagged, at most %s", fmt_count(a, sizeof a, c.tp + c.fp),
			fmt_count(b, sizeof b, r->max_flagged));
		if (k < sw->n && c.tp + c.fp < r->max_flagged && nx.tp + nx.fp > r->max_flagged)
			fprintf(f, ": ties decide; the next score (%s) would flag %s", fmt_exact(t, sizeof t, sw->score[k]),
				fmt_count(d, sizeof d, nx.tp + nx.fp));
		fputc('\n', f);
	}
	fputc('\n', f);

	/* the confusion matrix with totals */
	w = fmt_width(fmt_count(a, sizeof a, n)) + 2;
	if (w < 10)
		w = 10;
	if (fmt_width(pos) + 2 > w)
		w = fmt_width(pos) + 2;
	if (fmt_width(neg) + 2 > w)
		w = fmt_width(neg) + 2;
	lw = fmt_width(pos) > fmt_width(neg) ? fmt_width(pos) : fmt_width(neg);
	if (lw < 5)
		lw = 5;
	fprintf(f, "%*s", 9 + lw, "");
	pad(f, "predicted", w, true);
	fputc('\n', f);
	fprintf(f, "%*s", 9 + lw, "");
	pad(f, pos, w, true);
	pad(f, neg, w, true);
	pad(f, "total", w, true);
	fputc('\n', f);
	{
		const char *rows[3] = { pos, neg, "total" };
		double cellv[3][3] = {
			{ c.tp, c.fn, sw->pos },
			{ c.fp, c.tn, sw->neg },
			{ c.tp + c.fp, c.fn + c.tn, n },
		};

		for (i = 0; i < 3; i++) {
			fputs(i == 0 ? "actual   " : "         ", f);
			pad(f, rows[i], lw, false);
			for (int j = 0; j < 3; j++)
				pad(f, fmt_count(a, sizeof a, cellv[i][j]), w, true);
			fputc('\n', f);
		}
	}
	fputc('\n', f);

	nc = figures_cells(r, m, cells);
	for (i = 0; i < nc; i++) {
		bool last = i % 3 == 2 || i + 1 == nc;

		fprintf(f, "%-18s", cells[i].label);
		if (last)
			fprintf(f, "%s\n", fmt_rate(a, sizeof a, cells[i].v));
		else
			fprintf(f, "%-10s  ", fmt_rate(a, sizeof a, cells[i].v));
	}
	if (r->partial_fpr > 0)
		fputs("pAUC: the ROC AUC over FPR <= the limit, standardised (McClish): 0.5 chance, 1 perfect\n", f);
	fputc('\n', f);
	text_intervals(f, r, m, cells, nc);
	if (r->boot_resamples > 0)
		text_boot(f, r, m);
	{
		char sentence[1024], sp[200], sn[200], pw[64];
		const char *policy = reportgroups_policy(r, pw, sizeof pw);
		double per;

		/* under per-group thresholds the words tell them, pooled */
		if (policy != NULL)
			c = reportgroups_pooled(r, m);
		per = figures_per_cases(sw, &c);
		/* the class words are data: escaped before they make a sentence */
		explain_summary(sentence, sizeof sentence, &c, safe(sp, sizeof sp, r->pos_words, 40),
				r->neg_words ? safe(sn, sizeof sn, r->neg_words, 40) : NULL, policy);
		if (per > 0)
			fprintf(f, "Per %s cases where deployed:\n", fmt_count(a, sizeof a, per));
		fprintf(f, "%s\n", sentence);
	}
	reportgroups_text(f, r, m, false);
}

/* A pair's cells: the models, the difference, z, p, the interval (or why
 * there is no test, in the last). */
struct pair_cells {
	char name[200], d[40], z[40], p[40], ci[100];
};

static void pair_cells(const struct report *r, const struct report_pair *p, struct pair_cells *c)
{
	char a[96], b[96], l[40], h[40], d[40];
	double z, pv, lo, hi;

	figures_pair(r, p, &z, &pv, &lo, &hi);
	snprintf(c->name, sizeof c->name, "%s - %s", safe(a, sizeof a, p->a, 30), safe(b, sizeof b, p->b, 30));
	snprintf(c->d, sizeof c->d, "%s%s", p->difference > 0 ? "+" : "", fmt_rate(d, sizeof d, p->difference));
	c->z[0] = c->p[0] = '\0';
	if (isnan(p->se)) {
		snprintf(c->ci, sizeof c->ci, "no test: the rows were not kept (--stream, --counts or --weight)");
	} else if (isnan(z)) {
		snprintf(c->ci, sizeof c->ci, "no test possible: the two columns rank every row alike");
	} else {
		fmt_rate(c->z, sizeof c->z, z);
		fmt_rate(c->p, sizeof c->p, pv);
		snprintf(c->ci, sizeof c->ci, "%s to %s", fmt_rate(l, sizeof l, lo), fmt_rate(h, sizeof h, hi));
	}
}

/* The paired tests as a table whose columns take their widest cell. */
static void text_pairs(FILE *f, const struct report *r)
{
	struct pair_cells *c = calloc(r->n_pairs, sizeof *c);
	int w[4] = { 6, 10, 1, 1 };
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < r->n_pairs; i++) {
		pair_cells(r, &r->pairs[i], &c[i]);
		w[0] = fmt_width(c[i].name) > w[0] ? fmt_width(c[i].name) : w[0];
		w[1] = fmt_width(c[i].d) > w[1] ? fmt_width(c[i].d) : w[1];
		w[2] = fmt_width(c[i].z) > w[2] ? fmt_width(c[i].z) : w[2];
		w[3] = fmt_width(c[i].p) > w[3] ? fmt_width(c[i].p) : w[3];
	}
	pad(f, "models", w[0], false);
	fputs("  ", f), pad(f, "difference", w[1], true);
	fputs("  ", f), pad(f, "z", w[2], true);
	fputs("  ", f), pad(f, "p", w[3], true);
	fputs("  interval\n", f);
	for (i = 0; i < r->n_pairs; i++) {
		pad(f, c[i].name, w[0], false);
		fputs("  ", f), pad(f, c[i].d, w[1], true);
		fputs("  ", f), pad(f, c[i].z, w[2], true);
		fputs("  ", f), pad(f, c[i].p, w[3], true);
		fprintf(f, "  %s\n", c[i].ci);
	}
	free(c);
}

static void text_report(FILE *f, const struct report *r)
{
	char file[300], label[96];
	size_t i;

	{
		char *whole = text_escape_all(r->file ? r->file : "");

		fprintf(f, "cutoff report: %s\n", whole ? whole : "");
		free(whole);
	}
	if (r->label != NULL)
		fprintf(f, "label      %s (positive: %s)\n", safe(label, sizeof label, r->label, 40),
			safe(file, sizeof file, r->positive, 40));
	for (i = 0; i < r->n_models; i++) {
		fputc('\n', f);
		text_model(f, r, &r->models[i]);
	}
	if (r->n_pairs > 0) {
		char lv[40];

		snprintf(lv, sizeof lv, "%g", 100 * figures_level(r));
		fprintf(f, "\nROC AUC compared (DeLong, paired; %s%% intervals)\n", lv);
		text_pairs(f, r);
	}
}

void report_write(FILE *f, const struct report *r, enum report_format fmt)
{
	size_t i, j;

	switch (fmt) {
	case FORMAT_TEXT:
		text_report(f, r);
		reportbase_text(f, r, false);
		reportband_text(f, r, false);
		reportrows_text(f, r, false);
		break;
	case FORMAT_MARKDOWN:
		reportmd_write(f, r);
		reportbase_text(f, r, true);
		reportband_text(f, r, true);
		reportrows_text(f, r, true);
		break;
	case FORMAT_JSON:
		if (r->n_models == 1) {
			report_json_model(f, r, &r->models[0], "");
			fputc('\n', f);
			break;
		}
		fputs("{\n  \"models\": [\n    ", f);
		for (i = 0; i < r->n_models; i++) {
			report_json_model(f, r, &r->models[i], "    ");
			fputs(i + 1 < r->n_models ? ",\n    " : "\n", f);
		}
		fputs("  ],\n  \"comparisons\": [", f);
		for (i = 0; i < r->n_pairs; i++)
			json_pair(f, r, &r->pairs[i], i + 1 < r->n_pairs);
		fputs(r->n_pairs > 0 ? "\n  ]\n}\n" : "]\n}\n", f);
		break;
	case FORMAT_SVG:
	case FORMAT_HTML:
		break; /* a picture, a page: their own writers (curvesvg, reporthtml) */
	case FORMAT_CSV:
		if (r->rows_cell != NULL) {
			reportrows_csv(f, r); /* one rectangle: the rows */
			break;
		}
		for (i = 0; i < r->n_models; i++) {
			struct kv kv[MAX_FIELDS];
			size_t n = model_fields(r, &r->models[i], kv);

			/* an interval is two columns, KEY_lower and KEY_upper */
			if (i == 0) {
				for (j = 0; j < n; j++) {
					if (kv[j].kind == KV_PAIR)
						fprintf(f, "%s_lower,%s_upper", kv[j].key, kv[j].key);
					else
						fputs(kv[j].key, f);
					if (j + 1 < n)
						fputc(',', f);
				}
				csv_tail(f, r, &r->models[i], true);
			}
			for (j = 0; j < n; j++) {
				if (kv[j].kind == KV_STR) {
					text_csv(f, kv[j].s);
				} else if (kv[j].kind == KV_TRUE) {
					fputs("true", f);
				} else if (kv[j].kind == KV_PAIR) {
					csv_number(f, kv[j].v);
					fputc(',', f);
					csv_number(f, kv[j].v2);
				} else {
					csv_number(f, kv[j].v);
				}
				if (j + 1 < n)
					fputc(',', f);
			}
			csv_tail(f, r, &r->models[i], false);
		}
		break;
	}
}
