/*
 * export: a snapshot is the report (for the current model only, at its
 * threshold), the plain-language text, and the ROC and precision-recall
 * plots drawn as text in the current glyphs.
 */
#include "ui/export.h"

#include "core/explain.h"
#include "core/fmt.h"
#include "ui/plot.h"
#include "core/report.h"
#include "core/text.h"
#include <stdint.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void fill_report(const struct view *v, struct report *r, struct report_model *m)
{
	const struct view_model *vm = &v->models[v->model];

	memset(m, 0, sizeof *m);
	m->score = vm->name;
	m->sw = vm->sw;
	m->threshold = vm->threshold;
	memset(r, 0, sizeof *r);
	r->file = v->file;
	r->label = v->label;
	r->positive = v->positive;
	r->negative = v->negative;
	r->pos_words = v->pos_words;
	r->neg_words = v->neg_words;
	r->skipped = v->skipped;
	r->models = m;
	r->n_models = 1;
}

static void plot(FILE *f, const struct view *v, enum plot_kind kind, const char *title, int fence)
{
	char *text = plot_text(v, kind, 64, 22);

	if (text == NULL)
		return;
	fprintf(f, "%s\n\n%s%s%s\n", title, fence ? "```text\n" : "", text, fence ? "```\n" : "");
	free(text);
}

void export_write(FILE *f, const struct view *v, enum export_format fmt)
{
	struct report r;
	struct report_model m;
	char words[2048];

	fill_report(v, &r, &m);
	if (fmt == EXPORT_JSON) {
		report_write(f, &r, FORMAT_JSON);
		return;
	}
	view_stakeholder_text(v, words, sizeof words);
	if (fmt == EXPORT_MD) {
		report_write(f, &r, FORMAT_MARKDOWN);
		fprintf(f, "\n### In plain words\n\n");
		/* Markdown joins lines; keep each sentence on its own line */
		for (const char *p = words; *p;) {
			size_t len = strcspn(p, "\n");
			char line[512], md[2200];

			/* names in the sentences are data: no markup from them */
			snprintf(line, sizeof line, "%.*s", (int)len, p);
			if (len > 0)
				fprintf(f, "%s  \n", text_markdown(md, sizeof md, line, SIZE_MAX));
			else
				fputc('\n', f);
			p += len + (p[len] == '\n');
		}
		fputc('\n', f);
		plot(f, v, PLOT_ROC, "### ROC curve", 1);
		plot(f, v, PLOT_PR, "### Precision-recall curve", 1);
	} else {
		report_write(f, &r, FORMAT_TEXT);
		fprintf(f, "\nIn plain words\n\n%s\n", words);
		plot(f, v, PLOT_ROC, "ROC curve", 0);
		plot(f, v, PLOT_PR, "Precision-recall curve", 0);
	}
}

static const char *extension(enum export_format fmt)
{
	return fmt == EXPORT_JSON ? "json" : fmt == EXPORT_TXT ? "txt" : "md";
}

/* A name for a snapshot: cutoff-MODEL-THRESHOLD[-N].EXT, free in ".". */
static int free_name(const struct view *v, enum export_format fmt, char *out, size_t cap)
{
	const struct view_model *m = &v->models[v->model];
	char base[128], t[40];
	size_t i, o = 0;
	int n;

	fmt_exact(t, sizeof t, m->threshold);
	snprintf(base, sizeof base, "cutoff-%s-%s", m->name, t);
	for (i = 0; base[i] && o < sizeof base - 1; i++) {
		char c = base[i];

		base[o++] = (char)((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
				   c == '.' || c == '-' ? c : '_');
	}
	base[o] = '\0';
	for (n = 1; n < 1000; n++) {
		struct stat st;

		if (n == 1)
			snprintf(out, cap, "%s.%s", base, extension(fmt));
		else
			snprintf(out, cap, "%s-%d.%s", base, n, extension(fmt));
		if (lstat(out, &st) < 0 && errno == ENOENT)
			return 0;
	}
	return -1;
}

int export_file(const struct view *v, const char *path, enum export_format fmt, char *used,
		size_t usedlen, char *err, size_t errlen)
{
	char dir[4096], tmp[sizeof dir + 32];
	const char *slash;
	mode_t mask;
	FILE *f;
	int fd, failed;

	if (path == NULL) {
		if (free_name(v, fmt, used, usedlen) < 0) {
			snprintf(err, errlen, "no free file name for the snapshot here");
			return -1;
		}
	} else {
		snprintf(used, usedlen, "%s", path);
	}
	/* the temporary file beside the target, so that rename is atomic */
	slash = strrchr(used, '/');
	if (slash != NULL)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - used + 1), used);
	else
		dir[0] = '\0';
	snprintf(tmp, sizeof tmp, "%s.cutoff-export-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "cannot write in %s: %s", dir[0] ? dir : "the current folder", strerror(errno));
		return -1;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		snprintf(err, errlen, "cannot write %s: %s", used, strerror(errno));
		return -1;
	}
	export_write(f, v, fmt);
	failed = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
	if (fclose(f) != 0)
		failed = 1;
	if (failed || rename(tmp, used) != 0) {
		snprintf(err, errlen, "cannot write %s: %s", used, strerror(errno ? errno : EIO));
		unlink(tmp);
		return -1;
	}
	return 0;
}
