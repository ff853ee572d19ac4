/*
 * cmdview: the commands that change the data's reading or what is shown
 * (names, invert, prevalence, group, group-thresholds, bootstrap,
 * explain, export, set, help, quit), each an entry of cmd_table.  Those
 * that need the terminal or the file (bootstrap, export, group, quit)
 * return an effect for the caller.
 */
#include "app/cmd.h"

#include "core/load/rowlist.h"
#include "app/display.h"

#include "core/base/fmt.h"
#include "core/stats/deploy.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* names POSITIVE,NEGATIVE: either may hold blanks */
static int parse_names(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	char whole[CMD_LINE_MAX + 1];
	const char *rest = NULL, *comma;
	size_t i;

	if (a->n == 2)
		rest = a->w[1];
	else if (a->n > 2)
		cmd_rest_of_line(a->line, whole, sizeof whole), rest = whole;
	if (rest == NULL || (comma = strchr(rest, ',')) == NULL || comma == rest || comma[1] == '\0')
		return cmd_fail(err, errlen, "names takes POSITIVE,NEGATIVE");
	snprintf(c->names[0], sizeof c->names[0], "%.*s", (int)(comma - rest), rest);
	snprintf(c->names[1], sizeof c->names[1], "%s", comma + 1);
	for (i = 0; i < 2; i++) {
		size_t len = strlen(c->names[i]);

		while (len > 0 && isspace((unsigned char)c->names[i][len - 1]))
			c->names[i][--len] = '\0';
		if (len == 0)
			return cmd_fail(err, errlen, "names takes POSITIVE,NEGATIVE");
	}
	return 0;
}

static enum cmd_effect apply_names(struct view *v, const struct cmd *c)
{
	view_set_names(v, c->names[0], c->names[1]);
	view_say(v, false, "classes: %.60s and %.60s", c->names[0], c->names[1]);
	return EFFECT_NONE;
}

/* invert, explain, quit: nothing after the name */
static int parse_bare(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n > 1)
		return cmd_fail(err, errlen, "%s takes nothing after it", c->entry->name);
	return 0;
}

static enum cmd_effect apply_invert(struct view *v, const struct cmd *c)
{
	struct view_model *m = view_current(v);
	char a[40];

	(void)c;
	/* the bootstrap's thread reads this sweep: not while it runs */
	if (v->booting > 0) {
		view_say(v, true, "a bootstrap is running: Esc stops it, then invert");
		return EFFECT_NONE;
	}
	view_invert(v);
	view_say(v, false, "%s%.60s: ROC AUC %s%s", m->sw->inverted ? "-" : "", m->name, fmt_rate(a, sizeof a, m->sw->roc_auc),
		 m->sw->inverted ? " (scores turned round; :invert again undoes it)" : " (its own scores again)");
	return EFFECT_NONE;
}

/* prevalence P|off and budget N|off: a number, or off (0) */
static int parse_prevalence(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n == 2 && strcasecmp(a->w[1], "off") == 0)
		return 0;
	if (a->n != 2 || cmd_number(a->w[1], &c->value) < 0 ||
	    !(c->value >= DEPLOY_MIN_PREVALENCE && c->value <= 1 - DEPLOY_MIN_PREVALENCE))
		return cmd_fail(err, errlen, "prevalence takes a share of positives from 1e-9 to 1 - 1e-9 (0.001 is 0.1%%), or off");
	return 0;
}

static enum cmd_effect apply_prevalence(struct view *v, const struct cmd *c)
{
	const struct view_model *m = view_current(v);
	double sample;
	char a[40];

