/*
 * options: getopt_long over the contract's options.  Numbers go through
 * the same strict grammar as the data (parse_number), so "0.5x" is an
 * error rather than 0.5.
 */
#include "options.h"
#include "core/load/sqlemit.h"

#include "optlist.h"

#include "core/stats/deploy.h"
#include "core/base/parse.h"

#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum {
	OPT_COUNTS = 256, OPT_HEADER, OPT_NO_HEADER, OPT_REPORT, OPT_OPTIMIZE, OPT_BETA,
	OPT_COST_FP, OPT_COST_FN, OPT_MIN_PRECISION, OPT_MIN_RECALL, OPT_MAX_FPR, OPT_CURVE,
	OPT_FORMAT, OPT_STRICT, OPT_ASCII, OPT_NO_COLOR, OPT_NO_MOUSE, OPT_VERSION, OPT_COMMANDS,
	OPT_BATCH, OPT_NAMES, OPT_STREAM, OPT_BINS, OPT_INVERT, OPT_CONF_LEVEL, OPT_PARTIAL_AUC, OPT_BOOTSTRAP, OPT_SEED,
	OPT_PREVALENCE, OPT_AGAINST, OPT_GROUP, OPT_FOLD, OPT_GROUP_THRESHOLDS, OPT_MAX_FLAGGED, OPT_MAX_FLAG_RATE, OPT_CALIB_BINS, OPT_CALIB_STRATEGY,
	OPT_MULTICLASS, OPT_CLASSES, OPT_THRESHOLDS, OPT_ID, OPT_SHOW, OPT_LIST, OPT_LIMIT, OPT_BASELINE,
	OPT_BAND, OPT_BAND_P, OPT_BAND_Q, OPT_COST_FP_COL, OPT_COST_FN_COL, OPT_LINEAR,
	OPT_EMIT_SQL, OPT_FROM, OPT_CONFIRM, OPT_STMT_TIMEOUT
};

static const struct option long_options[] = {
	{ "label", required_argument, NULL, 'l' },
	{ "score", required_argument, NULL, 's' },
	{ "positive", required_argument, NULL, 'p' },
	{ "weight", required_argument, NULL, 'w' },
	{ "counts", required_argument, NULL, OPT_COUNTS },
	{ "multiclass", no_argument, NULL, OPT_MULTICLASS },
	{ "classes", required_argument, NULL, OPT_CLASSES },
	{ "thresholds", required_argument, NULL, OPT_THRESHOLDS },
	{ "id", required_argument, NULL, OPT_ID },
	{ "show", required_argument, NULL, OPT_SHOW },
	{ "list", required_argument, NULL, OPT_LIST },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "band", required_argument, NULL, OPT_BAND },
	{ "band-precision", required_argument, NULL, OPT_BAND_P },
	{ "band-npv", required_argument, NULL, OPT_BAND_Q },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "header", no_argument, NULL, OPT_HEADER },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "threshold", required_argument, NULL, 't' },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "optimize", required_argument, NULL, OPT_OPTIMIZE },
	{ "beta", required_argument, NULL, OPT_BETA },
	{ "cost-fp", required_argument, NULL, OPT_COST_FP },
	{ "cost-fn", required_argument, NULL, OPT_COST_FN },
	{ "cost-fp-col", required_argument, NULL, OPT_COST_FP_COL },
	{ "cost-fn-col", required_argument, NULL, OPT_COST_FN_COL },
	{ "min-precision", required_argument, NULL, OPT_MIN_PRECISION },
	{ "min-recall", required_argument, NULL, OPT_MIN_RECALL },
	{ "max-fpr", required_argument, NULL, OPT_MAX_FPR },
	{ "curve", required_argument, NULL, OPT_CURVE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "stream", no_argument, NULL, OPT_STREAM },
	{ "bins", required_argument, NULL, OPT_BINS },
	{ "invert", no_argument, NULL, OPT_INVERT },
	{ "conf-level", required_argument, NULL, OPT_CONF_LEVEL },
	{ "partial-auc", required_argument, NULL, OPT_PARTIAL_AUC },
	{ "bootstrap", required_argument, NULL, OPT_BOOTSTRAP },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "prevalence", required_argument, NULL, OPT_PREVALENCE },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "fold", required_argument, NULL, OPT_FOLD },
	{ "against", required_argument, NULL, OPT_AGAINST },
	{ "group-thresholds", required_argument, NULL, OPT_GROUP_THRESHOLDS },
	{ "max-flagged", required_argument, NULL, OPT_MAX_FLAGGED },
	{ "max-flag-rate", required_argument, NULL, OPT_MAX_FLAG_RATE },
	{ "calibration-bins", required_argument, NULL, OPT_CALIB_BINS },
	{ "calibration-strategy", required_argument, NULL, OPT_CALIB_STRATEGY },
	{ "emit-sql", required_argument, NULL, OPT_EMIT_SQL },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "confirm", required_argument, NULL, OPT_CONFIRM },
	{ "statement-timeout", required_argument, NULL, OPT_STMT_TIMEOUT },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "linear", no_argument, NULL, OPT_LINEAR },
	{ "commands", required_argument, NULL, OPT_COMMANDS },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "names", required_argument, NULL, OPT_NAMES },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};


