/*
 * linear: the screen reader's explorer (see linear.h).
 */
#include "tty/linear.h"

#include "app/cmd.h"
#include "app/display.h"
#include "app/keys.h"
#include "app/linearview.h"
#include "core/base/text.h"
#include "core/stats/boot.h"
#include "ui/copy.h"
#include "ui/export.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int in_fd = -1;
static struct termios saved;
static volatile sig_atomic_t have_saved, quit_signal;

static void keys_mode(void)
{
	struct termios t = saved;

	t.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
	tcsetattr(in_fd, TCSAFLUSH, &t);
}

static void line_mode(void)
{
	if (have_saved)
		tcsetattr(in_fd, TCSAFLUSH, &saved);
}

static void on_quit(int sig)
{
	quit_signal = sig;
}

static void on_tstp(int sig)
{
	line_mode(); /* tcsetattr and raise are async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_cont(int sig)
{
	(void)sig;
	signal(SIGTSTP, on_tstp);
	if (have_saved)
		keys_mode();
}

static void on_crash(int sig)
{
	line_mode();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn; /* no SA_RESTART: a read ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* A byte within ms milliseconds, or -1. */
static int byte_within(int ms)
{
	struct pollfd p = { in_fd, POLLIN, 0 };
	unsigned char c;

	if (poll(&p, 1, ms) <= 0 || read(in_fd, &c, 1) != 1)
		return -1;
	return c;
}

/* One key: a character (UTF-8 bytes as they come: keys are ASCII), or an
 * arrow's escape sequence as a K_ code; -1 at the end or on a signal. */
static int read_key(void)
{
	unsigned char c;
	int b, d;

	if (read(in_fd, &c, 1) != 1)
		return -1;
	if (c != 0x1b)
		return c;
	if ((b = byte_within(50)) != '[' && b != 'O')
		return 0x1b; /* Esc alone */
	switch (d = byte_within(50)) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	case '1': /* ESC [ 1 ; 2 C: shifted arrows; ESC [ 1 ~: Home */
		if ((b = byte_within(50)) == '~')
			return K_HOME;
		if (b == ';' && byte_within(50) == '2')
			return (b = byte_within(50)) == 'C' ? K_SRIGHT : b == 'D' ? K_SLEFT : 0;
		return 0;
	case '4': case '5': case '6':
		if (byte_within(50) != '~')
			return 0;
		return d == '4' ? K_END : d == '5' ? K_PGUP : K_PGDN;
	default:
		return 0;
	}
}

struct lin {
	struct session *s;
	struct view *v;
	FILE *out;
	char last[2048];
	bool quit;
};

/* What is new: the bottom line's message, then the state where it moved. */
static void say_new(struct lin *l)
{
	char now[2048];

	if (l->v->message[0]) {
		fprintf(l->out, "%s%s\n", l->v->message_is_error ? "error: " : "", l->v->message);
		display_clear_message(l->v);
	}
	linearview_state(l->v, now, sizeof now);
	if (strcmp(now, l->last) != 0) {
		fprintf(l->out, "%s\n", now);
		memcpy(l->last, now, sizeof now);
	}
	fflush(l->out);
}

/* What a key or a command left to do here, as the explorer does it, in
 * lines. */
