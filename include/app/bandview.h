/*
 * bandview: the explorer's review band (:band): two cuts on the model on
 * screen, LOW and HIGH (knobs L and H on the slider), the three-way table
 * in the matrix's place and the sentence in the plain words.  Tab takes
 * the arrows from the threshold to L, to H and back.
 */
#ifndef CUTOFF_BANDVIEW_H
#define CUTOFF_BANDVIEW_H

#include "app/view.h"
#include "core/stats/band.h"

/* :band LOW HIGH (low <= high). */
void bandview_set(struct view *v, double low, double high);

/* :band precision=P npv=Q (NaN: that side at the threshold). */
void bandview_choose(struct view *v, double p, double q);

/* :band off. */
void bandview_off(struct view *v);

/* Tab with a band: the arrows move the threshold, then L, then H. */
void bandview_next_knob(struct view *v);

/* An arrow while L or H is in hand: that cut to the next distinct score
 * up (dir > 0) or down, never past the other.  0 when no cut is in hand
 * (the arrow is the threshold's). */
int bandview_step(struct view *v, int dir);

/* The band of the model on screen, as --band reports it. */
void bandview_at(const struct view *v, struct band *b);

#endif