int options_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return OPTIONS_USAGE;
}

/* Appends the comma-separated names in arg to o->scores. */
static int add_scores(struct options *o, const char *arg, char *err, size_t errlen)
{
	size_t used = 0, len = strlen(arg), i;
	char *buf, *p, *tok;

	for (i = 0; i < o->data.n_scores; i++)
		used += strlen(o->scores[i]) + 1;
	/* every name lives in score_buf; rebuild it with the new list appended */
	buf = malloc(used + len + 1);
	if (buf == NULL)
		return options_error(err, errlen, "out of memory");
	p = buf;
	for (i = 0; i < o->data.n_scores; i++) {
		size_t n = strlen(o->scores[i]) + 1;

		memcpy(p, o->scores[i], n);
		o->scores[i] = p;
		p += n;
	}
	memcpy(p, arg, len + 1);
	free(o->score_buf);
	o->score_buf = buf;
	for (tok = p;; tok = p + 1) {
		p = strchr(tok, ',');
		if (p != NULL)
			*p = '\0';
		if (*tok == '\0')
			return options_error(err, errlen, "--score: empty column name in '%s'", arg);
		if (o->data.n_scores == OPTIONS_MAX_SCORES)
			return options_error(err, errlen, "--score: at most %d score columns", OPTIONS_MAX_SCORES);
		o->scores[o->data.n_scores++] = tok;
		if (p == NULL)
			break;
	}
	return 0;
}

static int set_mode(struct options *o, enum options_mode m, char *err, size_t errlen)
{
	if (o->mode != MODE_EXPLORE && o->mode != m &&
	    !((o->mode == MODE_REPORT && m == MODE_OPTIMIZE) || (o->mode == MODE_OPTIMIZE && m == MODE_REPORT)))
		return options_error(err, errlen, "--curve cannot be combined with --report or --optimize");
	if (o->mode != MODE_OPTIMIZE)
		o->mode = m;
	return 0;
}

#define NOT_MINE (-1)       /* an option parser's: not one of its options */

/* Where the scores live: SQL for an engine, or a connection's table. */
static int sql_option(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	switch (c) {
	case OPT_EMIT_SQL:
		if ((o->emit_sql = sqlemit_dialect(arg)) < 0)
			return options_error(err, errlen, "--emit-sql: no dialect '%s' (%s)", arg, sqlemit_dialect_list());
		return 0;
	case OPT_FROM:
		o->from = arg;
		return 0;
	case OPT_CONFIRM:
		o->has_confirm = true;
		return optlist_number("--confirm", arg, &o->confirm, false, err, errlen);
	case OPT_STMT_TIMEOUT:
		if (optlist_number("--statement-timeout", arg, &o->statement_timeout, false, err, errlen) != 0)
			return OPTIONS_USAGE;
		if (!(o->statement_timeout >= 0.001 && o->statement_timeout <= 2e6))
			return options_error(err, errlen, "--statement-timeout takes seconds from 0.001 to 2e6, not %s", arg);
		return 0;
	default:
		return NOT_MINE;
	}
}

