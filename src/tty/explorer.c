/*
 * explorer: events to actions.  A drag that starts on the slider follows
 * the mouse until any release, key or new press, so a lost release cannot
 * leave it stuck.
 */
#include "tty/explorer.h"

#include "app/classview.h"
#include "app/rowsview.h"

#include "core/base/text.h"
#include "core/base/fmt.h"
#include "app/cmd.h"
#include "app/display.h"
#include "tty/cmdline.h"
#include "tty/linear.h"
#include "ui/copy.h"
#include "ui/export.h"
#include "ui/helpbox.h"
#include "app/keys.h"
#include "ui/panels.h"
#include "tty/term.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A bootstrap running beside the loop: the loop keeps reading keys and
 * redrawing; the worker only writes its own fields and `done`. */
struct booting {
	pthread_t thread;
	int running;
	size_t model;
	struct optimize_spec spec;
	struct boot_options bo;
	struct boot_result result;
	int rc;
	atomic_int cancel;
	atomic_size_t progress;
	atomic_int done;
	const struct sweep *sw;
};

struct loop {
	struct view *v;
	struct session *s;
	struct screen scr;
	int dragging;
	int quit;
	int resized;
	struct booting boot;
	struct rowsview rows;           /* r: built when first shown */
	bool rows_built;
	int linear;                     /* :set linear: --linear after the screen */
};

static void boot_progress(void *arg, size_t done, size_t total)
{
	struct booting *b = arg;

	(void)total;
	atomic_store(&b->progress, done);
}

static void *boot_thread(void *arg)
{
	struct booting *b = arg;

	b->rc = boot_run(b->sw, &b->bo, &b->result);
	atomic_store(&b->done, 1);
	return NULL;
}

/* :bootstrap N or b: starts the resampling beside the loop. */
static void boot_start(struct loop *l, size_t n)
{
	struct booting *b = &l->boot;

	if (b->running) {
		view_say(l->v, false, "a bootstrap is running (Esc stops it)");
		return;
	}
	b->model = l->v->model;
	if (view_boot_options(l->v, n, &b->spec, &b->bo) < 0)
		return;
	b->bo.progress = boot_progress;
	b->bo.progress_arg = b;
	b->bo.cancel = &b->cancel;
	atomic_store(&b->cancel, 0);
	atomic_store(&b->progress, 0);
	atomic_store(&b->done, 0);
	b->sw = l->v->models[b->model].sw;
	if (pthread_create(&b->thread, NULL, boot_thread, b) != 0) {
		view_say(l->v, true, "cannot start the bootstrap: no thread to be had");
		return;
	}
	b->running = 1;
	display_booting(l->v, n);
}

/* Between events: the progress on the bottom line, and the result once
 * the worker is done. */
static void boot_poll(struct loop *l)
{
	struct booting *b = &l->boot;

	char a[40], c[40];

	if (!b->running)
		return;
	display_boot_progress(l->v, atomic_load(&b->progress));
	if (!atomic_load(&b->done)) {
		/* a message said meanwhile (a refusal) stays until the next key */
		if (!l->v->cmd_active && (l->v->message[0] == '\0' || strncmp(l->v->message, "bootstrap: ", 11) == 0))
			view_say(l->v, false, "bootstrap: %s of %s resamples (Esc stops it)",
				 fmt_count(a, sizeof a, (double)l->v->boot_done), fmt_count(c, sizeof c, (double)b->bo.resamples));
		return;
	}
	pthread_join(b->thread, NULL);
	b->running = 0;
	view_boot_done(l->v, b->model, &b->result, &b->bo, b->rc);
}

static void boot_stop(struct loop *l)
{
	if (l->boot.running) {
		atomic_store(&l->boot.cancel, 1);
		pthread_join(l->boot.thread, NULL);
		l->boot.running = 0;
		display_booting(l->v, 0);
	}
}

/* The rows panel's index, built the first time it is needed (a second
 * reading of the file); a file that cannot be read again says why. */
