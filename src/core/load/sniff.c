/*
 * sniff: deciding the columns from the first records (up to 1,000, or
 * 4 MB) before any row is used, so that the choice rests on data and not
 * on the first line alone.  Columns named by options are claimed first,
 * through the role table, so that detection never takes them; then the
 * label and score columns are found by name, then by their values.
 */
#include "core/load/sniff.h"

#include "core/base/parse.h"
#include "core/base/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The sample under judgement and where the verdict goes. */
struct sniffer {
	const struct dataset_options *o;
	const char *source;
	const struct row *sample;
	size_t n;
	struct columns *c;
	struct status *st;
};

static bool word_in(const char *name, const char *const *list)
{
	size_t i, j;

	for (i = 0; list[i] != NULL; i++) {
		for (j = 0; name[j] != '\0' && list[i][j] != '\0'; j++) {
			char c = name[j];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != list[i][j])
				break;
		}
		if (name[j] == '\0' && list[i][j] == '\0')
			return true;
	}
	return false;
}

static const char *const label_names[] = {
	"label", "labels", "y", "y_true", "ytrue", "true", "true_label", "target", "truth",
	"ground_truth", "groundtruth", "gt", "actual", "class", "outcome", "response", NULL
};
static const char *const score_names[] = {
	"score", "scores", "y_score", "yscore", "y_prob", "y_proba", "y_pred", "yhat", "y_hat",
	"prob", "proba", "probability", "pred", "prediction", "predicted", "p", "confidence",
	"logit", "logits", "output", "decision", "decision_function", "risk", "risk_score", NULL
};
static const char *const id_names[] = {
	"id", "index", "idx", "row", "rowid", "row_id", "row_number", "rownum", "key", "uuid",
	"unnamed: 0", "", NULL
};

static bool id_like_name(const char *name)
{
	size_t n = strlen(name);

	return word_in(name, id_names) ||
	       (n > 3 && (name[n - 3] == '_' || name[n - 3] == '-' || name[n - 3] == ' ') &&
		(name[n - 2] == 'i' || name[n - 2] == 'I') && (name[n - 1] == 'd' || name[n - 1] == 'D'));
}

static size_t first_data(const struct sniffer *l)
{
	return l->c->header ? 1 : 0;
}

/* The sample's values of a column, as a verdict on what it could be. */
struct col_profile {
	size_t values;        /* non-missing */
	size_t numbers;       /* finite numbers */
	bool all_numeric;     /* every value a number (finite or not) */
	bool all_labelish;    /* every value in the vocabulary or not a number */
	bool counting;        /* consecutive integers, like a row index */
	size_t n_distinct;    /* capped at 3 */
	const char *distinct[3];
	size_t distinct_len[3];
	bool has_positive;    /* contains --positive's value */
};

static void profile_column(const struct sniffer *l, size_t col, struct col_profile *p)
{
	double prev = 0;
	size_t i;

	memset(p, 0, sizeof *p);
	p->all_numeric = p->all_labelish = p->counting = true;
	for (i = first_data(l); i < l->n; i++) {
		const struct row *r = &l->sample[i];
		const char *s;
		size_t len, k;
		double v;
		enum parse_status st;

		if (!row_get(r, col, &s, &len))
			continue;
		parse_trim(&s, &len);
		if (parse_is_missing(s, len))
			continue;
		p->values++;
		st = parse_number(s, len, &v);
		if (st == PARSE_OK)
			p->numbers++;
		if (st != PARSE_OK && st != PARSE_NONFINITE)
			p->all_numeric = false;
		if (st == PARSE_OK && parse_label(s, len) == LABEL_OTHER)
			p->all_labelish = false;
		if (st != PARSE_OK || (p->numbers > 1 && v != prev + 1))
			p->counting = false;
		prev = v;
		if (l->o->positive != NULL && strlen(l->o->positive) == len &&
		    memcmp(l->o->positive, s, len) == 0)
			p->has_positive = true;
		for (k = 0; k < p->n_distinct; k++)
			if (p->distinct_len[k] == len && memcmp(p->distinct[k], s, len) == 0)
				break;
		if (k == p->n_distinct && p->n_distinct < 3) {
			p->distinct[k] = s;
			p->distinct_len[k] = len;
			p->n_distinct++;
		}
	}
	if (p->numbers < 3)
		p->counting = false;
}