/* Several classes, and the rows to list. */
static int list_option(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case OPT_MULTICLASS:
		o->data.multiclass = true;
		break;
	case OPT_ID:
		o->id = arg;
		break;
	case OPT_SHOW:
		rc = optlist_items("--show", arg, &o->show_buf, o->show, OPTIONS_MAX_SCORES, &o->n_show, err, errlen);
		break;
	case OPT_CLASSES: {
		int n = optlist_split("--classes", arg, &o->classes_buf, o->classes, OPTIONS_MAX_SCORES, err, errlen);

		if (n < 0)
			return OPTIONS_USAGE;
		o->data.classes = o->classes;
		o->data.n_classes = (size_t)n;
		o->data.multiclass = true; /* naming classes asks for them */
		break;
	}
	case OPT_THRESHOLDS:
		rc = optlist_thresholds(arg, &o->thresholds_buf, o->class_thr, OPTIONS_MAX_SCORES, &o->n_class_thr, err, errlen) < 0 ? OPTIONS_USAGE : 0;
		break;
	case OPT_LIST:
		if (rowlist_parse_cell(arg, &o->list_cell) < 0)
			return options_error(err, errlen, "--list takes fp, fn, tp, tn or near (got '%s')", arg);
		o->list = true;
		break;
	case OPT_BASELINE:
		o->has_baseline = true;
		rc = optlist_number("--baseline", arg, &o->baseline, true, err, errlen);
		break;
	case OPT_BAND:
		o->band = o->band_cuts = true;
		rc = optlist_band(arg, &o->band_low, &o->band_high, err, errlen);
		break;
	case OPT_BAND_P:
	case OPT_BAND_Q:
		o->band = true;
		rc = optlist_unit(c == OPT_BAND_P ? "--band-precision" : "--band-npv", arg,
				  c == OPT_BAND_P ? &o->band_p : &o->band_q, err, errlen);
		break;
	case OPT_LIMIT:
		o->limit_set = true;
		rc = optlist_count("--limit", arg, &o->limit, err, errlen) < 0 ? OPTIONS_USAGE : 0;
		break;
	default:
		return NOT_MINE;
	}
	return rc;
}

/* The data's columns and how to read them. */
static int data_option(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case 'l':
		o->data.label = arg;
		break;
	case 's':
		rc = add_scores(o, arg, err, errlen);
		break;
	case 'p':
		o->data.positive = arg;
		break;
	case 'w':
		o->data.weight = arg;
		break;
	case OPT_COST_FP_COL:
		o->data.cost_fp_col = arg;
		break;
	case OPT_COST_FN_COL:
		o->data.cost_fn_col = arg;
		break;
	case OPT_COUNTS:
		if (optlist_pair(arg, &o->counts_buf, &o->data.counts_pos, &o->data.counts_neg) < 0)
			return options_error(err, errlen, "--counts takes two columns, POS,NEG (got '%s')", arg);
		break;
	case 'd':
		if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0)
			o->data.delimiter = '\t';
		else if (strlen(arg) == 1 && arg[0] != '"' && arg[0] != '\n' && arg[0] != '\r')
			o->data.delimiter = arg[0];
		else
			rc = options_error(err, errlen, "--delimiter takes one character (or 'tab'), not '%s'", arg);
		break;
	case OPT_HEADER:
		o->data.header = 1;
		break;
	case OPT_NO_HEADER:
		o->data.header = 0;
		break;
	case OPT_STRICT:
		o->data.strict = true;
		break;
	case OPT_STREAM:
		o->data.stream = true;
		break;
	case OPT_BINS: {
		double b;

		rc = optlist_number("--bins", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 2 || b > 1e7 || b != floor(b)))
			rc = options_error(err, errlen, "--bins takes a whole number from 2 to 1e7, not %s", arg);
		if (rc == 0)
			o->data.bins = (size_t)b;
		break;
	}
	case OPT_GROUP:
		o->data.group = arg;
		break;
	case OPT_FOLD:
		o->data.fold = arg;
		break;
	case OPT_AGAINST:
		o->against = arg;
		break;
	default:
		return NOT_MINE;
	}
	return rc;
}

