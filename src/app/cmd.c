/*
 * cmd: commands.  A line is split at blanks; the first word names the
 * command (any case, full or short form); numbers follow the data's
 * grammar (parse_number); constraints after "where" may be written with or
 * without spaces ("recall>=0.9", "recall >= 0.9", joined by "and" or ",").
 */
#include "app/cmd.h"

#include "core/stats/deploy.h"
#include "core/base/parse.h"
#include "core/base/fmt.h"
#include "core/report/report.h"
#include "core/base/text.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct cmd_info cmd_table[] = {
	{ "threshold", "t", "threshold X", "move the threshold to X (inf: flag nothing)" },
	{ "step", NULL, "step value|rank", "slide and step by score value or by rank" },
	{ "model", "m", "model NAME|N", "show another model (score column)" },
	{ "optimize", "opt", "optimize OBJ [beta=B] [where recall>=R precision>=P fpr<=F flagged<=N flag_rate<=S]",
	  "go to the best threshold for f1 fbeta mcc youden accuracy balanced_accuracy precision recall cost" },
	{ "cost", NULL, "cost fp=A fn=B [unit=TEXT]", "what a false alarm and a miss cost" },
	{ "names", NULL, "names POSITIVE,NEGATIVE", "the words for the two classes" },
	{ "invert", NULL, "invert", "turn the model's scores round (score = -score), or back" },
	{ "prevalence", NULL, "prevalence P|off",
	  "the share of positives where the model is deployed (0.001 is 0.1%): every count and rate reweighted to it" },
	{ "budget", NULL, "budget N|off", "review capacity: mark it on the slider and flag at most N" },
	{ "group", NULL, "group COL|off", "results per group of a column of categories (reads the file again)" },
	{ "group-thresholds", NULL, "group-thresholds single|best|equal-recall X|equal-fpr X|equal-rate X",
	  "a threshold per group (Tab picks a group's knob, the arrows move it)" },
	{ "bootstrap", "b", "bootstrap [N]", "resample N times (default 1000): where the best F1's threshold falls" },
	{ "explain", "e", "explain", "switch the plain-language view on or off" },
	{ "export", "x", "export [FILE] [md|txt|json]", "write a snapshot (Markdown unless said)" },
	{ "set", NULL, "set ascii|unicode|color|mono|conf L", "change how the screen is drawn, or the intervals' level" },
	{ "help", NULL, "help [COMMAND]", "list the commands, or explain one" },
	{ "quit", "q", "quit", "leave cutoff" },
};

const size_t cmd_count = sizeof cmd_table / sizeof cmd_table[0];

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
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

/* The original line after its first word, trimmed (names may hold blanks). */
static void rest_of_line(const char *line, char *out, size_t cap)
{
	size_t len;

	line += strspn(line, " \t");
	line += strcspn(line, " \t");
	line += strspn(line, " \t");
	snprintf(out, cap, "%s", line);
	for (len = strlen(out); len > 0 && isspace((unsigned char)out[len - 1]); len--)
		out[len - 1] = '\0';
}

static int number(const char *s, double *v)
{
	return parse_number(s, strlen(s), v) == PARSE_OK ? 0 : -1;
}

static const struct cmd_info *lookup(const char *name)
{
	size_t i;

	for (i = 0; i < cmd_count; i++)
		if (strcasecmp(name, cmd_table[i].name) == 0 ||
		    (cmd_table[i].alias && strcasecmp(name, cmd_table[i].alias) == 0))
			return &cmd_table[i];
	return NULL;
}