	if (v->booting > 0) {
		view_say(v, true, "a bootstrap is running: Esc stops it, then set the prevalence");
		return EFFECT_NONE;
	}
	if (v->ref_sw != NULL) {
		/* only the current data would be reweighted */
		view_say(v, true, "no :prevalence beside --against (it would reweight one side): start with "
			 "--prevalence P --against REF to reweight both");
		return EFFECT_NONE;
	}
	if (c->value > 0 && (m->sample->fp_cost != NULL || m->sample->fn_cost != NULL)) {
		/* the row costs are summed at the sample's rows, not reweighted ones */
		view_say(v, true, "no :prevalence with row costs (--cost-fp-col, --cost-fn-col)");
		return EFFECT_NONE;
	}
	if (view_set_prevalence(v, c->value) < 0) {
		view_say(v, true, "no prevalence: a model lacks a class (or memory ran out)");
		return EFFECT_NONE;
	}
	sample = m->sample->pos / (m->sample->pos + m->sample->neg);
	if (c->value > 0)
		view_say(v, false, "prevalence %g%% (sample %s%%): counts reweighted; ROC AUC unchanged", 100 * c->value,
			 fmt_rate(a, sizeof a, 100 * sample));
	else
		view_say(v, false, "the sample's prevalence again, %s%%", fmt_rate(a, sizeof a, 100 * sample));
	return EFFECT_DISPLAY;
}

/* group COL|off: the caller reads the file again */
static int parse_group(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n != 2)
		return cmd_fail(err, errlen, "group takes a column (name or number), or off");
	if (strcasecmp(a->w[1], "off") != 0)
		snprintf(c->text, sizeof c->text, "%s", a->w[1]);
	return 0;
}

static enum cmd_effect apply_group(struct view *v, const struct cmd *c)
{
	(void)c;
	if (v->booting > 0) {
		view_say(v, true, "a bootstrap is running: Esc stops it, then change the groups");
		return EFFECT_NONE;
	}
	return EFFECT_REGROUP;
}

/* group-thresholds STRATEGY [X]: "equal-recall 0.8" here is
 * "equal-recall=0.8" on the command line */
static int parse_group_thresholds(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	char spec[80];

	snprintf(spec, sizeof spec, "%s%s%s", a->n > 1 ? a->w[1] : "", a->n > 2 ? "=" : "", a->n > 2 ? a->w[2] : "");
	if (a->n < 2 || a->n > 3 || fairness_parse(spec, &c->strategy) < 0)
		return cmd_fail(err, errlen, "group-thresholds takes single, best, or equal-recall, equal-fpr, equal-rate and X from 0 to 1");
	return 0;
}

static enum cmd_effect apply_group_thresholds(struct view *v, const struct cmd *c)
{
	view_apply_strategy(v, &c->strategy);
	return EFFECT_NONE;
}

static void complete_strategy(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			      void *arg)
{
	static const char *const strategies[] = { "single", "best", "equal-recall", "equal-fpr", "equal-rate", NULL };

	(void)v;
	if (n == 1)
		cmd_offer(strategies, prefix, add, arg);
}

/* bootstrap [N]: the caller runs it (the explorer without freezing) */
static int parse_bootstrap(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	c->value = 1000;
	if (a->n > 2 || (a->n == 2 && (cmd_number(a->w[1], &c->value) < 0 || c->value < 1 || c->value > 1e6 ||
				       c->value != floor(c->value))))
		return cmd_fail(err, errlen, "bootstrap takes a whole number of resamples from 1 to 1e6");
	return 0;
}

static enum cmd_effect apply_bootstrap(struct view *v, const struct cmd *c)
{
	(void)v, (void)c;
	return EFFECT_BOOTSTRAP;
}

static enum cmd_effect apply_explain(struct view *v, const struct cmd *c)
{
	(void)c;
	display_toggle_explain(v);
	view_say(v, false, "plain-language view %s", v->stakeholder ? "on" : "off");
	return EFFECT_DISPLAY;
}

