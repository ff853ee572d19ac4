/*
 * rowindex: the rows of a file findable again (see rowindex.h).
 */
#include "core/load/rowindex.h"

#include "core/load/csvread.h"
#include "core/load/dataset.h"
#include "core/load/unpack.h"
#include "core/sort/radix.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* While reading: each model's rows of each class, score and line (as a
 * double beside it, for the sort: exact below 2^53). */
struct column_rows {
	double *score, *line;
	size_t n, cap;
};

struct collect {
	size_t n_models;
	bool negate;
	struct column_rows (*c)[2];
	bool failed;
};

static void collect_row(void *arg, const struct row_seen *r)
{
	struct collect *k = arg;

	for (size_t m = 0; m < k->n_models && !k->failed; m++) {
		struct column_rows *c = &k->c[m][r->positive];

		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap + c->cap / 2 : 1024;
			double *s = realloc(c->score, cap * sizeof *s), *l;

			if (s == NULL) {
				k->failed = true;
				return;
			}
			c->score = s;
			if ((l = realloc(c->line, cap * sizeof *l)) == NULL) {
				k->failed = true;
				return;
			}
			c->line = l, c->cap = cap;
		}
		c->score[c->n] = k->negate ? -r->scores[m] : r->scores[m];
		c->line[c->n++] = (double)r->line;
	}
}

/* Equal scores in file order: each run of them sorted by line (the
 * in-place sort is not stable; lines are distinct, so this is the order
 * a stable sort would leave). */
static void ties_by_line(const double *score, double *line, size_t n)
{
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && score[j] == score[i]; j++)
			;
		if (j - i > 1)
			radix_sort_inplace(line + i, NULL, j - i);
	}
}

/* The lines, doubles (exact below 2^53), made whole numbers in the same
 * memory: no second array. */
static uint64_t *lines_in_place(double *a, size_t n)
{
	uint64_t *u = (uint64_t *)(void *)a;

	for (size_t i = 0; i < n; i++) {
		uint64_t v = (uint64_t)a[i];

		memcpy(&u[i], &v, sizeof v);
	}
	return u;
}

/* Each model's rows of each class sorted by score (equal scores in file
 * order), as the index's runs: the collected arrays are taken, sorted in
 * place and kept, so that the index never holds more than its 16 bytes a
 * row (score and line) while it is built. */
static int runs_from(struct rowindex *ix, struct collect *k)
{
	for (size_t m = 0; m < k->n_models; m++)
		for (int c = 0; c < 2; c++) {
			struct rowindex_run *r = &ix->run[m][c];
			struct column_rows *col = &k->c[m][c];

			if (col->n == 0) {
				/* an empty class: arrays of one, never read */
				free(col->score), free(col->line);
				col->score = malloc(sizeof *col->score), col->line = malloc(sizeof *col->line);
				if (col->score == NULL || col->line == NULL)
					return -1;
			} else if (radix_sort_inplace(col->score, col->line, col->n) < 0) {
				return -1;
			}
			ties_by_line(col->score, col->line, col->n);
			r->n = col->n;
			r->line = lines_in_place(col->line, col->n);
			r->score = col->score;
			col->score = col->line = NULL;
		}
	return 0;
}

static void free_collect(struct collect *k)
{
	for (size_t m = 0; k->c != NULL && m < k->n_models; m++)
		for (int c = 0; c < 2; c++)
			free(k->c[m][c].score), free(k->c[m][c].line);
	free(k->c);
	k->c = NULL;
}

/* Where every ROWINDEX_STRIDE-th line starts: line breaks as the reader
 * counts them (LF, CRLF, a lone CR), quotes or not. */
