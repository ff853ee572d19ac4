/*
 * curvefile: --curve's writers.  Each curve is a table: named columns and
 * one row of numbers per point, produced by the kind's row function; the
 * four formats lay any table out the same way.  Numbers are exact (they
 * read back as the same doubles); an undefined one is empty in CSV and
 * null in JSON.
 */
#include "core/report/curvefile.h"

#include "core/stats/band.h"

#include "core/stats/calib.h"
#include "core/stats/deploy.h"
#include "core/base/fmt.h"
#include "core/stats/metrics.h"
#include "core/stats/rowcost.h"
#include "core/report/report.h"
#include "core/base/text.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS CURVEFILE_MAX_COLS

static const struct {
	const char *name;
	int n_cols;
	const char *cols[MAX_COLS];
} kinds[CF_COUNT] = {
	[CF_ROC] = { "roc", 3, { "threshold", "fpr", "tpr" } },
	[CF_PR] = { "pr", 3, { "threshold", "recall", "precision" } },
	[CF_GAIN] = { "gain", 4, { "threshold", "flag_rate", "tpr", "lift" } },
	[CF_NET_BENEFIT] = { "net-benefit", 3, { "threshold", "net_benefit", "treat_all" } },
	[CF_COST] = { "cost", 4, { "threshold", "cost", "false_alarm_cost", "miss_cost" } },
	[CF_COVERAGE] = { "coverage", 6, { "target", "low", "high", "coverage", "accuracy_decided", "review_rate" } },
	[CF_CALIBRATION] = { "calibration", 6,
			     { "bin", "lower", "upper", "mean_predicted", "fraction_positive", "count" } },
};

int curvefile_parse(const char *name, enum curvefile_kind *kind)
{
	int i;

	for (i = 0; i < CF_COUNT; i++)
		if (strcmp(name, kinds[i].name) == 0) {
			*kind = (enum curvefile_kind)i;
			return 0;
		}
	return -1;
}

const char *curvefile_column(enum curvefile_kind kind, int col)
{
	return col < kinds[kind].n_cols ? kinds[kind].cols[col] : NULL;
}

const char *curvefile_name(enum curvefile_kind kind)
{
	return kinds[kind].name;
}

int curvefile_check(const struct report *r, enum curvefile_kind kind, char *err, size_t errlen)
{
	size_t i;

	if (kind != CF_CALIBRATION && kind != CF_NET_BENEFIT)
		return 0;
	for (i = 0; i < r->n_models; i++) {
		const struct sweep *sw = r->models[i].sw;

		if (!sw->probabilities) {
			char name[100];

			text_escape(name, sizeof name, r->models[i].score, strlen(r->models[i].score), 40);
			snprintf(err, errlen, "--curve %s needs probabilities, but model '%s' has scores from %.6g to %.6g",
				 kinds[kind].name, name, sw->min, sw->max);
			return -1;
		}
	}
	return 0;
}


#define COVERAGE_ROWS 52 /* P = 0.50, 0.51, ..., 0.99, 0.995, 0.999 */

int curvefile_table_open(struct curvefile_table *t, const struct report *r, const struct report_model *m, enum curvefile_kind kind)
{
	memset(t, 0, sizeof *t);
	t->sw = m->sw;
	t->kind = kind;
	switch (kind) {
	case CF_ROC:
		t->rows = curve_length(m->sw, CURVE_ROC);
		break;
	case CF_PR:
	case CF_GAIN:
		t->rows = m->sw->n; /* one per distinct score, no inf row */
		break;
	case CF_NET_BENEFIT:
		t->rows = 99; /* t = 0.01 ... 0.99 */
		break;
	case CF_COVERAGE:
		t->rows = COVERAGE_ROWS;
		break;
	case CF_COST:
		t->rows = m->sw->n + 1; /* from flagging nothing (inf) to flagging all */
		t->cost_fp = r->cost_fp, t->cost_fn = r->cost_fn;
		break;
	default: {
		size_t b = r->calib_bins ? r->calib_bins : 10;

		if ((t->bins = malloc(b * sizeof *t->bins)) == NULL)
			return -1;
		t->rows = calib_curve(m->sw, b, r->calib_strategy, t->bins);
		break;
	}
	}
	return 0;
}