/* "recall>=0.9 and precision >= 0.8, fpr<=0.01" */
static int constraints(const char *s, struct optimize_spec *spec, char *err, size_t errlen)
{
	const char *p = s;

	while (*p) {
		char name[32], op[3] = "";
		size_t n = 0;
		double v;
		char *end;

		while (*p && (isspace((unsigned char)*p) || *p == ','))
			p++;
		if (strncasecmp(p, "and", 3) == 0 && (p[3] == '\0' || isspace((unsigned char)p[3]))) {
			p += 3;
			continue;
		}
		if (!*p)
			break;
		while (*p && (isalpha((unsigned char)*p) || *p == '_') && n < sizeof name - 1)
			name[n++] = (char)tolower((unsigned char)*p++);
		name[n] = '\0';
		while (*p && isspace((unsigned char)*p))
			p++;
		if ((p[0] == '>' || p[0] == '<') && p[1] == '=') {
			op[0] = p[0];
			op[1] = '=';
			op[2] = '\0';
			p += 2;
		}
		while (*p && isspace((unsigned char)*p))
			p++;
		/* the number: the data's grammar, up to the next separator */
		end = (char *)p + strspn(p, "0123456789.eE+-");
		if (n == 0 || op[0] == '\0' || end == p || parse_number(p, (size_t)(end - p), &v) != PARSE_OK)
			return fail(err, errlen, "constraints look like recall>=0.9, precision>=0.8, fpr<=0.01 or flagged<=500");
		if (strcmp(name, "flagged") == 0 && op[0] == '<' && v >= 0) {
			spec->max_flagged = v; /* a count (weight), not a rate */
			p = end;
			continue;
		}
		if (v < 0 || v > 1)
			return fail(err, errlen, "%s: %.*s is not between 0 and 1", name, (int)(end - p), p);
		p = end;
		if (strcmp(name, "flag_rate") == 0 && op[0] == '<')
			spec->max_flag_rate = v;
		else if (strcmp(name, "recall") == 0 && op[0] == '>')
			spec->min_recall = v;
		else if (strcmp(name, "precision") == 0 && op[0] == '>')
			spec->min_precision = v;
		else if (strcmp(name, "fpr") == 0 && op[0] == '<')
			spec->max_fpr = v;
		else
			return fail(err, errlen, "unknown constraint '%s%s' (recall>=, precision>=, fpr<=, flagged<=, flag_rate<=)",
				    name, op);
	}
	return 0;
}

static int parse_export(char **w, size_t n, struct cmd *c, char *err, size_t errlen)
{
	size_t i;

	c->format = EXPORT_MD;
	for (i = 1; i < n; i++) {
		if (strcasecmp(w[i], "md") == 0 || strcasecmp(w[i], "markdown") == 0) {
			c->format = EXPORT_MD, c->has_format = true;
		} else if (strcasecmp(w[i], "txt") == 0 || strcasecmp(w[i], "text") == 0) {
			c->format = EXPORT_TXT, c->has_format = true;
		} else if (strcasecmp(w[i], "json") == 0) {
			c->format = EXPORT_JSON, c->has_format = true;
		} else if (!c->has_file) {
			/* any path the system takes; never a cut one */
			if (strlen(w[i]) >= sizeof c->text)
				return fail(err, errlen, "export: the file name is longer than %zu bytes",
					    sizeof c->text - 1);
			if (w[i][0] == '\0')
				return fail(err, errlen, "export: the file name is empty");
			snprintf(c->text, sizeof c->text, "%s", w[i]);
			c->has_file = true;
		} else {
			return fail(err, errlen, "export takes one FILE and a format (md, txt, json)");
		}
	}
	if (c->has_file && !c->has_format) {
		/* the file's extension says the format */
		const char *dot = strrchr(c->text, '.');

		if (dot && strcasecmp(dot, ".json") == 0)
			c->format = EXPORT_JSON;
		else if (dot && strcasecmp(dot, ".txt") == 0)
			c->format = EXPORT_TXT;
	}
	return 0;
}

