/*
 * dataset: loading a scored CSV into per-model score columns.
 *
 * Data flows in one pass, so that standard input works and a file is read
 * once: the first chunk of bytes decides the delimiter; libcsv's callbacks
 * collect each record's fields into a reusable row buffer; the first
 * SAMPLE_ROWS records are kept whole to decide the header and the columns,
 * then replayed; after that only the fields of the wanted columns are kept
 * and each record is parsed and appended at once.  Per usable row the memory
 * is one double per model (two with weights).
 *
 * Physical line numbers (for messages) are counted from the record
 * terminators libcsv reports with CSV_REPALL_NL and from the line breaks
 * inside quoted fields; CRLF counts as one break.
 */
#include "core/dataset.h"

#include "core/parse.h"
#include "core/text.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAMPLE_ROWS 1000
#define SAMPLE_BYTES ((size_t)4 << 20)
#define CHUNK ((size_t)1 << 20)
#define SNIFF_BYTES ((size_t)64 << 10)
#define MAX_DISTINCT_LABELS 10
#define THREAD_MIN_BYTES ((off_t)16 << 20)  /* smaller files: one thread */

struct field {
	size_t off, len;
};

/* One record's fields; in streaming mode only the wanted columns are kept. */
struct row {
	char *buf;
	size_t used, cap;
	struct field *f;
	size_t cap_f;
	size_t count;       /* fields seen in this record */
	bool nonempty;      /* some field has text */
	uint64_t line;      /* physical line where the record starts */
};

enum col_role { ROLE_NONE, ROLE_LABEL, ROLE_WEIGHT, ROLE_COUNT_POS, ROLE_COUNT_NEG, ROLE_SCORE };

struct loader {
	const struct dataset_options *opt;
	struct dataset *ds;
	char *err;
	size_t errlen;
	bool failed;

	/* line tracking */
	uint64_t line;
	bool last_cr;
	bool unterminated;  /* the last record ends inside quotes */

	struct row row;

	/* sampling phase */
	bool sampling;
	struct row *sample;
	size_t n_sample, cap_sample;
	size_t sample_bytes;
	uint64_t records;   /* non-blank records, header included */

	/* columns, decided after sampling */
	size_t ncols;
	char **names;
	bool header;
	size_t label_col, weight_col, cpos_col, cneg_col;
	size_t *score_col;
	bool *want;
	size_t want_n;
	size_t need;        /* fields a usable record must have */

	/* labels */
	bool label_bad;     /* a value outside the vocabulary without --positive */
	char *distinct[MAX_DISTINCT_LABELS + 1];
	size_t n_distinct;
	bool neg_multi;     /* with --positive: more than one other value */
	bool seen_positive;
	size_t skip_notes;
	size_t array_limit;  /* bytes of row arrays before switching to folding */
	size_t array_bytes;
	off_t progress_total; /* what the progress counts to; -1: no progress */
	double progress_scale; /* the whole file over the first thread's half */
};

static void fail(struct loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct loader *l, const char *fmt, ...)
{
	va_list ap;

	if (l->failed)
		return;
	l->failed = true;
	va_start(ap, fmt);
	vsnprintf(l->err, l->errlen, fmt, ap);
	va_end(ap);
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

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
	if ((notes[ds->n_notes] = dupn(buf, strlen(buf))) == NULL)
		return -1;
	ds->n_notes++;
	return 0;
}

/* Escaped, shortened copy of data text for a message (static buffers, so
 * that one message can hold a few). */
static const char *show(const char *s, size_t len)
{
	/* per thread: the loader may run two */
	static _Thread_local char bufs[4][160];
	static _Thread_local int next;
	char *b = bufs[next++ & 3];

	return text_escape(b, sizeof bufs[0], s, len, 40);
}

static const char *show_str(const char *s)
{
	return show(s, strlen(s));
}

/* ---- the row buffer ---------------------------------------------------- */

static int row_store(struct row *r, size_t col, const char *s, size_t len)
{
	if (col >= r->cap_f) {
		size_t cap = r->cap_f ? r->cap_f * 2 : 16;
		struct field *f;

		while (cap <= col)
			cap *= 2;
		if ((f = realloc(r->f, cap * sizeof *f)) == NULL)
			return -1;
		r->f = f;
		r->cap_f = cap;
	}
	if (r->used + len + 1 > r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char *b;

		while (cap < r->used + len + 1)
			cap *= 2;
		if ((b = realloc(r->buf, cap)) == NULL)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	memcpy(r->buf + r->used, s, len);
	r->buf[r->used + len] = '\0';
	r->f[col].off = r->used;
	r->f[col].len = len;
	r->used += len + 1;
	return 0;
}

static void row_reset(struct row *r)
{
	r->used = 0;
	r->count = 0;
	r->nonempty = false;
}

static bool row_get(const struct row *r, size_t col, const char **s, size_t *len)
{
	if (col >= r->count) {
		*s = "";
		*len = 0;
		return false;
	}
	*s = r->buf + r->f[col].off;
	*len = r->f[col].len;
	return true;
}

/* ---- appending usable rows ----------------------------------------------- */

static int grow(double **a, double **w, size_t *cap, bool weighted)
{
	size_t n = *cap ? *cap * 2 : 1024;
	double *na, *nw;

	if ((na = realloc(*a, n * sizeof *na)) == NULL)
		return -1;
	*a = na;
	if (weighted) {
		if ((nw = realloc(*w, n * sizeof *nw)) == NULL)
			return -1;
		*w = nw;
	}
	*cap = n;
	return 0;
}

static int model_push(struct model *m, bool positive, double score, double weight, bool weighted)
{
	if (score < m->min)
		m->min = score;
	if (score > m->max)
		m->max = score;
	if (m->fold != NULL)
		return fold_add(m->fold, score, positive, weight);
	if (positive) {
		if (m->n_pos == m->cap_pos && grow(&m->pos, &m->pos_w, &m->cap_pos, weighted) < 0)
			return -1;
		if (weighted)
			m->pos_w[m->n_pos] = weight;
		m->pos[m->n_pos++] = score;
	} else {
		if (m->n_neg == m->cap_neg && grow(&m->neg, &m->neg_w, &m->cap_neg, weighted) < 0)
			return -1;
		if (weighted)
			m->neg_w[m->n_neg] = weight;
		m->neg[m->n_neg++] = score;
	}
	return 0;
}

static int start_fold(struct loader *l, struct model *m)
{
	size_t i;

	if ((m->fold = malloc(sizeof *m->fold)) == NULL)
		return -1;
	if (fold_init(m->fold, l->ds->weighted, l->opt->bins) < 0) {
		free(m->fold);
		m->fold = NULL;
		return -1;
	}
	{
		/* the distinct list (24 bytes each, twice while merging) may take
		 * half of memory across the models; CUTOFF_MAX_DISTINCT lowers it
		 * (for tests) */
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		double mem = pages > 0 && page > 0 ? (double)pages * (double)page : 8e9;
		const char *env = getenv("CUTOFF_MAX_DISTINCT");

		m->fold->max_distinct = (size_t)(mem / 2 / 48 / (double)(l->ds->n_models ? l->ds->n_models : 1));
		if (env != NULL && atol(env) > 0)
			m->fold->max_distinct = (size_t)atol(env);
	}
	/* rows already in arrays are folded in, then the arrays go */
	for (i = 0; i < m->n_pos; i++)
		if (fold_add(m->fold, m->pos[i], true, m->pos_w ? m->pos_w[i] : 1) < 0)
			return -1;
	for (i = 0; i < m->n_neg; i++)
		if (fold_add(m->fold, m->neg[i], false, m->neg_w ? m->neg_w[i] : 1) < 0)
			return -1;
	free(m->pos);
	free(m->neg);
	free(m->pos_w);
	free(m->neg_w);
	m->pos = m->neg = m->pos_w = m->neg_w = NULL;
	m->n_pos = m->n_neg = m->cap_pos = m->cap_neg = 0;
	return 0;
}

/* Switches every model to folding (memory by distinct scores). */
static int switch_to_folding(struct loader *l)
{
	size_t i;

	l->ds->streamed = true;
	for (i = 0; i < l->ds->n_models; i++)
		if (l->ds->models[i].fold == NULL && start_fold(l, &l->ds->models[i]) < 0)
			return -1;
	return 0;
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
		fail(l, "%s:%llu: %s (--strict)", l->ds->source, (unsigned long long)line, why);
		return;
	}
	l->ds->skipped++;
	if (l->skip_notes < DATASET_SKIP_NOTES) {
		l->skip_notes++;
		if (add_note(l->ds, "%s:%llu: skipped: %s", l->ds->source,
			     (unsigned long long)line, why) < 0)
			fail(l, "out of memory");
	}
}

