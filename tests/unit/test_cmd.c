/* test_cmd: the command language: parsing, errors, effects, completion;
 * and the stakeholder view's natural frequencies. */
#include "helpers.h"

#include "app/cmd.h"
#include "core/report/explain.h"
#include "core/base/fmt.h"

static char err[512];

static void parses(const char *line, struct cmd *c)
{
	if (cmd_parse(line, c, err, sizeof err) < 0)
		fail_msg("'%s': %s", line, err);
}

static void rejects(const char *line, const char *part)
{
	struct cmd c;

	if (cmd_parse(line, &c, err, sizeof err) == 0)
		fail_msg("'%s' accepted", line);
	if (strstr(err, part) == NULL)
		fail_msg("'%s': '%s' lacks '%s'", line, err, part);
}

static void test_parse_each_command(void **state)
{
	struct cmd c;

	(void)state;
	parses("", &c);
	assert_null(c.entry);
	parses("   ", &c);
	assert_null(c.entry);
	parses("threshold 0.37", &c);
	assert_ptr_equal(c.entry, &cmdmove_threshold);
	assert_true(c.value == 0.37);
	parses("  T   1e-3  ", &c);
	assert_true(c.entry == &cmdmove_threshold && c.value == 0.001);
	parses("t inf", &c);
	assert_true(isinf(c.value));
	parses("step rank", &c);
	assert_true(c.entry == &cmdmove_step && c.step == STEP_RANK);
	parses("STEP Value", &c);
	assert_true(c.step == STEP_VALUE);
	parses("model naive bayes", &c);
	assert_true(c.entry == &cmdmove_model);
	assert_string_equal(c.text, "naive bayes");
	parses("m 2", &c);
	assert_string_equal(c.text, "2");
	parses("optimize f1", &c);
	assert_true(c.entry == &cmdmove_optimize && c.spec.objective == OBJ_F1 && isnan(c.spec.min_recall));
	parses("opt F1 where recall>=0.9", &c);
	assert_true(c.spec.min_recall == 0.9);
	parses("opt mcc where recall >= 0.5 and precision>=0.8, fpr <= 0.01", &c);
	assert_true(c.spec.min_recall == 0.5 && c.spec.min_precision == 0.8 && c.spec.max_fpr == 0.01);
	parses("optimize fbeta beta=2", &c);
	assert_true(c.spec.objective == OBJ_FBETA && c.spec.beta == 2);
	parses("cost fp=5 fn=200", &c);
	assert_true(c.entry == &cmdmove_cost && c.cost_fp == 5 && c.cost_fn == 200 && !c.has_unit);
	parses("cost FN=1.5 fp=0 unit=$", &c);
	assert_true(c.cost_fn == 1.5 && c.cost_fp == 0 && c.has_unit);
	assert_string_equal(c.unit, "$");
	parses("names fraud, legit ", &c);
	assert_string_equal(c.names[0], "fraud");
	assert_string_equal(c.names[1], " legit");
	parses("explain", &c);
	assert_ptr_equal(c.entry, &cmdview_explain);
	parses("e", &c);
	assert_ptr_equal(c.entry, &cmdview_explain);
	parses("export", &c);
	assert_true(c.entry == &cmdview_export && !c.has_file && c.format == EXPORT_MD);
	parses("x snap.json", &c);
	assert_true(c.has_file && c.format == EXPORT_JSON);
	assert_string_equal(c.text, "snap.json");
	parses("export out.dat txt", &c);
	assert_true(c.format == EXPORT_TXT);
	parses("export json", &c);
	assert_true(!c.has_file && c.format == EXPORT_JSON);
	parses("set mono", &c);
	assert_true(c.entry == &cmdview_set && c.set == SET_MONO);
	parses("set ASCII", &c);
	assert_true(c.set == SET_ASCII);
	parses("help", &c);
	assert_true(c.entry == &cmdview_help && c.text[0] == '\0');
	parses("help opt", &c);
	assert_string_equal(c.text, "optimize");
	parses("q", &c);
	assert_ptr_equal(c.entry, &cmdview_quit);
	parses("QUIT", &c);
	assert_ptr_equal(c.entry, &cmdview_quit);
}

