/*
 * grid: cells in row-major order.  Text from the data goes through the
 * same escaping as every output (text_escape); text escaped already (a
 * message, the plain words, a group's name) is only made safe again
 * (text_sanitize), so that it is not escaped twice.  Then it is decoded to
 * code points and measured with wcwidth, so untrusted text can neither
 * send escapes nor break the layout.
 */
#define _XOPEN_SOURCE 700
#include "ui/grid.h"

#include "core/base/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct grid *grid_new(int w, int h)
{
	struct grid *g;

	if (w < 1 || h < 1)
		return NULL;
	if ((g = malloc(sizeof *g)) == NULL)
		return NULL;
	g->w = w;
	g->h = h;
	if ((g->cells = malloc((size_t)w * (size_t)h * sizeof *g->cells)) == NULL) {
		free(g);
		return NULL;
	}
	grid_clear(g);
	return g;
}

void grid_free(struct grid *g)
{
	if (g != NULL) {
		free(g->cells);
		free(g);
	}
}

void grid_clear(struct grid *g)
{
	size_t i, n = (size_t)g->w * (size_t)g->h;

	for (i = 0; i < n; i++) {
		g->cells[i].ch = ' ';
		g->cells[i].style = ST_NORMAL;
	}
}

void grid_put(struct grid *g, int x, int y, uint32_t ch, enum style st)
{
	struct cell *c;

	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return;
	c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
	c->ch = ch;
	c->style = (uint8_t)st;
}

/* Columns a code point takes: our own glyphs are all one column; wcwidth
 * decides for the rest (0 for combining marks, -1 for unprintables). */
static int cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x7f)
		return cp >= 0x20 ? 1 : -1;
	w = wcwidth((wchar_t)cp);
	return w;
}

/* Calls fn for each code point of the escaped text (data: text_escape;
 * shown: already escaped, only made safe again); stops when it says so. */
static int walk(const char *s, bool shown, int (*fn)(void *, uint32_t, int), void *arg)
{
	char esc[1024];
	const unsigned char *u = (const unsigned char *)esc;
	size_t len, i = 0;
	int cols = 0;

	if (shown)
		text_sanitize(esc, sizeof esc, s, strlen(s), 400);
	else
		text_escape(esc, sizeof esc, s, strlen(s), 400);
	len = strlen(esc);
	while (i < len) {
		unsigned int cp = u[i];
		size_t n = 1;
		int w;

		if (cp >= 0x80 && (n = text_utf8_seq(u + i, len - i, &cp)) == 0) {
			n = 1;
			cp = '?';
		}
		i += n;
		w = cp_width(cp);
		if (w < 0)
			w = 1, cp = '?';
		if (fn(arg, cp, w) != 0)
			break;
		cols += w;
	}
	return cols;
}

struct draw {
	struct grid *g;
	int x, y, max_w, used;
	enum style st;
	int skip; /* leading columns not drawn */
};

static int draw_cp(void *arg, uint32_t cp, int w)
{
	struct draw *d = arg;

	if (w == 0)
		return 0; /* combining marks are dropped rather than misplaced */
	if (d->skip > 0) {
		d->skip -= w; /* a wide character across the cut goes whole */
		return 0;
	}
	if (d->used + w > d->max_w)
		return 1;
	grid_put(d->g, d->x + d->used, d->y, cp, d->st);
	if (w == 2)
		grid_put(d->g, d->x + d->used + 1, d->y, GRID_WIDE_TAIL, d->st);
	d->used += w;
	return 0;
}

static int text(struct grid *g, int x, int y, const char *s, enum style st, int max_w, bool shown)
{
	struct draw d = { g, x, y, max_w, 0, st, 0 };

	if (max_w <= 0)
		return 0;
	walk(s, shown, draw_cp, &d);
	return d.used;
}

static int count_cp(void *arg, uint32_t cp, int w)
{
	(void)arg;
	(void)cp;
	(void)w;
	return 0;
}

