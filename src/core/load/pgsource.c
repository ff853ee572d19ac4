/*
 * pgsource: a PostgreSQL query's result, row by row, as CSV on a pipe.
 *
 * The connection: libpq's (any URI or key=value string, the password
 * where libpq finds it), a 10-second connect timeout unless the string
 * sets one.  The session: extra_float_digits = 3 (older servers and
 * Redshift print 15 digits otherwise, merging distinct scores), then
 * BEGIN READ ONLY and the statement timeout, the query through the
 * extended protocol (the server refuses a second statement), single-row
 * mode, and a poll loop every 100 ms that tells the progress and cancels
 * on the server when asked.
 */
#include "core/load/pgsource.h"

#include "core/base/parse.h"
#include "core/base/text.h"

#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The CSV being written: a buffer flushed to the descriptor. */
struct out {
	int fd;
	char buf[1 << 16];
	size_t len;
	int err;             /* errno of a failed write (the reader went) */
};

/* Where a query's rows go: CSV on the pipe, or (the labels) into res. */
struct sink {
	bool labels;
	bool header_done;
	bool vocabulary;
	struct out *o;
};

static void flush_out(struct out *o)
{
	size_t done = 0;

	while (done < o->len && o->err == 0) {
		ssize_t n = write(o->fd, o->buf + done, o->len - done);

		if (n < 0 && errno != EINTR)
			o->err = errno;
		else if (n > 0)
			done += (size_t)n;
	}
	o->len = 0;
}

static void put_bytes(struct out *o, const char *s, size_t n)
{
	while (n > 0 && o->err == 0) {
		size_t room = sizeof o->buf - o->len, k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->len += k, s += k, n -= k;
		if (o->len == sizeof o->buf)
			flush_out(o);
	}
}

/* One field, quoted when it holds a delimiter, a quote or a line break
 * (a group's name can), an empty field for NULL. */
static void put_field(struct out *o, const char *s, size_t n, bool null)
{
	if (null)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		put_bytes(o, s, n);
		return;
	}
	put_bytes(o, "\"", 1);
	for (size_t i = 0; i < n; i++)
		put_bytes(o, s[i] == '"' ? "\"\"" : s + i, s[i] == '"' ? 2 : 1);
	put_bytes(o, "\"", 1);
}

/* The header: every column's name. */
static void put_header(struct out *o, const PGresult *r)
{
	for (int j = 0; j < PQnfields(r); j++) {
		const char *name = PQfname(r, j);

		if (j > 0)
			put_bytes(o, ",", 1);
		put_field(o, name, strlen(name), false);
	}
	put_bytes(o, "\n", 1);
}

static void put_row(struct out *o, const PGresult *r, struct pgsource_result *res)
{
	for (int j = 0; j < PQnfields(r); j++) {
		if (j > 0)
			put_bytes(o, ",", 1);
		put_field(o, PQgetvalue(r, 0, j), (size_t)PQgetlength(r, 0, j), PQgetisnull(r, 0, j));
	}
	put_bytes(o, "\n", 1);
	res->rows++;
}

