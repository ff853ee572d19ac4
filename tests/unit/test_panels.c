/*
 * test_panels: the explorer's screen as text.  Golden files under
 * tests/golden/ hold whole screens at fixed sizes in each glyph mode;
 * UPDATE_GOLDEN=1 rewrites them (then read the diff before committing).
 * Other tests check that the numbers drawn are the core's numbers.
 */
#include "helpers.h"

#include "ui/canvas.h"
#include "core/stats/metrics.h"
#include "core/base/fmt.h"
#include "options.h"
#include "ui/panels.h"
#include "core/report/report.h"
#include "app/session.h"

#include <locale.h>

static void golden(const char *name, const char *text)
{
	char path[256], *want;
	FILE *f;
	long len;

	snprintf(path, sizeof path, "tests/golden/%s.txt", name);
	if (getenv("UPDATE_GOLDEN") != NULL) {
		f = fopen(path, "w");
		assert_non_null(f);
		fputs(text, f);
		fclose(f);
		return;
	}
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("no golden file %s (run with UPDATE_GOLDEN=1)", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	want = malloc((size_t)len + 1);
	assert_int_equal(fread(want, 1, (size_t)len, f), (size_t)len);
	want[len] = '\0';
	fclose(f);
	if (strcmp(want, text) != 0) {
		fprintf(stderr, "---- %s differs; got:\n%s", path, text);
		free(want);
		fail_msg("%s differs", path);
	}
	free(want);
}

struct fixture {
	struct options o;
	struct session s;
	struct screen scr;
};

static void open_fixture(struct fixture *fx, const char *args)
{
	memset(fx, 0, sizeof *fx);
	session_from_args(&fx->o, &fx->s, args);
}

static void close_fixture(struct fixture *fx)
{
	panels_free(&fx->scr);
	session_close(&fx->s);
	options_free(&fx->o);
}

static char *render(struct fixture *fx, int w, int h)
{
	struct grid *g = grid_new(w, h);
	char *text;

	assert_non_null(g);
	panels_draw(g, &fx->scr, &fx->s.view);
	text = grid_to_text(g);
	grid_free(g);
	return text;
}

static void screen_golden(const char *name, struct fixture *fx, int w, int h)
{
	char *text = render(fx, w, h);

	golden(name, text);
	free(text);
}

static void test_screens(void **state)
{
	struct fixture fx;

	(void)state;
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg,naive_bayes samples/breast_cancer.csv");
	screen_golden("bc_80x24_braille", &fx, 80, 24);
	fx.s.view.glyphs = GLYPHS_ASCII;
	screen_golden("bc_80x24_ascii", &fx, 80, 24);
	fx.s.view.glyphs = GLYPHS_BRAILLE;
	screen_golden("bc_160x50_braille", &fx, 160, 50);
	fx.s.view.glyphs = GLYPHS_ASCII;
	screen_golden("bc_160x50_ascii", &fx, 160, 50);
	/* after moves, with the other model, overlaid, in blocks */
	fx.s.view.glyphs = GLYPHS_BLOCK;
	view_jump(&fx.s.view, BEST_F1);
	view_next_model(&fx.s.view);
	fx.s.view.overlay = true;
	fx.s.view.step = STEP_RANK;
	screen_golden("bc_200x60_block_overlay", &fx, 200, 60);
	fx.s.view.help = true;
	fx.s.view.glyphs = GLYPHS_BRAILLE;
	screen_golden("bc_80x24_help", &fx, 80, 24);
	fx.s.view.help = false;
	screen_golden("too_small", &fx, 50, 15);
	close_fixture(&fx);

	/* logits, one model, plots cycled */
	open_fixture(&fx, "-l is_eight -s logreg_logit samples/digits_is_8.csv");
	fx.s.view.rotation = 2;
	screen_golden("digits_100x30_braille", &fx, 100, 30);
	/* net benefit and calibration need probabilities, and say so */
	fx.s.view.rotation = 5;
	screen_golden("digits_160x50_deploy_logit", &fx, 160, 50);
	close_fixture(&fx);

	/* the deployment views: gains, net benefit, calibration, one at a
	 * time at 80x24 and together at 160x50 */
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg samples/breast_cancer.csv");
	fx.s.view.rotation = 4;
	screen_golden("bc_80x24_gain", &fx, 80, 24);
	fx.s.view.rotation = 5;
	screen_golden("bc_80x24_net_benefit", &fx, 80, 24);
	fx.s.view.rotation = 6;
	screen_golden("bc_80x24_calibration", &fx, 80, 24);
	fx.s.view.glyphs = GLYPHS_ASCII;
	screen_golden("bc_80x24_calibration_ascii", &fx, 80, 24);
	fx.s.view.glyphs = GLYPHS_BRAILLE;
	fx.s.view.rotation = 4;
	view_set_threshold(&fx.s.view, 0.3);
	screen_golden("bc_160x50_deploy", &fx, 160, 50);
	close_fixture(&fx);

	/* groups: the panel in the histogram's place, the ROC marks, and a
	 * strategy with each group's letter on the slider */
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg --group size samples/breast_cancer_groups.csv");
	fx.s.view.rotation = 2;
	screen_golden("groups_80x24", &fx, 80, 24);
	fx.s.view.rotation = 0;
	screen_golden("groups_160x50", &fx, 160, 50);
	{
		struct fairness_spec fs = { FAIR_EQUAL_RECALL, 0.9 };

		view_apply_strategy(&fx.s.view, &fs);
		view_next_group(&fx.s.view);
		view_step(&fx.s.view, +1, STEP_FINE);
	}
	screen_golden("groups_160x50_equal_recall", &fx, 160, 50);
	close_fixture(&fx);
	/* folds: each fold's best F1 on the slider, the bands on the metrics
	 * plot, and the folds' ROC curves under o */
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg --fold fold samples/breast_cancer_folds.csv");
	fx.s.view.overlay = true;
	screen_golden("folds_160x50", &fx, 160, 50);
	close_fixture(&fx);
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg samples/breast_cancer.csv");
	fx.s.view.rotation = 4;
	view_set_threshold(&fx.s.view, 0.3);
	/* deployed at 0.1%, with a review capacity of 50 */
	assert_int_equal(view_set_prevalence(&fx.s.view, 0.001), 0);
	view_set_budget(&fx.s.view, 50);
	fx.s.view.rotation = 0;
	screen_golden("bc_100x30_prevalence", &fx, 100, 30);
	fx.s.view.stakeholder = true;
	screen_golden("bc_100x30_prevalence_words", &fx, 100, 30);
	close_fixture(&fx);
}

static void test_canvas_glyphs(void **state)
{
	static const enum glyphs modes[3] = { GLYPHS_BRAILLE, GLYPHS_BLOCK, GLYPHS_ASCII };
	static const char *const names[3] = { "canvas_braille", "canvas_block", "canvas_ascii" };
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct canvas c;
		struct grid *g = grid_new(12, 5);
		char *text;

		assert_int_equal(canvas_init(&c, 12, 5, modes[i]), 0);
		canvas_line(&c, 0, c.h - 1, c.w - 1, 0, ST_CURVE, DASH_SOLID);
		canvas_line(&c, 0, c.h / 2, c.w - 1, c.h / 2, ST_BASELINE, DASH_DOTTED);
		canvas_dot(&c, 1, 0, ST_CURVE2);
		canvas_blit(&c, g, 0, 0);
		text = grid_to_text(g);
		golden(names[i], text);
		free(text);
		grid_free(g);
		canvas_free(&c);
	}
}

