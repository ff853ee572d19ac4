/*
 * loader: a record to a row in every model.  Labels go by --positive or the
 * 0/1, yes/no vocabulary; scores, weights and counts must be finite numbers
 * (weights and counts not negative); a row that cannot be used is skipped,
 * counted and, the first few, named in a note (--strict: the load fails).
 * The simplest rows (one model, a 0 or 1 label, no weights) have a short
 * way in that leaves everything else to the general one.
 */
#include "core/load/loader.h"

#include "core/load/groups.h"
#include "core/load/model.h"
#include "core/base/parse.h"
#include "core/load/scan.h"
#include "core/base/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int loader_note(struct dataset *ds, const char *fmt, ...)
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

/* A field as a number: parse_number, or strtod where tests asked for the
 * plain path. */
static enum parse_status number(const struct loader *l, const char *s, size_t len, double *out)
{
	return l->opt->tuning.plain_numbers ? parse_number_plain(s, len, out) : parse_number(s, len, out);
}

/* ---- appending usable rows ----------------------------------------------- */

const char *loader_advice(const struct loader *l, char *buf, size_t cap)
{
	const struct dataset *ds = l->ds;

	if (l->opt->bins > 0)
		snprintf(buf, cap, "--bins %zu with %zu score column%s%s: lower --bins, or use fewer groups or columns",
			 l->opt->bins, ds->n_models, ds->n_models == 1 ? "" : "s",
			 ds->grouped ? " in each group" : "");
	else if (ds->streamed)
		snprintf(buf, cap, "--bins N keeps memory fixed%s", ds->grouped ? "; or use fewer groups" : "");
	else
		snprintf(buf, cap, "--stream keeps only the distinct scores");
	return buf;
}

/* Switches every model to folding (memory by distinct scores). */
int loader_fold(struct loader *l)
{
	size_t i;

	l->ds->streamed = true;
	for (i = 0; i < l->ds->n_models; i++) {
		if (l->ds->models[i].fold == NULL && model_fold(&l->ds->models[i], l->ds->weighted, l->opt->bins, l->ds->n_models, false, &l->opt->tuning) < 0)
			return -1;
		/* costs are weights: the same scores, a second fold's share */
		if (l->ds->costs != NULL && l->ds->costs[i].fold == NULL &&
		    model_fold(&l->ds->costs[i], true, 0, 2 * l->ds->n_models, false, &l->opt->tuning) < 0)
			return -1;
	}
	return l->ds->grouped ? groups_fold(&l->ds->groups) : 0;
}

/* ---- rows ------------------------------------------------------------------ */

void loader_skip(struct loader *l, uint64_t line, const char *fmt, ...)
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
		if (loader_note(l->ds, "%s:%llu: skipped: %s", l->ds->shown,
			     (unsigned long long)line, why) < 0)
			status_fail(l->st, "out of memory");
	}
}

void loader_remember(struct loader *l, const char *s, size_t len)
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
		loader_skip(l, row_line(r), "missing label in column '%s'", text_show_str(l->c->names[l->c->label_col]));
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
		loader_remember(l, s, len);
		return -1;
	}
	if (l->label_bad || l->n_distinct < 3)
		loader_remember(l, s, len);
	return 0;
}

/* --multiclass: the row's class, by its label's text (trimmed) equal to
 * a class's name; -1 when the row is not used (a missing label: skipped;
 * a value that is no class: the load fails, naming it and its line). */
static int class_of(struct loader *l, const struct row *r, uint32_t *cls)
{
	const struct dataset_classes *dc = &l->ds->classes;
	const char *s;
	size_t len, i;
	char list[400];

	row_get(r, l->c->label_col, &s, &len);
	parse_trim(&s, &len);
	if (parse_is_missing(s, len)) {
		loader_skip(l, row_line(r), "missing label in column '%s'", text_show_str(l->c->names[l->c->label_col]));
		return -1;
	}
	for (i = 0; i < dc->k; i++)
		if (strlen(dc->names[i]) == len && memcmp(dc->names[i], s, len) == 0) {
			*cls = (uint32_t)i;
			return 0;
		}
	text_list(list, sizeof list, (const char *const *)dc->names, dc->k, MAX_DISTINCT_LABELS);
	status_fail(l->st, "%s:%llu: label '%s' in column '%s' is no class (classes: %s)", l->ds->shown,
		    (unsigned long long)row_line(r), text_show(s, len), text_show_str(l->c->names[l->c->label_col]), list);
	return -1;
}

