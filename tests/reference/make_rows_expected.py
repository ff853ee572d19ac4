#!/usr/bin/python3
"""Expected rows for --list (issue 30), by brute force over the records.

Run from the project root with Debian's python3:
    /usr/bin/python3 tests/reference/make_rows_expected.py
It rewrites tests/reference/rows/: a synthetic file (ties.csv: scores
that tie at the threshold and across rows, quoted fields holding newlines
and commas, empty ids, a formula-like field, two models and weights; and
ties_crlf.csv, the same with a byte-order mark and CRLF line ends), and
for each case CASE.args and CASE.expected, one "key value" line each:
    MODEL.total                   rows in the cell
    MODEL.I.line, .id, .score, .label, .weight, .show.COL
("null": an empty field).  CI does not run this; tests/cli/rows.sh runs
cutoff with --report --format json and compares.

Lines are counted as a reader of the file sees them (the header is line
1, a record starts on the line after the previous one ends, a quoted
newline belongs to its record).  The order is the contract: fp and tp
from the highest score, fn and tn from the lowest, near by the distance
to the threshold then the highest score; equal keys in file order.  The
--optimize f1 threshold is a walk over every distinct score (the highest
wins ties), as tests/reference/make_expected.py does it.
"""
import csv
import io
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "rows")
ROOT = os.path.dirname(os.path.dirname(HERE))
MISSING = {"", "NA", "N/A", "null", "NaN", "nan", "NULL", "None", "none"}


def records(path):
    """(line, row dict) of each data record, the record's first line."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    reader = csv.DictReader(io.StringIO(text))
    out, prev = [], 1  # the header ends on line 1
    for row in reader:
        out.append((prev + 1, row))
        prev = reader.line_num
    return out


def synthetic():
    rng = random.Random(30)
    rows = []
    notes = ['plain', 'a "quoted" word', 'two\nlines', 'comma, inside', '=1+2', '', 'three\nshort\nlines']
    for i in range(300):
        yes = rng.random() < 0.4
        # a third of the scores sit on the threshold (0.5) or a few steps around it
        m1 = rng.choice([0.5, 0.5, 0.45, 0.55, 0.3, 0.7]) if rng.random() < 0.6 else round(rng.random(), 3)
        m2 = round(min(1, max(0, m1 + rng.choice([-0.1, 0, 0.1]))), 3)
        ident = "" if rng.random() < 0.1 else "r%03d" % i
        rows.append([ident, "yes" if yes else "no", repr(m1), repr(m2), str(rng.randint(1, 3)), rng.choice(notes)])
    return rows


def write_synthetic():
    head = ["id", "label", "m1", "m2", "w", "note"]
    for name, nl, bom in (("ties.csv", "\n", ""), ("ties_crlf.csv", "\r\n", "\ufeff")):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=nl)
        w.writerow(head)
        w.writerows(synthetic())
        with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
            f.write(bom + buf.getvalue())


def best_f1(rows, score, positive, weight):
    """The highest F1 threshold (strictly better only: the highest wins)."""
    data = [(float(r[score]), r["_pos"], weight(r)) for r in rows]
    best_t, best_v = None, None
    for t in [math.inf] + sorted({s for s, _, _ in data}, reverse=True):
        tp = sum(w for s, p, w in data if p and s >= t)
        fp = sum(w for s, p, w in data if not p and s >= t)
        fn = sum(w for s, p, w in data if p and s < t)
        if tp + fp + fn == 0:
            continue
        v = 2 * tp / (2 * tp + fp + fn)
        if best_v is None or v > best_v:
            best_t, best_v = t, v
    return best_t


def listed(recs, cell, t, score, id_col, show, weight, limit):
    rows = []
    for line, r in recs:
        s = float(r[score])
        p = r["_pos"]
        inside = {"fp": not p and s >= t, "tp": p and s >= t, "fn": p and s < t, "tn": not p and s < t,
                  "near": True}[cell]
        if inside:
            rows.append((line, s, r))
    if cell in ("fp", "tp"):
        rows.sort(key=lambda x: (-x[1], x[0]))
    elif cell in ("fn", "tn"):
        rows.sort(key=lambda x: (x[1], x[0]))
    else:
        rows.sort(key=lambda x: (abs(x[1] - t), -x[1], x[0]))
    total = len(rows)
    if limit > 0:
        rows = rows[:limit]
    out = [("total", total)]
    for i, (line, s, r) in enumerate(rows):
        out.append(("%d.line" % i, line))
        out.append(("%d.id" % i, r[id_col] if id_col and r[id_col] != "" else None))
        out.append(("%d.score" % i, repr(s)))
        out.append(("%d.label" % i, r["_label"]))
        out.append(("%d.weight" % i, repr(float(weight(r)))))
        for c in show:
            out.append(("%d.show.%s" % (i, c), r[c] if r[c] != "" else None))
    return out


def fmt(v):
    """As cutoff's JSON carries data text (text_escape: a backslash
    doubled, newline, CR and tab written as \\n, \\r, \\t), spaces as \\s
    for the "key value" lines."""
    if v is None:
        return "null"
    v = str(v).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return v.replace(" ", "\\s")


def case(name, path, label, positive, models, cell, limit, t=None, opt=False, id_col=None, show=(), weight_col=None):
    recs = records(os.path.join(ROOT, path))
    for _, r in recs:
        r["_label"] = r[label].strip()
        r["_pos"] = r["_label"] == positive
    weight = (lambda r: float(r[weight_col])) if weight_col else (lambda r: 1.0)
    args = ["-l", label, "-p", positive, "-s", ",".join(models), "--list", cell, "--limit", str(limit)]
    if id_col:
        args += ["--id", id_col]
    if show:
        args += ["--show", ",".join(show)]
    if weight_col:
        args += ["-w", weight_col]
    args += ["--optimize", "f1"] if opt else ["-t", repr(t)]
    lines = ["# generated by tests/reference/make_rows_expected.py; do not edit"]
    for m in models:
        tm = best_f1([r for _, r in recs], m, positive, weight) if opt else t
        for k, v in listed(recs, cell, tm, m, id_col, show, weight, limit):
            lines.append("%s.%s %s" % (m, k, fmt(v)))
    with open(os.path.join(OUT, name + ".args"), "w") as f:
        f.write(" ".join(args + [path]) + "\n")
    with open(os.path.join(OUT, name + ".expected"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    write_synthetic()
    bc = "samples/breast_cancer.csv"
    for cell in ("fp", "fn", "tp", "tn", "near"):
        case("bc_%s" % cell, bc, "diagnosis", "malignant", ["logreg", "naive_bayes"], cell, 5, t=0.5, id_col="id")
        case("bc_%s_all" % cell, bc, "diagnosis", "malignant", ["logreg"], cell, 0, t=0.3)
        case("bc_%s_opt" % cell, bc, "diagnosis", "malignant", ["naive_bayes"], cell, 7, opt=True, id_col="id")
        for src in ("ties", "ties_crlf"):
            p = "tests/reference/rows/%s.csv" % src
            case("%s_%s" % (src, cell), p, "label", "yes", ["m1", "m2"], cell, 12, t=0.5, id_col="id",
                 show=("note", "w"), weight_col="w")
            case("%s_%s_all" % (src, cell), p, "label", "yes", ["m1"], cell, 0, t=0.45, show=("note",))


if __name__ == "__main__":
    main()
