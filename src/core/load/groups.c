/*
 * groups: an open-addressing table from value to group, and each group's
 * rows in models like the whole file's.  Values past GROUPS_MAX are still
 * counted (up to GROUPS_COUNTED) so that the error can say how many there
 * are, but get no rows.
 */
#include "core/load/groups.h"

#include "core/base/parse.h"
#include "core/base/text.h"

#include <stdlib.h>
#include <string.h>

#define GROUPS_COUNTED 100000

void groups_init(struct groups *gs, size_t n_models, bool weighted, bool streamed, size_t bins,
		 const struct load_tuning *t)
{
	memset(gs, 0, sizeof *gs);
	gs->n_models = n_models;
	gs->weighted = weighted;
	gs->streamed = streamed;
	gs->bins = bins;
	gs->tuning = t;
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

		/* by length: a value may hold a NUL byte */
		if (at == 0 || (gs->raw_len[at - 1] == len && memcmp(gs->raw[at - 1], s, len) == 0))
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
		if (was[i] != 0)
			gs->slots[slot(gs, gs->raw[was[i] - 1], gs->raw_len[was[i] - 1])] = was[i];
	free(was);
	return 0;
}

/* Room for cap values' names. */
static int more_names(struct groups *gs, size_t cap)
{
	char **names = realloc(gs->names, cap * sizeof *names), **raw;
	size_t *raw_len;

	if (names == NULL)
		return -1;
	gs->names = names;
	if ((raw = realloc(gs->raw, cap * sizeof *raw)) == NULL)
		return -1;
	gs->raw = raw;
	if ((raw_len = realloc(gs->raw_len, cap * sizeof *raw_len)) == NULL)
		return -1;
	gs->raw_len = raw_len;
	return 0;
}

/* A value's name as every output shows it: escaped once, here, so that
 * distinct values (a NUL byte, a control, a backslash) stay distinct;
 * the missing group's is GROUPS_MISSING, which no value escapes to. */
static char *shown(const char *s, size_t len)
{
	char *d;

	if (len == 0)
		return text_dup(GROUPS_MISSING, strlen(GROUPS_MISSING));
	if ((d = malloc(4 * len + 1)) != NULL)
		text_escape(d, 4 * len + 1, s, len, SIZE_MAX);
	return d;
}

/* A new group: its name, and rows while under GROUPS_MAX. */
static long add(struct groups *gs, const char *s, size_t len)
{
	size_t g = gs->n_names, i;

	if (gs->n_names == gs->cap) {
		size_t cap = gs->cap ? gs->cap * 2 : 16;

		if (more_names(gs, cap) < 0)
			return -1;
		if (cap <= 2 * GROUPS_MAX) {
			struct model *models = realloc(gs->models, cap * gs->n_models * sizeof *models);

			if (models == NULL)
				return -1;
			gs->models = models;
		}
		gs->cap = cap;
	}
	if ((gs->raw[g] = text_dup(s, len)) == NULL)
		return -1;
	if ((gs->names[g] = shown(s, len)) == NULL) {
		free(gs->raw[g]);
		return -1;
	}
	gs->raw_len[g] = len;
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
		if (gs->streamed && model_fold(m, gs->weighted, gs->bins, 2 * gs->n_models, true, gs->tuning) < 0)
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
		s = "", len = 0; /* one group, named GROUPS_MISSING */
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
		if (gs->models[i].fold == NULL && model_fold(&gs->models[i], gs->weighted, gs->bins, 2 * gs->n_models, true, gs->tuning) < 0)
			return -1;
	return 0;
}

int groups_join(struct groups *into, struct groups *from)
{
	size_t g, i;
	int rc = 0;

	for (g = 0; g < from->n_names; g++) {
		long to = groups_find(into, from->raw[g], from->raw_len[g]);

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

/* The missing group after every value; the rest in byte order (a NUL
 * byte too), a prefix first */
static int before(const struct groups *gs, size_t a, size_t b)
{
	size_t la = gs->raw_len[a], lb = gs->raw_len[b];
	int c;

	if ((la == 0) != (lb == 0))
		return lb == 0;
	c = memcmp(gs->raw[a], gs->raw[b], la < lb ? la : lb);
	return c < 0 || (c == 0 && la < lb);
}

bool groups_numeric(const struct groups *gs)
{
	size_t g;

	for (g = 0; g < gs->n; g++) {
		const char *s = gs->raw[g];
		size_t i = s[0] == '-' ? 1 : 0;

		if (s[i] == '\0' || gs->raw_len[g] - i > 15 || strlen(s) != gs->raw_len[g])
			return false;
		for (; s[i]; i++)
			if (s[i] < '0' || s[i] > '9')
				return false;
	}
	return gs->n > 0;
}

/* By number (whole, written as digits); equal numbers ("0", "-0",
 * "007" and "7") by their text */
static int before_number(const struct groups *gs, size_t a, size_t b)
{
	long long x = strtoll(gs->raw[a], NULL, 10), y = strtoll(gs->raw[b], NULL, 10);

	return x < y || (x == y && before(gs, a, b));
}

static void swap(void *a, void *b, size_t size)
{
	unsigned char t[sizeof(struct model) > sizeof(char *) ? sizeof(struct model) : sizeof(char *)];

	memcpy(t, a, size);
	memcpy(a, b, size);
	memcpy(b, t, size);
}

void groups_sort(struct groups *gs, bool numeric)
{
	size_t i, j, k, w = gs->n_models;
	int (*less)(const struct groups *, size_t, size_t) = numeric && groups_numeric(gs) ? before_number : before;

	/* insertion sort of names and their models (at most 1,000) */
	for (i = 1; i < gs->n; i++) {
		for (j = i; j > 0 && less(gs, j, j - 1); j--) {
			swap(&gs->names[j], &gs->names[j - 1], sizeof *gs->names);
			swap(&gs->raw[j], &gs->raw[j - 1], sizeof *gs->raw);
			swap(&gs->raw_len[j], &gs->raw_len[j - 1], sizeof *gs->raw_len);
			for (k = 0; k < w; k++)
				swap(&gs->models[j * w + k], &gs->models[(j - 1) * w + k], sizeof *gs->models);
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
		free(gs->names[i]), free(gs->raw[i]);
	free(gs->names);
	free(gs->raw);
	free(gs->raw_len);
	free(gs->models);
	free(gs->slots);
	memset(gs, 0, sizeof *gs);
}