static void test_parse_errors(void **state)
{
	(void)state;
	rejects("frobnicate", "unknown command 'frobnicate'");
	rejects("\x1b[2Jx", "unknown command '\\x1b[2Jx'");
	rejects("threshold", "threshold needs a number");
	rejects("threshold abc", "threshold needs a number");
	rejects("t 0.5 0.6", "threshold needs a number");
	rejects("step sideways", "step takes value or rank");
	rejects("model", "model needs a name");
	rejects("optimize", "optimize needs an objective");
	rejects("optimize auc", "unknown objective 'auc'");
	rejects("opt f1 beta=2", "beta=B (positive) goes with fbeta");
	rejects("opt fbeta beta=-1", "beta=B (positive)");
	rejects("opt f1 where recall>0.9", "constraints look like");
	rejects("opt f1 where recall>=1.5", "not between 0 and 1");
	rejects("opt f1 where auc>=0.5", "unknown constraint 'auc>='");
	rejects("opt f1 where fpr>=0.5", "unknown constraint 'fpr>='");
	rejects("opt f1 please", "after the objective");
	rejects("cost fp=5", "cost needs both fp=A and fn=B");
	rejects("cost fp=-1 fn=2", "numbers from 0 to 1e100");
	rejects("cost fp=a fn=2", "numbers from 0 to 1e100");
	rejects("names fraud", "names takes POSITIVE,NEGATIVE");
	rejects("names ,legit", "names takes POSITIVE,NEGATIVE");
	rejects("export a b", "export takes one FILE");
	rejects("set blink", "set takes ascii, unicode, color, mono, linear, logfpr, linfpr or conf L");
	rejects("set conf 1", "set conf takes a level between 0 and 1");
	rejects("help nope", "no command 'nope'");
	rejects("quit now", "quit takes nothing");
}

static struct sweep sw1, sw2;
static struct view_model models[2];
static struct view v;

static void make_view(void)
{
	double pos[] = { 0.4, 0.9, 0.8 };
	double neg[] = { 0.1, 0.7, 0.2, 0.4 };

	assert_int_equal(sweep_build(&sw1, pos, NULL, 3, neg, NULL, 4), 0);
	assert_int_equal(sweep_build(&sw2, neg, NULL, 4, pos, NULL, 3), 0);
	memset(&v, 0, sizeof v);
	memset(models, 0, sizeof models);
	models[0] = (struct view_model){ .name = "good", .sw = &sw1, .threshold = 0.5 };
	models[1] = (struct view_model){ .name = "bad model", .sw = &sw2, .threshold = 0.5 };
	v.models = models;
	v.n_models = 2;
	v.pos_words = "positive";
	v.neg_words = "negative";
	view_init(&v);
	view_find_optima(&v);
}

static enum cmd_effect run(const char *line)
{
	struct cmd c;

	parses(line, &c);
	return cmd_apply(&v, &c);
}

