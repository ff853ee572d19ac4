/*
 * cmdmove: the commands that move the threshold or say where it should be
 * (threshold, step, model, optimize, cost, budget), each an entry of
 * cmd_table with its parse and apply.
 */
#include "app/cmd.h"

#include "app/bandview.h"
#include "app/costview.h"
#include "app/display.h"

#include "core/base/fmt.h"
#include "core/base/parse.h"
#include "core/base/text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
			return cmd_fail(err, errlen, "constraints look like recall>=0.9, precision>=0.8, fpr<=0.01 or flagged<=500");
		if (strcmp(name, "flagged") == 0 && op[0] == '<' && v >= 0) {
			spec->max_flagged = v; /* a count (weight), not a rate */
			p = end;
			continue;
		}
		if (v < 0 || v > 1)
			return cmd_fail(err, errlen, "%s: %.*s is not between 0 and 1", name, (int)(end - p), p);
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
			return cmd_fail(err, errlen, "unknown constraint '%s%s' (recall>=, precision>=, fpr<=, flagged<=, flag_rate<=)",
				    name, op);
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

/* --multiclass: a class by its name (exactly, then in any case) or its
 * number from 1; VIEW_NONE when none. */
static size_t find_class(const struct view *v, const char *name)
{
	size_t i;
	char *end;
	unsigned long k;

	for (i = 0; v->class_names != NULL && i < v->n_models; i++)
		if (strcmp(v->class_names[i], name) == 0)
			return i;
	for (i = 0; v->class_names != NULL && i < v->n_models; i++)
		if (strcasecmp(v->class_names[i], name) == 0)
			return i;
	k = strtoul(name, &end, 10);
	if (v->class_names != NULL && *end == '\0' && k >= 1 && k <= v->n_models)
		return k - 1;
	return VIEW_NONE;
}

/* threshold X, or (--multiclass) threshold CLASS=X: the last '=' splits,
 * as --thresholds does */
static int parse_threshold(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	const char *eq, *num;

	if (a->n != 2)
		return cmd_fail(err, errlen, "threshold needs a number (or CLASS=X)");
	eq = strrchr(a->w[1], '=');
	num = eq != NULL ? eq + 1 : a->w[1];
	c->text[0] = '\0';
	if (eq != NULL)
		snprintf(c->text, sizeof c->text, "%.*s", (int)(eq - a->w[1]), a->w[1]);
	if (strcasecmp(num, "inf") == 0 || strcasecmp(num, "+inf") == 0)
		c->value = INFINITY;
	else if (cmd_number(num, &c->value) < 0)
		return cmd_fail(err, errlen, "threshold needs a number, not '%.40s'", num);
	return 0;
}

static enum cmd_effect apply_threshold(struct view *v, const struct cmd *c)
{
	char t[40], shown[80];
	size_t i = v->model;

	if (c->text[0] != '\0' && (i = find_class(v, c->text)) == VIEW_NONE) {
		view_say(v, true, v->class_names != NULL ? "no class named %s" : "threshold CLASS=X needs --multiclass (no class %s)",
			 text_escape(shown, sizeof shown, c->text, strlen(c->text), 30));
		return EFFECT_NONE;
	}
	view_set_model_threshold(v, i, c->value);
	if (c->text[0] != '\0')
		view_say(v, false, "class %s: threshold %s", text_escape(shown, sizeof shown, v->class_names[i],
				 strlen(v->class_names[i]), 30), fmt_exact(t, sizeof t, v->models[i].threshold));
	else
		view_say(v, false, "threshold %s", fmt_exact(t, sizeof t, view_current(v)->threshold));
	return EFFECT_NONE;
}

/* threshold CLASS=: the class names, with their '=' */
static void complete_threshold(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			       void *arg)
{
	char word[300];

	for (size_t i = 0; n == 1 && v->class_names != NULL && i < v->n_models; i++)
		if (strncmp(v->class_names[i], prefix, strlen(prefix)) == 0 &&
		    snprintf(word, sizeof word, "%s=", v->class_names[i]) < (int)sizeof word)
			add(arg, word);
}

/* pin X|off */
static int parse_pin(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n != 2)
		return cmd_fail(err, errlen, "pin needs a threshold, or off");
	c->value = NAN;
	if (strcasecmp(a->w[1], "off") == 0)
		return 0;
	if (strcasecmp(a->w[1], "inf") == 0 || strcasecmp(a->w[1], "+inf") == 0)
		c->value = INFINITY;
	else if (cmd_number(a->w[1], &c->value) < 0)
		return cmd_fail(err, errlen, "pin needs a number or off, not '%.40s'", a->w[1]);
	return 0;
}

