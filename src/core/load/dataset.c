/*
 * dataset: rows to per-model score columns.  csvread hands over each
 * record; the first ones (up to 1,000, or 4 MB) are kept whole until sniff
 * has decided the columns, then replayed; after that each record is parsed
 * and appended at once: labels (by --positive or the 0/1, yes/no
 * vocabulary), scores, weights or --counts.  Per usable row the memory is
 * one double per model (two with weights); past a limit, or when asked,
 * rows are folded into distinct scores instead (fold.c).  Rows that cannot
 * be used are counted, and the first few named in notes.
 */
#include "core/load/dataset.h"

#include "core/load/csvread.h"
#include "core/base/fmt.h"
#include "core/load/loader.h"
#include "core/load/model.h"
#include "core/load/sniff.h"
#include "core/base/text.h"
#include "core/load/unpack.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAMPLE_ROWS 1000
#define SAMPLE_BYTES ((size_t)4 << 20)






/* ---- deciding the columns ----------------------------------------------- */

/* --multiclass: what cannot go with it (it keeps every row in memory),
 * the class names (--classes by position, else the score columns'), each
 * once.  0, or -1 (failed). */
static int setup_classes(struct loader *l)
{
	const struct dataset_options *o = l->opt;
	struct dataset *ds = l->ds;
	const struct columns *c = &l->cols;
	struct dataset_classes *dc = &ds->classes;
	const char *no = o->group ? "--group" : o->fold ? "--fold" : o->bins > 0 ? "--bins" : NULL;
	size_t i, j;

	if (no != NULL) {
		status_fail(l->st, "%s: %s does not work with a score column per class (--multiclass)", ds->shown, no);
		return -1;
	}
	ds->multiclass = true;
	dc->k = c->n_scores;
	if (o->n_classes > 0 && o->n_classes != dc->k) {
		status_fail(l->st, "%s: --classes names %zu class%s for %zu score columns", ds->shown, o->n_classes,
			    o->n_classes == 1 ? "" : "es", dc->k);
		return -1;
	}
	if ((dc->names = calloc(dc->k, sizeof *dc->names)) == NULL)
		goto oom;
	for (i = 0; i < dc->k; i++) {
		const char *name = o->n_classes > 0 ? o->classes[i] : c->names[c->score_col[i]];

		if ((dc->names[i] = text_dup(name, strlen(name))) == NULL)
			goto oom;
		for (j = 0; j < i; j++)
			if (strcmp(dc->names[j], dc->names[i]) == 0) {
				status_fail(l->st, "%s: class '%s' is named twice (score columns %zu and %zu); name the classes with --classes",
					    ds->shown, text_show_str(name), j + 1, i + 1);
				return -1;
			}
	}
	if (c->multiclass_chosen)
		loader_note(ds, "%s: %slabel column '%s': its values name %zu score columns, one a class (--multiclass); choose with %s",
			    ds->shown, c->label_guessed ? "guessed " : "", text_show_str(c->names[c->label_col]), dc->k,
			    c->label_guessed ? "--label and --score" : "--score");
	return 0;
oom:
	status_fail(l->st, "out of memory");
	return -1;
}

