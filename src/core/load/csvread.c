/*
 * csvread: libcsv driving.  Data flows in one pass, so that standard input
 * works and a file is read once: the first chunk decides the delimiter,
 * libcsv's callbacks collect each record's fields into a reusable row (all
 * fields until the sink has decided its columns, then only the wanted
 * ones), and each non-blank record goes to the sink at once.
 *
 * Physical line numbers (for messages) are counted from the record
 * terminators libcsv reports with CSV_REPALL_NL and from the line breaks
 * inside quoted fields; CRLF counts as one break.  The second half of a
 * split file starts at the line its first byte is on (the lines before it
 * counted only when one of its messages names a line), so messages from
 * either half name the same lines as a single reader would.
 */
#include "core/load/csvread.h"

#include "core/load/scan.h"
#include "core/load/sniff.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK ((size_t)1 << 20)
#define SNIFF_BYTES ((size_t)64 << 10)
#define THREAD_MIN_BYTES ((off_t)16 << 20)  /* smaller files: one thread */

void csvread_keep(struct csvread *cr, const bool *want, size_t n)
{
	size_t i;

	cr->want = want;
	cr->want_n = n;
	cr->ready = true;
	cr->keep = (struct scan_keep){ want, n, 0 };
	for (i = 0; i < n; i++)
		if (want[i])
			cr->keep.last = i;
}

/* ---- libcsv callbacks ---------------------------------------------------- */

static void on_field(void *data, size_t len, void *ctx)
{
	struct csvread *cr = ctx;
	const char *s = data;
	size_t col = cr->row.count;

	if (cr->st->failed)
		return;
	if (col == 0)
		cr->row.line = cr->line;
	cr->last_cr = false;
	if (len > 0) {
		size_t i;

		cr->row.nonempty = true;
		/* line breaks inside a quoted field: LF, CRLF or a lone CR (one
		 * comparison a byte: fields are short) */
		for (i = 0; i < len; i++)
			if ((unsigned char)s[i] <= '\r' &&
			    (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))))
				cr->line++;
	}
	cr->row.count++;
	if ((cr->want == NULL || (col < cr->want_n && cr->want[col])) && row_store(&cr->row, col, s, len) < 0)
		status_fail(cr->st, "out of memory");
}

static void on_record(int c, void *ctx)
{
	struct csvread *cr = ctx;

	cr->fed = 0;
	if (c == '\n') {
		if (!cr->last_cr)
			cr->line++;
		cr->last_cr = false;
	} else if (c == '\r') {
		cr->line++;
		cr->last_cr = true;
	}
	if (cr->st->failed || cr->row.count == 0)
		return;
	if (cr->row.count == 1 && !cr->row.nonempty) {
		row_reset(&cr->row); /* a blank line */
		return;
	}
	cr->records++;
	cr->sink->record(cr->ctx, cr, &cr->row, c == -1 && cr->unterminated);
	row_reset(&cr->row);
}

/* ---- reading --------------------------------------------------------------- */

