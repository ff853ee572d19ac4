/*
 * session: loading and sweeping, once.  A model's rows are freed as soon
 * as its sweep is built, so peak memory is the rows plus one sweep.
 */
#include "app/session.h"

#include "core/stats/multiclass.h"

#include "core/sort/fold.h"
#include "core/stats/interval.h"
#include "core/stats/optimize.h"
#include "core/stats/rowcost.h"
#include "core/base/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void drop_rows(struct session *s, size_t n_models)
{
	size_t i;

	for (i = 0; s->kept != NULL && i < n_models; i++) {
		free(s->kept[i][0]);
		free(s->kept[i][1]);
	}
	free(s->kept);
	s->kept = NULL;
}

static double *copy(const double *a, size_t n)
{
	double *c = malloc((n ? n : 1) * sizeof *c);

	if (c != NULL && n > 0)
		memcpy(c, a, n * sizeof *c);
	return c;
}

/* The most rows --counts are spread back into for the paired test (8
 * bytes a row a model). */
#define KEEP_COUNTED_ROWS 1e8

/* a[0..n) each repeated w[i] times (whole counts); NULL when out of memory. */
static double *spread(const double *a, const double *w, size_t n, size_t total)
{
	double *c = malloc((total ? total : 1) * sizeof *c);
	size_t k = 0;

	for (size_t i = 0; c != NULL && i < n; i++)
		for (double j = 0; j < w[i]; j++)
			c[k++] = a[i];
	return c;
}

/* --counts of whole rows (not sums of weights, not bins): each model's
 * rows are in the same order (a record's counts go to every model), so
 * spread back into rows they give DeLong's paired test as the rows would.
 * 1 when kept, 0 when they cannot be, -1 when out of memory. */
static int keep_counted(struct session *s)
{
	const struct model *m0 = &s->ds->models[0];
	size_t i, n = s->ds->n_models, side;
	double total[2] = { 0, 0 };

	if (s->ds->sql.weighted || s->ds->sql.binned)
		return 0;
	for (side = 0; side < 2; side++)
		for (i = 0; i < (side ? m0->n_neg : m0->n_pos); i++) {
			double w = side ? m0->neg_w[i] : m0->pos_w[i];

			if (w != floor(w))
				return 0;
			total[side] += w;
		}
	if (total[0] + total[1] > KEEP_COUNTED_ROWS || (s->kept = calloc(n, sizeof *s->kept)) == NULL)
		return total[0] + total[1] > KEEP_COUNTED_ROWS ? 0 : -1;
	s->kept_n[0] = (size_t)total[0], s->kept_n[1] = (size_t)total[1];
	for (i = 0; i < n; i++) {
		const struct model *m = &s->ds->models[i];

		s->kept[i][0] = spread(m->pos, m->pos_w, m->n_pos, s->kept_n[0]);
		s->kept[i][1] = spread(m->neg, m->neg_w, m->n_neg, s->kept_n[1]);
		if (s->kept[i][0] == NULL || s->kept[i][1] == NULL) {
			drop_rows(s, n);
			return -1;
		}
	}
	return 1;
}

/* Two or more models of unweighted rows held in arrays (not --stream):
 * keep copies of the scores for pair_tests.  8 bytes a row a model, until
 * the tests are done. */
static int keep_rows(struct session *s, const struct dataset_options *data)
{
	size_t i, n = s->ds->n_models;

	if (n < 2 || data->weight != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (s->ds->models[i].fold != NULL || s->ds->models[i].n_pos != s->ds->models[0].n_pos ||
		    s->ds->models[i].n_neg != s->ds->models[0].n_neg)
			return 0;
	if (data->counts_pos != NULL)
		return keep_counted(s) < 0 ? -1 : 0;
	if ((s->kept = calloc(n, sizeof *s->kept)) == NULL)
		return -1;
	s->kept_n[0] = s->ds->models[0].n_pos, s->kept_n[1] = s->ds->models[0].n_neg;
	for (i = 0; i < n; i++) {
		s->kept[i][0] = copy(s->ds->models[i].pos, s->ds->models[i].n_pos);
		s->kept[i][1] = copy(s->ds->models[i].neg, s->ds->models[i].n_neg);
		if (s->kept[i][0] == NULL || s->kept[i][1] == NULL) {
			drop_rows(s, n);
			return -1;
		}
	}
	return 0;
}

/* DeLong's paired test for every pair of models (se NaN when the rows
 * were not kept). */
static void pair_tests(struct session *s)
{
	size_t n = s->ds->n_models, a, b, k = 0;

	s->n_pairs = n * (n - 1) / 2;
	if (s->n_pairs == 0 || (s->pairs = calloc(s->n_pairs, sizeof *s->pairs)) == NULL) {
		s->n_pairs = 0;
		drop_rows(s, n);
		return;
	}
	for (a = 0; s->kept != NULL && a < n; a++)
		interval_placements(&s->sweeps[a], s->kept[a][0], s->kept_n[0], s->kept[a][1], s->kept_n[1]);
	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++, k++) {
			struct view_pair *p = &s->pairs[k];

			p->a = a;
			p->b = b;
			p->difference = s->sweeps[a].roc_auc - s->sweeps[b].roc_auc;
			p->se = NAN;
			if (s->kept != NULL)
				interval_delong_paired(&s->sweeps[a], &s->sweeps[b], s->kept[a][0], s->kept[b][0],
						       s->kept_n[0], s->kept[a][1], s->kept[b][1], s->kept_n[1],
						       &p->difference, &p->se);
		}
	drop_rows(s, n);
}

