/*
 * parse: number and label grammar of input fields.
 *
 * parse_number() validates the strict decimal grammar first (so that hex,
 * "inf" spelt oddly or trailing junk are rejected, whatever strtod accepts)
 * and then converts.  Most scores in real files have at most 15 significant
 * digits and a small exponent; for those the value is an exact integer
 * divided or multiplied by an exact power of ten, one correctly rounded
 * operation, which is what strtod returns too (Clinger's fast path).  Every
 * other case goes to strtod on a NUL-terminated copy.
 */
#include "core/base/parse.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void parse_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	while (n > 0 && is_blank(p[0])) {
		p++;
		n--;
	}
	while (n > 0 && is_blank(p[n - 1]))
		n--;
	*s = p;
	*len = n;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive comparison of s[0..len) with a lower-case word. */
static bool word_is(const char *s, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (word[i] == '\0' || lower(s[i]) != word[i])
			return false;
	return word[i] == '\0';
}

bool parse_is_missing(const char *s, size_t len)
{
	parse_trim(&s, &len);
	return len == 0 || word_is(s, len, "na") || word_is(s, len, "n/a") ||
	       word_is(s, len, "nan") || word_is(s, len, "null");
}

static bool is_infinity(const char *s, size_t len)
{
	if (len > 0 && (s[0] == '+' || s[0] == '-')) {
		s++;
		len--;
	}
	return word_is(s, len, "inf") || word_is(s, len, "infinity");
}

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

static enum parse_status slow_number(const char *s, size_t len, double *out)
{
	char small[128];
	char *buf = small;
	double v;

	if (len >= sizeof small) {
		buf = malloc(len + 1);
		if (buf == NULL)
			return PARSE_BAD;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, NULL);
	if (buf != small)
		free(buf);
	if (!isfinite(v))
		return PARSE_NONFINITE;
	*out = v;
	return PARSE_OK;
}

/* How many digits s[0..n) starts with. */
static size_t digit_run(const char *s, size_t n)
{
	size_t j = 0;

	while (j < n && (unsigned char)(s[j] - '0') <= 9)
		j++;
	return j;
}

/* Adds the n digits at s to *mant while fewer than 19 are significant
 * (more: not exact); returns how many it took. */
static size_t take_digits(const char *s, size_t n, uint64_t *mant, size_t *sig, bool *exact)
{
	size_t k = n, j;

	if (*sig + n > 19) {
		k = *sig < 19 ? 19 - *sig : 0;
		*exact = false;
	}
	for (j = 0; j < k; j++)
		*mant = *mant * 10 + (uint64_t)(s[j] - '0');
	*sig += n;
	return k;
}

/* The common score, at speed: [-]digits[.digits], 19 digits at most and no
 * blanks, the same value the general path below gives it (mantissa over a
 * power of ten, both exact: one rounding); false for anything else. */
static bool plain_number(const char *s, size_t len, double *out)
{
	size_t i = s[0] == '-', digits;
	uint64_t mant = 0;
	unsigned d;
	int frac = 0;
	double v;

	for (; i < len && (d = (unsigned char)s[i] - (unsigned char)'0') <= 9; i++)
		mant = mant * 10 + d;
	digits = i - (s[0] == '-');
	if (i < len && s[i] == '.')
		for (i++; i < len && (d = (unsigned char)s[i] - (unsigned char)'0') <= 9; i++, frac++)
			mant = mant * 10 + d;
	if (i != len || digits + (size_t)frac == 0 || digits + (size_t)frac > 19 || mant >= (UINT64_C(1) << 53))
		return false;
	v = (double)mant / pow10_exact[frac];
	*out = s[0] == '-' ? -v : v;
	return true;
}

/* fast: the plain decimal's one pass and the exact mantissa over an exact
 * power of ten; else strtod for every number (the plain path tests
 * compare with). */
static enum parse_status number(const char *s, size_t len, double *out, bool fast)
{
	size_t i = 0, digits = 0, sig = 0, run;
	uint64_t mant = 0;
	int frac_digits = 0, exp = 0, exp_sign = 1;
	bool neg = false, exact = true;

	if (fast && len > 0 && plain_number(s, len, out))
		return PARSE_OK;
	parse_trim(&s, &len);
	if (len == 0)
		return PARSE_MISSING;
	/* the spellings of missing and infinite values start with a letter
	 * (after a sign): numbers skip those checks */
	if (!(s[0] >= '0' && s[0] <= '9') && s[0] != '.') {
		if (parse_is_missing(s, len))
			return PARSE_MISSING;
		if (is_infinity(s, len))
			return PARSE_NONFINITE;
	}

	if (s[i] == '+' || s[i] == '-')
		neg = s[i++] == '-';
	/* leading zeros are not significant */
	for (; i < len && s[i] == '0'; i++)
		digits++;
	run = digit_run(s + i, len - i);
	take_digits(s + i, run, &mant, &sig, &exact);
	i += run, digits += run;
	if (i < len && s[i] == '.') {
		i++;
		if (mant == 0) /* zeros before the first significant digit only scale */
			for (; i < len && s[i] == '0'; i++)
				digits++, frac_digits++;
		run = digit_run(s + i, len - i);
		frac_digits += (int)take_digits(s + i, run, &mant, &sig, &exact);
		i += run, digits += run;
	}
	if (digits == 0)
		return PARSE_BAD;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t edigits = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			exp_sign = s[i++] == '-' ? -1 : 1;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, edigits++)
			if (exp < 100000)
				exp = exp * 10 + (s[i] - '0');
		if (edigits == 0)
			return PARSE_BAD;
	}
	if (i != len)
		return PARSE_BAD;

	exp = exp_sign * exp - frac_digits;
	if (fast && exact && mant < (UINT64_C(1) << 53) && exp >= -22 && exp <= 22) {
		double v = (double)mant;

		v = exp < 0 ? v / pow10_exact[-exp] : v * pow10_exact[exp];
		*out = neg ? -v : v;
		return PARSE_OK;
	}
	if (mant == 0 && exact) {
		*out = neg ? -0.0 : 0.0;
		return PARSE_OK;
	}
	return slow_number(s, len, out);
}

enum parse_status parse_number(const char *s, size_t len, double *out)
{
	return number(s, len, out, true);
}

enum parse_status parse_number_plain(const char *s, size_t len, double *out)
{
	return number(s, len, out, false);
}

enum label_class parse_label(const char *s, size_t len)
{
	static const char *const pos[] = {
		"1", "1.0", "true", "t", "yes", "y", "pos", "positive", "+1", NULL
	};
	static const char *const neg[] = {
		"0", "0.0", "false", "f", "no", "n", "neg", "negative", "-1", NULL
	};
	size_t i;

	/* the common case, one digit and no blanks */
	if (len == 1 && s[0] == '1')
		return LABEL_POS;
	if (len == 1 && s[0] == '0')
		return LABEL_NEG;
	parse_trim(&s, &len);
	if (parse_is_missing(s, len))
		return LABEL_MISSING;
	for (i = 0; pos[i] != NULL; i++)
		if (word_is(s, len, pos[i]))
			return LABEL_POS;
	for (i = 0; neg[i] != NULL; i++)
		if (word_is(s, len, neg[i]))
			return LABEL_NEG;
	return LABEL_OTHER;
}
