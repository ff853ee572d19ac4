/*
 * view: the explorer's state machine.  A model's threshold is always an
 * exact value: a score from the data after any move (so that --report at
 * the shown threshold gives the same numbers), or what -t said at start.
 */
#include "app/view.h"

#include "core/stats/deploy.h"
#include "core/report/explain.h"
#include "core/base/fmt.h"
#include "core/stats/interval.h"
#include "core/stats/optimize.h"
#include "core/stats/rowcost.h"
#include "core/base/text.h"

#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void view_init(struct view *v)
{
	size_t i;
	int b;

	for (i = 0; i < v->n_models; i++) {
		if (v->models[i].sample == NULL)
			v->models[i].sample = v->models[i].sw; /* a view built by hand */
		v->models[i].k = sweep_index(v->models[i].sw, v->models[i].threshold);
		for (b = 0; b < BEST_COUNT; b++)
			v->models[i].best[b] = VIEW_NONE;
	}
	v->prev_k = view_current(v)->k;
	v->help_what = HELP_KEYS;
	v->group_sel = VIEW_NONE;
}

void view_find_optima(struct view *v)
{
	static const enum objective objs[BEST_COUNT] = { OBJ_F1, OBJ_YOUDEN, OBJ_MCC, OBJ_COST };
	size_t i;
	int b;

	for (i = 0; i < v->n_models; i++) {
		struct view_model *m = &v->models[i];

		for (b = 0; b < BEST_COUNT; b++) {
			struct optimize_spec spec = optimize_defaults(objs[b]);
			struct optimum o;

			m->best[b] = VIEW_NONE;
			if (b == BEST_COST) {
				if (!v->costs)
					continue;
				spec.cost_fp = v->cost_fp;
				spec.cost_fn = v->cost_fn;
			}
			if (optimize_run(m->sw, &spec, &o) == 0)
				m->best[b] = o.k;
		}
	}
}

void view_set_k(struct view *v, size_t k)
{
	struct view_model *m = view_current(v);

	if (k > m->sw->n)
		k = m->sw->n;
	/* even when k stays, the threshold becomes the score itself, so that
	 * a jump to an optimum shows the optimum's exact value */
	if (k != m->k)
		v->prev_k = m->k;
	m->k = k;
	m->threshold = sweep_threshold(m->sw, k);
}

void view_set_threshold(struct view *v, double t)
{
	struct view_model *m = view_current(v);
	size_t k = sweep_index(m->sw, t);

	if (k != m->k)
		v->prev_k = m->k;
	m->k = k;
	m->threshold = t;
}

void view_set_model_threshold(struct view *v, size_t i, double t)
{
	if (i == v->model) {
		view_set_threshold(v, t);
		return;
	}
	v->models[i].k = sweep_index(v->models[i].sw, t);
	v->models[i].threshold = t;
}

/* Model m at the view's prevalence: its sample's sweep, or that sweep
 * reweighted (built anew). */
static int deploy_model(struct view *v, struct view_model *m)
{
	struct sweep d;

	if (v->prevalence > 0) {
		if (deploy_reweight(&d, m->sample, v->prevalence) < 0)
			return -1;
		sweep_free(&m->deployed);
		m->deployed = d;
		m->sw = &m->deployed;
	} else {
		sweep_free(&m->deployed);
		m->sw = m->sample;
	}
	return 0;
}

int view_set_prevalence(struct view *v, double p)
{
	size_t i;

	for (i = 0; i < v->n_models; i++)
		if (p > 0 && !(v->models[i].sample->pos > 0 && v->models[i].sample->neg > 0))
			return -1;
	v->prevalence = p;
	/* the same scores: the thresholds and k stay */
	for (i = 0; i < v->n_models; i++)
		if (deploy_model(v, &v->models[i]) < 0)
			break;
	if (i < v->n_models) {
		/* out of memory: every model back in the sample's world, which
		 * needs no memory (no half-deployed view) */
		v->prevalence = 0;
		for (i = 0; i < v->n_models; i++)
			deploy_model(v, &v->models[i]);
	}
	v->data_gen++;
	view_find_optima(v);
	return v->prevalence == p ? 0 : -1;
}