static bool build_rows(struct loop *l)
{
	char err[600];

	if (l->rows_built)
		return true;
	if (rowsview_open(&l->rows, l->s, l->s->rows_id, l->s->rows_show, l->s->rows_n_show, err, sizeof err) < 0) {
		l->v->rows_shown = false;
		view_say(l->v, true, "%s", err);
		return false;
	}
	l->rows_built = true;
	l->v->rows = &l->rows;
	return true;
}

/* --multiclass: every class at the knobs, after the keys and before the
 * drawing (it reads no rows; a new class on screen is worked out once). */
static void sync_classes(struct view *v)
{
	if (v->classes != NULL && classview_sync(v->classes, v) < 0)
		view_say(v, true, "out of memory: the classes' matrix shows the last thresholds");
	/* the rows panel: its cell's rows at the knob, as many as fit */
	if (v->rows != NULL && v->rows_shown) {
		int w, h;

		term_size(&w, &h);
		v->rows->cell = (enum rowlist_cell)v->rows_cell;
		rowsview_sync(v->rows, v, h > 10 ? (size_t)h - 8 : 2);
	}
}

static void export_snapshot(struct loop *l, const char *path, enum export_format fmt)
{
	char used[4096], err[512];

	sync_classes(l->v); /* the keys before this one may have moved a knob */
	if (fmt >= EXPORT_ROWS && !build_rows(l))
		return;

	if (export_file(l->v, path, fmt, used, sizeof used, err, sizeof err) < 0)
		view_say(l->v, true, "%s", err);
	else
		view_say(l->v, false, "%s written to %s", fmt >= EXPORT_ROWS ? "rows" : "snapshot", used);
}

/* y, :copy: the matrix and metrics on the terminal's clipboard. */
static void copy_numbers(struct loop *l)
{
	size_t len = 0, lines = 0;
	char *text;

	sync_classes(l->v);
	if ((text = copy_text(l->v, &len)) == NULL || term_clipboard(text, len) < 0) {
		view_say(l->v, true, "copy: out of memory");
		free(text);
		return;
	}
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	free(text);
	/* no terminal says whether it took it: the way round, said with it */
	view_say(l->v, false, "copied %zu lines (TSV, OSC 52); none? :copy FILE", lines);
}

/* M: the mouse to the terminal's own selection, or back. */
static void toggle_mouse(struct loop *l)
{
	if (term_mouse(!term_mouse_is_ours()))
		view_say(l->v, false, "mouse: cutoff's again (click, drag); M gives it back");
	else
		view_say(l->v, false, "mouse: the terminal's (select, copy); M takes it back");
}

/* r or :rows: the panel shows, its index built. */
static void open_rows(struct loop *l)
{
	if (l->v->rows_shown)
		build_rows(l);
}

/* With the rows panel open: Up and Down choose a row, Enter opens its
 * record (any key closes it).  1 when the key was the panel's. */
static int rows_key(struct loop *l, int key)
{
	struct rowsview *rv = &l->rows;

	if (!l->v->rows_shown || !l->rows_built)
		return 0;
	sync_classes(l->v); /* keys typed ahead: the list as it is now */
	if (rv->record_open) {
		rv->record_open = false;
		return 1;
	}
	if (key == K_UP && rv->sel > 0)
		rv->sel--;
	else if (key == K_DOWN && rv->sel + 1 < rv->n)
		rv->sel++;
	else if (key == '\r' || key == '\n') {
		if (rowsview_record(rv) < 0)
			view_say(l->v, true, rv->n == 0 ? "no row in this cell" : "the record could not be read again");
	} else
		return key == K_UP || key == K_DOWN;
	return 1;
}

/* What a command or a key's action left for the shell to do. */
static void effect(struct loop *l, enum cmd_effect e, const struct cmd *c)
{
	switch (e) {
	case EFFECT_QUIT:
		l->quit = 1;
		break;
	case EFFECT_EXPORT:
		export_snapshot(l, c->has_file ? c->text : NULL, c->format);
		break;
	case EFFECT_DISPLAY:
		panels_invalidate(&l->scr);
		term_invalidate();
		break;
	case EFFECT_BOOTSTRAP:
		boot_start(l, (size_t)c->value);
		break;
	case EFFECT_REGROUP:
		session_group_command(l->s, c->text);
		panels_invalidate(&l->scr);
		break;
	case EFFECT_PROMPT:
		cmdline_open();
		break;
	case EFFECT_ROWS:
		open_rows(l);
		break;
	case EFFECT_COPY:
		copy_numbers(l);
		break;
	case EFFECT_MOUSE:
		toggle_mouse(l);
		break;
	case EFFECT_LINEAR:
		l->quit = 1, l->linear = 1; /* the screen ends, the sentences go on */
		break;
	case EFFECT_NONE:
		break;
	}
}

