/*
 * keys: the table, and what each action does to the view.  Right raises
 * the threshold (fewer rows flagged), as the slider's values grow to the
 * right.
 */
#include "app/keys.h"

#include "app/bandview.h"
#include "app/display.h"

#include <string.h>

const struct binding keys_table[] = {
	{ K_RIGHT, "Right", ACT_UP_FINE, "raise the threshold to the next score", 1 },
	{ K_LEFT, "Left", ACT_DOWN_FINE, "lower the threshold to the next score", 0 },
	{ 'l', "l", ACT_UP_FINE, "raise the threshold to the next score", 0 },
	{ 'h', "h", ACT_DOWN_FINE, "lower the threshold to the next score", 0 },
	{ K_SRIGHT, "S-Right", ACT_UP_SMALL, "raise by 1% (of rows or of the range)", 0 },
	{ K_SLEFT, "S-Left", ACT_DOWN_SMALL, "lower by 1% (of rows or of the range)", 0 },
	{ K_UP, "Up", ACT_UP_SMALL, "raise by 1% (of rows or of the range)", 0 },
	{ K_DOWN, "Down", ACT_DOWN_SMALL, "lower by 1% (of rows or of the range)", 0 },
	{ K_PGUP, "PgUp", ACT_UP_LARGE, "raise by 10% (of rows or of the range)", 1 },
	{ K_PGDN, "PgDn", ACT_DOWN_LARGE, "lower by 10% (of rows or of the range)", 0 },
	{ K_HOME, "Home", ACT_HOME, "lowest threshold: flag everything", 0 },
	{ K_END, "End", ACT_END, "above every score: flag nothing", 0 },
	{ 'f', "f", ACT_BEST_F1, "jump to the best F1", 1 },
	{ 'j', "j", ACT_BEST_YOUDEN, "jump to the best Youden's J", 1 },
	{ 'c', "c", ACT_BEST_MCC, "jump to the best MCC", 1 },
	{ '$', "$", ACT_BEST_COST, "jump to the cost optimum (see :cost)", 0 },
	{ 's', "s", ACT_STEP_MODE, "step and slide by score value or by rank", 1 },
	{ 'm', "m", ACT_NEXT_MODEL, "next model (score column), or class", 1 },
	{ 'k', "k", ACT_CLASSES, "all classes, the K x K matrix (--multiclass)", 0 },
	{ 'a', "a", ACT_ARGMAX, "K x K matrix: argmax or thresholds", 0 },
	{ 'r', "r", ACT_ROWS, "the rows behind a cell, in place of the plots (Up/Down, Enter: a record)", 1 },
	{ ']', "]", ACT_NEXT_CELL, "the rows of the next cell: fp, fn, tp, tn, near", 0 },
	{ '[', "[", ACT_PREV_CELL, "the rows of the previous cell", 0 },
	{ 'p', "p", ACT_PIN, "pin the threshold as the baseline (again: unpin); the words compare with it", 0 },
	{ 'o', "o", ACT_OVERLAY, "overlay all models (with --fold: each fold) on the ROC and PR plots", 0 },
	{ 'v', "v", ACT_NEXT_PLOTS, "cycle the plots: ROC, PR, scores, metrics, gains, net benefit, calibration", 1 },
	{ '\t', "Tab", ACT_NEXT_GROUP, "with per-group thresholds: the next group's knob; with :band, L then H", 0 },
	{ 'g', "g", ACT_GLYPHS, "cycle glyphs: braille, blocks, ASCII", 0 },
	{ ':', ":", ACT_COMMAND, "type a command (:help lists them)", 1 },
	{ 'e', "e", ACT_EXPLAIN, "plain-language view for stakeholders", 1 },
	{ 'x', "x", ACT_EXPORT, "export a Markdown snapshot (see :export)", 1 },
	{ 'L', "L", ACT_LOGFPR, "ROC's FPR axis on a log scale (rare positives), or linear again", 0 },
	{ 'y', "y", ACT_COPY, "copy the matrix and metrics (tab-separated) to the clipboard (see :copy)", 1 },
	{ 'M', "M", ACT_MOUSE, "give the mouse to the terminal (select, copy), or take it back", 0 },
	{ 'b', "b", ACT_BOOTSTRAP, "bootstrap 1000 resamples: the best F1's band (Esc stops it)", 0 },
	{ '?', "?", ACT_HELP, "this help", 1 },
	{ 'q', "q", ACT_QUIT, "quit", 1 },
};

