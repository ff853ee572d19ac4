/*
 * explain: sentences built from counts.  Whole counts get thousands
 * separators; weighted counts keep four significant digits.
 */
#include "core/report/explain.h"
#include "core/base/fmt.h"

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

static int decimals(double p);

static const char *cases(double n)
{
	return n == 1 ? "case" : "cases";
}

size_t explain_summary(char *buf, size_t cap, const struct confusion *c, const char *pos,
		       const char *neg, const char *policy)
{
	char who[96];
	struct out o = { buf, cap, 0 };
	double positives = c->tp + c->fn, alarms = c->tp + c->fp;
	char a[32], b[32], d[32];

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	if (positives <= 0) {
		put(&o, "There are no %s cases;\n", pos);
		if (alarms <= 0)
			put(&o, "%s raises no alarms.", policy ? "no group's threshold" : "this threshold");
		else
			put(&o, "all %s of its alarms are false.", fmt_count(a, sizeof a, alarms));
		return o.len;
	}
	/* one threshold, or each group's own: the words say which */
	if (policy != NULL)
		snprintf(who, sizeof who, "each group's own threshold (%s)", policy);
	else
		snprintf(who, sizeof who, "this threshold");
	put(&o, "Of %s %s %s, %s ", fmt_count(a, sizeof a, positives), pos, cases(positives), who);
	if (c->tp <= 0)
		put(&o, "catches none of them");
	else if (c->fn <= 0)
		put(&o, "catches all of them");
	else
		/* one decimal, and more for a share below 1% (never "0.0%") */
		put(&o, "catches %s (%.*f%%) and misses %s", fmt_count(a, sizeof a, c->tp),
		    decimals(100 * c->tp / positives) > 1 ? decimals(100 * c->tp / positives) : 1, 100 * c->tp / positives,
		    fmt_count(b, sizeof b, c->fn));
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

long explain_base(const struct confusion *c, bool deployed)
{
	double n = c->tp + c->fn + c->fp + c->tn, said[3] = { c->tp, c->fp, c->fn }, least = INFINITY;
	long per = 1000;
	size_t i;

	for (i = 0; i < 3; i++)
		if (said[i] > 0 && said[i] < least)
			least = said[i];
	if (!(n > 0))
		return per;
	/* every count said at least about 10 (8 or more), out of no more
	 * cases than the data has (its counts scaled up are no smaller than
	 * its own), but where deployed */
	while (per < 1000000000L && isfinite(least) && least / n * (double)per < 7.5 && (deployed || (double)per < n))
		per *= 10;
	return per;
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

/* Decimals a percentage needs for two significant digits ("52%", "1.4%",
 * "0.35%"), and one near 100 ("99.6%"): so that "1%" never stands for
 * 1.35%, nor "100%" for 99.6%. */
static int decimals(double p)
{
	int d = 0;

	if (p == 0 || p == 100 || !isfinite(p))
		return 0;
	if (p > 99)
		return p > 99.9 ? 2 : 1;
	while (d < 6 && fabs(p) < 10 / pow(10, d))
		d++;
	return d;
}

static const char *percent(char *buf, size_t cap, double share)
{
	snprintf(buf, cap, "%.*f%%", decimals(100 * share), 100 * share);
	return buf;
}

/* Two shares, each with the decimals it needs, and more for both until
 * they tell the two apart (an interval never reads "1% to 1%" unless its
 * ends are equal). */
static void percents(char *a, char *b, size_t cap, double x, double y)
{
	int dx = decimals(100 * x), dy = decimals(100 * y), more;

	for (more = 0;; more++) {
		/* an end that is exactly 0 or 100% needs no decimals */
		snprintf(a, cap, "%.*f%%", x == 0 || x == 1 ? 0 : dx + more, 100 * x);
		snprintf(b, cap, "%.*f%%", y == 0 || y == 1 ? 0 : dy + more, 100 * y);
		if (strcmp(a, b) != 0 || x == y || more >= 8)
			return;
	}
}

/* A share as words: "1 in 3" or "2 in 5" where that is within 3% of the
 * truth, else the percentage ("39.7%").  *one: the words take a singular
 * verb ("1 in 3 alarms is"). */
static const char *ratio(char *buf, size_t cap, double share, bool *one)
{
	static const int of[] = { 2, 3, 4, 5, 10 };
	size_t i;
	int n;

	*one = false;
	for (n = 3; n <= 1000; n++) /* 1 in N for a small share: its nearest N */
		if (share > 0 && fabs(1.0 / n - share) <= 0.03 * share && fabs(1 / share - n) < 0.5) {
			snprintf(buf, cap, "1 in %d", n);
			*one = true;
			return buf;
		}
	for (i = 0; i < sizeof of / sizeof of[0]; i++) {
		int k = (int)floor(share * of[i] + 0.5);

		if (k >= 1 && k < of[i] && fabs((double)k / of[i] - share) <= 0.03 * share) {
			snprintf(buf, cap, "%d in %d", k, of[i]);
			*one = k == 1;
			return buf;
		}
	}
	return percent(buf, cap, share);
}

static const char *num(char *buf, size_t cap, long v)
{
	return fmt_count(buf, cap, (double)v);
}

/* Long: the plain-language paragraph is one argument, sentence after
 * sentence, each using what the one before set up (the base of the natural
 * frequencies, the group caught least, how sure). */
size_t explain_stakeholder(char *buf, size_t cap, const struct explain_input *in)
{
	struct out o = { buf, cap, 0 };
	const struct confusion *c = &in->now;
	struct per_thousand k;
	double n = c->tp + c->fn + c->fp + c->tn;
	long per = 1000;
	char a[40], b[40], d[40], e[40];
	/* one threshold, or each group's own: the words say which */
	const char *at = in->policy != NULL ? "With those thresholds" : "At this threshold";

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	per = explain_base(c, in->deployed > 0);
	explain_per(c, per, &k);
	fmt_count(e, sizeof e, (double)per);
	if (in->deployed > 0)
		/* the prevalence as given (0.001: "0.1%") */
		put(&o, "Where the model is used, %g%% of cases are %s (%s in the data it was tested on).\n",
		    100 * in->deployed, in->pos, percent(b, sizeof b, in->sample_prevalence));
	put(&o, "Out of every %s cases, about %s %s %s.\n", e, num(a, sizeof a, k.tp + k.fn), k.tp + k.fn == 1 ? "is" : "are",
	    in->pos);
	if (in->policy != NULL)
		put(&o, "Each group has its own threshold (%s).\n", in->policy);
	if (k.tp + k.fp == 0)
		put(&o, "%s the model flags none of the %s.\n", at, e);
	else
		/* "of the 1,000", not "of them": after "about 191 are positive",
		 * "flags 234 of them" reads as 234 of the 191 */
		put(&o, "%s the model flags %s of the %s: %s %s %s and %s %s %s (false alarms).\n", at,
		    num(a, sizeof a, k.tp + k.fp), e, num(b, sizeof b, k.tp), k.tp == 1 ? "is" : "are", in->pos,
		    num(d, sizeof d, k.fp), k.fp == 1 ? "is" : "are", in->neg ? in->neg : "not");
	put(&o, "It misses %s of the %s %s cases.\n\n", num(a, sizeof a, k.fn), num(b, sizeof b, k.tp + k.fn), in->pos);
	if (in->deployed > 0) {
		/* reweighted counts are not cases of the data: the alarms in words */
		double alarms = c->tp + c->fp, false_share = alarms > 0 ? c->fp / alarms : 0;
		bool one;

		ratio(a, sizeof a, false_share, &one);
		if (alarms > 0 && strchr(a, '%') != NULL)
			put(&o, "%s of the alarms would be false.\n", a);
		else if (alarms > 0)
			put(&o, "%s alarms would be false.\n", a);
		goto costs;
	}
	put(&o, "In all %s cases of the data: it catches %s of the %s %s cases and misses %s; ",
	    fmt_count(a, sizeof a, n), fmt_count(b, sizeof b, c->tp), fmt_count(d, sizeof d, c->tp + c->fn),
	    in->pos, fmt_count(e, sizeof e, c->fn));
	if (c->tp + c->fp > 0)
		put(&o, "%s of its %s alarm%s %s false.\n", fmt_count(a, sizeof a, c->fp), fmt_count(b, sizeof b, c->tp + c->fp),
		    c->tp + c->fp == 1 ? "" : "s", c->fp == 1 ? "is" : "are");
	else
		put(&o, "it raises no alarms.\n");
	/* how sure, in the same words: recall's interval as a share caught */
	if (in->has_recall_ci) {
		percents(b, d, sizeof b, in->recall_lo, in->recall_hi);
		put(&o, "With %s %s cases, the share caught could plausibly be anywhere between %s and %s (%g%% interval).\n",
		    fmt_count(a, sizeof a, c->tp + c->fn), in->pos, b, d, 100 * in->level);
	}

costs:
	/* who pays for one threshold: the group caught least */
	if (in->worst_group != NULL && in->best_group != NULL && in->worst_recall < in->best_recall) {
		percents(a, b, sizeof a, in->worst_recall, in->best_recall); /* never "88% (r3: 88%)" */
		put(&o, "\nThe %s group fares worst: the model catches %s of its %s cases (%s: %s).\n", in->worst_group, a,
		    in->pos, in->best_group, b);
	}
	if (in->has_costs && n > 0) {
		double now = in->cost / n * 1000;

		put(&o, "\nMistakes cost about %s per 1,000 cases", fmt_money(a, sizeof a, now, in->unit));
		if (in->has_best) {
			double best = in->best_cost / n * 1000;

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
	} else if (in->policy == NULL) {
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

	percents(x, y, sizeof x, a, b);
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
		/* the false share of the alarms now, as "1 in N" where that is
		 * true to within 3%, else as a percentage */
		if (pb < 1) {
			bool one;

			ratio(who, sizeof who, 1 - pb, &one);
			if (strchr(who, '%') != NULL)
				put(&o, ": %s of the alarms are now false", who);
			else
				put(&o, ": %s alarms %s now false", who, one ? "is" : "are");
		}
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
