/*
 * reportview: a struct report from the view.  Only pointers into the view
 * and its sweeps, and a few small arrays: nothing is computed here.
 */
#include "app/reportview.h"

#include "core/report/reporthtml.h"

#include <stdlib.h>
#include <string.h>

/* Group g of model i is judged at its own threshold while a strategy
 * holds for that model (the explorer's, which applies to one model),
 * else at the model's. */
static double group_threshold(const struct view *v, size_t i, size_t g)
{
	if (v->group_strategy && v->group_strategy_model == i)
		return v->group_thr[i * v->n_groups + g];
	return v->models[i].threshold;
}

static void fill_model(struct report_model *m, const struct view *v, size_t i, double *thr)
{
	const struct view_model *vm = &v->models[i];
	size_t g;

	memset(m, 0, sizeof *m);
	m->score = vm->name;
	m->sw = vm->sw;
	m->threshold = vm->threshold;
	if (v->n_groups == 0)
		return;
	for (g = 0; g < v->n_groups; g++)
		thr[g] = group_threshold(v, i, g);
	m->group_sw = (const struct sweep *const *)&v->group_sw[i * v->n_groups];
	m->group_thr = thr;
}

static void fill_groups(struct report_groups *gr, const struct view *v, enum reportview_scope scope)
{
	memset(gr, 0, sizeof *gr);
	gr->column = v->group_column;
	gr->folds = v->folds;
	gr->n = v->n_groups;
	gr->names = v->group_names;
	gr->strategy_set = !v->folds && v->group_strategy &&
			   (scope == REPORTVIEW_ALL || v->group_strategy_model == v->model);
	gr->strategy = v->strategy;
}

static void fill_report(struct report *r, const struct view *v)
{
	memset(r, 0, sizeof *r);
	r->file = v->file;
	r->label = v->label;
	r->positive = v->positive;
	r->negative = v->negative;
	r->pos_words = v->pos_words;
	r->neg_words = v->neg_words;
	r->skipped = v->skipped;
	r->conf_level = v->conf_level;
	r->max_flagged = v->budget;
	r->calib_bins = v->calib_bins;
	r->calib_strategy = v->calib_strategy;
}

/* --against: the same models at the same thresholds in the reference,
 * and each side's data as read where a prevalence reweighted it (the
 * drift is of the data, not of the reweighting). */
static void fill_reference(struct reportview *rv, const struct view *v, const size_t *index, size_t n)
{
	size_t i;

	rv->ref_file = v->ref_file;
	for (i = 0; i < n; i++) {
		struct report_model *rm = &rv->ref_models[i], *cm = &rv->models[i];
		size_t k = index[i];

		*rm = *cm;
		rm->sw = v->ref_sw[k];
		rm->sample = v->ref_sample[k] != rm->sw ? v->ref_sample[k] : NULL;
		rm->group_sw = NULL;
		cm->sample = v->models[k].sample != cm->sw ? v->models[k].sample : NULL;
	}
}

int reportview_build(struct reportview *rv, const struct view *v, enum reportview_scope scope)
{
	size_t n = scope == REPORTVIEW_ALL ? v->n_models : 1, i, ng = v->n_groups;
	size_t np = scope == REPORTVIEW_ALL ? v->n_pairs : 0;
	size_t *index = calloc(n, sizeof *index);

	memset(rv, 0, sizeof *rv);
	rv->models = calloc(n, sizeof *rv->models);
	rv->ref_models = calloc(n, sizeof *rv->ref_models);
	rv->pairs = calloc(np ? np : 1, sizeof *rv->pairs);
	rv->group_thr = calloc(n * ng > 0 ? n * ng : 1, sizeof *rv->group_thr);
	if (index == NULL || rv->models == NULL || rv->ref_models == NULL || rv->pairs == NULL ||
	    rv->group_thr == NULL) {
		free(index);
		reportview_free(rv);
		return -1;
	}
	fill_report(&rv->report, v);
	for (i = 0; i < n; i++) {
		index[i] = scope == REPORTVIEW_ALL ? i : v->model;
		fill_model(&rv->models[i], v, index[i], &rv->group_thr[i * ng]);
	}
	rv->report.models = rv->models;
	rv->report.n_models = n;
	for (i = 0; i < np; i++) {
		rv->pairs[i].a = v->models[v->pairs[i].a].name;
		rv->pairs[i].b = v->models[v->pairs[i].b].name;
		rv->pairs[i].difference = v->pairs[i].difference;
		rv->pairs[i].se = v->pairs[i].se;
	}
	rv->report.pairs = rv->pairs;
	rv->report.n_pairs = np;
	if (ng > 0) {
		fill_groups(&rv->groups, v, scope);
		rv->report.groups = &rv->groups;
	}
	if (v->ref_sw != NULL)
		fill_reference(rv, v, index, n);
	free(index);
	return 0;
}

void reportview_write(FILE *f, const struct reportview *rv, enum report_format fmt)
{
	struct report ref = rv->report;
	struct report_drift d = { &ref, &rv->report, rv->cur_opt_thr, rv->cur_opt_val };

	if (rv->ref_file == NULL) {
		report_write(f, &rv->report, fmt);
		return;
	}
	/* the reference's report is the current one's but for the file and
	 * the models (no groups: they are the current data's) */
	ref.file = rv->ref_file;
	ref.models = rv->ref_models;
	ref.groups = NULL;
	reportdrift_write(f, &d, fmt);
}

int reportview_html(FILE *f, const struct reportview *rv)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	int rc;

	if (mem == NULL)
		return -1;
	reportview_write(mem, rv, FORMAT_TEXT);
	if (fclose(mem) != 0) {
		free(text);
		return -1;
	}
	rc = reporthtml_write(f, &rv->report, text);
	free(text);
	return rc;
}

void reportview_free(struct reportview *rv)
{
	free(rv->models);
	free(rv->ref_models);
	free(rv->pairs);
	free(rv->group_thr);
	memset(rv, 0, sizeof *rv);
}
