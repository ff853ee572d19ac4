/*
 * cmdline: readline's callback interface.  rl_getc_function hands over the
 * byte being fed; rl_redisplay_function copies the prompt and line into the
 * view and measures the cursor column with wcwidth (readline does not
 * export it); completion matches go to the view through the display hook
 * instead of being printed.  Readline's own terminal handling and signal
 * catching are switched off, and its output goes to /dev/null.
 */
#define _XOPEN_SOURCE 700
#include "tty/cmdline.h"

#include "app/cmd.h"
#include "app/display.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <readline/history.h>
#include <readline/readline.h>

static struct view *view;
static int input;
static int input_ready;
static char *done_line;
static int finished;
static int active;
static int initialised;
static FILE *devnull;
static char history_path[4096];

static int getc_cb(FILE *f)
{
	(void)f;
	input_ready = 0;
	return input;
}

static int avail_cb(void)
{
	return input_ready;
}

static void prep_cb(int meta)
{
	(void)meta;
}

static void deprep_cb(void)
{
}

/* Columns taken by the first n bytes of s. */
static int width(const char *s, size_t n)
{
	mbstate_t st;
	size_t i = 0;
	int w = 0;

	memset(&st, 0, sizeof st);
	while (i < n && s[i]) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + i, n - i, &st);

		if (len == (size_t)-1 || len == (size_t)-2) {
			memset(&st, 0, sizeof st);
			w++, i++;
			continue;
		}
		if (len == 0)
			break;
		w += wcwidth(wc) > 0 ? wcwidth(wc) : (wc < 0x20 ? 2 : 0);
		i += len;
	}
	return w;
}

/* The view gets a window of the line around the cursor, so that a long
 * line (a pasted path) shows where one types, and redisplay costs the same
 * whatever the line's length: a paste of 100 KB must not be quadratic. */
#define WINDOW_BACK 40  /* columns kept before the cursor on a long line */

static void redisplay_cb(void)
{
	const char *prompt = rl_display_prompt ? rl_display_prompt : "", *line = rl_line_buffer ? rl_line_buffer : "";
	size_t point = rl_point > 0 ? (size_t)rl_point : 0, start = 0, end = rl_end > 0 ? (size_t)rl_end : 0;
	size_t room = sizeof view->cmd_text - 8, show;
	char text[sizeof view->cmd_text];
	int cols = 0;

	if (view == NULL)
		return;
	if (point > WINDOW_BACK) {
		/* back from the cursor WINDOW_BACK characters, at a character's start */
		start = point;
		while (start > 0 && cols < WINDOW_BACK) {
			start--;
			while (start > 0 && ((unsigned char)line[start] & 0xc0) == 0x80)
				start--;
			cols++;
		}
	}
	show = end - start < room ? end - start : room;
	while (show > 0 && start + show < end && ((unsigned char)line[start + show] & 0xc0) == 0x80)
		show--; /* never half a character */
	snprintf(text, sizeof text, "%s%s%.*s", prompt,
		 start == 0 ? "" : view->glyphs == GLYPHS_ASCII ? "<" : "\u2026", (int)show, line + start);
	display_prompt_open(view, text,
			    width(prompt, strlen(prompt)) + (start > 0 ? 1 : 0) + width(line + start, point - start));
}

static void line_cb(char *line)
{
	finished = 1;
	done_line = line; /* NULL: Ctrl-D on an empty line */
	rl_callback_handler_remove();
	active = 0;
}

/* Completion: the candidates cmd_complete finds, one at a time. */
static char *candidates[64];
static size_t n_candidates, next_candidate;

static void add_candidate(void *arg, const char *word)
{
	(void)arg;
	if (n_candidates < sizeof candidates / sizeof candidates[0])
		candidates[n_candidates++] = strdup(word);
}

static char *generator(const char *text, int state)
{
	(void)text;
	if (state == 0)
		next_candidate = 0;
	if (next_candidate < n_candidates) {
		char *c = candidates[next_candidate];

		candidates[next_candidate++] = NULL;
		return c;
	}
	return NULL;
}

static char **complete_cb(const char *text, int start, int end)
{
	char before[512];
	size_t i;

	(void)end;
	rl_attempted_completion_over = 1; /* never file names */
	for (i = 0; i < n_candidates; i++)
		free(candidates[i]);
	n_candidates = 0;
	snprintf(before, sizeof before, "%.*s", start, rl_line_buffer);
	cmd_complete(view, before, text, add_candidate, NULL);
	display_prompt_matches(view, NULL);
	return rl_completion_matches(text, generator);
}

/* Shows the matches above the line instead of printing them. */
static void display_matches_cb(char **matches, int num, int max)
{
	char shown[sizeof view->cmd_matches];
	size_t used = 0;
	int i;

	(void)max;
	shown[0] = '\0';
	for (i = 1; i <= num && used + 2 < sizeof shown; i++) {
		used += (size_t)snprintf(shown + used, sizeof shown - used, "%s%s", i > 1 ? "  " : "", matches[i]);
		if (used > sizeof shown - 1)
			used = sizeof shown - 1; /* cut, never past the end */
	}
	display_prompt_matches(view, shown);
	rl_forced_update_display();
}