/* Decides header and columns from the sample, then replays the sample. */
static void setup(struct loader *l, struct csvread *cr)
{
	const struct dataset_options *o = l->opt;
	struct dataset *ds = l->ds;
	const struct columns *c = &l->cols;
	size_t i;

	l->sampling = false;
	if (l->sample.n == 0)
		return;
	if (sniff_columns(&l->cols, o, ds->shown, l->sample.v, l->sample.n, l->st) < 0)
		return;
	csvread_keep(cr, c->want, c->ncols);
	ds->delim = cr->delim;
	ds->header = c->header;
	if ((ds->models = calloc(c->n_scores, sizeof *ds->models)) == NULL)
		goto oom;
	ds->n_models = c->n_scores;
	if (c->multiclass) {
		if (setup_classes(l) < 0)
			return;
		ds->streamed = false; /* the rows stay: every decision needs them */
		l->array_limit = 0;
	} else if (o->stream || o->bins > 0) {
		ds->streamed = true;
	}
	for (i = 0; i < c->n_scores; i++) {
		ds->models[i].min = 1.0 / 0.0;
		ds->models[i].max = -1.0 / 0.0;
		if ((ds->models[i].name = text_dup(c->names[c->score_col[i]], strlen(c->names[c->score_col[i]]))) == NULL)
			goto oom;
	}
	if ((o->cost_fp_col != NULL || o->cost_fn_col != NULL) && !c->multiclass && (ds->costs = model_new(c->n_scores)) == NULL)
		goto oom;
	if (o->counts_pos == NULL &&
	    (ds->label_name = text_dup(c->names[c->label_col], strlen(c->names[c->label_col]))) == NULL)
		goto oom;
	if ((ds->grouped = o->group != NULL || o->fold != NULL))
		groups_init(&ds->groups, ds->n_models, ds->weighted, ds->streamed, o->bins, &o->tuning);
	/* the whole file's bins are allocated now: bounded before that */
	if (o->bins > 0 && 24.0 * (double)o->bins * (double)ds->n_models > DATASET_BINS_BYTES) {
		char a[40], b[40];

		status_fail(l->st, "%s: --bins %zu for %zu score column%s needs %s MB (24 bytes a bin and a column), more "
			    "than the %s MB allowed; lower --bins or score fewer columns at a time", ds->shown, o->bins,
			    ds->n_models, ds->n_models == 1 ? "" : "s",
			    fmt_count(a, sizeof a, ceil(24.0 * (double)o->bins * (double)ds->n_models / 1e6)),
			    fmt_count(b, sizeof b, DATASET_BINS_BYTES / 1e6));
		return;
	}
	if (ds->streamed && loader_fold(l) < 0)
		goto oom;

	if (c->multiclass_chosen)
		; /* setup_classes said it, label and all */
	else if (c->label_guessed && c->score_guessed)
		loader_note(ds, "%s: guessed label column '%s'%s and score column '%s'; choose with --label and --score",
			 ds->shown, text_show_str(ds->label_name), c->label_guess, text_show_str(ds->models[0].name));
	else if (c->label_guessed)
		loader_note(ds, "%s: guessed label column '%s'%s; choose with --label", ds->shown,
			 text_show_str(ds->label_name), c->label_guess);
	else if (c->score_guessed)
		loader_note(ds, "%s: guessed score column '%s'; choose with --score", ds->shown,
			 text_show_str(ds->models[0].name));

	l->simple = o->counts_pos == NULL && o->weight == NULL && o->positive == NULL && !ds->grouped && ds->n_models == 1 &&
		    o->on_row == NULL && ds->costs == NULL;
	l->simple_cols[0] = c->label_col;
	l->simple_cols[1] = c->score_col[0];
	l->delim = cr->delim;
	for (i = c->header ? 1 : 0; i < l->sample.n && !l->st->failed; i++)
		loader_row(l, &l->sample.v[i]);
	return;
oom:
	status_fail(l->st, "out of memory");
}

/* ---- the sink csvread feeds ------------------------------------------------ */

static void on_record(void *ctx, struct csvread *cr, const struct row *r, bool unterminated)
{
	struct loader *l = ctx;

	if (unterminated) {
		if (l->sampling) {
			setup(l, cr);
			rows_free(&l->sample);
		}
		if (!l->st->failed)
			loader_skip(l, row_line(r), "unterminated quoted field at end of file");
	} else if (l->sampling) {
		if (rows_add(&l->sample, r) < 0)
			status_fail(l->st, "out of memory");
		else if (l->sample.n >= SAMPLE_ROWS || l->sample.bytes >= SAMPLE_BYTES) {
			setup(l, cr);
			rows_free(&l->sample);
		}
	} else {
		loader_row(l, r);
	}
}


static void on_done(void *ctx, struct csvread *cr)
{
	struct loader *l = ctx;

	if (l->sampling)
		setup(l, cr);
	/* two readers: each sorts (or folds) its half of one model's rows in its thread */
	if (cr->split && !l->st->failed && !l->ds->grouped && l->ds->n_models == 1)
		model_sort(&l->ds->models[0], &l->opt->tuning);
}

