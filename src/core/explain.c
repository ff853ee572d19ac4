/*
 * explain: sentences built from counts.  Whole counts get thousands
 * separators; weighted counts keep four significant digits.
 */
#include "core/explain.h"
#include "core/fmt.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct out {
	char *buf;
	size_t cap, len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len + 1 >= o->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < o->cap - o->len ? (size_t)n : o->cap - o->len - 1;
}

static const char *cases(double n)
{
	return n == 1 ? "case" : "cases";
}

size_t explain_summary(char *buf, size_t cap, const struct confusion *c, const char *pos,
		       const char *neg)
{
	struct out o = { buf, cap, 0 };
	double positives = c->tp + c->fn, alarms = c->tp + c->fp;
	char a[32], b[32], d[32];

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	if (positives <= 0) {
		put(&o, "There are no %s cases;\n", pos);
		if (alarms <= 0)
			put(&o, "this threshold raises no alarms.");
		else
			put(&o, "all %s of its alarms are false.", fmt_count(a, sizeof a, alarms));
		return o.len;
	}
	put(&o, "Of %s %s %s, this threshold ", fmt_count(a, sizeof a, positives), pos,
	    cases(positives));
	if (c->tp <= 0)
		put(&o, "catches none of them");
	else if (c->fn <= 0)
		put(&o, "catches all of them");
	else
		put(&o, "catches %s (%.1f%%) and misses %s", fmt_count(a, sizeof a, c->tp),
		    100 * c->tp / positives, fmt_count(b, sizeof b, c->fn));
	put(&o, ";\n");
	if (alarms <= 0)
		put(&o, "it raises no alarms.");
	else if (c->fp <= 0)
		put(&o, "none of its %s alarm%s %s false.", fmt_count(a, sizeof a, alarms),
		    alarms == 1 ? "" : "s", alarms == 1 ? "is" : "are");
	else
		put(&o, "%s of its %s alarm%s %s false%s%s%s.", fmt_count(d, sizeof d, c->fp),
		    fmt_count(a, sizeof a, alarms), alarms == 1 ? "" : "s",
		    c->fp == 1 ? "is" : "are", neg ? " (" : "", neg ? neg : "", neg ? ")" : "");
	return o.len;
}

/* Splits whole into two parts in the proportion a : b, rounding once. */
static void split(long whole, double a, double b, long *pa, long *pb)
{
	*pa = a + b > 0 ? (long)floor((double)whole * a / (a + b) + 0.5) : 0;
	*pb = whole - *pa;
}

void explain_per_thousand(const struct confusion *c, struct per_thousand *out)
{
	explain_per(c, 1000, out);
}

void explain_per(const struct confusion *c, long per, struct per_thousand *out)
{
	double pos = c->tp + c->fn, neg = c->fp + c->tn;
	long p, n;

	memset(out, 0, sizeof *out);
	if (!(pos + neg > 0))
		return;
	/* the classes first, so that "about 373 are ..." matches the
	 * prevalence shown elsewhere; then each class's two cells */
	split(per, pos, neg, &p, &n);
	split(p, c->tp, c->fn, &out->tp, &out->fn);
	split(n, c->fp, c->tn, &out->fp, &out->tn);
}

/* A share as a whole percent ("52%"), or with a decimal near 0 and 100
 * ("0.4%", "99.6%") so that an interval never reads "100% to 100%". */
static const char *percent(char *buf, size_t cap, double share)
{
	double p = 100 * share;

	if (p < 1 || p > 99)
		snprintf(buf, cap, "%.1f%%", p);
	else
		snprintf(buf, cap, "%.0f%%", p);
	return buf;
}

static const char *num(char *buf, size_t cap, long v)
{
	return fmt_count(buf, cap, (double)v);
}