static void remember_label(struct loader *l, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < l->n_distinct; i++)
		if (strlen(l->distinct[i]) == len && memcmp(l->distinct[i], s, len) == 0)
			return;
	if (l->n_distinct <= MAX_DISTINCT_LABELS)
		l->distinct[l->n_distinct++] = dupn(s, len);
}

/* Decides the class of a row; returns -1 when the row is not used. */
static int classify(struct loader *l, const struct row *r, bool *positive)
{
	const char *s;
	size_t len;

	row_get(r, l->label_col, &s, &len);
	parse_trim(&s, &len);
	if (l->opt->positive == NULL && len == 1 && (s[0] == '0' || s[0] == '1')) {
		/* the common case, without the vocabulary's lookups */
		*positive = s[0] == '1';
		if (*positive ? l->ds->positive_name == NULL : l->ds->negative_name == NULL)
			goto by_vocabulary; /* the first of its class: remember it */
		return 0;
	}
	if (parse_is_missing(s, len)) {
		skip_row(l, r->line, "missing label in column '%s'", show_str(l->names[l->label_col]));
		return -1;
	}
	if (l->opt->positive != NULL) {
		*positive = strlen(l->opt->positive) == len && memcmp(l->opt->positive, s, len) == 0;
		if (*positive) {
			l->seen_positive = true;
		} else if (l->ds->negative_name == NULL) {
			l->ds->negative_name = dupn(s, len);
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
			l->ds->positive_name = dupn(s, len);
		break;
	case LABEL_NEG:
		*positive = false;
		if (l->ds->negative_name == NULL)
			l->ds->negative_name = dupn(s, len);
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

/* Parses a non-negative weight or count; returns -1 (row skipped) if bad. */
static int parse_weight(struct loader *l, const struct row *r, size_t col, const char *what, double *w)
{
	const char *s;
	size_t len;

	row_get(r, col, &s, &len);
	switch (parse_number(s, len, w)) {
	case PARSE_OK:
		if (*w < 0) {
			skip_row(l, r->line, "negative %s '%s' in column '%s'", what, show(s, len),
				 show_str(l->names[col]));
			return -1;
		}
		if (*w == 0)
			*w = 0; /* no negative zero */
		return 0;
	case PARSE_MISSING:
		skip_row(l, r->line, "missing %s in column '%s'", what, show_str(l->names[col]));
		return -1;
	case PARSE_NONFINITE:
		skip_row(l, r->line, "infinite %s in column '%s'", what, show_str(l->names[col]));
		return -1;
	default:
		skip_row(l, r->line, "unparsable %s '%s' in column '%s'", what, show(s, len),
			 show_str(l->names[col]));
		return -1;
	}
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

	if (r->count < l->need) {
		skip_row(l, r->line, "%zu field%s, expected at least %zu", r->count,
			 r->count == 1 ? "" : "s", l->need);
		return;
	}
	if (ds->n_models > 16 && (scores = malloc(ds->n_models * sizeof *scores)) == NULL) {
		fail(l, "out of memory");
		return;
	}
	if (o->counts_pos == NULL && classify(l, r, &positive) < 0)
		goto out;
	if (o->weight != NULL && parse_weight(l, r, l->weight_col, "weight", &w) < 0)
		goto out;
	if (o->counts_pos != NULL &&
	    (parse_weight(l, r, l->cpos_col, "count", &wpos) < 0 ||
	     parse_weight(l, r, l->cneg_col, "count", &wneg) < 0))
		goto out;
	for (i = 0; i < ds->n_models; i++) {
		size_t col = l->score_col[i];
		const char *s;
		size_t len;

		row_get(r, col, &s, &len);
		switch (parse_number(s, len, &scores[i])) {
		case PARSE_OK:
			if (scores[i] == 0)
				scores[i] = 0; /* -0 and 0 are one score */
			break;
		case PARSE_MISSING:
			skip_row(l, r->line, "missing score in column '%s'", show_str(l->names[col]));
			goto out;
		case PARSE_NONFINITE:
			skip_row(l, r->line, "infinite score in column '%s'", show_str(l->names[col]));
			goto out;
		default:
			skip_row(l, r->line, "unparsable score '%s' in column '%s'", show(s, len),
				 show_str(l->names[col]));
			goto out;
		}
	}
	if (l->label_bad)
		goto out; /* the load fails; keep scanning only to list the labels */
	for (i = 0; i < ds->n_models; i++) {
		struct model *m = &ds->models[i];
		int rc = 0;

		if (o->counts_pos != NULL) {
			if (wpos > 0)
				rc = model_push(m, true, scores[i], wpos, true);
			if (rc == 0 && wneg > 0)
				rc = model_push(m, false, scores[i], wneg, true);
		} else {
			rc = model_push(m, positive, scores[i], w, ds->weighted);
		}
		if (rc == -2) {
			fail(l, "%s:%llu: more than %zu distinct scores in column '%s' would not fit in memory; --bins N keeps it fixed",
			     ds->source, (unsigned long long)r->line, m->fold->max_distinct, show_str(m->name));
			goto out;
		}
		if (rc < 0) {
			fail(l, "out of memory after %llu rows", (unsigned long long)ds->rows);
			goto out;
		}
	}
	ds->rows++;
	/* rows in arrays cost 8 bytes a model (16 with weights), and sorting
	 * doubles that: past the limit, fold instead */
	if (!ds->streamed && l->array_limit > 0) {
		l->array_bytes += ds->n_models * (ds->weighted ? 32 : 16);
		if (l->array_bytes > l->array_limit && switch_to_folding(l) < 0)
			fail(l, "out of memory after %llu rows", (unsigned long long)ds->rows);
	}
out:
	if (scores != scores_small)
		free(scores);
}

/* ---- deciding the columns ----------------------------------------------- */

static bool word_in(const char *name, const char *const *list)
{
	size_t i, j;

	for (i = 0; list[i] != NULL; i++) {
		for (j = 0; name[j] != '\0' && list[i][j] != '\0'; j++) {
			char c = name[j];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != list[i][j])
				break;
		}
		if (name[j] == '\0' && list[i][j] == '\0')
			return true;
	}
	return false;
}

static const char *const label_names[] = {
	"label", "labels", "y", "y_true", "ytrue", "true", "true_label", "target", "truth",
	"ground_truth", "groundtruth", "gt", "actual", "class", "outcome", "response", NULL
};
static const char *const score_names[] = {
	"score", "scores", "y_score", "yscore", "y_prob", "y_proba", "y_pred", "yhat", "y_hat",
	"prob", "proba", "probability", "pred", "prediction", "predicted", "p", "confidence",
	"logit", "logits", "output", "decision", "decision_function", "risk", "risk_score", NULL
};
static const char *const id_names[] = {
	"id", "index", "idx", "row", "rowid", "row_id", "row_number", "rownum", "key", "uuid",
	"unnamed: 0", "", NULL
};

static bool id_like_name(const char *name)
{
	size_t n = strlen(name);

	return word_in(name, id_names) ||
	       (n > 3 && (name[n - 3] == '_' || name[n - 3] == '-' || name[n - 3] == ' ') &&
		(name[n - 2] == 'i' || name[n - 2] == 'I') && (name[n - 1] == 'd' || name[n - 1] == 'D'));
}

static size_t first_data(const struct loader *l)
{
	return l->header ? 1 : 0;
}

/* The sample's values of a column, as a verdict on what it could be. */
struct col_profile {
	size_t values;        /* non-missing */
	size_t numbers;       /* finite numbers */
	bool all_numeric;     /* every value a number (finite or not) */
	bool all_labelish;    /* every value in the vocabulary or not a number */
	bool counting;        /* consecutive integers, like a row index */
	size_t n_distinct;    /* capped at 3 */
	const char *distinct[3];
	size_t distinct_len[3];
	bool has_positive;    /* contains --positive's value */
};

static void profile_column(const struct loader *l, size_t col, struct col_profile *p)
{
	double prev = 0;
	size_t i;

	memset(p, 0, sizeof *p);
	p->all_numeric = p->all_labelish = p->counting = true;
	for (i = first_data(l); i < l->n_sample; i++) {
		const struct row *r = &l->sample[i];
		const char *s;
		size_t len, k;
		double v;
		enum parse_status st;

		if (!row_get(r, col, &s, &len))
			continue;
		parse_trim(&s, &len);
		if (parse_is_missing(s, len))
			continue;
		p->values++;
		st = parse_number(s, len, &v);
		if (st == PARSE_OK)
			p->numbers++;
		if (st != PARSE_OK && st != PARSE_NONFINITE)
			p->all_numeric = false;
		if (st == PARSE_OK && parse_label(s, len) == LABEL_OTHER)
			p->all_labelish = false;
		if (st != PARSE_OK || (p->numbers > 1 && v != prev + 1))
			p->counting = false;
		prev = v;
		if (l->opt->positive != NULL && strlen(l->opt->positive) == len &&
		    memcmp(l->opt->positive, s, len) == 0)
			p->has_positive = true;
		for (k = 0; k < p->n_distinct; k++)
			if (p->distinct_len[k] == len && memcmp(p->distinct[k], s, len) == 0)
				break;
		if (k == p->n_distinct && p->n_distinct < 3) {
			p->distinct[k] = s;
			p->distinct_len[k] = len;
			p->n_distinct++;
		}
	}
	if (p->numbers < 3)
		p->counting = false;
}

/* Resolves a column given by name or 1-based index. */
static int resolve(struct loader *l, const char *spec, const char *what, size_t *col)
{
	size_t i, found = SIZE_MAX, n = strlen(spec);
	char *end;
	unsigned long long k;

	if (l->header) {
		for (i = 0; i < l->ncols; i++) {
			if (strcmp(l->names[i], spec) != 0)
				continue;
			if (found != SIZE_MAX) {
				fail(l, "%s: %s column name '%s' is ambiguous (columns %zu and %zu); give its index",
				     l->ds->source, what, show_str(spec), found + 1, i + 1);
				return -1;
			}
			found = i;
		}
		if (found != SIZE_MAX) {
			*col = found;
			return 0;
		}
	}
	if (n > 0 && strspn(spec, "0123456789") == n) {
		errno = 0;
		k = strtoull(spec, &end, 10);
		if (errno == 0 && k >= 1 && k <= l->ncols) {
			*col = (size_t)k - 1;
			return 0;
		}
		fail(l, "%s: %s column %s is out of range (the file has %zu column%s)", l->ds->source,
		     what, show_str(spec), l->ncols, l->ncols == 1 ? "" : "s");
		return -1;
	}
	if (!l->header) {
		fail(l, "%s: no %s column named '%s': the file has no header; give a 1-based index",
		     l->ds->source, what, show_str(spec));
		return -1;
	}
	{
		char list[300] = "";
		size_t used = 0;

		for (i = 0; i < l->ncols && used + 60 < sizeof list; i++)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
						 i ? ", " : "", show_str(l->names[i]));
		if (i < l->ncols)
			snprintf(list + used, sizeof list - used, ", ...");
		fail(l, "%s: no %s column named '%s' (columns: %s)", l->ds->source, what,
		     show_str(spec), list);
	}
	return -1;
}

static bool taken(const struct loader *l, size_t col)
{
	return l->want_n > col && l->want[col];
}

static void take(struct loader *l, size_t col)
{
	if (col < l->want_n)
		l->want[col] = true;
}

static int detect_label(struct loader *l, char *guess, size_t guesslen)
{
	struct col_profile p;
	size_t i, one_class = SIZE_MAX;

	if (l->header)
		for (i = 0; i < l->ncols; i++)
			if (!taken(l, i) && word_in(l->names[i], label_names)) {
				l->label_col = i;
				return 0;
			}
	for (i = 0; i < l->ncols; i++) {
		if (taken(l, i))
			continue;
		profile_column(l, i, &p);
		if (l->opt->positive != NULL && p.has_positive && !p.counting) {
			l->label_col = i;
			return 0;
		}
		if (p.values == 0 || !p.all_labelish || p.counting)
			continue;
		if (p.n_distinct == 2) {
			l->label_col = i;
			snprintf(guess, guesslen, " (values %s, %s)", show(p.distinct[0], p.distinct_len[0]),
				 show(p.distinct[1], p.distinct_len[1]));
			return 0;
		}
		if (p.n_distinct == 1 && one_class == SIZE_MAX)
			one_class = i;
	}
	if (one_class != SIZE_MAX) {
		l->label_col = one_class;
		return 0;
	}
	fail(l, "%s: cannot tell which column holds the labels; name it with --label", l->ds->source);
	return -1;
}

static int detect_score(struct loader *l)
{
	struct col_profile p;
	size_t i;

	if (l->header)
		for (i = 0; i < l->ncols; i++)
			if (!taken(l, i) && word_in(l->names[i], score_names)) {
				l->score_col[0] = i;
				return 0;
			}
	for (i = 0; i < l->ncols; i++) {
		if (taken(l, i) || (l->header && id_like_name(l->names[i])))
			continue;
		profile_column(l, i, &p);
		if (p.numbers > 0 && p.all_numeric && !p.counting) {
			l->score_col[0] = i;
			return 0;
		}
	}
	fail(l, "%s: cannot tell which column holds the scores; name it with --score", l->ds->source);
	return -1;
}

static bool is_number_field(const struct row *r, size_t col)
{
	const char *s;
	size_t len;
	double v;

	return row_get(r, col, &s, &len) && parse_number(s, len, &v) == PARSE_OK;
}

static bool detect_header(const struct loader *l)
{
	const struct row *r0 = &l->sample[0];
	size_t i;

	if (l->opt->header >= 0)
		return l->opt->header == 1;
	if (l->n_sample == 1) {
		for (i = 0; i < r0->count; i++)
			if (is_number_field(r0, i))
				return false;
		return true;
	}
	for (i = 0; i < r0->count && i < l->sample[1].count; i++)
		if (is_number_field(&l->sample[1], i) && !is_number_field(r0, i))
			return true;
	return false;
}

/* Decides header and columns from the sample, then replays the sample. */
static void setup(struct loader *l)
{
	const struct dataset_options *o = l->opt;
	struct dataset *ds = l->ds;
	char label_guess[400] = "";
	bool label_guessed = false, score_guessed = false;
	size_t i, nscores;

	l->sampling = false;
	if (l->n_sample == 0)
		return;
	l->header = detect_header(l);
	for (i = 0; i < l->n_sample; i++)
		if (l->sample[i].count > l->ncols)
			l->ncols = l->sample[i].count;
	if (l->header)
		l->ncols = l->sample[0].count;
	if ((l->names = calloc(l->ncols, sizeof *l->names)) == NULL ||
	    (l->want = calloc(l->ncols, sizeof *l->want)) == NULL)
		goto oom;
	l->want_n = l->ncols;
	for (i = 0; i < l->ncols; i++) {
		char tmp[32];
		const char *s = tmp;
		size_t len;

		if (l->header) {
			row_get(&l->sample[0], i, &s, &len);
			parse_trim(&s, &len);
		} else {
			len = (size_t)snprintf(tmp, sizeof tmp, "column %zu", i + 1);
		}
		if ((l->names[i] = dupn(s, len)) == NULL)
			goto oom;
	}

	/* explicitly named columns first, so detection does not take them */
	if (o->counts_pos != NULL) {
		if (resolve(l, o->counts_pos, "positive-count", &l->cpos_col) < 0 ||
		    resolve(l, o->counts_neg, "negative-count", &l->cneg_col) < 0)
			return;
		take(l, l->cpos_col);
		take(l, l->cneg_col);
	}
	if (o->weight != NULL) {
		if (resolve(l, o->weight, "weight", &l->weight_col) < 0)
			return;
		take(l, l->weight_col);
	}
	if (o->counts_pos == NULL && o->label != NULL) {
		if (resolve(l, o->label, "label", &l->label_col) < 0)
			return;
		take(l, l->label_col);
	}
	nscores = o->n_scores > 0 ? o->n_scores : 1;
	if ((l->score_col = calloc(nscores, sizeof *l->score_col)) == NULL ||
	    (ds->models = calloc(nscores, sizeof *ds->models)) == NULL)
		goto oom;
	for (i = 0; i < o->n_scores; i++) {
		if (resolve(l, o->scores[i], "score", &l->score_col[i]) < 0)
			return;
		if (taken(l, l->score_col[i])) {
			fail(l, "%s: column '%s' cannot be a score and another role at once", ds->source,
			     show_str(l->names[l->score_col[i]]));
			return;
		}
		take(l, l->score_col[i]);
	}
	if (o->counts_pos == NULL && o->label == NULL) {
		if (detect_label(l, label_guess, sizeof label_guess) < 0)
			return;
		label_guessed = true;
		take(l, l->label_col);
	}
	if (o->n_scores == 0) {
		if (detect_score(l) < 0)
			return;
		score_guessed = true;
		take(l, l->score_col[0]);
	}
	for (i = 0; i < l->want_n; i++)
		if (l->want[i])
			l->need = i + 1;
	ds->n_models = nscores;
	if (o->stream || o->bins > 0)
		ds->streamed = true;
	for (i = 0; i < nscores; i++) {
		ds->models[i].min = 1.0 / 0.0;
		ds->models[i].max = -1.0 / 0.0;
		if ((ds->models[i].name = dupn(l->names[l->score_col[i]], strlen(l->names[l->score_col[i]]))) == NULL)
			goto oom;
	}
	if (o->counts_pos == NULL &&
	    (ds->label_name = dupn(l->names[l->label_col], strlen(l->names[l->label_col]))) == NULL)
		goto oom;
	if (ds->streamed && switch_to_folding(l) < 0)
		goto oom;

	if (label_guessed && score_guessed)
		add_note(ds, "%s: guessed label column '%s'%s and score column '%s'; choose with --label and --score",
			 ds->source, show_str(ds->label_name), label_guess, show_str(ds->models[0].name));
	else if (label_guessed)
		add_note(ds, "%s: guessed label column '%s'%s; choose with --label", ds->source,
			 show_str(ds->label_name), label_guess);
	else if (score_guessed)
		add_note(ds, "%s: guessed score column '%s'; choose with --score", ds->source,
			 show_str(ds->models[0].name));

	for (i = first_data(l); i < l->n_sample && !l->failed; i++)
		process_row(l, &l->sample[i]);
	return;
oom:
	fail(l, "out of memory");
}

static void free_sample(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->n_sample; i++) {
		free(l->sample[i].buf);
		free(l->sample[i].f);
	}
	free(l->sample);
	l->sample = NULL;
	l->n_sample = l->cap_sample = 0;
}

