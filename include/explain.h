/*
 * explain: the trade-off in plain words and natural frequencies, for the
 * text report, the stakeholder view and exports alike.
 */
#ifndef CUTOFF_EXPLAIN_H
#define CUTOFF_EXPLAIN_H

#include "sweep.h"

#include <stddef.h>

/* A count for people: "1,234" for whole numbers, 4 significant digits
 * otherwise. Returns buf. */
char *explain_count(char *buf, size_t cap, double v);

/* Two sentences on what a threshold does, e.g. "Of 212 malignant cases,
 * this threshold catches 199 (93.9%) and misses 13;\n8 of its 207 alarms are
 * false (benign)."  pos names the positive class; neg the negative one, or
 * NULL when it has no single name.  The line break separates the two parts.
 * Returns the length written (truncated to cap-1). */
size_t explain_summary(char *buf, size_t cap, const struct confusion *c, const char *pos,
		       const char *neg);

#endif
