/*
 * usage: what --help prints.
 */
#ifndef CUTOFF_USAGE_H
#define CUTOFF_USAGE_H

#include <stdio.h>

void usage_print(FILE *f);

#endif
