/*
 * pgsource: a query's result from a PostgreSQL server (or one that speaks
 * its protocol), as CSV text on a descriptor for the loader to read while
 * it comes.  One read-only transaction, the statement through the
 * extended protocol (one statement, never several), rows one at a time
 * (single-row mode: never the whole result in memory), a statement
 * timeout, the query cancelled on the server when asked.  The password
 * comes from where libpq looks (PGPASSWORD, ~/.pgpass, a service file).
 */
#ifndef CUTOFF_PGSOURCE_H
#define CUTOFF_PGSOURCE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pgsource_options {
	const char *conninfo;         /* a URI or key=value connection string */
	const char *labels_query;     /* first: each distinct label, its class
				       * and text (sqlemit's labels) */
	const char *query;            /* then the counts (sqlemit) */
	bool vocabulary;              /* no --positive: a label outside the
				       * vocabulary stops it, as in a CSV */
	const char *label;            /* the label column, for that message */
	double timeout;               /* seconds; 0: the server's default */
	int out;                      /* CSV goes here; closed at the end */
	volatile sig_atomic_t *stop;  /* set (from a signal handler): cancel */
	/* now and then from the fetching thread: seconds since the query
	 * was sent, and rows received */
	void (*progress)(void *arg, double seconds, uint64_t rows);
	void *progress_arg;
};

/* The classes' names as the CSV loader would give them: the least and
 * greatest label text of each class; the labels outside the vocabulary. */
struct pgsource_result {
	uint64_t rows;
	bool cancelled;
	char *pos_min, *pos_max, *neg_min, *neg_max;
	char *bad;                    /* "a, b, c" (escaped), or NULL */
	size_t n_bad;
};

/* Runs the labels query (names and bad labels into res: a bad one ends
 * it there), then the query, its result as CSV (a header of its column
 * names, then each row) to o->out, which it closes; both in one
 * read-only snapshot.  0, or -1 with one line in err (libpq's message,
 * escaped, after what failed). */
int pgsource_run(const struct pgsource_options *o, struct pgsource_result *res, char *err, size_t errlen);

void pgsource_result_free(struct pgsource_result *res);

/* A name for the connection in messages: its user, host, port and
 * database, never its password ("postgresql://ann@db:5432/sales"); in
 * memory the caller frees, NULL when out of memory. */
char *pgsource_shown(const char *conninfo);

#endif
