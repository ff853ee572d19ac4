/*
 * runs: making and freeing the sweep's runs (the walk is in runs.h).
 */
#include "core/sort/runs.h"

#include <stdlib.h>

/* Adds a run of n entries (none when n is 0). */
void runs_add(struct runs *r, int class, double *score, double *wp, double *wn, size_t n)
{
	if (n > 0)
		r->run[r->n++] = (struct run){ score, { wp, wn }, NULL, class, n, n, 0 };
}

/* Frees what the runs still hold. */
void runs_free(struct runs *r)
{
	size_t j;

	for (j = 0; j < r->n; j++) {
		free(r->run[j].score);
		free(r->run[j].w[0]);
		free(r->run[j].w[1]);
		free(r->run[j].count);
	}
}
