/*
 * fuzz_cmd: any line as a command of the ':' line: parsed, applied to a
 * small explorer state, completed, and the screen drawn after it.
 */
#include "app/cmd.h"
#include "ui/grid.h"
#include "ui/panels.h"
#include "core/stats/sweep.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void add(void *arg, const char *w)
{
	(void)arg;
	(void)w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sweep sw;
	static int ready;
	struct view_model models[1];
	struct view v;
	struct cmd c;
	char line[600], err[512];
	size_t n = size < sizeof line - 1 ? size : sizeof line - 1;

	if (!ready) {
		double pos[] = { 0.4, 0.9, 0.8 }, neg[] = { 0.1, 0.7, 0.2, 0.4 };

		sweep_build(&sw, pos, NULL, 3, neg, NULL, 4);
		ready = 1;
	}
	memcpy(line, data, n);
	line[n] = '\0';
	memset(&v, 0, sizeof v);
	models[0] = (struct view_model){ .name = "m", .sw = &sw, .threshold = 0.5 };
	v.models = models;
	v.n_models = 1;
	v.file = "f.csv";
	v.pos_words = "positive";
	v.neg_words = "negative";
	view_init(&v);
	if (cmd_parse(line, &c, err, sizeof err) == 0) {
		struct grid *g = grid_new(80, 24);
		struct screen scr;

		if (cmd_apply(&v, &c) == EFFECT_BOOTSTRAP) {
			/* as --batch runs it, with few resamples */
			struct optimize_spec spec;
			struct boot_options bo;
			struct boot_result res;

			if (view_boot_options(&v, c.value < 20 ? (size_t)c.value : 20, &spec, &bo) == 0)
				view_boot_done(&v, v.model, &res, &bo, boot_run(view_current(&v)->sw, &bo, &res));
		}
		memset(&scr, 0, sizeof scr);
		panels_draw(g, &scr, &v);
		panels_free(&scr);
		grid_free(g);
	}
	cmd_complete(&v, line, line + n / 2, add, NULL);
	view_free(&v); /* :prevalence builds sweeps the view owns */
	return 0;
}