size_t explain_stakeholder(char *buf, size_t cap, const struct explain_input *in)
{
	struct out o = { buf, cap, 0 };
	const struct confusion *c = &in->now;
	struct per_thousand k;
	double n = c->tp + c->fn + c->fp + c->tn;
	long per = 1000;
	char a[40], b[40], d[40], e[40];

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	/* at a deployment prevalence: as many cases as show 10 positives */
	while (in->deployed > 0 && per < 1000000000L && (double)per * in->deployed < 9.5)
		per *= 10;
	explain_per(c, per, &k);
	fmt_count(e, sizeof e, (double)per);
	if (in->deployed > 0)
		put(&o, "Where the model is used, %s of cases are %s (%s in the data it was tested on).\n",
		    percent(a, sizeof a, in->deployed), in->pos, percent(b, sizeof b, in->sample_prevalence));
	put(&o, "Out of every %s cases, about %s %s %s.\n", e, num(a, sizeof a, k.tp + k.fn), k.tp + k.fn == 1 ? "is" : "are",
	    in->pos);
	if (k.tp + k.fp == 0)
		put(&o, "At this threshold the model flags none of the %s.\n", e);
	else
		/* "of the 1,000", not "of them": after "about 191 are positive",
		 * "flags 234 of them" reads as 234 of the 191 */
		put(&o, "At this threshold the model flags %s of the %s: %s %s %s and %s %s %s (false alarms).\n",
		    num(a, sizeof a, k.tp + k.fp), e, num(b, sizeof b, k.tp), k.tp == 1 ? "is" : "are", in->pos,
		    num(d, sizeof d, k.fp), k.fp == 1 ? "is" : "are", in->neg ? in->neg : "not");
	put(&o, "It misses %s of the %s %s cases.\n\n", num(a, sizeof a, k.fn), num(b, sizeof b, k.tp + k.fn), in->pos);
	if (in->deployed > 0) {
		/* reweighted counts are not cases of the data: the alarms in words */
		double alarms = c->tp + c->fp, false_share = alarms > 0 ? c->fp / alarms : 0;
		long of = false_share >= 0.95 && false_share < 1 ? 100 : 10;

		if (alarms > 0)
			put(&o, "%ld of every %ld alarms would be false.\n", (long)floor(of * false_share + 0.5), of);
		goto costs;
	}
	put(&o, "In all %s cases of the data: it catches %s of the %s %s cases and misses %s; ",
	    fmt_count(a, sizeof a, n), fmt_count(b, sizeof b, c->tp), fmt_count(d, sizeof d, c->tp + c->fn),
	    in->pos, fmt_count(e, sizeof e, c->fn));
	put(&o, "%s of its %s alarms are false.\n", fmt_count(a, sizeof a, c->fp),
	    fmt_count(b, sizeof b, c->tp + c->fp));
	/* how sure, in the same words: recall's interval as a share caught */
	if (in->has_recall_ci)
		put(&o, "With %s %s cases, the share caught could plausibly be anywhere between %s and %s (%g%% interval).\n",
		    fmt_count(a, sizeof a, c->tp + c->fn), in->pos, percent(b, sizeof b, in->recall_lo),
		    percent(d, sizeof d, in->recall_hi), 100 * in->level);

costs:
	/* who pays for one threshold: the group caught least */
	if (in->worst_group != NULL && in->best_group != NULL && in->worst_recall < in->best_recall)
		put(&o, "\nThe %s group fares worst: the model catches %s of its %s cases (%s: %s).\n", in->worst_group,
		    percent(a, sizeof a, in->worst_recall), in->pos, in->best_group, percent(b, sizeof b, in->best_recall));
	if (in->has_costs && n > 0) {
		double now = (in->cost_fp * c->fp + in->cost_fn * c->fn) / n * 1000;

		put(&o, "\nMistakes cost about %s per 1,000 cases", fmt_money(a, sizeof a, now, in->unit));
		if (in->has_best) {
			const struct confusion *bc = &in->best;
			double best = (in->cost_fp * bc->fp + in->cost_fn * bc->fn) / n * 1000;

			if (in->best_threshold == in->threshold || fabs(best - now) < 0.5)
				put(&o, ": the least any threshold costs.\n");
			else
				put(&o, "; the cheapest threshold (%.4g) would cost about %s.\n", in->best_threshold,
				    fmt_money(b, sizeof b, best, in->unit));
		} else {
			put(&o, ".\n");
		}
	}
	if (in->has_up) {
		double dtp = c->tp - in->up.tp, dfp = c->fp - in->up.fp, f = in->deployed > 0 && n > 0 ? (double)per / n : 1;

		/* where deployed, in the cases spoken of above */
		if (in->deployed > 0)
			put(&o, "\nOne step up (to %.6g), per %s cases: ", in->up_threshold, e);
		else
			put(&o, "\nOne step up (to %.6g): ", in->up_threshold);
		put(&o, "%s fewer %s caught, %s fewer false alarm%s.\n", fmt_count(a, sizeof a, dtp * f), in->pos,
		    fmt_count(b, sizeof b, dfp * f), dfp * f == 1 ? "" : "s");
	} else {
		put(&o, "\nThe threshold is already above every score: nothing is flagged.\n");
	}
	/* the deployment questions in words: gains and net benefit */
	if (in->has_lift && !isnan(in->lift) && n > 0 && c->tp + c->fp > 0) {
		fmt_rate(b, sizeof b, 100 * (c->tp + c->fp) / n);
		fmt_rate(d, sizeof d, c->tp + c->fn > 0 ? 100 * c->tp / (c->tp + c->fn) : NAN);
		put(&o, "\nFlagging the top %s%% of cases reaches %s%% of the %s ones, %s times what random picks would.\n", b,
		    d, in->pos, fmt_rate(a, sizeof a, in->lift));
	}
	if (in->has_net_benefit && in->net_benefit < 0) {
		put(&o, "Net benefit %s: at this threshold acting on the model does more harm than good "
			"(flagging no one is worth 0).\n", fmt_rate(b, sizeof b, in->net_benefit));
	} else if (in->has_net_benefit && !isnan(in->net_benefit)) {
		fmt_rate(a, sizeof a, 100 * in->net_benefit);
		put(&o, "Net benefit %s: at this threshold the model is worth %s true %s per 100 cases with no false ones "
			"(flagging everyone: %s).\n", fmt_rate(b, sizeof b, in->net_benefit), a, in->pos,
		    fmt_rate(d, sizeof d, 100 * in->treat_all));
	}
	return o.len;
}