/* A sweep from a model's rows (arrays or folded), which it frees. */
static int build(struct sweep *sw, struct model *m, const struct dataset_options *data, const struct dataset *ds)
{
	int rc = 0;

	if (m->fold != NULL) {
		struct fold *f = m->fold;
		bool binned = f->grid.binned, weighted = f->weighted;
		double pairs = f->grid.pairs;
		struct fold_list l[2];

		if (f->sorted) {
			/* mostly distinct rows, kept and sorted by the readers */
			double *p[2], *n[2];
			size_t np[2], nn[2];

			fold_take_rows(f, p, np, n, nn);
			rc = sweep_build_sorted(sw, p, np, n, nn);
		} else {
			fold_take(f, l);
			rc = sweep_build_lists(sw, l, weighted);
		}
		free(f);
		m->fold = NULL;
		sw->bins = data->bins;
		/* grouped pairs count half in the AUC, and 0 or 1 exactly */
		sw->auc_error = binned && sw->pos > 0 && sw->neg > 0 ? pairs / 2 / sw->pos / sw->neg : 0;
	} else if (m->sorted) {
		/* sorted by the readers, each its half; the sweep takes the
		 * arrays and frees them as it merges */
		rc = sweep_build_sorted(sw, (double *[2]){ m->pos, m->pos2 }, (const size_t[2]){ m->n_pos, m->n_pos2 },
					(double *[2]){ m->neg, m->neg2 }, (const size_t[2]){ m->n_neg, m->n_neg2 });
		m->pos = m->pos2 = m->neg = m->neg2 = NULL;
	} else {
		rc = sweep_build(sw, m->pos, m->pos_w, m->n_pos, m->neg, m->neg_w, m->n_neg);
	}
	model_release(m);
	/* --counts are whole rows, unless --emit-sql's result says they are
	 * sums of weights (no interval then) */
	sw->weighted = data->weight != NULL || ds->sql.weighted;
	if (ds->sql.binned && ds->sql.bins > 0) {
		/* --emit-sql --bins: pairs in one bin count half, where they
		 * might count 0 or 1 */
		sw->bins = ds->sql.bins;
		sw->auc_error = ds->sql.pos > 0 && ds->sql.neg > 0 ? ds->sql.ties / 2 / ds->sql.pos / ds->sql.neg : 0;
	}
	return rc;
}

/* --cost-fp-col, --cost-fn-col: the rows' costs summed at the model's
 * scores (its sweep already turned round if it is), the cost rows freed.
 * 0, -1 when out of memory, -2 when the costs overflow a double. */
static int attach_costs(struct sweep *sw, struct model *costs, const struct dataset_options *data,
			const struct dataset *ds, bool invert)
{
	struct sweep c;
	int rc;

	memset(&c, 0, sizeof c);
	if (costs->fold == NULL) {
		/* rows in arrays: summed straight from them, no second sweep */
		double total = 0;

		for (size_t i = 0; i < costs->n_pos; i++)
			total += costs->pos_w[i];
		for (size_t i = 0; i < costs->n_neg; i++)
			total += costs->neg_w[i];
		if (!isfinite(total))
			return model_release(costs), -2;
		rc = rowcost_from_rows(sw, costs->pos, costs->pos_w, costs->n_pos, costs->neg, costs->neg_w, costs->n_neg,
				       data->cost_fp_col != NULL, data->cost_fn_col != NULL, invert);
		costs->pos = costs->pos_w = costs->neg = costs->neg_w = NULL;
		model_release(costs);
		return rc;
	}
	rc = build(&c, costs, data, ds);
	if (rc == 0 && !isfinite(c.pos + c.neg))
		rc = -2;
	if (rc == 0 && invert)
		sweep_invert(&c);
	if (rc == 0)
		rc = rowcost_attach(sw, &c, data->cost_fp_col != NULL, data->cost_fn_col != NULL);
	sweep_free(&c);
	return rc;
}