/* Resolves a column given by name or 1-based index. */
static int resolve(struct sniffer *l, const char *spec, const char *what, size_t *col)
{
	size_t i, found = SIZE_MAX, n = strlen(spec);
	char *end;
	unsigned long long k;

	if (l->c->header) {
		for (i = 0; i < l->c->ncols; i++) {
			if (strcmp(l->c->names[i], spec) != 0)
				continue;
			if (found != SIZE_MAX) {
				status_fail(l->st, "%s: %s column name '%s' is ambiguous (columns %zu and %zu); give its index",
				     l->source, what, text_show_str(spec), found + 1, i + 1);
				return -1;
			}
			found = i;
		}
		if (found != SIZE_MAX) {
			*col = found;
			return 0;
		}
	}
	if (n > 0 && strspn(spec, "0123456789") == n) {
		errno = 0;
		k = strtoull(spec, &end, 10);
		if (errno == 0 && k >= 1 && k <= l->c->ncols) {
			*col = (size_t)k - 1;
			return 0;
		}
		status_fail(l->st, "%s: %s column %s is out of range (the file has %zu column%s)", l->source,
		     what, text_show_str(spec), l->c->ncols, l->c->ncols == 1 ? "" : "s");
		return -1;
	}
	if (!l->c->header) {
		status_fail(l->st, "%s: no %s column named '%s': the file has no header; give a 1-based index",
		     l->source, what, text_show_str(spec));
		return -1;
	}
	{
		char list[300] = "";
		size_t used = 0;

		/* snprintf says what it would have written: never past the end */
		for (i = 0; i < l->c->ncols && used + 60 < sizeof list; i++) {
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
						 i ? ", " : "", text_show_str(l->c->names[i]));
			if (used > sizeof list - 1)
				used = sizeof list - 1;
		}
		if (i < l->c->ncols && used < sizeof list - 1)
			snprintf(list + used, sizeof list - used, ", ...");
		status_fail(l->st, "%s: no %s column named '%s' (columns: %s)", l->source, what,
		     text_show_str(spec), list);
	}
	return -1;
}

static bool taken(const struct sniffer *l, size_t col)
{
	return l->c->ncols > col && l->c->want[col];
}

static void take(struct sniffer *l, size_t col)
{
	if (col < l->c->ncols)
		l->c->want[col] = true;
}

/* Whether another column has column i's name. */
static bool name_repeats(const struct sniffer *l, size_t i)
{
	size_t j;

	for (j = 0; j < l->c->ncols; j++)
		if (j != i && strcmp(l->c->names[j], l->c->names[i]) == 0)
			return true;
	return false;
}

static bool label_of_classes(struct sniffer *l, size_t *col);

/* Returns 1 when found by name, 0 when by contents, -1 when not found. */
static int detect_label(struct sniffer *l, char *guess, size_t guesslen)
{
	struct col_profile p;
	size_t i, one_class = SIZE_MAX;

	if (l->c->header)
		for (i = 0; i < l->c->ncols; i++)
			if (!taken(l, i) && word_in(l->c->names[i], label_names)) {
				l->c->label_col = i;
				/* by its usual name: nothing to tell, unless the name
				 * is on two columns and the first was taken */
				return !name_repeats(l, i);
			}
	for (i = 0; i < l->c->ncols; i++) {
		if (taken(l, i))
			continue;
		profile_column(l, i, &p);
		if (l->o->positive != NULL && p.has_positive && !p.counting) {
			l->c->label_col = i;
			return 0;
		}
		if (p.values == 0 || !p.all_labelish || p.counting)
			continue;
		if (p.n_distinct == 2) {
			l->c->label_col = i;
			snprintf(guess, guesslen, " (values %s, %s)", text_show(p.distinct[0], p.distinct_len[0]),
				 text_show(p.distinct[1], p.distinct_len[1]));
			return 0;
		}
		if (p.n_distinct == 1 && one_class == SIZE_MAX)
			one_class = i;
	}
	if (one_class != SIZE_MAX) {
		l->c->label_col = one_class;
		return 0;
	}
	if (label_of_classes(l, &i)) {
		l->c->label_col = i;
		snprintf(guess, guesslen, " (its values name score columns)");
		return 0;
	}
	if (l->c->header && l->n == 1)
		status_fail(l->st, "%s: no data rows after the header", l->source); /* nothing to tell from */
	else
		status_fail(l->st, "%s: cannot tell which column holds the labels; name it with --label", l->source);
	return -1;
}