/* Keeps a whole record for the detection; returns -1 on no memory. */
static int keep_sample(struct loader *l)
{
	struct row *dst;

	if (l->n_sample == l->cap_sample) {
		size_t cap = l->cap_sample ? l->cap_sample * 2 : 64;
		struct row *s = realloc(l->sample, cap * sizeof *s);

		if (s == NULL)
			return -1;
		l->sample = s;
		l->cap_sample = cap;
	}
	dst = &l->sample[l->n_sample];
	*dst = l->row;
	dst->cap = l->row.used ? l->row.used : 1;
	dst->cap_f = l->row.count ? l->row.count : 1;
	dst->buf = malloc(dst->cap);
	dst->f = malloc(dst->cap_f * sizeof *dst->f);
	if (dst->buf == NULL || dst->f == NULL) {
		free(dst->buf);
		free(dst->f);
		return -1;
	}
	memcpy(dst->buf, l->row.buf, l->row.used);
	memcpy(dst->f, l->row.f, l->row.count * sizeof *dst->f);
	l->n_sample++;
	l->sample_bytes += l->row.used + l->row.count * sizeof *dst->f;
	return 0;
}

/* ---- libcsv callbacks ---------------------------------------------------- */

static void on_field(void *data, size_t len, void *ctx)
{
	struct loader *l = ctx;
	const char *s = data;
	size_t col = l->row.count;

	if (l->failed)
		return;
	if (col == 0)
		l->row.line = l->line;
	l->last_cr = false;
	if (len > 0) {
		size_t i;

		l->row.nonempty = true;
		/* line breaks inside a quoted field: LF, CRLF or a lone CR (one
		 * comparison a byte: fields are short) */
		for (i = 0; i < len; i++)
			if ((unsigned char)s[i] <= '\r' &&
			    (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))))
				l->line++;
	}
	l->row.count++;
	if ((l->sampling || (col < l->want_n && l->want[col])) && row_store(&l->row, col, s, len) < 0)
		fail(l, "out of memory");
}

