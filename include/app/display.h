/*
 * display: the actions on how the state is shown rather than on the
 * numbers (plots, glyphs, the plain-language view, the help box, the
 * bottom line, the command line's echo, a running bootstrap's progress).
 * The terminal shell changes the view through these and view_*, never by
 * writing its fields.
 */
#ifndef CUTOFF_DISPLAY_H
#define CUTOFF_DISPLAY_H

#include "app/view.h"

#include <stdbool.h>
#include <stddef.h>

void display_toggle_overlay(struct view *v);

/* L, :set logfpr: ROC's FPR axis on a log scale from 1/negatives to 1 (or
 * linear again); for rare positives, where the first 1% of FPR matters. */
void display_set_logfpr(struct view *v, bool on);
void display_next_plots(struct view *v);        /* which plot comes first when few fit */
void display_set_glyphs(struct view *v, enum glyphs g);
void display_next_glyphs(struct view *v);       /* braille, blocks, ASCII, braille... */
void display_set_color(struct view *v, bool color);
void display_toggle_explain(struct view *v);

/* --multiclass: the whole decision in place of the tables and plots; its
 * matrix by the highest score or by the thresholds (said otherwise). */
void display_toggle_classes(struct view *v);
void display_toggle_argmax(struct view *v);

/* r: the rows panel, open or closed; ] and [: its cell, the next or the
 * previous of fp, fn, tp, tn, near (the panel opens). */
void display_toggle_rows(struct view *v);

/* p: pins the threshold on screen as the baseline (P on the slider, the
 * words compare with it), or unpins it when it is pinned there already;
 * :pin sets it (on false: off). */
void display_toggle_pin(struct view *v);
void display_set_pin(struct view *v, bool on, double t);
void display_rows_cell(struct view *v, int dir);

/* The help box: what (HELP_KEYS, HELP_COMMANDS or a command's index)
 * from its top; closed; scrolled to top (clamped to 0..max). */
void display_help(struct view *v, int what);
void display_toggle_help(struct view *v);
void display_close_help(struct view *v);
void display_help_scroll(struct view *v, int top, int max);

/* The bottom line: no message (a key was pressed). */
void display_clear_message(struct view *v);

/* The command line's echo while it is open: its prompt and text with the
 * cursor's column, and the completions above it (NULL: none). */
void display_prompt_open(struct view *v, const char *text, int cursor);
void display_prompt_matches(struct view *v, const char *matches);
void display_prompt_close(struct view *v);

/* A bootstrap of n resamples running in the background (n 0: none), and
 * how many are done. */
void display_booting(struct view *v, size_t n);
void display_boot_progress(struct view *v, size_t done);

#endif