/* Returns 1 when found by name, 0 when by contents, -1 when not found. */
static int detect_score(struct sniffer *l)
{
	struct col_profile p;
	size_t i;

	if (l->c->header)
		for (i = 0; i < l->c->ncols; i++)
			if (!taken(l, i) && word_in(l->c->names[i], score_names)) {
				l->c->score_col[0] = i;
				/* by its usual name: nothing to tell, unless the name
				 * is on two columns and the first was taken */
				return !name_repeats(l, i);
			}
	for (i = 0; i < l->c->ncols; i++) {
		if (taken(l, i) || (l->c->header && id_like_name(l->c->names[i])))
			continue;
		profile_column(l, i, &p);
		if (p.numbers > 0 && p.all_numeric && !p.counting) {
			l->c->score_col[0] = i;
			return 0;
		}
	}
	if (l->c->header && l->n == 1)
		status_fail(l->st, "%s: no data rows after the header", l->source);
	else
		status_fail(l->st, "%s: cannot tell which column holds the scores; name it with --score", l->source);
	return -1;
}

/* How many free numeric columns the sample's values of column lc name,
 * when every value names one (else 0); is_class[col] marks them. */
static size_t class_columns(struct sniffer *l, size_t lc, bool *is_class)
{
	struct columns *c = l->c;
	size_t i, col, n = 0;

	memset(is_class, 0, c->ncols * sizeof *is_class);
	for (i = first_data(l); i < l->n; i++) {
		const char *s;
		size_t len;

		if (!row_get(&l->sample[i], lc, &s, &len))
			continue;
		parse_trim(&s, &len);
		if (parse_is_missing(s, len))
			continue;
		for (col = 0; col < c->ncols; col++)
			if (col != lc && !taken(l, col) && strlen(c->names[col]) == len && memcmp(c->names[col], s, len) == 0)
				break;
		if (col == c->ncols)
			return 0; /* a value that names no free column */
		if (!is_class[col]) {
			struct col_profile p;

			profile_column(l, col, &p);
			if (!(p.numbers > 0 && p.all_numeric) || name_repeats(l, col))
				return 0;
			is_class[col] = true;
			n++;
		}
	}
	return n;
}

/* No -s, and the label column's values in the sample are three or more
 * names of numeric columns (setosa, versicolor, virginica beside columns
 * of those names): a score column per class, in the file's order.  True
 * when chosen (score_col then holds them). */
static bool detect_classes(struct sniffer *l)
{
	struct columns *c = l->c;
	size_t col, n, *cols;
	bool *is_class;

	if (!c->header || l->o->positive != NULL || (is_class = calloc(c->ncols, sizeof *is_class)) == NULL)
		return false;
	n = class_columns(l, c->label_col, is_class);
	if (n < (l->o->multiclass ? 2u : 3u) || (cols = calloc(n, sizeof *cols)) == NULL) {
		free(is_class);
		return false;
	}
	for (col = 0, n = 0; col < c->ncols; col++)
		if (is_class[col])
			cols[n++] = col;
	free(c->score_col);
	c->score_col = cols;
	c->n_scores = n;
	free(is_class);
	return true;
}

/* A column whose values name three or more numeric columns: the label of
 * a score column per class (when no -s names the scores). */
static bool label_of_classes(struct sniffer *l, size_t *col)
{
	bool *is_class;
	size_t i;

	if (!l->c->header || l->o->n_scores > 0 || l->o->positive != NULL ||
	    (is_class = calloc(l->c->ncols, sizeof *is_class)) == NULL)
		return false;
	for (i = 0; i < l->c->ncols; i++)
		if (!taken(l, i) && class_columns(l, i, is_class) >= (l->o->multiclass ? 2u : 3u))
			break;
	free(is_class);
	*col = i;
	return i < l->c->ncols;
}

static bool is_number_field(const struct row *r, size_t col)
{
	const char *s;
	size_t len;
	double v;

	return row_get(r, col, &s, &len) && parse_number(s, len, &v) == PARSE_OK;
}

