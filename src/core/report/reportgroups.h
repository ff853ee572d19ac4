/*
 * reportgroups: the --group parts of a model's report: each group at the
 * threshold, the fairness gaps between groups, and with
 * --group-thresholds each group's own threshold and the pooled matrix.
 */
#ifndef CUTOFF_REPORTGROUPS_H
#define CUTOFF_REPORTGROUPS_H

#include "core/report/reportdef.h"

#include <stdio.h>

/* The JSON members ("groups", "fairness", "group_thresholds"), each
 * after ",\n" and indent; nothing without --group. */
void reportgroups_json(FILE *f, const struct report *r, const struct report_model *m, const char *indent);

/* The same as tables, for people (markdown: Markdown tables). */
void reportgroups_text(FILE *f, const struct report *r, const struct report_model *m, bool markdown);

/* With --group-thresholds (but single): the strategy in words
 * ("equal-recall 0.8") in buf, whose pooled matrix the plain words then
 * tell; else NULL. */
const char *reportgroups_policy(const struct report *r, char *buf, size_t cap);

/* The pooled matrix of every group at its own threshold. */
struct confusion reportgroups_pooled(const struct report *r, const struct report_model *m);

#endif