/* --multiclass: the row, whole, after the others (arrays grow by half). */
static int classes_push(struct dataset_classes *dc, uint32_t cls, const double *scores, double w, bool weighted)
{
	if (dc->n == dc->cap) {
		size_t cap = dc->cap < 16 ? 16 : dc->cap + dc->cap / 2;
		uint32_t *label = realloc(dc->label, cap * sizeof *label);
		double *score, *weight;

		if (label == NULL)
			return -1;
		dc->label = label;
		if ((score = realloc(dc->score, cap * dc->k * sizeof *score)) == NULL)
			return -1;
		dc->score = score;
		if (weighted) {
			if ((weight = realloc(dc->weight, cap * sizeof *weight)) == NULL)
				return -1;
			dc->weight = weight;
		}
		dc->cap = cap;
	}
	dc->label[dc->n] = cls;
	memcpy(dc->score + dc->n * dc->k, scores, dc->k * sizeof *scores);
	if (weighted)
		dc->weight[dc->n] = w;
	dc->n++;
	return 0;
}

int loader_classes_join(struct dataset_classes *dc, const struct dataset_classes *o, bool weighted)
{
	size_t n = dc->n + o->n;
	uint32_t *label;
	double *score, *weight;

	if (o->n == 0)
		return 0;
	if ((label = realloc(dc->label, n * sizeof *label)) == NULL)
		return -1;
	dc->label = label;
	if ((score = realloc(dc->score, n * dc->k * sizeof *score)) == NULL)
		return -1;
	dc->score = score;
	if (weighted) {
		if ((weight = realloc(dc->weight, n * sizeof *weight)) == NULL)
			return -1;
		dc->weight = weight;
		memcpy(dc->weight + dc->n, o->weight, o->n * sizeof *weight);
	}
	memcpy(dc->label + dc->n, o->label, o->n * sizeof *label);
	memcpy(dc->score + dc->n * dc->k, o->score, o->n * dc->k * sizeof *score);
	dc->n = dc->cap = n;
	return 0;
}

/* --multiclass: the row, kept whole; each class's sweep is made from
 * these (the models stay empty).  0, or -1 when out of memory. */
static int push_classes(struct dataset *ds, uint32_t cls, const double *scores, double w)
{
	return classes_push(&ds->classes, cls, scores, w, ds->weighted);
}

/* Skips the row for a field that is not a usable number. */
static void skip_value(struct loader *l, const struct row *r, enum parse_status ps, const char *what, size_t col,
		       const char *s, size_t len)
{
	const char *name = text_show_str(l->c->names[col]);

	if (ps == PARSE_MISSING)
		loader_skip(l, row_line(r), "missing %s in column '%s'", what, name);
	else if (ps == PARSE_NONFINITE)
		loader_skip(l, row_line(r), "infinite %s in column '%s'", what, name);
	else
		loader_skip(l, row_line(r), "unparsable %s '%s' in column '%s'", what, text_show(s, len), name);
}

/* --counts: a row with no score stands for rows that had none (or no
 * label): as many skipped rows as it counts (--emit-sql's result says
 * so in one row); none when it counts none. */
static void skip_counted(struct loader *l, const struct row *r, double n, size_t col)
{
	const char *name = text_show_str(l->c->names[col]);

	if (n == 0)
		return;
	if (n != floor(n) || n > 9007199254740992.0) {
		loader_skip(l, row_line(r), "missing score in column '%s'", name);
		return;
	}
	l->ds->skipped += (uint64_t)n - 1;
	loader_skip(l, row_line(r), "no score in column '%s' for %.0f row%s", name, n, n == 1 ? "" : "s");
}

/* Parses a non-negative weight or count; returns -1 (row skipped) if bad. */
static int parse_weight(struct loader *l, const struct row *r, size_t col, const char *what, double *w)
{
	const char *s;
	size_t len;
	enum parse_status ps;

	row_get(r, col, &s, &len);
	if ((ps = number(l, s, len, w)) != PARSE_OK) {
		skip_value(l, r, ps, what, col, s, len);
		return -1;
	}
	if (*w < 0) {
		loader_skip(l, row_line(r), "negative %s '%s' in column '%s'", what, text_show(s, len),
			 text_show_str(l->c->names[col]));
		return -1;
	}
	if (*w == 0)
		*w = 0; /* no negative zero */
	return 0;
}

/* A row's cost as a mistake (--cost-fp-col, --cost-fn-col): a number
 * from 0 to 1e100 (as --cost-fp), so that no total of them overflows;
 * else the row is skipped. */
static int parse_cost(struct loader *l, const struct row *r, size_t col, double *c)
{
	if (parse_weight(l, r, col, "cost", c) < 0)
		return -1;
	if (*c > 1e100) {
		const char *s;
		size_t len;

		row_get(r, col, &s, &len);
		loader_skip(l, row_line(r), "cost '%s' in column '%s' is over 1e100", text_show(s, len),
			    text_show_str(l->c->names[col]));
		return -1;
	}
	return 0;
}