static bool detect_header(const struct sniffer *l)
{
	const struct row *r0 = &l->sample[0];
	size_t i;

	if (l->o->header >= 0)
		return l->o->header == 1;
	if (l->n == 1) {
		for (i = 0; i < r0->count; i++)
			if (is_number_field(r0, i))
				return false;
		return true;
	}
	for (i = 0; i < r0->count && i < l->sample[1].count; i++)
		if (is_number_field(&l->sample[1], i) && !is_number_field(r0, i))
			return true;
	return false;
}

char sniff_delimiter(const char *buf, size_t len, bool at_eof)
{
	static const char cand[] = { ',', '\t', ';', '|' };
	size_t counts[20][4];
	size_t lines = 0, i, k;
	bool quoted = false;
	int best = -1;

	memset(counts, 0, sizeof counts);
	for (i = 0; i < len && lines < 20; i++) {
		char c = buf[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || (c == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))))
			lines++;
		else if (!quoted)
			for (k = 0; k < 4; k++)
				if (c == cand[k])
					counts[lines][k]++;
	}
	if (lines < 20 && at_eof && i == len && len > 0 && buf[len - 1] != '\n' && buf[len - 1] != '\r')
		lines++; /* the last line has no terminator */
	if (lines == 0)
		lines = 1;
	for (k = 0; k < 4; k++) {
		bool same = counts[0][k] > 0;

		for (i = 1; i < lines && same; i++)
			same = counts[i][k] == counts[0][k];
		if (same && (best < 0 || counts[0][k] > counts[0][best]))
			best = (int)k;
	}
	if (best < 0)
		for (k = 0; k < 4; k++)
			if (counts[0][k] > 0 && (best < 0 || counts[0][k] > counts[0][best]))
				best = (int)k;
	return best < 0 ? ',' : cand[best];
}

/* A column an option names: what the messages call it, the option's
 * text, and where its index goes.  A new role (a group or fold column) is
 * one more line here and a field in struct columns. */
struct role {
	const char *what;
	const char *spec;
	size_t *col;
};

static size_t named_roles(const struct dataset_options *o, struct columns *c, struct role *r)
{
	size_t n = 0;

	if (o->counts_pos != NULL) {
		r[n++] = (struct role){ "positive-count", o->counts_pos, &c->cpos_col };
		r[n++] = (struct role){ "negative-count", o->counts_neg, &c->cneg_col };
	}
	if (o->weight != NULL)
		r[n++] = (struct role){ "weight", o->weight, &c->weight_col };
	if (o->cost_fp_col != NULL)
		r[n++] = (struct role){ "false-alarm cost", o->cost_fp_col, &c->cfp_col };
	if (o->cost_fn_col != NULL)
		r[n++] = (struct role){ "miss cost", o->cost_fn_col, &c->cfn_col };
	if (o->group != NULL)
		r[n++] = (struct role){ "group", o->group, &c->group_col };
	else if (o->fold != NULL)
		r[n++] = (struct role){ "fold", o->fold, &c->group_col };
	if (o->counts_pos == NULL && o->label != NULL)
		r[n++] = (struct role){ "label", o->label, &c->label_col };
	return n;
}

/* Long: named columns first, then columns by their usual names, then by
 * content; each pass must see what the earlier ones took. */
