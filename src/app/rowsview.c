/*
 * rowsview: the rows panel's listing (see rowsview.h).  A cell is one or
 * more streams over the index's runs (ascending by score, equal scores in
 * file order): upwards as stored, or downwards a group of equal scores at
 * a time, each group still in file order; near merges four of them.
 */
#include "app/rowsview.h"

#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/sort/radix.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The column a name or a 1-based number gives; SIZE_MAX when none. */
static size_t find_column(const struct rowindex *ix, const char *name)
{
	char *end;
	unsigned long k;

	for (size_t i = 0; i < ix->n_names; i++)
		if (strcmp(ix->names[i], name) == 0)
			return i;
	k = strtoul(name, &end, 10);
	return *name != '\0' && *end == '\0' && k >= 1 ? (size_t)k - 1 : SIZE_MAX;
}

int rowsview_open(struct rowsview *rv, struct session *s, const char *id, const char *const *show, size_t n_show,
		  char *err, size_t errlen)
{
	const struct view *v = &s->view;

	memset(rv, 0, sizeof *rv);
	rv->negated = v->models[0].sample->inverted;
	rv->weighted = s->ds->weighted;
	if (v->models[0].sample->bins > 0) {
		/* grouped scores count rows by bin: a row's cell is its own score's */
		snprintf(err, errlen, "the rows panel needs each row's score: not with --bins (as --list)");
		return -1;
	}
	if (s->rows_kept != NULL) {
		/* kept as read: the --id and --show fields are the records */
		const char *names[LOADOPTS_MAX_MODELS + 1];
		size_t n = 0;

		if (s->rows_id != NULL)
			names[n++] = s->rows_id;
		for (size_t i = 0; i < s->rows_n_show && n <= LOADOPTS_MAX_MODELS; i++)
			names[n++] = s->rows_show[i];
		if (rowindex_from_rows(&rv->ix, s->rows_kept, names, n, rv->negated, err, errlen) < 0)
			return -1;
	} else if (s->data->counts_pos != NULL) {
		snprintf(err, errlen, "the rows panel lists rows: counts (--counts, a database's GROUP BY) hold none");
		return -1;
	} else if (s->data->path == NULL || strcmp(s->data->path, "-") == 0 || !s->ds->stamp.regular ||
		   !dataset_rereadable(s->data->path)) {
		snprintf(err, errlen, "the rows panel reads the file again: not standard input, a pipe or a compressed file "
			 "(give --id or --show at the start: the rows are then kept as they are read)");
		return -1;
	} else if (dataset_same_file(s->ds, s->data->path, err, errlen) < 0 ||
		   rowindex_build(&rv->ix, s->data, s->ds, rv->negated, err, errlen) < 0) {
		return -1;
	}
	if (!rv->weighted)
		rowindex_drop_scores(&rv->ix); /* the sweeps count the rows */
	rv->id_col = id != NULL ? find_column(&rv->ix, id) : SIZE_MAX;
	for (size_t i = 0; i < n_show && rv->n_show < 16; i++)
		if ((rv->show_col[rv->n_show] = find_column(&rv->ix, show[i])) != SIZE_MAX)
			rv->n_show++;
	rv->sel = 0;
	return 0;
}

/* ---- counting and scores ----------------------------------------------------- */

static double cum(const struct sweep *sw, int cls, size_t j)
{
	return cls ? sweep_pos(sw, j) : sweep_neg(sw, j);
}

/* Rows of the run with score >= t. */
static size_t count_ge(const struct sweep *sw, const struct rowindex_run *r, int cls, double t)
{
	size_t k;

	if (r->score != NULL) {
		size_t lo = 0, hi = r->n;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (r->score[mid] < t)
				lo = mid + 1;
			else
				hi = mid;
		}
		return r->n - lo;
	}
	k = sweep_index(sw, t);
	return k == 0 ? 0 : (size_t)cum(sw, cls, k - 1);
}

/* The score of the run's row at position p: the distinct score at which
 * the rows from the top reach its rank. */
static double score_at(const struct sweep *sw, const struct rowindex_run *r, int cls, size_t p)
{
	size_t lo = 0, hi, rank = r->n - p;

	if (r->score != NULL)
		return r->score[p];
	hi = sw->n - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cum(sw, cls, mid) >= (double)rank)
			hi = mid;
		else
			lo = mid + 1;
	}
	return sw->score[lo];
}

/* ---- streams ----------------------------------------------------------------- */

