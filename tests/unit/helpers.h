/*
 * helpers: what the unit tests share: cmocka's includes, temporary input
 * files, loading text through the real loader, and a session opened from
 * a command line as cutoff would open it.
 */
#ifndef CUTOFF_TEST_HELPERS_H
#define CUTOFF_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "core/load/dataset.h"
#include "core/stats/sweep.h"
#include "options.h"

/* Writes len bytes to a fresh temporary file; returns its path (static). */
static inline const char *tmp_file(const char *data, size_t len)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof path, "/tmp/cutoff-test-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

/* Loads text with the given options; returns the dataset or NULL, with the
 * error message in err. */
static inline struct dataset *load_text(const char *text, struct dataset_options *o, char *err, size_t errlen)
{
	struct dataset *ds = NULL;
	const char *path = tmp_file(text, strlen(text));

	o->path = path;
	err[0] = '\0';
	if (dataset_load(o, &ds, err, errlen) < 0)
		ds = NULL;
	unlink(path);
	return ds;
}

static inline struct dataset_options default_options(void)
{
	struct dataset_options o;

	memset(&o, 0, sizeof o);
	o.header = -1;
	return o;
}

/* Builds model i's sweep (the dataset keeps its rows). */
static inline void build_sweep(struct dataset *ds, size_t i, struct sweep *sw)
{
	struct model *m = &ds->models[i];

	assert_int_equal(sweep_build(sw, m->pos, m->pos_w, m->n_pos, m->neg, m->neg_w, m->n_neg), 0);
}

/* The man page (man/cutoff.1) without roff's font escapes (\fB ...) and
 * with "\-" as "-", in memory the caller frees. */
/* Parses args ("-l y -s p FILE", split at blanks) as cutoff's command line
 * and opens the session, with its optima found as the explorer does. */
static inline void session_from_args(struct options *o, struct session *s, const char *args)
{
	static char buf[512];
	char *argv[32], err[512], *tok;
	struct session_start st;
	int argc = 0;

	snprintf(buf, sizeof buf, "%s", args);
	argv[argc++] = "cutoff";
	for (tok = strtok(buf, " "); tok != NULL && argc < 31; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	if (options_parse(argc, argv, o, err, sizeof err) != OPTIONS_OK)
		fail_msg("%s: %s", args, err);
	options_start(o, &st);
	if (session_open(s, &o->data, &st, err, sizeof err) < 0)
		fail_msg("%s", err);
	view_find_optima(&s->view);
}

static inline char *man_text(void)
{
	FILE *f = fopen("man/cutoff.1", "r");
	char *buf, *o, *p;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	for (p = o = buf; *p; p++) {
		if (p[0] == '\\' && p[1] == 'f' && p[2] != '\0') {
			p += 2;
			continue;
		}
		if (p[0] == '\\' && p[1] == '-') {
			*o++ = '-';
			p++;
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return buf;
}

/* True when a and b agree to a relative 1e-9 (NaN equals NaN). */
static inline int close_enough(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	if (isinf(a) || isinf(b))
		return a == b;
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) || fabs(a - b) <= 1e-15;
}

#define assert_close(a, b)                                                                  \
	do {                                                                                \
		double a_ = (a), b_ = (b);                                                  \
		if (!close_enough(a_, b_))                                                  \
			fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);                 \
	} while (0)

#endif