void curvefile_table_row(const struct curvefile_table *t, size_t i, double *v)
{
	const struct sweep *sw = t->sw;

	switch (t->kind) {
	case CF_ROC:
	case CF_PR: {
		struct curve_point p = curve_point(sw, t->kind == CF_ROC ? CURVE_ROC : CURVE_PR, i);

		v[0] = p.threshold, v[1] = p.x, v[2] = p.y;
		break;
	}
	case CF_GAIN: {
		struct confusion c = sweep_confusion(sw, i + 1);

		v[0] = sw->score[i];
		v[1] = metrics_value(METRIC_PREDICTED_POSITIVE_RATE, &c);
		v[2] = metrics_value(METRIC_RECALL, &c);
		v[3] = deploy_lift(sw, &c);
		break;
	}
	case CF_NET_BENEFIT: {
		double th = (double)(i + 1) / 100;
		struct confusion c = sweep_at(sw, th);

		v[0] = th;
		v[1] = deploy_net_benefit(sw, &c, th);
		v[2] = deploy_treat_all(sw, th);
		break;
	}
	case CF_COST:
		v[0] = sweep_threshold(sw, i);
		rowcost_sides(sw, i, t->cost_fp, t->cost_fn, &v[2], &v[3]);
		v[1] = v[2] + v[3];
		break;
	case CF_COVERAGE: {
		/* the band whose automatic decisions reach precision and NPV P */
		double p = i < 50 ? 0.5 + (double)i / 100 : i == 50 ? 0.995 : 0.999, low = NAN, high = NAN;
		struct band b;

		band_high_for(sw, p, &high);
		band_low_for(sw, p, &low);
		if (low > high)
			low = high;
		band_at(sw, low, high, &b);
		v[0] = p, v[1] = low, v[2] = high, v[3] = b.coverage, v[4] = b.accuracy_decided, v[5] = b.rate;
		break;
	}
	default: {
		const struct calib_bin *b = &t->bins[i];

		v[0] = (double)b->bin, v[1] = b->lower, v[2] = b->upper;
		v[3] = b->mean_predicted, v[4] = b->fraction_positive, v[5] = b->count;
		break;
	}
	}
}

static void curve_json(FILE *f, const struct report *r, size_t mi, const struct curvefile_table *t, const char *indent)
{
	const struct report_model *m = &r->models[mi];
	double v[MAX_COLS];
	size_t i;
	int col;

	fprintf(f, "{\n%s  \"file\": ", indent);
	text_json(f, r->file);
	fprintf(f, ",\n%s  \"score\": ", indent);
	text_json(f, m->score);
	if (r->classes != NULL) {
		fprintf(f, ",\n%s  \"class\": ", indent);
		text_json(f, r->classes[mi]);
	} else {
		fprintf(f, ",\n%s  \"positive\": ", indent);
		text_json(f, r->positive);
	}
	fprintf(f, ",\n%s  \"curve\": \"%s\"", indent, kinds[t->kind].name);
	if (t->kind == CF_CALIBRATION)
		fprintf(f, ",\n%s  \"strategy\": \"%s\"", indent,
			r->calib_strategy == CALIB_QUANTILE ? "quantile" : "uniform");
	for (col = 0; col < kinds[t->kind].n_cols; col++) {
		fprintf(f, ",\n%s  \"%s\": [", indent, kinds[t->kind].cols[col]);
		for (i = 0; i < t->rows; i++) {
			curvefile_table_row(t, i, v);
			if (i > 0)
				fputc(',', f);
			report_json_number(f, v[col]);
		}
		fputc(']', f);
	}
	fprintf(f, "\n%s}", indent);
}

