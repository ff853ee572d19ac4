/*
 * helpbox: the help as a box of wrapped, scrollable rows.
 *
 * The content is a list of entries, a name (keys, or a command's usage)
 * and its text, from the key and command tables, so the box never goes
 * out of date.  Where names and texts fit side by side they do; on a
 * narrow screen, or for long usages, the text goes under its name.
 */
#include "ui/helpbox.h"

#include "app/cmd.h"
#include "ui/glyph.h"
#include "app/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MAX_ENTRIES 48
#define MAX_ROWS 200

struct entry {
	char name[160];
	char text[160];
};

struct row {
	const char *name;       /* NULL: a continuation row */
	int name_len;           /* bytes of the name on this row */
	const char *text;       /* NULL: a name's own row */
	int len;                /* bytes of text on this row */
};

/* The names bound to an action, "Right, l". */
static void action_names(enum action a, char *buf, size_t cap)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < keys_count; i++)
		if (keys_table[i].action == a) {
			if (buf[0])
				strncat(buf, ", ", cap - strlen(buf) - 1);
			strncat(buf, keys_table[i].name, cap - strlen(buf) - 1);
		}
}

/* One entry per action; a "raise ..." action followed by its "lower ..."
 * twin shares one, so that the keys fit 80x24. */
static size_t key_entries(struct entry *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < keys_count && n < max; i++) {
		const struct binding *b = &keys_table[i], *twin = NULL;

		for (j = 0; j < i; j++)
			if (keys_table[j].action == b->action)
				break;
		if (j < i)
			continue; /* already listed */
		for (j = i + 1; j < keys_count; j++)
			if (keys_table[j].action != b->action)
				break;
		if (j < keys_count && strncmp(b->help, "raise ", 6) == 0 && strncmp(keys_table[j].help, "lower ", 6) == 0 &&
		    strcmp(b->help + 6, keys_table[j].help + 6) == 0)
			twin = &keys_table[j];
		action_names(b->action, out[n].name, sizeof out[n].name);
		if (twin != NULL) {
			char other[48];

			action_names(twin->action, other, sizeof other);
			strncat(out[n].name, " / ", sizeof out[n].name - strlen(out[n].name) - 1);
			strncat(out[n].name, other, sizeof out[n].name - strlen(out[n].name) - 1);
			snprintf(out[n].text, sizeof out[n].text, "raise / lower %s", b->help + 6);
		} else {
			snprintf(out[n].text, sizeof out[n].text, "%s", b->help);
		}
		n++;
		if (twin != NULL)
			i = (size_t)(twin - keys_table); /* skip past the twin's first binding */
	}
	if (n < max) {
		snprintf(out[n].name, sizeof out[n].name, "mouse");
		snprintf(out[n].text, sizeof out[n].text, "drag the slider, click a plot; the wheel steps");
		n++;
	}
	return n;
}

static size_t command_entries(const struct view *v, struct entry *out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < cmd_count && n < max; i++) {
		if (v->help_what >= 0 && (size_t)v->help_what != i)
			continue;
		if (cmd_table[i]->alias != NULL)
			snprintf(out[n].name, sizeof out[n].name, "%s  (short: %s)", cmd_table[i]->usage, cmd_table[i]->alias);
		else
			snprintf(out[n].name, sizeof out[n].name, "%s", cmd_table[i]->usage);
		snprintf(out[n].text, sizeof out[n].text, "%s", cmd_table[i]->help);
		n++;
	}
	return n;
}

/* Bytes of s that fill at most w columns, broken at a space when the rest
 * does not fit (help texts are ASCII but may hold UTF-8 names). */
static int piece(const char *s, int w)
{
	int len = 0, cols = 0, last_space = -1;

	while (s[len] && cols < w) {
		if (s[len] == ' ')
			last_space = len;
		len++;
		while ((s[len] & 0xc0) == 0x80)
			len++;
		cols++;
	}
	if (s[len] && s[len] != ' ' && last_space > 0)
		len = last_space;
	return len;
}

/* Lays the entries out for an inner width; returns the rows.  Names take
 * a column where the texts keep 30 columns beside it; a name wider than
 * the column gets a row of its own, its text below in the text column. */
static int lay_out(const struct entry *e, size_t n, int inner, int *name_w, struct row *rows, int max)
{
	int nr = 0, text_w, widest = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (grid_text_width(e[i].name) > widest)
			widest = grid_text_width(e[i].name);
	*name_w = widest;
	if (*name_w > inner - 2 - 30)
		*name_w = inner - 2 - 30;
	if (*name_w > 28)
		*name_w = 28; /* longer usages take rows of their own */
	if (*name_w < 6)
		*name_w = 0; /* too narrow for columns: every text under its name */
	text_w = inner - 2 - *name_w;
	for (i = 0; i < n && nr < max; i++) {
		const char *p = e[i].text, *q = e[i].name;
		bool own_row = grid_text_width(e[i].name) > *name_w;

		while (own_row && *q && nr < max) {
			int len = piece(q, inner);

			rows[nr++] = (struct row){ q, len, NULL, 0 };
			q += len;
			while (*q == ' ')
				q++;
		}
		do {
			int len = piece(p, text_w);

			if (nr >= max)
				break;
			rows[nr++] = (struct row){ !own_row && p == e[i].text ? e[i].name : NULL, (int)strlen(e[i].name), p,
						   len };
			p += len;
			while (*p == ' ')
				p++;
		} while (*p);
	}
	return nr;
}

