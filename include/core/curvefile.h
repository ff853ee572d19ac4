/*
 * curvefile: writing whole curves (--curve roc|pr) in the report formats.
 */
#ifndef CUTOFF_CURVEFILE_H
#define CUTOFF_CURVEFILE_H

#include "core/curve.h"
#include "core/report.h"

#include <stdio.h>

/* Every model's curve of that kind, in the format. */
void curvefile_write(FILE *f, const struct report *r, enum curve_kind kind, enum report_format fmt);

#endif