static void find_history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[sizeof history_path - 16];

	if (state != NULL && state[0] == '/')
		snprintf(dir, sizeof dir, "%s/cutoff", state);
	else if (home != NULL && home[0] != '\0')
		snprintf(dir, sizeof dir, "%s/.local/state/cutoff", home);
	else
		return;
	snprintf(history_path, sizeof history_path, "%s/history", dir);
}

/* mkdir -p, private. */
static int make_dirs(const char *path)
{
	char buf[sizeof history_path], *p;

	snprintf(buf, sizeof buf, "%s", path);
	for (p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0700) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return 0;
}

void cmdline_init(struct view *v)
{
	view = v;
	if (initialised)
		return;
	initialised = 1;
	devnull = fopen("/dev/null", "w");
	rl_readline_name = "cutoff";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = prep_cb;
	rl_deprep_term_function = deprep_cb;
	rl_getc_function = getc_cb;
	rl_input_available_hook = avail_cb;
	rl_redisplay_function = redisplay_cb;
	rl_outstream = devnull;
	rl_attempted_completion_function = complete_cb;
	rl_completion_display_matches_hook = display_matches_cb;
	rl_basic_word_break_characters = " ";
	/* editing a recalled line must not change the history for good (Esc
	 * would otherwise leave it changed); ~/.inputrc may say otherwise */
	rl_variable_bind("revert-all-at-newline", "on");
	using_history();
	stifle_history(1000);
	find_history_path();
	if (history_path[0])
		read_history(history_path);
}

int cmdline_done(char *err, size_t errlen)
{
	char dir[sizeof history_path], tmp[sizeof history_path + 32];
	char *slash;
	int fd, rc = 0;
	size_t i;

	if (!initialised)
		return 0;
	initialised = 0;
	if (active)
		rl_callback_handler_remove();
	active = 0;
	for (i = 0; i < n_candidates; i++)
		free(candidates[i]);
	n_candidates = 0;
	if (history_path[0] && history_length > 0) {
		struct stat st;
		char *real;

		/* a linked history (dotfiles) is written at the link's target,
		 * so the link stays */
		if (lstat(history_path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(history_path, NULL)) != NULL) {
			snprintf(history_path, sizeof history_path, "%s", real);
			free(real);
		}
		/* write beside, then rename: never a half-written history */
		snprintf(dir, sizeof dir, "%s", history_path);
		slash = strrchr(dir, '/');
		if (slash != NULL) {
			slash[1] = '\0';
			snprintf(tmp, sizeof tmp, "%s.history-XXXXXX", dir);
			if (make_dirs(history_path) < 0 || (fd = mkstemp(tmp)) < 0) {
				snprintf(err, errlen, "could not save the history in %s: %s", dir, strerror(errno));
				rc = -1;
			} else {
				int e;

				fchmod(fd, 0600);
				close(fd);
				if ((e = write_history(tmp)) != 0 || rename(tmp, history_path) != 0) {
					snprintf(err, errlen, "could not save the history to %s: %s", history_path,
						 strerror(e ? e : errno));
					unlink(tmp);
					rc = -1;
				} else {
					chmod(history_path, 0600);
				}
			}
		}
	}
	rl_free_line_state();
	clear_history();
	if (devnull != NULL)
		fclose(devnull);
	devnull = NULL;
	rl_outstream = NULL;
	return rc;
}

void cmdline_open(void)
{
	finished = 0;
	done_line = NULL;
	active = 1;
	display_prompt_open(view, ":", 1);
	display_prompt_matches(view, NULL);
	rl_callback_handler_install(":", line_cb);
}

enum cmdline_result cmdline_feed(int byte, char **line)
{
	/* a full line takes no more text (a runaway paste), only editing
	 * and control keys; saying so where completions show */
	if (rl_end >= CMD_LINE_MAX && byte >= 0x20 && byte != 0x7f) {
		char msg[64];

		snprintf(msg, sizeof msg, "the command line holds at most %d bytes", CMD_LINE_MAX);
		display_prompt_matches(view, msg);
		return CL_MORE;
	}
	input = byte;
	input_ready = 1;
	rl_callback_read_char();
	if (!finished)
		return CL_MORE;
	display_prompt_close(view);
	if (done_line == NULL)
		return CL_CANCEL;
	if (done_line[0] != '\0' &&
	    (history_length == 0 || strcmp(history_get(history_base + history_length - 1)->line, done_line) != 0))
		add_history(done_line);
	*line = done_line;
	return CL_LINE;
}

void cmdline_cancel(void)
{
	char *line = NULL;

	if (!active)
		return;
	/* accept an empty line: readline then reverts any recalled history
	 * line that was edited, and an empty line is not remembered */
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	if (cmdline_feed('\r', &line) == CL_LINE)
		free(line);
	display_prompt_close(view);
}

const char *cmdline_history_path(void)
{
	return history_path;
}
