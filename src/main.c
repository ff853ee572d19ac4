/*
 * main: the command line's flow.  Parse options, load the data and build
 * one sweep per model (session), then either open the explorer or pick each
 * model's threshold and print.  Everything that can fail does so before the
 * first byte reaches stdout, so that an error leaves stdout empty.
 */
#include "app/classview.h"
#include "app/cmd.h"
#include "app/display.h"
#include "tty/explorer.h"
#include "tty/term.h"
#include "ui/copy.h"
#include "ui/export.h"
#include "core/base/fmt.h"
#include "core/stats/optimize.h"
#include "options.h"
#include "print.h"
#include "say.h"
#include "usage.h"
#include "warehouse.h"
#include "core/base/parse.h"
#include "core/sort/radix.h"
#include "app/reportview.h"
#include "core/report/curvefile.h"
#include "core/report/reportmc.h"
#include "app/session.h"
#include "core/base/text.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether two inputs are one stream that can be read only once (the same
 * FIFO, pipe or device, e.g. "-" and /dev/stdin): reading one would leave
 * nothing for the other, or block for ever.  stat, never open: opening a
 * FIFO blocks.  The same regular file twice is fine. */
static bool same_stream(const char *a, const char *b)
{
	struct stat x, y;

	if ((a == NULL || strcmp(a, "-") == 0 ? fstat(STDIN_FILENO, &x) : stat(a, &x)) < 0 ||
	    (b == NULL || strcmp(b, "-") == 0 ? fstat(STDIN_FILENO, &y) : stat(b, &y)) < 0)
		return false;
	return x.st_dev == y.st_dev && x.st_ino == y.st_ino && !S_ISREG(x.st_mode);
}

/* Loading progress on a terminal's stderr, for inputs worth waiting for;
 * rewritten in place, erased at the end. */
struct progress {
	int shown;          /* last percentage (or MB) shown, -1: none */
	const char *name;   /* escaped */
};

static void show_progress(void *arg, double done, double total)
{
	struct progress *p = arg;
	int now = total > 0 ? (int)(100 * done / total) : (int)(done / 1e6);

	if ((total > 0 ? total : done) < 16e6 || now == p->shown)
		return;
	p->shown = now;
	if (total > 0)
		fprintf(stderr, "\rcutoff: loading %s %3d%% (%.0f of %.0f MB)", p->name, now, done / 1e6, total / 1e6);
	else
		fprintf(stderr, "\rcutoff: loading %s, %d MB so far", p->name, now);
	fflush(stderr);
}

/* --against REF: the reference file, read with the same options and the
 * columns the current data was read by (a column guessed in one file is
 * the one read in the other: two files must not compare two different
 * columns); its notes said.  With a connection, REF is a second table or
 * query there, read through wh.  0, or the exit status (said). */
static int open_reference(struct session *ref, const struct options *o, const struct session *cur,
			  struct warehouse *wh)
{
	struct dataset_options data = o->data;
	struct session_start st;
	const char **scores = NULL;
	char err[1024];
	size_t i;
	int rc = 0;

	if (options_is_connection(o)) {
		rc = warehouse_open(wh, ref, o, o->against);
		for (i = 0; rc == 0 && i < ref->ds->n_notes; i++)
			say("%s", ref->ds->notes[i]);
		if (rc != 0)
			session_close(ref);
		return rc;
	}
	data.path = o->against;
	data.progress = NULL;
	if (data.label == NULL && data.counts_pos == NULL)
		data.label = cur->ds->label_name;
	if (data.n_scores == 0) {
		if ((scores = calloc(cur->view.n_models, sizeof *scores)) == NULL) {
			say("out of memory");
			return 1;
		}
		for (i = 0; i < cur->view.n_models; i++)
			scores[i] = cur->ds->models[i].name;
		data.scores = scores;
		data.n_scores = cur->view.n_models;
	}
	options_start(o, &st);
	if (session_open(ref, &data, &st, err, sizeof err) < 0) {
		say("%s%s", err, o->data.n_scores == 0 || o->data.label == NULL
				     ? " (the reference is read by the current data's columns: choose them with --label and --score)" : "");
		session_close(ref);
		rc = 1;
	}
	for (i = 0; rc == 0 && i < ref->ds->n_notes; i++)
		say("%s", ref->ds->notes[i]);
	free(scores);
	return rc;
}

/* The commands' file (stdin with --batch); NULL (said) if it cannot be
 * read: fopen takes a folder, and reading it then fails silently. */
