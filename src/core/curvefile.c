/*
 * curvefile: --curve's writers: every distinct score's threshold and the
 * curve's two rates, as JSON (one object per model), CSV, Markdown or
 * text; numbers exact (they read back as the same doubles).
 */
#include "core/curvefile.h"

#include "core/fmt.h"
#include "core/report.h"
#include "core/text.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

static void curve_json(FILE *f, const struct report *r, const struct report_model *m,
		       enum curve_kind kind, const char *indent)
{
	const char *xs = kind == CURVE_ROC ? "fpr" : "recall";
	const char *ys = kind == CURVE_ROC ? "tpr" : "precision";
	size_t len = curve_length(m->sw, kind), i;
	int col;

	fprintf(f, "{\n%s  \"file\": ", indent);
	text_json(f, r->file);
	fprintf(f, ",\n%s  \"score\": ", indent);
	text_json(f, m->score);
	fprintf(f, ",\n%s  \"positive\": ", indent);
	text_json(f, r->positive);
	fprintf(f, ",\n%s  \"curve\": \"%s\"", indent, kind == CURVE_ROC ? "roc" : "pr");
	for (col = 0; col < 3; col++) {
		fprintf(f, ",\n%s  \"%s\": [", indent, col == 0 ? "threshold" : col == 1 ? xs : ys);
		for (i = 0; i < len; i++) {
			struct curve_point p = curve_point(m->sw, kind, i);

			if (i > 0)
				fputc(',', f);
			report_json_number(f, col == 0 ? p.threshold : col == 1 ? p.x : p.y);
		}
		fputc(']', f);
	}
	fprintf(f, "\n%s}", indent);
}

void curvefile_write(FILE *f, const struct report *r, enum curve_kind kind, enum report_format fmt)
{
	const char *xs = kind == CURVE_ROC ? "fpr" : "recall";
	const char *ys = kind == CURVE_ROC ? "tpr" : "precision";
	bool multi = r->n_models > 1;
	size_t i, mi;

	if (fmt == FORMAT_JSON) {
		if (!multi) {
			curve_json(f, r, &r->models[0], kind, "");
			fputc('\n', f);
			return;
		}
		fputs("{\n  \"models\": [\n    ", f);
		for (mi = 0; mi < r->n_models; mi++) {
			curve_json(f, r, &r->models[mi], kind, "    ");
			fputs(mi + 1 < r->n_models ? ",\n    " : "\n", f);
		}
		fputs("  ]\n}\n", f);
		return;
	}
	if (fmt == FORMAT_CSV)
		fprintf(f, "%sthreshold,%s,%s\n", multi ? "model," : "", xs, ys);
	else if (fmt == FORMAT_MARKDOWN)
		fprintf(f, "| %sthreshold | %s | %s |\n|%s---:|---:|---:|\n", multi ? "model | " : "", xs,
			ys, multi ? "---|" : "");
	else
		fprintf(f, "%s%-24s %-24s %s\n", multi ? "model                " : "", "threshold", xs, ys);
	for (mi = 0; mi < r->n_models; mi++) {
		const struct report_model *m = &r->models[mi];
		size_t len = curve_length(m->sw, kind);
		char name[200];

		if (fmt == FORMAT_MARKDOWN)
			text_markdown(name, sizeof name, m->score, 40);
		else if (fmt == FORMAT_TEXT)
			text_escape(name, sizeof name, m->score, strlen(m->score), 20);
		for (i = 0; i < len; i++) {
			struct curve_point p = curve_point(m->sw, kind, i);
			char t[40], x[40], y[40];

			fmt_exact(t, sizeof t, p.threshold);
			fmt_exact(x, sizeof x, p.x);
			fmt_exact(y, sizeof y, p.y);
			if (fmt == FORMAT_CSV) {
				if (multi) {
					text_csv(f, m->score);
					fputc(',', f);
				}
				fprintf(f, "%s,%s,%s\n", t, isnan(p.x) ? "" : x, isnan(p.y) ? "" : y);
			} else if (fmt == FORMAT_MARKDOWN) {
				fprintf(f, "| %s%s%s | %s | %s |\n", multi ? name : "", multi ? " | " : "", t, x, y);
			} else {
				if (multi)
					fprintf(f, "%-20s ", name);
				fprintf(f, "%-24s %-24s %s\n", t, x, y);
			}
		}
	}
}