static void on_record(int c, void *ctx)
{
	struct loader *l = ctx;

	if (c == '\n') {
		if (!l->last_cr)
			l->line++;
		l->last_cr = false;
	} else if (c == '\r') {
		l->line++;
		l->last_cr = true;
	}
	if (l->failed || l->row.count == 0)
		return;
	if (l->row.count == 1 && !l->row.nonempty) {
		row_reset(&l->row); /* a blank line */
		return;
	}
	l->records++;
	if (c == -1 && l->unterminated) {
		if (l->sampling) {
			setup(l);
			free_sample(l);
		}
		if (!l->failed)
			skip_row(l, l->row.line, "unterminated quoted field at end of file");
	} else if (l->sampling) {
		if (keep_sample(l) < 0)
			fail(l, "out of memory");
		else if (l->n_sample >= SAMPLE_ROWS || l->sample_bytes >= SAMPLE_BYTES) {
			setup(l);
			free_sample(l);
		}
	} else {
		process_row(l, &l->row);
	}
	row_reset(&l->row);
}

/* ---- reading --------------------------------------------------------------- */

static int only_space(unsigned char c)
{
	return c == ' ';
}

/* Picks the delimiter that splits the first lines into the same number of
 * fields (more than one), preferring more fields; quotes are respected. */