/* "precision rose from 80% to 85%", "... fell ...", "... stayed at 80%" */
static void change(struct out *o, const char *what, double a, double b)
{
	char x[40], y[40];

	percent(x, sizeof x, a);
	percent(y, sizeof y, b);
	if (strcmp(x, y) == 0)
		put(o, "%s stayed at %s", what, x);
	else
		put(o, "%s %s from %s to %s", what, b > a ? "rose" : "fell", x, y);
}

size_t explain_drift(char *buf, size_t cap, const struct confusion *ref, const struct confusion *cur, const char *pos)
{
	struct out o = { buf, cap, 0 };
	double pa = ref->tp + ref->fp > 0 ? ref->tp / (ref->tp + ref->fp) : NAN;
	double pb = cur->tp + cur->fp > 0 ? cur->tp / (cur->tp + cur->fp) : NAN;
	double ra = ref->tp + ref->fn > 0 ? ref->tp / (ref->tp + ref->fn) : NAN;
	double rb = cur->tp + cur->fn > 0 ? cur->tp / (cur->tp + cur->fn) : NAN;
	char who[160];

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	put(&o, "Since the reference, ");
	if (!isnan(pa) && !isnan(pb)) {
		change(&o, "precision", pa, pb);
		/* the false share of the alarms now, as "1 in N" */
		if (pb < 1 && floor(1 / (1 - pb) + 0.5) >= 2)
			put(&o, ": 1 in %.0f alarms is now false", floor(1 / (1 - pb) + 0.5));
		else if (pb < 1)
			put(&o, ": %.0f in 10 alarms are now false", floor(10 * (1 - pb) + 0.5));
		if (!isnan(ra) && !isnan(rb))
			put(&o, "; ");
	}
	if (!isnan(ra) && !isnan(rb)) {
		snprintf(who, sizeof who, "the share of %s cases caught", pos);
		change(&o, who, ra, rb);
	}
	put(&o, ".");
	return o.len;
}
