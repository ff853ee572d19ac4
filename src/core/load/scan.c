/*
 * scan: splitting a simple line as libcsv does.  libcsv (default options)
 * skips spaces and tabs before a field and drops them after it; a field
 * that starts with a quote runs to the closing quote, and spaces after that
 * are dropped too; a line with no field text and no delimiter is a record
 * of no fields.  Doubled quotes, text after a closing quote and quotes left
 * open (the field goes on past the line) are left to libcsv.
 */
#include "core/load/scan.h"

#include <stdint.h>
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

#define ONES UINT64_C(0x0101010101010101)

/* The high bit of each of the eight bytes at p that equals c, and no other
 * bit: exact, without a branch (no carry crosses a byte). */
static uint64_t equal_bytes(const char *p, char c)
{
	const uint64_t lows = UINT64_C(0x7f7f7f7f7f7f7f7f);
	uint64_t w, x;

	memcpy(&w, p, 8);
	x = w ^ (ONES * (unsigned char)c);
	return ~(((x & lows) + lows) | x | lows);
}

/* How many bits equal_bytes set. */
static size_t how_many(uint64_t hit)
{
	return (size_t)(((hit >> 7) * ONES) >> 56);
}

size_t scan_count(const char *p, size_t n, char c)
{
	const char *end = p + n;
	size_t count = 0;

	for (; end - p >= 8; p += 8)
		count += how_many(equal_bytes(p, c));
	for (; p < end; p++)
		count += *p == c;
	return count;
}

/* Past the m-th delimiter from p (m >= 1), or NULL with *found the
 * delimiters there are.  Eight bytes at a time: unused columns cost
 * little. */
static const char *skip_delims(const char *p, const char *end, char delim, size_t m, size_t *found)
{
	size_t left = m;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (end - p >= 8) {
		uint64_t hit = equal_bytes(p, delim);
		size_t c = how_many(hit);

		if (c >= left) {
			while (--left > 0)
				hit &= hit - 1;
			return p + (__builtin_ctzll(hit) >> 3) + 1;
		}
		left -= c;
		p += 8;
	}
#endif
	for (; p < end; p++)
		if (*p == delim && --left == 0)
			return p + 1;
	*found = m - left;
	return NULL;
}

enum scan_result scan_line(struct row *r, const char *s, size_t len, char delim, bool quotes,
			   const struct scan_keep *k)
{
	const char *p = s, *end = s + len;

	if (k->want != NULL)
		r->at = s;
	for (;;) {
		const char *f, *e, *next;
		size_t col = r->count;

		if (col > 0 && k->want != NULL && !quotes && !keep(k, col)) {
			/* columns nobody reads, up to the next one kept (col is
			 * at most the last kept: see below) */
			size_t j = col, found = 0;

			while (!k->want[j])
				j++;
			if ((p = skip_delims(p, end, delim, j - col, &found)) == NULL) {
				r->count += found + 1;
				return SCAN_OK;
			}
			r->count = j;
			continue;
		}
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
		/* once the columns are known, fields are left where they lie
		 * (the loader reads them before the next line) */
		if (keep(k, col) && (k->want != NULL ? row_point(r, col, f, (size_t)(e - f))
						     : row_store(r, col, f, (size_t)(e - f))) < 0)
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

bool scan_pair(const char *s, size_t len, char delim, const size_t col[2], const char *f[2], size_t n[2])
{
	const char *p = s, *end = s + len;
	size_t c = 0, k, j = col[0] < col[1] ? 0 : 1; /* the nearer first */

	for (k = 0; k < 2; k++, j = 1 - j) {
		const char *next, *a, *e;
		size_t found;

		if (col[j] > c) {
			/* the columns before it, eight bytes at a time */
			if ((p = skip_delims(p, end, delim, col[j] - c, &found)) == NULL)
				return false;
			c = col[j];
		}
		for (next = p; next < end && *next != delim; next++)
			;
		for (a = p; a < next && is_space(*a, delim); a++)
			;
		for (e = next; e > a && is_space(e[-1], delim); e--)
			;
		f[j] = a;
		n[j] = (size_t)(e - a);
		if (next == end && k == 0)
			return false; /* no field after it */
		p = next + 1;
		c++;
	}
	return true;
}