/* --list: the usable row to whoever lists rows: its line, scores, class,
 * weight, label and shown fields as read. */
static void see_row(struct loader *l, const struct row *r, const double *scores, bool positive, double w)
{
	const char *ex[LOADER_MAX_EXTRA], *label;
	size_t exl[LOADER_MAX_EXTRA], label_len, i, n = l->opt->n_extra < LOADER_MAX_EXTRA ? l->opt->n_extra : LOADER_MAX_EXTRA;

	row_get(r, l->c->label_col, &label, &label_len);
	parse_trim(&label, &label_len);
	for (i = 0; i < n; i++)
		if (!row_get(r, l->c->extra_col[i], &ex[i], &exl[i]))
			ex[i] = NULL, exl[i] = 0;
	l->opt->on_row(l->opt->on_row_arg, &(struct row_seen){ row_line(r), l->ds->n_models, scores, positive, w, label, label_len,
								ex, exl });
}

/* Long: one row's path from parsed fields to the model arrays, groups and
 * folds, in the order a row is checked; the per-row hot path, kept in one
 * place so that it reads as one. */
void loader_row(struct loader *l, const struct row *r)
{
	const struct dataset_options *o = l->opt;
	struct dataset *ds = l->ds;
	double scores_small[16];
	double *scores = scores_small;
	double w = 1, wpos = 0, wneg = 0, cfp = 1, cfn = 1;
	bool positive = false;
	uint32_t cls = 0;
	size_t i;

	if (r->count < l->c->need) {
		loader_skip(l, row_line(r), "%zu field%s, expected at least %zu", r->count,
			 r->count == 1 ? "" : "s", l->c->need);
		return;
	}
	if (ds->n_models > 16 && (scores = malloc(ds->n_models * sizeof *scores)) == NULL) {
		status_fail(l->st, "out of memory");
		return;
	}
	if (ds->multiclass ? class_of(l, r, &cls) < 0 : o->counts_pos == NULL && classify(l, r, &positive) < 0)
		goto out;
	if (o->weight != NULL && parse_weight(l, r, l->c->weight_col, "weight", &w) < 0)
		goto out;
	if (o->counts_pos != NULL &&
	    (parse_weight(l, r, l->c->cpos_col, "count", &wpos) < 0 ||
	     parse_weight(l, r, l->c->cneg_col, "count", &wneg) < 0))
		goto out;
	if ((o->cost_fp_col != NULL && parse_cost(l, r, l->c->cfp_col, &cfp) < 0) ||
	    (o->cost_fn_col != NULL && parse_cost(l, r, l->c->cfn_col, &cfn) < 0))
		goto out;
	for (i = 0; i < ds->n_models; i++) {
		size_t col = l->c->score_col[i];
		const char *s;
		size_t len;

		enum parse_status ps;

		row_get(r, col, &s, &len);
		if ((ps = number(l, s, len, &scores[i])) != PARSE_OK) {
			if (o->counts_pos != NULL && ps == PARSE_MISSING)
				skip_counted(l, r, wpos + wneg, col);
			else
				skip_value(l, r, ps, "score", col, s, len);
			goto out;
		}
		if (scores[i] == 0)
			scores[i] = 0; /* -0 and 0 are one score */
	}
	if (l->label_bad)
		goto out; /* the load fails; keep scanning only to list the labels */
	if (o->on_row != NULL)
		see_row(l, r, scores, positive, w);
	if (o->rows_only) {
		ds->rows++;
		goto out;
	}
	if (ds->multiclass) {
		if (push_classes(ds, cls, scores, w) < 0) {
			status_fail(l->st, "out of memory after %llu rows (--multiclass keeps every row: %zu bytes a row)",
				    (unsigned long long)ds->rows, (size_t)(4 + 8 * ds->n_models + (ds->weighted ? 8 : 0)));
			goto out;
		}
	} else {
		struct model *m = ds->models;
		size_t bad = 0;
		int rc = model_push_row(m, ds->n_models, scores, o->counts_pos != NULL, positive, w, wpos, wneg,
					ds->weighted, &bad);

		/* the same row again, weighing what it costs as a mistake: only
		 * on a side priced row by row (the other is a price a mistake) */
		if (rc == 0 && ds->costs != NULL && (o->counts_pos != NULL || (positive ? o->cost_fn_col : o->cost_fp_col)))
			rc = model_push_row(m = ds->costs, ds->n_models, scores, o->counts_pos != NULL, positive,
					    w * (positive ? cfn : cfp), o->cost_fn_col ? wpos * cfn : 0,
					    o->cost_fp_col ? wneg * cfp : 0, true, &bad);

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
			     ds->shown, (unsigned long long)row_line(r), m[bad].fold->max_distinct,
			     text_show_str(l->c->names[l->c->score_col[bad]])); /* a second reader's models have no names */
			goto out;
		}
		if (rc < 0) {
			char why[200];

			status_fail(l->st, "out of memory after %llu rows; %s", (unsigned long long)ds->rows,
				    loader_advice(l, why, sizeof why));
			goto out;
		}
	}
	if (l->c->has_bins) {
		const char *s;
		size_t len;
		double b;

		row_get(r, l->c->bins_col, &s, &len);
		if (number(l, s, len, &b) == PARSE_OK && b >= 1 && b <= 1e7 && (size_t)b > ds->sql.bins)
			ds->sql.bins = (size_t)b;
		ds->sql.binned = true;
		ds->sql.ties += wpos * wneg;
		ds->sql.pos += wpos, ds->sql.neg += wneg;
	}
	ds->rows++;
	/* rows in arrays cost 8 bytes a model (16 with weights), and sorting
	 * doubles that: past the limit, fold instead */
	if (!ds->streamed && l->array_limit > 0) {
		l->array_bytes += ds->n_models * (ds->weighted ? 32 : 16) + (ds->costs ? ds->n_models * 32 : 0);
		if (l->array_bytes > l->array_limit && loader_fold(l) < 0) {
			char why[200];

			status_fail(l->st, "out of memory after %llu rows; %s", (unsigned long long)ds->rows,
				    loader_advice(l, why, sizeof why));
		}
	}