static int only_space(unsigned char c)
{
	return c == ' ';
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

struct csv_parser *csvread_parser(struct csv_parser *p, char delim)
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

/* Tells the progress: bytes read to at (compressed bytes, when unpacking). */
static void tell_progress(struct csvread *cr, off_t at)
{
	const struct csvread_options *o = cr->opt;
	double done = cr->unpack != NULL ? (double)unpack_position(cr->unpack) : (double)at;

	if (o->progress != NULL && cr->progress_total >= 0)
		o->progress(o->progress_arg, done * cr->progress_scale, (double)cr->progress_total * cr->progress_scale);
}

/* Parses [at, end) (end < 0: to the end of the input) with p, starting
 * with the len bytes already in buf.  Calls started() once the sink is
 * ready (for the second thread).  Returns at the end or on failure. */
static void parse_from(struct csvread *cr, int fd, bool seekable, struct csv_parser *p, char *buf, size_t off,
		       size_t len, off_t at, off_t end, void (*started)(void *), void *arg)
{
	const struct csvread_options *o = cr->opt;
	bool eof = false;

	for (;;) {
		if (csv_parse(p, buf + off, len - off, on_field, on_record, cr) != len - off) {
			status_fail(cr->st, "%s:%llu: %s", o->source,
				    (unsigned long long)row_base_line(cr->row.base, cr->line),
				    csv_strerror(csv_error(p)));
			return;
		}
		at += (off_t)len;
		cr->fed += len - off;
		if (cr->fed > CSVREAD_MAX_RECORD) {
			status_fail(cr->st, "%s:%llu: a record longer than %llu MB: is this a CSV file?", o->source,
				    (unsigned long long)row_base_line(cr->row.base, cr->line),
				    (unsigned long long)(CSVREAD_MAX_RECORD >> 20));
			return;
		}
		tell_progress(cr, at);
		if (started != NULL && cr->ready) {
			started(arg);
			started = NULL;
		}
		if (cr->st->failed || eof || (end >= 0 && at >= end))
			return;
		off = 0;
		{
			size_t want = CHUNK;
			ssize_t n;

			if (end >= 0 && (off_t)want > end - at)
				want = (size_t)(end - at);
			n = read_full(fd, buf, want, seekable ? at : -1);
			if (n < 0) {
				status_fail(cr->st, "%s: %s", o->source, strerror(errno));
				return;
			}
			len = (size_t)n;
			eof = n == 0;
		}
	}
}

/* ---- the scanner ------------------------------------------------------------ */

/* One line through the scanner, as libcsv's callbacks would have seen it.
 * Returns false when libcsv must read it (and the rest of the range). */
static bool scan_record(struct csvread *cr, const char *s, size_t len, bool quotes)
{
	enum scan_result rc;

	if (!quotes && cr->sink->simple != NULL && cr->sink->simple(cr->ctx, s, len)) {
		cr->line++;
		cr->records++;
		return true;
	}
	cr->row.line = cr->line;
	rc = scan_line(&cr->row, s, len, cr->delim, quotes, &cr->keep);
	if (rc == SCAN_LIBCSV) {
		row_reset(&cr->row);
		return false;
	}
	if (rc == SCAN_NOMEM)
		status_fail(cr->st, "out of memory");
	cr->line++;
	if (!cr->st->failed && cr->row.count > 0 && (cr->row.count > 1 || cr->row.nonempty)) {
		cr->records++;
		cr->sink->record(cr->ctx, cr, &cr->row, false);
	}
	row_reset(&cr->row);
	return true;
}

/* The whole lines of buf[pos, have): returns where the first line not
 * read starts (a partial line at the end, or one libcsv must read, then
 * *libcsv is set). */
static size_t scan_lines(struct csvread *cr, const char *buf, size_t pos, size_t have, bool *libcsv)
{
	const char *p = buf + pos, *end = buf + have;
	const char *quote = memchr(p, '"', (size_t)(end - p));
	const char *cr_at = memchr(p, '\r', (size_t)(end - p));
	const char *nl;

	if (quote == NULL)
		quote = end;
	if (cr_at == NULL)
		cr_at = end;
	while (!cr->st->failed && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		const char *e = nl;

		if (cr_at < nl) {
			/* only a CRLF's CR is the scanner's */
			if (cr_at != nl - 1)
				break;
			e = nl - 1;
			cr_at = memchr(nl + 1, '\r', (size_t)(end - nl - 1));
			if (cr_at == NULL)
				cr_at = end;
		}
		if (quote < p)
			quote = memchr(p, '"', (size_t)(end - p)), quote = quote ? quote : end;
		if (!scan_record(cr, p, (size_t)(e - p), quote < e))
			break;
		p = nl + 1;
	}
	*libcsv = !cr->st->failed && memchr(p, '\n', (size_t)(end - p)) != NULL;
	return (size_t)(p - buf);
}

/* Reads [at, end) (end < 0: to the end of the input) with the scanner,
 * starting with buf[off, len), where buf (2 * CHUNK bytes) holds the input
 * from offset at.  A line the scanner does not handle, a line longer than
 * a chunk, or a last line without a break: libcsv (p) reads from there. */
static void scan_from(struct csvread *cr, int fd, bool seekable, struct csv_parser *p, char *buf, size_t off,
		      size_t len, off_t at, off_t end, void (*started)(void *), void *arg)
{
	const struct csvread_options *o = cr->opt;
	size_t pos = off, have = len;
	bool libcsv = false, last = false;

	for (;;) {
		pos = scan_lines(cr, buf, pos, have, &libcsv);
		tell_progress(cr, at + (off_t)have);
		if (started != NULL && cr->ready) {
			started(arg);
			started = NULL;
		}
		if (cr->st->failed || (last && pos == have))
			return;
		if (libcsv || last || have - pos > CHUNK)
			break;
		/* the partial line to the front, then the next chunk */
		memmove(buf, buf + pos, have - pos);
		at += (off_t)pos;
		have -= pos;
		pos = 0;
		{
			size_t want = CHUNK;
			ssize_t n;

			if (end >= 0 && (off_t)want > end - (at + (off_t)have))
				want = (size_t)(end - (at + (off_t)have));
			n = want == 0 ? 0 : read_full(fd, buf + have, want, seekable ? at + (off_t)have : -1);
			if (n < 0) {
				status_fail(cr->st, "%s: %s", o->source, strerror(errno));
				return;
			}
			have += (size_t)n;
			last = n == 0 || (end >= 0 && at + (off_t)have >= end);
		}
	}
	cr->fed = 0;
	parse_from(cr, fd, seekable, p, buf, pos, have, at, end, started, arg);
}

/* ---- the second half ------------------------------------------------------- */

/* The second half of a large file, parsed by a thread of its own into a
 * sink of its own; the columns, decided by the first reader, are shared
 * read-only. */
struct worker {
	pthread_t thread;
	bool running;               /* a thread; else parse it in this one */
	bool started;               /* the sink was forked */
	struct csvread cr;
	struct status st;
	char err[1024];
	int fd;
	off_t start;
	char delim;
	bool scan;                  /* through the scanner */
	struct row_base base;       /* its lines are counted from start */
};

/* Line breaks (LF, CRLF, lone CR) in [0, end): the lines before the half.
 * A chunk without CR (the usual file) is counted eight bytes at a time,
 * not line by line. */
static uint64_t count_breaks(int fd, char *buf, size_t size, off_t end)
{
	uint64_t lines = 0;
	off_t at = 0;
	char prev = 0;

	while (at < end) {
		size_t want = end - at < (off_t)size ? (size_t)(end - at) : size, i;
		ssize_t n = read_full(fd, buf, want, at);

		if (n <= 0)
			break;
		if (memchr(buf, '\r', (size_t)n) == NULL) {
			lines += scan_count(buf, (size_t)n, '\n');
			if (prev == '\r' && buf[0] == '\n')
				lines--; /* the LF of a CRLF split between chunks */
		} else {
			for (i = 0; i < (size_t)n; i++) {
				if (buf[i] == '\n' && (i > 0 ? buf[i - 1] : prev) != '\r')
					lines++;
				else if (buf[i] == '\r')
					lines++;
			}
		}
		prev = buf[n - 1];
		at += n;
	}
	return lines;
}

/* The second half's lines before its start, counted when a message from
 * it first names a line (most loads never do). */
static uint64_t lines_before(void *arg)
{
	struct worker *w = arg;
	char small[(size_t)64 << 10], *buf = malloc(CHUNK);
	uint64_t n = buf != NULL ? count_breaks(w->fd, buf, CHUNK, w->start)
				 : count_breaks(w->fd, small, sizeof small, w->start);

	free(buf);
	return n;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct csv_parser p;
	char *buf = malloc(2 * CHUNK);

	if (buf == NULL || csvread_parser(&p, w->delim) == NULL) {
		status_fail(&w->st, "out of memory");
		free(buf);
		return NULL;
	}
	w->base = (struct row_base){ lines_before, w, 0, false };
	w->cr.line = 1;
	w->cr.row.base = &w->base;
	if (w->scan)
		scan_from(&w->cr, w->fd, true, &p, buf, 0, 0, w->start, -1, NULL, NULL);
	else
		parse_from(&w->cr, w->fd, true, &p, buf, 0, 0, w->start, -1, NULL, NULL);
	if (!w->st.failed)
		csv_fini(&p, on_field, on_record, &w->cr);
	if (!w->st.failed)
		w->cr.sink->done(w->cr.ctx, &w->cr);
	csv_free(&p);
	free(buf);
	return NULL;
}

struct worker_start {
	struct csvread *cr;
	struct worker *w;
};

/* Called by the first reader once its sink has decided the columns. */
static void start_worker(void *arg)
{
	struct worker_start *ws = arg;
	struct csvread *cr = ws->cr;
	struct worker *w = ws->w;
	void *child;

	if (cr->st->failed || w->started)
		return;
	w->st = (struct status){ false, w->err, sizeof w->err };
	if ((child = cr->sink->fork(cr->ctx, &w->st)) == NULL) {
		status_fail(cr->st, "out of memory");
		return;
	}
	w->started = true;
	w->cr = (struct csvread){
		.sink = cr->sink, .ctx = child, .st = &w->st, .opt = cr->opt, .want = cr->want,
		.want_n = cr->want_n, .keep = cr->keep, .delim = cr->delim, .ready = true, .split = true,
		.progress_total = -1, /* the first reader tells */
	};
	w->running = pthread_create(&w->thread, NULL, worker_main, w) == 0;
}

/* Where the second half starts: after the first LF past the middle; 0 when
 * the file is small enough for one thread.  Quotes may hide a line break in
 * a field: when the first reader ends inside a record, the load is done
 * again by one (CSVREAD_AGAIN). */
static off_t split_point(int fd, off_t size, char *buf)
{
	off_t mid = size / 2;

	if (size < THREAD_MIN_BYTES)
		return 0;
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

/* Waits for the second half and hands its results to the first sink. */
static void join_worker(struct csvread *cr, struct worker *w)
{
	if (!w->started)
		return;
	if (w->running)
		pthread_join(w->thread, NULL);
	if (!cr->st->failed && w->st.failed)
		status_fail(cr->st, "%s", w->err);
	cr->records += w->cr.records;
	row_free(&w->cr.row);
	cr->sink->join(cr->ctx, w->cr.ctx);
}

/* Long: the reader's set-up in the order it must happen (decompression,
 * sniffing, UTF-16, the split point, the second reader, the fallback to
 * one): each step uses the state the previous one left. */
uint64_t csvread_run(const struct csvread_options *o, const struct csvread_sink *sink, void *ctx,
		     struct status *st, int fd, bool seekable, off_t size)
{
	struct csvread cr = { .sink = sink, .ctx = ctx, .st = st, .opt = o, .line = 1 };
	struct csv_parser p;
	struct worker w;
	char *buf;
	ssize_t n;
	size_t off = 0;
	off_t split = 0;
	enum unpack_kind kind = UNPACK_NONE;
	bool again = false;

	memset(&w, 0, sizeof w);
	if ((buf = malloc(2 * CHUNK)) == NULL) {
		status_fail(st, "out of memory");
		return 0;
	}
	n = read_full(fd, buf, SNIFF_BYTES, seekable ? 0 : -1);
	if (n > 0 && (kind = unpack_detect(buf, (size_t)n)) != UNPACK_NONE) {
		/* compressed: read the text from the decompressing thread's
		 * pipe, as a stream; progress counts the compressed bytes */
		if ((seekable && lseek(fd, n, SEEK_SET) != n) ||
		    (fd = unpack_start(&cr.unpack, kind, fd, buf, (size_t)n)) < 0) {
			status_fail(st, "out of memory");
			free(buf);
			return 0;
		}
		seekable = false;
		n = read_full(fd, buf, SNIFF_BYTES, -1);
	} else if (n > 0 && seekable && o->may_split && (split = split_point(fd, size, buf)) > 0) {
		n = read_full(fd, buf, SNIFF_BYTES, 0); /* split_point used buf */
	}
	if (n < 0) {
		status_fail(st, "%s: %s", o->source, strerror(errno));
		goto out;
	}
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	/* UTF-16 (a byte-order mark, or ASCII with every other byte NUL, as
	 * Excel and PowerShell write it): say so, instead of failing later
	 * on columns that cannot be told apart */
	if (n >= 4 && (memcmp(buf, "\xff\xfe", 2) == 0 || memcmp(buf, "\xfe\xff", 2) == 0 ||
		       (buf[0] != 0 && buf[1] == 0 && buf[2] != 0 && buf[3] == 0) ||
		       (buf[0] == 0 && buf[1] != 0 && buf[2] == 0 && buf[3] != 0))) {
		status_fail(st, "%s: the file is UTF-16 text; cutoff reads UTF-8 (convert it: iconv -f UTF-16 -t UTF-8)",
			    o->source);
		goto out;
	}
	w.delim = o->delimiter ? o->delimiter : sniff_delimiter(buf + off, (size_t)n - off, (size_t)n < SNIFF_BYTES);
	cr.delim = w.delim;
	w.scan = !o->libcsv_only && scan_delimiter_ok(w.delim);
	if (csvread_parser(&p, w.delim) == NULL) {
		status_fail(st, "out of memory");
		goto out;
	}
	/* the first reader's share stands for the whole: both halves go at
	 * the same pace */
	cr.progress_total = split > 0 ? split : (seekable || cr.unpack != NULL) ? size : 0;
	cr.progress_scale = split > 0 ? (double)size / (double)split : 1;
	w.fd = fd;
	w.start = split;
	cr.split = split > 0;
	(w.scan ? scan_from : parse_from)(&cr, fd, seekable, &p, buf, off, (size_t)n, 0, split > 0 ? split : -1,
					   split > 0 ? start_worker : NULL, &(struct worker_start){ &cr, &w });
	if (split > 0 && p.pstate != 0) { /* not libcsv's ROW_NOT_BEGUN */
		/* the middle is inside a quoted field: what the second reader
		 * read is not the file's records */
		csv_free(&p);
		join_worker(&cr, &w);
		again = true;
		goto out;
	}
	if (!st->failed) {
		cr.unterminated = p.pstate == 2 && p.quoted; /* libcsv's FIELD_BEGUN */
		csv_fini(&p, on_field, on_record, &cr);
	}
	csv_free(&p);
	free(buf);
	buf = NULL;
	if (cr.unpack != NULL) {
		char why[256];

		/* an archive that did not decode is the cause of anything
		 * else that went wrong with its text */
		if (unpack_finish(cr.unpack, why, sizeof why) < 0) {
			st->failed = false;
			status_fail(st, "%s: %s", o->source, why);
		}
		cr.unpack = NULL;
	}
	if (!st->failed)
		sink->done(ctx, &cr);
	if (split > 0 && !st->failed) {
		/* the columns may have been decided only now (very long lines) */
		start_worker(&(struct worker_start){ &cr, &w });
		if (w.started && !w.running)
			worker_main(&w); /* no thread to be had: read it here */
	}
	join_worker(&cr, &w);
out:
	if (cr.unpack != NULL)
		unpack_finish(cr.unpack, (char[1]){ 0 }, 1); /* failed before reading */
	free(buf);
	row_free(&cr.row);
	return again ? CSVREAD_AGAIN : cr.records;
}
