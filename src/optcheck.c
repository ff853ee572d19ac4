/*
 * optcheck: the options that do not go together, or need another; the
 * second half of options.c's parse, checked once every option is read.
 */
#include "options.h"
#include "core/load/sqlemit.h"

#include <stdio.h>
#include <string.h>

/* One column, one role: the same column given twice ("-l y -w y",
 * "--counts p,p", "-s a -s a") would count rows twice or lose a class.
 * Names are compared as given; a name and an index of the same column
 * are caught when the header is read. */
static int one_role_each(const struct options *o, char *err, size_t errlen)
{
	const char *spec[8 + OPTIONS_MAX_SCORES], *what[8 + OPTIONS_MAX_SCORES];
	size_t n = 0, i, j;

	if (o->data.label)
		spec[n] = o->data.label, what[n++] = "--label";
	if (o->data.weight)
		spec[n] = o->data.weight, what[n++] = "--weight";
	if (o->data.cost_fp_col)
		spec[n] = o->data.cost_fp_col, what[n++] = "--cost-fp-col";
	if (o->data.cost_fn_col)
		spec[n] = o->data.cost_fn_col, what[n++] = "--cost-fn-col";
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
				return options_error(err, errlen, "%s and %s both name column '%s'; a column has one role",
						   what[j], what[i], spec[i]);
	return OPTIONS_OK;
}

/* --list: a report's rows, of every row kept; --limit goes with it. */
static int list_combinations(const struct options *o, char *err, size_t errlen)
{
	const char *no = o->data.counts_pos ? "--counts" : o->data.bins ? "--bins" : o->data.stream ? "--stream" :
			 o->data.multiclass ? "--multiclass" : o->against ? "--against" : o->mode == MODE_CURVE ? "--curve" :
			 o->commands || o->batch ? "--commands and --batch" : NULL;

	if (o->limit_set && !o->list)
		return options_error(err, errlen, "--limit goes with --list CELL");
	if ((o->band || o->has_baseline) && (o->mode == MODE_CURVE || o->data.multiclass || o->against ||
					     (o->band && o->mode == MODE_EXPLORE)))
		return options_error(err, errlen, "%s goes with --report, --optimize%s (not --curve, --multiclass or --against)",
				   o->band ? "--band" : "--baseline", o->band ? "" : " or the explorer");
	if (o->list && no != NULL)
		return options_error(err, errlen, "--list needs every row as read: not with %s%s", no,
				   o->data.counts_pos || o->data.bins || o->data.stream ? " (no rows are kept)" : "");
	return 0;
}

/* --multiclass: two score columns or more; what it does not take. */
static int multiclass_combinations(const struct options *o, char *err, size_t errlen)
{
	const char *no = options_multiclass_refusal(o);

	if (o->data.n_scores == 1)
		return options_error(err, errlen, "--multiclass needs a score column per class: two or more with --score");
	if (o->data.n_classes > 0 && o->data.n_scores > 0 && o->data.n_classes != o->data.n_scores)
		return options_error(err, errlen, "--classes names %zu classes for %zu score columns", o->data.n_classes,
				   o->data.n_scores);
	if (no != NULL)
		return options_error(err, errlen, "%s does not work with a score column per class (--multiclass)", no);
	return 0;
}

const char *options_multiclass_refusal(const struct options *o)
{
	return o->data.counts_pos ? "--counts" : o->data.positive ? "--positive" : o->data.stream ? "--stream" :
	       o->data.cost_fp_col ? "--cost-fp-col" : o->data.cost_fn_col ? "--cost-fn-col" :
	       o->data.bins ? "--bins" : o->data.group ? "--group" : o->data.fold ? "--fold" :
	       o->against ? "--against" : o->bootstrap ? "--bootstrap" : o->prevalence > 0 ? "--prevalence" :
	       o->invert ? "--invert" : o->partial_fpr > 0 ? "--partial-auc" : o->commands || o->batch ? "--commands and --batch" : NULL;
}

/* Row costs are summed once at the sample's scores: reweighting to a
 * prevalence or grouping scores into bins would have to redo the sums. */