out:
	if (scores != scores_small)
		free(scores);
}

/* The common row at speed: one model without weights, groups or counts,
 * in arrays or folded, a 0 or 1 label whose class has been seen, a plain
 * number.
 * Anything else, or that might be named in a message, goes the general
 * way (process_row), which would do the same with this one. */
bool loader_simple(void *ctx, const char *s, size_t len)
{
	struct loader *l = ctx;
	struct dataset *ds = l->ds;
	const char *f[2];
	size_t n[2];
	double score;
	bool positive;

	if (!l->simple || l->label_bad || (!ds->streamed && l->array_limit > 0 && l->array_bytes + 16 > l->array_limit) ||
	    !scan_pair(s, len, l->delim, l->simple_cols, f, n) || n[0] != 1 || (f[0][0] != '0' && f[0][0] != '1'))
		return false;
	positive = f[0][0] == '1';
	if ((positive ? ds->positive_name : ds->negative_name) == NULL || number(l, f[1], n[1], &score) != PARSE_OK ||
	    model_push(&ds->models[0], positive, score == 0 ? 0 : score, 1, false) < 0)
		return false; /* nothing changed: arrays, or a fold that says its failure again */
	ds->rows++;
	if (!ds->streamed && l->array_limit > 0)
		l->array_bytes += 16;
	return true;
}

void loader_labels(struct loader *l)
{
	struct dataset *ds = l->ds;
	char list[400];

	/* no columns decided (no usable record at all): the caller says so */
	if (l->st->failed || ds->n_models == 0)
		return;
	if (l->label_bad) {
		text_list(list, sizeof list, (const char *const *)l->distinct, l->n_distinct, MAX_DISTINCT_LABELS);
		status_fail(l->st, "%s: labels in column '%s' are not 0/1, true/false or yes/no; say which value is positive with --positive (values: %s)",
		     ds->shown, text_show_str(ds->label_name), list);
		return;
	}
	if (ds->multiclass) {
		ds->positive_name = text_dup("class", 5); /* each model: its class against the rest */
		ds->negative_name = text_dup("rest", 4);
	} else if (l->opt->counts_pos != NULL) {
		ds->positive_name = text_dup("positive", 8);
		ds->negative_name = text_dup("negative", 8);
	} else if (l->opt->positive != NULL) {
		ds->positive_name = text_dup(l->opt->positive, strlen(l->opt->positive));
		if (l->neg_multi || ds->negative_name == NULL) {
			free(ds->negative_name);
			ds->negative_name = text_dup("other", 5);
		}
		if (!l->seen_positive)
			loader_note(ds, "%s: no row has the positive label '%s' in column '%s'", ds->shown,
				 text_show_str(l->opt->positive), text_show_str(ds->label_name));
	} else {
		if (ds->positive_name == NULL)
			ds->positive_name = text_dup("1", 1);
		if (ds->negative_name == NULL)
			ds->negative_name = text_dup("0", 1);
	}
	if (ds->positive_name == NULL || ds->negative_name == NULL)
		status_fail(l->st, "out of memory");
}
