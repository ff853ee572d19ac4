/*
 * linear: the explorer for a screen reader (--linear): nothing drawn in
 * place, no box drawing, braille or columns; the keys as in the explorer,
 * and after each one that changes something, one or two full sentences
 * printed below the last (linearview.h).  ':' reads a command as a plain
 * line.  The terminal is only switched out of line mode for the keys, and
 * back on every way out (q, Ctrl-C, SIGTERM, a crash, Ctrl-Z and fg).
 */
#ifndef CUTOFF_LINEAR_H
#define CUTOFF_LINEAR_H

#include "app/session.h"
#include "tty/term.h"

/* Runs until q, end of input or a signal; returns an exit status. */
int linear_run(struct session *s, const struct term_options *to);

#endif
