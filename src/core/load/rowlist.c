/*
 * rowlist: the rows of a cell, listed (see rowlist.h).  Each model keeps
 * a heap of at most `limit` rows with the one that would be listed last
 * on top, so that a row that belongs before it takes its place; only the
 * kept rows' fields are copied.
 */
#include "core/load/rowlist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const rowlist_cell_names[ROWS_CELLS] = { "fp", "fn", "tp", "tn", "near" };

int rowlist_parse_cell(const char *name, enum rowlist_cell *cell)
{
	for (int i = 0; i < ROWS_CELLS; i++)
		if (strcmp(name, rowlist_cell_names[i]) == 0) {
			*cell = (enum rowlist_cell)i;
			return 0;
		}
	return -1;
}

static bool in_cell(enum rowlist_cell cell, bool positive, double score, double t)
{
	switch (cell) {
	case ROWS_FP: return !positive && score >= t;
	case ROWS_TP: return positive && score >= t;
	case ROWS_FN: return positive && score < t;
	case ROWS_TN: return !positive && score < t;
	default: return true;
	}
}

/* Whether a is listed before b: flagged cells from the highest score
 * down, the others from the lowest up, near by the distance to the
 * threshold then the highest score; equal keys in file order. */
static bool before(enum rowlist_cell cell, double t, const struct rowlist_row *a, const struct rowlist_row *b)
{
	if (cell == ROWS_NEAR) {
		double da = fabs(a->score - t), db = fabs(b->score - t);

		if (da != db)
			return da < db;
	}
	if (a->score != b->score)
		return cell == ROWS_FN || cell == ROWS_TN ? a->score < b->score : a->score > b->score;
	return a->line < b->line;
}

/* The heap: the row listed last on top. */
static void sift_down(struct rowlist *l, size_t i, enum rowlist_cell cell, double t)
{
	for (;;) {
		size_t c = 2 * i + 1, last = i;
		struct rowlist_row tmp;

		if (c < l->n && before(cell, t, &l->row[last], &l->row[c]))
			last = c;
		if (c + 1 < l->n && before(cell, t, &l->row[last], &l->row[c + 1]))
			last = c + 1;
		if (last == i)
			return;
		tmp = l->row[i], l->row[i] = l->row[last], l->row[last] = tmp;
		i = last;
	}
}

static void sift_up(struct rowlist *l, size_t i, enum rowlist_cell cell, double t)
{
	while (i > 0 && before(cell, t, &l->row[(i - 1) / 2], &l->row[i])) {
		struct rowlist_row tmp = l->row[i];

		l->row[i] = l->row[(i - 1) / 2], l->row[(i - 1) / 2] = tmp;
		i = (i - 1) / 2;
	}
}

static char *copy(const char *s, size_t len)
{
	char *c;

	if (s == NULL)
		return NULL;
	if ((c = malloc(len + 1)) != NULL) {
		memcpy(c, s, len);
		c[len] = '\0';
	}
	return c;
}

static void drop_row(struct rowlist_row *r, size_t n_extra)
{
	free(r->label);
	for (size_t i = 0; r->extra != NULL && i < n_extra; i++)
		free(r->extra[i]);
	free(r->extra);
}

/* The row's fields copied into out; -1 when out of memory. */
static int fill(struct rowlist_row *out, const struct row_seen *r, double score, size_t n_extra)
{
	memset(out, 0, sizeof *out);
	out->line = r->line;
	out->score = score;
	out->weight = r->weight;
	out->positive = r->positive;
	if ((out->label = copy(r->label, r->label_len)) == NULL ||
	    (n_extra > 0 && (out->extra = calloc(n_extra, sizeof *out->extra)) == NULL))
		goto oom;
	for (size_t i = 0; i < n_extra; i++)
		if (r->extra[i] != NULL && r->extra_len[i] > 0 && (out->extra[i] = copy(r->extra[i], r->extra_len[i])) == NULL)
			goto oom;
	return 0;
oom:
	drop_row(out, n_extra);
	return -1;
}

/* Model m's list sees the row: counted when in the cell, kept when it is
 * among the first `limit`. */
static void take_one(struct rowlists *rl, size_t m, const struct row_seen *r, double score)
{
	struct rowlist *l = &rl->list[m];
	double t = rl->threshold[m];
	struct rowlist_row probe = { r->line, score, r->weight, r->positive, NULL, NULL };

	if (!in_cell(rl->cell, r->positive, score, t))
		return;
	l->total++;
	if (rl->limit > 0 && l->n == rl->limit) {
		if (!before(rl->cell, t, &probe, &l->row[0]))
			return;
		drop_row(&l->row[0], rl->n_extra);
		if (fill(&l->row[0], r, score, rl->n_extra) < 0) {
			l->row[0] = l->row[--l->n];
			rl->failed = true;
		}
		sift_down(l, 0, rl->cell, t);
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct rowlist_row *row = realloc(l->row, cap * sizeof *row);

		if (row == NULL) {
			rl->failed = true;
			return;
		}
		l->row = row, l->cap = cap;
	}
	if (fill(&l->row[l->n], r, score, rl->n_extra) < 0) {
		rl->failed = true;
		return;
	}
	sift_up(l, l->n++, rl->cell, t);
}

