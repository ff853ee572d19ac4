/*
 * reporthtml: the report as one self-contained HTML page (--format html)
 * for people away from the terminal: no network, no script or style from
 * elsewhere.  The report at the chosen threshold as text (all of it:
 * groups, folds, baseline, band), the ROC, precision-recall, gains and
 * net-benefit pictures (curvesvg), and, where scripts run, a threshold
 * slider that moves the confusion matrix, the metrics, the operating
 * points and the plain words.  The slider's points are exact: every
 * distinct score up to REPORTHTML_MAX_POINTS a model, beyond that that
 * many chosen by rank (each one a real threshold, never interpolated),
 * said on the page.  #t=X in the address opens at threshold X.
 */
#ifndef CUTOFF_REPORTHTML_H
#define CUTOFF_REPORTHTML_H

#include "core/report/reportdef.h"

#include <stdio.h>

#define REPORTHTML_MAX_POINTS 20000

/* The page of r's models, with text (the report as the text format
 * writes it, with --against both files and their drift) as its static
 * part; 0, or -1 when out of memory. */
int reporthtml_write(FILE *f, const struct report *r, const char *text);

#endif