/* The second half's loader: the first one's decisions (options, columns)
 * shared; its rows, counts, notes and labels its own. */
struct half {
	struct loader l;
	struct dataset ds;
};

static void *on_fork(void *ctx, struct status *st)
{
	struct loader *l = ctx;
	struct half *h = calloc(1, sizeof *h);
	size_t i;

	if (h == NULL)
		return NULL;
	h->ds.source = l->ds->source;
	h->ds.shown = l->ds->shown;
	h->ds.weighted = l->ds->weighted;
	h->ds.streamed = l->ds->streamed;
	h->ds.n_models = l->ds->n_models;
	if ((h->ds.multiclass = l->ds->multiclass)) {
		h->ds.classes.k = l->ds->classes.k;
		h->ds.classes.names = l->ds->classes.names; /* shared: the first's */
	}
	if ((h->ds.grouped = l->ds->grouped))
		groups_init(&h->ds.groups, h->ds.n_models, h->ds.weighted, h->ds.streamed, l->opt->bins, &l->opt->tuning);
	h->ds.models = calloc(h->ds.n_models ? h->ds.n_models : 1, sizeof *h->ds.models);
	if (h->ds.models == NULL) {
		free(h);
		return NULL;
	}
	if (l->ds->costs != NULL && (h->ds.costs = model_new(h->ds.n_models)) == NULL)
		st->failed = true;
	for (i = 0; i < h->ds.n_models; i++) {
		h->ds.models[i].min = 1.0 / 0.0;
		h->ds.models[i].max = -1.0 / 0.0;
		/* streaming: a fold of its own (a half's share of the ceiling) */
		if (h->ds.streamed && model_fold(&h->ds.models[i], false, 0, 2 * h->ds.n_models, false, &l->opt->tuning) < 0)
			st->failed = true;
		if (h->ds.streamed && h->ds.costs != NULL &&
		    model_fold(&h->ds.costs[i], true, 0, 2 * h->ds.n_models, false, &l->opt->tuning) < 0)
			st->failed = true;
	}
	if (st->failed) {
		model_free(h->ds.models, h->ds.n_models);
		model_free(h->ds.costs, h->ds.n_models);
		free(h);
		return NULL;
	}
	h->l.opt = l->opt;
	h->l.ds = &h->ds;
	h->l.st = st;
	h->l.c = l->c;
	h->l.array_limit = l->array_limit;
	h->l.simple = l->simple;
	memcpy(h->l.simple_cols, l->simple_cols, sizeof h->l.simple_cols);
	h->l.delim = l->delim;
	return &h->l;
}


