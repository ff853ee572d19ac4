/*
 * scan: the quote-free fast path of the reader.  One line of a simple file
 * (no quote but around whole fields, no lone CR) is split into a row in
 * place, exactly as libcsv would split it: fields between delimiters,
 * spaces and tabs trimmed from both ends (only spaces when tab is the
 * delimiter), a line of nothing but those blank.  Anything it does not
 * handle is said, and the reader gives the rest of its range to libcsv.
 */
#ifndef CUTOFF_SCAN_H
#define CUTOFF_SCAN_H

#include "core/load/row.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether the scanner can split fields with this delimiter. */
bool scan_delimiter_ok(char delim);

/* Which fields to keep: all while want is NULL; else those with want[i],
 * and after field last (the last wanted one) only whether more follow. */
struct scan_keep {
	const bool *want;
	size_t want_n, last;
};

enum scan_result { SCAN_OK, SCAN_LIBCSV, SCAN_NOMEM };

/* How many of the n bytes at p are c (eight at a time). */
size_t scan_count(const char *p, size_t n, char c);

/* Splits the line s[0..len) (its LF and a CR before it removed; no other
 * CR in it) into r, which the caller has reset.  quotes: the line has a
 * quote character (fields are then split to the end of the line: a quote
 * may open a field that goes on past it).  SCAN_LIBCSV: a quote the
 * scanner does not handle (doubled, text after a closing one, or one left
 * open); r is then undefined. */
enum scan_result scan_line(struct row *r, const char *s, size_t len, char delim, bool quotes,
			   const struct scan_keep *k);

/* The fields numbered col[0] and col[1] (different) of the quote-free line
 * s[0..len), trimmed as scan_line trims them, into f and n; false when the
 * line ends before both. */
bool scan_pair(const char *s, size_t len, char delim, const size_t col[2], const char *f[2], size_t n[2]);

#endif
