/*
 * groups: the --group column while loading: each distinct value (trimmed,
 * compared by its bytes and length: a NUL byte too; empty and the missing
 * tokens NA, N/A, null, NaN are one group, named "NA") gets its own rows
 * for every score column, so that each group has its own sweep.  At most
 * GROUPS_MAX groups.  A group's name is its value as every output shows it
 * (text_escape: controls, bidi controls and invalid bytes escaped, a
 * backslash doubled), escaped once here: writers quote it for their
 * format (text_json_shown, text_markdown_shown, text_fit) and never
 * escape it again.
 */
#ifndef CUTOFF_GROUPS_H
#define CUTOFF_GROUPS_H

#include "core/load/model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GROUPS_MAX 1000
#define GROUPS_MISSING "NA" /* a missing token: no value escapes to it */
/* Each group and score column costs about FOLD_GROUP_BYTES before its
 * rows (a model, and with --stream a group's small fold): with at most 64
 * columns, 128 MB at most before the first row. */

struct groups {
	size_t n;                   /* groups (with rows) */
	size_t n_names;             /* distinct values seen (more than n past GROUPS_MAX) */
	size_t n_models;            /* score columns */
	char **names;               /* each value as shown; the first n are the groups */
	char **raw;                 /* each value's bytes (trimmed; "" for the missing) */
	size_t *raw_len;
	struct model *models;       /* n x n_models, group by group */
	size_t cap;
	uint32_t *slots;            /* hash of names: index + 1, 0 empty */
	size_t n_slots;
	bool weighted, streamed;    /* how new groups keep their rows */
	size_t bins;
	const struct load_tuning *tuning;
};

/* An empty set for n_models score columns. */
void groups_init(struct groups *gs, size_t n_models, bool weighted, bool streamed, size_t bins,
		 const struct load_tuning *t);

/* The group of a value, made on first sight; its index, or -1 when out
 * of memory, -2 when it would be group GROUPS_MAX + 1. */
long groups_find(struct groups *gs, const char *s, size_t len);

/* Group g's models (n_models of them). */
static inline struct model *groups_models(struct groups *gs, size_t g)
{
	return &gs->models[g * gs->n_models];
}

/* Every group's models to folding (streaming). -1 when out of memory. */
int groups_fold(struct groups *gs);

/* Moves from's rows into into's groups of the same value (the second
 * reader's half).  -1 when out of memory, -2 when values past GROUPS_MAX
 * were only counted. */
int groups_join(struct groups *into, struct groups *from);

/* How many distinct values were seen; *more when counting stopped. */
size_t groups_count(const struct groups *gs, bool *more);

/* Orders the groups by value in byte order, the missing group last; with
 * numeric, by number when every value is a whole number (fold ids), equal
 * numbers by their text. */
void groups_sort(struct groups *gs, bool numeric);

/* Whether every group's value is a whole number (written as one). */
bool groups_numeric(const struct groups *gs);

void groups_free(struct groups *gs);

#endif