/* export [FILE] [md|txt|json]: the caller writes it */
static int parse_export(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	size_t i;

	c->format = EXPORT_MD;
	for (i = 1; i < a->n; i++) {
		const char *w = a->w[i];

		if (strcasecmp(w, "md") == 0 || strcasecmp(w, "markdown") == 0) {
			c->format = EXPORT_MD, c->has_format = true;
		} else if (strcasecmp(w, "txt") == 0 || strcasecmp(w, "text") == 0) {
			c->format = EXPORT_TXT, c->has_format = true;
		} else if (strcasecmp(w, "json") == 0) {
			c->format = EXPORT_JSON, c->has_format = true;
		} else if (strcasecmp(w, "html") == 0) {
			c->format = EXPORT_HTML, c->has_format = true;
		} else if (i == 1 && strcasecmp(w, "rows") == 0) {
			c->format = EXPORT_ROWS, c->has_format = true;
		} else if (c->format >= EXPORT_ROWS && (strcmp(w, "--shown") == 0 || strcmp(w, "--all-columns") == 0)) {
			c->format = w[2] == 's' ? EXPORT_ROWS_SHOWN : EXPORT_ROWS;
		} else if (!c->has_file) {
			/* any path the system takes; never a cut one */
			if (strlen(w) >= sizeof c->text)
				return cmd_fail(err, errlen, "export: the file name is longer than %zu bytes", sizeof c->text - 1);
			if (w[0] == '\0')
				return cmd_fail(err, errlen, "export: the file name is empty");
			snprintf(c->text, sizeof c->text, "%s", w);
			c->has_file = true;
		} else {
			return cmd_fail(err, errlen, "export takes one FILE and a format (md, txt, json, html)");
		}
	}
	if (c->format >= EXPORT_ROWS && !c->has_file)
		return cmd_fail(err, errlen, "export rows needs a FILE (CSV)");
	if (c->has_file && !c->has_format) {
		/* the file's extension says the format */
		const char *dot = strrchr(c->text, '.');

		if (dot && strcasecmp(dot, ".json") == 0)
			c->format = EXPORT_JSON;
		else if (dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0))
			c->format = EXPORT_HTML;
		else if (dot && strcasecmp(dot, ".txt") == 0)
			c->format = EXPORT_TXT;
	}
	return 0;
}

static enum cmd_effect apply_export(struct view *v, const struct cmd *c)
{
	if (c->format == EXPORT_HTML && v->classes != NULL) {
		view_say(v, true, "export html: no page yet with several classes (md, txt or json)");
		return EFFECT_NONE;
	}
	return EFFECT_EXPORT;
}

static void complete_export(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			    void *arg)
{
	static const char *const formats[] = { "md", "txt", "json", "html", NULL };

	(void)v, (void)n;
	cmd_offer(formats, prefix, add, arg);
}

/* copy [FILE]: the caller puts the numbers on the clipboard, or in FILE */
static int parse_copy(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	c->format = EXPORT_TSV, c->has_format = true;
	if (a->n > 2)
		return cmd_fail(err, errlen, "copy takes one FILE at most");
	if (a->n == 2) {
		if (strlen(a->w[1]) >= sizeof c->text)
			return cmd_fail(err, errlen, "copy: the file name is longer than %zu bytes", sizeof c->text - 1);
		snprintf(c->text, sizeof c->text, "%s", a->w[1]);
		c->has_file = a->w[1][0] != '\0';
	}
	return 0;
}

static enum cmd_effect apply_copy(struct view *v, const struct cmd *c)
{
	(void)v;
	return c->has_file ? EFFECT_EXPORT : EFFECT_COPY;
}