static enum cmd_effect apply_pin(struct view *v, const struct cmd *c)
{
	display_set_pin(v, !isnan(c->value), c->value);
	return EFFECT_NONE;
}

/* band LOW HIGH | band precision=P npv=Q | band off */
static int parse_band(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	c->value = NAN, c->cost_fp = c->cost_fn = NAN; /* low, high; or p, q */
	c->text[0] = '\0';
	if (a->n == 2 && strcasecmp(a->w[1], "off") == 0) {
		snprintf(c->text, sizeof c->text, "off");
		return 0;
	}
	if (a->n == 3 && cmd_number(a->w[1], &c->cost_fp) == 0 && cmd_number(a->w[2], &c->cost_fn) == 0) {
		if (c->cost_fp > c->cost_fn)
			return cmd_fail(err, errlen, "band: LOW %s is above HIGH %s", a->w[1], a->w[2]);
		snprintf(c->text, sizeof c->text, "cuts");
		return 0;
	}
	for (size_t i = 1; i < a->n; i++) {
		double *to = strncasecmp(a->w[i], "precision=", 10) == 0 ? &c->cost_fp :
			     strncasecmp(a->w[i], "npv=", 4) == 0 ? &c->cost_fn : NULL;
		const char *num = to == &c->cost_fp ? a->w[i] + 10 : a->w[i] + 4;

		if (to == NULL || cmd_number(num, to) < 0 || *to < 0 || *to > 1)
			return cmd_fail(err, errlen, "band takes LOW HIGH, precision=P npv=Q (between 0 and 1) or off");
	}
	if (a->n < 2)
		return cmd_fail(err, errlen, "band takes LOW HIGH, precision=P npv=Q or off");
	return 0;
}

static enum cmd_effect apply_band(struct view *v, const struct cmd *c)
{
	if (strcmp(c->text, "off") == 0)
		bandview_off(v);
	else if (strcmp(c->text, "cuts") == 0)
		bandview_set(v, c->cost_fp, c->cost_fn);
	else
		bandview_choose(v, c->cost_fp, c->cost_fn);
	return EFFECT_NONE;
}

/* class NAME|N */
static enum cmd_effect apply_class(struct view *v, const struct cmd *c)
{
	char shown[80];
	size_t i = find_class(v, c->text);

	if (v->class_names == NULL) {
		view_say(v, true, "no classes: a score column per class needs --multiclass");
		return EFFECT_NONE;
	}
	if (i == VIEW_NONE) {
		view_say(v, true, "no class named %s", text_escape(shown, sizeof shown, c->text, strlen(c->text), 30));
		return EFFECT_NONE;
	}
	view_set_model(v, i);
	view_say(v, false, "class %s", text_escape(shown, sizeof shown, v->class_names[i], strlen(v->class_names[i]), 30));
	return EFFECT_NONE;
}

static void complete_class(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			   void *arg)
{
	for (size_t i = 0; n == 1 && v->class_names != NULL && i < v->n_models; i++)
		if (strncmp(v->class_names[i], prefix, strlen(prefix)) == 0)
			add(arg, v->class_names[i]);
}

/* step value|rank */
static int parse_step(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n == 2 && strcasecmp(a->w[1], "value") == 0)
		c->step = STEP_VALUE;
	else if (a->n == 2 && strcasecmp(a->w[1], "rank") == 0)
		c->step = STEP_RANK;
	else
		return cmd_fail(err, errlen, "step takes value or rank");
	return 0;
}

static enum cmd_effect apply_step(struct view *v, const struct cmd *c)
{
	view_set_step(v, c->step);
	view_say(v, false, "sliding by %s", c->step == STEP_VALUE ? "score value" : "rank");
	return EFFECT_NONE;
}

static void complete_step(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			  void *arg)
{
	static const char *const steps[] = { "value", "rank", NULL };

	(void)v;
	if (n == 1)
		cmd_offer(steps, prefix, add, arg);
}

/* model NAME|N: a name may hold blanks, quoted or as the rest of the line */
static int parse_model(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n < 2)
		return cmd_fail(err, errlen, "model needs a name or a number");
	if (a->n == 2)
		snprintf(c->text, sizeof c->text, "%s", a->w[1]);
	else
		cmd_rest_of_line(a->line, c->text, sizeof c->text);
	return 0;
}

static enum cmd_effect apply_model(struct view *v, const struct cmd *c)
{
	char shown[80];
	size_t i = find_model(v, c->text);

	if (i == VIEW_NONE) {
		view_say(v, true, "no model named %s", text_escape(shown, sizeof shown, c->text, strlen(c->text), 30));
		return EFFECT_NONE;
	}
	view_set_model(v, i);
	view_say(v, false, "model %s", text_escape(shown, sizeof shown, v->models[i].name, strlen(v->models[i].name), 30));
	return EFFECT_NONE;
}