static int mark_lines(struct rowindex *ix)
{
	char buf[1 << 16];
	off_t at = 0;
	uint64_t line = 1;
	size_t cap = 64;
	bool cr = false;
	ssize_t got;

	if ((ix->mark = malloc(cap * sizeof *ix->mark)) == NULL)
		return -1;
	ix->mark[ix->n_marks++] = 0;
	while ((got = pread(ix->fd, buf, sizeof buf, at)) > 0) {
		for (ssize_t i = 0; i < got; i++) {
			bool brk = buf[i] == '\n' ? !cr : buf[i] == '\r';

			if (cr && buf[i] == '\n') {
				/* the CRLF's line started after the LF */
				if ((line - 1) % ROWINDEX_STRIDE == 0)
					ix->mark[ix->n_marks - 1] = at + i + 1;
			}
			cr = buf[i] == '\r';
			if (!brk)
				continue;
			line++;
			if ((line - 1) % ROWINDEX_STRIDE == 0) {
				if (ix->n_marks == cap) {
					off_t *m = realloc(ix->mark, 2 * cap * sizeof *m);

					if (m == NULL)
						return -1;
					ix->mark = m, cap *= 2;
				}
				ix->mark[ix->n_marks++] = at + i + 1;
			}
		}
		at += got;
	}
	return got < 0 ? -1 : 0;
}

