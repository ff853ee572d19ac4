/*
 * parse: the grammar of one input field, shared by the loader, the option
 * parser and the fuzz harnesses.  Numbers are plain decimal or exponent
 * notation (what CSV writers emit); labels follow cutoff's fixed vocabulary.
 * Nothing here allocates on the common path or depends on the locale.
 */
#ifndef CUTOFF_PARSE_H
#define CUTOFF_PARSE_H

#include <stdbool.h>
#include <stddef.h>

enum parse_status {
	PARSE_OK,       /* a finite number */
	PARSE_MISSING,  /* empty, NA, N/A, NaN, null (any case) */
	PARSE_NONFINITE,/* inf, -inf, infinity, or a value that overflows */
	PARSE_BAD       /* anything else */
};

enum label_class {
	LABEL_NEG,
	LABEL_POS,
	LABEL_MISSING,
	LABEL_OTHER     /* not in the vocabulary: needs --positive */
};

/* Strips ASCII spaces, tabs, CR and LF from both ends of s[0..*len). */
void parse_trim(const char **s, size_t *len);

/* True for the missing-value spellings (after trimming). */
bool parse_is_missing(const char *s, size_t len);

/* Parses s[0..len) (need not be NUL-terminated) as a decimal number.
 * The result is bit-identical to strtod's. */
enum parse_status parse_number(const char *s, size_t len, double *out);

/* parse_number with strtod for every number (no fast path): what tests
 * compare the fast path with (load_tuning's plain_numbers). */
enum parse_status parse_number_plain(const char *s, size_t len, double *out);

/* Classifies a label by the vocabulary (trimmed, case-insensitive). */
enum label_class parse_label(const char *s, size_t len);

#endif
