/*
 * warehouse: --emit-sql and the database connection, from the options.
 */
#include "warehouse.h"

#include "core/load/sqlemit.h"
#include "say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The statement's question, from the options; names[2] holds the count
 * columns' names. */
static void query_of(const struct options *o, struct sqlemit_query *q, char names[2][64])
{
	*q = (struct sqlemit_query){
		.dialect = (enum sqlemit_dialect)o->emit_sql, .from = o->from, .label = o->data.label,
		.scores = o->data.scores, .n_scores = o->data.n_scores, .positive = o->data.positive,
		.weight = o->data.weight, .group = o->data.group ? o->data.group : o->data.fold,
		.bins = o->data.bins, .confirm = o->has_confirm, .threshold = o->confirm,
	};
	sqlemit_count_names(q, names[0], names[1], sizeof names[0]);
}

int warehouse_emit(const struct options *o)
{
	struct sqlemit_query q;
	char names[2][64], err[512], *sql;

	query_of(o, &q, names);
	if ((sql = sqlemit_build(&q, err, sizeof err)) == NULL) {
		say("%s", err);
		return 2;
	}
	fputs(sql, stdout);
	free(sql);
	if (say_output_done() < 0)
		return 1;
	if (isatty(STDERR_FILENO) && !o->has_confirm)
		fprintf(stderr, "cutoff: save the result as CSV, then: cutoff --counts %s,%s -s %s%s%s FILE\n", names[0],
			names[1], o->data.n_scores == 1 ? o->data.scores[0] : "SCORES",
			q.group ? (o->data.group ? " --group " : " --fold ") : "", q.group ? q.group : "");
	return 0;
}