struct stream {
	const struct sweep *sw;
	const struct rowindex_run *r;
	int cls;
	bool up;
	size_t lo, hi;                  /* what is left: [lo, hi) */
	size_t g_lo, g_hi, at;          /* down: the group being given */
};

static void stream_init(struct stream *st, const struct sweep *sw, const struct rowindex_run *r, int cls, bool up,
			size_t lo, size_t hi)
{
	*st = (struct stream){ sw, r, cls, up, lo, hi, hi, hi, hi };
}

/* The stream's next position, or SIZE_MAX at its end (not taken). */
static size_t peek(struct stream *st)
{
	if (st->up)
		return st->lo < st->hi ? st->lo : SIZE_MAX;
	if (st->at == st->g_hi) {
		double s;
		size_t lo, hi;

		st->hi = st->g_lo;
		if (st->hi <= st->lo)
			return SIZE_MAX;
		/* the next group down: every row of the highest score left */
		s = score_at(st->sw, st->r, st->cls, st->hi - 1);
		lo = st->lo, hi = st->hi - 1;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (score_at(st->sw, st->r, st->cls, mid) < s)
				lo = mid + 1;
			else
				hi = mid;
		}
		st->g_lo = st->at = lo, st->g_hi = st->hi;
	}
	return st->at;
}

static void take(struct stream *st)
{
	if (st->up)
		st->lo++;
	else
		st->at++;
}

/* near: a before b (distance, then the higher score, then the line). */
static bool nearer(double t, double sa, uint64_t la, double sb, uint64_t lb)
{
	double da = fabs(sa - t), db = fabs(sb - t);

	if (da != db)
		return da < db;
	if (sa != sb)
		return sa > sb;
	return la < lb;
}

/* ---- the listing ---------------------------------------------------------------- */

static void fill_entry(struct rowsview *rv, struct rowsview_entry *e)
{
	for (size_t i = 0; i < rv->n_was; i++)
		if (rv->was[i].line == e->line) {
			memcpy(e->id, rv->was[i].id, sizeof e->id);
			memcpy(e->shown, rv->was[i].shown, sizeof e->shown);
			return;
		}
	e->id[0] = e->shown[0] = '\0';
	if (rowindex_record(&rv->ix, e->line, &rv->rec) < 0)
		return;
	if (rv->id_col != SIZE_MAX && rv->id_col < rv->rec.n)
		text_escape(e->id, sizeof e->id, rv->rec.buf + rv->rec.off[rv->id_col],
			    strlen(rv->rec.buf + rv->rec.off[rv->id_col]), 40);
	for (size_t i = 0, used = 0; i < rv->n_show; i++) {
		char one[200];
		const char *f = rv->show_col[i] < rv->rec.n ? rv->rec.buf + rv->rec.off[rv->show_col[i]] : "";

		text_escape(one, sizeof one, f, strlen(f), 60);
		used += (size_t)snprintf(e->shown + used, used < sizeof e->shown ? sizeof e->shown - used : 0, "%s%s",
					 i > 0 ? " | " : "", one);
		if (used >= sizeof e->shown)
			break;
	}
}

/* Long: the five cells' streams are set up side by side so that their
 * bounds read against one another; the merge below serves them all.
 * Gives emit the first want rows of the cell (SIZE_MAX: all); returns
 * how many the cell holds. */
