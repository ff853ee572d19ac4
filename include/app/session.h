/*
 * session: from the data options to a loaded, swept data set and an
 * explorer view.
 * Shared by the command line, the explorer, the tests and the benchmarks,
 * so that the explorer and --report start from the same numbers.
 */
#ifndef CUTOFF_SESSION_H
#define CUTOFF_SESSION_H

#include "core/load/dataset.h"
#include "core/load/rowlist.h"
#include "core/stats/sweep.h"
#include "app/view.h"

/* What a session starts from besides the data: the command line's choices
 * (options_start() fills it from the parsed options). */
struct session_start {
	bool has_threshold;
	double threshold;               /* for every model, when given */
	bool costs;                     /* costs were given */
	double cost_fp, cost_fn;
	bool invert;                    /* every model's score = -score */
	double prevalence;              /* reweighted to it (0: the sample's) */
	size_t calib_bins;              /* --calibration-bins (0: 10) */
	bool group_strategy;            /* --group-thresholds: applied to the first model */
	struct fairness_spec strategy;
	enum calib_strategy calib_strategy;
	double conf_level;              /* of the intervals */
	bool ascii, color;
	bool pinned;                    /* --baseline T: pinned in the explorer */
	double pin;
	const char *id;                 /* --id and --show, for the rows panel */
	const char *const *show;
	size_t n_show;
};

struct session {
	struct dataset *ds;
	struct sweep *sweeps;           /* one per model */
	struct view_model *models;
	size_t built;
	struct view_pair *pairs;        /* every pair of models, (0,1), (0,2), ... */
	size_t n_pairs;
	double *(*kept)[2];             /* while opening: each model's rows for the pairs */
	size_t kept_n[2];               /* how many positives and negatives kept */
	/* --group: each model's groups' sweeps, model by model (n_groups each) */
	size_t n_groups;
	struct sweep *group_sweeps;
	struct sweep **group_ptrs;
	double *group_thr;
	double *group_best;
	size_t group_built;
	const struct dataset_options *data; /* as opened, for :group */
	struct dataset *regrouped;      /* :group's reading, for its names */
	char *group_column;
	struct sweep **ref_ptrs;        /* --against: the reference's sweeps, then its samples */
	double *class_u;                /* --multiclass: the one-vs-one sums (k x k), from the sweeps' sorts */
	const char *rows_id;            /* --id and --show, for the rows panel */
	const char *const *rows_show;
	size_t rows_n_show;
	const struct rowlists *rows_kept; /* rows kept as read (no file to read again), or NULL */
	struct view view;
};

/* Loads the data and builds every model's sweep (freeing its rows). Returns
 * 0, or -1 with a message in err. The dataset's notes are left for the
 * caller to print. */
int session_open(struct session *s, const struct dataset_options *data, const struct session_start *st,
		 char *err, size_t errlen);

/* :group COL (NULL: off): reads the file again for that column's groups
 * of every model; the models themselves stay.  0, or -1 with a message
 * in err (standard input cannot be read twice). */
int session_regroup(struct session *s, const char *column, char *err, size_t errlen);

/* The :group command's effect: session_regroup, said on the view's
 * bottom line ("" is off). */
void session_group_command(struct session *s, const char *column);

/* --against: the reference session (read by s's columns, same models)
 * beside s, for the screen and every report; it must outlive the
 * attachment.  0, or -1 when out of memory.  Detach undoes it (and frees
 * the view's drift); session_close detaches. */
int session_attach(struct session *s, struct session *ref);
void session_detach(struct session *s);

void session_close(struct session *s);

/* Names read elsewhere than in the rows (a database's counts): the label
 * column and the two classes, as the CSV loader would have named them;
 * with positive_given, the explorer's words are the classes' names (as
 * with --positive).  0, or -1 when out of memory. */
int session_name_classes(struct session *s, const char *label, const char *pos, const char *neg, bool positive_given);

#endif
