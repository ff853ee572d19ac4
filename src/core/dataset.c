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
#include "core/dataset.h"

#include "core/csvread.h"
#include "core/model.h"
#include "core/parse.h"
#include "core/sniff.h"
#include "core/text.h"
#include "core/unpack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAMPLE_ROWS 1000
#define SAMPLE_BYTES ((size_t)4 << 20)
#define MAX_DISTINCT_LABELS 10

struct loader {
	const struct dataset_options *opt;
	struct dataset *ds;
	struct status *st;
	struct columns cols;        /* decided by the first loader */
	const struct columns *c;    /* its, shared by a second half's */

	/* sampling phase */
	bool sampling;
	struct rows sample;

	/* labels */
	bool label_bad;     /* a value outside the vocabulary without --positive */
	char *distinct[MAX_DISTINCT_LABELS + 1];
	size_t n_distinct;
	bool neg_multi;     /* with --positive: more than one other value */
	bool seen_positive;
	size_t skip_notes;
	size_t array_limit;  /* bytes of row arrays before switching to folding */
	size_t array_bytes;
};

static int add_note(struct dataset *ds, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int add_note(struct dataset *ds, const char *fmt, ...)
{
	char buf[512];
	char **notes;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	notes = realloc(ds->notes, (ds->n_notes + 1) * sizeof *notes);
	if (notes == NULL)
		return -1;
	ds->notes = notes;
	if ((notes[ds->n_notes] = text_dup(buf, strlen(buf))) == NULL)
		return -1;
	ds->n_notes++;
	return 0;
}

static const char *show_str(const char *s) { return text_show(s, strlen(s)); }

/* ---- appending usable rows ----------------------------------------------- */

/* Switches every model to folding (memory by distinct scores). */
static int switch_to_folding(struct loader *l)
{
	size_t i;

	l->ds->streamed = true;
	for (i = 0; i < l->ds->n_models; i++)
		if (l->ds->models[i].fold == NULL && model_fold(&l->ds->models[i], l->ds->weighted, l->opt->bins, l->ds->n_models) < 0)
			return -1;
	return l->ds->grouped ? groups_fold(&l->ds->groups) : 0;
}

/* ---- rows ------------------------------------------------------------------ */

static void skip_row(struct loader *l, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void skip_row(struct loader *l, uint64_t line, const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (l->opt->strict) {
		status_fail(l->st, "%s:%llu: %s (--strict)", l->ds->shown, (unsigned long long)line, why);
		return;
	}
	l->ds->skipped++;
	if (l->skip_notes < DATASET_SKIP_NOTES) {
		l->skip_notes++;
		if (add_note(l->ds, "%s:%llu: skipped: %s", l->ds->shown,
			     (unsigned long long)line, why) < 0)
			status_fail(l->st, "out of memory");
	}
}

static void remember_label(struct loader *l, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < l->n_distinct; i++)
		if (strlen(l->distinct[i]) == len && memcmp(l->distinct[i], s, len) == 0)
			return;
	if (l->n_distinct <= MAX_DISTINCT_LABELS)
		l->distinct[l->n_distinct++] = text_dup(s, len);
}

/* Decides the class of a row; returns -1 when the row is not used. */
static int classify(struct loader *l, const struct row *r, bool *positive)
{
	const char *s;
	size_t len;

	row_get(r, l->c->label_col, &s, &len);
	parse_trim(&s, &len);
	if (l->opt->positive == NULL && len == 1 && (s[0] == '0' || s[0] == '1')) {
		/* the common case, without the vocabulary's lookups */
		*positive = s[0] == '1';
		if (*positive ? l->ds->positive_name == NULL : l->ds->negative_name == NULL)
			goto by_vocabulary; /* the first of its class: remember it */
		return 0;
	}
	if (parse_is_missing(s, len)) {
		skip_row(l, r->line, "missing label in column '%s'", show_str(l->c->names[l->c->label_col]));
		return -1;
	}
	if (l->opt->positive != NULL) {
		*positive = strlen(l->opt->positive) == len && memcmp(l->opt->positive, s, len) == 0;
		if (*positive) {
			l->seen_positive = true;
		} else if (l->ds->negative_name == NULL) {
			l->ds->negative_name = text_dup(s, len);
		} else if (!l->neg_multi && (strlen(l->ds->negative_name) != len ||
					     memcmp(l->ds->negative_name, s, len) != 0)) {
			l->neg_multi = true;
		}
		return 0;
	}
by_vocabulary:
	switch (parse_label(s, len)) {
	case LABEL_POS:
		*positive = true;
		if (l->ds->positive_name == NULL)
			l->ds->positive_name = text_dup(s, len);
		break;
	case LABEL_NEG:
		*positive = false;
		if (l->ds->negative_name == NULL)
			l->ds->negative_name = text_dup(s, len);
		break;
	default:
		l->label_bad = true;
		remember_label(l, s, len);
		return -1;
	}
	if (l->label_bad || l->n_distinct < 3)
		remember_label(l, s, len);
	return 0;
}

/* Skips the row for a field that is not a usable number. */
static void skip_value(struct loader *l, const struct row *r, enum parse_status ps, const char *what, size_t col,
		       const char *s, size_t len)
{
	const char *name = show_str(l->c->names[col]);

	if (ps == PARSE_MISSING)
		skip_row(l, r->line, "missing %s in column '%s'", what, name);
	else if (ps == PARSE_NONFINITE)
		skip_row(l, r->line, "infinite %s in column '%s'", what, name);
	else
		skip_row(l, r->line, "unparsable %s '%s' in column '%s'", what, text_show(s, len), name);
}

/* Parses a non-negative weight or count; returns -1 (row skipped) if bad. */
static int parse_weight(struct loader *l, const struct row *r, size_t col, const char *what, double *w)
{
	const char *s;
	size_t len;
	enum parse_status ps;

	row_get(r, col, &s, &len);
	if ((ps = parse_number(s, len, w)) != PARSE_OK) {
		skip_value(l, r, ps, what, col, s, len);
		return -1;
	}
	if (*w < 0) {
		skip_row(l, r->line, "negative %s '%s' in column '%s'", what, text_show(s, len),
			 show_str(l->c->names[col]));
		return -1;
	}
	if (*w == 0)
		*w = 0; /* no negative zero */
	return 0;
}

static void process_row(struct loader *l, const struct row *r)
{
	const struct dataset_options *o = l->opt;
	struct dataset *ds = l->ds;
	double scores_small[16];
	double *scores = scores_small;
	double w = 1, wpos = 0, wneg = 0;
	bool positive = false;
	size_t i;

	if (r->count < l->c->need) {
		skip_row(l, r->line, "%zu field%s, expected at least %zu", r->count,
			 r->count == 1 ? "" : "s", l->c->need);
		return;
	}
	if (ds->n_models > 16 && (scores = malloc(ds->n_models * sizeof *scores)) == NULL) {
		status_fail(l->st, "out of memory");
		return;
	}
	if (o->counts_pos == NULL && classify(l, r, &positive) < 0)
		goto out;
	if (o->weight != NULL && parse_weight(l, r, l->c->weight_col, "weight", &w) < 0)
		goto out;
	if (o->counts_pos != NULL &&
	    (parse_weight(l, r, l->c->cpos_col, "count", &wpos) < 0 ||
	     parse_weight(l, r, l->c->cneg_col, "count", &wneg) < 0))
		goto out;
	for (i = 0; i < ds->n_models; i++) {
		size_t col = l->c->score_col[i];
		const char *s;
		size_t len;

		enum parse_status ps;

		row_get(r, col, &s, &len);
		if ((ps = parse_number(s, len, &scores[i])) != PARSE_OK) {
			skip_value(l, r, ps, "score", col, s, len);
			goto out;
		}
		if (scores[i] == 0)
			scores[i] = 0; /* -0 and 0 are one score */
	}
	if (l->label_bad)
		goto out; /* the load fails; keep scanning only to list the labels */
	{
		struct model *m = ds->models;
		size_t bad = 0;
		int rc = model_push_row(m, ds->n_models, scores, o->counts_pos != NULL, positive, w, wpos, wneg,
					ds->weighted, &bad);

		if (rc == 0 && ds->grouped) {
			const char *s;
			size_t len;
			long g;

			/* the row's group, then its rows there too */
			row_get(r, l->c->group_col, &s, &len);
			if ((g = groups_find(&ds->groups, s, len)) == -2)
				goto out; /* counted: the load fails with the count */
			rc = g < 0 ? -1 : model_push_row(m = groups_models(&ds->groups, (size_t)g), ds->n_models, scores,
							   o->counts_pos != NULL, positive, w, wpos, wneg, ds->weighted, &bad);
		}
		if (rc == -2) {
			status_fail(l->st, "%s:%llu: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
			     ds->shown, (unsigned long long)r->line, m[bad].fold->max_distinct, show_str(ds->models[bad].name));
			goto out;
		}
		if (rc < 0) {
			status_fail(l->st, "out of memory after %llu rows; %s", (unsigned long long)ds->rows,
				    ds->streamed ? "--bins N keeps memory fixed" : "--stream keeps only the distinct scores");
			goto out;
		}
	}
	ds->rows++;
	/* rows in arrays cost 8 bytes a model (16 with weights), and sorting
	 * doubles that: past the limit, fold instead */
	if (!ds->streamed && l->array_limit > 0) {
		l->array_bytes += ds->n_models * (ds->weighted ? 32 : 16);
		if (l->array_bytes > l->array_limit && switch_to_folding(l) < 0)
			status_fail(l->st, "out of memory after %llu rows; --bins N folds into a fixed number of bins",
				    (unsigned long long)ds->rows);
	}
out:
	if (scores != scores_small)
		free(scores);
}

/* ---- deciding the columns ----------------------------------------------- */

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
	if ((ds->models = calloc(c->n_scores, sizeof *ds->models)) == NULL)
		goto oom;
	ds->n_models = c->n_scores;
	if (o->stream || o->bins > 0)
		ds->streamed = true;
	for (i = 0; i < c->n_scores; i++) {
		ds->models[i].min = 1.0 / 0.0;
		ds->models[i].max = -1.0 / 0.0;
		if ((ds->models[i].name = text_dup(c->names[c->score_col[i]], strlen(c->names[c->score_col[i]]))) == NULL)
			goto oom;
	}
	if (o->counts_pos == NULL &&
	    (ds->label_name = text_dup(c->names[c->label_col], strlen(c->names[c->label_col]))) == NULL)
		goto oom;
	if ((ds->grouped = o->group != NULL || o->fold != NULL))
		groups_init(&ds->groups, ds->n_models, ds->weighted, ds->streamed, o->bins);
	if (ds->streamed && switch_to_folding(l) < 0)
		goto oom;

	if (c->label_guessed && c->score_guessed)
		add_note(ds, "%s: guessed label column '%s'%s and score column '%s'; choose with --label and --score",
			 ds->shown, show_str(ds->label_name), c->label_guess, show_str(ds->models[0].name));
	else if (c->label_guessed)
		add_note(ds, "%s: guessed label column '%s'%s; choose with --label", ds->shown,
			 show_str(ds->label_name), c->label_guess);
	else if (c->score_guessed)
		add_note(ds, "%s: guessed score column '%s'; choose with --score", ds->shown,
			 show_str(ds->models[0].name));

	for (i = c->header ? 1 : 0; i < l->sample.n && !l->st->failed; i++)
		process_row(l, &l->sample.v[i]);
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
			skip_row(l, r->line, "unterminated quoted field at end of file");
	} else if (l->sampling) {
		if (rows_add(&l->sample, r) < 0)
			status_fail(l->st, "out of memory");
		else if (l->sample.n >= SAMPLE_ROWS || l->sample.bytes >= SAMPLE_BYTES) {
			setup(l, cr);
			rows_free(&l->sample);
		}
	} else {
		process_row(l, r);
	}
}

