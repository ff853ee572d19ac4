/*
 * optimize: the threshold that is best for an objective, among a sweep's
 * distinct scores plus +inf (nothing predicted positive), optionally subject
 * to constraints on precision, recall, FPR and how many are flagged (a
 * review team's capacity).  Among equal objective values
 * the highest threshold wins.
 */
#ifndef CUTOFF_OPTIMIZE_H
#define CUTOFF_OPTIMIZE_H

#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>

enum objective {
	OBJ_F1,
	OBJ_FBETA,
	OBJ_MCC,
	OBJ_YOUDEN,
	OBJ_ACCURACY,
	OBJ_BALANCED_ACCURACY,
	OBJ_PRECISION,
	OBJ_RECALL,
	OBJ_COST,
	OBJ_COUNT
};

struct optimize_spec {
	enum objective objective;
	double beta;            /* for fbeta */
	double cost_fp, cost_fn;/* for cost: minimise cost_fp*FP + cost_fn*FN */
	double min_precision;   /* constraints; NaN: none */
	double min_recall;
	double max_fpr;
	double max_flagged;     /* review capacity: rows (weight) flagged */
	double max_flag_rate;   /* and their share of n */
};

struct optimum {
	size_t k;               /* top k distinct scores predicted positive */
	double threshold;
	double value;           /* the objective there (the cost for cost) */
};

/* The objective names as typed on the command line, indexed by enum. */
extern const char *const optimize_names[OBJ_COUNT];

/* Looks up an objective by name; returns -1 when unknown. */
int optimize_parse(const char *name, enum objective *obj);

/* A spec with defaults: beta 1, costs 1 and 1, no constraints. */
struct optimize_spec optimize_defaults(enum objective obj);

/* The objective's value at a confusion matrix (NaN when undefined). */
double optimize_value(const struct optimize_spec *spec, const struct confusion *c);

/* True when the confusion matrix meets the spec's constraints. */
bool optimize_feasible(const struct optimize_spec *spec, const struct confusion *c);

/* Finds the optimum; returns 0, or -1 when no threshold satisfies the
 * constraints or the objective is undefined everywhere. */
int optimize_run(const struct sweep *sw, const struct optimize_spec *spec, struct optimum *out);

#endif
