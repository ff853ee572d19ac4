/*
 * deploy: reweighting to a deployment prevalence, lift, KS and net benefit.
 */
#include "core/stats/deploy.h"

#include "core/stats/metrics.h"

#include <math.h>
#include <stdlib.h>

int deploy_reweight(struct sweep *out, const struct sweep *in, double prevalence)
{
	double n = in->pos + in->neg, pi, a, b, prev_p = 0, prev_n = 0, *sc, *wp, *wn;
	size_t m = in->n, k;

	if (!(in->pos > 0 && in->neg > 0) || !(prevalence > 0 && prevalence < 1))
		return -1;
	pi = in->pos / n;
	a = prevalence / pi;
	b = (1 - prevalence) / (1 - pi);
	sc = malloc((m ? m : 1) * sizeof *sc);
	wp = malloc((m ? m : 1) * sizeof *wp);
	wn = malloc((m ? m : 1) * sizeof *wn);
	if (sc == NULL || wp == NULL || wn == NULL) {
		free(sc), free(wp), free(wn);
		return -1;
	}
	/* each distinct score's own weights, scaled; ascending for
	 * sweep_build_runs, so that the statistics come from the same code */
	for (k = 0; k < m; k++) {
		double p = sweep_pos(in, k) - prev_p, q = sweep_neg(in, k) - prev_n;

		prev_p = sweep_pos(in, k);
		prev_n = sweep_neg(in, k);
		sc[m - 1 - k] = in->score[k];
		wp[m - 1 - k] = a * p;
		wn[m - 1 - k] = b * q;
	}
	if (sweep_build_runs(out, sc, wp, wn, m) < 0) {
		sweep_free(out);
		return -1;
	}
	out->inverted = in->inverted;
	out->weighted = true; /* reweighted counts have no Wilson interval */
	out->roc_auc = in->roc_auc;
	out->roc_auc_se = in->roc_auc_se;
	out->bins = in->bins;
	out->auc_error = in->auc_error;
	out->sample_prevalence = pi;
	return 0;
}

double deploy_prevalence(const struct sweep *sw)
{
	double n = sw->pos + sw->neg;

	return n > 0 ? sw->pos / n : NAN;
}

double deploy_lift(const struct sweep *sw, const struct confusion *c)
{
	double pi = deploy_prevalence(sw);

	return pi > 0 ? metrics_value(METRIC_PRECISION, c) / pi : NAN;
}

void deploy_ks(const struct sweep *sw, double *ks, double *threshold)
{
	double best = 0;
	size_t k, at = 0;

	*ks = *threshold = NAN;
	if (!(sw->pos > 0 && sw->neg > 0))
		return;
	/* from the top: only a strictly larger gap moves it, so the highest
	 * threshold wins a tie */
	for (k = 1; k <= sw->n; k++) {
		struct confusion c = sweep_confusion(sw, k);
		double d = c.tp / sw->pos - c.fp / sw->neg;

		if (d > best) {
			best = d;
			at = k;
		}
	}
	*ks = best;
	if (at > 0)
		*threshold = sw->score[at - 1];
}

double deploy_net_benefit(const struct sweep *sw, const struct confusion *c, double t)
{
	double n = sw->pos + sw->neg;

	if (!sw->probabilities || !(t > 0 && t < 1) || !(n > 0))
		return NAN;
	return c->tp / n - c->fp / n * (t / (1 - t));
}

double deploy_treat_all(const struct sweep *sw, double t)
{
	double n = sw->pos + sw->neg;

	if (!sw->probabilities || !(t > 0 && t < 1) || !(n > 0))
		return NAN;
	return sw->pos / n - sw->neg / n * (t / (1 - t));
}

size_t deploy_budget_k(const struct sweep *sw, double max_flagged)
{
	size_t lo = 0, hi = sw->n;

	/* flagged rises with k: the last k whose flagged count fits */
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		struct confusion c = sweep_confusion(sw, mid);

		if (c.tp + c.fp <= max_flagged)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}
