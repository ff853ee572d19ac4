/*
 * print: the command line's reports: each model at its threshold (or
 * optimum, with --group, --bootstrap), against a reference, or a score
 * column per class.  Everything that can fail does so before the first
 * byte reaches stdout.
 */
#include "print.h"

#include "app/classview.h"
#include "app/reportview.h"
#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/report/curvefile.h"
#include "core/report/curvesvg.h"
#include "core/report/reportmc.h"
#include "core/stats/band.h"
#include "core/stats/optimize.h"
#include "say.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Moves each model to its optimum; returns -1 (said) when one has none. */
static int optimize_all(struct session *s, const struct options *o, struct report_model *models)
{
	size_t i;

	for (i = 0; i < s->view.n_models; i++) {
		struct optimum best;
		char name[100];

		if (optimize_run(s->models[i].sw, &o->spec, &best) < 0) {
			text_escape(name, sizeof name, models[i].score, strlen(models[i].score), 40);
			if (!isnan(o->spec.min_precision) || !isnan(o->spec.min_recall) || !isnan(o->spec.max_fpr) ||
			    !isnan(o->spec.max_flagged) || !isnan(o->spec.max_flag_rate))
				say("%s: no threshold satisfies the constraints for model '%s'", s->ds->shown, name);
			else
				say("%s: %s is undefined at every threshold for model '%s'", s->ds->shown,
				    o->objective_name, name);
			return -1;
		}
		models[i].threshold = best.threshold;
		models[i].objective = o->objective_name;
		models[i].value = best.value;
	}
	return 0;
}

/* --group: each model's groups, and with --group-thresholds each group's
 * own threshold; a group that keeps the single one is named on stderr. */
static void group_thresholds(struct session *s, const struct options *o, struct report_model *models, double *thr)
{
	size_t i, g, n = s->n_groups;

	for (i = 0; i < s->view.n_models; i++) {
		for (g = 0; g < n; g++) {
			const struct sweep *sw = s->group_ptrs[i * n + g];
			double *t = &thr[i * n + g];
			char name[256], model[100];
			int rc;

			*t = models[i].threshold;
			if (!o->group_strategy_set || o->group_strategy.strategy == FAIR_SINGLE)
				continue;
			rc = fairness_threshold(sw, &o->group_strategy, &o->spec, t);
			if (rc == 1) {
				say("%s: group '%s' flags none under %s: even its top score alone passes it (model '%s')",
				    s->ds->shown, text_fit(name, sizeof name, s->ds->groups.names[g], 30),
				    fairness_name(o->group_strategy.strategy),
				    text_escape(model, sizeof model, models[i].score, strlen(models[i].score), 40));
				continue;
			}
			if (rc == 0)
				continue;
			*t = models[i].threshold;
			text_fit(name, sizeof name, s->ds->groups.names[g], 30);
			text_escape(model, sizeof model, models[i].score, strlen(models[i].score), 40);
			if (!(sw->pos > 0 && sw->neg > 0))
				say("%s: group '%s' has one class only: it keeps the single threshold for model '%s'", s->ds->shown,
				    name, model);
			else
				say("%s: no threshold of group '%s' meets %s: it keeps the single threshold for model '%s'",
				    s->ds->shown, name, fairness_name(o->group_strategy.strategy), model);
		}
	}
}

/* The bootstrap's progress on a terminal's stderr, rewritten in place. */
static void boot_progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, "\rcutoff: bootstrap %zu of %zu", done < total ? done : total, total);
	fflush(stderr);
}

/* One model's bootstrap at its threshold (and optimum); both cores unless
 * CUTOFF_THREADS=1.  0, or -1 (said) when it cannot be made. */
