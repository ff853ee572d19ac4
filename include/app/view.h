/*
 * view: the explorer's state and the actions on it, without a terminal.
 * The state is small (per model: a threshold and where the optima are);
 * every action is a binary search or two on the model's sweep, so a key
 * press costs the same on a thousand rows as on ten million.
 */
#ifndef CUTOFF_VIEW_H
#define CUTOFF_VIEW_H

#include "core/stats/boot.h"
#include "core/stats/calib.h"
#include "core/stats/drift.h"
#include "core/stats/fairness.h"
#include "core/stats/sweep.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum best { BEST_F1, BEST_YOUDEN, BEST_MCC, BEST_COST, BEST_COUNT };

enum step_mode { STEP_VALUE, STEP_RANK };

enum glyphs { GLYPHS_BRAILLE, GLYPHS_BLOCK, GLYPHS_ASCII };

/* How far a step goes: to the next distinct score, or 1% / 10% of the rows
 * (rank mode) or of the score range (value mode). */
enum step_size { STEP_FINE, STEP_SMALL, STEP_LARGE };

#define VIEW_NONE ((size_t)-1)

enum { HELP_KEYS = -1, HELP_COMMANDS = -2 };

/* DeLong's paired test of two models (a < b) over the same rows. */
struct view_pair {
	size_t a, b;
	double difference;          /* auc_a - auc_b */
	double se;                  /* NaN: no test (streamed, weighted, too few rows) */
};

struct view_model {
	const char *name;
	struct sweep *sw;           /* sample, or deployed at a prevalence */
	struct sweep *sample;       /* the session's; :invert turns it round */
	struct sweep deployed;      /* reweighted (:prevalence), owned; n 0 if not */
	double threshold;           /* exact; +inf flags nothing */
	size_t k;                   /* top k distinct scores are flagged */
	size_t best[BEST_COUNT];    /* k of each optimum, VIEW_NONE if none */
};

struct classview;
struct rowsview;

struct view {
	/* what was loaded */
	const char *file;
	const char *label;
	const char *positive;       /* as the data names it */
	const char *negative;       /* likewise, or "other" */
	const char *pos_words;      /* for sentences and headings */
	const char *neg_words;
	uint64_t skipped;
	struct view_model *models;
	size_t n_models;
	const struct view_pair *pairs;  /* every pair of models, for the legend */
	size_t n_pairs;

	/* --group or :group: each model's groups (the session's sweeps);
	 * with --fold the groups are the cross-validation's folds */
	bool folds;
	const char *group_column;
	size_t n_groups;
	char *const *group_names;   /* in byte order, the missing group (NA) last; names as shown (text_escape) */
	struct sweep **group_sw;    /* n_models x n_groups, model by model */
	double *group_thr;          /* the same: each group's threshold while a strategy holds */
	double *group_best;         /* the same: each group's best F1 threshold (NaN: none) */
	bool group_strategy;        /* :group-thresholds applied to the model on screen */
	size_t group_strategy_model;
	struct fairness_spec strategy;
	bool strategy_custom;       /* a group's knob moved by hand since the strategy */
	size_t group_sel;           /* the group whose knob the arrows move, VIEW_NONE: the model's */

	/* --against REF: each model's reference sweep (the current data is the
	 * view's own), and the file */
	struct sweep *const *ref_sw;
	struct sweep *const *ref_sample; /* the reference as read (not reweighted), for the drift */
	const char *ref_file;
	struct drift *ref_drift;    /* each model's drift, of the data as read (view_drift) */

	/* --multiclass: the models are the classes, each against the rest;
	 * NULL otherwise */
	struct classview *classes;
	char *const *class_names;   /* as the data names them */
	bool classes_shown;         /* the whole decision in place of the tables and plots */
	bool classes_argmax;        /* its matrix by the highest score, not the thresholds */

	/* r: the rows behind a cell, in place of the plots (the explorer
	 * builds rows when it is first asked for) */
	struct rowsview *rows;
	bool rows_shown;
	int rows_cell;              /* enum rowlist_cell */

	/* what the user chose */
	size_t model;
	size_t prev_k;              /* before the last move, for the arrows */
	enum step_mode step;
	bool overlay;               /* all models on the ROC and PR plots */
	bool logfpr;                /* ROC's FPR axis on a log scale, from 1/negatives */
	bool help;                  /* the help box is open */
	int help_what;              /* HELP_KEYS, HELP_COMMANDS or a command's index */
	int help_top;               /* its first row shown, when it scrolls */
	int rotation;               /* which plot comes first when few fit */
	unsigned data_gen;          /* bumped when a sweep changes (:invert) */
	double conf_level;          /* of the intervals (--conf-level, :set conf) */
	/* after :bootstrap: where the best F1's threshold fell in conf_level
	 * of the resamples, for model band_model; the slider shows it */
	bool has_band;
	size_t band_model;
	double band_lo, band_hi;
	size_t booting;             /* resamples asked for while one runs, else 0 */
	size_t boot_done;
	double prevalence;          /* deployment prevalence (0: the sample's) */
	double budget;              /* review capacity (:budget N; 0: none) */
	size_t calib_bins;          /* the reliability diagram's (0: 10) */
	enum calib_strategy calib_strategy;
	bool band;                  /* :band: a review band on the model on screen (bandview.h) */
	double band_low, band_high;
	int band_sel;               /* the arrows move: 0 the threshold, 1 LOW, 2 HIGH */
	bool pinned;                /* p, :pin, --baseline: today's threshold, to compare with */
	double pin;
	bool costs;                 /* cost optimum known */
	double cost_fp, cost_fn;

