/*
 * session: from options to a loaded, swept data set and an explorer view.
 * Shared by the command line, the explorer, the tests and the benchmarks,
 * so that the explorer and --report start from the same numbers.
 */
#ifndef CUTOFF_SESSION_H
#define CUTOFF_SESSION_H

#include "dataset.h"
#include "options.h"
#include "sweep.h"
#include "view.h"

struct session {
	struct dataset *ds;
	struct sweep *sweeps;           /* one per model */
	struct view_model *models;
	size_t built;
	struct view view;
};

/* Loads the data and builds every model's sweep (freeing its rows). Returns
 * 0, or -1 with a message in err. The dataset's notes are left for the
 * caller to print. */
int session_open(struct session *s, const struct options *o, char *err, size_t errlen);

void session_close(struct session *s);

#endif