static uint64_t walk_cell(const struct rowsview *rv, const struct view *v, size_t want,
			  void (*emit)(void *arg, uint64_t line, double score, bool positive), void *arg)
{
	const struct view_model *m = &v->models[v->model];
	const struct sweep *sw = m->sample;
	const struct rowindex_run *neg = &rv->ix.run[v->model][0], *pos = &rv->ix.run[v->model][1];
	size_t N = count_ge(sw, neg, 0, m->threshold), P = count_ge(sw, pos, 1, m->threshold), ns = 0, i, given = 0;
	struct stream st[4];
	const struct rowindex_run *runs[4];
	int cls[4];
	uint64_t total;

	switch (rv->cell) {
	case ROWS_FP:
		total = N;
		stream_init(&st[ns], sw, neg, 0, false, neg->n - N, neg->n), runs[ns] = neg, cls[ns++] = 0;
		break;
	case ROWS_TP:
		total = P;
		stream_init(&st[ns], sw, pos, 1, false, pos->n - P, pos->n), runs[ns] = pos, cls[ns++] = 1;
		break;
	case ROWS_FN:
		total = pos->n - P;
		stream_init(&st[ns], sw, pos, 1, true, 0, pos->n - P), runs[ns] = pos, cls[ns++] = 1;
		break;
	case ROWS_TN:
		total = neg->n - N;
		stream_init(&st[ns], sw, neg, 0, true, 0, neg->n - N), runs[ns] = neg, cls[ns++] = 0;
		break;
	default:
		total = pos->n + neg->n;
		stream_init(&st[ns], sw, pos, 1, true, pos->n - P, pos->n), runs[ns] = pos, cls[ns++] = 1;
		stream_init(&st[ns], sw, neg, 0, true, neg->n - N, neg->n), runs[ns] = neg, cls[ns++] = 0;
		stream_init(&st[ns], sw, pos, 1, false, 0, pos->n - P), runs[ns] = pos, cls[ns++] = 1;
		stream_init(&st[ns], sw, neg, 0, false, 0, neg->n - N), runs[ns] = neg, cls[ns++] = 0;
		break;
	}
	while (given < want) {
		size_t best = SIZE_MAX, bp = 0;
		double bs = 0;

		for (i = 0; i < ns; i++) {
			size_t p = peek(&st[i]);
			double s;

			if (p == SIZE_MAX)
				continue;
			s = score_at(sw, runs[i], cls[i], p);
			if (best == SIZE_MAX || nearer(m->threshold, s, runs[i]->line[p], bs, runs[best]->line[bp]))
				best = i, bp = p, bs = s;
		}
		if (best == SIZE_MAX)
			break;
		take(&st[best]);
		emit(arg, runs[best]->line[bp], bs, cls[best]);
		given++;
	}
	return total;
}

static void emit_entry(void *arg, uint64_t line, double score, bool positive)
{
	struct rowsview *rv = arg;

	rv->e[rv->n] = (struct rowsview_entry){ .line = line, .score = score, .positive = positive };
	fill_entry(rv, &rv->e[rv->n++]);
}

int rowsview_sync(struct rowsview *rv, const struct view *v, size_t want)
{
	if (want > ROWSVIEW_MAX)
		want = ROWSVIEW_MAX;
	/* the rows listed last keep their fields (a step moves few rows) */
	memcpy(rv->was, rv->e, rv->n * sizeof *rv->e);
	rv->n_was = rv->model == v->model ? rv->n : 0;
	rv->model = v->model, rv->threshold = v->models[v->model].threshold, rv->n = 0;
	rv->total = walk_cell(rv, v, want, emit_entry, rv);
	if (rv->sel >= rv->n)
		rv->sel = rv->n > 0 ? rv->n - 1 : 0;
	return 0;
}

/* ---- :export rows ------------------------------------------------------------------ */

struct exporting {
	const struct rowsview *rv;
	bool shown_only;
	uint64_t *line;                 /* the cell's rows, in its order */
	double *score;
	size_t n, cap;
	char **text;                    /* each row's CSV line, once read */
	size_t *pos_of;                 /* the i-th row in file order: its place in the cell */
	bool failed;
};

static void emit_export(void *arg, uint64_t line, double score, bool positive)
{
	struct exporting *x = arg;

	(void)positive;
	if (x->n == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 1024;
		uint64_t *l = realloc(x->line, cap * sizeof *l);
		double *s;

		if (l == NULL) {
			x->failed = true;
			return;
		}
		x->line = l;
		if ((s = realloc(x->score, cap * sizeof *s)) == NULL) {
			x->failed = true;
			return;
		}
		x->score = s, x->cap = cap;
	}
	x->line[x->n] = line, x->score[x->n++] = score;
}

/* One field of a record as a CSV cell (empty when the record lacks it):
 * escaped and neutralised (text_csv) for the shown columns; exactly as
 * read, quoted where RFC 4180 needs it, for every column (raw): the
 * export then reads back as the input's own records. */
