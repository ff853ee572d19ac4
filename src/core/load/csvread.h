/*
 * csvread: every CSV byte goes through libcsv here.  It reads a file or a
 * stream in 1 MB chunks, finds the delimiter, counts physical lines for
 * messages (CRLF is one break; breaks inside quoted fields count), skips
 * blank lines, and hands each record to a sink.  A large file is split at a
 * line break and its second half read by a second thread into a second
 * sink, which the first one takes back in file order at the end.
 */
#ifndef CUTOFF_CSVREAD_H
#define CUTOFF_CSVREAD_H

#include "core/load/row.h"
#include "core/load/scan.h"
#include "core/load/unpack.h"
#include "core/load/status.h"

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct csvread;

/* Where records go.  ctx is the sink's own state. */
struct csvread_sink {
	/* a non-blank record; unterminated: it ends inside quotes at the end
	 * of the input */
	void (*record)(void *ctx, struct csvread *cr, const struct row *r, bool unterminated);
	/* a reader's input is done: the first one's (before the second half
	 * is joined), and the second one's, in its thread */
	void (*done)(void *ctx, struct csvread *cr);
	/* a sink for the second half, reporting into st; NULL when out of
	 * memory (then the second half is not read and st says so) */
	void *(*fork)(void *ctx, struct status *st);
	/* takes the second half's results back (and frees child) */
	void (*join)(void *ctx, void *child);
	/* a quote-free line taken whole, at speed; false: not that simple,
	 * split it and hand it to record (NULL: never) */
	bool (*simple)(void *ctx, const char *line, size_t len);
};

struct csvread_options {
	const char *source;         /* for messages */
	char delimiter;             /* 0: sniff from the first 64 KB */
	bool may_split;             /* a second thread is allowed */
	bool libcsv_only;           /* no scanner (tests compare the two) */
	/* told after each chunk: bytes done and the total (0 on a pipe) */
	void (*progress)(void *arg, double done, double total);
	void *progress_arg;
};

struct csvread {
	const struct csvread_sink *sink;
	void *ctx;
	struct status *st;
	const struct csvread_options *opt;
	uint64_t line;              /* the physical line being read */
	bool last_cr;
	bool unterminated;          /* the last record ends inside quotes */
	struct row row;
	const bool *want;           /* which fields to keep; NULL: all */
	size_t want_n;
	struct scan_keep keep;      /* the same, for the scanner */
	char delim;
	bool ready;                 /* the sink has decided its columns */
	bool split;                 /* the input is read by two readers */
	uint64_t records;           /* non-blank records */
	uint64_t fed;               /* bytes given to libcsv since a record ended (to a chunk) */
	off_t progress_total;       /* -1: no progress from this reader */
	struct unpack *unpack;      /* compressed input: its decompressor */
	double progress_scale;
};

/* Keep only the fields of columns with want[i] from now on; the second
 * half may start after this. */
void csvread_keep(struct csvread *cr, const bool *want, size_t n);

/* The longest record read: endless input (/dev/zero, a binary file
 * without line breaks) stops here with a message instead of growing
 * memory without bound. */
#define CSVREAD_MAX_RECORD ((uint64_t)256 << 20)

/* Reads the whole input (fd; seekable with its size, or a stream).
 * Returns the non-blank records read (both halves); failures are in st.
 * CSVREAD_AGAIN: the file was split inside a quoted field (the records the
 * sink got are not the file's): read it again with may_split off. */
#define CSVREAD_AGAIN UINT64_MAX

struct csv_parser;

/* libcsv set up as the reader sets it up (delimiter, line ends, spaces),
 * for a record read on its own; NULL when out of memory. */
struct csv_parser *csvread_parser(struct csv_parser *p, char delim);

uint64_t csvread_run(const struct csvread_options *o, const struct csvread_sink *sink, void *ctx,
		     struct status *st, int fd, bool seekable, off_t size);

#endif
