/*
 * fuzz_stream: the streaming path against the in-memory path on weighted
 * data.  Every 4 input bytes make a row: the label, a score from a small
 * set (ties) or an extreme one, and a weight from 1e-200 to 1e200.  Both
 * paths must agree: the same distinct scores, and every total, cell (at
 * every threshold), ROC AUC and average precision within 1e-12 relative
 * (the bound the man page states).
 */
#define _GNU_SOURCE
#include "core/stats/sweep.h"
#include "options.h"
#include "app/session.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void agree(double a, double b, const char *what, size_t k)
{
	double m = fmax(fabs(a), fabs(b));

	if (isnan(a) && isnan(b))
		return;
	if (!(fabs(a - b) <= 1e-12 * m)) {
		fprintf(stderr, "%s at %zu: in memory %.17g, streamed %.17g\n", what, k, a, b);
		abort();
	}
}

static int load(const char *path, bool stream, struct session *s)
{
	static const char *const score[] = { "2" };
	struct options o;
	struct session_start st;
	char err[512];

	memset(&o, 0, sizeof o);
	o.data.path = path;
	o.data.header = 1;
	o.data.label = "1";
	o.data.scores = score;
	o.data.n_scores = 1;
	o.data.weight = "3";
	o.data.stream = stream;
	o.data.one_thread = true;
	options_start(&o, &st);
	return session_open(s, &o.data, &st, err, sizeof err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const double extreme[4] = { 1e308, -1e308, 5e-324, -0.0 };
	char path[64];
	struct session a, b;
	FILE *f;
	size_t i, k;
	int fd, ra, rb;

	if (size < 4 || size > 4 * 4096 || (fd = memfd_create("fuzz", 0)) < 0)
		return 0;
	if ((f = fdopen(dup(fd), "w")) == NULL) {
		close(fd);
		return 0;
	}
	fputs("label,score,weight\n", f);
	for (i = 0; i + 4 <= size; i += 4) {
		const uint8_t *r = data + i;
		double score = (r[0] & 0x80) ? extreme[(r[1] >> 6) & 3] : (double)(r[1] & 0x1f) / 8;
		double weight = (1 + r[2] / 256.0) * pow(10, (int)(r[3] % 201) - 100) * ((r[3] & 0x80) ? 1e100 : 1);

		fprintf(f, "%d,%.17g,%.17g\n", r[0] & 1, score, weight);
	}
	fclose(f);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	ra = load(path, false, &a);
	rb = load(path, true, &b);
	if (ra != rb) {
		fprintf(stderr, "one path loaded, the other did not (%d, %d)\n", ra, rb);
		abort();
	}
	if (ra == 0) {
		const struct sweep *x = &a.sweeps[0], *y = &b.sweeps[0];

		if (x->n != y->n)
			abort();
		agree(x->pos, y->pos, "positives", 0);
		agree(x->neg, y->neg, "negatives", 0);
		agree(x->roc_auc, y->roc_auc, "ROC AUC", 0);
		agree(x->average_precision, y->average_precision, "average precision", 0);
		for (k = 0; k <= x->n; k++) {
			struct confusion c = sweep_confusion(x, k), d = sweep_confusion(y, k);

			if (k < x->n && x->score[k] != y->score[k])
				abort();
			agree(c.tp, d.tp, "tp", k);
			agree(c.fp, d.fp, "fp", k);
			agree(c.tn, d.tn, "tn", k);
			agree(c.fn, d.fn, "fn", k);
		}
	}
	session_close(&a);
	session_close(&b);
	close(fd);
	return 0;
}
