/*
 * canvas: dots to glyphs.  Braille cells are U+2800 plus a bit per dot
 * (left column 0x01 0x02 0x04 0x40, right 0x08 0x10 0x20 0x80); block cells
 * use the quadrant characters; ASCII cells show one character per series.
 */
#include "ui/canvas.h"

#include <stdlib.h>
#include <string.h>

static const uint8_t braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/* Quadrants: bit 1 top-left, 2 top-right, 4 bottom-left, 8 bottom-right. */
static const uint32_t quadrant[16] = {
	' ', 0x2598, 0x259D, 0x2580, 0x2596, 0x258C, 0x259E, 0x259B,
	0x2597, 0x259A, 0x2590, 0x259C, 0x2584, 0x2599, 0x259F, 0x2588
};

int canvas_init(struct canvas *c, int cols, int rows, enum glyphs glyphs)
{
	size_t n;

	memset(c, 0, sizeof *c);
	if (cols < 1 || rows < 1)
		return -1;
	c->cols = cols;
	c->rows = rows;
	c->glyphs = glyphs;
	c->dx = glyphs == GLYPHS_ASCII ? 1 : 2;
	c->dy = glyphs == GLYPHS_BRAILLE ? 4 : glyphs == GLYPHS_BLOCK ? 2 : 1;
	c->w = cols * c->dx;
	c->h = rows * c->dy;
	n = (size_t)cols * (size_t)rows;
	c->mask = calloc(n, 1);
	c->style = calloc(n, 1);
	if (c->mask == NULL || c->style == NULL) {
		canvas_free(c);
		return -1;
	}
	return 0;
}

void canvas_free(struct canvas *c)
{
	free(c->mask);
	free(c->style);
	c->mask = c->style = NULL;
}

void canvas_clear(struct canvas *c)
{
	size_t n = (size_t)c->cols * (size_t)c->rows;

	memset(c->mask, 0, n);
	memset(c->style, 0, n);
}

void canvas_copy(struct canvas *c, const struct canvas *src)
{
	size_t n = (size_t)c->cols * (size_t)c->rows;

	memcpy(c->mask, src->mask, n);
	memcpy(c->style, src->style, n);
}

void canvas_dot(struct canvas *c, int x, int y, enum style st)
{
	size_t i;
	int cx, cy;

	if (x < 0 || y < 0 || x >= c->w || y >= c->h)
		return;
	cx = x / c->dx;
	cy = y / c->dy;
	i = (size_t)cy * (size_t)c->cols + (size_t)cx;
	if (c->glyphs == GLYPHS_BRAILLE)
		c->mask[i] |= braille_bit[y % 4][x % 2];
	else if (c->glyphs == GLYPHS_BLOCK)
		c->mask[i] |= (uint8_t)(1u << ((y % 2) * 2 + x % 2));
	else
		c->mask[i] = 1;
	c->style[i] = (uint8_t)st;
}

static int dash_on(enum dash dash, int step)
{
	switch (dash) {
	case DASH_LONG:
		return step % 6 < 4;
	case DASH_DOTTED:
		return step % 2 == 0;
	case DASH_SPARSE:
		return step % 4 == 0;
	default:
		return 1;
	}
}

void canvas_line(struct canvas *c, int x0, int y0, int x1, int y1, enum style st, enum dash dash)
{
	int dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
	int dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
	int err = dx + dy, step = 0;

	for (;;) {
		int e2 = 2 * err;

		if (dash_on(dash, step++))
			canvas_dot(c, x0, y0, st);
		if (x0 == x1 && y0 == y1)
			break;
		/* both tests use the error before this step's updates */
		if (e2 >= dy) {
			err += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			y0 += sy;
		}
	}
}

static uint32_t ascii_glyph(enum style st)
{
	switch (st) {
	case ST_CURVE: return '*';
	case ST_CURVE2: return '+';
	case ST_CURVE3: return 'o';
	case ST_CURVE4: return 'x';
	case ST_BASELINE: return '.';
	case ST_BASELINE2: return ':';
	case ST_POS: return '#';
	case ST_NEG: return '=';
	default: return '*';
	}
}

int canvas_cell_empty(const struct canvas *c, int col, int row)
{
	return c->mask[(size_t)row * (size_t)c->cols + (size_t)col] == 0;
}

void canvas_blit(const struct canvas *c, struct grid *g, int x, int y)
{
	int cx, cy;

	for (cy = 0; cy < c->rows; cy++)
		for (cx = 0; cx < c->cols; cx++) {
			size_t i = (size_t)cy * (size_t)c->cols + (size_t)cx;
			uint8_t m = c->mask[i];
			uint32_t ch;

			if (m == 0)
				continue;
			if (c->glyphs == GLYPHS_BRAILLE)
				ch = 0x2800u + m;
			else if (c->glyphs == GLYPHS_BLOCK)
				ch = quadrant[m & 15];
			else
				ch = ascii_glyph((enum style)c->style[i]);
			grid_put(g, x + cx, y + cy, ch, (enum style)c->style[i]);
		}
}
