/*
 * options: getopt_long over the contract's options.  Numbers go through
 * the same strict grammar as the data (parse_number), so "0.5x" is an
 * error rather than 0.5.
 */
#include "options.h"

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
	OPT_PREVALENCE, OPT_AGAINST, OPT_GROUP, OPT_FOLD, OPT_GROUP_THRESHOLDS, OPT_MAX_FLAGGED, OPT_MAX_FLAG_RATE, OPT_CALIB_BINS, OPT_CALIB_STRATEGY
};

static const struct option long_options[] = {
	{ "label", required_argument, NULL, 'l' },
	{ "score", required_argument, NULL, 's' },
	{ "positive", required_argument, NULL, 'p' },
	{ "weight", required_argument, NULL, 'w' },
	{ "counts", required_argument, NULL, OPT_COUNTS },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "header", no_argument, NULL, OPT_HEADER },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "threshold", required_argument, NULL, 't' },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "optimize", required_argument, NULL, OPT_OPTIMIZE },
	{ "beta", required_argument, NULL, OPT_BETA },
	{ "cost-fp", required_argument, NULL, OPT_COST_FP },
	{ "cost-fn", required_argument, NULL, OPT_COST_FN },
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
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "commands", required_argument, NULL, OPT_COMMANDS },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "names", required_argument, NULL, OPT_NAMES },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

void options_usage(FILE *f)
{
	fputs("usage: cutoff [OPTIONS] [FILE]\n"
	      "Explore and choose a binary classifier's decision threshold.\n"
	      "FILE is a CSV/TSV of labels and scores; '-' or no FILE reads standard input.\n"
	      "\n"
	      "Columns:\n"
	      "  -l, --label COL           label column (header name or 1-based index)\n"
	      "  -s, --score COL[,COL...]  score column(s), one model each; repeatable\n"
	      "  -p, --positive VALUE      the label value of the positive class\n"
	      "  -w, --weight COL          per-row non-negative weight\n"
	      "      --counts POS,NEG      rows are: score, count of positives, of negatives\n"
	      "  -d, --delimiter C         field delimiter (default: detected from , tab ; |)\n"
	      "      --header, --no-header force header handling (default: detected)\n"
	      "      --strict              a bad row is an error instead of being skipped\n"
	      "      --stream              fold rows into distinct scores as they come (memory\n"
	      "                            by distinct scores; chosen by itself for huge inputs)\n"
	      "      --bins N              with --stream: group scores into at most N bins\n"
	      "      --invert              score = -score, for models whose high scores mean\n"
	      "                            the negative class (ROC AUC below 0.5)\n"
	      "      --group COL           a column of categories: every report also per group,\n"
	      "                            with the gaps between groups (at most 1,000 groups)\n"
	      "      --fold COL            cross-validation fold ids: every report also per fold,\n"
	      "                            with the spread of each number across folds\n"
	      "      --against REF         FILE against the reference file REF at the same\n"
	      "                            threshold: both reports, their changes, the drift\n"
	      "                            of the scores (KS, PSI) and DeLong's unpaired test\n"
	      "\n"
	      "What to do (default: the explorer):\n"
	      "  -t, --threshold X         the threshold (default 0.5 for probabilities, else 0)\n"
	      "      --report              print the report at the threshold\n"
	      "      --optimize OBJ        report at the threshold that is best for OBJ:\n"
	      "                            f1 fbeta mcc youden accuracy balanced_accuracy\n"
	      "                            precision recall cost\n"
	      "      --beta B              beta for fbeta (default 1)\n"
	      "      --cost-fp A, --cost-fn B  costs for cost: minimise A*FP + B*FN (default 1, 1)\n"
	      "      --min-precision P, --min-recall R, --max-fpr F\n"
	      "                            constraints for --optimize\n"
	      "      --max-flagged N, --max-flag-rate R\n"
	      "                            review capacity for --optimize: flag at most N rows\n"
	      "                            (weighted) or a share R of them\n"
	      "      --prevalence P        report as if positives were a share P of the cases\n"
	      "                            (the base rate where the model is deployed)\n"
	      "      --curve KIND          print a whole curve: roc, pr, gain (cumulative gains\n"
	      "                            and lift), net-benefit (decision curve), calibration\n"
	      "      --group-thresholds S  a threshold per group: best (each group's --optimize\n"
	      "                            optimum), equal-recall=X, equal-fpr=X, equal-rate=X,\n"
	      "                            or single (one for all, the default)\n"
	      "      --calibration-bins B  bins of the calibration curve and ECE (default 10)\n"
	      "      --calibration-strategy uniform|quantile\n"
	      "                            equal-width bins (default) or equal-count bins\n"
	      "      --format FMT          text, json, csv or markdown (default text)\n"
	      "      --conf-level L        level of the intervals, 0 < L < 1 (default 0.95):\n"
	      "                            Wilson for the rates, DeLong for the ROC AUC\n"
	      "      --partial-auc F       also the standardised partial ROC AUC over FPR <= F\n"
	      "      --bootstrap N         N stratified resamples: intervals of F1, MCC, balanced\n"
	      "                            accuracy, average precision (and with --optimize,\n"
	      "                            of the optimal threshold and its value)\n"
	      "      --seed S              the resamples' seed (default 1)\n"
	      "\n",
	      f);
	/* two strings: C99 compilers need only take 4,095 bytes in one */
	fputs("Explorer:\n"
	      "      --names POS,NEG       words for the two classes\n"
	      "      --ascii, --no-color, --no-mouse\n"
	      "      --commands FILE       run explorer commands from FILE without a terminal,\n"
	      "                            printing what export writes\n"
	      "      --batch               the same, with the commands on standard input\n"
	      "\n"
	      "  -h, --help                this help\n"
	      "      --version             the version\n"
	      "\n"
	      "Exit status: 0 success, 1 data error, 2 usage error.  See cutoff(1).\n",
	      f);
}