/* Finds "TAG   count" on the screen and returns the count. */
static double screen_count(const char *text, const char *tag)
{
	const char *p = strstr(text, tag);
	char digits[32];
	size_t n = 0;

	assert_non_null(p);
	p += strlen(tag);
	while (*p == ' ')
		p++;
	while ((*p >= '0' && *p <= '9') || *p == ',') {
		if (*p != ',')
			digits[n++] = *p;
		p++;
	}
	digits[n] = '\0';
	return strtod(digits, NULL);
}

static void screen_metric(const char *text, const char *label, const char *want)
{
	const char *p = strstr(text, label);
	char got[16];
	size_t n = 0;

	if (p == NULL)
		fail_msg("no '%s' on screen", label);
	p += strlen(label);
	while (*p == ' ')
		p++;
	while (*p && *p != ' ' && *p != '\n' && n < sizeof got - 1 && (unsigned char)*p < 0x80)
		got[n++] = *p++;
	got[n] = '\0';
	if (strcmp(got, want) != 0)
		fail_msg("%s: screen %s, report %s", label, got, want);
}

/* At many thresholds, the matrix and metrics drawn are the core's, in the
 * text report's format. */
static void test_numbers_match_core(void **state)
{
	static const struct { const char *label; enum metric m; } ms[] = {
		{ "\nprecision", METRIC_PRECISION }, { "\nrecall", METRIC_RECALL },
		{ "\nspecificity", METRIC_SPECIFICITY }, { "\nNPV", METRIC_NPV }, { "\nFPR", METRIC_FPR },
		{ " F1", METRIC_F1 }, { " accuracy", METRIC_ACCURACY }, { "bal. acc.", METRIC_BALANCED_ACCURACY },
		{ " MCC", METRIC_MCC }, { " flagged", METRIC_PREDICTED_POSITIVE_RATE },
	};
	struct fixture fx;
	size_t k, i;

	(void)state;
	/* every threshold: values below 0.01 take 8 characters ("0.005602") */
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg samples/breast_cancer.csv");
	for (k = 0; k <= fx.s.sweeps[0].n; k++) {
		struct confusion c = sweep_confusion(&fx.s.sweeps[0], k);
		char *text, want[32], *thr_line;

		view_set_k(&fx.s.view, k);
		text = render(&fx, 80, 24);
		assert_true(screen_count(text, "TP") == c.tp);
		assert_true(screen_count(text, "FN") == c.fn);
		assert_true(screen_count(text, "FP") == c.fp);
		assert_true(screen_count(text, "TN") == c.tn);
		for (i = 0; i < sizeof ms / sizeof ms[0]; i++)
			screen_metric(text, ms[i].label, fmt_rate(want, sizeof want, metrics_value(ms[i].m, &c)));
		screen_metric(text, "ROC AUC", fmt_rate(want, sizeof want, fx.s.sweeps[0].roc_auc));
		/* the threshold shown is exact, so --report -t gives the same */
		thr_line = strstr(text, "threshold ");
		assert_non_null(thr_line);
		screen_metric(thr_line, "threshold", fmt_exact(want, sizeof want, fx.s.view.models[0].threshold));
		free(text);
	}
	close_fixture(&fx);
}

