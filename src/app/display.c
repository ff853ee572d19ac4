/*
 * display: how the state is shown.  Each action is a field or two; they
 * are functions so that keys, commands and the terminal shell share them.
 */
#include "app/display.h"

#include "core/base/fmt.h"
#include "core/load/rowlist.h"
#include "core/stats/curve.h"

#include <limits.h>
#include <stdio.h>

void display_toggle_overlay(struct view *v)
{
	v->overlay = !v->overlay;
}

void display_set_logfpr(struct view *v, bool on)
{
	char a[40];

	v->logfpr = on;
	v->data_gen++; /* the plots are drawn again on the new axis */
	if (on)
		view_say(v, false, "log scales: FPR from %s (1/negatives) to 1, counts (L: linear)",
			 fmt_rate(a, sizeof a, curve_fpr_floor(view_current(v)->sw)));
	else
		view_say(v, false, "ROC's FPR on a linear scale");
}

void display_toggle_classes(struct view *v)
{
	if (v->classes == NULL) {
		view_say(v, false, "one class against the rest: a score column per class needs --multiclass");
		return;
	}
	v->classes_shown = !v->classes_shown;
}

void display_toggle_argmax(struct view *v)
{
	if (v->classes == NULL) {
		view_say(v, false, "one class against the rest: a score column per class needs --multiclass");
		return;
	}
	v->classes_shown = true;
	v->classes_argmax = !v->classes_argmax;
	view_say(v, false, v->classes_argmax ? "the matrix: the highest score decides" :
		 "the matrix: the thresholds decide (the highest class at or above its threshold)");
}

void display_set_pin(struct view *v, bool on, double t)
{
	char a[40];

	v->pinned = on;
	v->pin = t;
	if (on)
		view_say(v, false, "pinned %s: the plain words compare with it (p again unpins)", fmt_exact(a, sizeof a, t));
	else
		view_say(v, false, "unpinned");
}

void display_toggle_pin(struct view *v)
{
	double t = view_current(v)->threshold;

	display_set_pin(v, !(v->pinned && v->pin == t), t);
}

void display_toggle_rows(struct view *v)
{
	v->rows_shown = !v->rows_shown;
}

void display_rows_cell(struct view *v, int dir)
{
	v->rows_shown = true;
	v->rows_cell = (v->rows_cell + ROWS_CELLS + dir) % ROWS_CELLS;
}

void display_next_plots(struct view *v)
{
	/* the ui takes it modulo the plots it has */
	v->rotation = v->rotation < INT_MAX ? v->rotation + 1 : 0;
}

void display_set_glyphs(struct view *v, enum glyphs g)
{
	v->glyphs = g;
}

void display_next_glyphs(struct view *v)
{
	v->glyphs = v->glyphs == GLYPHS_BRAILLE ? GLYPHS_BLOCK : v->glyphs == GLYPHS_BLOCK ? GLYPHS_ASCII : GLYPHS_BRAILLE;
}

void display_set_color(struct view *v, bool color)
{
	v->color = color;
}

void display_toggle_explain(struct view *v)
{
	v->stakeholder = !v->stakeholder;
}

void display_help(struct view *v, int what)
{
	v->help = true;
	v->help_what = what;
	v->help_top = 0;
}

void display_toggle_help(struct view *v)
{
	if (v->help)
		display_close_help(v);
	else
		display_help(v, HELP_KEYS);
}

void display_close_help(struct view *v)
{
	v->help = false;
}

void display_help_scroll(struct view *v, int top, int max)
{
	v->help_top = top > max ? max : top;
	if (v->help_top < 0)
		v->help_top = 0;
}

void display_clear_message(struct view *v)
{
	v->message[0] = '\0';
	v->message_is_error = false;
}

void display_prompt_open(struct view *v, const char *text, int cursor)
{
	v->cmd_active = true;
	snprintf(v->cmd_text, sizeof v->cmd_text, "%s", text);
	v->cmd_cursor = cursor;
}

void display_prompt_matches(struct view *v, const char *matches)
{
	snprintf(v->cmd_matches, sizeof v->cmd_matches, "%s", matches != NULL ? matches : "");
}

void display_prompt_close(struct view *v)
{
	v->cmd_active = false;
	v->cmd_matches[0] = '\0';
}

void display_booting(struct view *v, size_t n)
{
	v->booting = n;
	v->boot_done = 0;
}

void display_boot_progress(struct view *v, size_t done)
{
	v->boot_done = done;
}