static int usage_error(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int usage_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return OPTIONS_USAGE;
}

static int number(const char *opt, const char *arg, double *v, bool allow_inf, char *err, size_t errlen)
{
	enum parse_status st = parse_number(arg, strlen(arg), v);

	if (st == PARSE_NONFINITE && allow_inf) {
		*v = strchr(arg, '-') ? -INFINITY : INFINITY;
		return 0;
	}
	if (st != PARSE_OK)
		return usage_error(err, errlen, "%s: '%s' is not a number", opt, arg);
	return 0;
}

static int unit_interval(const char *opt, const char *arg, double *v, char *err, size_t errlen)
{
	if (number(opt, arg, v, false, err, errlen) != 0)
		return OPTIONS_USAGE;
	if (*v < 0 || *v > 1)
		return usage_error(err, errlen, "%s: %s is not between 0 and 1", opt, arg);
	return 0;
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
		return usage_error(err, errlen, "out of memory");
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
			return usage_error(err, errlen, "--score: empty column name in '%s'", arg);
		if (o->data.n_scores == OPTIONS_MAX_SCORES)
			return usage_error(err, errlen, "--score: at most %d score columns", OPTIONS_MAX_SCORES);
		o->scores[o->data.n_scores++] = tok;
		if (p == NULL)
			break;
	}
	return 0;
}

/* Splits "A,B" (both non-empty, one comma) into a copy kept in *buf. */
static int split_pair(const char *arg, char **buf, const char **a, const char **b)
{
	char *comma;

	free(*buf);
	if ((*buf = strdup(arg)) == NULL)
		return -1;
	comma = strchr(*buf, ',');
	if (comma == NULL || comma == *buf || comma[1] == '\0' || strchr(comma + 1, ','))
		return -1;
	*comma = '\0';
	*a = *buf;
	*b = comma + 1;
	return 0;
}

static int set_mode(struct options *o, enum options_mode m, char *err, size_t errlen)
{
	if (o->mode != MODE_EXPLORE && o->mode != m &&
	    !((o->mode == MODE_REPORT && m == MODE_OPTIMIZE) || (o->mode == MODE_OPTIMIZE && m == MODE_REPORT)))
		return usage_error(err, errlen, "--curve cannot be combined with --report or --optimize");
	if (o->mode != MODE_OPTIMIZE)
		o->mode = m;
	return 0;
}

/* One column, one role: the same column given twice ("-l y -w y",
 * "--counts p,p", "-s a -s a") would count rows twice or lose a class.
 * Names are compared as given; a name and an index of the same column
 * are caught when the header is read. */