static char sniff_delimiter(const char *buf, size_t len, bool at_eof)
{
	static const char cand[] = { ',', '\t', ';', '|' };
	size_t counts[20][4];
	size_t lines = 0, i, k;
	bool quoted = false;
	int best = -1;

	memset(counts, 0, sizeof counts);
	for (i = 0; i < len && lines < 20; i++) {
		char c = buf[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || (c == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))))
			lines++;
		else if (!quoted)
			for (k = 0; k < 4; k++)
				if (c == cand[k])
					counts[lines][k]++;
	}
	if (lines < 20 && at_eof && i == len && len > 0 && buf[len - 1] != '\n' && buf[len - 1] != '\r')
		lines++; /* the last line has no terminator */
	if (lines == 0)
		lines = 1;
	for (k = 0; k < 4; k++) {
		bool same = counts[0][k] > 0;

		for (i = 1; i < lines && same; i++)
			same = counts[i][k] == counts[0][k];
		if (same && (best < 0 || counts[0][k] > counts[0][best]))
			best = (int)k;
	}
	if (best < 0)
		for (k = 0; k < 4; k++)
			if (counts[0][k] > 0 && (best < 0 || counts[0][k] > counts[0][best]))
				best = (int)k;
	return best < 0 ? ',' : cand[best];
}