/* The groups' sweeps, freed. */
static void drop_groups(struct session *s)
{
	size_t i;

	for (i = 0; i < s->group_built; i++)
		sweep_free(&s->group_sweeps[i]);
	free(s->group_sweeps);
	free(s->group_ptrs);
	free(s->group_thr);
	free(s->group_best);
	s->group_best = NULL;
	s->group_sweeps = NULL;
	s->group_ptrs = NULL;
	s->group_thr = NULL;
	s->group_built = s->n_groups = 0;
	s->view.n_groups = 0;
	s->view.group_strategy = false;
	s->view.group_sel = VIEW_NONE;
}

/* --group: every group's sweep of every model, model by model, from ds
 * (the session's, or one read again for :group); a model turned round
 * has its groups turned round too. */
static int build_groups(struct session *s, struct dataset *ds, const struct dataset_options *data)
{
	struct groups *gs = &ds->groups;
	size_t i, g, n = ds->n_models * gs->n;

	if ((s->group_sweeps = calloc(n ? n : 1, sizeof *s->group_sweeps)) == NULL ||
	    (s->group_ptrs = calloc(n ? n : 1, sizeof *s->group_ptrs)) == NULL ||
	    (s->group_thr = calloc(n ? n : 1, sizeof *s->group_thr)) == NULL ||
	    (s->group_best = calloc(n ? n : 1, sizeof *s->group_best)) == NULL)
		return -1;
	for (i = 0; i < ds->n_models; i++)
		for (g = 0; g < gs->n; g++, s->group_built++) {
			struct sweep *sw = &s->group_sweeps[i * gs->n + g];

			if (build(sw, &groups_models(gs, g)[i], data, ds) < 0)
				return -1;
			if (s->models[i].sample->inverted)
				sweep_invert(sw);
			interval_delong_se(sw, &sw->roc_auc_se);
			s->group_ptrs[i * gs->n + g] = sw;
			{
				/* once, for the slider's fold marks: no keystroke walks a sweep */
				struct optimize_spec f1 = optimize_defaults(OBJ_F1);
				struct optimum o;

				s->group_best[i * gs->n + g] = optimize_run(sw, &f1, &o) == 0 ? o.threshold : NAN;
			}
		}
	s->n_groups = gs->n;
	s->view.group_column = data->group ? data->group : data->fold;
	s->view.folds = data->group == NULL && data->fold != NULL;
	s->view.n_groups = gs->n;
	s->view.group_names = gs->names;
	s->view.group_sw = s->group_ptrs;
	s->view.group_thr = s->group_thr;
	s->view.group_best = s->group_best;
	s->view.group_strategy = false;
	s->view.group_sel = VIEW_NONE;
	return 0;
}

/* Each model's groups hold its rows, as the sweep on screen counts them
 * (a second read of a changed file would not). */
static bool groups_add_up(const struct session *s)
{
	size_t i, g;

	for (i = 0; i < s->ds->n_models; i++) {
		double pos = 0, neg = 0;

		for (g = 0; g < s->n_groups; g++) {
			pos += s->group_ptrs[i * s->n_groups + g]->pos;
			neg += s->group_ptrs[i * s->n_groups + g]->neg;
		}
		if (fabs(pos - s->sweeps[i].pos) > 1e-9 * s->sweeps[i].pos || fabs(neg - s->sweeps[i].neg) > 1e-9 * s->sweeps[i].neg)
			return false;
	}
	return true;
}

