/*
 * model: one score column's usable rows while loading: appended one at a
 * time, folded into distinct scores when memory asks for it, and appended
 * in bulk when a second reader's half comes back.
 */
#ifndef CUTOFF_MODEL_H
#define CUTOFF_MODEL_H

#include "core/sort/fold.h"
#include "core/load/loadopts.h"

#include <stdbool.h>
#include <stddef.h>

/* One score column's usable rows, split by class.  Weights are NULL when
 * every row weighs 1. */
struct model {
	char *name;
	double *pos, *neg;
	double *pos_w, *neg_w;
	size_t n_pos, n_neg;
	size_t cap_pos, cap_neg;
	double min, max;              /* score range */
	struct fold *fold;            /* streaming: the rows, folded (no arrays) */
	/* unweighted rows read by two readers, each half sorted in its own
	 * thread: the second half stays beside the first (no copy) */
	bool sorted;                  /* pos, neg (and pos2, neg2) ascending */
	double *pos2, *neg2;
	size_t n_pos2, n_neg2;
};

/* Adds a row: 0, -1 when out of memory, -2 past the fold's distinct
 * scores ceiling. */
int model_push(struct model *m, bool positive, double score, double weight, bool weighted);

/* One record's row in every model (a score each): with counts (wpos,
 * wneg) a positive and a negative row of those weights, else one of
 * weight w.  Returns 0, or model_push's error with *bad the model. */
int model_push_row(struct model *models, size_t n, const double *scores, bool counts, bool positive, double w,
		   double wpos, double wneg, bool weighted, size_t *bad);

/* From arrays to folding: the rows so far are folded in and the arrays
 * freed.  The distinct-score ceiling is half of memory over n_models
 * (t->max_distinct lowers it, for tests).  A group's model gets a
 * group's fold (fold_init_group).  -1 when out of memory. */
int model_fold(struct model *m, bool weighted, size_t bins, size_t n_models, bool group, const struct load_tuning *t);

/* At the end of a reader's range, in its thread: sorts an unweighted
 * model's arrays (on failure they stay as they are, unsorted), or folds
 * the rest of a streaming model's rows into its list (fold_finish). */
void model_sort(struct model *m, const struct load_tuning *t);

/* Appends o's rows after m's (arrays only); -1 when out of memory.  When
 * both are sorted and unweighted, o's arrays are taken as m's second run
 * instead (o is left empty). */
int model_append(struct model *m, struct model *o, bool weighted);

/* Frees the rows (arrays or fold) once the sweep is built. */
void model_release(struct model *m);

/* n empty models (calloc'd, each range empty), or NULL when out of
 * memory; model_free releases n of them (0: none to release) and the
 * array. */
struct model *model_new(size_t n);
void model_free(struct model *m, size_t n);

#endif