static void effect(struct lin *l, enum cmd_effect e, const struct cmd *c)
{
	char used[4096], err[512];

	switch (e) {
	case EFFECT_QUIT:
		l->quit = true;
		break;
	case EFFECT_EXPORT:
		if (export_file(l->v, c->has_file ? c->text : NULL, c->format, used, sizeof used, err, sizeof err) < 0)
			view_say(l->v, true, "%s", err);
		else
			view_say(l->v, false, "written to %s", used);
		break;
	case EFFECT_COPY: {
		size_t len;
		char *text = copy_text(l->v, &len), *b64 = text ? text_base64(text, len) : NULL;

		if (b64 != NULL)
			fprintf(l->out, "\033]52;c;%s\a", b64);
		view_say(l->v, b64 == NULL, b64 ? "copied by OSC 52; none arrived? :copy FILE" : "copy: out of memory");
		free(text), free(b64);
		break;
	}
	case EFFECT_BOOTSTRAP: {
		struct optimize_spec spec;
		struct boot_options bo;
		struct boot_result res;

		if (view_boot_options(l->v, (size_t)c->value, &spec, &bo) == 0)
			view_boot_done(l->v, l->v->model, &res, &bo, boot_run(view_current(l->v)->sw, &bo, &res));
		break;
	}
	case EFFECT_REGROUP:
		session_group_command(l->s, c->text);
		break;
	case EFFECT_ROWS:
		view_say(l->v, false, "the rows panel is not in --linear: --list CELL prints a cell's rows");
		break;
	case EFFECT_MOUSE:
		view_say(l->v, false, "no mouse in --linear");
		break;
	case EFFECT_LINEAR:
		view_say(l->v, false, "already linear");
		break;
	case EFFECT_PROMPT:
	case EFFECT_DISPLAY:
	case EFFECT_NONE:
		break;
	}
}

/* ':': a command as a plain line, echoed as typed. */
static void command(struct lin *l)
{
	char line[CMD_LINE_MAX], err[512];
	struct cmd c;

	ssize_t got;

	fputs(":", l->out);
	fflush(l->out);
	line_mode(); /* the terminal's own line editing, echoed: one read, one line */
	got = read(in_fd, line, sizeof line - 1);
	keys_mode();
	line[got > 0 ? got : 0] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	if (line[0] == '\0')
		return;
	if (cmd_parse(line, &c, err, sizeof err) < 0)
		view_say(l->v, true, "%s", err);
	else
		effect(l, cmd_apply(l->v, &c), &c);
}

/* '?' and 'e': the keys, the plain words, as lines. */
static void lines_of(struct lin *l, int key)
{
	char words[2048];

	if (key == '?') {
		for (size_t i = 0; i < keys_count; i++)
			fprintf(l->out, "%s: %s\n", keys_table[i].name, keys_table[i].help);
		return;
	}
	view_stakeholder_text(l->v, words, sizeof words);
	fprintf(l->out, "%s\n", words);
}

int linear_run(struct session *s, const struct term_options *to)
{
	struct lin l = { s, &s->view, stdout, "", false };
	char intro[1024];
	int key;

	in_fd = to->use_tty ? open("/dev/tty", O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
	if (in_fd < 0 || tcgetattr(in_fd, &saved) != 0) {
		fprintf(stderr, "cutoff: --linear needs a terminal to read keys from\n");
		return 1;
	}
	have_saved = 1;
	handle(SIGINT, on_quit), handle(SIGTERM, on_quit), handle(SIGHUP, on_quit);
	handle(SIGTSTP, on_tstp), handle(SIGCONT, on_cont);
	handle(SIGSEGV, on_crash), handle(SIGBUS, on_crash), handle(SIGFPE, on_crash), handle(SIGABRT, on_crash);
	display_set_glyphs(&s->view, GLYPHS_ASCII);
	view_find_optima(&s->view);
	keys_mode();
	linearview_intro(l.v, intro, sizeof intro);
	fprintf(l.out, "%s\n", intro);
	say_new(&l);
	while (!l.quit && !quit_signal && (key = read_key()) >= 0) {
		enum action a = keys_action(key);
		struct cmd c;

		if (key == ':' || a == ACT_COMMAND)
			command(&l);
		else if (key == '?' || key == 'e')
			lines_of(&l, key);
		else if (a != ACT_NONE)
			effect(&l, keys_apply(l.v, a, &c), &c);
		say_new(&l);
	}
	line_mode();
	if (to->use_tty)
		close(in_fd);
	return quit_signal ? 128 + quit_signal : 0;
}
