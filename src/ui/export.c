/*
 * export: a snapshot is the report (for the current model only, at its
 * threshold), the plain-language text, and the ROC and precision-recall
 * plots drawn as text in the current glyphs.
 */
/* realpath(): X/Open */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "ui/export.h"

#include "core/report/explain.h"
#include "core/base/fmt.h"
#include "ui/plot.h"
#include "ui/copy.h"
#include "app/reportview.h"
#include "app/classview.h"
#include "app/bandview.h"
#include "app/rowsview.h"
#include "core/report/reportmc.h"
#include "core/base/text.h"
#include <stdint.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void plot(FILE *f, const struct view *v, enum plot_kind kind, const char *title, int fence)
{
	char *text = plot_text(v, kind, 64, 22);

	if (text == NULL)
		return;
	fprintf(f, "%s\n\n%s%s%s\n", title, fence ? "```text\n" : "", text, fence ? "```\n" : "");
	free(text);
}

/* The plain words (escaped already); in Markdown each sentence on its own
 * line (Markdown joins lines) and no markup from the names in them.  With
 * --multiclass, of the class on screen against the rest. */
static void plain_words(FILE *f, const struct view *v, const char *words, bool md)
{
	char name[200];

	if (v->classes != NULL) {
		if (md)
			text_markdown(name, sizeof name, v->pos_words, 60);
		else
			text_escape(name, sizeof name, v->pos_words, strlen(v->pos_words), 60);
		fprintf(f, md ? "\n### In plain words: %s against the rest\n\n" : "\nIn plain words: %s against the rest\n\n", name);
	} else {
		fputs(md ? "\n### In plain words\n\n" : "\nIn plain words\n\n", f);
	}
	if (!md) {
		fprintf(f, "%s\n", words);
		return;
	}
	for (const char *p = words; *p;) {
		size_t len = strcspn(p, "\n");
		char line[512], out[2200];

		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (len > 0)
			fprintf(f, "%s  \n", text_markdown(out, sizeof out, line, SIZE_MAX));
		else
			fputc('\n', f);
		p += len + (p[len] == '\n');
	}
	fputc('\n', f);
}

/* --multiclass: every class at the view's thresholds, as --report
 * prints them.  0, or -1 when out of memory. */
static int write_classes(FILE *f, const struct view *v, enum report_format fmt)
{
	const char **scores = calloc(v->n_models, sizeof *scores);

	if (scores == NULL)
		return -1;
	for (size_t i = 0; i < v->n_models; i++)
		scores[i] = v->models[i].name;
	reportmc_write(f, &(struct mc_report){ v->file, v->label, v->skipped, (const char *const *)v->class_names, scores,
					       &v->classes->r, NULL, NULL, false }, fmt);
	free(scores);
	return 0;
}

int export_write(FILE *f, const struct view *v, enum export_format fmt)
{
	struct reportview rv;
	struct band band;
	char words[2048];

	if (fmt == EXPORT_TSV) {
		copy_tsv(f, v);
		return 0;
	}
	if (fmt >= EXPORT_ROWS) {
		/* the rows of the panel's cell; the caller built the index */
		if (v->rows == NULL || rowsview_export(f, v->rows, v, fmt == EXPORT_ROWS_SHOWN) < 0) {
			errno = v->rows == NULL ? EINVAL : ENOMEM;
			return -1;
		}
		return 0;
	}

	if (v->classes != NULL) {
		if (write_classes(f, v, fmt == EXPORT_JSON ? FORMAT_JSON : fmt == EXPORT_MD ? FORMAT_MARKDOWN : FORMAT_TEXT) < 0) {
			errno = ENOMEM;
			return -1;
		}
		if (fmt == EXPORT_JSON)
			return 0;
		view_stakeholder_text(v, words, sizeof words);
		plain_words(f, v, words, fmt == EXPORT_MD);
		plot(f, v, PLOT_ROC, fmt == EXPORT_MD ? "### ROC curve" : "ROC curve", fmt == EXPORT_MD);
		plot(f, v, PLOT_PR, fmt == EXPORT_MD ? "### Precision-recall curve" : "Precision-recall curve", fmt == EXPORT_MD);
		return 0;
	}

	/* the report of the model on screen, or with --against both files
	 * side by side with their drift */
	if (reportview_build(&rv, v, REPORTVIEW_ON_SCREEN) < 0) {
		errno = ENOMEM;
		return -1;
	}
	/* the pin and the band on screen go with it, as --baseline and --band print them */
	rv.report.has_baseline = v->pinned;
	rv.report.baseline = v->pin;
	rv.report.costs = v->costs;
	rv.report.cost_fp = v->cost_fp, rv.report.cost_fn = v->cost_fn;
	rv.report.cost_unit = v->cost_unit; /* escaped when :cost set it */
	if (v->band) {
		bandview_at(v, &band);
		rv.models[0].band = &band;
	}
	if (fmt == EXPORT_JSON || fmt == EXPORT_HTML) {
		int rc = 0;

		if (fmt == EXPORT_JSON)
			reportview_write(f, &rv, FORMAT_JSON);
		else
			rc = reportview_html(f, &rv);
		reportview_free(&rv);
		if (rc < 0)
			errno = ENOMEM;
		return rc;
	}
	view_stakeholder_text(v, words, sizeof words);
	if (fmt == EXPORT_MD) {
		reportview_write(f, &rv, FORMAT_MARKDOWN);
		plain_words(f, v, words, true);
		plot(f, v, PLOT_ROC, "### ROC curve", 1);
		plot(f, v, PLOT_PR, "### Precision-recall curve", 1);
	} else {
		reportview_write(f, &rv, FORMAT_TEXT);
		plain_words(f, v, words, false);
		plot(f, v, PLOT_ROC, "ROC curve", 0);
		plot(f, v, PLOT_PR, "Precision-recall curve", 0);
	}
	reportview_free(&rv);
	return 0;
}

