/*
 * fmt: the one place numbers become text (see fmt.h).  Integer counts are
 * written digit by digit: %.0f goes through multi-precision code whose
 * cost grows with the number, and counts are drawn at every slider step.
 */
#include "core/base/fmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fmt_exact(char *buf, size_t cap, double v)
{
	int prec;

	if (isnan(v)) {
		snprintf(buf, cap, "nan");
		return buf;
	}
	if (isinf(v)) {
		snprintf(buf, cap, v > 0 ? "inf" : "-inf");
		return buf;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, cap, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

char *fmt_rate(char *buf, size_t cap, double v)
{
	if (isnan(v))
		snprintf(buf, cap, "n/a");
	else if (v == 0)
		snprintf(buf, cap, "0");
	else
		snprintf(buf, cap, "%#.4g", v);
	return buf;
}

char *fmt_count(char *buf, size_t cap, double v)
{
	/* a weighted count of 1,000 or more: whole, with separators (4
	 * significant digits would print "2798") */
	if (v != floor(v) && fabs(v) >= 1000 && fabs(v) < 1e15)
		v = floor(v + 0.5);
	if (isnan(v)) {
		snprintf(buf, cap, "n/a");
	} else if (v == floor(v) && fabs(v) < 1e15) {
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

char *fmt_money(char *buf, size_t cap, double v, const char *unit)
{
	char n[40];

	/* whole units from 100 up; small amounts (a cost per case of 0.5)
	 * keep their cents, which rounding would turn into 0 or 1 */
	if (fabs(v) >= 100 || v == round(v) || !isfinite(v)) {
		fmt_count(n, sizeof n, round(v));
	} else {
		size_t len = (size_t)snprintf(n, sizeof n, "%.2f", v);

		while (len > 0 && n[len - 1] == '0')
			n[--len] = '\0';
	}
	if (unit == NULL || unit[0] == '\0')
		snprintf(buf, cap, "%s", n);
	else if (strlen(unit) <= 2 && !(unit[0] >= 'A' && unit[0] <= 'Z') && !(unit[0] >= 'a' && unit[0] <= 'z'))
		snprintf(buf, cap, "%s%s", unit, n); /* a symbol: $1,234 */
	else
		snprintf(buf, cap, "%s %s", n, unit);
	return buf;
}

int fmt_width(const char *s)
{
	int w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

char *fmt_range(char *buf, size_t cap, double lo, double hi)
{
	char a[40], b[40];

	if (isnan(lo))
		snprintf(buf, cap, "n/a");
	else /* "-0.02671 to -0.01109" reads better than "-0.02671--0.01109" */
		snprintf(buf, cap, "%s%s%s", fmt_rate(a, sizeof a, lo), lo < 0 ? " to " : "-", fmt_rate(b, sizeof b, hi));
	return buf;
}