/* Where the threshold goes: given, or an optimum under constraints. */
static int decision_option(struct options *o, int c, const char *arg, struct options_seen *seen, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case 't':
		o->has_threshold = true;
		rc = optlist_number("--threshold", arg, &o->threshold, true, err, errlen);
		break;
	case OPT_OPTIMIZE:
		if (optimize_parse(arg, &o->spec.objective) < 0)
			return options_error(err, errlen,
					   "--optimize: unknown objective '%s' (f1, fbeta, mcc, youden, accuracy, balanced_accuracy, precision, recall, cost)",
					   arg);
		o->objective_name = arg;
		rc = set_mode(o, MODE_OPTIMIZE, err, errlen);
		break;
	case OPT_BETA:
		seen->beta = true;
		rc = optlist_number("--beta", arg, &o->spec.beta, false, err, errlen);
		if (rc == 0 && !(o->spec.beta > 0))
			rc = options_error(err, errlen, "--beta must be positive, not %s", arg);
		break;
	case OPT_COST_FP:
	case OPT_COST_FN: {
		const char *name = c == OPT_COST_FP ? "--cost-fp" : "--cost-fn";
		double *v = c == OPT_COST_FP ? &o->spec.cost_fp : &o->spec.cost_fn;

		seen->costs = true;
		rc = optlist_number(name, arg, v, false, err, errlen);
		/* a cost is money per mistake: up to 1e100 keeps every
		 * total of realistic counts finite */
		if (rc == 0 && !(*v >= 0 && *v <= 1e100))
			rc = options_error(err, errlen, "%s takes a number from 0 to 1e100, not %s", name, arg);
		break;
	}
	case OPT_MIN_PRECISION:
		seen->constrained = true;
		rc = optlist_unit("--min-precision", arg, &o->spec.min_precision, err, errlen);
		break;
	case OPT_MIN_RECALL:
		seen->constrained = true;
		rc = optlist_unit("--min-recall", arg, &o->spec.min_recall, err, errlen);
		break;
	case OPT_MAX_FPR:
		seen->constrained = true;
		rc = optlist_unit("--max-fpr", arg, &o->spec.max_fpr, err, errlen);
		break;
	case OPT_GROUP_THRESHOLDS:
		if (fairness_parse(arg, &o->group_strategy) < 0)
			return options_error(err, errlen, "--group-thresholds: '%s' is not best, single, equal-recall=X, "
					   "equal-fpr=X or equal-rate=X (X from 0 to 1)", arg);
		o->group_strategy_set = true;
		break;
	case OPT_MAX_FLAGGED:
		seen->constrained = true;
		rc = optlist_number("--max-flagged", arg, &o->spec.max_flagged, false, err, errlen);
		if (rc == 0 && !(o->spec.max_flagged >= 0 && o->spec.max_flagged == floor(o->spec.max_flagged) &&
				 o->spec.max_flagged <= 9007199254740992.0))
			rc = options_error(err, errlen, "--max-flagged takes a whole number of rows, 0 or more, not %s", arg);
		break;
	case OPT_MAX_FLAG_RATE:
		seen->constrained = true;
		rc = optlist_unit("--max-flag-rate", arg, &o->spec.max_flag_rate, err, errlen);
		break;
	default:
		return NOT_MINE;
	}
	return rc;
}

/* How the numbers are made: direction, resampling, reweighting, bins, levels. */
static int stats_option(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case OPT_INVERT:
		o->invert = true;
		break;
	case OPT_BOOTSTRAP: {
		double b;

		rc = optlist_number("--bootstrap", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 1 || b > 1e6 || b != floor(b)))
			rc = options_error(err, errlen, "--bootstrap takes a whole number of resamples from 1 to 1e6, not %s",
					 arg);
		else if (rc == 0)
			o->bootstrap = (size_t)b;
		break;
	}
	case OPT_SEED:
		if ((rc = optlist_seed(arg, &o->seed, err, errlen)) == 0)
			o->seed_set = true;
		break;
	case OPT_PREVALENCE:
		rc = optlist_number("--prevalence", arg, &o->prevalence, false, err, errlen);
		if (rc == 0 && !(o->prevalence >= DEPLOY_MIN_PREVALENCE && o->prevalence <= 1 - DEPLOY_MIN_PREVALENCE))
			rc = options_error(err, errlen, "--prevalence takes a share of positives from 1e-9 to 1 - 1e-9 (such as 0.001), "
					 "not %s", arg);
		break;
	case OPT_CALIB_BINS: {
		double b;

		rc = optlist_number("--calibration-bins", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 1 || b > CALIB_MAX_BINS || b != floor(b)))
			rc = options_error(err, errlen, "--calibration-bins takes a whole number from 1 to %d, not %s",
					 CALIB_MAX_BINS, arg);
		else if (rc == 0)
			o->calib_bins = (size_t)b;
		break;
	}
	case OPT_CALIB_STRATEGY:
		if (calib_parse_strategy(arg, &o->calib_strategy) < 0)
			return options_error(err, errlen, "--calibration-strategy: '%s' is not uniform or quantile", arg);
		break;
	case OPT_PARTIAL_AUC:
		rc = optlist_number("--partial-auc", arg, &o->partial_fpr, false, err, errlen);
		if (rc == 0 && !(o->partial_fpr >= 1e-9 && o->partial_fpr <= 1))
			rc = options_error(err, errlen, "--partial-auc takes a largest FPR from 1e-9 to 1, not %s", arg);
		break;
	case OPT_CONF_LEVEL:
		rc = optlist_number("--conf-level", arg, &o->conf_level, false, err, errlen);
		if (rc == 0 && !(o->conf_level > 0 && o->conf_level < 1))
			rc = options_error(err, errlen, "--conf-level takes a number between 0 and 1 (such as 0.95), not %s",
					 arg);
		break;
	default:
		return NOT_MINE;
	}
	return rc;
}

