/*
 * linearview: the state in sentences (see linearview.h).
 */
#include "app/linearview.h"

#include "app/costview.h"
#include "core/base/fmt.h"
#include "core/base/text.h"
#include "core/report/reportbase.h"
#include "core/stats/metrics.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Appends to buf at *n (printf), never past cap. */
static void add(char *buf, size_t cap, size_t *n, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add(char *buf, size_t cap, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n >= cap)
		return;
	va_start(ap, fmt);
	k = vsnprintf(buf + *n, cap - *n, fmt, ap);
	va_end(ap);
	if (k > 0)
		*n = *n + (size_t)k < cap ? *n + (size_t)k : cap - 1;
}

size_t linearview_state(const struct view *v, char *buf, size_t cap)
{
	const struct view_model *m = view_current(v);
	struct confusion c = view_at(v, m->k);
	char t[40], a[9][40], pos[200];
	size_t n = 0;

	buf[0] = '\0';
	text_escape(pos, sizeof pos, v->pos_words, strlen(v->pos_words), 60);
	fmt_exact(t, sizeof t, m->threshold);
	/* a buffer each: the arguments are all formatted before printing */
	add(buf, cap, &n, "threshold %s: catches %s of %s %s (%s%%), misses %s; %s false alarm%s, %s flagged of %s; "
			  "precision %s, recall %s.", t, fmt_count(a[0], 40, c.tp), fmt_count(a[1], 40, c.tp + c.fn), pos,
	    c.tp + c.fn > 0 ? fmt_rate(a[2], 40, 100 * c.tp / (c.tp + c.fn)) : "n/a", fmt_count(a[3], 40, c.fn),
	    fmt_count(a[4], 40, c.fp), c.fp == 1 ? "" : "s", fmt_count(a[5], 40, c.tp + c.fp),
	    fmt_count(a[6], 40, c.tp + c.fp + c.tn + c.fn), fmt_rate(a[7], 40, metrics_value(METRIC_PRECISION, &c)),
	    fmt_rate(a[8], 40, metrics_value(METRIC_RECALL, &c)));
	if (v->costs)
		add(buf, cap, &n, " The mistakes cost %s.", fmt_money(a[0], 40, costview_total(v, m->k), v->cost_unit));
	if (v->pinned) {
		struct confusion p = sweep_at(m->sw, v->pin);
		char s[600];

		reportbase_sentence(s, sizeof s, v->pin, c.tp - p.tp, c.fp - p.fp,
				    v->costs ? costview_total(v, m->k) - costview_at(v, v->pin) : NAN, v->cost_unit, pos);
		add(buf, cap, &n, "\n%s", s);
	}
	return n;
}

size_t linearview_intro(const struct view *v, char *buf, size_t cap)
{
	const struct view_model *m = view_current(v);
	const struct sweep *sw = m->sw;
	char file[300], name[200], pos[200], a[40], b[40], c[40];
	size_t n = 0;

	buf[0] = '\0';
	text_escape(file, sizeof file, v->file, strlen(v->file), 120);
	text_escape(name, sizeof name, m->name, strlen(m->name), 60);
	text_escape(pos, sizeof pos, v->pos_words, strlen(v->pos_words), 60);
	add(buf, cap, &n, "cutoff: %s, model %s: %s cases, %s %s (%s%%).\n", file, name,
	    fmt_count(a, sizeof a, sw->pos + sw->neg), fmt_count(b, sizeof b, sw->pos), pos,
	    sw->pos + sw->neg > 0 ? fmt_rate(c, sizeof c, 100 * sw->pos / (sw->pos + sw->neg)) : "n/a");
	add(buf, cap, &n, "Right and Left move the threshold, f goes to the best F1, e explains, : takes a command, "
			  "? lists the keys, q quits.");
	return n;
}
