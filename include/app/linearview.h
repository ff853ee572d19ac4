/*
 * linearview: the explorer as a screen reader follows it (--linear): the
 * state in one or two full sentences, printed below what came before and
 * never redrawn in place.  The numbers are the report's, formatted as the
 * screen formats them.
 */
#ifndef CUTOFF_LINEARVIEW_H
#define CUTOFF_LINEARVIEW_H

#include "app/view.h"

#include <stddef.h>

/* "threshold 0.41: catches 201 of 212 malignant (94.81%), misses 11; 5
 * false alarms, 206 flagged of 569; precision 0.9757, recall 0.9481." and,
 * with costs, what the mistakes cost; with a pin, what changed since.  In
 * buf; its length. */
size_t linearview_state(const struct view *v, char *buf, size_t cap);

/* The opening lines: the file, the model, the rows and classes, and how
 * to move. */
size_t linearview_intro(const struct view *v, char *buf, size_t cap);

#endif