static void complete_model(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			   void *arg)
{
	size_t i;

	for (i = 0; n == 1 && i < v->n_models; i++)
		if (strncmp(v->models[i].name, prefix, strlen(prefix)) == 0)
			add(arg, v->models[i].name);
}

/* optimize OBJ [beta=B] [where CONSTRAINTS] */
static int parse_optimize(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	enum objective obj;
	char lower[32];
	size_t i;

	if (a->n < 2)
		return cmd_fail(err, errlen, "optimize needs an objective (f1, mcc, cost, ...)");
	for (i = 0; a->w[1][i] && i < sizeof lower - 1; i++)
		lower[i] = (char)tolower((unsigned char)a->w[1][i]);
	lower[i] = '\0';
	if (optimize_parse(lower, &obj) < 0)
		return cmd_fail(err, errlen, "unknown objective '%.30s' (f1, fbeta, mcc, youden, accuracy, balanced_accuracy, precision, recall, cost)", a->w[1]);
	c->spec = optimize_defaults(obj);
	c->objective = optimize_names[obj];
	for (i = 2; i < a->n; i++) {
		if (strncasecmp(a->w[i], "beta=", 5) == 0) {
			if (obj != OBJ_FBETA || cmd_number(a->w[i] + 5, &c->spec.beta) < 0 || !(c->spec.beta > 0))
				return cmd_fail(err, errlen, "beta=B (positive) goes with fbeta");
		} else if (strcasecmp(a->w[i], "where") == 0) {
			/* the rest of the line, spaces and all */
			return constraints(a->line + (a->w[i] - a->buf) + 5, &c->spec, err, errlen);
		} else {
			return cmd_fail(err, errlen, "after the objective: beta=B or where CONSTRAINTS, not '%.30s'", a->w[i]);
		}
	}
	return 0;
}

static enum cmd_effect apply_optimize(struct view *v, const struct cmd *c)
{
	struct optimize_spec spec = c->spec;
	struct optimum best;
	char t[40], a[40];