static int bootstrap(struct session *s, const struct options *o, const struct report_model *m, struct boot_result *out)
{
	const char *th = getenv("CUTOFF_THREADS");
	struct boot_options bo;
	char why[300];
	int rc;

	if (boot_check(m->sw, o->bootstrap, why, sizeof why) != BOOT_OK) {
		say("%s: %s", s->ds->shown, why);
		return -1;
	}
	memset(&bo, 0, sizeof bo);
	bo.resamples = o->bootstrap;
	bo.seed = o->seed_set ? o->seed : 1;
	bo.level = s->view.conf_level;
	bo.k = sweep_index(m->sw, m->threshold);
	bo.spec = o->mode == MODE_OPTIMIZE ? &o->spec : NULL;
	bo.threads = th != NULL && strcmp(th, "1") == 0 ? 1 : 2;
	if (isatty(STDERR_FILENO)) {
		bo.progress = boot_progress;
		fputs("\r", stderr);
	}
	rc = boot_run(m->sw, &bo, out);
	if (bo.progress != NULL)
		fputs("\r\033[K", stderr);
	if (rc == BOOT_NO_MEMORY)
		say("%s: no bootstrap: out of memory (it needs ~56 bytes a distinct score and a resample)", s->ds->shown);
	return rc == BOOT_OK ? 0 : -1;
}

/* What only the command line adds to the view's report: the options
 * that shape it, and under --group the strategy for every model. */
static void report_options(struct reportview *rv, struct session *s, const struct options *o)
{
	rv->report.partial_fpr = o->partial_fpr;
	rv->report.boot_resamples = o->bootstrap;
	rv->report.seed = o->seed_set ? o->seed : 1;
	rv->report.max_flagged = o->mode == MODE_OPTIMIZE && !isnan(o->spec.max_flagged) ? o->spec.max_flagged : 0;
	rv->report.has_baseline = o->has_baseline;
	rv->report.baseline = o->baseline;
	rv->report.costs = o->costs_given;
	rv->report.cost_fp = o->spec.cost_fp, rv->report.cost_fn = o->spec.cost_fn;
	if (s->n_groups > 0) {
		rv->groups.optimize = o->mode == MODE_OPTIMIZE ? &o->spec : NULL;
		rv->groups.strategy_set = o->group_strategy_set;
		rv->groups.strategy = o->group_strategy;
	}
}

/* --list: the cell's rows of every model at its threshold, from the rows
 * kept as they were read (kept: standard input), or by reading the file
 * again (it must be the file read: dev, inode, size and times), taking
 * only the rows that are listed.  0, or -1 (said). */
static int list_rows(struct session *s, const struct options *o, struct reportview *rv, struct rowlists *kept,
		     struct rowlists *rl)
{
	struct dataset_options d = o->data;
	struct dataset *again;
	char err[1024];
	size_t i;

	if (kept != NULL) {
		*rl = *kept;
		memset(kept, 0, sizeof *kept);
	} else if (rowlists_init(rl, o->list_cell, o->limit, s->view.n_models, o->data.n_extra, false) < 0) {
		say("out of memory");
		return -1;
	}
	for (i = 0; i < s->view.n_models; i++)
		rl->threshold_at[i] = rv->models[i].threshold;
	rl->threshold = rl->threshold_at;
	rl->negate = o->invert;
	if (kept != NULL) {
		if (rowlists_select(rl) < 0) {
			say("out of memory listing the rows");
			return -1;
		}
	} else {
		if (dataset_same_file(s->ds, o->data.path, err, sizeof err) < 0) {
			say("%s", err);
			return -1;
		}
		d.on_row = rowlists_take, d.on_row_arg = rl, d.rows_only = true, d.one_thread = true, d.progress = NULL;
		if (dataset_load(&d, &again, err, sizeof err) < 0) {
			say("%s", err);
			return -1;
		}
		dataset_free(again);
		if (rl->failed) {
			say("out of memory listing the rows");
			return -1;
		}
	}
	rowlists_finish(rl);
	for (i = 0; i < s->view.n_models; i++)
		rv->models[i].rows = &rl->list[i];
	rv->report.rows_cell = rowlist_cell_names[o->list_cell];
	rv->report.id_name = o->id;
	rv->report.show_names = o->show;
	rv->report.n_show = o->n_show;
	rv->report.weighted = s->ds->weighted;
	return 0;
}

/* --band: each model's review band.  The cuts are --band's, or where
 * --band-precision and --band-npv put them; a side neither gives stays at
 * the model's threshold.  Cuts that cross close the band (said). */
