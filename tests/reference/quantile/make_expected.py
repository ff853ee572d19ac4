#!/usr/bin/python3
"""Writes ties.expected: numpy's own quantiles of tied data, which cutoff's
PSI edges (np.quantile(ref, k/10), method linear) and calibration bins
(scikit-learn's np.percentile(y_prob, linspace(0, 1, B + 1) * 100)) must
equal to the bit, for n from 2 to 200.  Each case is a line

    case N L M IDX:LABEL ...

whose scores are IDX / (L - 1) * M (computed the same way in C: the same
doubles), then its lines

    quantile|percentile Q EXPECTED

with Q and EXPECTED in repr (they read back exactly).  Run from the project
root with Debian's python3 (python3-numpy); CI only compares.
"""
import random

import numpy as np

rng = random.Random(18)
print("# numpy", np.__version__)
for n in range(2, 201):
    levels = rng.choice([3, 5, 7, 11])
    mult = rng.choice([1.0, 0.7, 0.3])
    idx = [rng.randrange(levels) for _ in range(n)]
    labels = [rng.randrange(2) for _ in range(n)]
    x = np.array([float(i) / (levels - 1) * mult for i in idx])
    print("case %d %d %r %s" % (n, levels, mult, " ".join("%d:%d" % (i, l) for i, l in zip(idx, labels))))
    for k in range(1, 10):
        print("quantile %r %r" % (k / 10, float(np.quantile(x, k / 10))))
    for b in (5, 10):
        for q in np.linspace(0, 1, b + 1):
            print("percentile %r %r" % (float(q), float(np.percentile(x, q * 100))))