	/* how to show it */
	enum glyphs glyphs;
	bool color;
	bool stakeholder;           /* the plain-language view */
	char cost_unit[16];
	char names[2][64];          /* class words from --names or :names */

	/* the bottom line: a message, or the command line while it is open */
	char message[256];
	bool message_is_error;
	bool cmd_active;
	char cmd_text[512];         /* prompt and line */
	int cmd_cursor;             /* its cursor column */
	char cmd_matches[512];      /* completions to show above it */
};

/* Sets up models[i].k; thresholds must be set.  No optima yet. */
void view_init(struct view *v);

/* Finds every model's optima (F1, Youden's J, MCC, and cost when costs
 * are set): one pass over each sweep, for the explorer's markers. */
void view_find_optima(struct view *v);

static inline struct view_model *view_current(const struct view *v)
{
	return &v->models[v->model];
}

/* Moves the current model's threshold (and k); remembers the old k. */
void view_set_threshold(struct view *v, double t);

/* Moves model i's threshold (with --multiclass, class i's). */
void view_set_model_threshold(struct view *v, size_t i, double t);
void view_set_k(struct view *v, size_t k);

/* Raises (dir > 0) or lowers (dir < 0) the threshold. */
void view_step(struct view *v, int dir, enum step_size size);

void view_jump(struct view *v, enum best which);

/* --against: each model's drift (PSI, KS, DeLong's unpaired test), of the
 * data as read: once when the reference is set, again for a model turned
 * round.  0, or -1 when out of memory (then none is shown). */
int view_drift(struct view *v);

/* The drift of the model on screen in a sentence (after a line break):
 * "Scores shifted: KS 0.2208, PSI 0.2535; ROC AUC +0.006330 since the
 * reference (DeLong p 0.07479)."  Returns its length. */
size_t view_drift_line(const struct view *v, char *buf, size_t cap);

/* Turns the model on screen's scores round (score = -score), or back (and
 * the reference's with --against); finds its optima again and moves to the
 * default threshold, as `cutoff --invert` would start. */
void view_invert(struct view *v);

/* The bootstrap :bootstrap N runs: the model on screen, at its threshold,
 * and the best F1's stability (spec is filled for it).  -1 with the
 * reason said when it cannot run (boot_check). */
int view_boot_options(struct view *v, size_t n, struct optimize_spec *spec, struct boot_options *bo);

/* Takes a finished bootstrap (rc as boot_run's, run with bo) for model:
 * the band on the slider and a message. */
void view_boot_done(struct view *v, size_t model, const struct boot_result *r, const struct boot_options *bo, int rc);

/* Reweights every model to a deployment prevalence p (0 < p < 1; 0: the
 * sample's again), keeping each threshold; finds the optima again.
 * Returns 0, or -1 (nothing changed) when out of memory or a model lacks
 * a class. */
int view_set_prevalence(struct view *v, double p);

/* Review capacity: marks it on the slider and moves to the lowest
 * threshold that flags at most n rows (weight); 0 clears it.  Returns the
 * number flagged there. */
double view_set_budget(struct view *v, double n);

/* Group g of the model on screen: its sweep, and the threshold it is
 * judged at (its own under a strategy, else the model's). */
const struct sweep *view_group_sweep(const struct view *v, size_t g);
double view_group_threshold(const struct view *v, size_t g);

/* Applies a per-group threshold strategy to the model on screen (single
 * clears it); says which groups keep the single threshold.  Groups that
 * cannot follow it keep the model's threshold. */
void view_apply_strategy(struct view *v, const struct fairness_spec *fs);

/* Tab: the next group's knob (after the last, the model's again). */
void view_next_group(struct view *v);

/* The group doing worst on recall at its threshold (VIEW_NONE: none
 * defines it), and the best, for the plain words. */
size_t view_worst_group(const struct view *v, size_t *best);

/* Under a per-group strategy on the model on screen: every group at its
 * own threshold, pooled, into c, and true; else false (c untouched). */
bool view_pooled(const struct view *v, struct confusion *c);

/* The per-group policy in force on the model on screen, in words
 * ("equal-recall 0.8", or "custom, from equal-recall 0.8" once a group's
 * knob was moved by hand), or NULL under one threshold. */
const char *view_policy(const struct view *v, char *buf, size_t cap);

/* Frees what the view owns (reweighted sweeps). */
void view_free(struct view *v);

/* Names the classes for the words on screen and in exports. */
void view_set_names(struct view *v, const char *pos, const char *neg);

/* Sets the bottom line's message. */
void view_say(struct view *v, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The model on screen: the next one (key m), or model i. */
void view_next_model(struct view *v);
void view_set_model(struct view *v, size_t i);

/* Slide and step by score value or by rank. */
void view_set_step(struct view *v, enum step_mode step);

/* Where the threshold sits on the slider, 0 (everything flagged) to 1
 * (nothing flagged), in the current step mode. */
double view_position(const struct view *v, size_t k);

/* The k a slider position (0..1) stands for. */
size_t view_k_at(const struct view *v, double pos);

/* The model on screen's confusion at threshold index k. */
struct confusion view_at(const struct view *v, size_t k);

/* Rows (weight) flagged at k. */
double view_flagged(const struct view_model *m, size_t k);

/* The stakeholder view's plain words for the current model at its
 * threshold (the panel and exports show the same text). */
size_t view_stakeholder_text(const struct view *v, char *buf, size_t cap);

#endif
