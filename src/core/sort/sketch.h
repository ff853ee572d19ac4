/*
 * sketch: about how many distinct values a stream holds (HyperLogLog with
 * 4096 one-byte registers: within a few percent), in 4 KB and a few
 * operations a value.  The fold asks it whether the rows it keeps are
 * mostly distinct, without sorting them.
 */
#ifndef CUTOFF_SKETCH_H
#define CUTOFF_SKETCH_H

#include <stdint.h>
#include <string.h>

#define SKETCH_BITS 12

struct sketch {
	uint8_t reg[1 << SKETCH_BITS];
};

void sketch_clear(struct sketch *s);

/* Distinct values added so far, estimated. */
double sketch_count(const struct sketch *s);

/* Adds a value (its bits: -0 and 0 are two values; callers pass 0 for both). */
static inline void sketch_add(struct sketch *s, double v)
{
	uint64_t h, rest;
	uint8_t rank;

	memcpy(&h, &v, sizeof h);
	/* splitmix64's finaliser: every bit of the value moves every bit */
	h ^= h >> 30, h *= UINT64_C(0xbf58476d1ce4e5b9);
	h ^= h >> 27, h *= UINT64_C(0x94d049bb133111eb);
	h ^= h >> 31;
	rest = h << SKETCH_BITS;
	rank = rest != 0 ? (uint8_t)(__builtin_clzll(rest) + 1) : 64 - SKETCH_BITS + 1;
	if (rank > s->reg[h >> (64 - SKETCH_BITS)])
		s->reg[h >> (64 - SKETCH_BITS)] = rank;
}

#endif