struct box {
	int x0, y0, w, h;       /* the frame */
	int inner, visible;     /* text columns; rows for content */
};

static struct box box_for(int w, int h, int content)
{
	struct box b;

	b.w = 78 < w - 2 ? 78 : w - 2;
	b.inner = b.w - 4;
	b.h = content + 3;      /* frame, title, content, frame */
	if (b.h > h - 1)
		b.h = h - 1; /* the status line stays */
	b.visible = b.h - 3;
	b.x0 = (w - b.w) / 2;
	b.y0 = (h - 1 - b.h) / 2;
	return b;
}

static int content_rows(int w, const struct view *v, struct entry *e, size_t *n, int *name_w, struct row *rows)
{
	int inner = (78 < w - 2 ? 78 : w - 2) - 4;

	*n = v->help_what == HELP_KEYS ? key_entries(e, MAX_ENTRIES) : command_entries(v, e, MAX_ENTRIES);
	return lay_out(e, *n, inner, name_w, rows, MAX_ROWS);
}

int helpbox_max_top(int w, int h, const struct view *v)
{
	struct entry e[MAX_ENTRIES];
	struct row rows[MAX_ROWS];
	size_t n;
	int name_w, nr = content_rows(w, v, e, &n, &name_w, rows);
	struct box b = box_for(w, h, nr);

	return nr > b.visible ? nr - b.visible : 0;
}

void helpbox_frame(struct grid *g, struct rect b, const struct view *v)
{
	int x, y;

	grid_fill(g, b, ' ', ST_NORMAL);
	for (x = b.x; x < b.x + b.w; x++) {
		grid_put(g, x, b.y, glyph_get(v->glyphs, G_HLINE), ST_AXIS);
		grid_put(g, x, b.y + b.h - 1, glyph_get(v->glyphs, G_HLINE), ST_AXIS);
	}
	for (y = b.y; y < b.y + b.h; y++) {
		grid_put(g, b.x, y, glyph_get(v->glyphs, G_VLINE), ST_AXIS);
		grid_put(g, b.x + b.w - 1, y, glyph_get(v->glyphs, G_VLINE), ST_AXIS);
	}
	grid_put(g, b.x, b.y, v->glyphs == GLYPHS_ASCII ? '+' : 0x250C, ST_AXIS);
	grid_put(g, b.x + b.w - 1, b.y, v->glyphs == GLYPHS_ASCII ? '+' : 0x2510, ST_AXIS);
	grid_put(g, b.x, b.y + b.h - 1, v->glyphs == GLYPHS_ASCII ? '+' : 0x2514, ST_AXIS);
	grid_put(g, b.x + b.w - 1, b.y + b.h - 1, v->glyphs == GLYPHS_ASCII ? '+' : 0x2518, ST_AXIS);
}

void helpbox_draw(struct grid *g, int w, int h, const struct view *v)
{
	struct entry e[MAX_ENTRIES];
	struct row rows[MAX_ROWS];
	size_t n;
	int name_w, nr = content_rows(w, v, e, &n, &name_w, rows), top, i, x, y;
	struct box b = box_for(w, h, nr);
	const char *title = v->help_what == HELP_KEYS ? "Keys" : v->help_what == HELP_COMMANDS ? "Commands" : "Command";
	char a[48];
	bool scrolls = nr > b.visible;

	if (b.w < 20 || b.visible < 1)
		return;
	top = v->help_top < 0 ? 0 : v->help_top > nr - b.visible && scrolls ? nr - b.visible : v->help_top;
	if (!scrolls)
		top = 0;
	helpbox_frame(g, (struct rect){ b.x0, b.y0, b.w, b.h }, v);
	x = b.x0 + 2;
	x += grid_text(g, x, b.y0 + 1, title, ST_TITLE, b.inner);
	grid_text(g, x + 2, b.y0 + 1,
		  scrolls ? (v->glyphs == GLYPHS_ASCII ? "Up/Down, PgUp/PgDn scroll; other keys close"
						       : "\u2191\u2193 PgUp/PgDn scroll; other keys close")
			  : "any key closes",
		  ST_DIM, b.x0 + b.w - 2 - (x + 2));
	for (i = 0, y = b.y0 + 2; i < b.visible && top + i < nr; i++, y++) {
		const struct row *r = &rows[top + i];

		if (r->name != NULL) {
			char name[200];

			snprintf(name, sizeof name, "%.*s", r->name_len, r->name);
			grid_text(g, b.x0 + 2, y, name, v->help_what == HELP_KEYS ? ST_KEY : ST_VALUE, b.inner);
		}
		if (r->text != NULL) {
			char line[200];

			snprintf(line, sizeof line, "%.*s", r->len, r->text);
			grid_text(g, b.x0 + 4 + name_w, y, line, ST_NORMAL, b.inner - 2 - name_w);
		}
	}
	/* what is above and below, on the frame */
	if (scrolls && top > 0) {
		snprintf(a, sizeof a, " %s %d more ", v->glyphs == GLYPHS_ASCII ? "^" : "\u25B2", top);
		grid_text(g, b.x0 + b.w - 2 - grid_text_width(a), b.y0, a, ST_DIM, b.inner);
	}
	if (scrolls && top + b.visible < nr) {
		snprintf(a, sizeof a, " %s %d more ", v->glyphs == GLYPHS_ASCII ? "v" : "\u25BC", nr - top - b.visible);
		grid_text(g, b.x0 + b.w - 2 - grid_text_width(a), b.y0 + b.h - 1, a, ST_DIM, b.inner);
	}
}
