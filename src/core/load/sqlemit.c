/*
 * sqlemit: cutoff's aggregation as one SQL statement for an engine.
 *
 * The statement reads the rows once: an inner SELECT types each row (the
 * score and weight as doubles, the label as 1, 0 or NULL by the loader's
 * rules), a middle one marks the usable rows, and the outer one groups:
 * usable rows by (group, score) into weighted positives and negatives,
 * the others into one row per group with no score whose positives are how
 * many rows were skipped (rows, not weights), which --counts reads as
 * skipped rows.  Scores leave the engine as text that reads back as the
 * same double: the engine's shortest exact form where it has one, else 17
 * significant digits (docs/guide.md, "Scores in a warehouse").
 */
#include "core/load/sqlemit.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dialect {
	const char *name;
	char iq;              /* identifier quote: " or ` */
	bool id_backslash;    /* backslash escapes inside a quoted identifier */
	bool str_backslash;   /* backslash escapes inside '...' */
	bool dq_string;       /* "..." is a string, not an identifier */
	const char *dbl;      /* the double type */
	const char *txt;      /* the text type */
	const char *out_pre, *out_post; /* around the score: text that round-trips */
};

static const struct dialect dialects[SQL_DIALECTS] = {
	/* float8's output is the shortest exact form since PostgreSQL 12
	 * (and with extra_float_digits = 3 before, and on Redshift) */
	[SQL_POSTGRES] = { "postgres", '"', false, false, false, "DOUBLE PRECISION", "TEXT", "", "" },
	[SQL_BIGQUERY] = { "bigquery", '`', true, true, true, "FLOAT64", "STRING", "FORMAT('%.17g', ", ")" },
	[SQL_SNOWFLAKE] = { "snowflake", '"', false, true, false, "DOUBLE", "VARCHAR", "TO_CHAR(", ", 'TME')" },
	/* Java's Double.toString: the digits that tell the double apart */
	[SQL_SPARK] = { "spark", '`', false, true, true, "DOUBLE", "STRING", "CAST(", " AS STRING)" },
	[SQL_DUCKDB] = { "duckdb", '"', false, false, false, "DOUBLE", "VARCHAR", "CAST(", " AS VARCHAR)" },
	[SQL_TRINO] = { "trino", '"', false, false, false, "DOUBLE", "VARCHAR", "CAST(", " AS VARCHAR)" },
	[SQL_SQLITE] = { "sqlite", '"', false, false, false, "REAL", "TEXT", "printf('%!.17g', ", ")" },
};

/* The loader's label vocabulary (parse_label) and missing tokens
 * (parse_is_missing), lower case as LOWER(TRIM(...)) gives them. */
static const char POS_WORDS[] = "'1', '1.0', 'true', 't', 'yes', 'y', 'pos', 'positive', '+1'";
static const char NEG_WORDS[] = "'0', '0.0', 'false', 'f', 'no', 'n', 'neg', 'negative', '-1'";
static const char MISSING_WORDS[] = "'', 'na', 'n/a', 'nan', 'null'";
static const char DBL_MAX_TEXT[] = "1.7976931348623157e308";