/* set ascii|unicode|color|mono|conf L */
static int parse_set(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	const char *w = a->n > 1 ? a->w[1] : "";

	if (a->n == 2 && strcasecmp(w, "ascii") == 0)
		c->set = SET_ASCII;
	else if (a->n == 2 && strcasecmp(w, "unicode") == 0)
		c->set = SET_UNICODE;
	else if (a->n == 2 && (strcasecmp(w, "color") == 0 || strcasecmp(w, "colour") == 0))
		c->set = SET_COLOR;
	else if (a->n == 2 && strcasecmp(w, "mono") == 0)
		c->set = SET_MONO;
	else if (a->n == 2 && strcasecmp(w, "linear") == 0)
		c->set = SET_LINEAR;
	else if (a->n == 2 && (strcasecmp(w, "logfpr") == 0 || strcasecmp(w, "linfpr") == 0))
		c->set = tolower((unsigned char)w[1]) == 'o' ? SET_LOGFPR : SET_LINFPR;
	else if (a->n == 3 && strcasecmp(w, "conf") == 0) {
		c->set = SET_CONF;
		if (cmd_number(a->w[2], &c->value) < 0 || !(c->value > 0 && c->value < 1))
			return cmd_fail(err, errlen, "set conf takes a level between 0 and 1, such as 0.9");
	} else
		return cmd_fail(err, errlen, "set takes ascii, unicode, color, mono, linear, logfpr, linfpr or conf L");
	return 0;
}

static enum cmd_effect apply_set(struct view *v, const struct cmd *c)
{
	if (c->set == SET_LINEAR)
		return EFFECT_LINEAR;
	if (c->set == SET_LOGFPR || c->set == SET_LINFPR) {
		display_set_logfpr(v, c->set == SET_LOGFPR);
		return EFFECT_DISPLAY;
	}
	if (c->set == SET_CONF) {
		v->conf_level = c->value;
		view_say(v, false, "intervals at %g%%", 100 * c->value);
		return EFFECT_NONE;
	}
	if (c->set == SET_ASCII || c->set == SET_UNICODE)
		display_set_glyphs(v, c->set == SET_ASCII ? GLYPHS_ASCII : GLYPHS_BRAILLE);
	else
		display_set_color(v, c->set == SET_COLOR);
	view_say(v, false, "drawing in %s", c->set == SET_ASCII ? "ASCII" : c->set == SET_UNICODE ? "Unicode" :
		 c->set == SET_COLOR ? "colour" : "monochrome");
	return EFFECT_DISPLAY;
}

static void complete_set(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			 void *arg)
{
	static const char *const sets[] = { "ascii", "unicode", "color", "mono", "linear", "logfpr", "linfpr", "conf", NULL };

	(void)v;
	if (n == 1)
		cmd_offer(sets, prefix, add, arg);
}

/* help [COMMAND]: in the help box, where it can wrap and scroll */
static int parse_help(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n > 2)
		return cmd_fail(err, errlen, "help takes at most one command");
	if (a->n == 2) {
		const struct cmd_entry *e = cmd_find(a->w[1]);

		if (e == NULL)
			return cmd_fail(err, errlen, "no command '%.30s' to explain", a->w[1]);
		snprintf(c->text, sizeof c->text, "%s", e->name);
	}
	return 0;
}

static enum cmd_effect apply_help(struct view *v, const struct cmd *c)
{
	int i = c->text[0] ? cmd_index(cmd_find(c->text)) : -1;

	display_help(v, i >= 0 ? i : HELP_COMMANDS);
	return EFFECT_NONE;
}

static void complete_help(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			  void *arg)
{
	size_t i;

	(void)v;
	for (i = 0; n == 1 && i < cmd_count; i++)
		if (strncasecmp(cmd_table[i]->name, prefix, strlen(prefix)) == 0)
			add(arg, cmd_table[i]->name);
}

static enum cmd_effect apply_quit(struct view *v, const struct cmd *c)
{
	(void)v, (void)c;
	return EFFECT_QUIT;
}


const struct cmd_entry cmdview_names = {
	"names", NULL,
	"names POSITIVE,NEGATIVE",
	"the words for the two classes",
	parse_names, apply_names, NULL
};

const struct cmd_entry cmdview_invert = {
	"invert", NULL,
	"invert",
	"turn the model's scores round (score = -score), or back",
	parse_bare, apply_invert, NULL
};

