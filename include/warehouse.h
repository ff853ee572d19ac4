/*
 * warehouse: where the scores live.  --emit-sql prints the statement
 * that counts them in an engine (sqlemit); a connection string with
 * --from runs it on a PostgreSQL server and hands the result to the
 * loader as --counts would read it (pgsource), in a thread, through a
 * pipe, while the loader reads.
 */
#ifndef CUTOFF_WAREHOUSE_H
#define CUTOFF_WAREHOUSE_H

#include "app/session.h"
#include "options.h"

/* What a session read from a database keeps alive: the load's options
 * (the session points at them), the count columns' names, its name. */
struct warehouse {
	struct dataset_options data;
	char names[2][64];
	char *shown;
};

/* --emit-sql: the statement on stdout (and, on a terminal, how to read
 * its result on stderr); the exit status. */
int warehouse_emit(const struct options *o);

/* Opens s on the rows of --from (or, for the reference, from) on the
 * server o->data.path names: 0, or the exit status (said: 1, or 130 when
 * Ctrl-C cancelled the query on the server). */
int warehouse_open(struct warehouse *w, struct session *s, const struct options *o, const char *from);

void warehouse_free(struct warehouse *w);

#endif
