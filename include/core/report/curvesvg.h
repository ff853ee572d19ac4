/*
 * curvesvg: one --curve as an SVG picture (--format svg), for slides: the
 * axes with their ticks, each model's curve as a polyline in a colour and
 * a dash of its own (Okabe-Ito colours: they stay apart for red-green
 * colour blindness and in grey print), a legend, and the reference line
 * where the kind has one.  Every vertex is a point of the curve as --curve
 * writes it (none made up): points that would land on the same tenth of a
 * pixel as the one before are left out.  Text is real text, escaped.
 */
#ifndef CUTOFF_CURVESVG_H
#define CUTOFF_CURVESVG_H

#include "core/report/curvefile.h"

#include <stdio.h>

/* The picture of every model's curve of that kind; 0, or -1 when out of
 * memory. */
int curvesvg_write(FILE *f, const struct report *r, enum curvefile_kind kind);

/* The same as an element inside an HTML page (no XML declaration). */
int curvesvg_inline(FILE *f, const struct report *r, enum curvefile_kind kind);

#endif
