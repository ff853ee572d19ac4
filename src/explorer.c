/*
 * explorer: events to actions.  A drag that starts on the slider follows
 * the mouse until any release, key or new press, so a lost release cannot
 * leave it stuck.
 */
#include "explorer.h"

#include "keys.h"
#include "panels.h"
#include "term.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct loop {
	struct view *v;
	struct screen scr;
	int dragging;
	int quit;
	int resized;
};

static void act(struct loop *l, enum action a)
{
	struct view *v = l->v;
	struct view_model *m = view_current(v);

	switch (a) {
	case ACT_UP_FINE: view_step(v, +1, STEP_FINE); break;
	case ACT_DOWN_FINE: view_step(v, -1, STEP_FINE); break;
	case ACT_UP_SMALL: view_step(v, +1, STEP_SMALL); break;
	case ACT_DOWN_SMALL: view_step(v, -1, STEP_SMALL); break;
	case ACT_UP_LARGE: view_step(v, +1, STEP_LARGE); break;
	case ACT_DOWN_LARGE: view_step(v, -1, STEP_LARGE); break;
	case ACT_HOME: view_set_k(v, m->sw->n); break;
	case ACT_END: view_set_k(v, 0); break;
	case ACT_BEST_F1: view_jump(v, BEST_F1); break;
	case ACT_BEST_YOUDEN: view_jump(v, BEST_YOUDEN); break;
	case ACT_BEST_MCC: view_jump(v, BEST_MCC); break;
	case ACT_BEST_COST: view_jump(v, BEST_COST); break;
	case ACT_STEP_MODE: v->step = v->step == STEP_VALUE ? STEP_RANK : STEP_VALUE; break;
	case ACT_NEXT_MODEL: view_next_model(v); break;
	case ACT_OVERLAY: v->overlay = !v->overlay; break;
	case ACT_NEXT_PLOTS: v->rotation = (v->rotation + 1) % PLOT_COUNT; break;
	case ACT_GLYPHS:
		v->glyphs = v->glyphs == GLYPHS_BRAILLE ? GLYPHS_BLOCK : v->glyphs == GLYPHS_BLOCK ? GLYPHS_ASCII
												 : GLYPHS_BRAILLE;
		break;
	case ACT_HELP: v->help = !v->help; break;
	case ACT_QUIT: l->quit = 1; break;
	case ACT_NONE: break;
	}
}

static void on_mouse(struct loop *l, const struct term_event *ev)
{
	size_t k;
	enum hit h;

	switch (ev->mouse) {
	case MOUSE_PRESS:
		l->dragging = 0;
		h = panels_hit(&l->scr, l->v, ev->x, ev->y, &k);
		if (h != HIT_NONE)
			view_set_k(l->v, k);
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
		view_step(l->v, +1, STEP_FINE);
		break;
	case MOUSE_WHEEL_DOWN:
		view_step(l->v, -1, STEP_FINE);
		break;
	}
}

static void on_event(struct loop *l, const struct term_event *ev)
{
	switch (ev->kind) {
	case TEV_QUIT:
		l->quit = 1;
		break;
	case TEV_RESIZE:
		l->resized = 1;
		break;
	case TEV_MOUSE:
		on_mouse(l, ev);
		break;
	case TEV_KEY:
		l->dragging = 0;
		if (l->v->help) {
			l->v->help = 0; /* any key closes the help */
			if (keys_action(ev->key) != ACT_QUIT)
				break;
		}
		act(l, keys_action(ev->key));
		break;
	case TEV_NONE:
		break;
	}
}

int explorer_run(struct session *s, const struct options *o)
{
	struct term_options to = { !isatty(STDIN_FILENO), o->no_color, o->no_mouse, o->ascii };
	struct loop l;
	struct grid *g = NULL;
	char err[256];
	int w, h, status = 0;

	memset(&l, 0, sizeof l);
	l.v = &s->view;
	l.resized = 1;
	if (term_init(&to, err, sizeof err) < 0) {
		fprintf(stderr, "cutoff: %s\n", err);
		return 1;
	}
	s->view.glyphs = term_glyphs();
	s->view.color = term_color();
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
		panels_draw(g, &l.scr, &s->view);
		term_draw(g, s->view.color);
		ev = term_read(true);
		on_event(&l, &ev);
		/* take everything already typed before drawing again */
		while (!l.quit && (ev = term_read(false)).kind != TEV_NONE)
			on_event(&l, &ev);
	}
	term_done();
	/* ended by a signal: say so in the status, as a shell would */
	if (status == 0 && term_quit_signal() != 0)
		status = 128 + term_quit_signal();
	grid_free(g);
	panels_free(&l.scr);
	if (status != 0)
		fprintf(stderr, "cutoff: out of memory\n");
	return status;
}