int rowlists_init(struct rowlists *rl, enum rowlist_cell cell, size_t limit, size_t n_models, size_t n_extra,
		  bool keep_all)
{
	memset(rl, 0, sizeof *rl);
	rl->cell = cell, rl->limit = limit, rl->n_models = n_models, rl->n_extra = n_extra, rl->keep_all = keep_all;
	rl->list = calloc(LOADOPTS_MAX_MODELS, sizeof *rl->list); /* n_models may be learnt from the first row */
	return rl->list != NULL ? 0 : -1;
}

/* keep_all: the row as read, and its scores. */
static void keep(struct rowlists *rl, const struct row_seen *r)
{
	if (rl->n_models == 0)
		rl->n_models = r->n_scores < LOADOPTS_MAX_MODELS ? r->n_scores : LOADOPTS_MAX_MODELS;
	if (rl->n_all == rl->cap_all) {
		size_t cap = rl->cap_all ? rl->cap_all + rl->cap_all / 2 : 64;
		struct rowlist_row *all = realloc(rl->all, cap * sizeof *all);
		double *sc;

		if (all == NULL) {
			rl->failed = true;
			return;
		}
		rl->all = all;
		if ((sc = realloc(rl->all_scores, cap * rl->n_models * sizeof *sc)) == NULL) {
			rl->failed = true;
			return;
		}
		rl->all_scores = sc, rl->cap_all = cap;
	}
	if (fill(&rl->all[rl->n_all], r, 0, rl->n_extra) < 0) {
		rl->failed = true;
		return;
	}
	memcpy(rl->all_scores + rl->n_all * rl->n_models, r->scores, rl->n_models * sizeof *r->scores);
	rl->n_all++;
}

void rowlists_take(void *arg, const struct row_seen *r)
{
	struct rowlists *rl = arg;

	if (rl->failed)
		return;
	if (rl->keep_all) {
		keep(rl, r);
		return;
	}
	for (size_t m = 0; m < rl->n_models; m++)
		take_one(rl, m, r, rl->negate ? -r->scores[m] : r->scores[m]);
}

int rowlists_select(struct rowlists *rl)
{
	for (size_t i = 0; i < rl->n_all && !rl->failed; i++) {
		const struct rowlist_row *a = &rl->all[i];
		const char *ex[LOADOPTS_MAX_MODELS + 1];
		size_t exl[LOADOPTS_MAX_MODELS + 1];

		for (size_t e = 0; e < rl->n_extra && e <= LOADOPTS_MAX_MODELS; e++) {
			ex[e] = a->extra != NULL ? a->extra[e] : NULL;
			exl[e] = ex[e] != NULL ? strlen(ex[e]) : 0;
		}
		for (size_t m = 0; m < rl->n_models; m++) {
			double sc = rl->all_scores[i * rl->n_models + m];

			take_one(rl, m, &(struct row_seen){ a->line, rl->n_models, NULL, a->positive, a->weight, a->label,
							    a->label ? strlen(a->label) : 0, ex, exl }, rl->negate ? -sc : sc);
		}
	}
	for (size_t i = 0; i < rl->n_all; i++)
		drop_row(&rl->all[i], rl->n_extra);
	free(rl->all), free(rl->all_scores);
	rl->all = NULL, rl->all_scores = NULL, rl->n_all = rl->cap_all = 0;
	return rl->failed ? -1 : 0;
}

void rowlists_finish(struct rowlists *rl)
{
	for (size_t m = 0; m < rl->n_models; m++) {
		struct rowlist *l = &rl->list[m];
		double t = rl->threshold[m];
		size_t n = l->n;

		/* a heap whatever the limit: each pop puts the last one at the end */
		for (size_t i = n / 2; i-- > 0;)
			sift_down(l, i, rl->cell, t);
		while (l->n > 1) {
			struct rowlist_row tmp = l->row[0];

			l->row[0] = l->row[--l->n], l->row[l->n] = tmp;
			sift_down(l, 0, rl->cell, t);
		}
		l->n = n;
	}
}

void rowlists_free(struct rowlists *rl)
{
	for (size_t m = 0; rl->list != NULL && m < rl->n_models; m++) {
		for (size_t i = 0; i < rl->list[m].n; i++)
			drop_row(&rl->list[m].row[i], rl->n_extra);
		free(rl->list[m].row);
	}
	for (size_t i = 0; i < rl->n_all; i++)
		drop_row(&rl->all[i], rl->n_extra);
	free(rl->list), free(rl->all), free(rl->all_scores);
	memset(rl, 0, sizeof *rl);
}