/* A line from the command line. */
static void run_line(struct loop *l, const char *line)
{
	struct cmd c;
	char err[512];

	if (cmd_parse(line, &c, err, sizeof err) < 0) {
		view_say(l->v, true, "%s", err);
		return;
	}
	effect(l, cmd_apply(l->v, &c), &c);
}

/* Up, Down, PgUp, PgDn, Home and End scroll a help box taller than the
 * screen; returns 0 for any other key. */
static int help_scroll(struct loop *l, int key)
{
	int w, h, max, page, top = l->v->help_top;

	term_size(&w, &h);
	max = helpbox_max_top(w, h, l->v);
	page = h > 12 ? h - 8 : 4;
	switch (key) {
	case K_UP: top -= 1; break;
	case K_DOWN: top += 1; break;
	case K_PGUP: top -= page; break;
	case K_PGDN: top += page; break;
	case K_HOME: top = 0; break;
	case K_END: top = max; break;
	default: return 0;
	}
	display_help_scroll(l->v, top, max);
	return 1;
}

static void on_mouse(struct loop *l, const struct term_event *ev)
{
	size_t k;
	enum hit h;

	switch (ev->mouse) {
	case MOUSE_PRESS:
		l->dragging = 0;
		h = panels_hit(&l->scr, l->v, ev->x, ev->y, &k);
		if (h == HIT_CELL) {
			/* a matrix cell: its rows in the panel */
			l->v->rows_shown = true;
			l->v->rows_cell = (int)k;
			open_rows(l);
		} else if (h != HIT_NONE) {
			view_set_k(l->v, k);
		}
		l->dragging = h == HIT_SLIDER;
		break;
	case MOUSE_DRAG:
		if (l->dragging) {
			/* follow the column whatever the row: the slider's width
			 * is the whole screen */
			h = panels_hit(&l->scr, l->v, ev->x, l->scr.lay.slider.y + 1, &k);
			if (h == HIT_SLIDER)
				view_set_k(l->v, k);
		}
		break;
	case MOUSE_RELEASE:
		l->dragging = 0;
		break;
	case MOUSE_WHEEL_UP:
		if (l->v->help)
			help_scroll(l, K_UP);
		else
			view_step(l->v, +1, STEP_FINE);
		break;
	case MOUSE_WHEEL_DOWN:
		if (l->v->help)
			help_scroll(l, K_DOWN);
		else
			view_step(l->v, -1, STEP_FINE);
		break;
	}
}

/* While the command line has focus, bytes go to readline. */
static void on_command_event(struct loop *l, const struct term_event *ev)
{
	char *line = NULL;

	switch (ev->kind) {
	case TEV_KEY:
		if (cmdline_feed(ev->key, &line) == CL_LINE) {
			run_line(l, line);
			free(line);
		}
		break;
	case TEV_CANCEL:
		cmdline_cancel();
		break;
	default:
		break;
	}
}