static void test_apply(void **state)
{
	(void)state;
	make_view();
	assert_int_equal(run("t 0.75"), EFFECT_NONE);
	assert_true(models[0].threshold == 0.75 && models[0].k == 2);
	assert_string_equal(v.message, "threshold 0.75");
	run("opt f1");
	assert_true(models[0].threshold == 0.8);
	assert_string_equal(v.message, "best f1: 0.8000 at threshold 0.8");
	run("opt f1 where recall>=1");
	assert_true(models[0].threshold == 0.4);
	run("opt f1 where recall>=1 precision>=1");
	assert_true(v.message_is_error);
	assert_string_equal(v.message, "no threshold satisfies that for f1");
	assert_true(models[0].threshold == 0.4); /* unchanged */
	run("opt cost");
	assert_string_equal(v.message, "set the costs first: cost fp=A fn=B");
	run("cost fp=1 fn=10 unit=EUR");
	assert_true(v.costs && models[0].best[BEST_COST] == 4 && models[1].best[BEST_COST] != VIEW_NONE);
	assert_string_equal(v.cost_unit, "EUR");
	assert_string_equal(v.message, "a false alarm costs 1 EUR, a miss 10 EUR");
	run("opt cost");
	assert_false(v.message_is_error);
	/* a cost is money: the unit, no stray decimal point ("4325.") */
	assert_non_null(strstr(v.message, " EUR at threshold 0.4"));
	assert_null(strstr(v.message, ". EUR"));
	run("cost fp=2500 fn=0.5 unit=$");
	assert_string_equal(v.message, "a false alarm costs $2,500, a miss $0.5");
	run("cost fp=1 fn=10 unit=EUR");
	assert_true(models[0].threshold == 0.4);
	run("model bad model");
	assert_int_equal(v.model, 1);
	run("model 1");
	assert_int_equal(v.model, 0);
	run("model GOOD");
	assert_int_equal(v.model, 0);
	run("model x");
	assert_true(v.message_is_error);
	assert_string_equal(v.message, "no model named x");
	run("step rank");
	assert_int_equal(v.step, STEP_RANK);
	run("names spam,ham");
	assert_string_equal(v.pos_words, "spam");
	assert_string_equal(v.neg_words, "ham");
	assert_int_equal(run("explain"), EFFECT_DISPLAY);
	assert_true(v.stakeholder);
	assert_int_equal(run("set ascii"), EFFECT_DISPLAY);
	assert_int_equal(v.glyphs, GLYPHS_ASCII);
	run("set mono");
	assert_false(v.color);
	assert_int_equal(run("export"), EFFECT_EXPORT);
	/* help opens the box: one command, or all of them */
	run("help threshold");
	assert_true(v.help);
	assert_int_equal(v.help_what, 0);
	assert_string_equal(cmd_table[v.help_what]->name, "threshold");
	v.help_top = 3;
	run("help");
	assert_true(v.help && v.help_what == HELP_COMMANDS && v.help_top == 0);
	v.help = false;
	/* :invert waits for a running bootstrap (its thread reads the sweep);
	 * afterwards it drops the band, whose thresholds had the other sign */
	{
		bool was = view_current(&v)->sw->inverted;

		v.booting = 100;
		run("invert");
		assert_true(v.message_is_error && strstr(v.message, "bootstrap is running") != NULL);
		assert_true(view_current(&v)->sw->inverted == was);
		v.booting = 0;
		v.has_band = true;
		v.band_model = v.model;
		run("invert");
		assert_true(view_current(&v)->sw->inverted != was && !v.has_band);
		run("invert");
	}
	assert_int_equal(run("quit"), EFFECT_QUIT);
	sweep_free(&sw1);
	sweep_free(&sw2);
}

static char got[32][64];
static size_t n_got;

static void collect(void *arg, const char *word)
{
	(void)arg;
	if (n_got < sizeof got / sizeof got[0])
		snprintf(got[n_got++], sizeof got[0], "%s", word);
}

static void complete(const char *before, const char *prefix)
{
	n_got = 0;
	cmd_complete(&v, before, prefix, collect, NULL);
}

static void test_complete(void **state)
{
	(void)state;
	make_view();
	complete("", "o");
	assert_int_equal(n_got, 1);
	assert_string_equal(got[0], "optimize");
	complete("", "");
	assert_int_equal(n_got, cmd_count);
	complete("optimize ", "b");
	assert_int_equal(n_got, 1);
	assert_string_equal(got[0], "balanced_accuracy");
	complete("opt f1 ", "w");
	assert_string_equal(got[0], "where");
	complete("opt f1 where ", "re");
	assert_string_equal(got[0], "recall>=");
	complete("model ", "b");
	assert_string_equal(got[0], "bad model");
	complete("step ", "");
	assert_int_equal(n_got, 2);
	complete("set ", "m");
	assert_string_equal(got[0], "mono");
	complete("export ", "j");
	assert_string_equal(got[0], "json");
	complete("help ", "ex");
	assert_int_equal(n_got, 2); /* explain, export */
	complete("bogus ", "");
	assert_int_equal(n_got, 0);
	sweep_free(&sw1);
	sweep_free(&sw2);
}

static void test_per_thousand(void **state)
{
	struct per_thousand k;
	struct confusion c = { 14.4, 8.7, 974.3, 2.6 }; /* tp fp tn fn */
	uint64_t x = 99;
	int i;

	(void)state;
	explain_per_thousand(&c, &k);
	assert_int_equal(k.tp + k.fn + k.fp + k.tn, 1000);
	assert_true(k.tp == 14 && k.fn == 3 && k.fp == 9 && k.tn == 974);
	for (i = 0; i < 10000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		c.tp = (double)(x % 1000), c.fn = (double)((x >> 10) % 977), c.fp = (double)((x >> 20) % 31);
		c.tn = (double)((x >> 30) % 100000) + 1;
		explain_per_thousand(&c, &k);
		assert_int_equal(k.tp + k.fn + k.fp + k.tn, 1000);
		/* the positives per 1,000 are the prevalence, rounded */
		assert_int_equal(k.tp + k.fn, (long)floor((c.tp + c.fn) / (c.tp + c.fn + c.fp + c.tn) * 1000 + 0.5));
	}
}