int rowindex_build(struct rowindex *ix, const struct dataset_options *opt, const struct dataset *ds, bool negate,
		   char *err, size_t errlen)
{
	struct dataset_options d = *opt;
	struct collect k = { ds->n_models, negate, NULL, false };
	struct dataset *again = NULL;
	struct rowrec head = { 0 };
	int rc = -1;

	memset(ix, 0, sizeof *ix);
	ix->fd = -1;
	if (opt->path == NULL || strcmp(opt->path, "-") == 0 || !ds->stamp.regular) {
		snprintf(err, errlen, "the rows panel reads the file again: not standard input or a pipe (--list keeps its rows)");
		return -1;
	}
	if ((ix->fd = open(opt->path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "%s: %s", ds->shown, strerror(errno));
		return -1;
	}
	if (unpack_detect_fd(ix->fd) != UNPACK_NONE) {
		snprintf(err, errlen, "the rows panel reads records again: not in a compressed file (--list works)");
		goto out;
	}
	ix->delim = ds->delim;
	ix->n_models = ds->n_models;
	if ((k.c = calloc(ds->n_models, sizeof *k.c)) == NULL || (ix->run = calloc(ds->n_models, sizeof *ix->run)) == NULL)
		goto oom;
	d.on_row = collect_row, d.on_row_arg = &k, d.rows_only = true, d.one_thread = true, d.progress = NULL;
	if (dataset_load(&d, &again, err, errlen) < 0)
		goto out;
	dataset_free(again);
	if (k.failed)
		goto oom;
	if (runs_from(ix, &k) < 0 || mark_lines(ix) < 0)
		goto oom;
	if (ds->header && rowindex_record(ix, 1, &head) == 0) {
		/* the header's names, for the record box */
		if ((ix->names = calloc(head.n ? head.n : 1, sizeof *ix->names)) == NULL)
			goto oom;
		for (size_t i = 0; i < head.n; i++)
			if ((ix->names[i] = strdup(head.buf + head.off[i])) == NULL)
				goto oom;
		ix->n_names = head.n;
	}
	rc = 0;
	goto out;
oom:
	snprintf(err, errlen, "out of memory indexing the rows");
out:
	free_collect(&k);
	rowrec_free(&head);
	if (rc < 0)
		rowindex_free(ix);
	return rc;
}

int rowindex_from_rows(struct rowindex *ix, const struct rowlists *kept, const char *const *names, size_t n,
		       bool negate, char *err, size_t errlen)
{
	struct collect k = { kept->n_models, negate, NULL, false };

	memset(ix, 0, sizeof *ix);
	ix->fd = -1;
	ix->kept = kept;
	ix->n_models = kept->n_models;
	if ((k.c = calloc(kept->n_models ? kept->n_models : 1, sizeof *k.c)) == NULL ||
	    (ix->run = calloc(kept->n_models ? kept->n_models : 1, sizeof *ix->run)) == NULL ||
	    (ix->names = calloc(n ? n : 1, sizeof *ix->names)) == NULL)
		goto oom;
	for (size_t i = 0; i < n; i++)
		if ((ix->names[ix->n_names++] = strdup(names[i])) == NULL)
			goto oom;
	for (size_t i = 0; i < kept->n_all && !k.failed; i++)
		collect_row(&k, &(struct row_seen){ kept->all[i].line, kept->n_models, kept->all_scores + i * kept->n_models,
						    kept->all[i].positive, kept->all[i].weight, NULL, 0, NULL, NULL });
	if (k.failed || runs_from(ix, &k) < 0)
		goto oom;
	free(k.c);
	return 0;
oom:
	snprintf(err, errlen, "out of memory indexing the rows");
	free_collect(&k);
	rowindex_free(ix);
	return -1;
}

void rowindex_drop_scores(struct rowindex *ix)
{
	for (size_t m = 0; ix->run != NULL && m < ix->n_models; m++)
		for (int c = 0; c < 2; c++) {
			free(ix->run[m][c].score);
			ix->run[m][c].score = NULL;
		}
}

/* ---- a record read again ---------------------------------------------------- */

struct reading {
	struct rowrec *rec;
	bool done, failed;
	bool bom;
};

static void rec_field(void *s, size_t len, void *arg)
{
	struct reading *r = arg;
	struct rowrec *rec = r->rec;
	const char *text = s;

	if (r->done || r->failed)
		return;
	if (r->bom && rec->n == 0 && len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	if (rec->n == rec->cap_f) {
		size_t cap = rec->cap_f ? 2 * rec->cap_f : 16, *off = realloc(rec->off, cap * sizeof *off);

		if (off == NULL) {
			r->failed = true;
			return;
		}
		rec->off = off, rec->cap_f = cap;
	}
	if (rec->used + len + 1 > rec->cap) {
		size_t cap = 2 * (rec->used + len + 1);
		char *b = realloc(rec->buf, cap);

		if (b == NULL) {
			r->failed = true;
			return;
		}
		rec->buf = b, rec->cap = cap;
	}
	rec->off[rec->n++] = rec->used;
	memcpy(rec->buf + rec->used, text, len);
	rec->buf[rec->used + len] = '\0';
	rec->used += len + 1;
}

static void rec_end(int c, void *arg)
{
	struct reading *r = arg;

	(void)c;
	if (r->rec->n > 0)
		r->done = true; /* a blank line before it is no record */
}

/* A kept row's fields as a record: binary search by line (kept in file
 * order). */
static int kept_record(const struct rowindex *ix, uint64_t line, struct rowrec *rec)
{
	const struct rowlists *k = ix->kept;
	size_t lo = 0, hi = k->n_all;
	struct reading r = { rec, false, false, false };

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (k->all[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == k->n_all || k->all[lo].line != line)
		return -1;
	for (size_t i = 0; i < k->n_extra; i++) {
		const char *f = k->all[lo].extra != NULL && k->all[lo].extra[i] != NULL ? k->all[lo].extra[i] : "";

		rec_field((void *)f, strlen(f), &r);
	}
	return r.failed ? -1 : 0;
}

int rowindex_record(const struct rowindex *ix, uint64_t line, struct rowrec *rec)
{
	struct csv_parser p;
	struct reading r = { rec, false, false, line == 1 };
	char buf[1 << 14];
	uint64_t skip;
	off_t at;
	ssize_t got;
	bool cr = false;

	rec->used = rec->n = 0;
	if (ix->kept != NULL)
		return kept_record(ix, line, rec);
	if (line == 0 || (line - 1) / ROWINDEX_STRIDE >= ix->n_marks || csvread_parser(&p, ix->delim) == NULL)
		return -1;
	at = ix->mark[(line - 1) / ROWINDEX_STRIDE];
	skip = (line - 1) % ROWINDEX_STRIDE;
	/* to the line's start: as many line breaks as lines between */
	while (skip > 0 && (got = pread(ix->fd, buf, sizeof buf, at)) > 0) {
		ssize_t i;

		for (i = 0; i < got && skip > 0; i++) {
			if (buf[i] == '\n' ? !cr : buf[i] == '\r')
				skip--;
			cr = buf[i] == '\r';
		}
		if (skip == 0 && cr && i < got && buf[i] == '\n')
			i++; /* a CRLF's LF */
		at += i;
	}
	while (!r.done && !r.failed && (got = pread(ix->fd, buf, sizeof buf, at)) > 0) {
		/* a line at a time: the record ends at a line's end (or, quoted,
		 * a later one); the rest of the buffer is not parsed */
		for (size_t pos = 0; pos < (size_t)got && !r.done && !r.failed;) {
			const char *nl = memchr(buf + pos, '\n', (size_t)got - pos);
			size_t len = nl != NULL ? (size_t)(nl - (buf + pos)) + 1 : (size_t)got - pos;

			if (csv_parse(&p, buf + pos, len, rec_field, rec_end, &r) != len)
				r.failed = true;
			pos += len;
		}
		at += got;
	}
	if (!r.done && !r.failed)
		csv_fini(&p, rec_field, rec_end, &r);
	csv_free(&p);
	return r.failed || rec->n == 0 ? -1 : 0;
}

/* rowindex_each's reading: the reader's line count (a field's quoted
 * line breaks, a record's end) and the record being read. */
struct walk {
	struct reading r;
	uint64_t line, start;
	bool last_cr, in_record;
	const uint64_t *want;
	size_t n, next;
	void (*fn)(void *arg, size_t i, const struct rowrec *rec);
	void *arg;
};

static void walk_field(void *s, size_t len, void *arg)
{
	struct walk *w = arg;
	const char *t = s;

	if (!w->in_record) {
		w->in_record = true;
		w->start = w->line;
		w->r.rec->used = w->r.rec->n = 0;
		w->r.done = false;
		w->r.bom = w->start == 1;
	}
	for (size_t i = 0; i < len; i++)
		if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == len || t[i + 1] != '\n')))
			w->line++;
	w->last_cr = false;
	if (w->next < w->n && w->want[w->next] == w->start)
		rec_field(s, len, &w->r);
}