static const char *extension(enum export_format fmt)
{
	return fmt == EXPORT_JSON ? "json" : fmt == EXPORT_TXT ? "txt" : fmt == EXPORT_TSV ? "tsv" : fmt == EXPORT_HTML ? "html" :
	       fmt >= EXPORT_ROWS ? "csv" : "md";
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

/* Writes the snapshot beside target and renames it over: readers never
 * see half a file.  An existing file keeps its mode (a 0600 file stays
 * private) and, where allowed, its owner. */
static int replace(const struct view *v, const char *target, const struct stat *old, enum export_format fmt,
		   const char *shown, char *err, size_t errlen)
{
	size_t len = strlen(target);
	char *tmp = malloc(len + 32);
	const char *slash = strrchr(target, '/');
	mode_t mask;
	FILE *f;
	int fd, failed, saved;

	if (tmp == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* the temporary file in the target's folder, so that rename is atomic */
	snprintf(tmp, len + 32, "%.*s.cutoff-export-XXXXXX", slash ? (int)(slash - target + 1) : 0, target);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "cannot write %s: %s", shown, strerror(errno));
		free(tmp);
		return -1;
	}
	if (old != NULL) {
		if (fchown(fd, old->st_uid, old->st_gid) != 0) {
			/* not ours to give away: the mode still holds */
		}
		fchmod(fd, old->st_mode & 07777);
	} else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		free(tmp);
		snprintf(err, errlen, "cannot write %s: %s", shown, strerror(errno));
		return -1;
	}
	/* a snapshot bigger than stdio's buffer fails inside export_write:
	 * keep that errno (EFBIG, ENOSPC), not a later call's */
	errno = 0;
	saved = export_write(f, v, fmt) < 0 || ferror(f) ? errno : 0;
	errno = 0;
	failed = saved != 0 || fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
	if (fclose(f) != 0)
		failed = 1;
	if (failed || rename(tmp, target) != 0) {
		snprintf(err, errlen, "cannot write %s: %s", shown, strerror(saved ? saved : errno ? errno : EIO));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* Writes into a FIFO or a character device (a terminal, /dev/full) in
 * place: there is nothing to replace, and a failed write is reported. */
static int write_into(const struct view *v, const char *path, enum export_format fmt, const char *shown, char *err,
		      size_t errlen)
{
	/* O_NONBLOCK: a FIFO no one reads fails now instead of hanging */
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK), failed, saved;
	FILE *f;

	if (fd < 0) {
		snprintf(err, errlen, "cannot write %s: %s", shown, errno == ENXIO ? "no one reads it" : strerror(errno));
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		snprintf(err, errlen, "cannot write %s: %s", shown, strerror(errno));
		return -1;
	}
	errno = 0;
	saved = export_write(f, v, fmt) < 0 || ferror(f) ? errno : 0; /* as in the replacing write above */
	errno = 0;
	failed = saved != 0 || fflush(f) != 0 || ferror(f);
	if (fclose(f) != 0)
		failed = 1;
	if (failed) {
		snprintf(err, errlen, "cannot write %s: %s", shown, strerror(saved ? saved : errno ? errno : EIO));
		return -1;
	}
	return 0;
}

int export_file(const struct view *v, const char *path, enum export_format fmt, char *used,
		size_t usedlen, char *err, size_t errlen)
{
	struct stat st, lst;
	size_t len;
	int rc;

	if (path == NULL) {
		if (free_name(v, fmt, used, usedlen) < 0) {
			snprintf(err, errlen, "no free file name for the snapshot here");
			return -1;
		}
	} else if (snprintf(used, usedlen, "%s", path) >= (int)usedlen) {
		snprintf(err, errlen, "the file name is longer than %zu bytes", usedlen - 1);
		return -1;
	}
	len = strlen(used);
	if (len == 0 || used[len - 1] == '/') {
		snprintf(err, errlen, "%s is a folder: give a file name", len ? used : "''");
		return -1;
	}
	/* what is there decides: nothing or a regular file is replaced
	 * atomically (through a link, at the link's target); a FIFO or a
	 * terminal is written into; anything else is left alone */
	if (stat(used, &st) < 0) {
		if (errno != ENOENT) {
			snprintf(err, errlen, "cannot write %s: %s", used, strerror(errno));
			return -1;
		}
		if (lstat(used, &lst) == 0) {
			snprintf(err, errlen, "%s is a link to a missing file: not written", used);
			return -1;
		}
		return replace(v, used, NULL, fmt, used, err, errlen);
	}
	if (S_ISREG(st.st_mode)) {
		char *real;

		if (lstat(used, &lst) == 0 && !S_ISLNK(lst.st_mode))
			return replace(v, used, &st, fmt, used, err, errlen);
		if ((real = realpath(used, NULL)) == NULL) {
			snprintf(err, errlen, "cannot write %s: %s", used, strerror(errno));
			return -1;
		}
		rc = replace(v, real, &st, fmt, used, err, errlen);
		free(real);
		return rc;
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
		return write_into(v, used, fmt, used, err, errlen);
	if (S_ISDIR(st.st_mode))
		snprintf(err, errlen, "%s is a folder: give a file name", used);
	else
		snprintf(err, errlen, "%s is not a file, a FIFO or a terminal: not written", used);
	return -1;
}