/* Appends the second half's rows, counts, notes and labels to the first's. */
static void on_join(void *ctx, void *child)
{
	struct loader *l = ctx, *wl = child;
	struct half *h = (struct half *)wl;
	struct dataset *ds = l->ds, *wd = &h->ds;
	size_t i;

	ds->rows += wd->rows;
	ds->skipped += wd->skipped;
	ds->sql.binned |= wd->sql.binned;
	if (wd->sql.bins > ds->sql.bins)
		ds->sql.bins = wd->sql.bins;
	ds->sql.ties += wd->sql.ties;
	ds->sql.pos += wd->sql.pos, ds->sql.neg += wd->sql.neg;
	for (i = 0; i < wd->n_notes; i++) {
		if (l->skip_notes < DATASET_SKIP_NOTES && loader_note(ds, "%s", wd->notes[i]) == 0)
			l->skip_notes++;
		free(wd->notes[i]);
	}
	free(wd->notes);
	/* labels */
	l->label_bad |= wl->label_bad;
	l->seen_positive |= wl->seen_positive;
	l->neg_multi |= wl->neg_multi;
	for (i = 0; i < wl->n_distinct; i++) {
		loader_remember(l, wl->distinct[i], strlen(wl->distinct[i]));
		free(wl->distinct[i]);
	}
	if (ds->positive_name == NULL)
		ds->positive_name = wd->positive_name;
	else
		free(wd->positive_name);
	if (ds->negative_name == NULL) {
		ds->negative_name = wd->negative_name;
	} else if (wd->negative_name != NULL) {
		if (l->opt->positive != NULL && strcmp(ds->negative_name, wd->negative_name) != 0)
			l->neg_multi = true;
		free(wd->negative_name);
	}
	/* rows, and their costs */
	for (i = 0; i < 2 * ds->n_models && wd->models != NULL; i++) {
		struct model *m = i < ds->n_models ? &ds->models[i] : ds->costs ? &ds->costs[i - ds->n_models] : NULL;
		struct model *o = i < ds->n_models ? &wd->models[i] : wd->costs ? &wd->costs[i - ds->n_models] : NULL;
		char why[200];
		int rc;

		if (m == NULL || o == NULL)
			break;
		rc = l->st->failed ? 0 : m->fold != NULL ? fold_join(m->fold, o->fold) :
		     model_append(m, o, ds->weighted || i >= ds->n_models);
		if (rc == -2)
			status_fail(l->st, "%s: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
				    ds->shown, m->fold->max_distinct, text_show_str(ds->models[i % ds->n_models].name));
		else if (rc < 0)
			status_fail(l->st, "out of memory after %llu rows; %s", (unsigned long long)ds->rows,
				    loader_advice(l, why, sizeof why));
		model_release(o);
	}
	model_free(wd->models, 0);
	model_free(wd->costs, ds->n_models);
	if (wd->multiclass && !l->st->failed && loader_classes_join(&ds->classes, &wd->classes, ds->weighted) < 0)
		status_fail(l->st, "out of memory after %llu rows", (unsigned long long)ds->rows);
	free(wd->classes.label), free(wd->classes.score), free(wd->classes.weight);
	if (wd->grouped && !l->st->failed && groups_join(&ds->groups, &wd->groups) == -1)
		status_fail(l->st, "out of memory after %llu rows", (unsigned long long)ds->rows);
	groups_free(&wd->groups);
	free(h);
}

static const struct csvread_sink sink = { on_record, on_done, on_fork, on_join, loader_simple };

static void free_loader(struct loader *l)
{
	rows_free(&l->sample);
	sniff_free(&l->cols);
	for (size_t i = 0; i < l->n_distinct; i++)
		free(l->distinct[i]);
}

static struct dataset_stamp stamp(const struct stat *sb)
{
	struct dataset_stamp t = { S_ISREG(sb->st_mode), sb->st_dev, sb->st_ino, sb->st_size, sb->st_mtim, sb->st_ctim };

	return t;
}

/* Folding (a fixed memory whatever the rows) when the row arrays and
 * their sort would take more than half the memory: decided up front for a
 * plain file, on the way for a stream or a compressed file (whose size
 * says little about its rows). */
static void plan_memory(struct loader *l, const struct stat *sb, int fd)
{
	long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
	double mem = pages > 0 && page > 0 ? (double)pages * (double)page : 8e9;
	bool packed = S_ISREG(sb->st_mode) && unpack_detect_fd(fd) != UNPACK_NONE;

	if (S_ISREG(sb->st_mode) && !packed && 2.0 * (double)sb->st_size > mem / 2)
		l->ds->streamed = true, l->array_limit = 0;
	else if (!S_ISREG(sb->st_mode) || packed)
		l->array_limit = (size_t)(mem / 4);
}

/* The whole file's folds, then each group's: their last runs merged. */
static void finish_folds(struct dataset *ds, struct status *st)
{
	size_t n = ds->n_models * (1 + ds->groups.n);

	for (size_t i = 0; !st->failed && i < n + (ds->costs ? ds->n_models : 0); i++) {
		struct model *m = i < ds->n_models ? &ds->models[i] : i < n ? &ds->groups.models[i - ds->n_models] :
				  &ds->costs[i - n];
		int rc = m->fold != NULL ? fold_finish(m->fold) : 0;

		if (rc == -2)
			status_fail(st, "%s: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
				    ds->shown, m->fold->max_distinct, text_show_str(ds->models[i % ds->n_models].name));
		else if (rc < 0)
			status_fail(st, "out of memory");
	}
}

