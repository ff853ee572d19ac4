#!/usr/bin/env python3
"""A sqlite table as CSV, each REAL as the shortest text of the double
sqlite holds (repr), NULL and text as they are: the rows an SQL result is
compared with.  SQLite's own text-to-double conversion is not correctly
rounded (3.40 reads 0.4372829079546455 one ulp high), so the rows as
imported, not the file they came from, are the truth for its queries.
Usage: sqlitedump.py DB TABLE > rows.csv"""
import csv
import sqlite3
import sys


def main():
    db = sqlite3.connect(sys.argv[1])
    cur = db.execute('SELECT * FROM "%s"' % sys.argv[2].replace('"', '""'))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow([d[0] for d in cur.description])
    for row in cur:
        out.writerow(["" if v is None else repr(v) if isinstance(v, float) else v for v in row])


main()
