/*
 * canvas: sub-cell drawing.  A canvas is cols x rows cells, each holding a
 * mask of dots (braille: 2x4 per cell, block: 2x2, ascii: 1) and the style
 * of the last series drawn there.  Dot coordinates have y = 0 at the top.
 */
#ifndef CUTOFF_CANVAS_H
#define CUTOFF_CANVAS_H

#include "ui/grid.h"
#include "app/view.h"

#include <stdint.h>

struct canvas {
	int cols, rows;     /* cells */
	int dx, dy;         /* dots per cell */
	int w, h;           /* dots: cols*dx, rows*dy */
	enum glyphs glyphs;
	uint8_t *mask;
	uint8_t *style;
};

/* Dash patterns that keep series apart without colour. */
enum dash { DASH_SOLID, DASH_LONG, DASH_DOTTED, DASH_SPARSE };

int canvas_init(struct canvas *c, int cols, int rows, enum glyphs glyphs);
void canvas_free(struct canvas *c);
void canvas_clear(struct canvas *c);

/* Copies src into c (same size and glyphs). */
void canvas_copy(struct canvas *c, const struct canvas *src);

void canvas_dot(struct canvas *c, int x, int y, enum style st);

/* A line between two dots (Bresenham), clipped; dashed by step count. */
void canvas_line(struct canvas *c, int x0, int y0, int x1, int y1, enum style st, enum dash dash);

/* Draws the non-empty cells into the grid at (x, y). */
void canvas_blit(const struct canvas *c, struct grid *g, int x, int y);

/* True when the cell holds no dot. */
int canvas_cell_empty(const struct canvas *c, int col, int row);

#endif