static FILE *open_commands(const struct options *o, const char *name)
{
	FILE *in = o->batch ? stdin : fopen(o->commands, "r");
	struct stat sb;

	if (in == NULL) {
		say("%s: %s", o->commands, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		say("%s is a folder: give a file of commands", name);
		if (in != stdin)
			fclose(in);
		return NULL;
	}
	return in;
}

/* One command's effect without a terminal: 1 when it printed (an export
 * to stdout), 0, or -1 with the reason in the view's message or in err. */
static int command_effect(struct session *s, const struct cmd *c, enum cmd_effect effect, char *err, size_t errlen)
{
	struct view *v = &s->view;
	char used[4096];

	err[0] = '\0';
	if (effect == EFFECT_REGROUP) {
		session_group_command(s, c->text);
	} else if (effect == EFFECT_BOOTSTRAP) {
		/* here in turn, with no screen to keep alive */
		struct optimize_spec spec;
		struct boot_options bo;
		struct boot_result res;

		if (view_boot_options(v, (size_t)c->value, &spec, &bo) == 0)
			view_boot_done(v, v->model, &res, &bo, boot_run(view_current(v)->sw, &bo, &res));
	} else if (effect == EFFECT_COPY) {
		/* no terminal, no clipboard: the text itself, as an export */
		copy_tsv(stdout, v);
		return 1;
	} else if (effect == EFFECT_EXPORT && !c->has_file) {
		if (export_write(stdout, v, c->format) < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		return 1;
	} else if (effect == EFFECT_EXPORT) {
		return export_file(v, c->text, c->format, used, sizeof used, err, errlen) < 0 ? -1 : 0;
	}
	return v->message_is_error && v->message[0] ? -1 : 0;
}

/* --commands / --batch: the explorer's commands without a terminal.  An
 * export without a file prints to stdout; if none printed anything, the
 * final state is printed as Markdown. */
static int run_commands(struct session *s, const struct options *o)
{
	const char *name = o->batch ? "<stdin>" : o->commands;
	FILE *in = open_commands(o, name);
	struct view *v = &s->view;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	int printed = 0, status = 0;

	if (in == NULL)
		return 1;
	while (status == 0 && getline(&line, &cap, in) != -1) {
		struct cmd c;
		char err[512] = "";
		enum cmd_effect effect;
		int rc;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[strspn(line, " \t")] == '#')
			continue; /* a comment */
		if (cmd_parse(line, &c, err, sizeof err) < 0) {
			say("%s:%zu: %s", name, lineno, err);
			status = 1;
			break;
		}
		display_clear_message(v);
		if ((effect = cmd_apply(v, &c)) == EFFECT_QUIT)
			break;
		if (v->message_is_error && v->message[0])
			rc = -1;
		else if ((rc = command_effect(s, &c, effect, err, sizeof err)) > 0)
			printed = 1;
		if (rc < 0) {
			say("%s:%zu: %s", name, lineno, err[0] ? err : v->message);
			status = 1;
		}
	}
	free(line);
	if (status == 0 && ferror(in)) {
		say("%s: %s", name, strerror(errno));
		status = 1;
	}
	if (in != stdin)
		fclose(in);
	if (status == 0 && !printed && export_write(stdout, v, EXPORT_MD) < 0) {
		say("out of memory");
		status = 1;
	}
	if (status == 0 && say_output_done() < 0)
		status = 1;
	return status;
}

/* The testing aids from the environment: CUTOFF_SIMPLE=1 reads with one
 * thread, libcsv for every byte, plain sorting and number conversion;
 * CUTOFF_MAX_DISTINCT=N sets a distinct-score ceiling small files reach. */
static void test_aids(struct options *o)
{
	const char *simple = getenv("CUTOFF_SIMPLE"), *distinct = getenv("CUTOFF_MAX_DISTINCT");

	if (simple != NULL && simple[0] == '1') {
		o->data.one_thread = true;
		o->data.libcsv_only = true;
		o->data.tuning.plain_sort = true;
		o->data.tuning.plain_numbers = true;
	}
	if (distinct != NULL && atol(distinct) > 0)
		o->data.tuning.max_distinct = (size_t)atol(distinct);
}

/* Refusals that need no data: 0, or the exit status (said). */
static int inputs_usable(const struct options *o)
{
	if (o->against != NULL && same_stream(o->data.path, o->against)) {
		say("--against %s and the data are the same stream (a pipe, FIFO or device reads once): give two files",
		    o->against);
		return 2;
	}
	/* "host=db dbname=sales" is no file: a connection that lacks its table */
	if (o->data.path != NULL && !options_is_connection(o) && access(o->data.path, F_OK) != 0 &&
	    (strstr(o->data.path, "dbname=") || strstr(o->data.path, "host=") || strstr(o->data.path, "service="))) {
		say("%s: no such file; a database connection needs --from TABLE (or a query)", o->data.path);
		return 2;
	}
	if (o->data.path == NULL && isatty(STDIN_FILENO) && !o->batch) {
		say("no input: give a FILE, or pipe the data in (see cutoff --help)");
		return 2;
	}
	return 0;
}

/* Loads the data, with progress on a terminal's stderr; 0, or the exit
 * status (said).  A database's rows come through wh. */
static int open_data(struct session *s, struct options *o, struct warehouse *wh)
{
	char *shown_path = text_escape_all(o->data.path ? o->data.path : "<stdin>"), err[1024];
	struct progress prog = { -1, shown_path ? shown_path : "the input" };
	struct session_start st;
	int rc;

	if (options_is_connection(o)) {
		free(shown_path);
		return warehouse_open(wh, s, o, o->from);
	}
	if (isatty(STDERR_FILENO)) {
		o->data.progress = show_progress;
		o->data.progress_arg = &prog;
	}
	options_start(o, &st);
	rc = session_open(s, &o->data, &st, err, sizeof err);
	if (prog.shown >= 0)
		fputs("\r\033[K", stderr); /* the progress line goes */
	o->data.progress = NULL;
	free(shown_path);
	if (rc < 0)
		say("%s", err);
	return rc < 0 ? 1 : 0;
}

/* What the data says before anything is shown: the loader's notes, a
 * score that runs the wrong way; and a refusal that needs the data.  0,
 * or the exit status. */
static int after_loading(struct session *s, const struct options *o)
{
	size_t i;

	/* a score column per class, chosen by the loader, and an option it
	 * does not take: that alone is said */
	if (s->ds->multiclass && options_multiclass_refusal(o) != NULL) {
		say("%s: %s does not work with a score column per class (--multiclass)", s->ds->shown,
		    options_multiclass_refusal(o));
		return 2;
	}
	for (i = 0; i < s->ds->n_notes; i++)
		say("%s", s->ds->notes[i]);
	/* a score that runs the wrong way is a choice of column or of
	 * direction gone wrong, not a bad model: say so, once per model */
	for (i = 0; i < s->view.n_models && !s->ds->multiclass; i++) {
		const struct sweep *sw = s->view.models[i].sw;
		char a[40], *name;

		if (!(sw->roc_auc < 0.5))
			continue;
		name = text_escape_all(s->view.models[i].name);
		say("%s: %s%s: ROC AUC %s is below 0.5: its higher scores go more often with the negative class%s",
		    s->ds->shown, sw->inverted ? "-" : "", name ? name : "?", fmt_rate(a, sizeof a, sw->roc_auc),
		    sw->inverted ? " (inverted by --invert)" : "; --invert turns the scores round");
		free(name);
	}
	/* a count capacity is the whole file's: each fold's optimum under it
	 * would flag a fold's worth of the file's capacity (0.0016-0.668
	 * where the equivalent rate gives 0.9998-0.99999) */
	if (o->data.fold != NULL && !isnan(o->spec.max_flagged)) {
		double rows = s->models[0].sample->pos + s->models[0].sample->neg;
		char a[40];

		say("--max-flagged %g is a count for the whole file: with --fold give --max-flag-rate %.4g (%g of the %s rows), "
		    "so that each fold is held to its share", o->spec.max_flagged, rows > 0 ? o->spec.max_flagged / rows : 0,
		    o->spec.max_flagged, fmt_count(a, sizeof a, rows));
		return 2;
	}
	return 0;
}

/* --multiclass's explorer: the classes beside the session, at the
 * --thresholds given, the first class on screen. */
static int explore_classes(struct session *s, const struct options *o)
{
	struct classview cv;
	char err[600];
	int status;

	for (size_t i = 0; i < o->n_class_thr; i++)
		if (classview_set(s, o->class_thr[i].name, o->class_thr[i].threshold, err, sizeof err) < 0) {
			say("%s", err);
			return 2;
		}
	view_init(&s->view); /* each knob where its threshold is */
	if (classview_open(&cv, s) < 0) {
		say("out of memory");
		return 1;
	}
	s->view.classes = &cv;
	s->view.class_names = s->ds->classes.names;
	view_set_model(&s->view, 0);
	status = classview_sync(&cv, &s->view) < 0 ? (say("out of memory"), 1) :
		 explorer_run(s, &(struct term_options){ !isatty(STDIN_FILENO), o->no_color, o->no_mouse, o->ascii, o->linear });
	s->view.classes = NULL;
	classview_close(&cv);
	return status;
}

/* The explorer, with --against the reference beside the data. */
static int explore(struct session *s, const struct options *o, struct rowlists *kept)
{
	struct session ref;
	struct warehouse wh = { 0 };
	int status;

	if (s->ds->multiclass)
		return explore_classes(s, o);
	s->rows_kept = kept; /* the rows panel reads them instead of the file */
	if (o->against != NULL) {
		if ((status = open_reference(&ref, o, s, &wh)) != 0) {
			warehouse_free(&wh);
			return status;
		}
		if (session_attach(s, &ref) < 0 || view_drift(&s->view) < 0) {
			say("out of memory");
			session_detach(s);
			session_close(&ref);
			warehouse_free(&wh);
			return 1;
		}
	}
	status = explorer_run(s, &(struct term_options){ !isatty(STDIN_FILENO), o->no_color, o->no_mouse, o->ascii, o->linear });
	if (o->against != NULL) {
		session_detach(s);
		session_close(&ref);
	}
	warehouse_free(&wh);
	return status;
}

/* Where the session goes: commands, the explorer, or a report. */
static int run(struct session *s, const struct options *o, struct rowlists *kept)
{
	char err[1024];

	if (o->commands != NULL || o->batch) {
		/* plots as text: braille only where the locale can carry it */
		if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
			display_set_glyphs(&s->view, GLYPHS_ASCII);
		return run_commands(s, o);
	}
	if (s->ds->multiclass && !(o->mode == MODE_EXPLORE && isatty(STDOUT_FILENO)))
		return print_classes(s, o);
	if (o->mode == MODE_EXPLORE && isatty(STDOUT_FILENO)) {
		if (o->linear || term_can_draw(err, sizeof err))
			return explore(s, o, kept); /* --linear draws nothing: any terminal */
		/* a terminal that cannot draw the explorer gets the report */
		say("%s: printing the report (the explorer needs a full-screen terminal)", err);
		return s->ds->multiclass ? print_classes(s, o) : print_report(s, o, kept);
	}
	if (o->against != NULL) {
		struct session ref;
		struct warehouse wh = { 0 };
		int status;

		if ((status = open_reference(&ref, o, s, &wh)) == 0) {
			status = print_against(s, &ref, o);
			session_close(&ref);
		}
		warehouse_free(&wh);
		return status;
	}
	return print_report(s, o, kept);
}

/* Rows asked for (--list, or the explorer with --id or --show) from an
 * input that cannot be read again record by record (standard input, a
 * pipe, a compressed file): its rows are kept as they are read, with the
 * --id and --show fields only.  0, or -1 (said). */
static int keep_rows_for_list(struct options *o, struct rowlists *kept, bool *keeping)
{
	*keeping = false;
	if (!(o->list || (o->mode == MODE_EXPLORE && (o->id != NULL || o->n_show > 0))) ||
	    o->data.counts_pos != NULL || o->data.stream || o->data.bins > 0 || o->data.multiclass ||
	    dataset_rereadable(o->data.path))
		return 0;
	if (rowlists_init(kept, o->list_cell, o->limit, 0, o->data.n_extra, true) < 0) {
		say("out of memory");
		return -1;
	}
	o->data.on_row = rowlists_take;
	o->data.on_row_arg = kept;
	*keeping = true;
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct rowlists kept = { 0 };
	struct warehouse wh = { 0 };
	bool keeping = false;
	char err[1024];
	int status = 0;

	/* past a file size limit (ulimit -f) a write must fail with EFBIG
	 * and be reported, not kill the process mid-export */
	signal(SIGXFSZ, SIG_IGN);
	/* the terminal's character set for the explorer; numbers stay in C */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	if (options_parse(argc, argv, &o, err, sizeof err) != OPTIONS_OK) {
		say("%s", err);
		options_free(&o);
		return 2;
	}
	if (o.help || o.version) {
		if (o.help)
			usage_print(stdout);
		else
			printf("cutoff %s\n", CUTOFF_VERSION);
		options_free(&o);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	test_aids(&o);
	if (o.emit_sql >= 0) {
		status = warehouse_emit(&o);
		options_free(&o);
		return status;
	}
	if ((status = inputs_usable(&o)) != 0) {
		options_free(&o);
		return status;
	}
	if (keep_rows_for_list(&o, &kept, &keeping) < 0)
		status = 1;
	else if ((status = open_data(&s, &o, &wh)) == 0 && (status = after_loading(&s, &o)) == 0) {
		if (o.names[0] != NULL)
			view_set_names(&s.view, o.names[0], o.names[1]);
		status = run(&s, &o, keeping ? &kept : NULL);
	}
	session_close(&s);
	warehouse_free(&wh);
	rowlists_free(&kept);
	options_free(&o);
	return status;
}