static int text_mid(struct grid *g, int x, int y, const char *s, enum style st, int max_w, uint32_t gap, bool shown)
{
	int total = walk(s, shown, count_cp, NULL), head, tail;
	struct draw d = { g, 0, y, 0, 0, st, 0 };

	if (total <= max_w || max_w < 5)
		return text(g, x, y, s, st, max_w, shown);
	/* the end gets the larger half: names of versions differ there */
	tail = max_w / 2;
	head = text(g, x, y, s, st, max_w - 1 - tail, shown);
	grid_put(g, x + head, y, gap, ST_DIM);
	d.x = x + head + 1;
	d.max_w = tail;
	d.skip = total - tail;
	walk(s, shown, draw_cp, &d);
	return head + 1 + d.used;
}

int grid_text(struct grid *g, int x, int y, const char *s, enum style st, int max_w)
{
	return text(g, x, y, s, st, max_w, false);
}

int grid_text_mid(struct grid *g, int x, int y, const char *s, enum style st, int max_w, uint32_t gap)
{
	return text_mid(g, x, y, s, st, max_w, gap, false);
}

int grid_text_width(const char *s)
{
	return walk(s, false, count_cp, NULL);
}

int grid_shown(struct grid *g, int x, int y, const char *s, enum style st, int max_w)
{
	return text(g, x, y, s, st, max_w, true);
}

int grid_shown_mid(struct grid *g, int x, int y, const char *s, enum style st, int max_w, uint32_t gap)
{
	return text_mid(g, x, y, s, st, max_w, gap, true);
}

int grid_shown_width(const char *s)
{
	return walk(s, true, count_cp, NULL);
}

int grid_whole(struct grid *g, int x, int y, const char *s, enum style st, int max_w)
{
	return grid_text_width(s) <= max_w ? grid_text(g, x, y, s, st, max_w) : 0;
}

int grid_printf(struct grid *g, int x, int y, enum style st, int max_w, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return grid_whole(g, x, y, buf, st, max_w);
}

void grid_fill(struct grid *g, struct rect r, uint32_t ch, enum style st)
{
	int x, y;

	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			grid_put(g, x, y, ch, st);
}

static size_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

char *grid_to_text(const struct grid *g)
{
	size_t cap = (size_t)g->h * ((size_t)g->w * 4 + 1) + 1, o = 0;
	char *out = malloc(cap);
	int x, y;

	if (out == NULL)
		return NULL;
	for (y = 0; y < g->h; y++) {
		size_t line_start = o, last = o;

		for (x = 0; x < g->w; x++) {
			uint32_t ch = g->cells[(size_t)y * (size_t)g->w + (size_t)x].ch;

			if (ch == GRID_WIDE_TAIL)
				continue;
			o += put_utf8(out + o, ch);
			if (ch != ' ')
				last = o;
		}
		(void)line_start;
		o = last;
		out[o++] = '\n';
	}
	out[o] = '\0';
	return out;
}

int grid_wrap(struct grid *g, struct rect r, int y, const char *text, enum style st)
{
	char line[256];
	const char *p = text;
	int rows = 0;

	while (*p && y + rows < r.y + r.h) {
		size_t len = 0, last_space = 0;
		int cols = 0;

		/* columns, not bytes: class names may be UTF-8 */
		while (p[len] && p[len] != '\n' && cols < r.w && len < sizeof line - 8) {
			if (p[len] == ' ')
				last_space = len;
			len++;
			while ((p[len] & 0xc0) == 0x80)
				len++;
			cols++;
		}
		if (p[len] && p[len] != '\n' && p[len] != ' ' && last_space > 0)
			len = last_space;
		memcpy(line, p, len);
		line[len] = '\0';
		if (g != NULL) /* NULL: only count the rows; the words are escaped already */
			grid_shown(g, r.x, y + rows, line, st, r.w);
		rows++;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return rows;
}
