/*
 * explain: sentences built from counts.  Whole counts get thousands
 * separators; weighted counts keep four significant digits.
 */
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

char *explain_count(char *buf, size_t cap, double v)
{
	if (isnan(v)) {
		snprintf(buf, cap, "n/a");
	} else if (v == floor(v) && fabs(v) < 1e15) {
		/* integer digits by hand: %.0f goes through multi-precision
		 * code whose cost grows with the number */
		char digits[24];
		unsigned long long u = (unsigned long long)fabs(v);
		size_t n = 0, i, o = 0, lead;

		do {
			digits[n++] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		lead = n % 3 ? n % 3 : 3;
		if (v < 0 && o + 1 < cap)
			buf[o++] = '-';
		for (i = 0; i < n && o + 2 < cap; i++) {
			if (i >= lead && (i - lead) % 3 == 0)
				buf[o++] = ',';
			buf[o++] = digits[n - 1 - i];
		}
		buf[o] = '\0';
	} else {
		snprintf(buf, cap, "%.4g", v);
	}
	return buf;
}

struct out {
	char *buf;
	size_t cap, len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len + 1 >= o->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < o->cap - o->len ? (size_t)n : o->cap - o->len - 1;
}

static const char *cases(double n)
{
	return n == 1 ? "case" : "cases";
}

size_t explain_summary(char *buf, size_t cap, const struct confusion *c, const char *pos,
		       const char *neg)
{
	struct out o = { buf, cap, 0 };
	double positives = c->tp + c->fn, alarms = c->tp + c->fp;
	char a[32], b[32], d[32];

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	if (positives <= 0) {
		put(&o, "There are no %s cases;\n", pos);
		if (alarms <= 0)
			put(&o, "this threshold raises no alarms.");
		else
			put(&o, "all %s of its alarms are false.", explain_count(a, sizeof a, alarms));
		return o.len;
	}
	put(&o, "Of %s %s %s, this threshold ", explain_count(a, sizeof a, positives), pos,
	    cases(positives));
	if (c->tp <= 0)
		put(&o, "catches none of them");
	else if (c->fn <= 0)
		put(&o, "catches all of them");
	else
		put(&o, "catches %s (%.1f%%) and misses %s", explain_count(a, sizeof a, c->tp),
		    100 * c->tp / positives, explain_count(b, sizeof b, c->fn));
	put(&o, ";\n");
	if (alarms <= 0)
		put(&o, "it raises no alarms.");
	else if (c->fp <= 0)
		put(&o, "none of its %s alarm%s %s false.", explain_count(a, sizeof a, alarms),
		    alarms == 1 ? "" : "s", alarms == 1 ? "is" : "are");
	else
		put(&o, "%s of its %s alarm%s %s false%s%s%s.", explain_count(d, sizeof d, c->fp),
		    explain_count(a, sizeof a, alarms), alarms == 1 ? "" : "s",
		    c->fp == 1 ? "is" : "are", neg ? " (" : "", neg ? neg : "", neg ? ")" : "");
	return o.len;
}
