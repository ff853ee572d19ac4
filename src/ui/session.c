/*
 * session: loading and sweeping, once.  A model's rows are freed as soon
 * as its sweep is built, so peak memory is the rows plus one sweep.
 */
#include "ui/session.h"

#include "core/fold.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int session_open(struct session *s, const struct dataset_options *data, const struct session_start *st,
		 char *err, size_t errlen)
{
	struct view *v = &s->view;
	size_t i;

	memset(s, 0, sizeof *s);
	if (dataset_load(data, &s->ds, err, errlen) < 0)
		return -1;
	s->sweeps = calloc(s->ds->n_models, sizeof *s->sweeps);
	s->models = calloc(s->ds->n_models, sizeof *s->models);
	if (s->sweeps == NULL || s->models == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < s->ds->n_models; i++, s->built++) {
		struct model *m = &s->ds->models[i];

		if (m->fold != NULL) {
			struct fold *f = m->fold;
			bool binned = f->binned;
			double pairs = f->pairs_in_bins, *sc, *p, *n;
			size_t k;

			fold_take(f, &sc, &p, &n, &k);
			free(f);
			m->fold = NULL;
			sweep_build_runs(&s->sweeps[i], sc, p, n, k);
			s->sweeps[i].bins = data->bins;
			/* grouped pairs count half in the AUC, and 0 or 1 exactly */
			s->sweeps[i].auc_error = binned && s->sweeps[i].pos > 0 && s->sweeps[i].neg > 0
						 ? pairs / 2 / s->sweeps[i].pos / s->sweeps[i].neg : 0;
		} else if (sweep_build(&s->sweeps[i], m->pos, m->pos_w, m->n_pos, m->neg, m->neg_w, m->n_neg) < 0) {
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
		s->sweeps[i].weighted = data->weight != NULL; /* --counts are whole rows */
		if (st->invert)
			sweep_invert(&s->sweeps[i]);
		s->models[i].name = m->name;
		s->models[i].sw = &s->sweeps[i];
		s->models[i].threshold = st->has_threshold ? st->threshold : sweep_default_threshold(&s->sweeps[i]);
	}
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
	v->costs = st->costs;
	v->cost_fp = st->cost_fp;
	v->cost_fn = st->cost_fn;
	v->glyphs = st->ascii ? GLYPHS_ASCII : GLYPHS_BRAILLE;
	v->color = st->color;
	view_init(v);
	return 0;
}

void session_close(struct session *s)
{
	size_t i;

	for (i = 0; i < s->built; i++)
		sweep_free(&s->sweeps[i]);
	free(s->sweeps);
	free(s->models);
	dataset_free(s->ds);
	memset(s, 0, sizeof *s);
}