static void test_stakeholder_text(void **state)
{
	struct explain_input in;
	char buf[2048], m[32];

	(void)state;
	memset(&in, 0, sizeof in);
	/* 1,000 cases, 17 frauds, 23 flagged of which 14 are fraud */
	in.now = (struct confusion){ 14, 9, 974, 3 };
	in.threshold = 0.5;
	in.pos = "fraud";
	in.neg = "legit";
	in.has_up = 1;
	in.up = (struct confusion){ 13, 7, 976, 4 };
	in.up_threshold = 0.55;
	in.has_costs = 1;
	in.cost = 5 * 9 + 200 * 3;
	in.unit = "$";
	in.has_best = 1;
	in.best_cost = 5 * 30 + 200 * 1;
	in.best_threshold = 0.2;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "Out of every 1,000 cases, about 17 are fraud.\n"));
	assert_non_null(strstr(buf, "At this threshold the model flags 23 of the 1,000: 14 are fraud and 9 are legit (false alarms).\n"));
	assert_non_null(strstr(buf, "It misses 3 of the 17 fraud cases.\n"));
	/* (5*9 + 200*3) = 645 now; 5*30 + 200*1 = 350 at the optimum */
	assert_non_null(strstr(buf, "Mistakes cost about $645 per 1,000 cases; the cheapest threshold (0.2) would cost about $350.\n"));
	assert_non_null(strstr(buf, "One step up (to 0.55): 1 fewer fraud caught, 2 fewer false alarms.\n"));
	assert_null(strstr(buf, "plausibly"));
	/* recall's interval, in words: 14 of 17 at 95% is 59% to 94% (Wilson) */
	in.has_recall_ci = 1;
	in.recall_lo = 0.5898;
	in.recall_hi = 0.9385;
	in.level = 0.95;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "With 17 fraud cases, the share caught could plausibly be anywhere between 59% and 94% (95% interval).\n"));
	in.recall_lo = 0.004;
	in.recall_hi = 0.996;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "anywhere between 0.40% and 99.6% (95% interval)"));
	/* two significant digits, and more until the ends differ */
	in.recall_lo = 0.0125;
	in.recall_hi = 0.0146;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "anywhere between 1.2% and 1.5% (95% interval)"));
	in.recall_lo = 0.01251;
	in.recall_hi = 0.01259;
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "anywhere between 1.25% and 1.26% (95% interval)"));
	/* rare events: out of enough cases that every count said is about 10
	 * (3,000,000 cases, 44,981 positive, 607 caught, 312 false alarms) */
	memset(&in, 0, sizeof in);
	in.now = (struct confusion){ 607, 312, 2954707, 44374 };
	in.pos = "fraud";
	explain_stakeholder(buf, sizeof buf, &in);
	assert_non_null(strstr(buf, "Out of every 100,000 cases, about 1,499 are fraud.\n"));
	assert_non_null(strstr(buf, "flags 30 of the 100,000: 20 are fraud and 10 are not (false alarms)"));
	assert_string_equal(fmt_money(m, sizeof m, 1234.4, "EUR"), "1,234 EUR");
	assert_string_equal(fmt_money(m, sizeof m, 1234.6, ""), "1,235");
}

/* The man page lists every command with its usage and help. */
static void test_man_lists_every_command(void **state)
{
	char *man = man_text();
	size_t i;

	(void)state;
	for (i = 0; i < cmd_count; i++) {
		if (strstr(man, cmd_table[i]->usage) == NULL)
			fail_msg("man page lacks '%s'", cmd_table[i]->usage);
		if (strstr(man, cmd_table[i]->help) == NULL)
			fail_msg("man page lacks '%s'", cmd_table[i]->help);
	}
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_lists_every_command),
		cmocka_unit_test(test_parse_each_command),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_per_thousand),
		cmocka_unit_test(test_stakeholder_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