/* What is printed or shown, and how. */
static int output_option(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case OPT_REPORT:
		rc = set_mode(o, MODE_REPORT, err, errlen);
		break;
	case OPT_CURVE:
		if (curvefile_parse(arg, &o->curve) < 0)
			return options_error(err, errlen,
					   "--curve: unknown curve '%s' (roc, pr, gain, net-benefit, calibration, coverage, cost)", arg);
		rc = set_mode(o, MODE_CURVE, err, errlen);
		break;
	case OPT_FORMAT:
		if (report_parse_format(arg, &o->format) < 0)
			return options_error(err, errlen, "--format: unknown format '%s' (text, json, csv, markdown; svg with --curve; html)", arg);
		break;
	case OPT_ASCII:
		o->ascii = true;
		break;
	case OPT_NO_COLOR:
		o->no_color = true;
		break;
	case OPT_LINEAR:
		o->linear = true;
		break;
	case OPT_NO_MOUSE:
		o->no_mouse = true;
		break;
	case OPT_COMMANDS:
		o->commands = arg;
		break;
	case OPT_BATCH:
		o->batch = true;
		break;
	case OPT_NAMES:
		if (optlist_pair(arg, &o->names_buf, &o->names[0], &o->names[1]) < 0)
			return options_error(err, errlen, "--names takes two words, POS,NEG (got '%s')", arg);
		break;
	case 'h':
		o->help = true;
		break;
	case OPT_VERSION:
		o->version = true;
		break;
	default:
		return NOT_MINE;
	}
	return rc;
}

int options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen)
{
	struct options_seen seen = { false, false, false };
	int c, rc;

	memset(o, 0, sizeof *o);
	o->data.header = -1;
	o->data.scores = o->scores;
	o->spec = optimize_defaults(OBJ_F1);
	o->limit = 20;
	o->band_low = -INFINITY, o->band_high = INFINITY, o->band_p = o->band_q = NAN;
	o->format = FORMAT_TEXT;
	o->emit_sql = -1;
	optind = 0; /* reset getopt, so that tests can parse many times */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:s:p:w:d:t:h", long_options, NULL)) != -1) {
		if (c == ':')
			return options_error(err, errlen, "option '%s' needs a value", argv[optind - 1]);
		if ((rc = data_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = decision_option(o, c, optarg, &seen, err, errlen)) == NOT_MINE &&
		    (rc = stats_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = output_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = list_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = sql_option(o, c, optarg, err, errlen)) == NOT_MINE) {
			if (optopt != 0 && optopt < 256)
				return options_error(err, errlen, "unknown option '-%c' (see cutoff --help)", optopt);
			return options_error(err, errlen, "unknown option '%s' (see cutoff --help)", argv[optind - 1]);
		}
		if (rc != 0)
			return rc;
	}
	if (o->help || o->version)
		return OPTIONS_OK;
	if (optind < argc - 1)
		return options_error(err, errlen, "one input file at a time (got '%s' and '%s')", argv[optind],
				   argv[optind + 1]);
	o->data.path = optind < argc ? argv[optind] : NULL;
	o->costs_given = seen.costs || o->data.cost_fp_col != NULL || o->data.cost_fn_col != NULL;
	/* the columns read to be shown: --id first, then --show */
	if (o->id != NULL)
		o->extra[o->data.n_extra++] = o->id;
	for (size_t i = 0; i < o->n_show; i++)
		o->extra[o->data.n_extra++] = o->show[i];
	o->data.extra = o->extra;
	return options_combinations(o, &seen, err, errlen);
}

void options_start(const struct options *o, struct session_start *st)
{
	st->has_threshold = o->has_threshold;
	st->threshold = o->threshold;
	st->costs = o->costs_given;
	st->cost_fp = o->spec.cost_fp;
	st->cost_fn = o->spec.cost_fn;
	st->invert = o->invert;
	st->prevalence = o->prevalence;
	st->calib_bins = o->calib_bins;
	st->group_strategy = o->group_strategy_set;
	st->strategy = o->group_strategy;
	st->calib_strategy = o->calib_strategy;
	st->conf_level = o->conf_level > 0 ? o->conf_level : 0.95;
	st->ascii = o->ascii;
	st->color = !o->no_color;
	st->id = o->id, st->show = o->show, st->n_show = o->n_show;
	st->pinned = o->has_baseline, st->pin = o->baseline;
}

void options_free(struct options *o)
{
	free(o->score_buf);
	free(o->counts_buf);
	free(o->names_buf);
	free(o->classes_buf);
	free(o->thresholds_buf);
	free(o->show_buf);
	o->score_buf = o->counts_buf = o->names_buf = o->classes_buf = o->thresholds_buf = o->show_buf = NULL;
}
