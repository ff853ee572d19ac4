/*
 * classview: --multiclass on top of a session whose models are classes
 * (each one against the rest): the rows as the core reads them, every
 * class's sweep, and the figures of all classes at the view's thresholds.
 * The command line's report and the explorer both start here, so that
 * they show the same numbers.
 */
#ifndef CUTOFF_CLASSVIEW_H
#define CUTOFF_CLASSVIEW_H

#include "app/session.h"
#include "core/stats/mcfocus.h"
#include "core/stats/multiclass.h"
#include "core/stats/optimize.h"

#include <stddef.h>

struct classview {
	struct mc_rows rows;
	const struct sweep **sw;        /* k: each class's (the view's) */
	double *thr;                    /* k: the thresholds last computed at */
	struct mc_result r;
	/* the explorer: the class on screen's threshold moves, the others
	 * stay (mc_focus), rebuilt when the class or another's threshold
	 * changes */
	struct mcfocus focus;
	bool focused;
	double *focus_thr;              /* k: the thresholds it was built at */
};

/* The threshold-free figures.  0, or -1 when out of memory. */
int classview_open(struct classview *cv, const struct session *s);

/* Every figure at the view's thresholds (each model's). */
void classview_at(struct classview *cv, const struct view *v);

void classview_close(struct classview *cv);

/* The explorer's: every figure at the view's thresholds, after an action
 * (never in a redraw).  The thresholded decision comes from the focus
 * (rebuilt, O(n k), only when the class on screen or another class's
 * threshold changed), so that a move of the knob reads no rows.  0, or
 * -1 when out of memory (the figures then stay as they were). */
int classview_sync(struct classview *cv, const struct view *v);

/* --thresholds C=X: class C's threshold on the view.  0, or -1 with the
 * message in err (C names no class). */
int classview_set(struct session *s, const char *name, double t, char *err, size_t errlen);

/* --optimize: each class with rows to its own optimum of spec, values[c]
 * the objective there (NaN for a class with no rows, which keeps its
 * threshold).  0, or -1 with the message in err (a class has none). */
int classview_optimize(struct session *s, const struct optimize_spec *spec, double *values, char *err,
		       size_t errlen);

/* What the user should know of class c at the thresholds (it has no
 * rows; it flags none, so its precision counts 0 in the means), in buf;
 * NULL when nothing. */
const char *classview_note(const struct session *s, const struct mc_result *r, size_t c, char *buf, size_t cap);

#endif
