/*
 * cmdline: the ':' command line, GNU Readline in callback mode with
 * ncurses owning the screen.  Readline never touches the terminal: the
 * explorer feeds it bytes, and it draws through the view's bottom line.
 */
#ifndef CUTOFF_CMDLINE_H
#define CUTOFF_CMDLINE_H

#include "app/view.h"

enum cmdline_result { CL_MORE, CL_LINE, CL_CANCEL };

/* Sets readline up and loads the history; call once. */
void cmdline_init(struct view *v);

/* Saves the history (atomically, mode 0600); safe to call twice.  Returns
 * 0, or -1 with the reason in err when it could not be saved. */
int cmdline_done(char *err, size_t errlen);

/* Opens the line: ':' prompt, empty text. */
void cmdline_open(void);

/* Feeds one byte of input.  CL_LINE: *line is the line entered (the caller
 * frees it) and the command line is closed; CL_CANCEL: closed without one. */
enum cmdline_result cmdline_feed(int byte, char **line);

/* Closes the line without a command (Esc). */
void cmdline_cancel(void);

/* The history file's path (for messages and tests). */
const char *cmdline_history_path(void);

#endif
