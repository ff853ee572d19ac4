/*
 * glyph: two parallel tables, chosen by the glyph mode at each use.
 */
#include "ui/glyph.h"

uint32_t glyph_get(enum glyphs mode, enum glyph gl)
{
	static const uint32_t uni[G_COUNT] = { 0x2500, 0x2502, 0x251C, 0x2524, 0x25CF, 0x25C9, 0x2524, 0x25B2, 0x25BC, 0x2502, 0x2026, 0x2550 };
	static const uint32_t asc[G_COUNT] = { '-', '|', '[', ']', 'O', '@', '+', '^', 'v', '|', '~', '=' };

	return mode == GLYPHS_ASCII ? asc[gl] : uni[gl];
}
