/*
 * fuzz_parse: the field grammar.  parse_number must agree with strtod on
 * whatever it accepts; labels, escaping and text measuring must hold on
 * any bytes.
 */
#include "ui/grid.h"
#include "core/base/parse.h"
#include "core/base/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), esc[256];
	double v;
	struct grid *g;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (parse_number(s, size, &v) == PARSE_OK) {
		double w = strtod(s, NULL);

		if (memcmp(&v, &w, sizeof v) != 0 && !(v == 0 && w == 0))
			abort(); /* the fast path disagrees with strtod */
	}
	parse_label(s, size);
	text_escape(esc, sizeof esc, s, size, 40);
	g = grid_new(30, 2);
	grid_text(g, 0, 0, s, ST_NORMAL, 30);
	grid_text_width(s);
	grid_free(g);
	free(s);
	return 0;
}
