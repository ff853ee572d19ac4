/*
 * status: how the core reports failure.  A module that can fail takes a
 * status, records the first failure's message there and returns; only
 * main and the shell decide to print or exit.
 */
#ifndef CUTOFF_STATUS_H
#define CUTOFF_STATUS_H

#include <stdbool.h>
#include <stddef.h>

struct status {
	bool failed;
	char *msg;          /* the caller's buffer */
	size_t cap;
};

/* Records a failure; later ones are ignored (the first is the cause). */
void status_fail(struct status *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
