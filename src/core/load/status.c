/*
 * status: the first failure wins, so that a message names the cause and
 * not what went wrong because of it.
 */
#include "core/load/status.h"

#include <stdarg.h>
#include <stdio.h>

void status_fail(struct status *st, const char *fmt, ...)
{
	va_list ap;

	if (st->failed)
		return;
	st->failed = true;
	va_start(ap, fmt);
	vsnprintf(st->msg, st->cap, fmt, ap);
	va_end(ap);
}