int session_regroup(struct session *s, const char *column, char *err, size_t errlen)
{
	struct dataset_options opt = *s->data;
	struct dataset *ds = NULL;

	if (column == NULL) {
		drop_groups(s);
		return 0;
	}
	if (opt.path == NULL || strcmp(opt.path, "-") == 0) {
		snprintf(err, errlen, "the data came from standard input: give --group COL when starting");
		return -1;
	}
	/* the whole file again, for its groups; the models stay as they
	 * are: it must be the same file, read the same way */
	opt.group = column;
	opt.fold = NULL;
	opt.progress = NULL;
	if (dataset_same_file(s->ds, opt.path, err, errlen) < 0 || dataset_load(&opt, &ds, err, errlen) < 0)
		return -1;
	if (ds->n_models != s->ds->n_models || ds->rows != s->ds->rows ||
	    dataset_same_file(s->ds, opt.path, err, errlen) < 0) {
		if (ds->n_models != s->ds->n_models || ds->rows != s->ds->rows)
			snprintf(err, errlen, "%s changed since it was read: restart cutoff to read it again", s->ds->shown);
		dataset_free(ds);
		return -1;
	}
	drop_groups(s);
	if (build_groups(s, ds, &opt) < 0 || !groups_add_up(s)) {
		if (s->n_groups > 0)
			snprintf(err, errlen, "%s changed since it was read (its groups do not add up to the rows on screen): "
				 "restart cutoff to read it again", s->ds->shown);
		else
			snprintf(err, errlen, "out of memory sorting each group's rows");
		drop_groups(s);
		dataset_free(ds);
		return -1;
	}
	/* the names live in ds: it replaces the session's (the rows are gone) */
	free(s->group_column);
	s->group_column = strdup(column);
	s->view.group_column = s->group_column;
	dataset_free(s->regrouped);
	s->regrouped = ds;
	return 0;
}

void session_group_command(struct session *s, const char *column)
{
	struct view *v = &s->view;
	char err[512];

	if (session_regroup(s, column[0] ? column : NULL, err, sizeof err) < 0)
		view_say(v, true, "%s", err);
	else if (column[0])
		view_say(v, false, "%zu groups of %.40s: v shows them (in place of the scores)", v->n_groups,
			 v->group_column);
	else
		view_say(v, false, "no groups");
}

/* --multiclass: every class's sweep from the rows kept whole, and the
 * one-vs-one sums from the same sorts; all built, or none. */
static int build_classes(struct session *s)
{
	const struct dataset_classes *dc = &s->ds->classes;
	struct mc_rows rows = { dc->n, dc->k, dc->label, dc->score, dc->weight };

	if ((s->class_u = calloc(dc->k * dc->k, sizeof *s->class_u)) == NULL)
		return -1;
	return mc_sweeps(&rows, s->sweeps, s->class_u);
}

/* Long: load, keep the rows the paired tests need, build each model's
 * sweep, then the view; the kept rows must be freed at each step's failure
 * in the same order. */
