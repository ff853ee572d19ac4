/*
 * warehouse: --emit-sql and the database connection, from the options.
 */
#include "warehouse.h"

#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/load/pgsource.h"
#include "core/load/sqlemit.h"
#include "say.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Ctrl-C or SIGTERM while the server works: the fetching thread sees it
 * within 100 ms and cancels the query there. */
static volatile sig_atomic_t stop_asked;

static void on_stop(int sig)
{
	stop_asked = sig;
}

/* The statement's question, from the options; names[2] holds the count
 * columns' names. */
static void query_of(const struct options *o, struct sqlemit_query *q, char names[2][64])
{
	*q = (struct sqlemit_query){
		.dialect = o->emit_sql >= 0 ? (enum sqlemit_dialect)o->emit_sql : SQL_POSTGRES, .from = o->from,
		.label = o->data.label, .scores = o->data.scores, .n_scores = o->data.n_scores,
		.positive = o->data.positive, .weight = o->data.weight,
		.group = o->data.group ? o->data.group : o->data.fold,
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
	/* names as given, escaped by say: they may hold anything */
	if (isatty(STDERR_FILENO) && !o->has_confirm)
		say("save the result as CSV, then: cutoff --counts %s,%s -s %s%s%s FILE", names[0], names[1],
		    o->data.n_scores == 1 ? o->data.scores[0] : "SCORES",
		    q.group ? (o->data.group ? " --group " : " --fold ") : "", q.group ? q.group : "");
	return 0;
}

/* The fetching thread's work and what it found. */
struct job {
	struct pgsource_options po;
	struct pgsource_result res;
	char err[700];
	int rc;
	const char *shown;
	bool told;
};

static void *fetch_main(void *arg)
{
	struct job *j = arg;

	j->rc = pgsource_run(&j->po, &j->res, j->err, sizeof j->err);
	return NULL;
}

/* Progress on a terminal's stderr while the server works, rewritten in
 * place (the explorer has not started; nothing else writes there). */
static void show_progress(void *arg, double seconds, uint64_t rows)
{
	struct job *j = arg;
	char n[40];

	if (seconds < 1)
		return;
	j->told = true;
	if (rows == 0)
		fprintf(stderr, "\r\033[Kcutoff: %s: the server is counting, %.0f s (Ctrl-C cancels)", j->shown, seconds);
	else
		fprintf(stderr, "\r\033[Kcutoff: %s: %s rows received, %.0f s", j->shown, fmt_count(n, sizeof n, (double)rows),
			seconds);
	fflush(stderr);
}

/* The classes named as the CSV loader would: the positive value or the
 * least positive label, the one negative label or "other". */
static int name_classes(struct session *s, const struct options *o, const struct pgsource_result *r)
{
	const char *pos = o->data.positive ? o->data.positive : r->pos_min ? r->pos_min : "1";
	const char *neg = o->data.positive ? (r->neg_min && strcmp(r->neg_min, r->neg_max) == 0 ? r->neg_min : "other")
					   : r->neg_min ? r->neg_min : "0";

	return session_name_classes(s, o->data.label, pos, neg, o->data.positive != NULL);
}

/* Starts the fetch: the query, the pipe, the thread.  0, or -1 (said). */
static int start(struct job *j, pthread_t *t, int fds[2], const struct options *o, const char *from,
		 struct warehouse *w)
{
	struct sqlemit_query q;
	char err[512], *sql, *labels;

	query_of(o, &q, w->names);
	q.from = from, q.bins = 0, q.confirm = false;
	if ((sql = sqlemit_build(&q, err, sizeof err)) == NULL) {
		say("%s", err);
		return -1;
	}
	q.labels = true;
	if ((labels = sqlemit_build(&q, err, sizeof err)) == NULL) {
		free(sql);
		say("%s", err);
		return -1;
	}
	if (pipe(fds) < 0) {
		free(sql), free(labels);
		say("pipe: %s", strerror(errno));
		return -1;
	}
	j->po = (struct pgsource_options){ .conninfo = o->data.path, .labels_query = labels, .query = sql,
					   .vocabulary = o->data.positive == NULL, .label = o->data.label,
					   .timeout = o->statement_timeout, .out = fds[1], .stop = &stop_asked,
					   .progress = isatty(STDERR_FILENO) ? show_progress : NULL, .progress_arg = j };
	j->shown = w->shown;
	if (pthread_create(t, NULL, fetch_main, j) != 0) {
		free(sql), free(labels);
		close(fds[0]), close(fds[1]);
		say("cannot start a thread");
		return -1;
	}
	return 0;
}

/* Long: the fetch and the load side by side, then who failed first; the
 * signals are ours only while the server works. */
int warehouse_open(struct warehouse *w, struct session *s, const struct options *o, const char *from)
{
	struct sigaction sa = { 0 }, old_int, old_term, old_pipe, ign = { 0 };
	struct session_start st;
	struct job j = { 0 };
	pthread_t t;
	int fds[2], rc, status = 0;
	char err[1024];

	memset(w, 0, sizeof *w);
	if ((w->shown = pgsource_shown(o->data.path)) == NULL) {
		say("out of memory");
		return 1;
	}
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	stop_asked = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	/* a load that stops early closes the pipe: EPIPE for the writer, not death */
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old_pipe);
	if (start(&j, &t, fds, o, from, w) < 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGPIPE, &old_pipe, NULL);
		return 1;
	}
	w->data = o->data;
	w->data.path = w->shown, w->data.use_fd = true, w->data.fd = fds[0];
	w->data.counts_pos = w->names[0], w->data.counts_neg = w->names[1];
	w->data.label = NULL, w->data.positive = NULL, w->data.weight = NULL;
	w->data.header = 1, w->data.delimiter = ',', w->data.progress = NULL;
	options_start(o, &st);
	rc = session_open(s, &w->data, &st, err, sizeof err);
	close(fds[0]); /* a load that stopped early: the writer sees it and cancels */
	pthread_join(t, NULL);
	if (j.told)
		fputs("\r\033[K", stderr);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	if (j.rc < 0 && !(rc < 0 && strstr(j.err, "the loader stopped reading") != NULL)) {
		say("%s: %s", w->shown, j.err);
		status = stop_asked ? 130 : 1;
	} else if (rc < 0) {
		say("%s", err);
		status = 1;
	} else if (name_classes(s, o, &j.res) < 0) {
		say("out of memory");
		status = 1;
	}
	free((char *)j.po.query);
	free((char *)j.po.labels_query);
	pgsource_result_free(&j.res);
	return status;
}

void warehouse_free(struct warehouse *w)
{
	free(w->shown);
	w->shown = NULL;
}