int cmd_parse(const char *line, struct cmd *c, char *err, size_t errlen)
{
	char buf[CMD_LINE_MAX + 1], *w[32];
	size_t n, i;
	const struct cmd_info *info;
	int open;

	memset(c, 0, sizeof *c);
	if (strlen(line) > CMD_LINE_MAX)
		return fail(err, errlen, "a command is at most %d bytes", CMD_LINE_MAX);
	n = words(line, buf, sizeof buf, w, 32, &open);
	if (open)
		return fail(err, errlen, "a quote is not closed");
	if (n == 0) {
		c->kind = CMD_NONE;
		return 0;
	}
	if ((info = lookup(w[0])) == NULL) {
		char shown[80];

		return fail(err, errlen, "unknown command '%s' (help lists them)",
			    text_escape(shown, sizeof shown, w[0], strlen(w[0]), 30));
	}
	c->kind = (enum cmd_kind)(CMD_THRESHOLD + (info - cmd_table));
	switch (c->kind) {
	case CMD_THRESHOLD:
		if (n != 2)
			return fail(err, errlen, "threshold needs a number");
		if (strcasecmp(w[1], "inf") == 0 || strcasecmp(w[1], "+inf") == 0)
			c->value = INFINITY;
		else if (number(w[1], &c->value) < 0)
			return fail(err, errlen, "threshold needs a number, not '%.40s'", w[1]);
		return 0;
	case CMD_STEP:
		if (n == 2 && strcasecmp(w[1], "value") == 0)
			c->step = STEP_VALUE;
		else if (n == 2 && strcasecmp(w[1], "rank") == 0)
			c->step = STEP_RANK;
		else
			return fail(err, errlen, "step takes value or rank");
		return 0;
	case CMD_MODEL:
		if (n < 2)
			return fail(err, errlen, "model needs a name or a number");
		/* a name may hold blanks: quoted, or the rest of the line */
		if (n == 2)
			snprintf(c->text, sizeof c->text, "%s", w[1]);
		else
			rest_of_line(line, c->text, sizeof c->text);
		return 0;
	case CMD_OPTIMIZE: {
		enum objective obj;
		char lower[32];

		if (n < 2)
			return fail(err, errlen, "optimize needs an objective (f1, mcc, cost, ...)");
		for (i = 0; w[1][i] && i < sizeof lower - 1; i++)
			lower[i] = (char)tolower((unsigned char)w[1][i]);
		lower[i] = '\0';
		if (optimize_parse(lower, &obj) < 0)
			return fail(err, errlen, "unknown objective '%.30s' (f1, fbeta, mcc, youden, accuracy, balanced_accuracy, precision, recall, cost)", w[1]);
		c->spec = optimize_defaults(obj);
		c->objective = optimize_names[obj];
		for (i = 2; i < n; i++) {
			if (strncasecmp(w[i], "beta=", 5) == 0) {
				if (obj != OBJ_FBETA || number(w[i] + 5, &c->spec.beta) < 0 || !(c->spec.beta > 0))
					return fail(err, errlen, "beta=B (positive) goes with fbeta");
			} else if (strcasecmp(w[i], "where") == 0) {
				/* the rest of the line, spaces and all */
				if (constraints(line + (w[i] - buf) + 5, &c->spec, err, errlen) < 0)
					return -1;
				break;
			} else {
				return fail(err, errlen, "after the objective: beta=B or where CONSTRAINTS, not '%.30s'", w[i]);
			}
		}
		return 0;
	}
	case CMD_COST:
		c->cost_fp = c->cost_fn = NAN;
		for (i = 1; i < n; i++) {
			if (strncasecmp(w[i], "fp=", 3) == 0 && number(w[i] + 3, &c->cost_fp) == 0 && c->cost_fp >= 0 &&
			    c->cost_fp <= 1e100)
				continue;
			if (strncasecmp(w[i], "fn=", 3) == 0 && number(w[i] + 3, &c->cost_fn) == 0 && c->cost_fn >= 0 &&
			    c->cost_fn <= 1e100)
				continue;
			if (strncasecmp(w[i], "unit=", 5) == 0) {
				snprintf(c->unit, sizeof c->unit, "%s", w[i] + 5);
				c->has_unit = true;
				continue;
			}
			return fail(err, errlen, "cost takes fp=A fn=B (numbers from 0 to 1e100) and unit=TEXT");
		}
		if (isnan(c->cost_fp) || isnan(c->cost_fn))
			return fail(err, errlen, "cost needs both fp=A and fn=B");
		return 0;
	case CMD_NAMES: {
		char whole[CMD_LINE_MAX + 1];
		const char *rest = NULL, *comma;

		if (n == 2)
			rest = w[1];
		else if (n > 2)
			rest_of_line(line, whole, sizeof whole), rest = whole;

		if (rest == NULL || (comma = strchr(rest, ',')) == NULL || comma == rest || comma[1] == '\0')
			return fail(err, errlen, "names takes POSITIVE,NEGATIVE");
		snprintf(c->names[0], sizeof c->names[0], "%.*s", (int)(comma - rest), rest);
		snprintf(c->names[1], sizeof c->names[1], "%s", comma + 1);
		for (i = 0; i < 2; i++) {
			size_t len = strlen(c->names[i]);

			while (len > 0 && isspace((unsigned char)c->names[i][len - 1]))
				c->names[i][--len] = '\0';
			if (len == 0)
				return fail(err, errlen, "names takes POSITIVE,NEGATIVE");
		}
		return 0;
	}
	case CMD_EXPORT:
		return parse_export(w, n, c, err, errlen);
	case CMD_SET:
		if (n == 2 && strcasecmp(w[1], "ascii") == 0)
			c->set = SET_ASCII;
		else if (n == 2 && strcasecmp(w[1], "unicode") == 0)
			c->set = SET_UNICODE;
		else if (n == 2 && (strcasecmp(w[1], "color") == 0 || strcasecmp(w[1], "colour") == 0))
			c->set = SET_COLOR;
		else if (n == 2 && strcasecmp(w[1], "mono") == 0)
			c->set = SET_MONO;
		else if (n == 3 && strcasecmp(w[1], "conf") == 0) {
			c->set = SET_CONF;
			if (number(w[2], &c->value) < 0 || !(c->value > 0 && c->value < 1))
				return fail(err, errlen, "set conf takes a level between 0 and 1, such as 0.9");
		} else
			return fail(err, errlen, "set takes ascii, unicode, color, mono or conf L");
		return 0;
	case CMD_HELP:
		if (n > 2)
			return fail(err, errlen, "help takes at most one command");
		if (n == 2) {
			if (lookup(w[1]) == NULL)
				return fail(err, errlen, "no command '%.30s' to explain", w[1]);
			snprintf(c->text, sizeof c->text, "%s", lookup(w[1])->name);
		}
		return 0;
	case CMD_BOOTSTRAP:
		c->value = 1000;
		if (n > 2 || (n == 2 && (number(w[1], &c->value) < 0 || c->value < 1 || c->value > 1e6 ||
					 c->value != floor(c->value))))
			return fail(err, errlen, "bootstrap takes a whole number of resamples from 1 to 1e6");
		return 0;
	case CMD_PREVALENCE:
	case CMD_BUDGET: {
		bool prev = c->kind == CMD_PREVALENCE;

		if (n == 2 && strcasecmp(w[1], "off") == 0)
			return 0; /* value 0 */
		if (n != 2 || number(w[1], &c->value) < 0 ||
		    (prev ? !(c->value >= DEPLOY_MIN_PREVALENCE && c->value <= 1 - DEPLOY_MIN_PREVALENCE)
			  : !(c->value >= 1 && c->value == floor(c->value) && c->value <= 9007199254740992.0)))
			return fail(err, errlen, prev ? "prevalence takes a share of positives from 1e-9 to 1 - 1e-9 (0.001 is 0.1%%), or off"
						  : "budget takes how many can be reviewed (a whole number, 1 or more), or off");
		return 0;
	}
	case CMD_GROUP:
		if (n != 2)
			return fail(err, errlen, "group takes a column (name or number), or off");
		if (strcasecmp(w[1], "off") != 0)
			snprintf(c->text, sizeof c->text, "%s", w[1]);
		return 0;
	case CMD_GROUP_THRESHOLDS: {
		char spec[80];

		/* "equal-recall 0.8" as typed here, "equal-recall=0.8" as on the command line */
		snprintf(spec, sizeof spec, "%s%s%s", n > 1 ? w[1] : "", n > 2 ? "=" : "", n > 2 ? w[2] : "");
		if (n < 2 || n > 3 || fairness_parse(spec, &c->strategy) < 0)
			return fail(err, errlen, "group-thresholds takes single, best, or equal-recall, equal-fpr, equal-rate and X from 0 to 1");
		return 0;
	}
	case CMD_INVERT:
	case CMD_EXPLAIN:
	case CMD_QUIT:
		if (n > 1)
			return fail(err, errlen, "%s takes nothing after it", info->name);
		return 0;
	case CMD_NONE:
		break;
	}
	return 0;
}