/* The arrows' colours say better or worse, not up or down: raising the
 * threshold lowers FPR (better: green) and recall (worse: red). */
static void test_arrow_colours(void **state)
{
	struct fixture fx;
	struct grid *g = grid_new(80, 24);
	int y, a, found = 0;

	(void)state;
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg samples/breast_cancer.csv");
	view_set_threshold(&fx.s.view, 0.3);
	view_set_threshold(&fx.s.view, 0.7);
	panels_draw(g, &fx.scr, &fx.s.view);
	for (y = fx.scr.lay.metrics.y; y < fx.scr.lay.metrics.y + fx.scr.lay.metrics.h; y++) {
		const struct cell *row = &g->cells[(size_t)y * (size_t)g->w + (size_t)fx.scr.lay.metrics.x];

		for (a = 0; a < 23; a++) {
			if (row[a].ch != 0x25BC) /* an arrow down */
				continue;
			if (row[0].ch == 'F' && row[1].ch == 'P') {
				assert_int_equal(row[a].style, ST_UP);
				found |= 1;
			}
			if (row[0].ch == 'r' && row[1].ch == 'e') {
				assert_int_equal(row[a].style, ST_DOWN);
				found |= 2;
			}
		}
	}
	assert_int_equal(found, 3);
	grid_free(g);
	close_fixture(&fx);
}

/* Scores from -1e308 to 1e308: a range wider than a double.  Every plot,
 * every step mode and the slider draw without a NaN or an overflow turned
 * into a column (the sanitizer build checks float-to-int casts). */