const struct cmd_entry cmdview_prevalence = {
	"prevalence", NULL,
	"prevalence P|off",
	"the share of positives where the model is deployed (0.001 is 0.1%): every count and rate reweighted to it",
	parse_prevalence, apply_prevalence, cmd_complete_off
};

const struct cmd_entry cmdview_group = {
	"group", NULL,
	"group COL|off",
	"results per group of a column of categories (reads the file again)",
	parse_group, apply_group, cmd_complete_off
};

const struct cmd_entry cmdview_group_thresholds = {
	"group-thresholds", NULL,
	"group-thresholds single|best|equal-recall X|equal-fpr X|equal-rate X",
	"a threshold per group (Tab picks a group's knob, the arrows move it)",
	parse_group_thresholds, apply_group_thresholds, complete_strategy
};

const struct cmd_entry cmdview_bootstrap = {
	"bootstrap", "b",
	"bootstrap [N]",
	"resample N times (default 1000): where the best F1's threshold falls",
	parse_bootstrap, apply_bootstrap, NULL
};

/* rows fp|fn|tp|tn|near|off */
static int parse_rows(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	enum rowlist_cell cell;

	if (a->n != 2 || (strcmp(a->w[1], "off") != 0 && rowlist_parse_cell(a->w[1], &cell) < 0))
		return cmd_fail(err, errlen, "rows takes fp, fn, tp, tn, near or off");
	snprintf(c->text, sizeof c->text, "%s", a->w[1]);
	return 0;
}

static enum cmd_effect apply_rows(struct view *v, const struct cmd *c)
{
	enum rowlist_cell cell;

	if (rowlist_parse_cell(c->text, &cell) < 0) {
		v->rows_shown = false;
		return EFFECT_NONE;
	}
	v->rows_shown = true;
	v->rows_cell = (int)cell;
	return EFFECT_ROWS;
}

static void complete_rows(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			  void *arg)
{
	(void)v;
	for (int i = 0; n == 1 && i <= ROWS_CELLS; i++) {
		const char *w = i < ROWS_CELLS ? rowlist_cell_names[i] : "off";

		if (strncmp(w, prefix, strlen(prefix)) == 0)
			add(arg, w);
	}
}

const struct cmd_entry cmdview_rows = {
	"rows", NULL,
	"rows fp|fn|tp|tn|near|off",
	"the rows behind a cell of the matrix, in place of the plots",
	parse_rows, apply_rows, complete_rows
};

const struct cmd_entry cmdview_explain = {
	"explain", "e",
	"explain",
	"switch the plain-language view on or off",
	parse_bare, apply_explain, NULL
};

const struct cmd_entry cmdview_export = {
	"export", "x",
	"export [FILE] [md|txt|json|html] | export rows FILE [--shown]",
	"write a snapshot (Markdown unless said; html: the page with its slider); rows: every row of the rows panel's cell as CSV",
	parse_export, apply_export, complete_export
};

const struct cmd_entry cmdview_copy = {
	"copy", "y",
	"copy [FILE]",
	"the matrix and metrics as tab-separated text: on the clipboard (OSC 52), or into FILE",
	parse_copy, apply_copy, NULL
};

const struct cmd_entry cmdview_set = {
	"set", NULL,
	"set ascii|unicode|color|mono|linear|logfpr|linfpr|conf L",
	"change how the screen is drawn (linear: sentences for a screen reader, as --linear; logfpr: ROC's FPR on a log scale), or the intervals' level",
	parse_set, apply_set, complete_set
};

const struct cmd_entry cmdview_help = {
	"help", NULL,
	"help [COMMAND]",
	"list the commands, or explain one",
	parse_help, apply_help, complete_help
};

const struct cmd_entry cmdview_quit = {
	"quit", "q",
	"quit",
	"leave cutoff",
	parse_bare, apply_quit, NULL
};
