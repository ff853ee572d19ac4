/*
 * loadopts: what the user asked of the loader (which columns, which
 * label is positive, how to read).  Its own header so that the loader's
 * parts (sniff, csvread, dataset) can all see it without seeing each other.
 */
#ifndef CUTOFF_LOADOPTS_H
#define CUTOFF_LOADOPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Switches that tests set (to compare the fast paths with plain ones, or
 * to reach a ceiling with small files): they travel here, never in a
 * global or the environment. */
struct load_tuning {
	bool plain_numbers;           /* strtod for every number (no fast path) */
	bool plain_sort;              /* qsort for every sort (no radix) */
	size_t max_distinct;          /* a fold's distinct-score ceiling; 0: half of memory */
	size_t count_limit;           /* a fold's rows before its counts turn to doubles; 0: 2^32 - 1 */
};

/* The most score columns a load takes (options.h's OPTIONS_MAX_SCORES). */
#define LOADOPTS_MAX_MODELS 64

/* A usable row as the loader takes it, for a caller that lists rows
 * (--list, rowlist.h): its line, every model's score, its class, weight,
 * the label's text and the extra columns' text (NULL: not in the record). */
struct row_seen {
	uint64_t line;
	size_t n_scores;
	const double *scores;
	bool positive;
	double weight;
	const char *label;
	size_t label_len;
	const char *const *extra;
	const size_t *extra_len;
};

struct dataset_options {
	const char *path;             /* NULL or "-": standard input */
	int fd;                       /* with use_fd: read this (a pipe from a
				       * database query), path only names it */
	bool use_fd;
	const char *label;            /* name or 1-based index; NULL: detect */
	const char *const *scores;    /* n_scores names or indexes; none: detect */
	size_t n_scores;
	const char *positive;         /* positive label value; NULL: vocabulary */
	const char *weight;           /* weight column, or NULL */
	const char *cost_fp_col;      /* --cost-fp-col: each row's false-alarm cost, or NULL */
	const char *cost_fn_col;      /* --cost-fn-col: each row's miss cost, or NULL */
	const char *group;            /* --group column, or NULL */
	const char *fold;             /* --fold column (read as groups, one or the other), or NULL */
	const char *counts_pos;       /* --counts POS,NEG columns, or NULL */
	const char *counts_neg;
	bool multiclass;              /* one score column per class (--multiclass) */
	const char *const *classes;   /* --classes: n_classes names by position, or NULL */
	size_t n_classes;
	char delimiter;               /* 0: detect among , \t ; | */
	int header;                   /* -1 detect, 0 no header, 1 header */
	bool strict;                  /* a bad row is an error */
	bool stream;                  /* fold rows into distinct scores */
	size_t bins;                  /* with stream: at most this many (0: exact) */
	bool one_thread;              /* no second thread (for tests) */
	bool libcsv_only;             /* no scanner: libcsv reads every byte (for tests) */
	struct load_tuning tuning;
	/* --id and --show: columns read only to be shown (they change no
	 * number: a record without them is still used), and who takes each
	 * usable row (rows_only: no model keeps it, for a second reading) */
	const char *const *extra;
	size_t n_extra;
	void (*on_row)(void *arg, const struct row_seen *r);
	void *on_row_arg;
	bool rows_only;
	/* told now and then how far loading is: bytes done, and the total
	 * (0 when unknown, as on a pipe); from the loading thread */
	void (*progress)(void *arg, double done, double total);
	void *progress_arg;
};

#endif