/* Keeps the least (k even) or greatest (k odd) label text seen. */
static int keep_name(char **slot, const char *s, int k)
{
	char *copy;

	if (*slot != NULL && (k % 2 == 0 ? strcmp(s, *slot) >= 0 : strcmp(s, *slot) <= 0))
		return 0;
	if ((copy = strdup(s)) == NULL)
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

/* A label outside the vocabulary: the first few named, all counted. */
static int keep_bad(struct pgsource_result *res, const char *s)
{
	char *list;
	const char *shown = text_show(s, strlen(s));

	if (res->n_bad++ >= 8)
		return 0;
	if ((list = malloc((res->bad ? strlen(res->bad) : 0) + strlen(shown) + 8)) == NULL)
		return -1;
	sprintf(list, "%s%s%s", res->bad ? res->bad : "", res->bad ? ", " : "", shown);
	free(res->bad);
	res->bad = list;
	return 0;
}

/* One distinct label: its class (1, 0, NULL) and its text. */
static int take_label(const PGresult *r, const struct sink *k, struct pgsource_result *res)
{
	const char *text = PQgetisnull(r, 0, 1) ? NULL : PQgetvalue(r, 0, 1);
	int y = PQgetisnull(r, 0, 0) ? -1 : atoi(PQgetvalue(r, 0, 0));

	if (text == NULL || (y < 0 && parse_is_missing(text, strlen(text))))
		return 0;
	if (y < 0)
		return k->vocabulary ? keep_bad(res, text) : 0;
	return keep_name(y ? &res->pos_min : &res->neg_min, text, 0) < 0 ||
	       keep_name(y ? &res->pos_max : &res->neg_max, text, 1) < 0 ? -1 : 0;
}

/* libpq's message on one line, escaped: "server closed the connection
 * unexpectedly\n\tThis probably means..." becomes one sentence. */
static void say_pq(char *err, size_t errlen, const char *what, const char *msg)
{
	char flat[600], *shown;
	size_t n = 0;

	for (const char *p = msg; *p && n + 1 < sizeof flat; p++) {
		char c = *p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p;

		if (c == ' ' && (n == 0 || flat[n - 1] == ' '))
			continue;
		flat[n++] = c;
	}
	while (n > 0 && flat[n - 1] == ' ')
		n--;
	flat[n] = '\0';
	shown = text_sanitize_all(flat);
	snprintf(err, errlen, "%s: %s", what, shown ? shown : flat);
	free(shown);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs one of our own statements (settings, the transaction). */
static int command(PGconn *conn, const char *sql, char *err, size_t errlen)
{
	PGresult *r = PQexec(conn, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;

	if (!ok)
		say_pq(err, errlen, sql, PQerrorMessage(conn));
	PQclear(r);
	return ok ? 0 : -1;
}

static PGconn *connect_to(const char *conninfo, char *err, size_t errlen)
{
	/* the connection string's own settings win (they come later) */
	const char *keys[] = { "connect_timeout", "application_name", "dbname", NULL };
	const char *values[] = { "10", "cutoff", conninfo, NULL };
	PGconn *conn = PQconnectdbParams(keys, values, 1);

	if (conn == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		say_pq(err, errlen, "cannot connect", PQerrorMessage(conn));
		PQfinish(conn);
		return NULL;
	}
	return conn;
}

/* The settings and the read-only transaction before the query. */
static int begin(PGconn *conn, double timeout, char *err, size_t errlen)
{
	char sql[80];

	/* one snapshot for the labels and the counts */
	if (command(conn, "SET extra_float_digits = 3", err, errlen) < 0 ||
	    command(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err, errlen) < 0)
		return -1;
	if (timeout > 0) {
		snprintf(sql, sizeof sql, "SET LOCAL statement_timeout = %.0f", timeout * 1000 < 1 ? 1 : timeout * 1000);
		if (command(conn, sql, err, errlen) < 0)
			return -1;
	}
	return 0;
}

/* Asks the server to stop the query (the result then fails with its
 * reason, which the loop reports). */
static void cancel(PGconn *conn)
{
	PGcancel *c = PQgetCancel(conn);
	char buf[256];

	if (c != NULL) {
		PQcancel(c, buf, sizeof buf);
		PQfreeCancel(c);
	}
}

/* One result of the query: a row, the end, or an error.  1 at the end,
 * 0 to go on, -1 with the message. */
static int take(PGconn *conn, PGresult *r, struct sink *k, struct pgsource_result *res, char *err, size_t errlen)
{
	ExecStatusType st = PQresultStatus(r);
	const char *primary;

	if ((st == PGRES_SINGLE_TUPLE || st == PGRES_TUPLES_OK) && k->labels) {
		if (st == PGRES_SINGLE_TUPLE && take_label(r, k, res) < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		return st == PGRES_TUPLES_OK;
	}
	if (st == PGRES_SINGLE_TUPLE || st == PGRES_TUPLES_OK) {
		if (!k->header_done)
			put_header(k->o, r);
		k->header_done = true;
		if (st == PGRES_SINGLE_TUPLE)
			put_row(k->o, r, res);
		if (k->o->err != 0) {
			snprintf(err, errlen, "the loader stopped reading: %s", strerror(k->o->err));
			return -1;
		}
		return st == PGRES_TUPLES_OK;
	}
	/* the server's own sentence, without the statement's LINE context */
	primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	say_pq(err, errlen, res->cancelled ? "cancelled" : "the query failed",
	       primary ? primary : PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r) : PQerrorMessage(conn));
	return -1;
}

/* Long: the poll loop, from the query sent to the last result taken; the
 * order of consume, busy and get is libpq's and reads best in one place. */
static int fetch(PGconn *conn, const struct pgsource_options *opt, const char *query, struct sink *k,
		 struct pgsource_result *res, char *err, size_t errlen)
{
	double start = now(), told = start;
	int rc = 0, done = 0;

	if (!PQsendQueryParams(conn, query, 0, NULL, NULL, NULL, NULL, 0) || !PQsetSingleRowMode(conn)) {
		say_pq(err, errlen, "the query failed", PQerrorMessage(conn));
		return -1;
	}
	for (;;) {
		PGresult *r;

		while (!PQisBusy(conn)) {
			if ((r = PQgetResult(conn)) == NULL) {
				if (rc == 0 && !done)
					snprintf(err, errlen, "the query gave no result");
				return rc == 0 && done ? 0 : -1;
			}
			if (rc == 0 && (rc = take(conn, r, k, res, err, errlen)) == 1)
				done = 1, rc = 0;
			PQclear(r);
			if (rc < 0 && !res->cancelled) {
				res->cancelled = true; /* the loader went, or the query failed: stop the server too */
				cancel(conn);
			}
		}
		if (opt->stop != NULL && *opt->stop && !res->cancelled) {
			res->cancelled = true;
			cancel(conn);
		}
		if (opt->progress != NULL && !k->labels && now() - told >= 0.2) {
			told = now();
			opt->progress(opt->progress_arg, told - start, res->rows);
		}
		poll(&(struct pollfd){ PQsocket(conn), POLLIN, 0 }, 1, 100);
		if (!PQconsumeInput(conn)) {
			if (rc == 0)
				say_pq(err, errlen, "the connection failed", PQerrorMessage(conn));
			return -1;
		}
	}
}

int pgsource_run(const struct pgsource_options *opt, struct pgsource_result *res, char *err, size_t errlen)
{
	struct out *o = malloc(sizeof *o);
	PGconn *conn;
	int rc = -1;

	memset(res, 0, sizeof *res);
	if (o == NULL) {
		snprintf(err, errlen, "out of memory");
		close(opt->out);
		return -1;
	}
	o->fd = opt->out, o->len = 0, o->err = 0;
	if ((conn = connect_to(opt->conninfo, err, errlen)) != NULL) {
		struct sink labels = { true, false, opt->vocabulary, o }, counts = { false, false, opt->vocabulary, o };

		if (begin(conn, opt->timeout, err, errlen) == 0 &&
		    fetch(conn, opt, opt->labels_query, &labels, res, err, errlen) == 0) {
			if (res->n_bad > 0)
				snprintf(err, errlen, "labels in column '%s' are not 0/1, true/false or yes/no; say which "
					 "value is positive with --positive (values: %s%s)", text_show_str(opt->label),
					 res->bad, res->n_bad > 8 ? ", ..." : "");
			else if (fetch(conn, opt, opt->query, &counts, res, err, errlen) == 0)
				rc = 0;
		}
		PQfinish(conn); /* the transaction goes with the connection */
	}
	flush_out(o);
	if (rc == 0 && o->err != 0) {
		snprintf(err, errlen, "the loader stopped reading: %s", strerror(o->err));
		rc = -1;
	}
	close(opt->out);
	free(o);
	return rc;
}

void pgsource_result_free(struct pgsource_result *res)
{
	free(res->pos_min);
	free(res->pos_max);
	free(res->neg_min);
	free(res->neg_max);
	free(res->bad);
	res->pos_min = res->pos_max = res->neg_min = res->neg_max = res->bad = NULL;
}

char *pgsource_shown(const char *conninfo)
{
	PQconninfoOption *opts = PQconninfoParse(conninfo, NULL), *p;
	const char *user = NULL, *host = NULL, *port = NULL, *db = NULL, *service = NULL;
	char buf[1024];

	if (opts == NULL)
		return text_dup("a PostgreSQL connection", 23);
	for (p = opts; p->keyword != NULL; p++) {
		const char *v = p->val != NULL && p->val[0] ? p->val : NULL;

		if (strcmp(p->keyword, "user") == 0)
			user = v;
		else if (strcmp(p->keyword, "host") == 0)
			host = v;
		else if (strcmp(p->keyword, "port") == 0)
			port = v;
		else if (strcmp(p->keyword, "dbname") == 0)
			db = v;
		else if (strcmp(p->keyword, "service") == 0)
			service = v;
	}
	if (service != NULL && host == NULL && db == NULL)
		snprintf(buf, sizeof buf, "postgresql service %s", service);
	else
		snprintf(buf, sizeof buf, "postgresql://%s%s%s%s%s/%s", user ? user : "", user ? "@" : "", host ? host : "",
			 port ? ":" : "", port ? port : "", db ? db : "");
	PQconninfoFree(opts);
	return text_dup(buf, strlen(buf));
}