static void on_done(void *ctx, struct csvread *cr)
{
	struct loader *l = ctx;

	if (l->sampling)
		setup(l, cr);
	/* two readers: each sorts (or folds) its half of one model's rows in its thread */
	if (cr->split && !l->st->failed && !l->ds->grouped && l->ds->n_models == 1)
		model_sort(&l->ds->models[0]);
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
	if ((h->ds.grouped = l->ds->grouped))
		groups_init(&h->ds.groups, h->ds.n_models, h->ds.weighted, h->ds.streamed, l->opt->bins);
	h->ds.models = calloc(h->ds.n_models ? h->ds.n_models : 1, sizeof *h->ds.models);
	if (h->ds.models == NULL) {
		free(h);
		return NULL;
	}
	for (i = 0; i < h->ds.n_models; i++) {
		h->ds.models[i].min = 1.0 / 0.0;
		h->ds.models[i].max = -1.0 / 0.0;
		/* streaming: a fold of its own (a half's share of the ceiling) */
		if (h->ds.streamed && model_fold(&h->ds.models[i], false, 0, 2 * h->ds.n_models) < 0)
			st->failed = true;
	}
	if (st->failed) {
		for (i = 0; i < h->ds.n_models; i++)
			model_release(&h->ds.models[i]);
		free(h->ds.models);
		free(h);
		return NULL;
	}
	h->l.opt = l->opt;
	h->l.ds = &h->ds;
	h->l.st = st;
	h->l.c = l->c;
	h->l.array_limit = l->array_limit;
	return &h->l;
}

