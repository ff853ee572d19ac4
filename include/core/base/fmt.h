/*
 * fmt: every number shown to people or written for machines is formatted
 * here, so that the report, the plain words, the screen and exports agree
 * character for character.  Counts get thousands separators, rates four
 * significant digits (scientific below 1e-4, as printf's %g does), costs
 * their unit, and machine output the shortest decimal that reads back
 * exactly.  Nothing here cuts a number: a caller with a fixed cell asks
 * fmt_width() and widens the cell instead.
 */
#ifndef CUTOFF_FMT_H
#define CUTOFF_FMT_H

#include <stddef.h>

/* The shortest decimal form of v that reads back exactly ("inf", "-inf",
 * "nan" for the others). Returns buf. */
char *fmt_exact(char *buf, size_t cap, double v);

/* A rate or any measured value for people: 4 significant digits ("0.9761",
 * "1.000", "3.507e-05"), "0" for zero, "n/a" when undefined. Returns buf. */
char *fmt_rate(char *buf, size_t cap, double v);

/* A count for people: "1,234,567" for whole numbers, 4 significant digits
 * for weighted counts below 1,000 ("27.98"), whole with separators above
 * ("2,798"), "n/a" when undefined. Returns buf. */
char *fmt_count(char *buf, size_t cap, double v);

/* An amount of money or cost units, whole from 100 up and written as a
 * count, with up to two decimals below ("0.5", "12.25"): "$1,234" (a
 * symbol of at most two bytes goes first), "1,234 EUR", or "1,234" without
 * a unit. Returns buf. */
char *fmt_money(char *buf, size_t cap, double v, const char *unit);

/* Columns that a formatted string takes on screen (UTF-8 code points:
 * units may be "€"). */
int fmt_width(const char *s);

/* An interval as "0.9452-0.9897" ("-0.027 to -0.011" below 0), each end
 * as fmt_rate; "n/a" when lo is NaN. */
char *fmt_range(char *buf, size_t cap, double lo, double hi);

#endif
