/*
 * term: ncursesw, signals and the mouse.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP set a flag; the blocked read returns
 * with EINTR and the loop ends normally.  Ctrl-Z (SIGTSTP) is handled the
 * same way: the loop restores the terminal, stops, and on SIGCONT takes it
 * again with a full repaint and our mouse modes.  Crash signals write a reset string, restore the saved termios
 * and re-raise.  SIGWINCH is ncurses' own (KEY_RESIZE).
 *
 * Mouse: ncurses turns reporting on, plus button-motion mode (1002), which
 * ncurses' terminfo entries do not turn on.  SGR reports (mode 1006, turned
 * on here where the terminfo's mouse key is X10 "\E[M", which stops at
 * column 223) are decoded here, through a key defined for their "\E[<"
 * prefix; ncurses' own decoding is left for X10 reports.
 */
/* wide-character curses (cchar_t, wget_wch): pkg-config's flags ask for
 * X/Open; make sure of it when they do not */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define _XOPEN_SOURCE_EXTENDED 1
#include "tty/term.h"

#include "app/keys.h"
#include "core/base/text.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#define KEY_SGR_MOUSE (KEY_MAX + 1)

static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t continued;
static volatile sig_atomic_t suspend_asked;
static int hung_up;            /* the terminal is gone: EIO or end of file */
static int tick = -1;          /* a wait's limit in ms, -1: none */
static struct termios saved_tios;
static int saved_tios_ok;
static int tty_fd = -1;
static FILE *tty_out;
static FILE *tty_in;
static SCREEN *screen;
static int active;
static int mouse_on;
static int sgr_ourselves;
static int has_color;
static struct grid *shown;     /* what the screen holds, to send only changes */

static const char mouse_off[] = "\033[?1002l\033[?1006l\033[?1000l";
static const char crash_reset[] = "\033[?1002l\033[?1006l\033[?1000l\033[0m\033[?25h\033[?1049l\r\n";

static void on_quit(int sig)
{
	quit_signal = sig;
}

static void on_cont(int sig)
{
	(void)sig;
	continued = 1;
}

static void on_tstp(int sig)
{
	(void)sig;
	suspend_asked = 1;
}

