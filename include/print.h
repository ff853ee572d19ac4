/*
 * print: the reports the command line prints (--report, --optimize,
 * --curve).  Each returns the exit status, having said what went wrong.
 */
#ifndef CUTOFF_PRINT_H
#define CUTOFF_PRINT_H

#include "app/session.h"
#include "core/load/rowlist.h"
#include "options.h"

/* Every model at its threshold, or its optimum; or a curve.  With
 * --list, the cell's rows too: from kept, the rows kept as read (standard
 * input), or else by reading the file again. */
int print_report(struct session *s, const struct options *o, struct rowlists *kept);

/* --against: ref (opened by the caller, who closes it) beside s at each
 * model's threshold (under --optimize, the reference's optimum). */
int print_against(struct session *s, struct session *ref, const struct options *o);

/* --multiclass: the report of every class, or each class's curve. */
int print_classes(struct session *s, const struct options *o);

#endif