static size_t find_model(const struct view *v, const char *name)
{
	size_t i;
	char *end;
	unsigned long k;

	for (i = 0; i < v->n_models; i++)
		if (strcmp(v->models[i].name, name) == 0)
			return i;
	for (i = 0; i < v->n_models; i++)
		if (strcasecmp(v->models[i].name, name) == 0)
			return i;
	k = strtoul(name, &end, 10);
	if (*end == '\0' && k >= 1 && k <= v->n_models)
		return k - 1;
	return VIEW_NONE;
}

enum cmd_effect cmd_apply(struct view *v, const struct cmd *c)
{
	struct view_model *m = view_current(v);
	char t[40], a[40], buf1[40], buf2[40], buf3[40];
	size_t i;

	switch (c->kind) {
	case CMD_NONE:
		return EFFECT_NONE;
	case CMD_THRESHOLD:
		view_set_threshold(v, c->value);
		view_say(v, false, "threshold %s", fmt_exact(t, sizeof t, m->threshold));
		return EFFECT_NONE;
	case CMD_STEP:
		v->step = c->step;
		view_say(v, false, "sliding by %s", c->step == STEP_VALUE ? "score value" : "rank");
		return EFFECT_NONE;
	case CMD_MODEL:
		if ((i = find_model(v, c->text)) == VIEW_NONE) {
			char shown[80];

			view_say(v, true, "no model named %s", text_escape(shown, sizeof shown, c->text, strlen(c->text), 30));
			return EFFECT_NONE;
		}
		v->model = i;
		v->prev_k = view_current(v)->k;
		view_say(v, false, "model %s", text_escape(a, sizeof a, v->models[i].name, strlen(v->models[i].name), 30));
		return EFFECT_NONE;
	case CMD_OPTIMIZE: {
		struct optimize_spec spec = c->spec;
		struct optimum best;

		if (spec.objective == OBJ_COST) {
			if (!v->costs) {
				view_say(v, true, "set the costs first: cost fp=A fn=B");
				return EFFECT_NONE;
			}
			spec.cost_fp = v->cost_fp;
			spec.cost_fn = v->cost_fn;
		}
		if (optimize_run(m->sw, &spec, &best) < 0) {
			view_say(v, true, "no threshold satisfies that for %s", c->objective);
			return EFFECT_NONE;
		}
		view_set_k(v, best.k);
		/* a cost is money, not a rate: "$4,325", never "4325." */
		if (spec.objective == OBJ_COST)
			fmt_money(a, sizeof a, best.value, v->cost_unit);
		else
			fmt_rate(a, sizeof a, best.value);
		view_say(v, false, "best %s: %s at threshold %s", c->objective, a, fmt_exact(t, sizeof t, best.threshold));
		return EFFECT_NONE;
	}
	case CMD_COST:
		view_set_costs(v, c->cost_fp, c->cost_fn);
		if (c->has_unit)
			snprintf(v->cost_unit, sizeof v->cost_unit, "%s", c->unit);
		view_say(v, false, "a false alarm costs %s, a miss %s", fmt_money(a, sizeof a, c->cost_fp, v->cost_unit),
			 fmt_money(t, sizeof t, c->cost_fn, v->cost_unit));
		return EFFECT_NONE;
	case CMD_NAMES:
		view_set_names(v, c->names[0], c->names[1]);
		view_say(v, false, "classes: %.60s and %.60s", c->names[0], c->names[1]);
		return EFFECT_NONE;
	case CMD_BOOTSTRAP:
		return EFFECT_BOOTSTRAP; /* the shell runs it (in the explorer, without freezing it) */
	case CMD_INVERT:
		/* the bootstrap's thread reads this sweep: not while it runs */
		if (v->booting > 0) {
			view_say(v, true, "a bootstrap is running: Esc stops it, then invert");
			return EFFECT_NONE;
		}
		view_invert(v);
		view_say(v, false, "%s%.60s: ROC AUC %s%s", m->sw->inverted ? "-" : "", m->name,
			 fmt_rate(a, sizeof a, m->sw->roc_auc),
			 m->sw->inverted ? " (scores turned round; :invert again undoes it)" : " (its own scores again)");
		return EFFECT_NONE;
	case CMD_PREVALENCE: {
		double sample;

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
		if (view_set_prevalence(v, c->value) < 0) {
			view_say(v, true, "no prevalence: a model lacks a class (or memory ran out)");
			return EFFECT_NONE;
		}
		sample = m->sample->pos / (m->sample->pos + m->sample->neg);
		if (c->value > 0)
			view_say(v, false, "prevalence %g%% (sample %s%%): counts reweighted; ROC AUC unchanged",
				 100 * c->value, fmt_rate(a, sizeof a, 100 * sample));
		else
			view_say(v, false, "the sample's prevalence again, %s%%", fmt_rate(a, sizeof a, 100 * sample));
		return EFFECT_DISPLAY;
	}
	case CMD_BUDGET: {
		double flagged = view_set_budget(v, c->value), next;
		size_t k = m->k;

		if (!(c->value > 0)) {
			view_say(v, false, "no capacity marked");
			return EFFECT_NONE;
		}
		next = k < m->sw->n ? view_flagged(m, k + 1) : flagged;
		/* "ties" only where the next score holds several rows; weighted
		 * (a prevalence), one row may weigh more than the room left */
		if (flagged < c->value && next > c->value)
			view_say(v, false, !m->sw->weighted && next - flagged > 1
						   ? "capacity %s: threshold %s flags %s; ties at %s would make it %s"
						   : "capacity %s: threshold %s flags %s; the next score (%s) would make it %s",
				 fmt_count(t, sizeof t, c->value), fmt_exact(a, sizeof a, m->threshold),
				 fmt_count(buf1, sizeof buf1, flagged), fmt_exact(buf2, sizeof buf2, m->sw->score[k]),
				 fmt_count(buf3, sizeof buf3, next));
		else
			view_say(v, false, "capacity %s: threshold %s flags %s", fmt_count(t, sizeof t, c->value),
				 fmt_exact(a, sizeof a, m->threshold), fmt_count(buf1, sizeof buf1, flagged));
		return EFFECT_NONE;
	}
	case CMD_GROUP:
		if (v->booting > 0) {
			view_say(v, true, "a bootstrap is running: Esc stops it, then change the groups");
			return EFFECT_NONE;
		}
		return EFFECT_REGROUP;
	case CMD_GROUP_THRESHOLDS:
		view_apply_strategy(v, &c->strategy);
		return EFFECT_NONE;
	case CMD_EXPLAIN:
		v->stakeholder = !v->stakeholder;
		view_say(v, false, "plain-language view %s", v->stakeholder ? "on" : "off");
		return EFFECT_DISPLAY;
	case CMD_EXPORT:
		return EFFECT_EXPORT;
	case CMD_SET:
		if (c->set == SET_CONF) {
			v->conf_level = c->value;
			view_say(v, false, "intervals at %g%%", 100 * c->value);
			return EFFECT_NONE;
		}
		if (c->set == SET_ASCII || c->set == SET_UNICODE)
			v->glyphs = c->set == SET_ASCII ? GLYPHS_ASCII : GLYPHS_BRAILLE;
		else
			v->color = c->set == SET_COLOR;
		view_say(v, false, "drawing in %s", c->set == SET_ASCII ? "ASCII" : c->set == SET_UNICODE ? "Unicode" :
			 c->set == SET_COLOR ? "colour" : "monochrome");
		return EFFECT_DISPLAY;
	case CMD_HELP:
		/* in the help box, where it can wrap and scroll */
		v->help = true;
		v->help_top = 0;
		v->help_what = HELP_COMMANDS;
		for (i = 0; c->text[0] && i < cmd_count; i++)
			if (strcmp(cmd_table[i].name, c->text) == 0)
				v->help_what = (int)i;
		return EFFECT_NONE;
	case CMD_QUIT:
		return EFFECT_QUIT;
	}
	return EFFECT_NONE;
}