static void on_event(struct loop *l, const struct term_event *ev)
{
	/* the same whatever has the focus */
	if (ev->kind == TEV_QUIT) {
		l->quit = 1;
		return;
	}
	if (ev->kind == TEV_RESIZE) {
		l->resized = 1;
		return;
	}
	if (l->v->cmd_active) {
		on_command_event(l, ev);
		return;
	}
	if (l->scr.lay.too_small) {
		/* nothing on screen to act on: only q leaves */
		if (ev->kind == TEV_KEY && keys_action(ev->key) == ACT_QUIT)
			l->quit = 1;
		return;
	}
	switch (ev->kind) {
	case TEV_MOUSE:
		on_mouse(l, ev);
		break;
	case TEV_KEY:
		l->dragging = 0;
		display_clear_message(l->v); /* a message lasts until the next key */
		if (l->v->help) {
			if (!help_scroll(l, ev->key))
				display_close_help(l->v); /* any other key closes the help, q too: the box says so */
			break;
		}
		if (rows_key(l, ev->key))
			break;
		if (ev->key == 27 && l->boot.running) {
			atomic_store(&l->boot.cancel, 1); /* Esc stops the bootstrap; boot_poll says so */
			break;
		}
		{
			struct cmd c;

			effect(l, keys_apply(l->v, keys_action(ev->key), &c), &c);
		}
		break;
	default:
		break;
	}
}

static struct term_event next_event(struct loop *l, bool wait)
{
	return l->v->cmd_active ? term_read_raw(wait) : term_read(wait);
}

/* What the loop holds besides the screen: a bootstrap running, the rows
 * panel's index. */
static void loop_done(struct loop *l)
{
	boot_stop(l);
	if (l->rows_built) {
		l->v->rows = NULL;
		rowsview_close(&l->rows);
	}
}

/* The full-screen explorer. */
static int screen_run(struct session *s, const struct term_options *to, int *linear)
{
	struct loop l;
	struct grid *g = NULL;
	char err[256];
	int w, h, status = 0;
	bool optima = false;

	memset(&l, 0, sizeof l);
	l.v = &s->view;
	l.s = s;
	l.resized = 1;
	if (term_init(to, err, sizeof err) < 0) {
		char *shown = text_sanitize_all(err); /* TERM is the environment's */

		fprintf(stderr, "cutoff: %s\n", shown ? shown : "cannot use the terminal");
		free(shown);
		return 1;
	}
	s->view.glyphs = term_glyphs();
	s->view.color = term_color();
	cmdline_init(&s->view);
	while (!l.quit) {
		struct term_event ev;

		if (l.resized) {
			term_size(&w, &h);
			grid_free(g);
			g = grid_new(w > 0 ? w : 1, h > 0 ? h : 1);
			if (g == NULL) {
				status = 1;
				break;
			}
			l.resized = 0;
		}
		boot_poll(&l);
		sync_classes(&s->view);
		panels_draw(g, &l.scr, &s->view);
		term_draw(g, s->view.color);
		term_cursor(s->view.cmd_cursor < g->w ? s->view.cmd_cursor : g->w - 1, g->h - 1, s->view.cmd_active);
		if (!optima) {
			/* the first screen first: the optima (their marks on the
			 * slider, f/j/c) come a moment later, before any key is
			 * taken, so every key sees them */
			view_find_optima(&s->view);
			optima = true;
			continue;
		}
		/* while a bootstrap runs, wake up now and then to show how far */
		term_tick(l.boot.running ? 100 : -1);
		ev = next_event(&l, true);
		on_event(&l, &ev);
		/* take everything already typed before drawing again */
		while (!l.quit && (ev = next_event(&l, false)).kind != TEV_NONE)
			on_event(&l, &ev);
	}
	loop_done(&l);
	{
		char herr[4200];
		int saved = cmdline_done(herr, sizeof herr);

		term_done();
		/* the screen is gone: say it where the shell shows it */
		if (saved < 0) {
			char *shown = text_sanitize_all(herr); /* a path from $HOME */

			fprintf(stderr, "cutoff: %s\n", shown ? shown : "cannot save the history");
			free(shown);
		}
	}
	grid_free(g);
	panels_free(&l.scr);
	if (status != 0)
		fprintf(stderr, "cutoff: out of memory\n"); /* the only failure above */
	/* ended by a signal: say so in the status, as a shell would */
	else if (term_quit_signal() != 0)
		status = 128 + term_quit_signal();
	*linear = l.linear && status == 0;
	return status;
}

int explorer_run(struct session *s, const struct term_options *to)
{
	int linear = 0, status = to->linear ? 0 : screen_run(s, to, &linear);

	return to->linear || linear ? linear_run(s, to) : status;
}
