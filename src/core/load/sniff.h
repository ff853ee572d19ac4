/*
 * sniff: what a file's first records say about it: the delimiter (from the
 * first bytes), whether the first record is a header, and which column
 * plays which role (label, scores, weight, counts), from the options where
 * they name a column and from names and values where they do not.
 */
#ifndef CUTOFF_SNIFF_H
#define CUTOFF_SNIFF_H

#include "core/load/loadopts.h"
#include "core/load/row.h"
#include "core/load/status.h"

#include <stdbool.h>
#include <stddef.h>

/* The columns and their roles, decided once from the sample. */
struct columns {
	size_t ncols;
	char **names;               /* from the header, or "column N" */
	bool header;
	size_t label_col, weight_col, cpos_col, cneg_col, group_col, cfp_col, cfn_col;
	bool has_bins;              /* --counts: a cutoff_bins column (--emit-sql --bins) */
	size_t bins_col;
	bool has_weighted;          /* --counts: a cutoff_weighted column (sums of weights) */
	size_t *score_col;          /* one per model */
	size_t *extra_col;          /* --id, --show: one each (n_extra), read but not needed */
	size_t n_scores;
	bool *want;                 /* ncols: the columns some role uses */
	size_t need;                /* fields a usable record must have */
	bool multiclass;            /* a score column per class (asked, or chosen: multiclass_chosen) */
	bool multiclass_chosen;
	bool label_guessed, score_guessed;
	char label_guess[400];      /* " (values a, b)" when guessed by values */
};

/* The delimiter that splits the first lines into the same number of
 * fields (more than one), preferring more fields; quotes are respected. */
char sniff_delimiter(const char *buf, size_t len, bool at_eof);

/* Decides the header and every column's role from the first n records.
 * Returns 0, or -1 with the message in st ("SOURCE: why"). */
int sniff_columns(struct columns *c, const struct dataset_options *o, const char *source,
		  const struct row *sample, size_t n, struct status *st);

void sniff_free(struct columns *c);

#endif