void cmd_complete(const struct view *v, const char *before, const char *prefix,
		  void (*add)(void *, const char *), void *arg)
{
	static const char *const steps[] = { "value", "rank", NULL };
	static const char *const sets[] = { "ascii", "unicode", "color", "mono", "conf", NULL };
	static const char *const formats[] = { "md", "txt", "json", NULL };
	static const char *const where[] = { "where", "recall>=", "precision>=", "fpr<=", "flagged<=", "flag_rate<=", NULL };
	static const char *const off[] = { "off", NULL };
	static const char *const strategies[] = { "single", "best", "equal-recall", "equal-fpr", "equal-rate", NULL };
	char buf[CMD_LINE_MAX + 1], *w[8];
	int open;
	size_t n = words(before, buf, sizeof buf, w, 8, &open), len = strlen(prefix), i;
	const struct cmd_info *info = n > 0 ? lookup(w[0]) : NULL;
	const char *const *list = NULL;

	if (n == 0) {
		for (i = 0; i < cmd_count; i++)
			if (strncasecmp(cmd_table[i].name, prefix, len) == 0)
				add(arg, cmd_table[i].name);
		return;
	}
	if (info == NULL)
		return;
	if (strcmp(info->name, "step") == 0 && n == 1)
		list = steps;
	else if (strcmp(info->name, "set") == 0 && n == 1)
		list = sets;
	else if (strcmp(info->name, "export") == 0)
		list = formats;
	else if ((strcmp(info->name, "prevalence") == 0 || strcmp(info->name, "budget") == 0 ||
		  strcmp(info->name, "group") == 0) && n == 1)
		list = off;
	else if (strcmp(info->name, "group-thresholds") == 0 && n == 1)
		list = strategies;
	else if (strcmp(info->name, "help") == 0 && n == 1) {
		for (i = 0; i < cmd_count; i++)
			if (strncasecmp(cmd_table[i].name, prefix, len) == 0)
				add(arg, cmd_table[i].name);
		return;
	} else if (strcmp(info->name, "model") == 0 && n == 1) {
		for (i = 0; i < v->n_models; i++)
			if (strncmp(v->models[i].name, prefix, len) == 0)
				add(arg, v->models[i].name);
		return;
	} else if (strcmp(info->name, "optimize") == 0 && n == 1) {
		for (i = 0; i < OBJ_COUNT; i++)
			if (strncmp(optimize_names[i], prefix, len) == 0)
				add(arg, optimize_names[i]);
		return;
	} else if (strcmp(info->name, "optimize") == 0) {
		list = where;
	} else if (strcmp(info->name, "cost") == 0) {
		static const char *const costs[] = { "fp=", "fn=", "unit=", NULL };

		list = costs;
	}
	for (i = 0; list && list[i]; i++)
		if (strncasecmp(list[i], prefix, len) == 0)
			add(arg, list[i]);
}
