/*
 * cmd: the words of the ':' command line and of --commands, parsed into a
 * struct and applied to the view.  Pure: no terminal, no files (an export
 * is returned as an effect for the caller to write).
 */
#ifndef CUTOFF_CMD_H
#define CUTOFF_CMD_H

#include "core/stats/fairness.h"
#include "core/stats/optimize.h"
#include "app/view.h"

#include <stdbool.h>
#include <stddef.h>

enum cmd_kind {
	CMD_NONE,       /* an empty line */
	CMD_THRESHOLD, CMD_STEP, CMD_MODEL, CMD_OPTIMIZE, CMD_COST, CMD_NAMES, CMD_INVERT, CMD_PREVALENCE, CMD_BUDGET, CMD_GROUP, CMD_GROUP_THRESHOLDS,
	CMD_BOOTSTRAP, CMD_EXPLAIN, CMD_EXPORT, CMD_SET, CMD_HELP, CMD_QUIT
};

enum export_format { EXPORT_MD, EXPORT_TXT, EXPORT_JSON };

/* The longest command line: a path of PATH_MAX bytes and then some. */
#define CMD_LINE_MAX 8192

enum set_what { SET_ASCII, SET_UNICODE, SET_COLOR, SET_MONO, SET_CONF };

struct cmd {
	enum cmd_kind kind;
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

struct cmd_info {
	const char *name;
	const char *alias;              /* short form, or NULL */
	const char *usage;
	const char *help;
};

extern const struct cmd_info cmd_table[];
extern const size_t cmd_count;

/* Parses one line; returns 0, or -1 with a message in err. */
int cmd_parse(const char *line, struct cmd *c, char *err, size_t errlen);

enum cmd_effect { EFFECT_NONE, EFFECT_QUIT, EFFECT_EXPORT, EFFECT_DISPLAY, EFFECT_BOOTSTRAP,
		  EFFECT_REGROUP /* :group: the caller reads the file again (c->text, "" for off) */ };

/* Applies a parsed command; says what happened with view_say (errors too)
 * and returns what the caller must do. */
enum cmd_effect cmd_apply(struct view *v, const struct cmd *c);

/* The words that can follow the text before the cursor, for completion:
 * calls add for each candidate beginning with prefix. */
void cmd_complete(const struct view *v, const char *before, const char *prefix,
		  void (*add)(void *, const char *), void *arg);

#endif
