/*
 * fuzz_loader: any bytes as a scored CSV.  The first byte picks the
 * options (header, delimiter, strict, positive class, weights, counts,
 * streaming, bins, a score column per class); the rest is the file.  A successful load goes on
 * through the sweep, every report writer and a screen render, so that
 * hostile names and values reach everything that shows them.  Every input
 * is also loaded with libcsv reading every byte and with the scanner: the
 * two must agree on the result, the message, the notes and every row.
 */
#define _GNU_SOURCE
#include "core/load/dataset.h"
#include "ui/grid.h"
#include "ui/panels.h"
#include "core/report/report.h"
#include "core/stats/drift.h"
#include "core/load/groups.h"
#include "core/report/curvefile.h"
#include "core/stats/boot.h"
#include "options.h"
#include "app/session.h"
#include "app/classview.h"
#include "app/rowsview.h"
#include "core/load/rowlist.h"
#include "core/report/reportmc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_array(const double *a, const double *b, size_t n)
{
	return n == 0 || (a != NULL && b != NULL && memcmp(a, b, n * sizeof *a) == 0);
}

/* The scanner and libcsv load the same rows, or fail with the same words. */
static void compare_readers(const struct dataset_options *opt)
{
	struct dataset_options a = *opt, b = *opt;
	struct dataset *da, *db;
	char ea[1024], eb[1024];
	int ra, rb;
	size_t i;

	a.libcsv_only = true;
	b.libcsv_only = false;
	a.progress = b.progress = NULL;
	ra = dataset_load(&a, &da, ea, sizeof ea);
	rb = dataset_load(&b, &db, eb, sizeof eb);
	if (ra != rb || (ra < 0 && strcmp(ea, eb) != 0))
		abort();
	if (ra == 0) {
		if (da->rows != db->rows || da->skipped != db->skipped || da->n_notes != db->n_notes ||
		    da->n_models != db->n_models || strcmp(da->positive_name, db->positive_name) != 0 ||
		    strcmp(da->negative_name, db->negative_name) != 0)
			abort();
		for (i = 0; i < da->n_notes; i++)
			if (strcmp(da->notes[i], db->notes[i]) != 0)
				abort();
		if (da->multiclass != db->multiclass || da->classes.n != db->classes.n ||
		    (da->multiclass && (memcmp(da->classes.label, db->classes.label, da->classes.n * sizeof(uint32_t)) != 0 ||
					!same_array(da->classes.score, db->classes.score, da->classes.n * da->classes.k))))
			abort();
		for (i = 0; i < da->n_models; i++) {
			const struct model *x = &da->models[i], *y = &db->models[i];

			if (strcmp(x->name, y->name) != 0 || x->n_pos != y->n_pos || x->n_neg != y->n_neg ||
			    !same_array(x->pos, y->pos, x->n_pos) || !same_array(x->neg, y->neg, x->n_neg) ||
			    !same_array(x->pos_w, y->pos_w, x->pos_w ? x->n_pos : 0) ||
			    !same_array(x->neg_w, y->neg_w, x->neg_w ? x->n_neg : 0))
				abort();
		}
	}
	dataset_free(da);
	dataset_free(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[4] = { 0, ',', '\t', ';' };
	static const char *const one[] = { "2" };
	static const char *const two[] = { "2", "3" };
	struct options o;
	struct session_start st;
	struct session s;
	char path[64], err[1024];
	uint8_t flags;
	bool opened;
	int fd;

	if (size < 1)
		return 0;
	flags = data[0];
	data++, size--;
	if ((fd = memfd_create("fuzz", 0)) < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

	memset(&o, 0, sizeof o);
	o.data.path = path;
	o.data.header = (flags & 3) == 3 ? -1 : (flags & 3) == 2 ? 1 : (flags & 3) == 1 ? 0 : -1;
	o.data.delimiter = delims[(flags >> 2) & 3];
	o.data.strict = flags & 16;
	if (flags & 32)
		o.data.positive = "1";
	switch ((flags >> 6) & 3) {
	case 1:
		o.data.label = "1";
		o.data.scores = two;
		o.data.n_scores = 2;
		break;
	case 2:
		o.data.counts_pos = "2";
		o.data.counts_neg = "3";
		o.data.scores = (const char *const[]){ "1" };
		o.data.n_scores = 1;
		o.data.positive = NULL;
		break;
	case 3:
		o.data.weight = "3";
		o.data.label = "1";
		o.data.scores = one;
		o.data.n_scores = 1;
		o.data.bins = size % 7 == 0 ? 5 : 0;
		o.data.stream = size % 3 == 0;
		/* the fourth column as groups or folds, with a strategy */
		if (size % 2 == 0)
			o.data.group = "4";
		else if (size % 5 == 0)
			o.data.fold = "4";
		o.group_strategy = (struct fairness_spec){ FAIR_EQUAL_RECALL, 0.5 };
		o.group_strategy_set = o.data.group != NULL;
		break;
	default:
		/* a score column per class: asked for, or chosen from the label's values */
		if (size % 4 == 1) {
			o.data.multiclass = true;
			o.data.label = "1";
			o.data.scores = (const char *const[]){ "2", "3", "4" };
			o.data.n_scores = 3;
			o.data.positive = NULL;
			o.data.weight = size % 8 == 1 ? "5" : NULL;
		}
		break;
	}
	compare_readers(&o.data);
	options_start(&o, &st);
	opened = session_open(&s, &o.data, &st, err, sizeof err) == 0;
	if (opened && s.ds->multiclass) {
		/* every class: the report in each format, the K x K panel moving */
		struct classview cv;
		struct screen scr;
		struct grid *g = grid_new(100, 30);
		FILE *devnull = fopen("/dev/null", "w");
		const char *scores[64];

		if (classview_open(&cv, &s) == 0) {
			s.view.classes = &cv;
			s.view.class_names = s.ds->classes.names;
			view_set_model(&s.view, 0);
			classview_sync(&cv, &s.view);
			for (size_t i = 0; i < s.view.n_models && i < 64; i++)
				scores[i] = s.view.models[i].name;
			for (int f = 0; f < 4; f++)
				reportmc_write(devnull, &(struct mc_report){ s.view.file, s.view.label, 0,
									      (const char *const *)s.ds->classes.names, scores, &cv.r,
									      NULL, NULL, false }, (enum report_format)f);
			memset(&scr, 0, sizeof scr);
			s.view.classes_shown = true;
			panels_draw(g, &scr, &s.view);
			view_step(&s.view, +1, STEP_LARGE);
			view_next_model(&s.view);
			view_step(&s.view, -1, STEP_SMALL);
			classview_sync(&cv, &s.view);
			s.view.classes_argmax = true;
			panels_draw(g, &scr, &s.view);
			panels_free(&scr);
			s.view.classes = NULL;
			classview_close(&cv);
		}
		fclose(devnull);
		grid_free(g);
	} else if (opened && s.ds->n_models > 0 && !s.ds->streamed && s.data->counts_pos == NULL) {
		/* the rows behind each cell: --list's second reading, and the
		 * explorer's index, listing and records read again */
		struct rowsview rv;
		char e2[600];

		for (int cell = 0; cell < ROWS_CELLS; cell++) {
			struct rowlists rl;
			struct dataset_options d = o.data;
			struct dataset *again;

			if (rowlists_init(&rl, (enum rowlist_cell)cell, size % 5, s.view.n_models, 0, false) < 0)
				break;
			for (size_t i = 0; i < s.view.n_models; i++)
				rl.threshold_at[i] = s.view.models[i].threshold;
			rl.threshold = rl.threshold_at;
			d.on_row = rowlists_take, d.on_row_arg = &rl, d.rows_only = true, d.one_thread = true;
			if (dataset_load(&d, &again, e2, sizeof e2) == 0)
				dataset_free(again);
			rowlists_finish(&rl);
			rowlists_free(&rl);
		}
		if (rowsview_open(&rv, &s, "1", (const char *const[]){ "2" }, 1, e2, sizeof e2) == 0) {
			for (int cell = 0; cell < ROWS_CELLS; cell++) {
				rv.cell = (enum rowlist_cell)cell;
				rowsview_sync(&rv, &s.view, 8);
				rowsview_record(&rv);
			}
			rowsview_close(&rv);
		}
	}
	if (opened && !s.ds->multiclass) {
		struct report_model m[8];
		struct report r;
		struct screen scr;
		struct grid *g = grid_new(100, 30);
		FILE *devnull = fopen("/dev/null", "w");
		size_t i;

		memset(&r, 0, sizeof r);
		memset(m, 0, sizeof m); /* every field a writer may read (rows, band) is set or none */
		r.file = s.view.file;
		r.label = s.view.label;
		r.positive = s.view.positive;
		r.negative = s.view.negative;
		r.pos_words = s.view.pos_words;
		r.neg_words = s.view.neg_words;
		r.models = m;
		r.n_models = s.view.n_models < 8 ? s.view.n_models : 8;
		for (i = 0; i < r.n_models; i++) {
			m[i].score = s.view.models[i].name;
			m[i].sw = s.view.models[i].sw;
			m[i].threshold = s.view.models[i].threshold;
			m[i].objective = NULL;
		}
		struct report_groups gr = { 0 };
		static double thr[GROUPS_MAX];

		if (s.n_groups > 0) {
			/* each group at the explorer's thresholds (a strategy or the model's) */
			gr.column = "4";
			gr.n = s.n_groups;
			gr.names = s.view.group_names;
			gr.folds = s.view.folds;
			gr.strategy_set = !s.view.folds;
			gr.strategy = o.group_strategy;
			for (i = 0; i < s.n_groups; i++)
				thr[i] = view_group_threshold(&s.view, i);
			m[0].group_sw = (const struct sweep *const *)s.group_ptrs;
			m[0].group_thr = thr;
			r.groups = &gr;
			r.n_models = 1;
		}
		{
			/* the bootstrap refuses what it cannot resample (fractional
			 * counts, weights, too many draws) and runs the rest */
			struct boot_options bo = { .resamples = 3, .seed = 1, .level = 0.95, .threads = 1 };
			struct boot_result br;
			char why[300];

			bo.k = s.view.models[0].k;
			if (boot_check(m[0].sw, bo.resamples, why, sizeof why) == BOOT_OK &&
			    m[0].sw->pos + m[0].sw->neg < 1e5 && boot_run(m[0].sw, &bo, &br) != BOOT_OK)
				abort();
		}
		{
			/* the drift between a model and itself, then against a group */
			struct drift dr;

			drift_compare(m[0].sw, m[0].sw, &dr);
			if (s.n_groups > 0)
				drift_compare(m[0].sw, s.group_ptrs[0], &dr);
		}
		report_write(devnull, &r, FORMAT_TEXT);
		report_write(devnull, &r, FORMAT_JSON);
		report_write(devnull, &r, FORMAT_CSV);
		report_write(devnull, &r, FORMAT_MARKDOWN);
		for (i = 0; i < CF_COUNT; i++)
			curvefile_write(devnull, &r, (enum curvefile_kind)i, i % 2 ? FORMAT_JSON : FORMAT_CSV);
		fclose(devnull);
		memset(&scr, 0, sizeof scr);
		view_find_optima(&s.view);
		panels_draw(g, &scr, &s.view);
		view_step(&s.view, +1, STEP_LARGE);
		s.view.glyphs = GLYPHS_ASCII;
		panels_draw(g, &scr, &s.view);
		/* the deployment views, and the deployed world */
		s.view.rotation = 4;
		panels_draw(g, &scr, &s.view);
		s.view.rotation = 2; /* the groups panel, or with folds the bands */
		s.view.overlay = true;
		panels_draw(g, &scr, &s.view);
		s.view.overlay = false;
		s.view.rotation = 6;
		view_set_budget(&s.view, 2);
		if (view_set_prevalence(&s.view, 0.01) == 0)
			panels_draw(g, &scr, &s.view);
		panels_free(&scr);
		grid_free(g);
	}
	session_close(&s);
	close(fd);
	return 0;
}