/* What the whole read says: too many groups, no data, no usable rows
 * (with the first reason), how many were skipped. */
static void check_read(struct loader *l, uint64_t records)
{
	struct dataset *ds = l->ds;

	if (!l->st->failed && ds->grouped && ds->groups.n_names > GROUPS_MAX) {
		bool more;
		size_t count = groups_count(&ds->groups, &more);

		status_fail(l->st, "%s: column '%s' has %s%zu distinct values; --%s takes at most %d", ds->shown,
			    text_show_str(l->cols.names[l->cols.group_col]), more ? "more than " : "", count,
			    l->opt->group ? "group" : "fold", GROUPS_MAX);
	}
	if (ds->grouped)
		groups_sort(&ds->groups, l->opt->group == NULL); /* folds by number when they are numbers */
	if (!l->st->failed && records == 0)
		status_fail(l->st, "%s: no data", ds->shown);
	else if (!l->st->failed && records == 1 && l->cols.header)
		status_fail(l->st, "%s: no data rows after the header", ds->shown);
	else if (!l->st->failed && ds->rows == 0) {
		/* one line says it all: the count and the first reason */
		const char *why = NULL, *note = NULL;

		for (size_t i = 0; i < ds->n_notes && why == NULL; i++)
			why = strstr(note = ds->notes[i], ": skipped: ");
		if (why != NULL) {
			const char *line = why;

			/* "SOURCE:LINE: skipped: why": back to LINE's first digit */
			while (line > note && line[-1] != ':')
				line--;
			status_fail(l->st, "%s: no usable rows (%llu skipped; the first, line %.*s: %s)", ds->shown,
				    (unsigned long long)ds->skipped, (int)(why - line), line, why + 11);
		} else {
			status_fail(l->st, "%s: no usable rows (%llu skipped)", ds->shown,
				    (unsigned long long)ds->skipped);
		}
	}
	ds->sql.weighted = l->cols.has_weighted;
	if (!l->st->failed && ds->skipped > 0)
		loader_note(ds, "%s: %llu row%s skipped%s", ds->shown, (unsigned long long)ds->skipped,
			 ds->skipped == 1 ? "" : "s",
			 ds->skipped > DATASET_SKIP_NOTES ? " (the first ones are named above)" : "");
}

