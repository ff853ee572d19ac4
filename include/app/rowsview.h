/*
 * rowsview: the explorer's rows panel (r): the rows of one cell of the
 * model on screen at its threshold, in the cell's order (as --list gives
 * them), read again from the file one record at a time.  The index is
 * built when the panel first opens (a second reading of the file); then
 * listing a cell at any threshold costs O(rows listed x log n): the runs
 * are in score order and the sweep counts the rows above any threshold.
 */
#ifndef CUTOFF_ROWSVIEW_H
#define CUTOFF_ROWSVIEW_H

#include "app/session.h"
#include "core/load/rowindex.h"
#include "core/load/rowlist.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ROWSVIEW_MAX 64             /* rows listed at most (a tall panel) */
#define ROWSVIEW_TEXT 512           /* an entry's shown text */

struct rowsview_entry {
	uint64_t line;
	double score;
	bool positive;
	char id[128];                   /* --id's field, or "" */
	char shown[ROWSVIEW_TEXT];      /* --show's fields, escaped, " | " between */
};

struct rowsview {
	struct rowindex ix;
	bool negated;                   /* the index's scores are the columns' negated */
	bool weighted;                  /* the runs keep their scores (no counts to read) */
	size_t id_col;                  /* SIZE_MAX: none */
	size_t show_col[16];
	size_t n_show;
	/* the listing, after the last action */
	enum rowlist_cell cell;
	size_t model;
	double threshold;
	uint64_t total;
	size_t n;
	struct rowsview_entry e[ROWSVIEW_MAX];
	struct rowsview_entry was[ROWSVIEW_MAX]; /* the last listing: its rows' fields are not read again */
	size_t n_was;
	size_t sel;
	struct rowrec rec;              /* scratch, for the listed rows' fields */
	struct rowrec record;           /* the record box's */
	uint64_t record_line;
	bool record_open;
};

/* Builds the index for s's file (a second reading).  id and show name
 * columns (by header name or 1-based number; NULL/0: none).  0, or -1
 * with the message in err. */
int rowsview_open(struct rowsview *rv, struct session *s, const char *id, const char *const *show, size_t n_show,
		  char *err, size_t errlen);

/* Lists up to want rows of the cell of the view's model at its threshold
 * (reads each listed record again).  0, or -1 when a record could not be
 * read. */
int rowsview_sync(struct rowsview *rv, const struct view *v, size_t want);

/* The selected row's whole record into rv->rec (and record_open). */
int rowsview_record(struct rowsview *rv);

/* :export rows: every row of the view's cell at its threshold, in the
 * cell's order, as CSV: the file's header and every column of each record
 * (shown_only: line, id, score and the shown columns), in one more reading
 * of the file.  0, or -1 (out of memory, or the file could not be read). */
int rowsview_export(FILE *f, struct rowsview *rv, const struct view *v, bool shown_only);

void rowsview_close(struct rowsview *rv);

#endif
