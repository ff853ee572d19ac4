/*
 * reportmd: the report in Markdown (--format markdown, exports).
 */
#ifndef CUTOFF_REPORTMD_H
#define CUTOFF_REPORTMD_H

#include "core/report/reportdef.h"

#include <stdio.h>

void reportmd_write(FILE *f, const struct report *r);

#endif