static int bands(struct session *s, const struct options *o, struct reportview *rv, struct band **out)
{
	struct band *b = calloc(s->view.n_models, sizeof *b);

	if ((*out = b) == NULL) {
		say("out of memory");
		return -1;
	}
	for (size_t i = 0; i < s->view.n_models; i++) {
		const struct sweep *sw = rv->models[i].sw;
		double t = rv->models[i].threshold, low = o->band_cuts ? o->band_low : t, high = o->band_cuts ? o->band_high : t;
		char a[40], c[40];

		band_high_for(sw, o->band_p, &high);
		band_low_for(sw, o->band_q, &low);
		if (low > high) {
			say("%s: model '%s': the band's cuts cross (%s above %s): no review, every row decided at %s", s->ds->shown,
			    text_show_str(rv->models[i].score), fmt_exact(a, sizeof a, low), fmt_exact(c, sizeof c, high), c);
			low = high;
		}
		band_at(sw, low, high, &b[i]);
		rv->models[i].band = &b[i];
	}
	return 0;
}

/* --curve: a table in the format, or with --format svg a picture. */
static int write_curve(const struct report *r, const struct options *o)
{
	if (o->format == FORMAT_SVG)
		return curvesvg_write(stdout, r, o->curve);
	return curvefile_write(stdout, r, o->curve, o->format);
}

int print_report(struct session *s, const struct options *o, struct rowlists *kept)
{
	struct reportview rv;
	struct boot_result *boots = NULL;
	struct rowlists rl = { 0 };
	struct band *band = NULL;
	size_t i;
	int status = 1;

	if (reportview_build(&rv, &s->view, REPORTVIEW_ALL) < 0) {
		say("out of memory");
		return 1;
	}
	report_options(&rv, s, o);
	if (o->mode == MODE_OPTIMIZE && optimize_all(s, o, rv.models) < 0)
		goto out;
	if (o->bootstrap > 0 && (boots = calloc(s->view.n_models, sizeof *boots)) == NULL) {
		say("out of memory");
		goto out;
	}
	for (i = 0; o->bootstrap > 0 && i < s->view.n_models; i++) {
		if (bootstrap(s, o, &rv.models[i], &boots[i]) < 0)
			goto out;
		rv.models[i].boot = &boots[i];
	}
	if (s->n_groups > 0)
		group_thresholds(s, o, rv.models, rv.group_thr);
	if (o->list && list_rows(s, o, &rv, kept, &rl) < 0)
		goto out;
	if (o->band && bands(s, o, &rv, &band) < 0)
		goto out;
	if (o->mode == MODE_CURVE) {
		char err[300];

		if (curvefile_check(&rv.report, o->curve, err, sizeof err) < 0) {
			say("%s: %s", s->ds->shown, err);
			goto out;
		}
		if (write_curve(&rv.report, o) < 0) {
			say("out of memory");
			goto out;
		}
	} else if (o->format == FORMAT_HTML) {
		if (reportview_html(stdout, &rv) < 0) {
			say("out of memory");
			goto out;
		}
	} else {
		reportview_write(stdout, &rv, o->format);
	}
	if (say_output_done() == 0)
		status = 0;
out:
	free(boots);
	free(band);
	rowlists_free(&rl);
	reportview_free(&rv);
	return status;
}

/* --multiclass: --thresholds by class name, or each class's optimum.
 * 0, or the exit status (said). */
static int class_thresholds(struct session *s, const struct options *o, double *values)
{
	char err[600];
	size_t i;

	for (i = 0; i < s->ds->classes.k; i++)
		values[i] = NAN;
	for (i = 0; i < o->n_class_thr; i++)
		if (classview_set(s, o->class_thr[i].name, o->class_thr[i].threshold, err, sizeof err) < 0) {
			say("%s", err);
			return 2;
		}
	if (o->mode == MODE_OPTIMIZE && classview_optimize(s, &o->spec, values, err, sizeof err) < 0) {
		say("%s", err);
		return 1;
	}
	return 0;
}