static void test_widest_range(void **state)
{
	char path[] = "/tmp/cutoff-span-XXXXXX", args[128];
	const char *csv = "label,score\n1,1e308\n0,-1e308\n1,1e307\n0,-1e307\n1,0\n0,5e-324\n";
	struct fixture fx;
	struct grid *g = grid_new(160, 50);
	int fd = mkstemp(path), r;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	snprintf(args, sizeof args, "%s", path);
	open_fixture(&fx, args);
	unlink(path);
	for (r = 0; r < 8; r++) {
		fx.s.view.rotation = r % 4;
		fx.s.view.step = r < 4 ? STEP_VALUE : STEP_RANK;
		view_step(&fx.s.view, r % 2 ? +1 : -1, STEP_LARGE);
		panels_draw(g, &fx.scr, &fx.s.view);
	}
	assert_true(fx.s.sweeps[0].roc_auc > 0.5);
	grid_free(g);
	close_fixture(&fx);
}

static void test_hostile_names(void **state)
{
	const char *csv = "\x1b]0;owned\x07,\xff\xfe\n1,0.9\n0,0.2\n";
	char path[] = "/tmp/cutoff-\x1b[2J-XXXXXX";
	struct fixture fx;
	char *text, args[256];
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	snprintf(args, sizeof args, "-l 1 -s 2 %s", path);
	open_fixture(&fx, args);
	text = render(&fx, 100, 30);
	unlink(path);
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\x07'));
	assert_non_null(strstr(text, "\\x1b[2J"));
	assert_non_null(strstr(text, "\\xff\\xfe"));
	free(text);
	close_fixture(&fx);
}

/* Clicks map to thresholds on the slider and on every kind of plot. */
static void test_hits(void **state)
{
	struct fixture fx;
	struct grid *g = grid_new(200, 60);
	const struct sweep *sw;
	size_t k;
	int i, seen = 0;

	(void)state;
	open_fixture(&fx, "-p malignant -l diagnosis -s logreg samples/breast_cancer.csv");
	sw = &fx.s.sweeps[0];
	panels_draw(g, &fx.scr, &fx.s.view);
	/* the slider: its left end flags everything, its right end nothing */
	assert_int_equal(panels_hit(&fx.scr, &fx.s.view, 1, fx.scr.lay.slider.y + 1, &k), HIT_SLIDER);
	assert_int_equal(k, sw->n);
	assert_int_equal(panels_hit(&fx.scr, &fx.s.view, 198, fx.scr.lay.slider.y + 1, &k), HIT_SLIDER);
	assert_int_equal(k, 0);
	/* the tables are not clickable */
	assert_int_equal(panels_hit(&fx.scr, &fx.s.view, 5, fx.scr.lay.matrix.y + 3, &k), HIT_NONE);
	for (i = 0; i < fx.scr.lay.n_plots; i++) {
		const struct plot_cache *pc = &fx.scr.cache[i];
		struct rect a = pc->area;

		assert_true(pc->valid);
		switch (pc->kind) {
		case PLOT_ROC:
			/* top left corner: (fpr 0, tpr 1): few false alarms, all caught */
			assert_int_equal(panels_hit(&fx.scr, &fx.s.view, a.x, a.y, &k), HIT_PLOT);
			{
				struct confusion c = sweep_confusion(sw, k);

				assert_true(c.fp / sw->neg < 0.1 && c.tp / sw->pos > 0.9);
			}
			seen |= 1;
			break;
		case PLOT_PR:
			/* bottom right: recall 1 */
			assert_int_equal(panels_hit(&fx.scr, &fx.s.view, a.x + a.w - 1, a.y + a.h - 1, &k), HIT_PLOT);
			assert_true(sweep_confusion(sw, k).fn == 0);
			seen |= 2;
			break;
		case PLOT_HIST:
			/* the middle of the score axis */
			assert_int_equal(panels_hit(&fx.scr, &fx.s.view, a.x + (a.w - 1) / 2, a.y + 1, &k), HIT_PLOT);
			assert_int_equal(k, sweep_index(sw, sw->min + (double)((a.w - 1) / 2) / (a.w - 1) * (sw->max - sw->min)));
			seen |= 4;
			break;
		default:
			assert_int_equal(panels_hit(&fx.scr, &fx.s.view, a.x, a.y, &k), HIT_PLOT);
			assert_int_equal(k, sw->n); /* the left end flags everything */
			seen |= 8;
			break;
		}
	}
	assert_int_equal(seen, 15);
	grid_free(g);
	close_fixture(&fx);
}