static int one_role_each(const struct options *o, char *err, size_t errlen)
{
	const char *spec[6 + OPTIONS_MAX_SCORES], *what[6 + OPTIONS_MAX_SCORES];
	size_t n = 0, i, j;

	if (o->data.label)
		spec[n] = o->data.label, what[n++] = "--label";
	if (o->data.weight)
		spec[n] = o->data.weight, what[n++] = "--weight";
	if (o->data.group)
		spec[n] = o->data.group, what[n++] = "--group";
	if (o->data.fold)
		spec[n] = o->data.fold, what[n++] = "--fold";
	if (o->data.counts_pos) {
		spec[n] = o->data.counts_pos, what[n++] = "--counts (positives)";
		spec[n] = o->data.counts_neg, what[n++] = "--counts (negatives)";
	}
	for (i = 0; i < o->data.n_scores; i++)
		spec[n] = o->data.scores[i], what[n++] = "--score";
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(spec[i], spec[j]) == 0)
				return usage_error(err, errlen, "%s and %s both name column '%s'; a column has one role",
						   what[j], what[i], spec[i]);
	return OPTIONS_OK;
}

/* What the parse saw, for the checks of combinations. */
struct seen {
	bool constrained;       /* a constraint on the optimum */
	bool beta;
	bool costs;
};

#define NOT_MINE (-1)       /* an option parser's: not one of its options */

