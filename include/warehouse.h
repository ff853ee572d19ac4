/*
 * warehouse: where the scores live.  --emit-sql prints the statement
 * that counts them in an engine (sqlemit); a connection string with
 * --from runs it on a PostgreSQL server and hands the result to the
 * loader as --counts would read it (pgsource).
 */
#ifndef CUTOFF_WAREHOUSE_H
#define CUTOFF_WAREHOUSE_H

#include "options.h"

/* --emit-sql: the statement on stdout (and, on a terminal, how to read
 * its result on stderr); the exit status. */
int warehouse_emit(const struct options *o);

#endif
