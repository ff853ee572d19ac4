/*
 * glyph: the few line and mark characters the panels use, each with an
 * ASCII twin for terminals and locales that cannot show the other.
 */
#ifndef CUTOFF_GLYPH_H
#define CUTOFF_GLYPH_H

#include "app/view.h"

#include <stdint.h>

enum glyph { G_HLINE, G_VLINE, G_LEND, G_REND, G_KNOB, G_MARK, G_TICK, G_UP, G_DOWN, G_SEP, G_ELLIPSIS, G_BAND, G_COUNT };

/* The character for gl in the given glyph mode. */
uint32_t glyph_get(enum glyphs mode, enum glyph gl);

#endif
