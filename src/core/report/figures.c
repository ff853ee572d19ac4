/*
 * figures: the numbers a report shows for one model beyond its JSON
 * fields' raw values: the metric cells of the text and Markdown layouts
 * with their intervals, the deployment questions at the threshold, and
 * the paired tests' statistics.  Shared by every writer.
 */
#include "core/report/figures.h"

#include "core/stats/curve.h"
#include "core/stats/deploy.h"
#include "core/stats/interval.h"
#include "core/stats/metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The intervals' level: the report's, or the default 0.95. */
double figures_level(const struct report *r) { return interval_level(r->conf_level); }

/* A rate's Wilson interval, the AUC's DeLong one; none with weights (a
 * weighted count has no Wilson interval) or without trials. */
int figures_rate_ci(const struct report *r, const struct report_model *m, enum metric which, const struct confusion *c,
		   double *lo, double *hi)
{
	return interval_rate_ci(m->sw, which, c, figures_level(r), lo, hi);
}

void figures_auc_ci(const struct report *r, const struct report_model *m, double *se, double *lo, double *hi)
{
	interval_auc_ci(m->sw, figures_level(r), se, lo, hi);
}

void figures_world(const struct report *r, const struct report_model *m, const struct confusion *c, struct figures_world *w)
{
	size_t bins = r->calib_bins ? r->calib_bins : 10;
	struct calib_bin *b = malloc(bins * sizeof *b);

	w->prevalence = deploy_prevalence(m->sw);
	w->sample_prevalence = isnan(m->sw->sample_prevalence) ? w->prevalence : m->sw->sample_prevalence;
	w->lift = deploy_lift(m->sw, c);
	deploy_ks(m->sw, &w->ks, &w->ks_threshold);
	w->net_benefit = deploy_net_benefit(m->sw, c, m->threshold);
	w->treat_all = deploy_treat_all(m->sw, m->threshold);
	calib_summarise(m->sw, b, b ? calib_curve(m->sw, bins, r->calib_strategy, b) : 0, &w->cal);
	free(b);
}

void figures_pair(const struct report *r, const struct report_pair *p, double *z, double *pv, double *lo,
		       double *hi)
{
	interval_paired(p->difference, p->se, figures_level(r), z, pv, lo, hi);
}

/* Cell n: a number without an interval; returns n + 1. */
static size_t plain(struct figures_cell *cells, size_t n, const char *label, double v)
{
	cells[n].label = label;
	cells[n].v = v;
	cells[n].lo = cells[n].hi = NAN;
	return n + 1;
}

size_t figures_cells(const struct report *r, const struct report_model *m, struct figures_cell *cells)
{
	static const enum metric order[] = {
		METRIC_PRECISION, METRIC_RECALL, METRIC_SPECIFICITY, METRIC_NPV, METRIC_FPR,
		METRIC_FNR, METRIC_F1, METRIC_ACCURACY, METRIC_BALANCED_ACCURACY, METRIC_MCC,
		METRIC_YOUDEN_J, METRIC_PREDICTED_POSITIVE_RATE
	};
	struct confusion c = sweep_at(m->sw, m->threshold);
	size_t i, n = 0;

	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		cells[n].label = metric_table[order[i]].label;
		cells[n].v = metrics_value(order[i], &c);
		figures_rate_ci(r, m, order[i], &c, &cells[n].lo, &cells[n].hi);
		n++;
	}
	cells[n].label = "ROC AUC";
	cells[n].v = m->sw->roc_auc;
	{
		double se;

		figures_auc_ci(r, m, &se, &cells[n].lo, &cells[n].hi);
	}
	n++;
	/* the rest have no interval */
	if (r->partial_fpr > 0) { /* over FPR <= --partial-auc, standardised: the label says both */
		snprintf(cells[n].own, sizeof cells[n].own, "pAUC FPR<=%g", r->partial_fpr);
		n = plain(cells, n, cells[n].own, curve_partial_auc(m->sw, r->partial_fpr));
	}
	n = plain(cells, n, "avg precision", m->sw->average_precision);
	n = plain(cells, n, "log loss", m->sw->log_loss);
	n = plain(cells, n, "Brier", m->sw->brier);
	{
		struct figures_world wd;

		figures_world(r, m, &c, &wd);
		n = plain(cells, n, "lift", wd.lift);
		n = plain(cells, n, "KS", wd.ks);
		n = plain(cells, n, "net benefit", wd.net_benefit);
		/* over --calibration-bins bins of --calibration-strategy */
		snprintf(cells[n].own, sizeof cells[n].own, "ECE %u %s", (unsigned)(r->calib_bins ? r->calib_bins % 10000 : 10),
			 r->calib_strategy == CALIB_QUANTILE ? "q-bins" : "bins");
		n = plain(cells, n, cells[n].own, wd.cal.ece);
	}
	return n;
}

double figures_per_cases(const struct sweep *sw, struct confusion *c)
{
	double n = sw->pos + sw->neg, per = 1000, f;

	if (isnan(sw->sample_prevalence) || !(n > 0) || !(sw->pos > 0))
		return 0;
	while (per * sw->pos / n < 9.5 && per < 1e9)
		per *= 10;
	f = per / n;
	c->tp *= f, c->fp *= f, c->tn *= f, c->fn *= f;
	return per;
}