static void finish_labels(struct loader *l)
{
	struct dataset *ds = l->ds;
	char list[400];

	/* no columns decided (no usable record at all): the caller says so */
	if (l->st->failed || ds->n_models == 0)
		return;
	if (l->label_bad) {
		text_list(list, sizeof list, (const char *const *)l->distinct, l->n_distinct, MAX_DISTINCT_LABELS);
		status_fail(l->st, "%s: labels in column '%s' are not 0/1, true/false or yes/no; say which value is positive with --positive (values: %s)",
		     ds->shown, show_str(ds->label_name), list);
		return;
	}
	if (l->opt->counts_pos != NULL) {
		ds->positive_name = text_dup("positive", 8);
		ds->negative_name = text_dup("negative", 8);
	} else if (l->opt->positive != NULL) {
		ds->positive_name = text_dup(l->opt->positive, strlen(l->opt->positive));
		if (l->neg_multi || ds->negative_name == NULL) {
			free(ds->negative_name);
			ds->negative_name = text_dup("other", 5);
		}
		if (!l->seen_positive)
			add_note(ds, "%s: no row has the positive label '%s' in column '%s'", ds->shown,
				 show_str(l->opt->positive), show_str(ds->label_name));
	} else {
		if (ds->positive_name == NULL)
			ds->positive_name = text_dup("1", 1);
		if (ds->negative_name == NULL)
			ds->negative_name = text_dup("0", 1);
	}
	if (ds->positive_name == NULL || ds->negative_name == NULL)
		status_fail(l->st, "out of memory");
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
	for (i = 0; i < wd->n_notes; i++) {
		if (l->skip_notes < DATASET_SKIP_NOTES && add_note(ds, "%s", wd->notes[i]) == 0)
			l->skip_notes++;
		free(wd->notes[i]);
	}
	free(wd->notes);
	/* labels */
	l->label_bad |= wl->label_bad;
	l->seen_positive |= wl->seen_positive;
	l->neg_multi |= wl->neg_multi;
	for (i = 0; i < wl->n_distinct; i++) {
		remember_label(l, wl->distinct[i], strlen(wl->distinct[i]));
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
	/* rows */
	for (i = 0; i < ds->n_models && wd->models != NULL; i++) {
		struct model *m = &ds->models[i], *o = &wd->models[i];

		int rc = l->st->failed ? 0 : m->fold != NULL ? fold_join(m->fold, o->fold) : model_append(m, o, ds->weighted);

		if (rc == -2)
			status_fail(l->st, "%s: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
				    ds->shown, m->fold->max_distinct, show_str(m->name));
		else if (rc < 0)
			status_fail(l->st, "out of memory after %llu rows; %s", (unsigned long long)ds->rows,
				    ds->streamed ? "--bins N keeps memory fixed" : "--stream keeps only the distinct scores");
		model_release(o);
	}
	free(wd->models);
	if (wd->grouped && !l->st->failed && groups_join(&ds->groups, &wd->groups) == -1)
		status_fail(l->st, "out of memory after %llu rows", (unsigned long long)ds->rows);
	groups_free(&wd->groups);
	free(h);
}

static const struct csvread_sink sink = { on_record, on_done, on_fork, on_join };

static void free_loader(struct loader *l)
{
	rows_free(&l->sample);
	sniff_free(&l->cols);
	for (size_t i = 0; i < l->n_distinct; i++)
		free(l->distinct[i]);
}

int dataset_load(const struct dataset_options *opt, struct dataset **out, char *err, size_t errlen)
{
	struct loader l;
	struct dataset *ds;
	struct dataset_options forced;
	struct status st = { false, err, errlen };
	struct stat sb = { 0 };
	struct csvread_options ro;
	bool from_stdin = opt->path == NULL || strcmp(opt->path, "-") == 0, whole;
	uint64_t records;
	int fd = 0;

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
	if (!from_stdin && (fd = open(opt->path, O_RDONLY | O_CLOEXEC)) < 0) {
		status_fail(&st, "%s: %s", ds->shown, strerror(errno));
		goto done;
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		status_fail(&st, "%s: is a directory", ds->shown);
		goto done;
	}
	{
		/* fold when the row arrays (and their sort) would take more than
		 * half the memory: decided up front for files, on the way for
		 * streams */
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		double mem = pages > 0 && page > 0 ? (double)pages * (double)page : 8e9;
		/* a compressed file's size says little about its rows: as a stream */
		bool packed = S_ISREG(sb.st_mode) && unpack_detect_fd(fd) != UNPACK_NONE;

		if (S_ISREG(sb.st_mode) && !packed && 2.0 * (double)sb.st_size > mem / 2)
			l.ds->streamed = true, l.array_limit = 0;
		else if (!S_ISREG(sb.st_mode) || packed)
			l.array_limit = (size_t)(mem / 4);
	}
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
		.may_split = !opt->one_thread && opt->bins == 0 && l.array_limit == 0 &&
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
		if (!from_stdin)
			close(fd);
		free_loader(&l);
		dataset_free(ds);
		return dataset_load(&forced, out, err, errlen);
	}
	for (size_t i = 0; !st.failed && i < ds->n_models * (1 + ds->groups.n); i++) {
		/* the whole file's folds, then each group's */
		struct model *m = i < ds->n_models ? &ds->models[i] : &ds->groups.models[i - ds->n_models];
		int rc = m->fold != NULL ? fold_finish(m->fold) : 0;

		if (rc == -2)
			status_fail(&st, "%s: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
				    ds->shown, m->fold->max_distinct, show_str(ds->models[i % ds->n_models].name));
		else if (rc < 0)
			status_fail(&st, "out of memory");
	}
	finish_labels(&l);
	if (!st.failed && ds->grouped && ds->groups.n_names > GROUPS_MAX) {
		bool more;
		size_t count = groups_count(&ds->groups, &more);

		status_fail(&st, "%s: column '%s' has %s%zu distinct values; --%s takes at most %d", ds->shown,
			    show_str(l.cols.names[l.cols.group_col]), more ? "more than " : "", count,
			    opt->group ? "group" : "fold", GROUPS_MAX);
	}
	if (ds->grouped)
		groups_sort(&ds->groups, opt->group == NULL); /* folds by number when they are numbers */
	if (!st.failed && records == 0)
		status_fail(&st, "%s: no data", ds->shown);
	else if (!st.failed && records == 1 && l.cols.header)
		status_fail(&st, "%s: no data rows after the header", ds->shown);
	else if (!st.failed && ds->rows == 0) {
		/* one line says it all: the count and the first reason */
		const char *why = NULL, *note = NULL;

		for (size_t i = 0; i < ds->n_notes && why == NULL; i++)
			why = strstr(note = ds->notes[i], ": skipped: ");
		if (why != NULL) {
			const char *line = why;

			/* "SOURCE:LINE: skipped: why": back to LINE's first digit */
			while (line > note && line[-1] != ':')
				line--;
			status_fail(&st, "%s: no usable rows (%llu skipped; the first, line %.*s: %s)", ds->shown,
				    (unsigned long long)ds->skipped, (int)(why - line), line, why + 11);
		} else {
			status_fail(&st, "%s: no usable rows (%llu skipped)", ds->shown,
				    (unsigned long long)ds->skipped);
		}
	}
	if (!st.failed && ds->skipped > 0)
		add_note(ds, "%s: %llu row%s skipped%s", ds->shown, (unsigned long long)ds->skipped,
			 ds->skipped == 1 ? "" : "s",
			 ds->skipped > DATASET_SKIP_NOTES ? " (the first ones are named above)" : "");
done:
	if (!from_stdin && fd >= 0)
		close(fd);
	free_loader(&l);
	if (st.failed) {
		dataset_free(ds);
		return -1;
	}
	*out = ds;
	return 0;
}

void dataset_free(struct dataset *ds)
{
	size_t i;

	if (ds == NULL)
		return;
	for (i = 0; i < ds->n_models; i++)
		model_release(&ds->models[i]), free(ds->models[i].name);
	free(ds->models);
	groups_free(&ds->groups);
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