double view_set_budget(struct view *v, double n)
{
	struct view_model *m = view_current(v);
	size_t k;

	v->budget = n;
	if (!(n > 0))
		return 0;
	k = deploy_budget_k(m->sw, n);
	view_set_k(v, k);
	return view_flagged(m, k);
}

const struct sweep *view_group_sweep(const struct view *v, size_t g)
{
	return v->group_sw[v->model * v->n_groups + g];
}

double view_group_threshold(const struct view *v, size_t g)
{
	if (v->group_strategy && v->group_strategy_model == v->model)
		return v->group_thr[v->model * v->n_groups + g];
	return view_current(v)->threshold;
}

void view_apply_strategy(struct view *v, const struct fairness_spec *fs)
{
	struct optimize_spec best = optimize_defaults(OBJ_F1);
	char kept[400] = "";
	size_t g, n_kept = 0, used = 0, n_none = 0;
	char none[256] = "";

	v->group_sel = VIEW_NONE;
	if (v->n_groups == 0) {
		view_say(v, true, "no groups: :group COL (or --group COL) first");
		return;
	}
	if (fs->strategy == FAIR_SINGLE) {
		v->group_strategy = false;
		view_say(v, false, "one threshold for every group");
		return;
	}
	for (g = 0; g < v->n_groups; g++) {
		double *t = &v->group_thr[v->model * v->n_groups + g];

		int rc = fairness_threshold(view_group_sweep(v, g), fs, &best, t);

		if (rc == 1 && n_none++ == 0)
			text_fit(none, sizeof none, v->group_names[g], 30); /* flags none: said below */
		if (rc >= 0)
			continue;
		*t = view_current(v)->threshold; /* one class, or nothing qualifies */
		if (n_kept++ < 3 && used < sizeof kept - 40) {
			char nm[256];

			used += (size_t)snprintf(kept + used, sizeof kept - used, "%s%s", n_kept > 1 ? ", " : "",
						 text_fit(nm, sizeof nm, v->group_names[g], 30));
		}
	}
	v->group_strategy = true;
	v->group_strategy_model = v->model;
	v->strategy = *fs;
	v->strategy_custom = false;
	if (n_none > 0 || n_kept > 0) {
		char parts[2][480] = { "", "" };

		if (n_none > 0)
			snprintf(parts[0], sizeof parts[0], "%s%s flag%s none (its top score alone passes the rate)", none,
				 n_none > 1 ? " and others" : "", n_none > 1 ? "" : "s");
		if (n_kept > 0)
			snprintf(parts[1], sizeof parts[1], "%zu group%s keep the single threshold (%s%s)", n_kept,
				 n_kept == 1 ? "" : "s", kept, n_kept > 3 ? ", ..." : "");
		view_say(v, false, "%s: %s%s%s; Tab picks a group's knob", fairness_name(fs->strategy), parts[0],
			 n_none > 0 && n_kept > 0 ? "; " : "", parts[1]);
	} else {
		view_say(v, false, "%s: each group its own threshold; Tab picks a group's knob, the arrows move it",
			 fairness_name(fs->strategy));
	}
}

void view_next_group(struct view *v)
{
	char nm[256];

	if (!(v->group_strategy && v->group_strategy_model == v->model) || v->n_groups == 0) {
		view_say(v, false, "no per-group thresholds: :group-thresholds equal-recall 0.8 (for one) sets them");
		return;
	}
	v->group_sel = v->group_sel == VIEW_NONE ? 0 : v->group_sel + 1 < v->n_groups ? v->group_sel + 1 : VIEW_NONE;
	if (v->group_sel == VIEW_NONE)
		view_say(v, false, "the arrows move the model's threshold");
	else
		view_say(v, false, "the arrows move group %s's threshold", text_fit(nm, sizeof nm, v->group_names[v->group_sel], 30));
}

/* The drift of model i, of both sides as read. */
static void drift_of(struct view *v, size_t i)
{
	drift_compare(v->ref_sample[i], v->models[i].sample, &v->ref_drift[i]);
}

