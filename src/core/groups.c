/*
 * groups: an open-addressing table from value to group, and each group's
 * rows in models like the whole file's.  Values past GROUPS_MAX are still
 * counted (up to GROUPS_COUNTED) so that the error can say how many there
 * are, but get no rows.
 */
#include "core/groups.h"

#include "core/parse.h"

#include <stdlib.h>
#include <string.h>

#define GROUPS_COUNTED 100000

void groups_init(struct groups *gs, size_t n_models, bool weighted, bool streamed, size_t bins)
{
	memset(gs, 0, sizeof *gs);
	gs->n_models = n_models;
	gs->weighted = weighted;
	gs->streamed = streamed;
	gs->bins = bins;
}

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The missing tokens, as a value's group name. */
static bool missing(const char *s, size_t len)
{
	static const char *const tokens[] = { "NA", "N/A", "null", "NaN" };
	size_t i;

	if (len == 0)
		return true;
	for (i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
		if (strlen(tokens[i]) == len && memcmp(tokens[i], s, len) == 0)
			return true;
	return false;
}

/* The slot of a value: where it is, or the empty one where it goes. */
static size_t slot(const struct groups *gs, const char *s, size_t len)
{
	size_t k;

	for (k = hash(s, len) & (gs->n_slots - 1);; k = (k + 1) & (gs->n_slots - 1)) {
		uint32_t at = gs->slots[k];

		if (at == 0 || (strlen(gs->names[at - 1]) == len && memcmp(gs->names[at - 1], s, len) == 0))
			return k;
	}
}

/* Keeps the table at most half full. */
static int grow_slots(struct groups *gs)
{
	size_t n = gs->n_slots ? gs->n_slots * 2 : 2048, i, old = gs->n_slots;
	uint32_t *was = gs->slots;

	if ((gs->slots = calloc(n, sizeof *gs->slots)) == NULL) {
		gs->slots = was;
		return -1;
	}
	gs->n_slots = n;
	for (i = 0; i < old; i++)
		if (was[i] != 0) {
			const char *name = gs->names[was[i] - 1];

			gs->slots[slot(gs, name, strlen(name))] = was[i];
		}
	free(was);
	return 0;
}

/* A new group: its name, and rows while under GROUPS_MAX. */
static long add(struct groups *gs, const char *s, size_t len)
{
	size_t g = gs->n_names, i;

	if (gs->n_names == gs->cap) {
		size_t cap = gs->cap ? gs->cap * 2 : 16;
		char **names = realloc(gs->names, cap * sizeof *names);

		if (names == NULL)
			return -1;
		gs->names = names;
		if (cap <= 2 * GROUPS_MAX) {
			struct model *models = realloc(gs->models, cap * gs->n_models * sizeof *models);

			if (models == NULL)
				return -1;
			gs->models = models;
		}
		gs->cap = cap;
	}
	if ((gs->names[g] = malloc(len + 1)) == NULL)
		return -1;
	memcpy(gs->names[g], s, len);
	gs->names[g][len] = '\0';
	gs->n_names++;
	if (g >= GROUPS_MAX)
		return -2;
	memset(groups_models(gs, g), 0, gs->n_models * sizeof *gs->models);
	gs->n++;
	for (i = 0; i < gs->n_models; i++) {
		struct model *m = &groups_models(gs, g)[i];

		m->min = 1.0 / 0.0;
		m->max = -1.0 / 0.0;
		/* rows from now on are folded, as the whole file's are */
		if (gs->streamed && model_fold(m, gs->weighted, gs->bins, 2 * gs->n_models, true) < 0)
			return -1;
	}
	return (long)g;
}

long groups_find(struct groups *gs, const char *s, size_t len)
{
	size_t k;
	long g;

	parse_trim(&s, &len);
	if (missing(s, len))
		s = GROUPS_MISSING, len = strlen(GROUPS_MISSING);
	if (2 * (gs->n_names + 1) > gs->n_slots && gs->n_names < GROUPS_COUNTED && grow_slots(gs) < 0)
		return -1;
	k = slot(gs, s, len);
	if (gs->slots[k] != 0)
		return gs->slots[k] - 1 < GROUPS_MAX ? (long)gs->slots[k] - 1 : -2;
	if (gs->n_names >= GROUPS_COUNTED)
		return -2; /* enough counted to say "more than" */
	g = add(gs, s, len);
	if (g != -1)
		gs->slots[k] = (uint32_t)gs->n_names;
	return g;
}

int groups_fold(struct groups *gs)
{
	size_t i;

	gs->streamed = true;
	for (i = 0; i < gs->n * gs->n_models; i++)
		if (gs->models[i].fold == NULL && model_fold(&gs->models[i], gs->weighted, gs->bins, 2 * gs->n_models, true) < 0)
			return -1;
	return 0;
}

int groups_join(struct groups *into, struct groups *from)
{
	size_t g, i;
	int rc = 0;

	for (g = 0; g < from->n_names; g++) {
		long to = groups_find(into, from->names[g], strlen(from->names[g]));

		if (to == -1)
			return -1; /* from's rows are freed with it */
		if (to == -2 || g >= from->n) {
			rc = -2; /* counted */
			continue;
		}
		for (i = 0; i < from->n_models; i++)
			if (model_append(&groups_models(into, (size_t)to)[i], &groups_models(from, g)[i], into->weighted) < 0)
				return -1;
	}
	return rc;
}

size_t groups_count(const struct groups *gs, bool *more)
{
	*more = gs->n_names >= GROUPS_COUNTED;
	return gs->n_names;
}

/* "(missing)" after every value; the rest in byte order */
static int before(const char *a, const char *b)
{
	int ma = strcmp(a, GROUPS_MISSING) == 0, mb = strcmp(b, GROUPS_MISSING) == 0;

	if (ma != mb)
		return mb;
	return strcmp(a, b) < 0;
}

bool groups_numeric(const struct groups *gs)
{
	size_t g;

	for (g = 0; g < gs->n; g++) {
		const char *s = gs->names[g];
		size_t i = s[0] == '-' ? 1 : 0;

		if (s[i] == '\0' || strlen(s + i) > 15)
			return false;
		for (; s[i]; i++)
			if (s[i] < '0' || s[i] > '9')
				return false;
	}
	return gs->n > 0;
}

/* By number (whole, written as digits): a shorter one is smaller */
static int before_number(const char *a, const char *b)
{
	long long x = strtoll(a, NULL, 10), y = strtoll(b, NULL, 10);

	return x < y;
}

void groups_sort(struct groups *gs, bool numeric)
{
	size_t i, j, k, w = gs->n_models;
	int (*less)(const char *, const char *) = numeric && groups_numeric(gs) ? before_number : before;

	/* insertion sort of names and their models (at most 1,000) */
	for (i = 1; i < gs->n; i++) {
		for (j = i; j > 0 && less(gs->names[j], gs->names[j - 1]); j--) {
			char *t = gs->names[j];

			gs->names[j] = gs->names[j - 1];
			gs->names[j - 1] = t;
			for (k = 0; k < w; k++) {
				struct model tm = gs->models[j * w + k];

				gs->models[j * w + k] = gs->models[(j - 1) * w + k];
				gs->models[(j - 1) * w + k] = tm;
			}
		}
	}
	/* the table's indexes are stale now: it is no longer needed */
	free(gs->slots);
	gs->slots = NULL;
	gs->n_slots = 0;
}

void groups_free(struct groups *gs)
{
	size_t i;

	for (i = 0; i < gs->n * gs->n_models; i++)
		model_release(&gs->models[i]);
	for (i = 0; i < gs->n_names; i++)
		free(gs->names[i]);
	free(gs->names);
	free(gs->models);
	free(gs->slots);
	memset(gs, 0, sizeof *gs);
}
