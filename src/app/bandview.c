/*
 * bandview: the explorer's review band (see bandview.h).
 */
#include "app/bandview.h"

#include "core/base/fmt.h"

#include <math.h>

void bandview_set(struct view *v, double low, double high)
{
	char a[40], b[40];

	v->band = true;
	v->band_low = low, v->band_high = high;
	view_say(v, false, "band %s to %s: Tab moves L, then H, with the arrows", fmt_exact(a, sizeof a, low),
		 fmt_exact(b, sizeof b, high));
}

void bandview_choose(struct view *v, double p, double q)
{
	const struct view_model *m = view_current(v);
	double low = m->threshold, high = m->threshold;

	band_high_for(m->sw, p, &high);
	band_low_for(m->sw, q, &low);
	if (low > high)
		low = high; /* the cuts cross: no review */
	bandview_set(v, low, high);
}

void bandview_off(struct view *v)
{
	v->band = false;
	v->band_sel = 0;
	view_say(v, false, "no band");
}

void bandview_next_knob(struct view *v)
{
	v->band_sel = (v->band_sel + 1) % 3;
	view_say(v, false, v->band_sel == 0 ? "the arrows move the threshold" :
		 v->band_sel == 1 ? "the arrows move L, the band's low cut" : "the arrows move H, the band's high cut");
}

/* The cut at distinct index k from the top (k distinct scores at or
 * above it): the threshold that flags them. */
static double cut_at(const struct sweep *sw, size_t k)
{
	return k == 0 ? INFINITY : sw->score[k - 1];
}

int bandview_step(struct view *v, int dir)
{
	const struct sweep *sw = view_current(v)->sw;
	double *cut = v->band_sel == 1 ? &v->band_low : &v->band_high;
	size_t k;

	if (!v->band || v->band_sel == 0 || sw->n == 0)
		return 0;
	/* up a score: one distinct score fewer at or above the cut */
	k = sweep_index(sw, *cut);
	if (dir > 0 && k > 0)
		k--;
	else if (dir < 0 && k < sw->n)
		k++;
	*cut = cut_at(sw, k);
	if (v->band_low > v->band_high)
		*cut = v->band_sel == 1 ? v->band_high : v->band_low; /* never past the other */
	return 1;
}

void bandview_at(const struct view *v, struct band *b)
{
	band_at(view_current(v)->sw, v->band_low, v->band_high, b);
}
