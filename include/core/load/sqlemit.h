/*
 * sqlemit: the one SQL statement that counts, where the data lives, what
 * cutoff needs of it: positives and negatives per distinct score (per
 * group or fold too), rows that cannot be used counted as skipped in the
 * same result, so that the engine's own CSV of it is what --counts reads.
 * Also the same on N bins of equal width (--bins), and the exact matrix at
 * one threshold (--confirm).  Names from the command line are quoted
 * identifiers, the positive label a literal, each escaped as the dialect
 * reads it; the statement is checked to be one, with no comment.
 */
#ifndef CUTOFF_SQLEMIT_H
#define CUTOFF_SQLEMIT_H

#include <stdbool.h>
#include <stddef.h>

enum sqlemit_dialect {
	SQL_POSTGRES, SQL_BIGQUERY, SQL_SNOWFLAKE, SQL_SPARK, SQL_DUCKDB, SQL_TRINO, SQL_SQLITE, SQL_DIALECTS
};

/* What to count: the --from text (a table, or a subquery in parentheses
 * or starting with SELECT or WITH) and the columns, as the options name
 * them. */
struct sqlemit_query {
	enum sqlemit_dialect dialect;
	const char *from;
	const char *label;
	const char *const *scores;
	size_t n_scores;
	const char *positive;   /* NULL: the 0/1, true/false, yes/no vocabulary */
	const char *weight;     /* NULL: each row counts 1 */
	const char *group;      /* --group or --fold column, or NULL */
	size_t bins;            /* > 0: N bins of equal width (one score only) */
	bool confirm;           /* the matrix at threshold (one score only) */
	double threshold;
	bool labels;            /* instead: each distinct label, its text and
				 * class (1, 0, NULL), for a client that names the
				 * classes and checks the labels as the CSV loader */
	const char *count_names[2]; /* the count columns' names (sqlemit_count_names) */
};

/* The dialect named s ("postgres", "bigquery", ...); -1 if none. */
int sqlemit_dialect(const char *s);

/* Every dialect's name, comma-separated, for messages and help. */
const char *sqlemit_dialect_list(void);

/* Names for the positives and negatives columns that no input column
 * has: "positives" and "negatives", or with "_" appended until free. */
void sqlemit_count_names(struct sqlemit_query *q, char *pos, char *neg, size_t cap);

/* The statement, in memory the caller frees; NULL with the reason in err
 * (a --from that could end the statement or hide the rest in a comment,
 * --bins or --confirm with several scores, out of memory). */
char *sqlemit_build(const struct sqlemit_query *q, char *err, size_t errlen);

/* Whether sql is one statement with no comment in the dialect's lexical
 * rules (quotes and their escapes); else false with where in err. */
bool sqlemit_one_statement(enum sqlemit_dialect d, const char *sql, char *err, size_t errlen);

#endif
