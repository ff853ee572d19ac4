/*
 * cmd: the words of the ':' command line and of --commands, parsed into a
 * struct and applied to the view.  Pure: no terminal, no files (an export
 * is returned as an effect for the caller to write).  Each command is an
 * entry of cmd_table (commands.c) with its own parse and apply; this
 * module splits a line into words and finds the entry.
 */
#ifndef CUTOFF_CMD_H
#define CUTOFF_CMD_H

#include "core/stats/fairness.h"
#include "core/stats/optimize.h"
#include "app/view.h"

#include <stdbool.h>
#include <stddef.h>

enum export_format { EXPORT_MD, EXPORT_TXT, EXPORT_JSON, EXPORT_TSV /* :copy FILE */, EXPORT_HTML /* the page (reporthtml) */,
		     EXPORT_ROWS, EXPORT_ROWS_SHOWN /* :export rows: the cell's rows as CSV (every column, or the shown) */ };

/* The longest command line: a path of PATH_MAX bytes and then some. */
#define CMD_LINE_MAX 8192

/* What the caller of cmd_apply (or keys_apply) must do. */
enum cmd_effect { EFFECT_NONE, EFFECT_QUIT, EFFECT_EXPORT, EFFECT_DISPLAY, EFFECT_BOOTSTRAP,
		  EFFECT_REGROUP, /* :group: the caller reads the file again (c->text, "" for off) */
		  EFFECT_PROMPT, /* the key ':': the caller opens the command line */
		  EFFECT_ROWS, /* the rows panel is to show: the caller builds its index once */
		  EFFECT_COPY, /* y, :copy: the caller puts copy_text on the clipboard */
		  EFFECT_MOUSE, /* M: the caller gives the mouse to the terminal, or takes it back */
		  EFFECT_LINEAR /* :set linear: the caller leaves the screen for --linear's sentences */ };

enum set_what { SET_ASCII, SET_UNICODE, SET_COLOR, SET_MONO, SET_CONF, SET_LINEAR, SET_LOGFPR, SET_LINFPR };

struct cmd_entry;

struct cmd {
	const struct cmd_entry *entry;  /* NULL: an empty line */
	double value;                   /* threshold, prevalence, budget (0: off) */
	enum step_mode step;
	char text[4096];                /* model, export file (PATH_MAX), help topic */
	struct optimize_spec spec;      /* optimize */
	const char *objective;          /* its name */
	double cost_fp, cost_fn;        /* cost */
	char unit[16];
	bool has_unit;
	char names[2][64];              /* names */
	enum export_format format;      /* export */
	bool has_file, has_format;
	enum set_what set;
	struct fairness_spec strategy;  /* group-thresholds */
};

/* What the line after a command's name was split into, for its parse:
 * w[0] is the name; buf holds the words (an offset in it is one in line,
 * up to the first quote). */
struct cmd_words {
	const char *line;
	char *const *w;
	size_t n;
	const char *buf;
};

/* One command: its words for help, completion and the man page, and what
 * it does.  cmd_table holds one entry per command, in the help's order. */
struct cmd_entry {
	const char *name;
	const char *alias;              /* short form, or NULL */
	const char *usage;
	const char *help;
	int (*parse)(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen);
	enum cmd_effect (*apply)(struct view *v, const struct cmd *c);
	/* the words that may follow, for completion: n words are typed
	 * before the cursor's (the name is one); NULL: none */
	void (*complete)(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			 void *arg);
};

extern const struct cmd_entry *const cmd_table[];
extern const size_t cmd_count;

/* The entries, in cmdmove.c (the threshold and where it should be) and
 * cmdview.c (the data's reading and what is shown). */
extern const struct cmd_entry cmdmove_threshold, cmdmove_class, cmdmove_pin, cmdmove_band, cmdmove_step, cmdmove_model, cmdmove_optimize, cmdmove_cost,
	cmdmove_budget;
extern const struct cmd_entry cmdview_rows, cmdview_names, cmdview_invert, cmdview_prevalence, cmdview_group,
	cmdview_group_thresholds, cmdview_bootstrap, cmdview_explain, cmdview_export, cmdview_copy, cmdview_set, cmdview_help,
	cmdview_quit;

/* The command a name or short form names (any case), NULL if none. */
const struct cmd_entry *cmd_find(const char *name);

/* Where an entry is in cmd_table (the help box's index), -1 if not. */
int cmd_index(const struct cmd_entry *e);

/* For the entries: a message in err and -1; a number in the data's
 * grammar (0, or -1); the line after its first word, trimmed; each word
 * of a NULL-ended list that begins with prefix (any case) to add; and
 * "off" as the word after the name. */
int cmd_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int cmd_number(const char *s, double *v);
void cmd_rest_of_line(const char *line, char *out, size_t cap);
void cmd_offer(const char *const *list, const char *prefix, void (*add)(void *, const char *), void *arg);
void cmd_complete_off(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
		      void *arg);

/* Parses one line; returns 0, or -1 with a message in err. */
int cmd_parse(const char *line, struct cmd *c, char *err, size_t errlen);

/* Applies a parsed command; says what happened with view_say (errors too)
 * and returns what the caller must do. */
enum cmd_effect cmd_apply(struct view *v, const struct cmd *c);

/* The words that can follow the text before the cursor, for completion:
 * calls add for each candidate beginning with prefix. */
void cmd_complete(const struct view *v, const char *before, const char *prefix,
		  void (*add)(void *, const char *), void *arg);

#endif
