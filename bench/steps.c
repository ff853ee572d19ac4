/*
 * steps: the explorer's per-step cost, without a terminal.
 *   steps [-W cols] [-H rows] [-n steps] [-r rotation] [-p] [-a] [-k] -- [cutoff options] FILE
 * Loads FILE as cutoff would, draws the screen into an off-screen grid of
 * cols x rows (default 200x60), then moves the threshold n times (default
 * 1000: right, then back left) with a full redraw after each.  -r picks
 * the plots as v does (4: gains, net benefit, calibration, ROC); -p prints
 * the last screen; -a uses ASCII glyphs; -k, with a score column per
 * class, shows every class (the explorer's k), each step's classes worked
 * out as the explorer does; -R opens the rows panel (r) on the false
 * positives, listed again at each step.  Run it under callgrind and divide
 * by n for the instructions per step (make bench-steps).
 */
#include "ui/grid.h"
#include "options.h"
#include "ui/panels.h"
#include "app/session.h"
#include "app/classview.h"
#include "app/rowsview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <unistd.h>

/* The measured part: n steps, each a full redraw (callgrind counts only
 * inside this function with --toggle-collect=run_steps). */
__attribute__((noinline)) static void run_steps(struct grid *g, struct screen *scr, struct view *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		view_step(v, i < n / 2 ? +1 : -1, STEP_FINE);
		if (v->classes != NULL)
			classview_sync(v->classes, v);
		if (v->rows != NULL)
			rowsview_sync(v->rows, v, 40);
		panels_draw(g, scr, v);
	}
}

int main(int argc, char **argv)
{
	int w = 200, h = 60, n = 1000, print = 0, ascii = 0, rotation = 0, classes = 0, rows = 0, c;
	struct classview cv;
	struct rowsview rv;
	struct options o;
	struct session_start st;
	struct session s;
	struct screen scr;
	struct grid *g;
	char err[1024];

	/* glyph widths as in a UTF-8 terminal, numbers in C */
	setlocale(LC_CTYPE, "C.UTF-8");
	while ((c = getopt(argc, argv, "W:H:n:r:pakR")) != -1) {
		switch (c) {
		case 'W': w = atoi(optarg); break;
		case 'H': h = atoi(optarg); break;
		case 'n': n = atoi(optarg); break;
		case 'r': rotation = atoi(optarg); break;
		case 'p': print = 1; break;
		case 'a': ascii = 1; break;
		case 'k': classes = 1; break;
		case 'R': rows = 1; break;
		default:
			fprintf(stderr, "usage: steps [-W cols] [-H rows] [-n steps] [-r rotation] [-p] [-a] [-k] -- [options] FILE\n");
			return 2;
		}
	}
	argv[optind - 1] = "cutoff";
	if (options_parse(argc - optind + 1, argv + optind - 1, &o, err, sizeof err) != OPTIONS_OK) {
		fprintf(stderr, "steps: %s\n", err);
		return 2;
	}
	options_start(&o, &st);
	if (session_open(&s, &o.data, &st, err, sizeof err) < 0) {
		fprintf(stderr, "steps: %s\n", err);
		return 1;
	}
	if (ascii)
		s.view.glyphs = GLYPHS_ASCII;
	s.view.rotation = rotation;
	view_find_optima(&s.view); /* as the explorer does */
	if (s.ds->multiclass) {
		if (classview_open(&cv, &s) < 0)
			return 1;
		s.view.classes = &cv;
		s.view.class_names = s.ds->classes.names;
		s.view.classes_shown = classes;
		view_set_model(&s.view, 0); /* the first class's words */
		classview_sync(&cv, &s.view);
	}
	if (rows) {
		if (rowsview_open(&rv, &s, o.id, o.show, o.n_show, err, sizeof err) < 0) {
			fprintf(stderr, "steps: %s\n", err);
			return 1;
		}
		s.view.rows = &rv;
		s.view.rows_shown = true;
		rowsview_sync(&rv, &s.view, 40);
	}
	memset(&scr, 0, sizeof scr);
	g = grid_new(w, h);
	panels_draw(g, &scr, &s.view); /* the first frame rasterises the plots */
	run_steps(g, &scr, &s.view, n);
	if (print) {
		char *text = grid_to_text(g);

		fputs(text, stdout);
		free(text);
	}
	grid_free(g);
	panels_free(&scr);
	if (s.view.rows != NULL) {
		s.view.rows = NULL;
		rowsview_close(&rv);
	}
	if (s.view.classes != NULL) {
		s.view.classes = NULL;
		classview_close(&cv);
	}
	session_close(&s);
	options_free(&o);
	return 0;
}
