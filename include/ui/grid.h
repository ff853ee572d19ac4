/*
 * grid: a rectangle of cells, each a character (a Unicode code point) and
 * a semantic style.  Panels draw only into a grid; the terminal shell copies
 * it to the screen, and tests print it as text.  No curses here.
 */
#ifndef CUTOFF_GRID_H
#define CUTOFF_GRID_H

#include <stddef.h>
#include <stdint.h>

/* What a cell means; the shell maps each to a colour or attribute. */
enum style {
	ST_NORMAL,
	ST_DIM,
	ST_TITLE,
	ST_LABEL,
	ST_VALUE,
	ST_AXIS,
	ST_CURVE,        /* series 0..3 of a plot */
	ST_CURVE2,
	ST_CURVE3,
	ST_CURVE4,
	ST_BASELINE,
	ST_BASELINE2,    /* a second reference line (gains: perfect): ':' in ASCII */
	ST_MARKER,       /* the operating point, drawn last */
	ST_THRESHOLD,    /* the threshold line in plots */
	ST_GOOD,         /* correct cells of the matrix */
	ST_BAD,          /* error cells */
	ST_POS,          /* positives' histogram */
	ST_NEG,          /* negatives' histogram */
	ST_SLIDER,       /* slider track */
	ST_KNOB,         /* slider knob */
	ST_ACTIVE,       /* the group knob in hand: reverse video, in colour too */
	ST_KEY,          /* key names in the status line */
	ST_STATUS,
	ST_UP,           /* metric moved the better way / the worse way */
	ST_DOWN,
	ST_WARN,
	ST_COUNT
};

/* A cell whose ch is GRID_WIDE_TAIL is the right half of a wide character. */
#define GRID_WIDE_TAIL 0xFFFFFFFFu

struct cell {
	uint32_t ch;
	uint8_t style;
};

struct grid {
	int w, h;
	struct cell *cells;
};

struct rect {
	int x, y, w, h;
};

/* Allocates a w x h grid of blanks; returns NULL when out of memory. */
struct grid *grid_new(int w, int h);
void grid_free(struct grid *g);

void grid_clear(struct grid *g);

/* Sets one cell; ignores positions outside the grid. */
void grid_put(struct grid *g, int x, int y, uint32_t ch, enum style st);

/* Writes UTF-8 text from (x, y), at most max_w columns; control characters
 * and invalid bytes are shown escaped (the text may come from the data),
 * wide characters take two columns.  Returns the columns used. */
int grid_text(struct grid *g, int x, int y, const char *s, enum style st, int max_w);

/* grid_text, grid_text_mid and grid_text_width for text escaped already
 * (messages, the plain words, group names: text_escape's output), which
 * is only made safe again, not escaped a second time. */
int grid_shown(struct grid *g, int x, int y, const char *s, enum style st, int max_w);
int grid_shown_mid(struct grid *g, int x, int y, const char *s, enum style st, int max_w, uint32_t gap);
int grid_shown_width(const char *s);

/* grid_text, but text wider than max_w loses its middle, marked by the gap
 * glyph, so that names that differ only at the end stay apart:
 * "churn_model…ted_prob_v2".  Returns the columns used. */
int grid_text_mid(struct grid *g, int x, int y, const char *s, enum style st, int max_w, uint32_t gap);

/* A piece of text with numbers in it, drawn whole or not at all: a number
 * cut at the edge reads as another number ("(41.83%)" cut to "(4").
 * Returns the columns used (0: it did not fit). */
int grid_whole(struct grid *g, int x, int y, const char *s, enum style st, int max_w);

/* printf into the grid, whole or not at all (as grid_whole). */
int grid_printf(struct grid *g, int x, int y, enum style st, int max_w, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Escaped text (as grid_shown) word-wrapped into r from row y; g NULL
 * only counts.  Returns the rows used. */
int grid_wrap(struct grid *g, struct rect r, int y, const char *text, enum style st);

/* Display width of UTF-8 text as grid_text would draw it. */
int grid_text_width(const char *s);

void grid_fill(struct grid *g, struct rect r, uint32_t ch, enum style st);

/* The grid as UTF-8 text, one line per row, trailing blanks removed; the
 * caller frees it.  For tests and snapshots. */
char *grid_to_text(const struct grid *g);

#endif
