/*
 * gen: writes a synthetic scored CSV to stdout, deterministic for a seed.
 *   gen [-n ROWS] [-p PREVALENCE] [-s SEPARATION] [-m MODELS] [-d DIGITS] [-r SEED]
 * Each row is "label,score[,score...]": label 1 with probability PREVALENCE;
 * a model's score is logistic(z +- SEPARATION/2) with z standard normal,
 * printed with DIGITS decimals (fewer digits, more ties).  Defaults: 1000
 * rows, prevalence 0.1, separation 2, one model, 6 digits, seed 1.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static uint64_t state;

static uint64_t next(void)
{
	/* splitmix64: small, fast and the same everywhere */
	uint64_t z = (state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static double uniform(void)
{
	return ((double)(next() >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(void)
{
	return sqrt(-2 * log(uniform())) * cos(6.283185307179586 * uniform());
}

int main(int argc, char **argv)
{
	long long rows = 1000, i;
	double prevalence = 0.1, separation = 2;
	int models = 1, digits = 6, c, m;

	state = 1;
	while ((c = getopt(argc, argv, "n:p:s:m:d:r:")) != -1) {
		switch (c) {
		case 'n': rows = atoll(optarg); break;
		case 'p': prevalence = atof(optarg); break;
		case 's': separation = atof(optarg); break;
		case 'm': models = atoi(optarg); break;
		case 'd': digits = atoi(optarg); break;
		case 'r': state = strtoull(optarg, NULL, 10); break;
		default:
			fprintf(stderr, "usage: gen [-n ROWS] [-p PREV] [-s SEP] [-m MODELS] [-d DIGITS] [-r SEED]\n");
			return 2;
		}
	}
	fputs("label", stdout);
	for (m = 0; m < models; m++)
		printf(models == 1 ? ",score" : ",model%d", m + 1);
	putchar('\n');
	for (i = 0; i < rows; i++) {
		int label = uniform() < prevalence;

		putchar(label ? '1' : '0');
		for (m = 0; m < models; m++) {
			double z = normal() + (label ? separation / 2 : -separation / 2) * (1 + 0.2 * m);

			printf(",%.*f", digits, 1 / (1 + exp(-z)));
		}
		putchar('\n');
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
