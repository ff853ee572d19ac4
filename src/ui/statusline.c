/*
 * statusline: the screen's last line: the command line while it is open,
 * else a message, else the keys that matter most.
 */
#include "ui/statusline.h"

#include "app/keys.h"
#include "core/base/text.h"
#include "ui/glyph.h"

#include <stdio.h>
#include <string.h>

static void draw_status(struct grid *g, struct rect r, const struct view *v)
{
	/* in order of importance; "? help  q quit" always shows, at the end */
	static const struct { enum action act; const char *name, *ascii, *brief; } hints[] = {
		{ ACT_UP_FINE, "\u2190 \u2192", "<- ->", "step" },
		{ ACT_COMMAND, ":", ":", "command" },
		{ ACT_EXPLAIN, "e", "e", "explain" },
		{ ACT_BEST_F1, "f/j/c", "f/j/c", "best" },
		{ ACT_CLASSES, "k", "k", "classes" },
		{ ACT_EXPORT, "x", "x", "export" },
		{ ACT_NEXT_MODEL, "m", "m", "model" },
		{ ACT_UP_LARGE, "PgUp/Dn", "PgUp/Dn", "10%" },
		{ ACT_NEXT_PLOTS, "v", "v", "plots" },
		{ ACT_STEP_MODE, "s", "s", "mode" },
	};
	const char *tail = "? help  q quit";
	/* the last column stays empty: the bottom-right cell cannot be drawn */
	int x = r.x, end = r.x + r.w - 1 - grid_text_width(tail) - 2;
	size_t i;

	for (i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		const char *name = v->glyphs == GLYPHS_ASCII ? hints[i].ascii : hints[i].name;
		/* --multiclass: m goes through the classes */
		const char *brief = hints[i].act == ACT_NEXT_MODEL && v->classes != NULL ? "class" : hints[i].brief;
		int w = grid_text_width(name) + 1 + grid_text_width(brief);

		if ((hints[i].act == ACT_NEXT_MODEL && v->n_models < 2) || (hints[i].act == ACT_CLASSES && v->classes == NULL))
			continue;
		if (hints[i].act == ACT_EXPORT && v->classes != NULL)
			continue; /* k and m say more there; x still exports */
		if (x + w > end)
			continue;
		x += grid_text(g, x, r.y, name, ST_KEY, w);
		x += 1;
		x += grid_text(g, x, r.y, brief, ST_STATUS, w) + 2;
	}
	x = r.x + r.w - 1 - grid_text_width(tail);
	if (x < r.x)
		x = r.x;
	grid_text(g, x, r.y, "?", ST_KEY, 1);
	grid_text(g, x + 2, r.y, "help", ST_STATUS, 4);
	grid_text(g, x + 8, r.y, "q", ST_KEY, 1);
	grid_text(g, x + 10, r.y, "quit", ST_STATUS, 4);
}

/* The bottom line: the command line while it is open (completions on the
 * line above), else a message, else the keys. */
void statusline_draw(struct grid *g, struct rect r, const struct view *v)
{
	if (v->cmd_active) {
		if (v->cmd_matches[0]) {
			grid_fill(g, (struct rect){ r.x, r.y - 1, r.w, 1 }, ' ', ST_NORMAL);
			grid_text(g, r.x, r.y - 1, v->cmd_matches, ST_DIM, r.w);
		}
		grid_text(g, r.x, r.y, v->cmd_text, ST_NORMAL, r.w);
		return;
	}
	if (v->message[0]) {
		grid_shown(g, r.x, r.y, v->message, v->message_is_error ? ST_WARN : ST_STATUS, r.w);
		return;
	}
	if (v->group_sel != VIEW_NONE && v->group_sel < v->n_groups) {
		/* a group's knob in hand: say which, as long as it is */
		char nm[256];
		int x = r.x + grid_text(g, r.x, r.y, "the arrows move group ", ST_STATUS, r.w);

		x += grid_shown(g, x, r.y, text_fit(nm, sizeof nm, v->group_names[v->group_sel], 30), ST_KNOB, r.x + r.w - x);
		x += grid_text(g, x, r.y, "'s threshold  ", ST_STATUS, r.x + r.w - x);
		x += grid_text(g, x, r.y, "Tab", ST_KEY, r.x + r.w - x);
		grid_text(g, x, r.y, " next group, back to the model's knob", ST_STATUS, r.x + r.w - x);
		return;
	}
	draw_status(g, r, v);
}
