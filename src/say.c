/*
 * say: every message of the command line goes to stderr through here, as
 * one "cutoff: ..." line escaped whole; and the end of stdout's output,
 * checked.
 */
#include "say.h"

#include "core/base/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every message goes through here, escaped as a whole: option values and
 * names from the data can hold control bytes, and stderr is a terminal.
 * (Data in it was escaped by text_show: sanitizing leaves that as it is.) */
void say(const char *fmt, ...)
{
	va_list ap;
	char small[512], *msg = small, *shown;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof small && (msg = malloc((size_t)len + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	if (msg == NULL)
		msg = small; /* out of memory: the message cut, but said */
	shown = text_sanitize_all(msg);
	fprintf(stderr, "cutoff: %s\n", shown != NULL ? shown : "(a message could not be shown: out of memory)");
	free(shown);
	if (msg != small)
		free(msg);
}

/* Standard output flushed and without error; else said, and -1. */
int say_output_done(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say("writing the output: %s", strerror(errno));
		return -1;
	}
	return 0;
}