static int rowcost_combinations(const struct options *o, char *err, size_t errlen)
{
	const char *col = o->data.cost_fp_col ? "--cost-fp-col" : "--cost-fn-col";

	if (o->data.cost_fp_col == NULL && o->data.cost_fn_col == NULL)
		return 0;
	if (o->data.bins > 0 || o->prevalence > 0)
		return options_error(err, errlen, "%s sums each row's cost at its own score: not with %s", col,
				   o->data.bins > 0 ? "--bins" : "--prevalence");
	return 0;
}

bool options_is_connection(const struct options *o)
{
	const char *p = o->data.path;

	return (o->from != NULL && o->emit_sql < 0) ||
	       (p != NULL && (strncmp(p, "postgresql://", 13) == 0 || strncmp(p, "postgres://", 11) == 0));
}

/* What a table in a database does not take: the first such option, or NULL. */
static const char *sql_refusal(const struct options *o)
{
	return o->data.counts_pos ? "--counts" : o->data.multiclass ? "--multiclass" : o->data.stream ? "--stream" :
	       o->list ? "--list" : o->id || o->n_show ? "--id and --show" :
	       o->data.cost_fp_col || o->data.cost_fn_col ? "--cost-fp-col and --cost-fn-col" :
	       o->data.delimiter ? "--delimiter" : o->data.header >= 0 ? "--header and --no-header" : NULL;
}

/* --emit-sql prints a statement and --from names the rows of one; a
 * connection reads them where they are. */
static int sql_combinations(const struct options *o, char *err, size_t errlen)
{
	bool conn = options_is_connection(o);
	const char *no = sql_refusal(o);
	char why[200];

	if (o->has_confirm && o->emit_sql < 0)
		return options_error(err, errlen, "--confirm T goes with --emit-sql (the exact matrix at T, counted in SQL)");
	if (o->statement_timeout > 0 && !conn)
		return options_error(err, errlen, "--statement-timeout goes with a database connection and --from");
	if (o->emit_sql < 0 && !conn)
		return o->from ? options_error(err, errlen, "--from needs --emit-sql DIALECT, or a connection: "
							"cutoff 'postgresql://HOST/DB' --from TABLE") : 0;
	if (o->emit_sql >= 0 && o->data.path != NULL)
		return options_error(err, errlen, "--emit-sql prints a query and reads no file (got '%s')", o->data.path);
	if (o->from == NULL)
		return options_error(err, errlen, "%s needs --from TABLE (or a query) to read the rows from",
				   o->emit_sql >= 0 ? "--emit-sql" : "a database connection");
	if (!sqlemit_one_statement(o->emit_sql >= 0 ? (enum sqlemit_dialect)o->emit_sql : SQL_POSTGRES, o->from, why,
				   sizeof why) ||
	    (conn && o->against != NULL && !sqlemit_one_statement(SQL_POSTGRES, o->against, why, sizeof why)))
		return options_error(err, errlen, "--from must be a table or one query: %s", why);
	if (o->data.label == NULL || o->data.n_scores == 0)
		return options_error(err, errlen, "%s needs --label and --score: a table's columns are not guessed",
				   o->emit_sql >= 0 ? "--emit-sql" : "a database connection");
	if (no != NULL)
		return options_error(err, errlen, "%s does not work with %s", no,
				   o->emit_sql >= 0 ? "--emit-sql" : "a database connection");
	if (o->emit_sql >= 0 && (o->mode != MODE_EXPLORE || o->against || o->commands || o->batch))
		return options_error(err, errlen, "--emit-sql prints a query: not with --report, --optimize, --curve, "
				   "--against or commands");
	if (o->emit_sql >= 0 && o->data.bins > 0 && (o->data.group || o->data.fold))
		return options_error(err, errlen, "--bins counts one score column over all the rows: not with %s "
				   "(each group's bins would start at other scores)", o->data.group ? "--group" : "--fold");
	if (o->emit_sql >= 0 && o->data.bins > 0 && o->has_confirm)
		return options_error(err, errlen, "--bins and --confirm are two queries: one at a time");
	if (conn && o->data.bins > 0)
		return options_error(err, errlen, "--bins goes with --emit-sql (a connection counts every distinct score)");
	return 0;
}