struct sqlbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void put(struct sqlbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct sqlbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (b->s == NULL || b->len + (size_t)n >= b->cap) {
		size_t cap = (b->cap + (size_t)n + 1) * 2;
		char *s = realloc(b->s, cap);

		if (s == NULL) {
			b->oom = true;
			return;
		}
		b->s = s, b->cap = cap;
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

static void put_char(struct sqlbuf *b, char c)
{
	put(b, "%c", c);
}

/* A quoted identifier: the quote doubled, or (BigQuery) backslash-escaped
 * with the line breaks written as escapes. */
static void put_ident(struct sqlbuf *b, const struct dialect *d, const char *name)
{
	put_char(b, d->iq);
	for (const char *p = name; *p; p++) {
		if (d->id_backslash && (*p == '\\' || *p == d->iq))
			put(b, "\\%c", *p);
		else if (d->id_backslash && (*p == '\n' || *p == '\r'))
			put(b, "\\%c", *p == '\n' ? 'n' : 'r');
		else if (*p == d->iq)
			put(b, "%c%c", *p, *p);
		else
			put_char(b, *p);
	}
	put_char(b, d->iq);
}

/* A string literal: '' doubled; where backslashes escape (BigQuery,
 * Spark, Snowflake), \' instead (Spark would join 'a''b' into 'ab'), and
 * the backslash and line breaks escaped too. */
static void put_literal(struct sqlbuf *b, const struct dialect *d, const char *s)
{
	/* PostgreSQL reads a backslash in '...' as an escape where
	 * standard_conforming_strings is off: E'...' is read one way everywhere */
	bool e_string = d == &dialects[SQL_POSTGRES] && strchr(s, '\\') != NULL;

	put(b, "%s'", e_string ? "E" : "");
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			put(b, d->str_backslash ? "\\'" : "''");
		else if ((d->str_backslash || e_string) && *p == '\\')
			put(b, "\\\\");
		else if (d->str_backslash && (*p == '\n' || *p == '\r'))
			put(b, "\\%c", *p == '\n' ? 'n' : 'r');
		else
			put_char(b, *p);
	}
	put_char(b, '\'');
}

int sqlemit_dialect(const char *s)
{
	for (int i = 0; i < SQL_DIALECTS; i++)
		if (strcmp(s, dialects[i].name) == 0)
			return i;
	return -1;
}

const char *sqlemit_dialect_list(void)
{
	return "postgres, bigquery, snowflake, spark, duckdb, trino, sqlite";
}

static bool name_taken(const struct sqlemit_query *q, const char *name)
{
	for (size_t i = 0; i < q->n_scores; i++)
		if (strcmp(q->scores[i], name) == 0)
			return true;
	return q->group != NULL && strcmp(q->group, name) == 0;
}

void sqlemit_count_names(struct sqlemit_query *q, char *pos, char *neg, size_t cap)
{
	snprintf(pos, cap, "positives");
	snprintf(neg, cap, "negatives");
	while (name_taken(q, pos) && strlen(pos) + 2 < cap)
		strcat(pos, "_");
	while (name_taken(q, neg) && strlen(neg) + 2 < cap)
		strcat(neg, "_");
	q->count_names[0] = pos, q->count_names[1] = neg;
}

/* A typed number: a double, or (SQLite, which casts any text to 0) NULL
 * unless stored as a number. */
static void put_number(struct sqlbuf *b, const struct dialect *d, const char *col)
{
	if (d == &dialects[SQL_SQLITE]) {
		put(b, "CASE WHEN typeof(");
		put_ident(b, d, col);
		put(b, ") IN ('integer', 'real') THEN CAST(");
		put_ident(b, d, col);
		put(b, " AS REAL) END");
		return;
	}
	put(b, "CAST(");
	put_ident(b, d, col);
	put(b, " AS %s)", d->dbl);
}

/* The label's text as the loader compares it: trimmed, lower case for
 * the vocabulary. */
static void put_label_text(struct sqlbuf *b, const struct dialect *d, const char *label, bool lower)
{
	put(b, "%sTRIM(CAST(", lower ? "LOWER(" : "");
	put_ident(b, d, label);
	put(b, " AS %s))%s", d->txt, lower ? ")" : "");
}

/* 1 for a positive row, 0 for a negative one, NULL for a row the loader
 * skips (no label, or a word outside the vocabulary). */
static void put_class(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	put(b, "CASE WHEN ");
	put_ident(b, d, q->label);
	put(b, " IS NULL OR ");
	put_label_text(b, d, q->label, true);
	put(b, " IN (%s) THEN NULL", MISSING_WORDS);
	if (q->positive != NULL) {
		put(b, " WHEN ");
		put_label_text(b, d, q->label, false);
		put(b, " = ");
		put_literal(b, d, q->positive);
		put(b, " THEN 1 ELSE 0 END");
		return;
	}
	put(b, " WHEN ");
	put_label_text(b, d, q->label, true);
	put(b, " IN (%s) THEN 1 WHEN ", POS_WORDS);
	put_label_text(b, d, q->label, true);
	put(b, " IN (%s) THEN 0 END", NEG_WORDS);
}

/* Whether s starts with the word kw (any case), then a blank or "(". */
static bool starts_word(const char *s, const char *kw)
{
	size_t n = strlen(kw);

	for (size_t i = 0; i < n; i++)
		if (s[i] == '\0' || (s[i] | 0x20) != kw[i])
			return false;
	return s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r' || s[n] == '(';
}

/* Whether --from is a query (SELECT or WITH first) rather than a table. */
static bool is_query(const char *from)
{
	from += strspn(from, " \t\r\n");
	return starts_word(from, "select") || starts_word(from, "with");
}

/* --from as a FROM item: a query in parentheses, a table as it is. */
static void put_from(struct sqlbuf *b, const struct sqlemit_query *q)
{
	bool wrap = q->from[0] != '(' && is_query(q->from);

	put(b, "%s%s%s AS cutoff_src", wrap ? "(" : "", q->from, wrap ? ")" : "");
}

/* The inner SELECT: each row typed, named cutoff_s0.., cutoff_y, cutoff_w,
 * cutoff_g. */
static void put_typed(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	put(b, "SELECT ");
	for (size_t i = 0; i < q->n_scores; i++) {
		put_number(b, d, q->scores[i]);
		put(b, " AS cutoff_s%zu,\n          ", i);
	}
	put_class(b, q, d);
	put(b, " AS cutoff_y,\n          ");
	if (q->weight != NULL)
		put_number(b, d, q->weight);
	else
		put(b, "1");
	put(b, " AS cutoff_w");
	if (q->group != NULL) {
		put(b, ", ");
		put_ident(b, d, q->group);
		put(b, " AS cutoff_g");
	}
	put(b, "\n          FROM ");
	put_from(b, q);
}

/* Whether the typed row is usable: a label, finite scores, a finite
 * weight not below 0 (BETWEEN is false for NULL, NaN and infinities). */
static void put_ok(struct sqlbuf *b, const struct sqlemit_query *q)
{
	put(b, "cutoff_y IS NOT NULL");
	for (size_t i = 0; i < q->n_scores; i++)
		put(b, " AND cutoff_s%zu BETWEEN -%s AND %s", i, DBL_MAX_TEXT, DBL_MAX_TEXT);
	put(b, " AND cutoff_w BETWEEN 0 AND %s", DBL_MAX_TEXT);
}

/* The middle SELECTs: which rows are usable (cutoff_ok), then their
 * scores and group, NULL on the others (which fall into one row a group). */
static void put_kept(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	put(b, "SELECT ");
	for (size_t i = 0; i < q->n_scores; i++)
		put(b, "CASE WHEN cutoff_ok = 1 THEN cutoff_s%zu END AS cutoff_s%zu, ", i, i);
	if (q->group != NULL)
		put(b, "CASE WHEN cutoff_ok = 1 THEN cutoff_g END AS cutoff_g, ");
	put(b, "cutoff_ok, cutoff_y, cutoff_w\n  FROM (SELECT cutoff_typed.*, CASE WHEN ");
	put_ok(b, q);
	put(b, " THEN 1 ELSE 0 END AS cutoff_ok\n    FROM (");
	put_typed(b, q, d);
	put(b, ") AS cutoff_typed) AS cutoff_checked");
}

static void put_score_out(struct sqlbuf *b, const struct dialect *d, const char *expr)
{
	put(b, "CASE WHEN cutoff_ok = 1 THEN %s%s%s END", d->out_pre, expr, d->out_post);
}

/* Positives and negatives of a usable group; how many rows of the others. */
static void put_counts(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	put(b, "CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 1 THEN cutoff_w ELSE 0 END) ELSE COUNT(*) END AS ");
	put_ident(b, d, q->count_names[0]);
	put(b, ",\n       CASE WHEN cutoff_ok = 1 THEN SUM(CASE WHEN cutoff_y = 0 THEN cutoff_w ELSE 0 END) ELSE 0 END AS ");
	put_ident(b, d, q->count_names[1]);
	if (q->weight != NULL)
		put(b, ", 1 AS cutoff_weighted");
}

static void put_group_col(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	if (q->group == NULL)
		return;
	put(b, "cutoff_g AS ");
	put_ident(b, d, q->group);
	put(b, ", ");
}

/* Each distinct label (a few, read first: DISTINCT on the column's own
 * type is cheap), its text and its class. */
static void put_labels(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	put(b, "SELECT ");
	put_class(b, q, d);
	put(b, " AS cutoff_y, ");
	put_label_text(b, d, q->label, false);
	put(b, " AS cutoff_l\nFROM (SELECT DISTINCT ");
	put_ident(b, d, q->label);
	put(b, " FROM ");
	put_from(b, q);
	put(b, ") AS cutoff_labels");
}

/* One row per distinct (group, scores). */
static void put_exact(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	char col[32];

	put(b, "SELECT ");
	put_group_col(b, q, d);
	for (size_t i = 0; i < q->n_scores; i++) {
		snprintf(col, sizeof col, "cutoff_s%zu", i);
		put_score_out(b, d, col);
		put(b, " AS ");
		put_ident(b, d, q->scores[i]);
		put(b, ", ");
	}
	put_counts(b, q, d);
	put(b, "\nFROM (");
	put_kept(b, q, d);
	put(b, ") AS cutoff_kept\nGROUP BY cutoff_ok%s", q->group != NULL ? ", cutoff_g" : "");
	for (size_t i = 0; i < q->n_scores; i++)
		put(b, ", cutoff_s%zu", i);
}

/* N bins of equal width between the lowest and highest usable score,
 * each row scored by its bin's lowest score (so that the matrix at that
 * score is exact), and a cutoff_bins column that tells the reader. */
static void put_binned(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	bool sqlite = d == &dialects[SQL_SQLITE];

	put(b, "WITH cutoff_kept AS (");
	put_kept(b, q, d);
	put(b, "),\ncutoff_range AS (SELECT MIN(cutoff_s0) AS cutoff_lo, MAX(cutoff_s0) AS cutoff_hi FROM cutoff_kept WHERE cutoff_ok = 1),\n"
	       "cutoff_binned AS (SELECT cutoff_kept.*, CASE WHEN cutoff_ok = 0 THEN NULL"
	       " WHEN cutoff_s0 >= cutoff_hi THEN %zu ELSE %s(cutoff_s0 - cutoff_lo) / (cutoff_hi - cutoff_lo) * %zu%s END AS cutoff_bin"
	       " FROM cutoff_kept CROSS JOIN cutoff_range)\nSELECT ",
	    q->bins - 1, sqlite ? "CAST(" : "FLOOR(", q->bins, sqlite ? " AS INTEGER)" : ")");
	put_group_col(b, q, d);
	put_score_out(b, d, "MIN(cutoff_s0)");
	put(b, " AS ");
	put_ident(b, d, q->scores[0]);
	put(b, ", ");
	put_counts(b, q, d);
	put(b, ", %zu AS cutoff_bins\nFROM cutoff_binned\nGROUP BY cutoff_ok%s, cutoff_bin", q->bins,
	    q->group != NULL ? ", cutoff_g" : "");
}

/* The matrix at one threshold (a score at or above it is flagged), and
 * the rows skipped, per group. */
static void put_confirm(struct sqlbuf *b, const struct sqlemit_query *q, const struct dialect *d)
{
	static const char *const cells[4][3] = {
		{ "tp", "1", ">=" }, { "fp", "0", ">=" }, { "fn", "1", "<" }, { "tn", "0", "<" }
	};
	char t[40];

	snprintf(t, sizeof t, "%.17g", q->threshold);
	put(b, "SELECT ");
	put_group_col(b, q, d);
	for (size_t i = 0; i < 4; i++)
		put(b, "SUM(CASE WHEN cutoff_ok = 1 AND cutoff_y = %s AND cutoff_s0 %s CAST(%s AS %s) THEN cutoff_w ELSE 0 END) AS %s,\n       ",
		    cells[i][1], cells[i][2], t, d->dbl, cells[i][0]);
	put(b, "SUM(1 - cutoff_ok) AS skipped\nFROM (");
	put_kept(b, q, d);
	put(b, ") AS cutoff_kept");
	if (q->group != NULL)
		put(b, "\nGROUP BY cutoff_g");
}

char *sqlemit_build(const struct sqlemit_query *q, char *err, size_t errlen)
{
	const struct dialect *d = &dialects[q->dialect];
	struct sqlbuf b = { NULL, 0, 0, false };
	char why[200];

	if (q->from == NULL || q->from[strspn(q->from, " \t\r\n")] == '\0') {
		snprintf(err, errlen, "--emit-sql needs --from TABLE (or a query) to read the rows from");
		return NULL;
	}
	if (!sqlemit_one_statement(q->dialect, q->from, why, sizeof why)) {
		snprintf(err, errlen, "--from must be a table or one query: %s", why);
		return NULL;
	}
	if ((q->bins > 0 || q->confirm) && q->n_scores != 1) {
		snprintf(err, errlen, "%s counts one score column at a time", q->bins > 0 ? "--bins" : "--confirm");
		return NULL;
	}
	if (q->labels)
		put_labels(&b, q, d);
	else if (q->bins > 0)
		put_binned(&b, q, d);
	else if (q->confirm)
		put_confirm(&b, q, d);
	else
		put_exact(&b, q, d);
	put(&b, "\n");
	if (b.oom) {
		free(b.s);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!sqlemit_one_statement(q->dialect, b.s, why, sizeof why)) {
		free(b.s); /* a quoting slip of ours: never run it */
		snprintf(err, errlen, "the query is not one statement (%s); please report this", why);
		return NULL;
	}
	return b.s;
}

/* The end of a quoted run that starts after s[0], by the dialect's
 * rules for that quote; NULL when it never ends. */
static const char *quote_end(const struct dialect *d, const char *s, bool e_string, const char **why)
{
	char q = s[0];
	bool backslash = q == '\'' ? d->str_backslash || e_string : q == '"' ? d->dq_string && d->str_backslash
										: d->id_backslash;
	/* a doubled quote is one inside, except in BigQuery's and Spark's
	 * strings (two strings there) and BigQuery's `...` */
	bool doubling = q == '`' ? !d->id_backslash : !d->dq_string;

	for (s++; *s; s++) {
		if (backslash && *s == '\\') {
			if (*++s == '\0')
				return NULL;
		} else if (*s == '\\' && q == '\'' && d == &dialects[SQL_POSTGRES]) {
			*why = "a backslash in '...' reads as an escape where standard_conforming_strings is off: write E'...'";
			return NULL;
		} else if (*s == q) {
			if (s[1] != q || !doubling)
				return s;
			s++; /* doubled: one quote inside */
		}
	}
	return NULL;
}

bool sqlemit_one_statement(enum sqlemit_dialect dialect, const char *sql, char *err, size_t errlen)
{
	const struct dialect *d = &dialects[dialect];

	for (const char *p = sql; *p; p++) {
		const char *what = NULL;

		if (*p == ';')
			what = "a ';' ends the statement";
		else if ((p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*') || (p[0] == '#' && d->iq == '`'))
			what = "a comment would hide the rest";
		else if (*p == '\'' || *p == '"' || *p == '`') {
			/* E'...' (PostgreSQL): backslash escapes, whatever the settings */
			bool e_string = d == &dialects[SQL_POSTGRES] && *p == '\'' && p > sql && (p[-1] | 0x20) == 'e' &&
					(p - 1 == sql || !(isalnum((unsigned char)p[-2]) || p[-2] == '_'));
			const char *end = quote_end(d, p, e_string, &what);

			if (end == NULL && what == NULL)
				what = "a quote is not closed";
			else if (end != NULL)
				p = end;
		}
		if (what != NULL) {
			snprintf(err, errlen, "%s (at character %zu)", what, (size_t)(p - sql) + 1);
			return false;
		}
	}
	return true;
}