int dataset_load(const struct dataset_options *opt, struct dataset **out, char *err, size_t errlen)
{
	struct loader l;
	struct dataset *ds;
	struct dataset_options forced;
	struct status st = { false, err, errlen };
	struct stat sb = { 0 };
	struct csvread_options ro;
	bool from_stdin = !opt->use_fd && (opt->path == NULL || strcmp(opt->path, "-") == 0), whole;
	bool own_fd = !from_stdin && !opt->use_fd;
	uint64_t records;
	int fd = opt->use_fd ? opt->fd : 0;

	*out = NULL;
	if ((ds = calloc(1, sizeof *ds)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	l = (struct loader){ .opt = opt, .ds = ds, .st = &st, .c = &l.cols, .sampling = true };
	ds->weighted = opt->weight != NULL || opt->counts_pos != NULL;
	ds->source = text_dup(from_stdin ? "<stdin>" : opt->path, strlen(from_stdin ? "<stdin>" : opt->path));
	ds->shown = ds->source ? text_escape_all(ds->source) : NULL;
	if (ds->source == NULL || ds->shown == NULL) {
		status_fail(&st, "out of memory");
		goto done;
	}
	if (own_fd && (fd = open(opt->path, O_RDONLY | O_CLOEXEC)) < 0) {
		status_fail(&st, "%s: %s", ds->shown, strerror(errno));
		goto done;
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		status_fail(&st, "%s: is a directory", ds->shown);
		goto done;
	}
	ds->stamp = stamp(&sb);
	plan_memory(&l, &sb, fd);
	if (l.ds->streamed) {
		/* as if asked: setup folds from the first row */
		forced = *opt;
		forced.stream = true;
		l.opt = &forced;
	}
	ro = (struct csvread_options){
		.source = ds->shown, .delimiter = opt->delimiter,
		/* streaming on two readers: exact, unweighted folds (merged counts
		 * are the same numbers in any order) */
		.may_split = !opt->one_thread && opt->on_row == NULL && opt->bins == 0 && l.array_limit == 0 &&
			     (!l.opt->stream || (!ds->weighted && !opt->group && !opt->fold)),
		.libcsv_only = opt->libcsv_only,
		.progress = opt->progress, .progress_arg = opt->progress_arg,
	};
	/* stdin may stand past a file's start ("(read -r h; cutoff -) < f"):
	 * read from there, as a stream */
	whole = S_ISREG(sb.st_mode) && lseek(fd, 0, SEEK_CUR) == 0;
	records = csvread_run(&ro, &sink, &l, &st, fd, whole, whole ? sb.st_size : 0);
	if (records == CSVREAD_AGAIN) {
		/* the middle was inside a quoted field: again, one reader */
		forced = *opt;
		forced.one_thread = true;
		if (own_fd)
			close(fd);
		free_loader(&l);
		dataset_free(ds);
		return dataset_load(&forced, out, err, errlen);
	}
	finish_folds(ds, &st);
	loader_labels(&l);
	check_read(&l, records);
done:
	if (own_fd && fd >= 0)
		close(fd);
	free_loader(&l);
	if (st.failed) {
		dataset_free(ds);
		return -1;
	}
	*out = ds;
	return 0;
}

int dataset_same_file(const struct dataset *ds, const char *path, char *err, size_t errlen)
{
	struct stat sb;
	struct dataset_stamp now, was = ds->stamp;

	if (!was.regular) {
		snprintf(err, errlen, "%s is not a regular file: it cannot be read a second time; give --group COL when starting",
			 ds->shown);
		return -1;
	}
	if (stat(path, &sb) < 0) {
		snprintf(err, errlen, "%s: %s", ds->shown, strerror(errno));
		return -1;
	}
	now = stamp(&sb);
	if (!now.regular) {
		snprintf(err, errlen, "%s is no longer a regular file: restart cutoff to read what is there now", ds->shown);
		return -1;
	}
	if (now.dev != was.dev || now.ino != was.ino || now.size != was.size ||
	    now.mtime.tv_sec != was.mtime.tv_sec || now.mtime.tv_nsec != was.mtime.tv_nsec ||
	    now.ctime.tv_sec != was.ctime.tv_sec || now.ctime.tv_nsec != was.ctime.tv_nsec) {
		snprintf(err, errlen, "%s changed since it was read (its %s): restart cutoff to read it again", ds->shown,
			 now.dev != was.dev || now.ino != was.ino ? "inode: it was replaced" :
			 now.size != was.size ? "size" :
			 now.mtime.tv_sec != was.mtime.tv_sec || now.mtime.tv_nsec != was.mtime.tv_nsec ? "modification time" :
			 "change time, though its modification time was set back");
		return -1;
	}
	return 0;
}

bool dataset_rereadable(const char *path)
{
	struct stat sb;
	int fd;
	bool ok;

	if (path == NULL || strcmp(path, "-") == 0 || stat(path, &sb) < 0 || !S_ISREG(sb.st_mode) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	ok = unpack_detect_fd(fd) == UNPACK_NONE;
	close(fd);
	return ok;
}

void dataset_free(struct dataset *ds)
{
	size_t i;

	if (ds == NULL)
		return;
	for (i = 0; i < ds->n_models; i++)
		model_release(&ds->models[i]), free(ds->models[i].name);
	free(ds->models);
	model_free(ds->costs, ds->n_models);
	groups_free(&ds->groups);
	for (i = 0; ds->classes.names != NULL && i < ds->classes.k; i++)
		free(ds->classes.names[i]);
	free(ds->classes.names);
	free(ds->classes.label);
	free(ds->classes.score);
	free(ds->classes.weight);
	for (i = 0; i < ds->n_notes; i++)
		free(ds->notes[i]);
	free(ds->notes);
	free(ds->source);
	free(ds->shown);
	free(ds->label_name);
	free(ds->positive_name);
	free(ds->negative_name);
	free(ds);
}
