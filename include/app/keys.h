/*
 * keys: the explorer's key bindings as one table.  Input handling, the
 * status line, the help overlay and the man page all come from it.  Keys
 * are plain characters or the K_ codes below (the terminal shell maps
 * curses' codes to these), so the table needs no curses.
 */
#ifndef CUTOFF_KEYS_H
#define CUTOFF_KEYS_H

#include "app/cmd.h"
#include "app/view.h"

#include <stddef.h>

enum {
	K_LEFT = 0x110000, K_RIGHT, K_SLEFT, K_SRIGHT, K_PGUP, K_PGDN, K_HOME, K_END, K_UP, K_DOWN
};

enum action {
	ACT_NONE,
	ACT_UP_FINE, ACT_DOWN_FINE, ACT_UP_SMALL, ACT_DOWN_SMALL, ACT_UP_LARGE, ACT_DOWN_LARGE,
	ACT_HOME, ACT_END,
	ACT_BEST_F1, ACT_BEST_YOUDEN, ACT_BEST_MCC, ACT_BEST_COST,
	ACT_STEP_MODE, ACT_NEXT_MODEL, ACT_OVERLAY, ACT_NEXT_PLOTS, ACT_GLYPHS,
	ACT_COMMAND, ACT_EXPLAIN, ACT_EXPORT, ACT_BOOTSTRAP, ACT_NEXT_GROUP,
	ACT_CLASSES, ACT_ARGMAX, ACT_ROWS, ACT_NEXT_CELL, ACT_PREV_CELL, ACT_PIN, ACT_COPY, ACT_MOUSE, ACT_LOGFPR, ACT_HELP, ACT_QUIT
};

struct binding {
	int key;
	const char *name;       /* as shown, e.g. "Right" */
	enum action action;
	const char *help;       /* shown in the help overlay */
	int status;             /* 1: also on the status line */
};

extern const struct binding keys_table[];
extern const size_t keys_count;

/* The action bound to a key, ACT_NONE if none. */
enum action keys_action(int key);

/* Does an action to the view, as the key bound to it does; one that is a
 * command too (export, bootstrap, quit) is parsed into c and applied as
 * if typed.  Returns what the caller must do, as cmd_apply does (with c). */
enum cmd_effect keys_apply(struct view *v, enum action a, struct cmd *c);

#endif
