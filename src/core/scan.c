/*
 * scan: splitting a simple line as libcsv does.  libcsv (default options)
 * skips spaces and tabs before a field and drops them after it; a field
 * that starts with a quote runs to the closing quote, and spaces after that
 * are dropped too; a line with no field text and no delimiter is a record
 * of no fields.  Doubled quotes, text after a closing quote and quotes left
 * open (the field goes on past the line) are left to libcsv.
 */
#include "core/scan.h"

#include <string.h>

bool scan_delimiter_ok(char delim)
{
	return delim == ',' || delim == ';' || delim == '\t' || delim == '|';
}

/* libcsv's space test: space and tab, but not the delimiter */
static bool is_space(char c, char delim)
{
	return (c == ' ' || c == '\t') && c != delim;
}

static bool keep(const struct scan_keep *k, size_t col)
{
	return k->want == NULL || (col < k->want_n && k->want[col]);
}

enum scan_result scan_line(struct row *r, const char *s, size_t len, char delim, bool quotes,
			   const struct scan_keep *k)
{
	const char *p = s, *end = s + len;

	for (;;) {
		const char *f, *e, *next;
		size_t col = r->count;

		while (p < end && is_space(*p, delim))
			p++;
		if (col == 0 && p == end)
			return SCAN_OK; /* a blank line: no fields */
		if (p < end && *p == '"') {
			const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));

			if (q == NULL)
				return SCAN_LIBCSV; /* open: the field goes on past the line */
			f = p + 1;
			e = q;
			for (next = q + 1; next < end && *next != delim; next++)
				if (!is_space(*next, delim))
					return SCAN_LIBCSV; /* a doubled quote, or text after it */
		} else {
			/* fields are short: a loop beats a call to memchr */
			for (next = p; next < end && *next != delim; next++)
				;
			f = p;
			e = next; /* a quote inside is text, to libcsv too */
			while (e > f && is_space(e[-1], delim))
				e--;
		}
		if (e > f)
			r->nonempty = true;
		r->count++;
		if (keep(k, col) && row_store(r, col, f, (size_t)(e - f)) < 0)
			return SCAN_NOMEM;
		if (next == end)
			return SCAN_OK;
		p = next + 1;
		if (k->want != NULL && col >= k->last && !quotes) {
			/* nothing further is kept: that more fields follow is
			 * all the loader asks (it needs at least last + 1) */
			r->count++;
			return SCAN_OK;
		}
	}
}