int sniff_columns(struct columns *c, const struct dataset_options *o, const char *source,
		  const struct row *sample, size_t n, struct status *st)
{
	struct sniffer sn = { o, source, sample, n, c, st };
	struct sniffer *l = &sn;
	struct role roles[10];
	size_t i, nroles;

	memset(c, 0, sizeof *c);
	c->header = detect_header(l);
	for (i = 0; i < n; i++)
		if (sample[i].count > c->ncols)
			c->ncols = sample[i].count;
	if (c->header)
		c->ncols = sample[0].count;
	if ((c->names = calloc(c->ncols, sizeof *c->names)) == NULL ||
	    (c->want = calloc(c->ncols, sizeof *c->want)) == NULL)
		goto oom;
	for (i = 0; i < c->ncols; i++) {
		char tmp[32];
		const char *s = tmp;
		size_t len;

		if (c->header) {
			row_get(&sample[0], i, &s, &len);
			parse_trim(&s, &len);
		} else {
			len = (size_t)snprintf(tmp, sizeof tmp, "column %zu", i + 1);
		}
		if ((c->names[i] = text_dup(s, len)) == NULL)
			goto oom;
	}

	/* explicitly named columns first, so detection does not take them */
	nroles = named_roles(o, c, roles);
	for (i = 0; i < nroles; i++) {
		size_t j;

		if (resolve(l, roles[i].spec, roles[i].what, roles[i].col) < 0)
			return -1;
		/* one column, one role: "-l y -w y" or "--counts p,p" would count
		 * rows twice or lose a class without a word */
		for (j = 0; j < i; j++)
			if (*roles[j].col == *roles[i].col) {
				status_fail(st, "%s: column '%s' cannot be the %s and the %s at once", source,
					    text_show_str(c->names[*roles[i].col]), roles[j].what, roles[i].what);
				return -1;
			}
		take(l, *roles[i].col);
	}
	/* counts in bins, or of weights, say so in a column (--emit-sql) */
	for (i = 0; o->counts_pos != NULL && c->header && i < c->ncols; i++) {
		if (strcmp(c->names[i], "cutoff_bins") == 0 && !taken(l, i) && !c->has_bins) {
			c->has_bins = true;
			take(l, c->bins_col = i);
		}
		c->has_weighted |= strcmp(c->names[i], "cutoff_weighted") == 0;
	}
	c->n_scores = o->n_scores > 0 ? o->n_scores : 1;
	if ((c->score_col = calloc(c->n_scores, sizeof *c->score_col)) == NULL)
		goto oom;
	for (i = 0; i < o->n_scores; i++) {
		size_t j;

		if (resolve(l, o->scores[i], "score", &c->score_col[i]) < 0)
			return -1;
		for (j = 0; j < i; j++)
			if (c->score_col[j] == c->score_col[i]) {
				status_fail(st, "%s: --score names column '%s' twice", source,
					    text_show_str(c->names[c->score_col[i]]));
				return -1;
			}
		if (taken(l, c->score_col[i])) {
			status_fail(st, "%s: column '%s' cannot be a score and another role at once", source,
				    text_show_str(c->names[c->score_col[i]]));
			return -1;
		}
		take(l, c->score_col[i]);
	}
	/* a column found by its usual name (label, y_true; score, prob) is
	 * not a guess worth a note; one found by its contents is */
	if (o->counts_pos == NULL && o->label == NULL) {
		int rc = detect_label(l, c->label_guess, sizeof c->label_guess);

		if (rc < 0)
			return -1;
		c->label_guessed = rc == 0;
		take(l, c->label_col);
	}
	c->multiclass = o->multiclass;
	if (o->n_scores == 0 && o->counts_pos == NULL && detect_classes(l)) {
		c->multiclass = c->multiclass_chosen = true;
		for (i = 0; i < c->n_scores; i++)
			take(l, c->score_col[i]);
	} else if (o->n_scores == 0 && o->multiclass) {
		status_fail(st, "%s: --multiclass: name a score column per class with --score (the label's values are not names of numeric columns)",
			    source);
		return -1;
	} else if (o->n_scores == 0) {
		int rc = detect_score(l);

		if (rc < 0)
			return -1;
		c->score_guessed = rc == 0;
		take(l, c->score_col[0]);
	}
	for (i = 0; i < c->ncols; i++)
		if (c->want[i])
			c->need = i + 1;
	/* shown columns last: a record that lacks them is still used */
	if (o->n_extra > 0 && (c->extra_col = calloc(o->n_extra, sizeof *c->extra_col)) == NULL)
		goto oom;
	for (i = 0; i < o->n_extra; i++) {
		if (resolve(l, o->extra[i], i == 0 ? "id" : "shown", &c->extra_col[i]) < 0)
			return -1;
		c->want[c->extra_col[i]] = true;
	}
	return 0;
oom:
	status_fail(st, "out of memory");
	return -1;
}

void sniff_free(struct columns *c)
{
	size_t i;

	if (c->names != NULL)
		for (i = 0; i < c->ncols; i++)
			free(c->names[i]);
	free(c->names);
	free(c->want);
	free(c->score_col);
	free(c->extra_col);
	memset(c, 0, sizeof *c);
}
