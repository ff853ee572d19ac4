/*
 * classview: the multiclass figures of a session (see classview.h).
 */
#include "app/classview.h"

#include "core/base/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int classview_open(struct classview *cv, const struct session *s)
{
	const struct dataset_classes *dc = &s->ds->classes;
	size_t i;

	memset(cv, 0, sizeof *cv);
	cv->rows = (struct mc_rows){ dc->n, dc->k, dc->label, dc->score, dc->weight };
	cv->sw = calloc(dc->k, sizeof *cv->sw);
	cv->thr = calloc(dc->k, sizeof *cv->thr);
	cv->focus_thr = calloc(dc->k, sizeof *cv->focus_thr);
	if (cv->sw == NULL || cv->thr == NULL || cv->focus_thr == NULL) {
		classview_close(cv);
		return -1;
	}
	for (i = 0; i < dc->k; i++)
		cv->sw[i] = s->view.models[i].sw;
	if (mc_fixed(&cv->rows, cv->sw, s->class_u, &cv->r) < 0) {
		classview_close(cv);
		return -1;
	}
	return 0;
}

void classview_at(struct classview *cv, const struct view *v)
{
	for (size_t i = 0; i < cv->rows.k; i++)
		cv->thr[i] = v->models[i].threshold;
	mc_at(&cv->rows, cv->sw, cv->thr, &cv->r);
}

int classview_sync(struct classview *cv, const struct view *v)
{
	size_t k = cv->rows.k, c = v->model, i;
	bool refocus = !cv->focused || cv->focus.c != c;

	for (i = 0; i < k; i++) {
		cv->thr[i] = v->models[i].threshold;
		if (i != c && cv->thr[i] != cv->focus_thr[i])
			refocus = true;
	}
	if (refocus) {
		struct mcfocus f;

		if (mcfocus_build(&f, &cv->rows, cv->thr, c) < 0)
			return -1;
		if (cv->focused)
			mcfocus_free(&cv->focus);
		cv->focus = f;
		cv->focused = true;
		memcpy(cv->focus_thr, cv->thr, k * sizeof *cv->thr);
	}
	mc_at_classes(cv->sw, cv->thr, &cv->r);
	mcfocus_matrix(&cv->focus, cv->thr[c], cv->r.thresholded.cell);
	cv->r.abstained = 0;
	for (i = 0; i < k; i++)
		cv->r.abstained += cv->r.thresholded.cell[i * (k + 1) + k];
	return 0;
}

void classview_close(struct classview *cv)
{
	if (cv->focused)
		mcfocus_free(&cv->focus);
	free(cv->focus_thr);
	mc_free(&cv->r);
	free(cv->sw);
	free(cv->thr);
	memset(cv, 0, sizeof *cv);
}

int classview_set(struct session *s, const char *name, double t, char *err, size_t errlen)
{
	const struct dataset_classes *dc = &s->ds->classes;
	char list[400];

	for (size_t c = 0; c < dc->k; c++)
		if (strcmp(dc->names[c], name) == 0) {
			s->view.models[c].threshold = t;
			return 0;
		}
	text_list(list, sizeof list, (const char *const *)dc->names, dc->k, 10);
	snprintf(err, errlen, "--thresholds: '%s' names no class (classes: %s)", text_show_str(name), list);
	return -1;
}

static bool constrained(const struct optimize_spec *spec)
{
	return !isnan(spec->min_precision) || !isnan(spec->min_recall) || !isnan(spec->max_fpr) ||
	       !isnan(spec->max_flagged) || !isnan(spec->max_flag_rate);
}

int classview_optimize(struct session *s, const struct optimize_spec *spec, double *values, char *err, size_t errlen)
{
	for (size_t c = 0; c < s->ds->classes.k; c++) {
		struct view_model *m = &s->view.models[c];
		struct optimum best;

		values[c] = NAN;
		if (!(m->sw->pos > 0))
			continue;
		if (optimize_run(m->sw, spec, &best) < 0) {
			snprintf(err, errlen, "%s: %s for class '%s'", s->ds->shown,
				 constrained(spec) ? "no threshold satisfies the constraints" :
				 "the objective is undefined at every threshold", text_show_str(s->ds->classes.names[c]));
			return -1;
		}
		m->threshold = best.threshold;
		values[c] = best.value;
	}
	return 0;
}

const char *classview_note(const struct session *s, const struct mc_result *r, size_t c, char *buf, size_t cap)
{
	const struct mc_class *cl = &r->cls[c];
	const char *name = text_show_str(s->ds->classes.names[c]);

	if (!(cl->positives > 0))
		snprintf(buf, cap, "%s: class '%s' has no rows: its ratios are null, and the macro and weighted means leave it out",
			 s->ds->shown, name);
	else if (cl->c.tp + cl->c.fp == 0)
		snprintf(buf, cap, "%s: class '%s' flags no row at %g: its precision is undefined, and counts as 0 in the "
			 "means (as scikit-learn's zero_division=0)", s->ds->shown, name, cl->threshold);
	else
		return NULL;
	return buf;
}
