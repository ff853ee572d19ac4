/*
 * cmd: a command line split into words (quotes group them), the entry its
 * first word names, and completion.  What each command means is its entry
 * in commands.c.
 */
#include "app/cmd.h"

#include "core/base/parse.h"
#include "core/base/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* In the order help lists them. */
const struct cmd_entry *const cmd_table[] = {
	&cmdmove_threshold, &cmdmove_step, &cmdmove_model, &cmdmove_class, &cmdmove_pin, &cmdmove_band, &cmdmove_optimize, &cmdmove_cost,
	&cmdview_names, &cmdview_invert, &cmdview_prevalence, &cmdmove_budget, &cmdview_group,
	&cmdview_group_thresholds, &cmdview_bootstrap, &cmdview_rows, &cmdview_explain, &cmdview_export, &cmdview_copy, &cmdview_set,
	&cmdview_help, &cmdview_quit,
};

const size_t cmd_count = sizeof cmd_table / sizeof cmd_table[0];

/* For the entries' parse functions: the message in err, and -1. */
int cmd_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* A number in the data's grammar (parse_number): 0, or -1. */
int cmd_number(const char *s, double *v)
{
	return parse_number(s, strlen(s), v) == PARSE_OK ? 0 : -1;
}

/* The original line after its first word, trimmed (names may hold blanks). */
void cmd_rest_of_line(const char *line, char *out, size_t cap)
{
	size_t len;

	line += strspn(line, " \t");
	line += strcspn(line, " \t");
	line += strspn(line, " \t");
	snprintf(out, cap, "%s", line);
	for (len = strlen(out); len > 0 && isspace((unsigned char)out[len - 1]); len--)
		out[len - 1] = '\0';
}

void cmd_offer(const char *const *list, const char *prefix, void (*add)(void *, const char *), void *arg)
{
	size_t i, len = strlen(prefix);

	for (i = 0; list[i] != NULL; i++)
		if (strncasecmp(list[i], prefix, len) == 0)
			add(arg, list[i]);
}

void cmd_complete_off(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
		      void *arg)
{
	static const char *const off[] = { "off", NULL };

	(void)v;
	if (n == 1)
		cmd_offer(off, prefix, add, arg);
}

/* Splits s into at most max words (in buf, of cap bytes); returns how
 * many.  Quotes group: "my report.md" or 'my report.md' is one word, and
 * inside double quotes \" and \\ stand for themselves.  *open is set when
 * a quote is not closed. */
static size_t words(const char *s, char *buf, size_t cap, char **w, size_t max, int *open)
{
	size_t n = 0, r = 0, o = 0;

	*open = 0;
	snprintf(buf, cap, "%s", s);
	while (buf[r] && n < max) {
		char quote = 0;
		int at_end;

		while (buf[r] && isspace((unsigned char)buf[r]))
			r++;
		if (!buf[r])
			break;
		w[n++] = buf + o;
		while (buf[r] && (quote || !isspace((unsigned char)buf[r]))) {
			char c = buf[r++];

			if (!quote && (c == '"' || c == '\'')) {
				quote = c;
				continue;
			}
			if (quote && c == quote) {
				quote = 0;
				continue;
			}
			if (quote == '"' && c == '\\' && (buf[r] == '"' || buf[r] == '\\'))
				c = buf[r++];
			buf[o++] = c; /* o <= r: unquoting only shortens */
		}
		if (quote)
			*open = 1;
		at_end = buf[r] == '\0';
		buf[o++] = '\0';
		if (o > r)
			r = o;
		if (at_end)
			break;
	}
	return n;
}

const struct cmd_entry *cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < cmd_count; i++)
		if (strcasecmp(name, cmd_table[i]->name) == 0 ||
		    (cmd_table[i]->alias && strcasecmp(name, cmd_table[i]->alias) == 0))
			return cmd_table[i];
	return NULL;
}

int cmd_index(const struct cmd_entry *e)
{
	size_t i;

	for (i = 0; i < cmd_count; i++)
		if (cmd_table[i] == e)
			return (int)i;
	return -1;
}

int cmd_parse(const char *line, struct cmd *c, char *err, size_t errlen)
{
	char buf[CMD_LINE_MAX + 1], *w[32];
	struct cmd_words a;
	int open;

	memset(c, 0, sizeof *c);
	if (strlen(line) > CMD_LINE_MAX) {
		snprintf(err, errlen, "a command is at most %d bytes", CMD_LINE_MAX);
		return -1;
	}
	a.line = line;
	a.w = w;
	a.buf = buf;
	a.n = words(line, buf, sizeof buf, w, 32, &open);
	if (open) {
		snprintf(err, errlen, "a quote is not closed");
		return -1;
	}
	if (a.n == 0)
		return 0; /* an empty line: no entry */
	if ((c->entry = cmd_find(w[0])) == NULL) {
		char shown[80];

		snprintf(err, errlen, "unknown command '%s' (help lists them)",
			 text_escape(shown, sizeof shown, w[0], strlen(w[0]), 30));
		return -1;
	}
	return c->entry->parse(&a, c, err, errlen);
}

enum cmd_effect cmd_apply(struct view *v, const struct cmd *c)
{
	return c->entry != NULL ? c->entry->apply(v, c) : EFFECT_NONE;
}

void cmd_complete(const struct view *v, const char *before, const char *prefix,
		  void (*add)(void *, const char *), void *arg)
{
	char buf[CMD_LINE_MAX + 1], *w[8];
	int open;
	size_t n = words(before, buf, sizeof buf, w, 8, &open), len = strlen(prefix), i;
	const struct cmd_entry *e = n > 0 ? cmd_find(w[0]) : NULL;

	if (n == 0) {
		for (i = 0; i < cmd_count; i++)
			if (strncasecmp(cmd_table[i]->name, prefix, len) == 0)
				add(arg, cmd_table[i]->name);
		return;
	}
	if (e != NULL && e->complete != NULL)
		e->complete(v, n, prefix, add, arg);
}
