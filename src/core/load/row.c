/*
 * row: the record buffer.  Field texts go into one growing byte buffer
 * (offsets, not pointers, so that growing it moves nothing that is held).
 */
#include "core/load/row.h"

#include <stdlib.h>
#include <string.h>

/* Room for field col's place. */
static int fields_for(struct row *r, size_t col)
{
	if (col >= r->cap_f) {
		size_t cap = r->cap_f ? r->cap_f * 2 : 16;
		struct field *f;

		while (cap <= col)
			cap *= 2;
		if ((f = realloc(r->f, cap * sizeof *f)) == NULL)
			return -1;
		r->f = f;
		r->cap_f = cap;
	}
	return 0;
}

int row_point(struct row *r, size_t col, const char *s, size_t len)
{
	if (fields_for(r, col) < 0)
		return -1;
	r->f[col].off = (size_t)(s - r->at);
	r->f[col].len = len;
	return 0;
}

int row_store(struct row *r, size_t col, const char *s, size_t len)
{
	if (fields_for(r, col) < 0)
		return -1;
	if (r->used + len + 1 > r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char *b;

		while (cap < r->used + len + 1)
			cap *= 2;
		if ((b = realloc(r->buf, cap)) == NULL)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	memcpy(r->buf + r->used, s, len);
	r->buf[r->used + len] = '\0';
	r->f[col].off = r->used;
	r->f[col].len = len;
	r->used += len + 1;
	return 0;
}

void row_reset(struct row *r)
{
	r->used = 0;
	r->count = 0;
	r->nonempty = false;
	r->at = NULL;
}

bool row_get(const struct row *r, size_t col, const char **s, size_t *len)
{
	if (col >= r->count) {
		*s = "";
		*len = 0;
		return false;
	}
	*s = (r->at != NULL ? r->at : r->buf) + r->f[col].off;
	*len = r->f[col].len;
	return true;
}

int row_copy(struct row *dst, const struct row *src)
{
	if (src->at != NULL) {
		/* pointed-at fields: copied into a buffer of the copy's own */
		memset(dst, 0, sizeof *dst);
		for (size_t i = 0; i < src->count; i++) {
			const char *s;
			size_t len;

			row_get(src, i, &s, &len);
			if (row_store(dst, i, s, len) < 0) {
				row_free(dst);
				return -1;
			}
		}
		dst->count = src->count;
		dst->nonempty = src->nonempty;
		dst->line = src->line;
		dst->base = src->base;
		return 0;
	}
	*dst = *src;
	dst->cap = src->used ? src->used : 1;
	dst->cap_f = src->count ? src->count : 1;
	dst->buf = malloc(dst->cap);
	dst->f = malloc(dst->cap_f * sizeof *dst->f);
	if (dst->buf == NULL || dst->f == NULL) {
		free(dst->buf);
		free(dst->f);
		dst->buf = NULL;
		dst->f = NULL;
		return -1;
	}
	if (src->used > 0) /* never a copy from NULL */
		memcpy(dst->buf, src->buf, src->used);
	if (src->count > 0)
		memcpy(dst->f, src->f, src->count * sizeof *dst->f);
	return 0;
}

size_t row_bytes(const struct row *r)
{
	return r->used + r->count * sizeof *r->f;
}

void row_free(struct row *r)
{
	free(r->buf);
	free(r->f);
	r->buf = NULL;
	r->f = NULL;
	r->used = r->cap = r->cap_f = r->count = 0;
}

int rows_add(struct rows *rs, const struct row *r)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 64;
		struct row *v = realloc(rs->v, cap * sizeof *v);

		if (v == NULL)
			return -1;
		rs->v = v;
		rs->cap = cap;
	}
	if (row_copy(&rs->v[rs->n], r) < 0)
		return -1;
	rs->n++;
	rs->bytes += row_bytes(r);
	return 0;
}

void rows_free(struct rows *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		row_free(&rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}

uint64_t row_base_line(struct row_base *base, uint64_t line)
{
	if (base == NULL)
		return line;
	if (!base->counted) {
		base->before = base->count(base->ctx);
		base->counted = true;
	}
	return base->before + line;
}

uint64_t row_line(const struct row *r)
{
	return row_base_line(r->base, r->line);
}