static void on_crash(int sig)
{
	/* only async-signal-safe calls here */
	if (tty_fd >= 0) {
		ssize_t rc = write(tty_fd, crash_reset, sizeof crash_reset - 1);

		(void)rc;
		if (saved_tios_ok)
			tcsetattr(tty_fd, TCSANOW, &saved_tios);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: the read must return */
	sigaction(sig, &sa, NULL);
}

static int ignored(int sig)
{
	struct sigaction sa;

	return sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
}

/* A blocking read that fails for any reason but a signal, or reads end of
 * file, means the terminal is gone (ssh dropped, window killed with SIGHUP
 * ignored): end as a hangup would, instead of reading again forever. */
static void gone(struct term_event *ev)
{
	hung_up = 1;
	quit_signal = SIGHUP;
	ev->kind = TEV_QUIT;
}

static void send_raw(const char *s)
{
	if (tty_out != NULL && !hung_up) {
		fputs(s, tty_out);
		fflush(tty_out);
	}
}

static void mouse_modes_on(void)
{
	if (!mouse_on)
		return;
	send_raw("\033[?1002h");
	if (sgr_ourselves)
		send_raw("\033[?1006h");
}

/* Takes the mouse: clicks, drags and the wheel come to us. */
static void mouse_start(void)
{
	const char *kmous;

	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | REPORT_MOUSE_POSITION | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	mouse_on = 1;
	/* SGR reports are decoded here on every terminal: where terminfo
	 * says X10 (tmux, screen: stops at column 223), and where it says
	 * SGR too (xterm), because ncurses drops a click whose press and
	 * release arrive in one read, as they often do over ssh */
	kmous = tigetstr("kmous");
	sgr_ourselves = kmous == NULL || kmous == (char *)-1 || strcmp(kmous, "\033[<") != 0;
	define_key("\033[<", KEY_SGR_MOUSE);
	mouse_modes_on();
}

/* Style -> colour pair number (0: the terminal's own) and attributes, with
 * a monochrome column in which every element stays distinguishable. */
struct look {
	short fg;
	attr_t attr;
	attr_t mono;
};

static const struct look looks[ST_COUNT] = {
	[ST_NORMAL] = { -1, A_NORMAL, A_NORMAL },
	[ST_DIM] = { -1, A_DIM, A_DIM },
	[ST_TITLE] = { -1, A_BOLD, A_BOLD },
	[ST_LABEL] = { -1, A_NORMAL, A_NORMAL },
	[ST_VALUE] = { -1, A_BOLD, A_BOLD },
	[ST_AXIS] = { -1, A_DIM, A_DIM },
	[ST_CURVE] = { COLOR_CYAN, A_NORMAL, A_NORMAL },
	[ST_CURVE2] = { COLOR_YELLOW, A_NORMAL, A_NORMAL },
	[ST_CURVE3] = { COLOR_MAGENTA, A_NORMAL, A_NORMAL },
	[ST_CURVE4] = { COLOR_GREEN, A_NORMAL, A_NORMAL },
	[ST_BASELINE] = { -1, A_DIM, A_DIM },
	[ST_BASELINE2] = { -1, A_DIM, A_DIM },
	[ST_MARKER] = { COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[ST_THRESHOLD] = { COLOR_YELLOW, A_NORMAL, A_BOLD },
	[ST_GOOD] = { COLOR_GREEN, A_BOLD, A_BOLD },
	[ST_BAD] = { COLOR_RED, A_BOLD, A_REVERSE },
	[ST_POS] = { COLOR_MAGENTA, A_NORMAL, A_BOLD },
	[ST_NEG] = { COLOR_CYAN, A_NORMAL, A_DIM },
	[ST_SLIDER] = { -1, A_DIM, A_DIM },
	[ST_KNOB] = { COLOR_YELLOW, A_BOLD, A_REVERSE },
	[ST_ACTIVE] = { COLOR_YELLOW, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[ST_KEY] = { COLOR_CYAN, A_BOLD, A_BOLD },
	[ST_STATUS] = { -1, A_NORMAL, A_NORMAL },
	[ST_UP] = { COLOR_GREEN, A_NORMAL, A_NORMAL },
	[ST_DOWN] = { COLOR_RED, A_NORMAL, A_NORMAL },
	[ST_WARN] = { COLOR_RED, A_BOLD, A_BOLD },
};

static int utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static enum glyphs glyph_mode = GLYPHS_BRAILLE;

enum glyphs term_glyphs(void)
{
	return glyph_mode;
}

bool term_color(void)
{
	return has_color;
}

int term_can_draw(char *why, size_t whylen)
{
	const char *term = getenv("TERM");
	int fd = isatty(STDOUT_FILENO) ? STDOUT_FILENO : STDERR_FILENO, rc = 0;
	char *cup;

	errno = 0;
	if (setupterm(NULL, fd, &rc) != OK || rc != 1) {
		/* out of file descriptors (ulimit -n) is not an unknown TERM */
		if (errno == EMFILE || errno == ENFILE)
			snprintf(why, whylen, "cannot read the terminal database: %s", strerror(errno));
		else
			snprintf(why, whylen, "TERM=%s is not in the terminal database", term ? term : "");
		return 0;
	}
	cup = tigetstr("cup");
	rc = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	cur_term = NULL;
	if (!rc)
		snprintf(why, whylen, "TERM=%s cannot place the cursor", term ? term : "");
	return rc;
}

/* Long: the terminal's set-up in the order curses needs it (signal handlers
 * before initscr, modes, colours, mouse), each undone by term_end in
 * reverse. */
int term_init(const struct term_options *o, char *err, size_t errlen)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	int i;

	if (o->use_tty) {
		tty_in = fopen("/dev/tty", "r");
		tty_out = fopen("/dev/tty", "w");
		if (tty_in == NULL || tty_out == NULL) {
			snprintf(err, errlen, "cannot open the terminal: %s", strerror(errno));
			return -1;
		}
	} else {
		tty_in = stdin;
		tty_out = stdout;
	}
	tty_fd = fileno(tty_out);
	saved_tios_ok = tcgetattr(tty_fd, &saved_tios) == 0;

	/* our handlers first: ncurses leaves signals alone that are taken */
	handle(SIGINT, on_quit);
	handle(SIGTERM, on_quit);
	/* nohup's contract: a hangup ignored by the caller stays ignored (the
	 * read then fails with EIO, which ends the explorer just the same) */
	if (!ignored(SIGHUP))
		handle(SIGHUP, on_quit);
	handle(SIGCONT, on_cont);
	handle(SIGTSTP, on_tstp); /* taken, so ncurses leaves Ctrl-Z to us */
	handle(SIGSEGV, on_crash);
	handle(SIGBUS, on_crash);
	handle(SIGFPE, on_crash);
	handle(SIGILL, on_crash);
	handle(SIGABRT, on_crash);

	errno = 0;
	screen = newterm(NULL, tty_out, tty_in);
	if (screen == NULL) {
		/* the reason when there is one (ulimit -n: too many open files) */
		snprintf(err, errlen, "cannot use the terminal (TERM=%s)%s%s", term ? term : "", errno ? ": " : "",
			 errno ? strerror(errno) : "");
		return -1;
	}
	set_term(screen);
	active = 1;
	atexit(term_done);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);

	glyph_mode = GLYPHS_BRAILLE;
	if (o->ascii || !utf8_locale())
		glyph_mode = GLYPHS_ASCII;
	else if (term != NULL && (strcmp(term, "vt100") == 0 || strcmp(term, "vt220") == 0 ||
				  strcmp(term, "linux") == 0 || strcmp(term, "dumb") == 0))
		glyph_mode = GLYPHS_ASCII;

	has_color = !o->no_color && (nc == NULL || nc[0] == '\0') && has_colors();
	if (has_color) {
		start_color();
		use_default_colors();
		for (i = 0; i < ST_COUNT; i++)
			if (looks[i].fg >= 0)
				init_pair((short)(i + 1), looks[i].fg, -1);
	}

	if (!o->no_mouse)
		mouse_start();
	return 0;
}

bool term_mouse(bool on)
{
	if (on && !mouse_on) {
		mouse_start();
	} else if (!on && mouse_on) {
		send_raw(mouse_off);
		mousemask(0, NULL);
		mouse_on = 0;
	}
	return mouse_on;
}

bool term_mouse_is_ours(void)
{
	return mouse_on;
}

int term_clipboard(const char *text, size_t len)
{
	char *b64 = text_base64(text, len);

	if (b64 == NULL)
		return -1;
	/* OSC 52, "c": the clipboard; BEL ends it where ST would not */
	send_raw("\033]52;c;");
	send_raw(b64);
	send_raw("\a");
	free(b64);
	return 0;
}

void term_done(void)
{
	if (!active)
		return;
	active = 0;
	/* after a hangup nothing is restored: no terminal is left */
	if (mouse_on)
		send_raw(mouse_off);
	if (!hung_up) {
		char *rmcup = tigetstr("rmcup");

		/* without an alternate screen (vt100), what was drawn would
		 * stay on the terminal after we leave: clear it */
		if (rmcup == NULL || rmcup == (char *)-1) {
			clear();
			refresh();
		}
		curs_set(1);
		endwin();
	}
	delscreen(screen);
	screen = NULL;
	grid_free(shown);
	shown = NULL;
	if (tty_in != NULL && tty_in != stdin)
		fclose(tty_in);
	if (tty_out != NULL && tty_out != stdout)
		fclose(tty_out);
	tty_in = tty_out = NULL;
	tty_fd = -1;
}

int term_quit_signal(void)
{
	return quit_signal;
}

void term_size(int *w, int *h)
{
	getmaxyx(stdscr, *h, *w);
}

void term_draw(const struct grid *g, bool color)
{
	int x, y, full = shown == NULL || shown->w != g->w || shown->h != g->h;

	if (full) {
		grid_free(shown);
		shown = grid_new(g->w, g->h);
		/* the bottom-right cell is never written (it would scroll):
		 * clear the screen, so nothing from before stays there */
		erase();
	}
	for (y = 0; y < g->h; y++)
		for (x = 0; x < g->w; x++) {
			size_t i = (size_t)y * (size_t)g->w + (size_t)x;
			const struct cell *c = &g->cells[i];
			wchar_t wc[2];
			cchar_t cc;
			const struct look *lk;

			if (!full && shown != NULL && shown->cells[i].ch == c->ch && shown->cells[i].style == c->style)
				continue;
			if (shown != NULL)
				shown->cells[i] = *c;
			if (c->ch == GRID_WIDE_TAIL)
				continue;
			lk = &looks[c->style < ST_COUNT ? c->style : ST_NORMAL];
			wc[0] = (wchar_t)c->ch;
			wc[1] = L'\0';
			if (color)
				setcchar(&cc, wc, lk->attr, lk->fg >= 0 ? (short)(c->style + 1) : 0, NULL);
			else
				setcchar(&cc, wc, lk->mono, 0, NULL);
			/* the bottom-right cell cannot be written without scrolling */
			if (y == g->h - 1 && x == g->w - 1)
				continue;
			mvadd_wch(y, x, &cc);
		}
	refresh();
}

/* Reads the rest of an SGR report "b;x;y" + 'M' or 'm'. */
static struct term_event read_sgr(void)
{
	struct term_event ev = { TEV_NONE, 0, MOUSE_PRESS, 0, 0 };
	int v[3] = { 0, 0, 0 }, n = 0, i, c = 0;

	/* the rest of a report arrives with it; a short wait keeps a lone
	 * typed "ESC [ <" from blocking the explorer */
	timeout(100);
	for (i = 0; i < 24; i++) {
		c = getch();
		if (c >= '0' && c <= '9')
			v[n] = v[n] * 10 + (c - '0');
		else if (c == ';' && n < 2)
			n++;
		else
			break;
	}
	if (n != 2 || (c != 'M' && c != 'm'))
		return ev;
	ev.kind = TEV_MOUSE;
	ev.x = v[1] - 1;
	ev.y = v[2] - 1;
	if ((v[0] & 64) != 0)
		ev.mouse = (v[0] & 1) ? MOUSE_WHEEL_DOWN : MOUSE_WHEEL_UP;
	else if (c == 'm')
		ev.mouse = MOUSE_RELEASE;
	else if ((v[0] & 32) != 0)
		ev.mouse = MOUSE_DRAG;
	else if ((v[0] & 3) == 0)
		ev.mouse = MOUSE_PRESS;
	else
		ev.kind = TEV_NONE; /* other buttons */
	return ev;
}

static struct term_event from_ncurses_mouse(void)
{
	struct term_event ev = { TEV_NONE, 0, MOUSE_PRESS, 0, 0 };
	MEVENT me;

	if (getmouse(&me) != OK)
		return ev;
	ev.kind = TEV_MOUSE;
	ev.x = me.x;
	ev.y = me.y;
	if (me.bstate & BUTTON1_PRESSED)
		ev.mouse = MOUSE_PRESS;
	else if (me.bstate & BUTTON1_RELEASED)
		ev.mouse = MOUSE_RELEASE;
	else if (me.bstate & BUTTON4_PRESSED)
		ev.mouse = MOUSE_WHEEL_UP;
	else if (me.bstate & BUTTON5_PRESSED)
		ev.mouse = MOUSE_WHEEL_DOWN;
	else if (me.bstate & REPORT_MOUSE_POSITION)
		ev.mouse = MOUSE_DRAG;
	else
		ev.kind = TEV_NONE;
	return ev;
}

static int map_key(int c)
{
	switch (c) {
	case KEY_LEFT: return K_LEFT;
	case KEY_RIGHT: return K_RIGHT;
	case KEY_SLEFT: return K_SLEFT;
	case KEY_SRIGHT: return K_SRIGHT;
	case KEY_UP: return K_UP;
	case KEY_DOWN: return K_DOWN;
	case KEY_PPAGE: return K_PGUP;
	case KEY_NPAGE: return K_PGDN;
	case KEY_HOME: return K_HOME;
	case KEY_END: return K_END;
	default: return c;
	}
}

/* Signals noticed between reads; returns 1 with an event to report. */
static int signal_event(struct term_event *ev)
{
	if (quit_signal) {
		ev->kind = TEV_QUIT;
		return 1;
	}
	if (suspend_asked) {
		/* Ctrl-Z: give the terminal back as it was, stop, and on fg
		 * take it again, our mouse modes after ncurses' own */
		suspend_asked = 0;
		if (mouse_on)
			send_raw(mouse_off);
		endwin();
		signal(SIGTSTP, SIG_DFL);
		raise(SIGTSTP);
		handle(SIGTSTP, on_tstp);
		continued = 1;
	}
	if (continued) {
		continued = 0;
		refresh();
		mouse_modes_on();
		grid_free(shown);
		shown = NULL;
		ev->kind = TEV_RESIZE;
		return 1;
	}
	return 0;
}

void term_tick(int ms)
{
	tick = ms;
}

struct term_event term_read(bool wait)
{
	struct term_event ev = { TEV_NONE, 0, MOUSE_PRESS, 0, 0 };
	wint_t ch;
	int rc;

	keypad(stdscr, TRUE);
	for (;;) {
		if (signal_event(&ev))
			return ev;
		nodelay(stdscr, !wait);
		if (wait && tick >= 0)
			timeout(tick);
		errno = 0;
		rc = wget_wch(stdscr, &ch);
		if (rc == ERR) {
			if (errno == EINTR && wait)
				continue; /* a signal: look at the flags */
			if (wait && tick < 0)
				gone(&ev); /* (a timed wait just ran out) */
			return ev;
		}
		if (rc == KEY_CODE_YES) {
			if (ch == KEY_RESIZE) {
				ev.kind = TEV_RESIZE;
				return ev;
			}
			if (ch == KEY_MOUSE) {
				ev = from_ncurses_mouse();
			} else if ((int)ch == KEY_SGR_MOUSE) {
				ev = read_sgr();
			} else {
				ev.kind = TEV_KEY;
				ev.key = map_key((int)ch);
			}
		} else {
			ev.kind = TEV_KEY;
			ev.key = (int)ch;
		}
		if (ev.kind != TEV_NONE || !wait)
			return ev;
	}
}

/* Bytes read ahead while telling Esc from an escape sequence. */
static int ahead[8];
static int n_ahead;

/* The next byte within the escape delay, or ERR. */
static int next_byte(void)
{
	int c;

	timeout(25);
	c = getch();
	return c;
}

struct term_event term_read_raw(bool wait)
{
	struct term_event ev = { TEV_NONE, 0, MOUSE_PRESS, 0, 0 };
	int c, c2, c3, i;

	keypad(stdscr, FALSE);
	for (;;) {
		if (n_ahead > 0) {
			ev.kind = TEV_KEY;
			ev.key = ahead[0];
			for (i = 1; i < n_ahead; i++)
				ahead[i - 1] = ahead[i];
			n_ahead--;
			return ev;
		}
		if (quit_signal == SIGINT) {
			/* Ctrl-C on the command line cancels the line, as in
			 * readline and every shell; it quits only from the main view */
			quit_signal = 0;
			ev.kind = TEV_CANCEL;
			return ev;
		}
		if (signal_event(&ev))
			return ev;
		nodelay(stdscr, !wait);
		if (wait && tick >= 0)
			timeout(tick);
		errno = 0;
		c = getch();
		if (c == ERR) {
			if (errno == EINTR && wait)
				continue;
			if (wait && tick < 0)
				gone(&ev);
			return ev;
		}
		if (c == KEY_RESIZE) {
			ev.kind = TEV_RESIZE;
			return ev;
		}
		if (c != 27) {
			ev.kind = TEV_KEY;
			ev.key = c;
			return ev;
		}
		/* Esc alone cancels; Esc [ < ... and Esc [ M ... are mouse
		 * reports, dropped; other sequences go to readline */
		c2 = next_byte();
		if (c2 == ERR) {
			ev.kind = TEV_CANCEL;
			return ev;
		}
		if (c2 == '[') {
			c3 = next_byte();
			if (c3 == '<') {
				for (i = 0; i < 24 && (c = next_byte()) != ERR && c != 'M' && c != 'm'; i++)
					;
				continue;
			}
			if (c3 == 'M') {
				for (i = 0; i < 3; i++)
					next_byte();
				continue;
			}
			ahead[n_ahead++] = '[';
			if (c3 != ERR)
				ahead[n_ahead++] = c3;
		} else {
			ahead[n_ahead++] = c2;
		}
		ev.kind = TEV_KEY;
		ev.key = 27;
		return ev;
	}
}

void term_cursor(int x, int y, bool show)
{
	if (show) {
		move(y, x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

void term_invalidate(void)
{
	grid_free(shown);
	shown = NULL;
}
