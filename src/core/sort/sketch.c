/*
 * sketch: HyperLogLog (Flajolet et al. 2007) with the small-range
 * correction (linear counting while registers are still empty); 64-bit
 * hashes need no large-range one.
 */
#include "core/sort/sketch.h"

#include <math.h>

void sketch_clear(struct sketch *s)
{
	memset(s->reg, 0, sizeof s->reg);
}

double sketch_count(const struct sketch *s)
{
	const double m = (double)(1 << SKETCH_BITS);
	double sum = 0, e;
	size_t i, zeros = 0;

	for (i = 0; i < sizeof s->reg; i++) {
		sum += ldexp(1.0, -(int)s->reg[i]);
		zeros += s->reg[i] == 0;
	}
	e = 0.7213 / (1 + 1.079 / m) * m * m / sum;
	if (e <= 2.5 * m && zeros > 0)
		e = m * log(m / (double)zeros);
	return e;
}