const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

enum action keys_action(int key)
{
	size_t i;

	for (i = 0; i < keys_count; i++)
		if (keys_table[i].key == key)
			return keys_table[i].action;
	return ACT_NONE;
}

/* An action that is also a command is run as the command's words, so that
 * a key and a typed line take one path. */
static enum cmd_effect command(struct view *v, const char *words, struct cmd *c)
{
	char err[128];

	if (cmd_parse(words, c, err, sizeof err) < 0) {
		view_say(v, true, "%s", err);
		return EFFECT_NONE;
	}
	return cmd_apply(v, c);
}

enum cmd_effect keys_apply(struct view *v, enum action a, struct cmd *c)
{
	memset(c, 0, sizeof *c);
	switch (a) {
	case ACT_UP_FINE: if (!bandview_step(v, +1)) view_step(v, +1, STEP_FINE); break;
	case ACT_DOWN_FINE: if (!bandview_step(v, -1)) view_step(v, -1, STEP_FINE); break;
	case ACT_UP_SMALL: view_step(v, +1, STEP_SMALL); break;
	case ACT_DOWN_SMALL: view_step(v, -1, STEP_SMALL); break;
	case ACT_UP_LARGE: view_step(v, +1, STEP_LARGE); break;
	case ACT_DOWN_LARGE: view_step(v, -1, STEP_LARGE); break;
	case ACT_HOME: view_set_k(v, view_current(v)->sw->n); break;
	case ACT_END: view_set_k(v, 0); break;
	case ACT_BEST_F1: view_jump(v, BEST_F1); break;
	case ACT_BEST_YOUDEN: view_jump(v, BEST_YOUDEN); break;
	case ACT_BEST_MCC: view_jump(v, BEST_MCC); break;
	case ACT_BEST_COST: view_jump(v, BEST_COST); break;
	case ACT_STEP_MODE: view_set_step(v, v->step == STEP_VALUE ? STEP_RANK : STEP_VALUE); break;
	case ACT_NEXT_MODEL: view_next_model(v); break;
	case ACT_OVERLAY: display_toggle_overlay(v); break;
	case ACT_NEXT_PLOTS: display_next_plots(v); break;
	case ACT_GLYPHS: display_next_glyphs(v); break;
	case ACT_COMMAND: return EFFECT_PROMPT;
	case ACT_EXPLAIN: display_toggle_explain(v); break;
	case ACT_EXPORT: return command(v, "export", c);
	case ACT_BOOTSTRAP: return command(v, "bootstrap", c);
	case ACT_NEXT_GROUP:
		if (v->band && !(v->group_strategy && v->group_strategy_model == v->model))
			bandview_next_knob(v);
		else
			view_next_group(v);
		break;
	case ACT_CLASSES: display_toggle_classes(v); break;
	case ACT_ROWS: display_toggle_rows(v); return EFFECT_ROWS;
	case ACT_PIN: display_toggle_pin(v); break;
	case ACT_NEXT_CELL: display_rows_cell(v, +1); return EFFECT_ROWS;
	case ACT_PREV_CELL: display_rows_cell(v, -1); return EFFECT_ROWS;
	case ACT_ARGMAX: display_toggle_argmax(v); break;
	case ACT_COPY: return command(v, "copy", c);
	case ACT_MOUSE: return EFFECT_MOUSE;
	case ACT_LOGFPR: display_set_logfpr(v, !v->logfpr); return EFFECT_DISPLAY;
	case ACT_HELP: display_toggle_help(v); break;
	case ACT_QUIT: return command(v, "quit", c);
	case ACT_NONE: break;
	}
	return EFFECT_NONE;
}