/* Reads until want bytes or the end: from offset at with pread, or from
 * the stream's position when at < 0 (pipes).  Returns the bytes read or -1. */
static ssize_t read_full(int fd, char *buf, size_t want, off_t at)
{
	size_t got = 0;

	while (got < want) {
		ssize_t n = at < 0 ? read(fd, buf + got, want - got) : pread(fd, buf + got, want - got, at + (off_t)got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static void finish_labels(struct loader *l)
{
	struct dataset *ds = l->ds;
	char list[400] = "";
	size_t used = 0, i;

	/* no columns decided (no usable record at all): the caller says so */
	if (l->failed || ds->n_models == 0)
		return;
	if (l->label_bad) {
		for (i = 0; i < l->n_distinct && i < MAX_DISTINCT_LABELS; i++)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
						 show_str(l->distinct[i]));
		if (l->n_distinct > MAX_DISTINCT_LABELS)
			snprintf(list + used, sizeof list - used, ", ...");
		fail(l, "%s: labels in column '%s' are not 0/1, true/false or yes/no; say which value is positive with --positive (values: %s)",
		     ds->source, show_str(ds->label_name), list);
		return;
	}
	if (l->opt->counts_pos != NULL) {
		ds->positive_name = dupn("positive", 8);
		ds->negative_name = dupn("negative", 8);
	} else if (l->opt->positive != NULL) {
		ds->positive_name = dupn(l->opt->positive, strlen(l->opt->positive));
		if (l->neg_multi || ds->negative_name == NULL) {
			free(ds->negative_name);
			ds->negative_name = dupn("other", 5);
		}
		if (!l->seen_positive)
			add_note(ds, "%s: no row has the positive label '%s' in column '%s'", ds->source,
				 show_str(l->opt->positive), show_str(ds->label_name));
	} else {
		if (ds->positive_name == NULL)
			ds->positive_name = dupn("1", 1);
		if (ds->negative_name == NULL)
			ds->negative_name = dupn("0", 1);
	}
	if (ds->positive_name == NULL || ds->negative_name == NULL)
		fail(l, "out of memory");
}

static void free_loader(struct loader *l)
{
	size_t i;

	free_sample(l);
	free(l->row.buf);
	free(l->row.f);
	if (l->names != NULL)
		for (i = 0; i < l->ncols; i++)
			free(l->names[i]);
	free(l->names);
	free(l->want);
	free(l->score_col);
	for (i = 0; i < l->n_distinct; i++)
		free(l->distinct[i]);
}

static struct csv_parser *new_parser(struct csv_parser *p, char delim)
{
	if (csv_init(p, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
		return NULL;
	csv_set_delim(p, (unsigned char)delim);
	/* a long field grows the buffer by this much at a time (libcsv's 128
	 * bytes make a 50 MB field quadratic where realloc copies) */
	csv_set_blk_size(p, (size_t)1 << 20);
	/* libcsv's own test (space or tab) is inline; a function is only
	 * needed when tab is the delimiter */
	if (delim == '\t')
		csv_set_space_func(p, only_space);
	return p;
}

/* Parses [at, end) (end < 0: to the end of the input) with p, starting
 * with the len bytes already in buf.  Calls started() once setup is done
 * (for the second thread).  Returns at the end or on failure. */
static void parse_from(struct loader *l, int fd, bool seekable, struct csv_parser *p, char *buf, size_t off,
		       size_t len, off_t at, off_t end, void (*started)(void *), void *arg)
{
	bool eof = false;

	for (;;) {
		if (csv_parse(p, buf + off, len - off, on_field, on_record, l) != len - off) {
			fail(l, "%s:%llu: %s", l->ds->source, (unsigned long long)l->line, csv_strerror(csv_error(p)));
			return;
		}
		at += (off_t)len;
		if (l->opt->progress != NULL && l->progress_total >= 0)
			l->opt->progress(l->opt->progress_arg, (double)at * l->progress_scale,
					 (double)l->progress_total * l->progress_scale);
		if (started != NULL && !l->sampling) {
			started(arg);
			started = NULL;
		}
		if (l->failed || eof || (end >= 0 && at >= end))
			return;
		off = 0;
		{
			size_t want = CHUNK;
			ssize_t n;

			if (end >= 0 && (off_t)want > end - at)
				want = (size_t)(end - at);
			n = read_full(fd, buf, want, seekable ? at : -1);
			if (n < 0) {
				fail(l, "%s: %s", l->ds->source, strerror(errno));
				return;
			}
			len = (size_t)n;
			eof = n == 0;
		}
	}
}

/* The second half of a large file, parsed by a thread of its own: its own
 * parser, row buffer, arrays, counters and notes; the columns, decided by
 * the first thread, are shared read-only. */
struct worker {
	pthread_t thread;
	bool running;               /* a thread; else parse it in this one */
	struct loader l;
	struct dataset ds;
	int fd;
	off_t start, end;
	char delim;
	char err[1024];
};

/* Line breaks (LF, CRLF, lone CR) in [0, end): the line the half starts on. */
static uint64_t count_breaks(int fd, char *buf, off_t end)
{
	uint64_t lines = 0;
	off_t at = 0;
	char prev = 0;

	while (at < end) {
		size_t want = end - at < (off_t)CHUNK ? (size_t)(end - at) : CHUNK, i;
		ssize_t n = read_full(fd, buf, want, at);

		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n; i++) {
			if (buf[i] == '\n' && prev != '\r')
				lines++;
			else if (buf[i] == '\r')
				lines++;
			prev = buf[i];
		}
		at += n;
	}
	return lines;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct csv_parser p;
	char *buf = malloc(CHUNK);

	if (buf == NULL || new_parser(&p, w->delim) == NULL) {
		fail(&w->l, "out of memory");
		free(buf);
		return NULL;
	}
	w->l.line = 1 + count_breaks(w->fd, buf, w->start);
	parse_from(&w->l, w->fd, true, &p, buf, 0, 0, w->start, w->end, NULL, NULL);
	if (!w->l.failed)
		csv_fini(&p, on_field, on_record, &w->l);
	csv_free(&p);
	free(buf);
	return NULL;
}

struct worker_start {
	struct loader *l;
	struct worker *w;
};

/* Called by the first thread once the columns are decided. */
static void start_worker_after_setup(void *arg)
{
	struct worker_start *ws = arg;
	struct loader *l = ws->l;
	struct worker *w = ws->w;
	struct dataset *wd = &w->ds;
	size_t i;

	if (l->failed || w->l.opt != NULL)
		return; /* failed, or already started */
	/* the first thread's decisions (columns, names) shared; all the rest
	 * of the state the worker's own */
	w->l = *l;
	w->l.ds = wd;
	w->l.err = w->err;
	w->l.errlen = sizeof w->err;
	w->l.failed = false;
	w->l.last_cr = false;
	w->l.unterminated = false;
	memset(&w->l.row, 0, sizeof w->l.row);
	w->l.sample = NULL;
	w->l.n_sample = w->l.cap_sample = w->l.sample_bytes = 0;
	w->l.sampling = false;
	w->l.records = 0;
	w->l.label_bad = false;
	memset(w->l.distinct, 0, sizeof w->l.distinct);
	w->l.n_distinct = 0;
	w->l.neg_multi = false;
	w->l.seen_positive = false;
	w->l.skip_notes = 0;
	w->l.progress_total = -1; /* the first thread tells */
	wd->n_models = l->ds->n_models;
	wd->models = calloc(wd->n_models ? wd->n_models : 1, sizeof *wd->models);
	if (wd->models == NULL) {
		fail(l, "out of memory");
		return;
	}
	for (i = 0; i < wd->n_models; i++) {
		wd->models[i].min = 1.0 / 0.0;
		wd->models[i].max = -1.0 / 0.0;
	}
	w->running = pthread_create(&w->thread, NULL, worker_main, w) == 0;
}

/* Where the second half starts: after the first LF past the middle; 0 when
 * the file should be read by one thread (small, or with quotes, which may
 * hide line breaks inside fields). */
static off_t split_point(int fd, off_t size, char *buf)
{
	off_t at = 0, mid = size / 2;

	if (size < THREAD_MIN_BYTES)
		return 0;
	while (at < size) {
		ssize_t n = read_full(fd, buf, CHUNK, at);

		if (n <= 0 || memchr(buf, '"', (size_t)n) != NULL)
			return 0;
		at += n;
	}
	while (mid < size) {
		ssize_t n = read_full(fd, buf, CHUNK, mid);
		char *nl;

		if (n <= 0)
			return 0;
		if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
			return mid + (nl - buf) + 1 < size ? mid + (nl - buf) + 1 : 0;
		mid += n;
	}
	return 0;
}

static int grow_to(double **a, size_t n)
{
	double *na = realloc(*a, (n ? n : 1) * sizeof *na);

	if (na == NULL)
		return -1;
	*a = na;
	return 0;
}

/* Appends the worker's rows, counts, notes and labels to the first half's. */
static void merge_worker(struct loader *l, struct worker *w)
{
	struct dataset *ds = l->ds, *wd = &w->ds;
	size_t i;

	if (w->l.opt == NULL)
		return; /* never started */
	if (!l->failed && w->l.failed) {
		l->failed = true;
		snprintf(l->err, l->errlen, "%s", w->err);
	}
	ds->rows += wd->rows;
	ds->skipped += wd->skipped;
	l->records += w->l.records;
	for (i = 0; i < wd->n_notes; i++) {
		if (l->skip_notes < DATASET_SKIP_NOTES && add_note(ds, "%s", wd->notes[i]) == 0)
			l->skip_notes++;
		free(wd->notes[i]);
	}
	free(wd->notes);
	/* labels */
	l->label_bad |= w->l.label_bad;
	l->seen_positive |= w->l.seen_positive;
	l->neg_multi |= w->l.neg_multi;
	for (i = 0; i < w->l.n_distinct; i++) {
		remember_label(l, w->l.distinct[i], strlen(w->l.distinct[i]));
		free(w->l.distinct[i]);
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

		if (!l->failed &&
		    (grow_to(&m->pos, m->n_pos + o->n_pos) < 0 || grow_to(&m->neg, m->n_neg + o->n_neg) < 0 ||
		     (ds->weighted && (grow_to(&m->pos_w, m->n_pos + o->n_pos) < 0 ||
				       grow_to(&m->neg_w, m->n_neg + o->n_neg) < 0)))) {
			fail(l, "out of memory after %llu rows", (unsigned long long)ds->rows);
		} else if (!l->failed) {
			/* a half may have no rows of a class (or none at all, when
			 * the file shrank while read): no copy from NULL */
			if (o->n_pos > 0) {
				memcpy(m->pos + m->n_pos, o->pos, o->n_pos * sizeof *o->pos);
				if (ds->weighted)
					memcpy(m->pos_w + m->n_pos, o->pos_w, o->n_pos * sizeof *o->pos_w);
			}
			if (o->n_neg > 0) {
				memcpy(m->neg + m->n_neg, o->neg, o->n_neg * sizeof *o->neg);
				if (ds->weighted)
					memcpy(m->neg_w + m->n_neg, o->neg_w, o->n_neg * sizeof *o->neg_w);
			}
			m->n_pos += o->n_pos;
			m->n_neg += o->n_neg;
			m->cap_pos = m->n_pos;
			m->cap_neg = m->n_neg;
			if (o->min < m->min)
				m->min = o->min;
			if (o->max > m->max)
				m->max = o->max;
		}
		dataset_release_model(o);
	}
	free(wd->models);
	free(w->l.row.buf);
	free(w->l.row.f);
}

static void read_all(struct loader *l, int fd, bool seekable, off_t size)
{
	const struct dataset_options *o = l->opt;
	struct csv_parser p;
	struct worker w;
	char *buf;
	ssize_t n;
	size_t off = 0;
	off_t split = 0;

	memset(&w, 0, sizeof w);
	if ((buf = malloc(CHUNK)) == NULL) {
		fail(l, "out of memory");
		return;
	}
	/* two threads would need two folds: one thread when streaming */
	if (seekable && !o->one_thread && !o->stream && o->bins == 0 && l->array_limit == 0)
		split = split_point(fd, size, buf);
	n = read_full(fd, buf, SNIFF_BYTES, seekable ? 0 : -1);
	if (n < 0) {
		fail(l, "%s: %s", l->ds->source, strerror(errno));
		free(buf);
		return;
	}
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	w.delim = o->delimiter ? o->delimiter : sniff_delimiter(buf + off, (size_t)n - off, (size_t)n < SNIFF_BYTES);
	if (new_parser(&p, w.delim) == NULL) {
		fail(l, "out of memory");
		free(buf);
		return;
	}
	/* the first thread's share stands for the whole: both halves go at
	 * the same pace */
	l->progress_total = split > 0 ? split : seekable ? size : 0;
	l->progress_scale = split > 0 ? (double)size / (double)split : 1;
	if (split > 0) {
		/* the worker is started once the columns are known */
		w.fd = fd;
		w.start = split;
		w.end = -1;
		w.ds.source = l->ds->source;
		w.ds.weighted = l->ds->weighted;
		w.l.ds = &w.ds;
	}
	parse_from(l, fd, seekable, &p, buf, off, (size_t)n, 0, split > 0 ? split : -1,
		   split > 0 ? start_worker_after_setup : NULL, &(struct worker_start){ l, &w });
	if (!l->failed) {
		l->unterminated = p.pstate == 2 && p.quoted; /* libcsv's FIELD_BEGUN */
		csv_fini(&p, on_field, on_record, l);
	}
	csv_free(&p);
	free(buf);
	if (!l->failed && l->sampling)
		setup(l);
	if (split > 0 && !l->failed) {
		/* setup may have come only now (very long lines) */
		start_worker_after_setup(&(struct worker_start){ l, &w });
		if (w.running)
			pthread_join(w.thread, NULL);
		else if (w.l.opt != NULL && w.ds.models != NULL)
			worker_main(&w); /* no thread to be had: read it here */
		merge_worker(l, &w);
	} else if (split > 0 && w.l.opt != NULL) {
		if (w.running)
			pthread_join(w.thread, NULL);
		merge_worker(l, &w);
	}
}

int dataset_load(const struct dataset_options *opt, struct dataset **out, char *err, size_t errlen)
{
	struct loader l;
	struct dataset *ds;
	struct dataset_options forced;
	struct stat st = { 0 };
	bool from_stdin = opt->path == NULL || strcmp(opt->path, "-") == 0;
	int fd = 0;

	*out = NULL;
	if ((ds = calloc(1, sizeof *ds)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(&l, 0, sizeof l);
	l.opt = opt;
	l.ds = ds;
	l.err = err;
	l.errlen = errlen;
	l.line = 1;
	l.sampling = true;
	ds->weighted = opt->weight != NULL || opt->counts_pos != NULL;
	ds->source = from_stdin ? dupn("<stdin>", 7) : dupn(show_str(opt->path), strlen(show_str(opt->path)));
	if (ds->source == NULL) {
		fail(&l, "out of memory");
		goto done;
	}
	if (!from_stdin && (fd = open(opt->path, O_RDONLY | O_CLOEXEC)) < 0) {
		fail(&l, "%s: %s", ds->source, strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		fail(&l, "%s: is a directory", ds->source);
		goto done;
	}
	{
		/* fold when the row arrays (and their sort) would take more than
		 * half the memory: decided up front for files, on the way for
		 * streams */
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		double mem = pages > 0 && page > 0 ? (double)pages * (double)page : 8e9;

		if (S_ISREG(st.st_mode) && 2.0 * (double)st.st_size > mem / 2)
			l.ds->streamed = true, l.array_limit = 0;
		else if (!S_ISREG(st.st_mode))
			l.array_limit = (size_t)(mem / 4);
	}
	if (l.ds->streamed) {
		/* as if asked: setup folds from the first row */
		forced = *opt;
		forced.stream = true;
		l.opt = &forced;
	}
	read_all(&l, fd, S_ISREG(st.st_mode), st.st_size);
	for (size_t i = 0; !l.failed && i < ds->n_models; i++)
		if (ds->models[i].fold != NULL && fold_finish(ds->models[i].fold) < 0)
			fail(&l, "out of memory");
	finish_labels(&l);
	if (!l.failed && l.records == 0)
		fail(&l, "%s: no data", ds->source);
	else if (!l.failed && l.records == 1 && l.header)
		fail(&l, "%s: no data rows after the header", ds->source);
	else if (!l.failed && ds->rows == 0) {
		/* one line says it all: the count and the first reason */
		const char *why = NULL, *note = NULL;

		for (size_t i = 0; i < ds->n_notes && why == NULL; i++)
			why = strstr(note = ds->notes[i], ": skipped: ");
		if (why != NULL) {
			const char *line = why;

			/* "SOURCE:LINE: skipped: why": back to LINE's first digit */
			while (line > note && line[-1] != ':')
				line--;
			fail(&l, "%s: no usable rows (%llu skipped; the first, line %.*s: %s)", ds->source,
			     (unsigned long long)ds->skipped, (int)(why - line), line, why + 11);
		} else {
			fail(&l, "%s: no usable rows (%llu skipped)", ds->source, (unsigned long long)ds->skipped);
		}
	}
	if (!l.failed && ds->skipped > 0)
		add_note(ds, "%s: %llu row%s skipped%s", ds->source, (unsigned long long)ds->skipped,
			 ds->skipped == 1 ? "" : "s",
			 ds->skipped > DATASET_SKIP_NOTES ? " (the first ones are named above)" : "");
done:
	if (!from_stdin && fd >= 0)
		close(fd);
	free_loader(&l);
	if (l.failed) {
		dataset_free(ds);
		return -1;
	}
	*out = ds;
	return 0;
}

void dataset_release_model(struct model *m)
{
	if (m->fold != NULL) {
		fold_free(m->fold);
		free(m->fold);
		m->fold = NULL;
	}
	free(m->pos);
	free(m->neg);
	free(m->pos_w);
	free(m->neg_w);
	m->pos = m->neg = m->pos_w = m->neg_w = NULL;
	m->cap_pos = m->cap_neg = 0;
}

void dataset_free(struct dataset *ds)
{
	size_t i;

	if (ds == NULL)
		return;
	for (i = 0; i < ds->n_models; i++) {
		dataset_release_model(&ds->models[i]);
		free(ds->models[i].name);
	}
	free(ds->models);
	for (i = 0; i < ds->n_notes; i++)
		free(ds->notes[i]);
	free(ds->notes);
	free(ds->source);
	free(ds->label_name);
	free(ds->positive_name);
	free(ds->negative_name);
	free(ds);
}
