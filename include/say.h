/*
 * say: the command line's messages (stderr) and its output's end.
 */
#ifndef CUTOFF_SAY_H
#define CUTOFF_SAY_H

/* "cutoff: " and the message, escaped as a whole (names from the data and
 * option values can hold control bytes, and stderr is a terminal). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Standard output flushed and without error: 0; else said, and -1. */
int say_output_done(void);

#endif