/* Options that do not go together, or need another. */
int options_combinations(const struct options *o, const struct options_seen *seen, char *err, size_t errlen)
{
	int rc;

	if (seen->constrained && o->mode != MODE_OPTIMIZE)
		return options_error(err, errlen,
				   "--min-precision, --min-recall, --max-fpr, --max-flagged and --max-flag-rate go with --optimize");
	if (seen->beta && !(o->mode == MODE_OPTIMIZE && o->spec.objective == OBJ_FBETA))
		return options_error(err, errlen, "--beta goes with --optimize fbeta");
	if (o->costs_given && ((o->mode == MODE_OPTIMIZE && o->spec.objective != OBJ_COST) ||
			       (o->mode == MODE_CURVE && o->curve != CF_COST)))
		return options_error(err, errlen, "--cost-fp, --cost-fn and their -col options go with --report, "
				   "--optimize cost, --curve cost or the explorer");
	if ((rc = rowcost_combinations(o, err, errlen)) != 0 || (rc = sql_combinations(o, err, errlen)) != 0)
		return rc;
	if (o->format == FORMAT_SVG && (o->mode != MODE_CURVE || o->against != NULL))
		return options_error(err, errlen, "--format svg draws a --curve (one picture of every model's curve)");
	if (o->format == FORMAT_HTML && (o->mode == MODE_CURVE || o->mode == MODE_EXPLORE || o->data.multiclass))
		return options_error(err, errlen, "--format html is a page of --report or --optimize (not --curve or --multiclass)");
	if (o->mode == MODE_OPTIMIZE && o->has_threshold)
		return options_error(err, errlen, "--threshold and --optimize both choose the threshold; give one");
	if ((o->commands != NULL || o->batch) && o->mode != MODE_EXPLORE)
		return options_error(err, errlen, "--commands and --batch replace --report, --optimize and --curve");
	if (o->commands != NULL && o->batch)
		return options_error(err, errlen, "give the commands with --commands FILE or on stdin with --batch, not both");
	if (o->batch && (o->data.path == NULL || strcmp(o->data.path, "-") == 0))
		return options_error(err, errlen, "--batch reads the commands from stdin: give the data as a FILE");
	if (o->against != NULL && (o->mode == MODE_CURVE || o->format == FORMAT_CSV || o->data.group || o->data.fold ||
				   o->commands || o->batch || o->bootstrap))
		return options_error(err, errlen, "--against reports in text, JSON or Markdown (not with --curve, CSV, "
				   "--group, --fold, --bootstrap or commands)");
	if (o->against != NULL && (o->data.path == NULL || strcmp(o->data.path, "-") == 0) && strcmp(o->against, "-") == 0)
		return options_error(err, errlen, "--against: the two files cannot both be standard input");
	if (o->data.group != NULL && o->data.fold != NULL)
		return options_error(err, errlen, "--group and --fold: one at a time");
	if (o->bootstrap && (o->data.weight != NULL || o->prevalence > 0))
		return options_error(err, errlen, "--bootstrap resamples whole rows: not with --weight or --prevalence");
	if (o->group_strategy_set && o->data.group == NULL)
		return options_error(err, errlen, "--group-thresholds goes with --group COL");
	if (o->group_strategy_set && o->group_strategy.strategy == FAIR_BEST && o->mode != MODE_OPTIMIZE)
		return options_error(err, errlen, "--group-thresholds best needs --optimize OBJ (each group's optimum of it)");
	if ((rc = list_combinations(o, err, errlen)) != 0)
		return rc;
	if (o->n_class_thr > 0 && o->mode == MODE_OPTIMIZE)
		return options_error(err, errlen, "--thresholds and --optimize both choose the thresholds; give one");
	if (o->data.multiclass && (rc = multiclass_combinations(o, err, errlen)) != 0)
		return rc;
	if (o->data.counts_pos != NULL && (o->data.label != NULL || o->data.positive != NULL || o->data.weight != NULL))
		return options_error(err, errlen, "--counts replaces --label, --positive and --weight");
	return one_role_each(o, err, errlen);
}