/* Wide (CJK) and combining characters in names keep the columns where
 * they belong: a wide character takes two cells, a combining mark none. */
static void test_wide_names(void **state)
{
	const char *csv = "\xe6\xa0\x87\xe7\xad\xbe,e\xcc\x81score\n\xe8\x89\xaf\xe6\x80\xa7,0.9\nok,0.2\n\xe8\x89\xaf\xe6\x80\xa7,0.4\n";
	char path[] = "/tmp/cutoff-wide-XXXXXX", args[128];
	struct fixture fx;
	struct grid *g = grid_new(100, 30);
	int fd = mkstemp(path), tp_x = -1, x;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	snprintf(args, sizeof args, "-l 1 -s 2 -p ok %s", path);
	open_fixture(&fx, args);
	unlink(path);
	panels_draw(g, &fx.scr, &fx.s.view);
	/* the FP tag of the row named by the two-cell-wide class sits at the
	 * same column as every other tag */
	for (x = 0; x + 1 < g->w; x++)
		if (g->cells[(size_t)(fx.scr.lay.matrix.y + 5) * (size_t)g->w + (size_t)x].ch == 'F' &&
		    g->cells[(size_t)(fx.scr.lay.matrix.y + 5) * (size_t)g->w + (size_t)x + 1].ch == 'P')
			tp_x = x;
	assert_int_equal(tp_x, fx.scr.lay.matrix.x + 10);
	/* the class name: two wide characters, each followed by its tail */
	assert_int_equal(g->cells[(size_t)(fx.scr.lay.matrix.y + 5) * (size_t)g->w].ch, 0x826F);
	assert_int_equal(g->cells[(size_t)(fx.scr.lay.matrix.y + 5) * (size_t)g->w + 1].ch, GRID_WIDE_TAIL);
	/* the score's name keeps its combining accent out of the cells */
	assert_int_equal(grid_text_width("e\xcc\x81score"), 6);
	grid_free(g);
	close_fixture(&fx);
}

/* Text cut in the middle keeps both ends: names that differ only at the
 * end stay apart; wide characters across the cut go whole. */
static void test_text_mid(void **state)
{
	struct grid *g = grid_new(40, 2);
	char *t;

	(void)state;
	assert_int_equal(grid_text_mid(g, 0, 0, "churn_model_calibrated_prob_v1", ST_NORMAL, 24, '~'), 24);
	assert_int_equal(grid_text_mid(g, 0, 1, "churn_model_calibrated_prob_v2", ST_NORMAL, 24, '~'), 24);
	t = grid_to_text(g);
	assert_string_equal(t, "churn_model~ated_prob_v1\nchurn_model~ated_prob_v2\n");
	free(t);
	grid_clear(g);
	/* fits: drawn whole */
	assert_int_equal(grid_text_mid(g, 0, 0, "short", ST_NORMAL, 24, '~'), 5);
	/* wide characters: never half of one */
	assert_true(grid_text_mid(g, 0, 1, "\xe8\x89\xaf\xe8\x89\xaf\xe8\x89\xaf\xe8\x89\xaf\xe8\x89\xaf", ST_NORMAL, 7, '~') <= 7);
	grid_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_names),
		cmocka_unit_test(test_hits),
		cmocka_unit_test(test_screens),
		cmocka_unit_test(test_canvas_glyphs),
		cmocka_unit_test(test_numbers_match_core),
		cmocka_unit_test(test_arrow_colours),
		cmocka_unit_test(test_widest_range),
		cmocka_unit_test(test_hostile_names),
		cmocka_unit_test(test_text_mid),
	};

	/* widths as in a UTF-8 terminal */
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