static void walk_end(int c, void *arg)
{
	struct walk *w = arg;

	if (c == '\n') {
		if (!w->last_cr)
			w->line++;
		w->last_cr = false;
	} else if (c == '\r') {
		w->line++;
		w->last_cr = true;
	}
	if (!w->in_record)
		return;
	w->in_record = false;
	while (w->next < w->n && w->want[w->next] < w->start)
		w->next++; /* a line that starts no record: nothing to give */
	if (w->next < w->n && w->want[w->next] == w->start && !w->r.failed && w->r.rec->n > 0)
		w->fn(w->arg, w->next++, w->r.rec);
}

int rowindex_each(const struct rowindex *ix, const uint64_t *lines, size_t n,
		  void (*fn)(void *arg, size_t i, const struct rowrec *rec), void *arg)
{
	struct csv_parser p;
	struct rowrec rec = { 0 };
	struct walk w = { { &rec, false, false, false }, 1, 1, false, false, lines, n, 0, fn, arg };
	char *buf;
	off_t at = 0;
	ssize_t got;

	if (ix->kept != NULL) {
		for (size_t i = 0; i < n; i++) {
			if (kept_record(ix, lines[i], &rec) < 0) {
				rowrec_free(&rec);
				return -1;
			}
			fn(arg, i, &rec);
		}
		rowrec_free(&rec);
		return 0;
	}
	buf = malloc(1 << 20);
	if (buf == NULL || csvread_parser(&p, ix->delim) == NULL) {
		free(buf);
		return -1;
	}
	while (w.next < n && !w.r.failed && (got = pread(ix->fd, buf, 1 << 20, at)) > 0) {
		if (csv_parse(&p, buf, (size_t)got, walk_field, walk_end, &w) != (size_t)got)
			w.r.failed = true;
		at += got;
	}
	if (w.next < n && !w.r.failed)
		csv_fini(&p, walk_field, walk_end, &w);
	csv_free(&p);
	rowrec_free(&rec);
	free(buf);
	return w.r.failed ? -1 : 0;
}

void rowrec_free(struct rowrec *rec)
{
	free(rec->buf), free(rec->off);
	memset(rec, 0, sizeof *rec);
}

void rowindex_free(struct rowindex *ix)
{
	for (size_t m = 0; ix->run != NULL && m < ix->n_models; m++)
		for (int c = 0; c < 2; c++)
			free(ix->run[m][c].line), free(ix->run[m][c].score);
	free(ix->run);
	free(ix->mark);
	for (size_t i = 0; i < ix->n_names; i++)
		free(ix->names[i]);
	free(ix->names);
	if (ix->fd >= 0)
		close(ix->fd);
	memset(ix, 0, sizeof *ix);
	ix->fd = -1;
}
