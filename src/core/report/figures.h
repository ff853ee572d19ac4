/*
 * figures: the numbers every report writer shows for one model: metric
 * cells with their intervals, the deployment questions at its threshold,
 * and the paired tests' statistics.
 */
#ifndef CUTOFF_FIGURES_H
#define CUTOFF_FIGURES_H

#include "core/stats/calib.h"
#include "core/stats/metrics.h"
#include "core/report/reportdef.h"

#include <stddef.h>

#define FIGURES_MAX_CELLS 28

struct figures_cell {
	const char *label;
	double v;
	double lo, hi;      /* its interval, NaN when it has none */
	char own[24];       /* a label that says an option's value ("pAUC FPR<=0.1") */
};

/* The deployment questions at a model's threshold. */
struct figures_world {
	double prevalence, sample_prevalence, lift, ks, ks_threshold, net_benefit, treat_all;
	struct calib_summary cal;
};

/* The intervals' level: the report's, or the default 0.95. */
double figures_level(const struct report *r);

/* A rate's Wilson interval (none with weights or without trials); -1 when
 * there is none. */
int figures_rate_ci(const struct report *r, const struct report_model *m, enum metric which,
		    const struct confusion *c, double *lo, double *hi);

/* The AUC's DeLong se and interval (NaN: none). */
void figures_auc_ci(const struct report *r, const struct report_model *m, double *se, double *lo, double *hi);

void figures_world(const struct report *r, const struct report_model *m, const struct confusion *c,
		   struct figures_world *w);

/* A paired test's z, p and interval of the difference. */
void figures_pair(const struct report *r, const struct report_pair *p, double *z, double *pv, double *lo, double *hi);

/* For the plain-words summary at a deployment prevalence: the number of
 * cases to speak of (1,000, or more so that at least 10 are positive),
 * and *c scaled to it.  0 (and c unchanged) when not reweighted. */
double figures_per_cases(const struct sweep *sw, struct confusion *c);

/* The metrics as the text and Markdown layouts list them (at most
 * FIGURES_MAX_CELLS); returns how many. */
size_t figures_cells(const struct report *r, const struct report_model *m, struct figures_cell *cells);

#endif
