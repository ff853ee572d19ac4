/*
 * optlist: an option's comma-separated list (--classes, --show), split
 * into a copy of its own.
 */
#include "optlist.h"

#include "core/base/parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

int optlist_split(const char *opt, const char *arg, char **buf, const char **items, size_t max, char *err,
		  size_t errlen)
{
	size_t n = 0, i;
	char *p, *tok;

	free(*buf);
	if ((*buf = strdup(arg)) == NULL)
		return fail(err, errlen, "out of memory");
	for (tok = *buf;; tok = p + 1) {
		if ((p = strchr(tok, ',')) != NULL)
			*p = '\0';
		if (*tok == '\0')
			return fail(err, errlen, "%s: empty item in '%s'", opt, arg);
		if (n == max)
			return fail(err, errlen, "%s: at most %zu items", opt, max);
		for (i = 0; i < n; i++)
			if (strcmp(items[i], tok) == 0)
				return fail(err, errlen, "%s names '%s' twice", opt, tok);
		items[n++] = tok;
		if (p == NULL)
			return (int)n;
	}
}

/* --thresholds CLASS=X,...: each class's threshold (the last '=' splits,
 * so that a class name may hold one; X may be inf). */
int optlist_thresholds(const char *arg, char **buf, struct optlist_thr *out, size_t max, size_t *count, char *err,
		       size_t errlen)
{
	const char *items[256];
	int n = optlist_split("--thresholds", arg, buf, items, max < 256 ? max : 256, err, errlen);

	for (int i = 0; i < n; i++) {
		char *eq = strrchr(items[i], '=');
		enum parse_status st;

		if (eq == NULL || eq == items[i])
			return fail(err, errlen, "--thresholds takes CLASS=X,... (got '%s')", items[i]);
		*eq = '\0';
		for (int j = 0; j < i; j++)
			if (strcmp(out[j].name, items[i]) == 0)
				return fail(err, errlen, "--thresholds names class '%s' twice", items[i]);
		out[i].name = items[i];
		st = parse_number(eq + 1, strlen(eq + 1), &out[i].threshold);
		if (st == PARSE_NONFINITE)
			out[i].threshold = strchr(eq + 1, '-') ? -INFINITY : INFINITY;
		else if (st != PARSE_OK)
			return fail(err, errlen, "--thresholds: '%s' is not a number", eq + 1);
	}
	if (n < 0)
		return -1;
	*count = (size_t)n;
	return 0;
}

/* --limit N: a whole number of rows, 0 for every row. */
int optlist_count(const char *opt, const char *arg, size_t *out, char *err, size_t errlen)
{
	double v;

	if (parse_number(arg, strlen(arg), &v) != PARSE_OK || v < 0 || v != floor(v) || v > 1e15)
		return fail(err, errlen, "%s takes a whole number of rows (0: every row), not %s", opt, arg);
	*out = (size_t)v;
	return 0;
}

int optlist_number(const char *opt, const char *arg, double *v, bool allow_inf, char *err, size_t errlen)
{
	enum parse_status st = parse_number(arg, strlen(arg), v);

	if (st == PARSE_NONFINITE && allow_inf) {
		*v = strchr(arg, '-') ? -INFINITY : INFINITY;
		return 0;
	}
	if (st != PARSE_OK)
		return fail(err, errlen, "%s: '%s' is not a number", opt, arg), OPTLIST_USAGE;
	return 0;
}

int optlist_items(const char *opt, const char *arg, char **buf, const char **items, size_t max, size_t *n, char *err,
		  size_t errlen)
{
	int got = optlist_split(opt, arg, buf, items, max, err, errlen);

	if (got < 0)
		return OPTLIST_USAGE;
	*n = (size_t)got;
	return 0;
}

int optlist_band(const char *arg, double *low, double *high, char *err, size_t errlen)
{
	char a[128], *comma;

	if (snprintf(a, sizeof a, "%s", arg) >= (int)sizeof a || (comma = strchr(a, ',')) == NULL || strchr(comma + 1, ','))
		return fail(err, errlen, "--band takes LOW,HIGH (got '%s')", arg), OPTLIST_USAGE;
	*comma = '\0';
	if (optlist_number("--band", a, low, true, err, errlen) != 0 ||
	    optlist_number("--band", comma + 1, high, true, err, errlen) != 0)
		return OPTLIST_USAGE;
	if (*low > *high)
		return fail(err, errlen, "--band: LOW %s is above HIGH %s", a, comma + 1), OPTLIST_USAGE;
	return 0;
}

int optlist_unit(const char *opt, const char *arg, double *v, char *err, size_t errlen)
{
	if (optlist_number(opt, arg, v, false, err, errlen) != 0)
		return OPTLIST_USAGE;
	if (*v < 0 || *v > 1)
		return fail(err, errlen, "%s: %s is not between 0 and 1", opt, arg), OPTLIST_USAGE;
	return 0;
}

int optlist_pair(const char *arg, char **buf, const char **a, const char **b)
{
	char *comma;

	free(*buf);
	if ((*buf = strdup(arg)) == NULL)
		return -1;
	comma = strchr(*buf, ',');
	if (comma == NULL || comma == *buf || comma[1] == '\0' || strchr(comma + 1, ','))
		return -1;
	*comma = '\0';
	*a = *buf;
	*b = comma + 1;
	return 0;
}

int optlist_seed(const char *arg, uint64_t *seed, char *err, size_t errlen)
{
	double sd;

	if (arg[0] != '\0' && strspn(arg, "0123456789") == strlen(arg)) {
		unsigned long long u = strtoull(arg, NULL, 10);

		if (u > 9007199254740992ULL || strlen(arg) > 20)
			return fail(err, errlen, "--seed takes a whole number from 0 to 2^53, not %s", arg), OPTLIST_USAGE;
		*seed = u;
		return 0;
	}
	if (optlist_number("--seed", arg, &sd, false, err, errlen) != 0)
		return OPTLIST_USAGE;
	if (sd < 0 || sd >= 9007199254740992.0 || sd != floor(sd))
		return fail(err, errlen, "--seed takes a whole number from 0 to 2^53, not %s", arg), OPTLIST_USAGE;
	*seed = (uint64_t)sd;
	return 0;
}