/* --multiclass: the report, or each class's curve.  The exit status. */
int print_classes(struct session *s, const struct options *o)
{
	const struct dataset_classes *dc = &s->ds->classes;
	const char **scores = NULL;
	struct classview cv;
	double *values = NULL;
	int status;

	if ((values = calloc(dc->k, sizeof *values)) == NULL || (scores = calloc(dc->k, sizeof *scores)) == NULL) {
		free(values);
		say("out of memory");
		return 1;
	}
	if ((status = class_thresholds(s, o, values)) != 0)
		goto out;
	status = 1;
	if (o->mode == MODE_CURVE) {
		struct reportview rv;
		char err[300];

		if (reportview_build(&rv, &s->view, REPORTVIEW_ALL) < 0) {
			say("out of memory");
			goto out;
		}
		rv.report.classes = (const char *const *)dc->names;
		if (curvefile_check(&rv.report, o->curve, err, sizeof err) < 0)
			say("%s: %s", s->ds->shown, err);
		else if (write_curve(&rv.report, o) < 0)
			say("out of memory");
		else
			status = say_output_done() == 0 ? 0 : 1;
		reportview_free(&rv);
		goto out;
	}
	if (classview_open(&cv, s) < 0) {
		say("out of memory");
		goto out;
	}
	classview_at(&cv, &s->view);
	for (size_t c = 0; c < dc->k; c++) {
		char note[600];

		if (classview_note(s, &cv.r, c, note, sizeof note) != NULL)
			say("%s", note);
		scores[c] = s->view.models[c].name;
	}
	reportmc_write(stdout, &(struct mc_report){ s->ds->source, s->ds->label_name, s->ds->skipped,
						    (const char *const *)dc->names, scores, &cv.r,
						    o->mode == MODE_OPTIMIZE ? o->objective_name : NULL,
						    o->mode == MODE_OPTIMIZE ? values : NULL, s->ds->weighted }, o->format);
	classview_close(&cv);
	status = say_output_done() == 0 ? 0 : 1;
out:
	free(values);
	free(scores);
	return status;
}

/* --against REF: the reference read with the same options, each model's
 * threshold (the reference's optimum under --optimize) applied to both. */
int print_against(struct session *s, struct session *ref, const struct options *o)
{
	struct reportview rv;
	double *thr = NULL, *val = NULL;
	size_t i, n = s->view.n_models;
	int status = 1;

	memset(&rv, 0, sizeof rv);
	thr = calloc(n, sizeof *thr);
	val = calloc(n, sizeof *val);
	if (thr == NULL || val == NULL || session_attach(s, ref) < 0 ||
	    reportview_build(&rv, &s->view, REPORTVIEW_ALL) < 0) {
		say("out of memory");
		goto out;
	}
	report_options(&rv, s, o);
	rv.report.boot_resamples = 0;
	rv.report.seed = 0;
	rv.report.max_flagged = 0;
	for (i = 0; o->mode == MODE_OPTIMIZE && i < n; i++) {
		struct report_model *rm = &rv.ref_models[i], *cm = &rv.models[i];
		struct optimum best;
		struct confusion c;

		/* the reference decides the threshold; the current data's own
		 * optimum is said beside it */
		if (optimize_run(rm->sw, &o->spec, &best) < 0) {
			say("%s: no threshold satisfies the constraints in the reference", ref->ds->shown);
			goto out;
		}
		rm->threshold = cm->threshold = best.threshold;
		rm->objective = cm->objective = o->objective_name;
		rm->value = best.value;
		c = sweep_at(cm->sw, best.threshold);
		cm->value = optimize_value(&o->spec, &c); /* the same threshold's, now */
		thr[i] = NAN, val[i] = NAN;
		if (optimize_run(cm->sw, &o->spec, &best) == 0)
			thr[i] = best.threshold, val[i] = best.value;
	}
	if (o->mode == MODE_OPTIMIZE)
		rv.cur_opt_thr = thr, rv.cur_opt_val = val;
	if (o->format == FORMAT_HTML && reportview_html(stdout, &rv) < 0) {
		say("out of memory");
		goto out;
	} else if (o->format != FORMAT_HTML) {
		reportview_write(stdout, &rv, o->format);
	}
	if (say_output_done() == 0)
		status = 0;
out:
	reportview_free(&rv);
	free(thr);
	free(val);
	session_detach(s);
	return status;
}

