/*
 * optlist: an option's comma-separated list, split.
 */
#ifndef CUTOFF_OPTLIST_H
#define CUTOFF_OPTLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OPTLIST_USAGE 2             /* options.h's OPTIONS_USAGE: what a bad value returns */

/* A class's threshold from --thresholds CLASS=X. */
struct optlist_thr {
	const char *name;
	double threshold;
};

/* Splits arg into a copy kept in *buf (freed first): at most max
 * non-empty items, none twice, pointed at from items.  The count, or -1
 * with the message in err ("OPT: ..."). */
int optlist_split(const char *opt, const char *arg, char **buf, const char **items, size_t max, char *err,
		  size_t errlen);

/* --thresholds CLASS=X,...: at most max entries into out (names in a copy
 * kept in *buf), their count in *n; 0, or -1 with the message. */
int optlist_thresholds(const char *arg, char **buf, struct optlist_thr *out, size_t max, size_t *n, char *err,
		       size_t errlen);

/* A whole number of rows (--limit N); 0, or -1 with the message. */
int optlist_count(const char *opt, const char *arg, size_t *out, char *err, size_t errlen);

/* A number in the data's grammar ("0.5x" is no number; with allow_inf,
 * inf and -inf): 0, or OPTLIST_USAGE with the message. */
int optlist_number(const char *opt, const char *arg, double *v, bool allow_inf, char *err, size_t errlen);

/* optlist_split, the count in *n: 0, or OPTLIST_USAGE with the message. */
int optlist_items(const char *opt, const char *arg, char **buf, const char **items, size_t max, size_t *n, char *err,
		  size_t errlen);

/* --band LOW,HIGH: two numbers (inf allowed), LOW <= HIGH. */
int optlist_band(const char *arg, double *low, double *high, char *err, size_t errlen);

/* The same, between 0 and 1. */
int optlist_unit(const char *opt, const char *arg, double *v, char *err, size_t errlen);

/* Splits "A,B" (both non-empty, one comma) into a copy kept in *buf
 * (freed first); 0, or -1. */
int optlist_pair(const char *arg, char **buf, const char **a, const char **b);

/* --seed: a whole number from 0 to 2^53, its digits read exactly
 * (9007199254740993 is not 2^53); 0, or OPTLIST_USAGE with the message. */
int optlist_seed(const char *arg, uint64_t *seed, char *err, size_t errlen);

#endif