size_t view_drift_line(const struct view *v, char *buf, size_t cap)
{
	const struct drift *d = &v->ref_drift[v->model];
	char a[32], b[32], c[32], p[32];
	int n;

	if (d->no_test == DRIFT_TESTED)
		n = snprintf(buf, cap, "\nScores shifted: KS %s, PSI %s; ROC AUC %s%s since the reference (DeLong p %s).",
			     fmt_rate(a, sizeof a, d->ks), fmt_rate(b, sizeof b, d->psi), d->auc_difference > 0 ? "+" : "",
			     fmt_rate(c, sizeof c, d->auc_difference), fmt_rate(p, sizeof p, d->auc_p_value));
	else
		n = snprintf(buf, cap, "\nScores shifted: KS %s, PSI %s; ROC AUC %s%s since the reference.",
			     fmt_rate(a, sizeof a, d->ks), fmt_rate(b, sizeof b, d->psi), d->auc_difference > 0 ? "+" : "",
			     fmt_rate(c, sizeof c, d->auc_difference));
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

int view_drift(struct view *v)
{
	size_t i;

	free(v->ref_drift);
	v->ref_drift = NULL;
	if (v->ref_sw == NULL || v->ref_sample == NULL)
		return 0;
	if ((v->ref_drift = calloc(v->n_models, sizeof *v->ref_drift)) == NULL)
		return -1;
	for (i = 0; i < v->n_models; i++)
		drift_of(v, i);
	return 0;
}

bool view_pooled(const struct view *v, struct confusion *c)
{
	size_t g;

	if (!(v->group_strategy && v->group_strategy_model == v->model) || v->n_groups == 0)
		return false;
	memset(c, 0, sizeof *c);
	for (g = 0; g < v->n_groups; g++) {
		struct confusion gc = sweep_at(view_group_sweep(v, g), view_group_threshold(v, g));

		c->tp += gc.tp, c->fp += gc.fp, c->tn += gc.tn, c->fn += gc.fn;
	}
	return true;
}

const char *view_policy(const struct view *v, char *buf, size_t cap)
{
	char w[48];

	if (!(v->group_strategy && v->group_strategy_model == v->model) || v->n_groups == 0)
		return NULL;
	fairness_words(&v->strategy, w, sizeof w);
	if (v->strategy_custom)
		snprintf(buf, cap, "custom, from %s", w);
	else
		snprintf(buf, cap, "%s", w);
	return buf;
}

size_t view_worst_group(const struct view *v, size_t *best)
{
	size_t g, worst = VIEW_NONE;
	double lo = 0, hi = 0;

	*best = VIEW_NONE;
	for (g = 0; g < v->n_groups; g++) {
		struct confusion c = sweep_at(view_group_sweep(v, g), view_group_threshold(v, g));
		double r = metrics_value(METRIC_RECALL, &c);

		if (isnan(r))
			continue;
		if (worst == VIEW_NONE || r < lo)
			lo = r, worst = g;
		if (*best == VIEW_NONE || r > hi)
			hi = r, *best = g;
	}
	return worst;
}

void view_free(struct view *v)
{
	size_t i;

	for (i = 0; v->models != NULL && i < v->n_models; i++)
		sweep_free(&v->models[i].deployed);
}

void view_invert(struct view *v)
{
	struct view_model *m = view_current(v);

	sweep_invert(m->sample);
	interval_delong_se(m->sample, &m->sample->roc_auc_se); /* kept for the screen */
	if (v->ref_sw != NULL) {
		/* --against: the reference turns round with it, or the two would
		 * be compared in opposite directions */
		sweep_invert(v->ref_sw[v->model]);
		interval_delong_se(v->ref_sw[v->model], &v->ref_sw[v->model]->roc_auc_se);
		if (v->ref_sample[v->model] != v->ref_sw[v->model])
			sweep_invert(v->ref_sample[v->model]);
		if (v->ref_drift != NULL)
			drift_of(v, v->model);
	}
	for (size_t g = 0; g < v->n_groups; g++) {
		struct sweep *gs = v->group_sw[v->model * v->n_groups + g];

		sweep_invert(gs);
		interval_delong_se(gs, &gs->roc_auc_se);
	}
	if (v->group_strategy_model == v->model)
		v->group_strategy = false, v->group_sel = VIEW_NONE; /* its thresholds were of -score */
	if (v->prevalence > 0 && deploy_model(v, m) < 0) {
		v->prevalence = 0; /* out of memory: the sample's world */
		view_set_prevalence(v, 0);
	}
	if (v->has_band && v->band_model == v->model)
		v->has_band = false; /* its thresholds were of the other direction */
	v->data_gen++;
	view_find_optima(v);
	/* the old threshold meant the other direction: start where
	 * `cutoff --invert` starts */
	view_set_threshold(v, sweep_default_threshold(m->sw));
	v->prev_k = m->k;
}

double view_flagged(const struct view_model *m, size_t k)
{
	return k == 0 ? 0 : sweep_pos(m->sw, k - 1) + sweep_neg(m->sw, k - 1);
}

/* The smallest k that flags at least `want` rows. */
static size_t k_flagging(const struct view_model *m, double want)
{
	size_t lo = 0, hi = m->sw->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (view_flagged(m, mid) >= want)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* A group's knob: to the next distinct score of its own sweep. */
static void group_step(struct view *v, int dir)
{
	const struct sweep *sw = view_group_sweep(v, v->group_sel);
	double *t = &v->group_thr[v->model * v->n_groups + v->group_sel];
	size_t k = sweep_index(sw, *t);

	if (dir > 0 && k > 0)
		k--;
	else if (dir < 0 && k < sw->n)
		k++;
	*t = sweep_threshold(sw, k);
	v->strategy_custom = true; /* no longer the strategy's own thresholds */
}

static void model_step(struct view *v, int dir, enum step_size size)
{
	struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	size_t k = m->k;
	double frac = size == STEP_SMALL ? 0.01 : 0.1;

	if (sw->n == 0)
		return;
	if (size == STEP_FINE) {
		/* raising the threshold flags fewer distinct scores */
		if (dir > 0 && k > 0)
			k--;
		else if (dir < 0 && k < sw->n)
			k++;
	} else if (v->step == STEP_RANK) {
		double total = sw->pos + sw->neg;
		double want = view_flagged(m, k) - dir * frac * total;
		size_t nk = want <= 0 ? 0 : k_flagging(m, want);

		/* always move at least one distinct score */
		if (dir > 0 && nk >= k)
			nk = k > 0 ? k - 1 : 0;
		if (dir < 0 && nk <= k)
			nk = k < sw->n ? k + 1 : sw->n;
		k = nk;
	} else {
		double t = isinf(m->threshold) ? sw->max : m->threshold;
		/* a step of frac of the range, in halves: the range may be wider
		 * than a double holds */
		double half = sw->max / 2 - sw->min / 2, step = 2 * (frac * (half > 0 ? half : 0.5));
		size_t nk = sweep_index(sw, t + dir * step);

		if (dir > 0 && nk >= k)
			nk = k > 0 ? k - 1 : 0;
		if (dir < 0 && nk <= k)
			nk = k < sw->n ? k + 1 : sw->n;
		k = nk;
	}
	view_set_k(v, k);
}

void view_step(struct view *v, int dir, enum step_size size)
{
	if (v->group_sel != VIEW_NONE && v->group_strategy && v->group_strategy_model == v->model &&
	    v->group_sel < v->n_groups)
		group_step(v, dir);
	else
		model_step(v, dir, size);
}

void view_jump(struct view *v, enum best which)
{
	static const char *const names[BEST_COUNT] = { "F1", "Youden's J", "MCC", "cost" };
	struct view_model *m = view_current(v);
	size_t k = m->best[which];
	char a[40], b[40];

	/* a key that does nothing says why; a jump past the capacity says so */
	if (k != VIEW_NONE && v->budget > 0 && view_flagged(m, k) > v->budget) {
		view_set_k(v, k);
		view_say(v, false, "best %s: flags %s, past the review capacity of %s (B)", names[which],
			 fmt_count(a, sizeof a, view_flagged(m, k)), fmt_count(b, sizeof b, v->budget));
	} else if (k != VIEW_NONE)
		view_set_k(v, k);
	else if (which == BEST_COST && !v->costs)
		view_say(v, false, "no costs yet: :cost fp=A fn=B sets them (or --cost-fp, --cost-fn)");
	else
		view_say(v, false, "no best %s here: it is not defined for these scores", names[which]);
}

void view_next_model(struct view *v)
{
	if (v->n_models < 2) {
		view_say(v, false, "one model only: -s COL,COL... compares several score columns");
		return;
	}
	view_set_model(v, (v->model + 1) % v->n_models);
}

void view_set_model(struct view *v, size_t i)
{
	v->model = i;
	if (v->class_names != NULL) {
		/* the class on screen against the rest: its words */
		v->pos_words = v->class_names[i];
		v->neg_words = NULL;
	}
	v->prev_k = view_current(v)->k;
}

void view_set_step(struct view *v, enum step_mode step)
{
	v->step = step;
}

double view_position(const struct view *v, size_t k)
{
	const struct view_model *m = &v->models[v->model];
	const struct sweep *sw = m->sw;

	if (sw->n == 0)
		return 0;
	if (v->step == STEP_RANK) {
		double total = sw->pos + sw->neg;

		return total > 0 ? 1 - view_flagged(m, k) / total : 0;
	}
	if (k == 0)
		return 1;
	return sweep_fraction(sw, sweep_threshold(sw, k));
}

size_t view_k_at(const struct view *v, double pos)
{
	const struct view_model *m = &v->models[v->model];
	const struct sweep *sw = m->sw;

	if (pos <= 0)
		return sw->n;
	if (pos >= 1)
		return 0;
	if (v->step == STEP_RANK)
		return k_flagging(m, (1 - pos) * (sw->pos + sw->neg));
	return sweep_index(sw, sweep_at_fraction(sw, pos));
}

void view_set_names(struct view *v, const char *pos, const char *neg)
{
	snprintf(v->names[0], sizeof v->names[0], "%s", pos);
	snprintf(v->names[1], sizeof v->names[1], "%s", neg);
	v->pos_words = v->names[0];
	v->neg_words = v->names[1];
}

void view_say(struct view *v, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->message, sizeof v->message, fmt, ap);
	va_end(ap);
	v->message_is_error = error;
}

/* The plain-words text from the view's state: explain (core) writes it; the
 * stakeholder panel and exports both show it. */
size_t view_stakeholder_text(const struct view *v, char *buf, size_t cap)
{
	const struct view_model *m = &v->models[v->model];
	struct explain_input in;
	char pos[256], neg[256], unit[80], gw[256], gb[256], policy[64];

	memset(&in, 0, sizeof in);
	in.now = sweep_confusion(m->sw, m->k);
	in.threshold = m->threshold;
	/* under a per-group strategy every sentence is of it, pooled */
	if (view_pooled(v, &in.now))
		in.policy = view_policy(v, policy, sizeof policy);
	/* the words come from the data or the user: escaped here, so that
	 * every writer of the plain words (screen, text, Markdown) gets
	 * text that cannot drive a terminal */
	in.pos = text_escape(pos, sizeof pos, v->pos_words, strlen(v->pos_words), 60);
	in.neg = v->neg_words ? text_escape(neg, sizeof neg, v->neg_words, strlen(v->neg_words), 60) : NULL;
	in.has_up = m->k > 0 && in.policy == NULL; /* a step of the one threshold */
	if (in.has_up) {
		in.up = sweep_confusion(m->sw, m->k - 1);
		in.up_threshold = sweep_threshold(m->sw, m->k - 1);
	}
	/* a policy's pooled matrix is priced a mistake at a time: no row costs */
	in.has_costs = v->costs && (in.policy == NULL || !rowcost_any(m->sw));
	if (in.policy == NULL)
		in.cost = rowcost_total(m->sw, m->k, v->cost_fp, v->cost_fn);
	else
		in.cost = (v->cost_fp > 0 ? v->cost_fp * in.now.fp : 0) + (v->cost_fn > 0 ? v->cost_fn * in.now.fn : 0);
	in.unit = text_escape(unit, sizeof unit, v->cost_unit, strlen(v->cost_unit), 15);
	if (v->costs && m->best[BEST_COST] != VIEW_NONE && in.policy == NULL) {
		in.has_best = 1;
		in.best_cost = rowcost_total(m->sw, m->best[BEST_COST], v->cost_fp, v->cost_fn);
		in.best_threshold = sweep_threshold(m->sw, m->best[BEST_COST]);
	}
	in.level = interval_level(v->conf_level);
	if (v->n_groups > 0) {
		size_t best, worst = view_worst_group(v, &best);

		if (worst != VIEW_NONE && best != VIEW_NONE) {
			struct confusion cw = sweep_at(view_group_sweep(v, worst), view_group_threshold(v, worst));
			struct confusion cb = sweep_at(view_group_sweep(v, best), view_group_threshold(v, best));

			in.worst_group = text_fit(gw, sizeof gw, v->group_names[worst], 30);
			in.best_group = text_fit(gb, sizeof gb, v->group_names[best], 30);
			in.worst_recall = metrics_value(METRIC_RECALL, &cw);
			in.best_recall = metrics_value(METRIC_RECALL, &cb);
		}
	}
	in.has_lift = 1;
	in.has_net_benefit = in.policy == NULL; /* weighs the errors by one threshold */
	in.lift = deploy_lift(m->sw, &in.now);
	in.net_benefit = deploy_net_benefit(m->sw, &in.now, m->threshold);
	in.treat_all = deploy_treat_all(m->sw, m->threshold);
	if (!isnan(m->sw->sample_prevalence)) {
		in.deployed = deploy_prevalence(m->sw);
		in.sample_prevalence = m->sw->sample_prevalence;
	}
	in.has_recall_ci = interval_rate_ci(m->sw, METRIC_RECALL, &in.now, in.level, &in.recall_lo, &in.recall_hi) == 0;
	{
		size_t len = explain_stakeholder(buf, cap, &in);

		/* --against: since the reference, in a sentence of its own */
		if (v->ref_sw != NULL && len + 4 < cap) {
			struct confusion rc = sweep_at(v->ref_sw[v->model], m->threshold);

			buf[len++] = '\n';
			len += explain_drift(buf + len, cap - len, &rc, &in.now, in.pos);
			if (v->ref_drift != NULL && len + 2 < cap)
				len += view_drift_line(v, buf + len, cap - len);
			if (len + 1 < cap)
				buf[len++] = '\n', buf[len] = '\0';
		}
		return len;
	}
}

struct confusion view_at(const struct view *v, size_t k)
{
	return sweep_confusion(view_current(v)->sw, k);
}

int view_boot_options(struct view *v, size_t n, struct optimize_spec *spec, struct boot_options *bo)
{
	const struct view_model *m = view_current(v);
	char why[300];

	if (boot_check(m->sw, n, why, sizeof why) != BOOT_OK) {
		view_say(v, true, "%s", why);
		return -1;
	}
	*spec = optimize_defaults(OBJ_F1);
	memset(bo, 0, sizeof *bo);
	bo->resamples = n;
	bo->seed = 1;
	bo->level = interval_level(v->conf_level);
	bo->k = m->k;
	bo->spec = spec;
	bo->threads = 2;
	return 0;
}

void view_boot_done(struct view *v, size_t model, const struct boot_result *r, const struct boot_options *bo, int rc)
{
	char a[40], b[40], c[40];

	v->booting = 0;
	if (rc == BOOT_CANCELLED) {
		view_say(v, false, "bootstrap cancelled");
		return;
	}
	if (rc == BOOT_NO_MEMORY) {
		view_say(v, true, "no bootstrap: out of memory (it needs ~56 bytes a distinct score and a resample)");
		return;
	}
	if (rc != BOOT_OK) {
		view_say(v, true, "no bootstrap: it resamples whole rows (not with weights or :prevalence)");
		return;
	}
	if (isnan(r->lo[BOOT_THRESHOLD])) {
		view_say(v, true, "no bootstrap band: the best F1 is undefined in every resample");
		return;
	}
	v->has_band = true;
	v->band_model = model;
	v->band_lo = r->lo[BOOT_THRESHOLD];
	v->band_hi = r->hi[BOOT_THRESHOLD];
	/* the ends are percentiles, not scores: 4 significant digits */
	/* the level it ran at: :set conf meanwhile is for the next one */
	view_say(v, false, "bootstrap, %s resamples: the best F1's threshold is in %s-%s (%g%%)",
		 fmt_count(c, sizeof c, (double)bo->resamples), fmt_rate(a, sizeof a, v->band_lo),
		 fmt_rate(b, sizeof b, v->band_hi), 100 * interval_level(bo->level));
}