static void cell_of(FILE *f, const struct rowrec *rec, size_t col, bool raw)
{
	const char *v;

	if (col >= rec->n)
		return;
	v = rec->buf + rec->off[col];
	if (!raw) {
		text_csv(f, v);
		return;
	}
	if (v[strcspn(v, ",\"\r\n")] == '\0' && v[0] != ' ' && v[0] != '\t' &&
	    (v[0] == '\0' || (v[strlen(v) - 1] != ' ' && v[strlen(v) - 1] != '\t'))) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

static void export_record(void *arg, size_t i, const struct rowrec *rec)
{
	struct exporting *x = arg;
	size_t at = x->pos_of[i];
	char *buf = NULL, s[40];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL) {
		x->failed = true;
		return;
	}
	if (x->shown_only) {
		fprintf(f, "%llu,", (unsigned long long)x->line[at]);
		if (x->rv->id_col != SIZE_MAX)
			cell_of(f, rec, x->rv->id_col, false), fputc(',', f);
		fputs(fmt_exact(s, sizeof s, x->score[at]), f);
		for (size_t c = 0; c < x->rv->n_show; c++)
			fputc(',', f), cell_of(f, rec, x->rv->show_col[c], false);
	} else {
		for (size_t c = 0; c < rec->n; c++) {
			if (c > 0)
				fputc(',', f);
			cell_of(f, rec, c, true);
		}
	}
	fputc('\n', f);
	if (fclose(f) != 0 || buf == NULL) {
		free(buf);
		x->failed = true;
		return;
	}
	x->text[at] = buf;
}

/* The header: the file's (every column), or line, id, score, shown. */
static void export_header(FILE *f, const struct rowsview *rv, bool shown_only)
{
	if (shown_only) {
		fputs(rv->id_col != SIZE_MAX ? "line,id,score" : "line,score", f);
		for (size_t c = 0; c < rv->n_show; c++) {
			fputc(',', f);
			if (rv->show_col[c] < rv->ix.n_names)
				text_csv(f, rv->ix.names[rv->show_col[c]]);
		}
		fputc('\n', f);
		return;
	}
	for (size_t c = 0; c < rv->ix.n_names; c++) {
		struct rowrec one = { rv->ix.names[c], 0, 0, (size_t[]){ 0 }, 1, 1 };

		if (c > 0)
			fputc(',', f);
		cell_of(f, &one, 0, true);
	}
	if (rv->ix.n_names > 0)
		fputc('\n', f);
}

/* Long: the cell in its order, the same rows in file order for one
 * reading, and back: each step's arrays are freed at one place. */
int rowsview_export(FILE *f, struct rowsview *rv, const struct view *v, bool shown_only)
{
	struct exporting x = { rv, shown_only, NULL, NULL, 0, 0, NULL, NULL, false };
	double *key = NULL, *idx = NULL;
	uint64_t *sorted = NULL;
	int rc = -1;

	rv->cell = (enum rowlist_cell)v->rows_cell;
	walk_cell(rv, v, SIZE_MAX, emit_export, &x);
	if (x.failed)
		goto out;
	key = malloc((x.n ? x.n : 1) * sizeof *key);
	idx = malloc((x.n ? x.n : 1) * sizeof *idx);
	sorted = malloc((x.n ? x.n : 1) * sizeof *sorted);
	x.pos_of = malloc((x.n ? x.n : 1) * sizeof *x.pos_of);
	x.text = calloc(x.n ? x.n : 1, sizeof *x.text);
	if (key == NULL || idx == NULL || sorted == NULL || x.pos_of == NULL || x.text == NULL)
		goto out;
	for (size_t i = 0; i < x.n; i++)
		key[i] = (double)x.line[i], idx[i] = (double)i;
	if (radix_sort(key, idx, x.n) < 0)
		goto out;
	for (size_t i = 0; i < x.n; i++)
		sorted[i] = (uint64_t)key[i], x.pos_of[i] = (size_t)idx[i];
	if (rowindex_each(&rv->ix, sorted, x.n, export_record, &x) < 0 || x.failed)
		goto out;
	export_header(f, rv, shown_only);
	for (size_t i = 0; i < x.n; i++)
		if (x.text[i] != NULL)
			fputs(x.text[i], f);
	rc = 0;
out:
	for (size_t i = 0; x.text != NULL && i < x.n; i++)
		free(x.text[i]);
	free(x.text), free(x.pos_of), free(x.line), free(x.score), free(key), free(idx), free(sorted);
	return rc;
}

int rowsview_record(struct rowsview *rv)
{
	if (rv->sel >= rv->n || rowindex_record(&rv->ix, rv->e[rv->sel].line, &rv->record) < 0)
		return -1;
	rv->record_line = rv->e[rv->sel].line;
	rv->record_open = true;
	return 0;
}

void rowsview_close(struct rowsview *rv)
{
	rowindex_free(&rv->ix);
	rowrec_free(&rv->rec);
	rowrec_free(&rv->record);
	memset(rv, 0, sizeof *rv);
}
