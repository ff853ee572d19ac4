/*
 * row: one CSV record's fields in a reusable buffer: the text of each kept
 * field, NUL-terminated, one after the other, and where each starts.  The
 * reader fills it, the sniffer and the loader read it.
 */
#ifndef CUTOFF_ROW_H
#define CUTOFF_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct field {
	size_t off, len;
};

/* A reader that starts mid-file counts its lines from 1; how many came
 * before is counted only when a message names a line (row_line), so that
 * the reader need not wait for a count of what another one reads. */
struct row_base {
	uint64_t (*count)(void *ctx); /* lines before the reader's start */
	void *ctx;
	uint64_t before;
	bool counted;
};

struct row {
	char *buf;
	size_t used, cap;
	struct field *f;
	size_t cap_f;
	const char *at;     /* fields pointed at where they lie (row_point):
			     * offsets from here; NULL: in buf */
	size_t count;       /* fields seen in this record */
	bool nonempty;      /* some field has text */
	uint64_t line;      /* physical line where the record starts, counted
			     * from base's start when base is not NULL */
	struct row_base *base;
};

/* The physical line in the file of line (counted as r->line is). */
uint64_t row_base_line(struct row_base *base, uint64_t line);

/* The physical line in the file where r starts (for messages). */
uint64_t row_line(const struct row *r);

/* Stores field col's text; -1 when out of memory. */
int row_store(struct row *r, size_t col, const char *s, size_t len);

/* Field col is s[0..len), left where it lies: r->at is set, s points into
 * the same text, which outlives the row's use; -1 when out of memory. */
int row_point(struct row *r, size_t col, const char *s, size_t len);

/* Empties the row for the next record (keeping its memory). */
void row_reset(struct row *r);

/* Field col's text (not NUL-terminated when pointed at), or "" and false
 * when the record has no such field. */
bool row_get(const struct row *r, size_t col, const char **s, size_t *len);

/* A copy of src in memory of its own size; -1 when out of memory. */
int row_copy(struct row *dst, const struct row *src);

/* Bytes a copy holds (for the sample's budget). */
size_t row_bytes(const struct row *r);

void row_free(struct row *r);

/* Records kept whole (the loader's sample), and their bytes. */
struct rows {
	struct row *v;
	size_t n, cap, bytes;
};

/* Appends a copy of r; -1 when out of memory. */
int rows_add(struct rows *rs, const struct row *r);

void rows_free(struct rows *rs);

#endif
