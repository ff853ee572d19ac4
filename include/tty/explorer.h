/*
 * explorer: the interactive loop.  Reads events from term, turns them into
 * actions on the view, draws the panels into a grid and hands the grid to
 * term.  All input pending is handled before one redraw.
 */
#ifndef CUTOFF_EXPLORER_H
#define CUTOFF_EXPLORER_H

#include "tty/term.h"
#include "app/session.h"

/* Runs until the user quits or a signal asks to; returns an exit status. */
int explorer_run(struct session *s, const struct term_options *to);

#endif