int session_open(struct session *s, const struct dataset_options *data, const struct session_start *st,
		 char *err, size_t errlen)
{
	struct view *v = &s->view;
	size_t i;
	int rc;

	memset(s, 0, sizeof *s);
	if (dataset_load(data, &s->ds, err, errlen) < 0)
		return -1;
	s->sweeps = calloc(s->ds->n_models, sizeof *s->sweeps);
	s->models = calloc(s->ds->n_models, sizeof *s->models);
	if (s->sweeps == NULL || s->models == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* the paired tests need each row's scores in every model, in row order:
	 * kept (unsorted) until every sweep is built */
	if (keep_rows(s, data) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (s->ds->multiclass && build_classes(s) < 0) {
		snprintf(err, errlen, "out of memory sorting %llu rows", (unsigned long long)s->ds->rows);
		return -1;
	}
	for (i = 0; i < s->ds->n_models; i++, s->built++) {
		struct model *m = &s->ds->models[i];

		if (!s->ds->multiclass && build(&s->sweeps[i], m, data, s->ds) < 0) {
			snprintf(err, errlen, "out of memory sorting %llu rows; --stream keeps only the distinct scores",
				 (unsigned long long)s->ds->rows);
			return -1;
		}
		model_release(m);
		if (!isfinite(s->sweeps[i].pos + s->sweeps[i].neg)) {
			snprintf(err, errlen, "%s: the weights add up to more than a double can hold", s->ds->shown);
			s->built++;
			return -1;
		}
		if (st->invert)
			sweep_invert(&s->sweeps[i]);
		if (s->ds->costs != NULL && (rc = attach_costs(&s->sweeps[i], &s->ds->costs[i], data, s->ds, st->invert)) < 0) {
			if (rc == -2)
				snprintf(err, errlen, "%s: the costs add up to more than a double can hold", s->ds->shown);
			else
				snprintf(err, errlen, "out of memory summing the costs of %llu rows",
					 (unsigned long long)s->ds->rows);
			return -1;
		}
		/* once, so that no redraw walks the distinct scores */
		interval_delong_se(&s->sweeps[i], &s->sweeps[i].roc_auc_se);
		s->models[i].name = m->name;
		s->models[i].sw = s->models[i].sample = &s->sweeps[i];
		s->models[i].threshold = st->has_threshold ? st->threshold : sweep_default_threshold(&s->sweeps[i]);
	}
	if (!s->ds->multiclass)
		pair_tests(s); /* classes have other positives each: no paired test */
	s->data = data;
	s->rows_id = st->id, s->rows_show = st->show, s->rows_n_show = st->n_show;
	v->pinned = st->pinned, v->pin = st->pin;
	if (s->ds->grouped && build_groups(s, s->ds, data) < 0) {
		snprintf(err, errlen, "out of memory sorting each group's rows");
		return -1;
	}
	v->pairs = s->pairs;
	v->n_pairs = s->n_pairs;
	v->file = s->ds->source;
	v->label = s->ds->label_name;
	v->positive = s->ds->positive_name;
	v->negative = s->ds->negative_name;
	if (data->positive != NULL) {
		v->pos_words = s->ds->positive_name;
		v->neg_words = strcmp(s->ds->negative_name, "other") == 0 ? NULL : s->ds->negative_name;
	} else {
		v->pos_words = "positive";
		v->neg_words = "negative";
	}
	v->skipped = s->ds->skipped;
	v->models = s->models;
	v->n_models = s->ds->n_models;
	v->conf_level = st->conf_level > 0 && st->conf_level < 1 ? st->conf_level : 0.95;
	v->calib_bins = st->calib_bins;
	v->calib_strategy = st->calib_strategy;
	v->costs = st->costs;
	v->cost_fp = st->cost_fp;
	v->cost_fn = st->cost_fn;
	v->glyphs = st->ascii ? GLYPHS_ASCII : GLYPHS_BRAILLE;
	v->color = st->color;
	if (st->prevalence > 0 && view_set_prevalence(v, st->prevalence) < 0) {
		snprintf(err, errlen, "%s: --prevalence needs both classes in the data (and memory for a second sweep)",
			 s->ds->shown);
		return -1;
	}
	view_init(v);
	if (st->group_strategy && v->n_groups > 0) {
		view_apply_strategy(v, &st->strategy);
		v->message[0] = '\0'; /* the notes on stderr say it */
	}
	return 0;
}

int session_attach(struct session *s, struct session *ref)
{
	size_t i, n = s->view.n_models;

	if ((s->ref_ptrs = calloc(2 * n, sizeof *s->ref_ptrs)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		s->ref_ptrs[i] = ref->models[i].sw;
		s->ref_ptrs[n + i] = ref->models[i].sample;
	}
	s->view.ref_sw = s->ref_ptrs;
	s->view.ref_sample = s->ref_ptrs + n;
	s->view.ref_file = ref->view.file;
	return 0;
}

void session_detach(struct session *s)
{
	free(s->ref_ptrs);
	free(s->view.ref_drift);
	s->ref_ptrs = NULL;
	s->view.ref_drift = NULL;
	s->view.ref_sw = s->view.ref_sample = NULL;
	s->view.ref_file = NULL;
}

int session_name_classes(struct session *s, const char *label, const char *pos, const char *neg, bool positive_given)
{
	struct dataset *ds = s->ds;
	struct view *v = &s->view;
	char *l = text_dup(label, strlen(label)), *p = text_dup(pos, strlen(pos)), *n = text_dup(neg, strlen(neg));

	if (l == NULL || p == NULL || n == NULL) {
		free(l), free(p), free(n);
		return -1;
	}
	free(ds->label_name), free(ds->positive_name), free(ds->negative_name);
	v->label = ds->label_name = l;
	v->positive = ds->positive_name = p;
	v->negative = ds->negative_name = n;
	if (positive_given) {
		v->pos_words = p;
		v->neg_words = strcmp(n, "other") == 0 ? NULL : n;
	}
	return 0;
}

void session_close(struct session *s)
{
	size_t i;

	session_detach(s);
	if (s->kept != NULL && s->ds != NULL)
		drop_rows(s, s->ds->n_models); /* a failed open */
	view_free(&s->view);
	for (i = 0; i < s->built; i++)
		sweep_free(&s->sweeps[i]);
	drop_groups(s);
	dataset_free(s->regrouped);
	free(s->group_column);
	free(s->sweeps);
	free(s->models);
	free(s->pairs);
	free(s->class_u);
	dataset_free(s->ds);
	memset(s, 0, sizeof *s);
}
