/*
 * main: the command line's flow.  Parse options, load the data, build one
 * sweep per model, pick each model's threshold, then print.  Everything that
 * can fail does so before the first byte reaches stdout, so that an error
 * leaves stdout empty.
 */
#include "dataset.h"
#include "optimize.h"
#include "options.h"
#include "report.h"
#include "sweep.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	va_list ap;

	fputs("cutoff: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	struct options o;
	struct dataset *ds = NULL;
	struct sweep *sweeps = NULL;
	struct report_model *models = NULL;
	struct report r;
	char err[1024];
	int status = 1;
	size_t i, built = 0;

	if (options_parse(argc, argv, &o, err, sizeof err) != OPTIONS_OK) {
		say("%s", err);
		options_free(&o);
		return 2;
	}
	if (o.help || o.version) {
		if (o.help)
			options_usage(stdout);
		else
			printf("cutoff %s\n", CUTOFF_VERSION);
		options_free(&o);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (o.data.path == NULL && isatty(STDIN_FILENO)) {
		say("no input: give a FILE, or pipe the data in (see cutoff --help)");
		options_free(&o);
		return 2;
	}

	if (dataset_load(&o.data, &ds, err, sizeof err) < 0) {
		say("%s", err);
		goto out;
	}
	for (i = 0; i < ds->n_notes; i++)
		say("%s", ds->notes[i]);

	sweeps = calloc(ds->n_models, sizeof *sweeps);
	models = calloc(ds->n_models, sizeof *models);
	if (sweeps == NULL || models == NULL) {
		say("out of memory");
		goto out;
	}
	for (i = 0; i < ds->n_models; i++, built++) {
		struct model *m = &ds->models[i];

		if (sweep_build(&sweeps[i], m->pos, m->pos_w, m->n_pos, m->neg, m->neg_w, m->n_neg) < 0) {
			say("out of memory sorting %llu rows", (unsigned long long)ds->rows);
			goto out;
		}
		dataset_release_model(m);
		models[i].score = m->name;
		models[i].sw = &sweeps[i];
		models[i].threshold = o.has_threshold ? o.threshold : sweep_default_threshold(&sweeps[i]);
	}
	if (o.mode == MODE_OPTIMIZE) {
		for (i = 0; i < ds->n_models; i++) {
			struct optimum best;
			char name[100];

			if (optimize_run(&sweeps[i], &o.spec, &best) < 0) {
				text_escape(name, sizeof name, models[i].score, strlen(models[i].score), 40);
				if (!isnan(o.spec.min_precision) || !isnan(o.spec.min_recall) || !isnan(o.spec.max_fpr))
					say("%s: no threshold satisfies the constraints for model '%s'", ds->source, name);
				else
					say("%s: %s is undefined at every threshold for model '%s'", ds->source,
					    o.objective_name, name);
				goto out;
			}
			models[i].threshold = best.threshold;
			models[i].objective = o.objective_name;
			models[i].value = best.value;
		}
	}

	memset(&r, 0, sizeof r);
	r.file = ds->source;
	r.label = ds->label_name;
	r.positive = ds->positive_name;
	r.negative = ds->negative_name;
	if (o.data.positive != NULL) {
		r.pos_words = ds->positive_name;
		r.neg_words = strcmp(ds->negative_name, "other") == 0 ? NULL : ds->negative_name;
	} else {
		r.pos_words = "positive";
		r.neg_words = "negative";
	}
	r.skipped = ds->skipped;
	r.models = models;
	r.n_models = ds->n_models;
	if (o.mode == MODE_CURVE)
		report_curve(stdout, &r, o.curve, o.format);
	else
		report_write(stdout, &r, o.format); /* the explorer is not built yet */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say("writing the output: %s", strerror(errno));
		goto out;
	}
	status = 0;
out:
	for (i = 0; i < built; i++)
		sweep_free(&sweeps[i]);
	free(sweeps);
	free(models);
	dataset_free(ds);
	options_free(&o);
	return status;
}