/* Long: one curve's points in CSV, JSON and Markdown from one loop, so that
 * the three formats hold the same numbers. */
int curvefile_write(FILE *f, const struct report *r, enum curvefile_kind kind, enum report_format fmt)
{
	/* each class's curve is a block of its own, named (--multiclass) */
	bool multi = r->n_models > 1 || r->classes != NULL;
	const char *word = r->classes != NULL ? "class" : "model";
	int nc = kinds[kind].n_cols, col;
	size_t i, mi;
	struct curvefile_table t;

	if (fmt == FORMAT_JSON) {
		if (multi)
			fprintf(f, "{\n  \"%ss\": [\n    ", r->classes != NULL ? "classe" : "model");
		for (mi = 0; mi < r->n_models; mi++) {
			if (curvefile_table_open(&t, r, &r->models[mi], kind) < 0)
				return -1;
			curve_json(f, r, mi, &t, multi ? "    " : "");
			free(t.bins);
			if (multi)
				fputs(mi + 1 < r->n_models ? ",\n    " : "\n", f);
		}
		fputs(multi ? "  ]\n}\n" : "\n", f);
		return 0;
	}
	/* the header */
	if (fmt == FORMAT_MARKDOWN && multi)
		fprintf(f, "| %s ", word);
	else if (fmt == FORMAT_TEXT && multi)
		fprintf(f, "%-21s", word);
	else if (multi)
		fprintf(f, "%s,", word);
	for (col = 0; col < nc; col++) {
		const char *name = kinds[kind].cols[col];

		if (fmt == FORMAT_CSV)
			fprintf(f, "%s%s", name, col + 1 < nc ? "," : "\n");
		else if (fmt == FORMAT_MARKDOWN)
			fprintf(f, "| %s %s", name, col + 1 < nc ? "" : "|\n");
		else
			fprintf(f, col + 1 < nc ? "%-24s " : "%s\n", name);
	}
	if (fmt == FORMAT_MARKDOWN) {
		fputs(multi ? "|---" : "", f);
		for (col = 0; col < nc; col++)
			fputs(col + 1 < nc ? "|---:" : "|---:|\n", f);
	}
	for (mi = 0; mi < r->n_models; mi++) {
		const struct report_model *m = &r->models[mi];
		const char *named = r->classes != NULL ? r->classes[mi] : m->score;
		char name[200];

		if (curvefile_table_open(&t, r, m, kind) < 0)
			return -1;
		if (fmt == FORMAT_MARKDOWN)
			text_markdown(name, sizeof name, named, 40);
		else if (fmt == FORMAT_TEXT)
			text_escape(name, sizeof name, named, strlen(named), 20);
		for (i = 0; i < t.rows; i++) {
			double v[MAX_COLS];
			char s[40];

			curvefile_table_row(&t, i, v);
			if (multi) {
				if (fmt == FORMAT_CSV)
					text_csv(f, named), fputc(',', f);
				else if (fmt == FORMAT_MARKDOWN)
					fprintf(f, "| %s ", name);
				else
					fprintf(f, "%-20s ", name);
			}
			for (col = 0; col < nc; col++) {
				/* undefined: empty in CSV */
				const char *x = isnan(v[col]) && fmt == FORMAT_CSV ? "" : fmt_exact(s, sizeof s, v[col]);

				if (fmt == FORMAT_CSV)
					fprintf(f, "%s%s", x, col + 1 < nc ? "," : "\n");
				else if (fmt == FORMAT_MARKDOWN)
					fprintf(f, "| %s %s", x, col + 1 < nc ? "" : "|\n");
				else
					fprintf(f, col + 1 < nc ? "%-24s " : "%s\n", x);
			}
		}
		free(t.bins);
	}
	return 0;
}