/* --seed: digits are read exactly (9007199254740993 is not 2^53). */
static int parse_seed(struct options *o, const char *arg, char *err, size_t errlen)
{
	double sd;
	int rc;

	if (arg[0] != '\0' && strspn(arg, "0123456789") == strlen(arg)) {
		unsigned long long u = strtoull(arg, NULL, 10);

		if (u > 9007199254740992ULL || strlen(arg) > 20)
			return usage_error(err, errlen, "--seed takes a whole number from 0 to 2^53, not %s", arg);
		o->seed = u, o->seed_set = true;
		return 0;
	}
	rc = number("--seed", arg, &sd, false, err, errlen);
	if (rc == 0 && (sd < 0 || sd >= 9007199254740992.0 || sd != floor(sd)))
		return usage_error(err, errlen, "--seed takes a whole number from 0 to 2^53, not %s", arg);
	if (rc == 0)
		o->seed = (uint64_t)sd, o->seed_set = true;
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
	case OPT_COUNTS:
		if (split_pair(arg, &o->counts_buf, &o->data.counts_pos, &o->data.counts_neg) < 0)
			return usage_error(err, errlen, "--counts takes two columns, POS,NEG (got '%s')", arg);
		break;
	case 'd':
		if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0)
			o->data.delimiter = '\t';
		else if (strlen(arg) == 1 && arg[0] != '"' && arg[0] != '\n' && arg[0] != '\r')
			o->data.delimiter = arg[0];
		else
			rc = usage_error(err, errlen, "--delimiter takes one character (or 'tab'), not '%s'", arg);
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

		rc = number("--bins", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 2 || b > 1e7 || b != floor(b)))
			rc = usage_error(err, errlen, "--bins takes a whole number from 2 to 1e7, not %s", arg);
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
static int decision_option(struct options *o, int c, const char *arg, struct seen *seen, char *err, size_t errlen)
{
	int rc = 0;

	switch (c) {
	case 't':
		o->has_threshold = true;
		rc = number("--threshold", arg, &o->threshold, true, err, errlen);
		break;
	case OPT_OPTIMIZE:
		if (optimize_parse(arg, &o->spec.objective) < 0)
			return usage_error(err, errlen,
					   "--optimize: unknown objective '%s' (f1, fbeta, mcc, youden, accuracy, balanced_accuracy, precision, recall, cost)",
					   arg);
		o->objective_name = arg;
		rc = set_mode(o, MODE_OPTIMIZE, err, errlen);
		break;
	case OPT_BETA:
		seen->beta = true;
		rc = number("--beta", arg, &o->spec.beta, false, err, errlen);
		if (rc == 0 && !(o->spec.beta > 0))
			rc = usage_error(err, errlen, "--beta must be positive, not %s", arg);
		break;
	case OPT_COST_FP:
	case OPT_COST_FN: {
		const char *name = c == OPT_COST_FP ? "--cost-fp" : "--cost-fn";
		double *v = c == OPT_COST_FP ? &o->spec.cost_fp : &o->spec.cost_fn;

		seen->costs = true;
		rc = number(name, arg, v, false, err, errlen);
		/* a cost is money per mistake: up to 1e100 keeps every
		 * total of realistic counts finite */
		if (rc == 0 && !(*v >= 0 && *v <= 1e100))
			rc = usage_error(err, errlen, "%s takes a number from 0 to 1e100, not %s", name, arg);
		break;
	}
	case OPT_MIN_PRECISION:
		seen->constrained = true;
		rc = unit_interval("--min-precision", arg, &o->spec.min_precision, err, errlen);
		break;
	case OPT_MIN_RECALL:
		seen->constrained = true;
		rc = unit_interval("--min-recall", arg, &o->spec.min_recall, err, errlen);
		break;
	case OPT_MAX_FPR:
		seen->constrained = true;
		rc = unit_interval("--max-fpr", arg, &o->spec.max_fpr, err, errlen);
		break;
	case OPT_GROUP_THRESHOLDS:
		if (fairness_parse(arg, &o->group_strategy) < 0)
			return usage_error(err, errlen, "--group-thresholds: '%s' is not best, single, equal-recall=X, "
					   "equal-fpr=X or equal-rate=X (X from 0 to 1)", arg);
		o->group_strategy_set = true;
		break;
	case OPT_MAX_FLAGGED:
		seen->constrained = true;
		rc = number("--max-flagged", arg, &o->spec.max_flagged, false, err, errlen);
		if (rc == 0 && !(o->spec.max_flagged >= 0 && o->spec.max_flagged == floor(o->spec.max_flagged) &&
				 o->spec.max_flagged <= 9007199254740992.0))
			rc = usage_error(err, errlen, "--max-flagged takes a whole number of rows, 0 or more, not %s", arg);
		break;
	case OPT_MAX_FLAG_RATE:
		seen->constrained = true;
		rc = unit_interval("--max-flag-rate", arg, &o->spec.max_flag_rate, err, errlen);
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

		rc = number("--bootstrap", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 1 || b > 1e6 || b != floor(b)))
			rc = usage_error(err, errlen, "--bootstrap takes a whole number of resamples from 1 to 1e6, not %s",
					 arg);
		else if (rc == 0)
			o->bootstrap = (size_t)b;
		break;
	}
	case OPT_SEED:
		rc = parse_seed(o, arg, err, errlen);
		break;
	case OPT_PREVALENCE:
		rc = number("--prevalence", arg, &o->prevalence, false, err, errlen);
		if (rc == 0 && !(o->prevalence >= DEPLOY_MIN_PREVALENCE && o->prevalence <= 1 - DEPLOY_MIN_PREVALENCE))
			rc = usage_error(err, errlen, "--prevalence takes a share of positives from 1e-9 to 1 - 1e-9 (such as 0.001), "
					 "not %s", arg);
		break;
	case OPT_CALIB_BINS: {
		double b;

		rc = number("--calibration-bins", arg, &b, false, err, errlen);
		if (rc == 0 && (b < 1 || b > CALIB_MAX_BINS || b != floor(b)))
			rc = usage_error(err, errlen, "--calibration-bins takes a whole number from 1 to %d, not %s",
					 CALIB_MAX_BINS, arg);
		else if (rc == 0)
			o->calib_bins = (size_t)b;
		break;
	}
	case OPT_CALIB_STRATEGY:
		if (calib_parse_strategy(arg, &o->calib_strategy) < 0)
			return usage_error(err, errlen, "--calibration-strategy: '%s' is not uniform or quantile", arg);
		break;
	case OPT_PARTIAL_AUC:
		rc = number("--partial-auc", arg, &o->partial_fpr, false, err, errlen);
		if (rc == 0 && !(o->partial_fpr >= 1e-9 && o->partial_fpr <= 1))
			rc = usage_error(err, errlen, "--partial-auc takes a largest FPR from 1e-9 to 1, not %s", arg);
		break;
	case OPT_CONF_LEVEL:
		rc = number("--conf-level", arg, &o->conf_level, false, err, errlen);
		if (rc == 0 && !(o->conf_level > 0 && o->conf_level < 1))
			rc = usage_error(err, errlen, "--conf-level takes a number between 0 and 1 (such as 0.95), not %s",
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
			return usage_error(err, errlen,
					   "--curve: unknown curve '%s' (roc, pr, gain, net-benefit, calibration)", arg);
		rc = set_mode(o, MODE_CURVE, err, errlen);
		break;
	case OPT_FORMAT:
		if (report_parse_format(arg, &o->format) < 0)
			return usage_error(err, errlen, "--format: unknown format '%s' (text, json, csv, markdown)", arg);
		break;
	case OPT_ASCII:
		o->ascii = true;
		break;
	case OPT_NO_COLOR:
		o->no_color = true;
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
		if (split_pair(arg, &o->names_buf, &o->names[0], &o->names[1]) < 0)
			return usage_error(err, errlen, "--names takes two words, POS,NEG (got '%s')", arg);
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

/* Options that do not go together, or need another. */
static int combinations(const struct options *o, const struct seen *seen, char *err, size_t errlen)
{
	if (seen->constrained && o->mode != MODE_OPTIMIZE)
		return usage_error(err, errlen,
				   "--min-precision, --min-recall, --max-fpr, --max-flagged and --max-flag-rate go with --optimize");
	if (seen->beta && !(o->mode == MODE_OPTIMIZE && o->spec.objective == OBJ_FBETA))
		return usage_error(err, errlen, "--beta goes with --optimize fbeta");
	if (seen->costs && !(o->mode == MODE_OPTIMIZE && o->spec.objective == OBJ_COST) && o->mode != MODE_EXPLORE)
		return usage_error(err, errlen, "--cost-fp and --cost-fn go with --optimize cost");
	if (o->mode == MODE_OPTIMIZE && o->has_threshold)
		return usage_error(err, errlen, "--threshold and --optimize both choose the threshold; give one");
	if ((o->commands != NULL || o->batch) && o->mode != MODE_EXPLORE)
		return usage_error(err, errlen, "--commands and --batch replace --report, --optimize and --curve");
	if (o->commands != NULL && o->batch)
		return usage_error(err, errlen, "give the commands with --commands FILE or on stdin with --batch, not both");
	if (o->batch && (o->data.path == NULL || strcmp(o->data.path, "-") == 0))
		return usage_error(err, errlen, "--batch reads the commands from stdin: give the data as a FILE");
	if (o->against != NULL && (o->mode == MODE_CURVE || o->format == FORMAT_CSV || o->data.group || o->data.fold ||
				   o->commands || o->batch || o->bootstrap))
		return usage_error(err, errlen, "--against reports in text, JSON or Markdown (not with --curve, CSV, "
				   "--group, --fold, --bootstrap or commands)");
	if (o->against != NULL && (o->data.path == NULL || strcmp(o->data.path, "-") == 0) && strcmp(o->against, "-") == 0)
		return usage_error(err, errlen, "--against: the two files cannot both be standard input");
	if (o->data.group != NULL && o->data.fold != NULL)
		return usage_error(err, errlen, "--group and --fold: one at a time");
	if (o->bootstrap && (o->data.weight != NULL || o->prevalence > 0))
		return usage_error(err, errlen, "--bootstrap resamples whole rows: not with --weight or --prevalence");
	if (o->group_strategy_set && o->data.group == NULL)
		return usage_error(err, errlen, "--group-thresholds goes with --group COL");
	if (o->group_strategy_set && o->group_strategy.strategy == FAIR_BEST && o->mode != MODE_OPTIMIZE)
		return usage_error(err, errlen, "--group-thresholds best needs --optimize OBJ (each group's optimum of it)");
	if (o->data.counts_pos != NULL && (o->data.label != NULL || o->data.positive != NULL || o->data.weight != NULL))
		return usage_error(err, errlen, "--counts replaces --label, --positive and --weight");
	return one_role_each(o, err, errlen);
}

int options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen)
{
	struct seen seen = { false, false, false };
	int c, rc;

	memset(o, 0, sizeof *o);
	o->data.header = -1;
	o->data.scores = o->scores;
	o->spec = optimize_defaults(OBJ_F1);
	o->format = FORMAT_TEXT;
	optind = 0; /* reset getopt, so that tests can parse many times */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:s:p:w:d:t:h", long_options, NULL)) != -1) {
		if (c == ':')
			return usage_error(err, errlen, "option '%s' needs a value", argv[optind - 1]);
		if ((rc = data_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = decision_option(o, c, optarg, &seen, err, errlen)) == NOT_MINE &&
		    (rc = stats_option(o, c, optarg, err, errlen)) == NOT_MINE &&
		    (rc = output_option(o, c, optarg, err, errlen)) == NOT_MINE) {
			if (optopt != 0 && optopt < 256)
				return usage_error(err, errlen, "unknown option '-%c' (see cutoff --help)", optopt);
			return usage_error(err, errlen, "unknown option '%s' (see cutoff --help)", argv[optind - 1]);
		}
		if (rc != 0)
			return rc;
	}
	if (o->help || o->version)
		return OPTIONS_OK;
	if (optind < argc - 1)
		return usage_error(err, errlen, "one input file at a time (got '%s' and '%s')", argv[optind],
				   argv[optind + 1]);
	o->data.path = optind < argc ? argv[optind] : NULL;
	o->costs_given = seen.costs;
	return combinations(o, &seen, err, errlen);
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
}

void options_free(struct options *o)
{
	free(o->score_buf);
	free(o->counts_buf);
	free(o->names_buf);
	o->score_buf = o->counts_buf = o->names_buf = NULL;
}
