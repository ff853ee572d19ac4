#!/usr/bin/env python3
"""Rows for the warehouse tests: ties, scores 1 ulp apart, missing scores
and labels (empty fields, NULL in a database), weights that are binary
fractions (so that any order of summing gives the same double), groups,
folds and a second score.  Deterministic: mkrows.py N SEED > rows.csv"""
import random
import struct
import sys


def ulps(x, k):
    bits = struct.unpack('<q', struct.pack('<d', x))[0] + k
    return struct.unpack('<d', struct.pack('<q', bits))[0]


def main():
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    rnd = random.Random(seed)
    print("label,score,other,w,grp,fold")
    for _ in range(n):
        y = 1 if rnd.random() < 0.3 else 0
        r = rnd.random()
        if r < 0.2:
            s = "%.2f" % rnd.random()                      # ties
        elif r < 0.3:
            s = repr(ulps(0.3, rnd.randint(0, 5)))         # 1 ulp apart
        elif r < 0.31:
            s = repr(rnd.random() * 1e-5)                  # tiny
        else:
            s = repr(min(1.0, max(0.0, rnd.gauss(0.6 if y else 0.4, 0.2))))
        other = "%.3f" % min(1.0, max(0.0, rnd.gauss(0.55 if y else 0.45, 0.25)))
        if rnd.random() < 0.01:
            s = ""
        lab = str(y) if rnd.random() > 0.01 else ""
        w = str(rnd.randint(0, 24) / 8) if rnd.random() > 0.005 else ""
        print(f"{lab},{s},{other},{w},g{rnd.randint(1, 4)},{rnd.randint(1, 3)}")


main()
