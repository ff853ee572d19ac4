/*
 * fairness: the strategies walk a group's sweep once; the gaps compare a
 * metric across groups.
 */
#include "core/stats/fairness.h"

#include "core/base/parse.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const names[] = { "single", "best", "equal-recall", "equal-fpr", "equal-rate" };

const char *fairness_name(enum fairness_strategy s)
{
	return names[s];
}

int fairness_parse(const char *arg, struct fairness_spec *fs)
{
	size_t i;

	fs->value = NAN;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t len = strlen(names[i]);

		if (strncmp(arg, names[i], len) != 0)
			continue;
		fs->strategy = (enum fairness_strategy)i;
		if (i < FAIR_EQUAL_RECALL)
			return arg[len] == '\0' ? 0 : -1;
		if (arg[len] != '=' || parse_number(arg + len + 1, strlen(arg + len + 1), &fs->value) != PARSE_OK ||
		    !(fs->value >= 0 && fs->value <= 1))
			return -1;
		return 0;
	}
	return -1;
}

int fairness_threshold(const struct sweep *sw, const struct fairness_spec *fs, const struct optimize_spec *opt,
		       double *threshold)
{
	double n = sw->pos + sw->neg;
	size_t k, found = 0;

	if (!(sw->pos > 0 && sw->neg > 0))
		return -1;
	switch (fs->strategy) {
	case FAIR_SINGLE:
		return -1;
	case FAIR_BEST: {
		struct optimum o;

		if (opt == NULL || optimize_run(sw, opt, &o) < 0)
			return -1;
		*threshold = o.threshold;
		return 0;
	}
	case FAIR_EQUAL_RECALL:
		/* from the top: the first score that reaches the recall */
		for (k = 1; k <= sw->n && !found; k++)
			if (sweep_confusion(sw, k).tp / sw->pos >= fs->value)
				found = k;
		break;
	case FAIR_EQUAL_FPR:
	case FAIR_EQUAL_RATE:
		/* FPR and flag rate only grow downwards: the last that stays within */
		for (k = 1; k <= sw->n; k++) {
			struct confusion c = sweep_confusion(sw, k);
			double v = fs->strategy == FAIR_EQUAL_FPR ? c.fp / sw->neg : (c.tp + c.fp) / n;

			if (!(v <= fs->value))
				break;
			found = k;
		}
		if (found == 0) {
			/* even the top score's rows pass the limit: the closest
			 * rate not above it is none (the single threshold may flag
			 * everyone) */
			*threshold = INFINITY;
			return 1;
		}
		break;
	}
	if (found == 0)
		return -1;
	*threshold = sw->score[found - 1];
	return 0;
}

double fairness_gap_of(const struct confusion *c, size_t n, enum metric m, size_t *hi, size_t *lo)
{
	double max = NAN, min = NAN;
	size_t g, defined = 0;

	*hi = *lo = (size_t)-1;
	for (g = 0; g < n; g++) {
		double v = metrics_value(m, &c[g]);

		if (isnan(v))
			continue;
		defined++;
		/* strictly: the first group in order keeps a tie */
		if (isnan(max) || v > max)
			max = v, *hi = g;
		if (isnan(min) || v < min)
			min = v, *lo = g;
	}
	if (defined < 2) {
		*hi = *lo = (size_t)-1;
		return NAN;
	}
	return max - min;
}

double fairness_gap(const struct sweep *const *sw, size_t n, const double *thr, enum metric m, size_t *hi, size_t *lo)
{
	struct confusion c[FAIRNESS_MAX_GROUPS];
	size_t g;

	for (g = 0; g < n && g < FAIRNESS_MAX_GROUPS; g++)
		c[g] = sweep_at(sw[g], thr[g]);
	return fairness_gap_of(c, g, m, hi, lo);
}

const char *fairness_words(const struct fairness_spec *fs, char *buf, size_t cap)
{
	if (isnan(fs->value))
		snprintf(buf, cap, "%s", fairness_name(fs->strategy));
	else
		snprintf(buf, cap, "%s %g", fairness_name(fs->strategy), fs->value);
	return buf;
}