	if (spec.objective == OBJ_COST) {
		if (!v->costs) {
			view_say(v, true, "set the costs first: cost fp=A fn=B");
			return EFFECT_NONE;
		}
		spec.cost_fp = v->cost_fp;
		spec.cost_fn = v->cost_fn;
	}
	if (optimize_run(view_current(v)->sw, &spec, &best) < 0) {
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

static void complete_optimize(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			      void *arg)
{
	static const char *const where[] = { "where", "recall>=", "precision>=", "fpr<=", "flagged<=", "flag_rate<=", NULL };
	size_t i;

	(void)v;
	if (n > 1) {
		cmd_offer(where, prefix, add, arg);
		return;
	}
	for (i = 0; i < OBJ_COUNT; i++)
		if (strncmp(optimize_names[i], prefix, strlen(prefix)) == 0)
			add(arg, optimize_names[i]);
}

/* cost fp=A fn=B [unit=TEXT] */
static int parse_cost(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	size_t i;

	c->cost_fp = c->cost_fn = NAN;
	for (i = 1; i < a->n; i++) {
		const char *w = a->w[i];

		if (strncasecmp(w, "fp=", 3) == 0 && cmd_number(w + 3, &c->cost_fp) == 0 && c->cost_fp >= 0 &&
		    c->cost_fp <= 1e100)
			continue;
		if (strncasecmp(w, "fn=", 3) == 0 && cmd_number(w + 3, &c->cost_fn) == 0 && c->cost_fn >= 0 &&
		    c->cost_fn <= 1e100)
			continue;
		if (strncasecmp(w, "unit=", 5) == 0) {
			snprintf(c->unit, sizeof c->unit, "%s", w + 5);
			c->has_unit = true;
			continue;
		}
		return cmd_fail(err, errlen, "cost takes fp=A fn=B (numbers from 0 to 1e100) and unit=TEXT");
	}
	if (isnan(c->cost_fp) || isnan(c->cost_fn))
		return cmd_fail(err, errlen, "cost needs both fp=A and fn=B");
	return 0;
}

static enum cmd_effect apply_cost(struct view *v, const struct cmd *c)
{
	char a[40], b[40];

	const struct sweep *sw = view_current(v)->sw;

	costview_set(v, c->cost_fp, c->cost_fn);
	/* typed, but shown on every redraw: escaped once here */
	if (c->has_unit)
		text_escape(v->cost_unit, sizeof v->cost_unit, c->unit, strlen(c->unit), 15);
	/* a side priced row by row (--cost-fp-col, --cost-fn-col) keeps its rows' costs */
	view_say(v, false, "a false alarm costs %s, a miss %s",
		 sw->fp_cost != NULL ? "each row's own" : fmt_money(a, sizeof a, c->cost_fp, v->cost_unit),
		 sw->fn_cost != NULL ? "each row's own" : fmt_money(b, sizeof b, c->cost_fn, v->cost_unit));
	return EFFECT_NONE;
}

static void complete_cost(const struct view *v, size_t n, const char *prefix, void (*add)(void *, const char *),
			  void *arg)
{
	static const char *const costs[] = { "fp=", "fn=", "unit=", NULL };

	(void)v, (void)n;
	cmd_offer(costs, prefix, add, arg);
}

static int parse_budget(const struct cmd_words *a, struct cmd *c, char *err, size_t errlen)
{
	if (a->n == 2 && strcasecmp(a->w[1], "off") == 0)
		return 0;
	if (a->n != 2 || cmd_number(a->w[1], &c->value) < 0 ||
	    !(c->value >= 1 && c->value == floor(c->value) && c->value <= 9007199254740992.0))
		return cmd_fail(err, errlen, "budget takes how many can be reviewed (a whole number, 1 or more), or off");
	return 0;
}

static enum cmd_effect apply_budget(struct view *v, const struct cmd *c)
{
	const struct view_model *m = view_current(v);
	double flagged = view_set_budget(v, c->value), next;
	size_t k = m->k;
	char t[40], a[40], f[40], s[40], x[40];

	if (!(c->value > 0)) {
		view_say(v, false, "no capacity marked");
		return EFFECT_NONE;
	}
	next = k < m->sw->n ? view_flagged(m, k + 1) : flagged;
	fmt_count(t, sizeof t, c->value);
	fmt_exact(a, sizeof a, m->threshold);
	fmt_count(f, sizeof f, flagged);
	/* "ties" only where the next score holds several rows; weighted
	 * (a prevalence), one row may weigh more than the room left */
	if (flagged < c->value && next > c->value)
		view_say(v, false, !m->sw->weighted && next - flagged > 1
					   ? "capacity %s: threshold %s flags %s; ties at %s would make it %s"
					   : "capacity %s: threshold %s flags %s; the next score (%s) would make it %s",
			 t, a, f, fmt_exact(s, sizeof s, m->sw->score[k]), fmt_count(x, sizeof x, next));
	else
		view_say(v, false, "capacity %s: threshold %s flags %s", t, a, f);
	return EFFECT_NONE;
}


const struct cmd_entry cmdmove_threshold = {
	"threshold", "t",
	"threshold X | CLASS=X",
	"move the threshold to X (inf: flag nothing); with --multiclass, CLASS=X moves that class's",
	parse_threshold, apply_threshold, complete_threshold
};

const struct cmd_entry cmdmove_pin = {
	"pin", NULL,
	"pin X|off",
	"a baseline threshold (today's policy): P on the slider, the plain words compare with it",
	parse_pin, apply_pin, cmd_complete_off
};

const struct cmd_entry cmdmove_band = {
	"band", NULL,
	"band LOW HIGH | band precision=P npv=Q | band off",
	"a review band: L and H on the slider (Tab, then the arrows, move them), its table in the matrix's place",
	parse_band, apply_band, NULL
};

const struct cmd_entry cmdmove_class = {
	"class", NULL,
	"class NAME|N",
	"with --multiclass: show another class against the rest",
	parse_model, apply_class, complete_class
};

const struct cmd_entry cmdmove_step = {
	"step", NULL,
	"step value|rank",
	"slide and step by score value or by rank",
	parse_step, apply_step, complete_step
};

const struct cmd_entry cmdmove_model = {
	"model", "m",
	"model NAME|N",
	"show another model (score column)",
	parse_model, apply_model, complete_model
};

const struct cmd_entry cmdmove_optimize = {
	"optimize", "opt",
	"optimize OBJ [beta=B] [where recall>=R precision>=P fpr<=F flagged<=N flag_rate<=S]",
	"go to the best threshold for f1 fbeta mcc youden accuracy balanced_accuracy precision recall cost",
	parse_optimize, apply_optimize, complete_optimize
};

const struct cmd_entry cmdmove_cost = {
	"cost", NULL,
	"cost fp=A fn=B [unit=TEXT]",
	"what a false alarm and a miss cost",
	parse_cost, apply_cost, complete_cost
};

const struct cmd_entry cmdmove_budget = {
	"budget", NULL,
	"budget N|off",
	"review capacity: mark it on the slider and flag at most N",
	parse_budget, apply_budget, cmd_complete_off
};
