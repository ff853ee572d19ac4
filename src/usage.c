/*
 * usage: the --help text, kept beside the man page's SYNOPSIS and
 * OPTIONS (tests/unit/test_options.c checks that every long option is in
 * both).
 */
#include "usage.h"

/* The columns and how to read them. */
static void usage_columns(FILE *f)
{
	fputs("usage: cutoff [OPTIONS] [FILE]\n"
	      "       cutoff [OPTIONS] postgresql://USER@HOST/DB --from TABLE\n"
	      "Explore and choose a classifier's decision threshold (binary, or one per class).\n"
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
	      "                            (with --emit-sql: see below)\n"
	      "      --invert              score = -score, for models whose high scores mean\n"
	      "                            the negative class (ROC AUC below 0.5)\n"
	      "      --group COL           a column of categories: every report also per group,\n"
	      "                            with the gaps between groups (at most 1,000 groups)\n"
	      "      --fold COL            cross-validation fold ids: every report also per fold,\n"
	      "                            with the spread of each number across folds\n"
	      "      --multiclass          a score column per class (-s, in the classes' order):\n"
	      "                            each class against the rest, the averages and the\n"
	      "                            whole confusion matrix; chosen by itself when the\n"
	      "                            label's values name 3+ numeric columns and no -s\n"
	      "      --classes V,V,...     the classes of the -s columns by position (default:\n"
	      "                            the columns' names); implies --multiclass\n"
	      "      --against REF         FILE against the reference file REF at the same\n"
	      "                            threshold: both reports, their changes, the drift\n"
	      "                            of the scores (KS, PSI) and DeLong's unpaired test\n"
	      "\n",
	      f);
}

/* What to do with the data, and the report's shape. */
static void usage_actions(FILE *f)
{
	fputs("What to do (default: the explorer):\n"
	      "  -t, --threshold X         the threshold (default 0.5 for probabilities, else 0)\n"
	      "      --thresholds C=X,...  --multiclass: class C's threshold (the others: -t)\n"
	      "      --report              print the report at the threshold\n"
	      "      --band LOW,HIGH       a review band: at or above HIGH decided positive,\n"
	      "                            below LOW negative, between reviewed by people\n"
	      "      --band-precision P, --band-npv Q\n"
	      "                            HIGH where the automatic positives reach precision P,\n"
	      "                            LOW where the automatic negatives reach NPV Q\n"
	      "      --baseline T          also the report at T (today's policy) and what\n"
	      "                            changes from T to the threshold\n"
	      "      --list CELL           also list the rows of a cell: fp, fn, tp, tn or near\n"
	      "                            (the threshold's closest), in the cell's order\n"
	      "      --limit N             how many rows --list gives (default 20; 0: all)\n"
	      "      --id COL, --show COL,...  what --list shows of each row besides its line\n"
	      "      --optimize OBJ        report at the threshold that is best for OBJ:\n"
	      "                            f1 fbeta mcc youden accuracy balanced_accuracy\n"
	      "                            precision recall cost\n"
	      "      --beta B              beta for fbeta (default 1)\n"
	      "      --cost-fp A, --cost-fn B  what a false alarm, a miss costs (default 1, 1):\n"
	      "                            --optimize cost minimises A*FP + B*FN; --report\n"
	      "                            and --curve cost print the cost\n"
	      "      --cost-fp-col COL, --cost-fn-col COL  each row's own cost as a false\n"
	      "                            alarm (a fee) and as a miss (an amount), times\n"
	      "                            its weight; the other side costs --cost-fp/-fn\n"
	      "      --min-precision P, --min-recall R, --max-fpr F\n"
	      "                            constraints for --optimize\n"
	      "      --max-flagged N, --max-flag-rate R\n"
	      "                            review capacity for --optimize: flag at most N rows\n"
	      "                            (weighted) or a share R of them\n"
	      "      --prevalence P        report as if positives were a share P of the cases\n"
	      "                            (the base rate where the model is deployed)\n"
	      "      --curve KIND          print a whole curve: roc, pr, gain (cumulative gains\n"
	      "                            and lift), net-benefit (decision curve), calibration,\n"
	      "                            coverage (a review band's, at precision = NPV = P),\n"
	      "                            cost (what the mistakes cost at every threshold)\n"
	      "      --group-thresholds S  a threshold per group: best (each group's --optimize\n"
	      "                            optimum), equal-recall=X, equal-fpr=X, equal-rate=X,\n"
	      "                            or single (one for all, the default)\n"
	      "      --calibration-bins B  bins of the calibration curve and ECE (default 10)\n"
	      "      --calibration-strategy uniform|quantile\n"
	      "                            equal-width bins (default) or equal-count bins\n"
	      "      --format FMT          text, json, csv or markdown (default text); svg: a\n"
	      "                            picture of a --curve, for slides; html: one page\n"
	      "                            with a threshold slider, to send\n"
	      "      --conf-level L        level of the intervals, 0 < L < 1 (default 0.95):\n"
	      "                            Wilson for the rates, DeLong for the ROC AUC\n"
	      "      --partial-auc F       also the standardised partial ROC AUC over FPR <= F\n"
	      "      --bootstrap N         N stratified resamples: intervals of F1, MCC, balanced\n"
	      "                            accuracy, average precision (and with --optimize,\n"
	      "                            of the optimal threshold and its value)\n"
	      "      --seed S              the resamples' seed (default 1)\n"
	      "\n",
	      f);
}

/* Where the scores live: SQL for an engine, a PostgreSQL table. */
static void usage_warehouse(FILE *f)
{
	fputs("Where the scores live:\n"
	      "      --emit-sql DIALECT    print the SQL query that counts, in the engine,\n"
	      "                            what --counts reads (no FILE): postgres, bigquery,\n"
	      "                            snowflake, spark, duckdb, trino or sqlite\n"
	      "      --from TABLE          the table, or a query (SELECT or WITH ...), to read\n"
	      "      --bins N              with --emit-sql: N bins of equal width; reading them\n"
	      "                            gives the bound on the ROC AUC's error\n"
	      "      --confirm T           with --emit-sql: the query of the exact matrix at T\n"
	      "  cutoff 'postgresql://USER@HOST/DB' --from TABLE -l COL -s COL [OPTIONS]\n"
	      "                            the same query on a PostgreSQL server (any libpq\n"
	      "                            connection string; the password from PGPASSWORD,\n"
	      "                            ~/.pgpass or a service file), read-only, streamed;\n"
	      "                            --against TABLE2: a second table or query there\n"
	      "      --statement-timeout S the server gives up after S seconds\n"
	      "\n",
	      f);
}

static void usage_explorer(FILE *f)
{
	fputs("Explorer:\n"
	      "      --names POS,NEG       words for the two classes\n"
	      "      --linear              for a screen reader: sentences below each other,\n"
	      "                            nothing drawn in place (keys as usual)\n"
	      "      --ascii, --no-color, --no-mouse  (M in the explorer: the mouse back\n"
	      "                            and forth; y copies the numbers, tab-separated)\n"
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

/* Three strings: C99 compilers need only take 4,095 bytes in one. */
void usage_print(FILE *f)
{
	usage_columns(f);
	usage_actions(f);
	usage_warehouse(f);
	usage_explorer(f);
}
