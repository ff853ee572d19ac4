/*
 * term: the only module that talks to the terminal (ncursesw).  Set-up and
 * tear-down, colours or attributes per semantic style, glyph mode, signals,
 * the mouse, and copying a grid to the screen so that curses sends only
 * the cells that changed.
 */
#ifndef CUTOFF_TERM_H
#define CUTOFF_TERM_H

#include "ui/grid.h"
#include "app/view.h"

#include <stdbool.h>

struct term_options {
	bool use_tty;        /* the data came on stdin: talk to /dev/tty */
	bool no_color;
	bool no_mouse;
	bool ascii;
	bool linear;         /* --linear: sentences, nothing drawn (linear.h) */
};

enum term_event_kind { TEV_NONE, TEV_KEY, TEV_MOUSE, TEV_RESIZE, TEV_QUIT, TEV_CANCEL };

enum mouse_kind { MOUSE_PRESS, MOUSE_DRAG, MOUSE_RELEASE, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct term_event {
	enum term_event_kind kind;
	int key;             /* TEV_KEY: a character or a K_ code (keys.h) */
	enum mouse_kind mouse;
	int x, y;
};

/* Whether the terminal (TERM) can show the explorer: known to terminfo and
 * able to place the cursor (TERM=dumb cannot).  If not, says why. */
int term_can_draw(char *why, size_t whylen);

/* Takes the terminal.  Returns 0, or -1 with a message in err. */
int term_init(const struct term_options *o, char *err, size_t errlen);

/* M: gives the mouse to the terminal (its own selection works) or takes
 * it back; whether it is now ours. */
bool term_mouse(bool on);
bool term_mouse_is_ours(void);

/* Puts text on the terminal's clipboard (OSC 52: through ssh, and through
 * tmux with set-clipboard on); 0, or -1 when out of memory.  Whether it
 * arrived, no terminal says. */
int term_clipboard(const char *text, size_t len);

/* Gives the terminal back as it was; safe to call twice (atexit). */
void term_done(void);

/* The glyphs and colour the terminal can show (locale, TERM, NO_COLOR). */
enum glyphs term_glyphs(void);
bool term_color(void);

void term_size(int *w, int *h);

/* The signal that asked the explorer to end (SIGINT, SIGTERM, SIGHUP), or 0. */
int term_quit_signal(void);

/* Copies the grid to the screen and updates the terminal. */
void term_draw(const struct grid *g, bool color);

/* From now on a wait for an event gives up after ms milliseconds with
 * TEV_NONE (-1: waits as long as it takes). */
void term_tick(int ms);

/* Waits for an event (wait = true) or returns TEV_NONE when none is
 * pending. */
struct term_event term_read(bool wait);

/* While the command line has focus: the bytes as typed (TEV_KEY), so that
 * arrow keys reach readline as escape sequences; a lone Esc is TEV_CANCEL;
 * mouse reports are swallowed. */
struct term_event term_read_raw(bool wait);

/* Where the cursor shows (hidden when show is false). */
void term_cursor(int x, int y, bool show);

/* The next draw repaints every cell (after a change of colours). */
void term_invalidate(void);

#endif
