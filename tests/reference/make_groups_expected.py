#!/usr/bin/python3
"""Brute-force expected values for --group and --group-thresholds (issue 14).

Run from the project root with Debian's python3-sklearn (1.2.1):
    /usr/bin/python3 tests/reference/make_groups_expected.py
It rewrites tests/reference/groups/: NAME.args (cutoff's options) and
NAME.expected, one "key value" line per number:
    groups.GROUP.KEY              each group at the report's threshold
    fairness.KEY, fairness.KEY_groups   the gaps and the groups reaching them
    thresholds.GROUP.KEY          each group at its own threshold
    pooled.KEY                    all groups under their own thresholds
("null" is JSON null; a _groups value is "max,min").  CI does not run this;
tests/cli/groups.sh runs cutoff and compares (relative tolerance 1e-9).
Every count is a sum over the rows (numpy), every threshold a walk over
each group's distinct scores; ROC AUC and average precision are
scikit-learn's.
"""
import csv
import math
import os

import numpy as np
from sklearn import metrics as skm

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "groups")
ROOT = os.path.dirname(os.path.dirname(HERE))
MISSING = {"", "NA", "N/A", "null", "NaN"}


def load(path, label, score, positive, group):
    y, s, g = [], [], []
    with open(os.path.join(ROOT, path), newline="") as f:
        for row in csv.DictReader(f):
            y.append(1 if row[label].strip() == positive else 0)
            s.append(float(row[score]))
            v = row[group].strip()
            g.append("NA" if v in MISSING else v)
    return np.array(y), np.array(s), np.array(g, dtype=object)


def ratio(a, b):
    return a / b if b > 0 else math.nan


def rates(tp, fp, tn, fn):
    pos, neg, n = tp + fn, fp + tn, tp + fp + tn + fn
    p = ratio(tp, tp + fp)
    r = ratio(tp, pos)
    mcc_d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    out = {
        "precision": p, "recall": r, "specificity": ratio(tn, neg), "npv": ratio(tn, tn + fn),
        "fpr": ratio(fp, neg), "fnr": ratio(fn, pos), "f1": ratio(2 * tp, 2 * tp + fp + fn),
        "accuracy": ratio(tp + tn, n), "predicted_positive_rate": ratio(tp + fp, n),
    }
    out["balanced_accuracy"] = (out["recall"] + out["specificity"]) / 2 if pos > 0 and neg > 0 else math.nan
    out["youden_j"] = out["recall"] + out["specificity"] - 1 if pos > 0 and neg > 0 else math.nan
    out["mcc"] = (tp * tn - fp * fn) / mcc_d if mcc_d > 0 else math.nan
    return out


def cm(y, s, t):
    f = s >= t
    return (float(np.sum(f & (y == 1))), float(np.sum(f & (y == 0))), float(np.sum(~f & (y == 0))),
            float(np.sum(~f & (y == 1))))


def order(names):
    return sorted(names, key=lambda v: (v == "NA", v.encode()))


def own_threshold(y, s, strategy, value, objective=None):
    """None when the group keeps the single threshold."""
    if y.sum() == 0 or y.sum() == len(y):
        return None
    pos, neg, n = y.sum(), len(y) - y.sum(), len(y)
    scores = np.unique(s)[::-1]
    if strategy == "equal-recall":
        for t in scores:
            if np.sum((s >= t) & (y == 1)) / pos >= value:
                return t
        return None
    if strategy in ("equal-fpr", "equal-rate"):
        # the lowest score within the limit; when even the top score's rows
        # pass it, flag none (+inf), the closest rate not above it
        found = math.inf
        for t in scores:
            f = s >= t
            v = np.sum(f & (y == 0)) / neg if strategy == "equal-fpr" else np.sum(f) / n
            if not v <= value:
                break
            found = t
        return found
    if strategy == "best":
        best = None
        for t in [math.inf] + list(scores):
            tp, fp, tn, fn = cm(y, s, t)
            v = rates(tp, fp, tn, fn)[objective]
            if math.isnan(v):
                continue
            if best is None or v > best[1]:
                best = (t, v)
        return best[0] if best else None
    return None


def fmt(v):
    if v is None or (isinstance(v, float) and (math.isnan(v) or math.isinf(v))):
        return "null"
    return repr(float(v))


def case(name, args, y, s, g, t, strategy=None, value=None, objective=None):
    lines = []
    names = order(set(g))
    for grp in names:
        m = g == grp
        yy, ss = y[m], s[m]
        tp, fp, tn, fn = cm(yy, ss, t)
        r = rates(tp, fp, tn, fn)
        n = float(m.sum())
        vals = {"n": n, "positives": float(yy.sum()), "negatives": n - yy.sum(), "prevalence": yy.sum() / n,
                "tp": tp, "fp": fp, "tn": tn, "fn": fn}
        for k in ("precision", "recall", "fpr", "predicted_positive_rate", "f1", "accuracy"):
            vals[k] = r[k]
        both = 0 < yy.sum() < len(yy)
        vals["roc_auc"] = skm.roc_auc_score(yy, ss) if both else math.nan
        vals["average_precision"] = skm.average_precision_score(yy, ss) if yy.sum() > 0 else math.nan
        for k, v in vals.items():
            lines.append("groups.%s.%s %s" % (grp, k, fmt(v)))
    for key in ("recall", "fpr", "precision", "predicted_positive_rate"):
        got = []
        for grp in names:
            m = g == grp
            v = rates(*cm(y[m], s[m], t))[key]
            if not math.isnan(v):
                got.append((grp, v))
        if len(got) < 2:
            lines.append("fairness.%s_gap null" % key)
            lines.append("fairness.%s_gap_groups null" % key)
            continue
        hi = max(got, key=lambda p: p[1])  # max() keeps the first of equals
        lo = min(got, key=lambda p: p[1])
        lines.append("fairness.%s_gap %s" % (key, fmt(hi[1] - lo[1])))
        lines.append("fairness.%s_gap_groups %s,%s" % (key, hi[0], lo[0]))
    if strategy is not None:
        pooled = [0.0, 0.0, 0.0, 0.0]
        for grp in names:
            m = g == grp
            own = own_threshold(y[m], s[m], strategy, value, objective)
            th = t if own is None else own
            c = cm(y[m], s[m], th)
            pooled = [a + b for a, b in zip(pooled, c)]
            lines.append("thresholds.%s.threshold %s" % (grp, fmt(th)))
            for k, v in zip(("tp", "fp", "tn", "fn"), c):
                lines.append("thresholds.%s.%s %s" % (grp, k, fmt(v)))
            for k, v in rates(*c).items():
                lines.append("thresholds.%s.%s %s" % (grp, k, fmt(v)))
        for k, v in zip(("tp", "fp", "tn", "fn"), pooled):
            lines.append("pooled.%s %s" % (k, fmt(v)))
        for k, v in rates(*pooled).items():
            lines.append("pooled.%s %s" % (k, fmt(v)))
    with open(os.path.join(OUT, name + ".args"), "w") as f:
        f.write(args + "\n")
    with open(os.path.join(OUT, name + ".expected"), "w") as f:
        f.write("# generated by tests/reference/make_groups_expected.py; do not edit\n")
        f.write("\n".join(lines) + "\n")


def best_f1(y, s):
    best = None
    for t in [math.inf] + list(np.unique(s)[::-1]):
        v = rates(*cm(y, s, t))["f1"]
        if math.isnan(v):
            continue
        if best is None or v > best[1]:
            best = (t, v)
    return best


def spread(x):
    x = [v for v in x if not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))]
    if not x:
        return [math.nan] * 4
    sd = float(np.std(x, ddof=1)) if len(x) > 1 else math.nan
    return [float(np.mean(x)), sd, min(x), max(x)]


def fold_case(name, args, y, s, f, t, optimize=False):
    """Each fold at the pooled threshold t, and the spread across folds."""
    lines, per = [], {}
    ids = sorted(set(f), key=int)
    for fid in ids:
        m = f == fid
        yy, ss = y[m], s[m]
        c = cm(yy, ss, t)
        both = 0 < yy.sum() < len(yy)
        vals = {"n": float(m.sum()), "positives": float(yy.sum()), "negatives": float(len(yy) - yy.sum()),
                "tp": c[0], "fp": c[1], "tn": c[2], "fn": c[3],
                "roc_auc": skm.roc_auc_score(yy, ss) if both else math.nan,
                "average_precision": skm.average_precision_score(yy, ss) if yy.sum() > 0 else math.nan}
        vals.update(rates(*c))
        if optimize:
            b = best_f1(yy, ss)
            vals["optimal_threshold"] = b[0] if b else math.nan
            vals["optimal_value"] = b[1] if b else math.nan
        for k, v in vals.items():
            lines.append("folds.%s.%s %s" % (fid, k, fmt(v)))
            per.setdefault(k, []).append(v)
    for k in ["roc_auc", "average_precision", "precision", "recall", "specificity", "npv", "fpr", "fnr", "f1",
              "accuracy", "balanced_accuracy", "mcc", "youden_j", "predicted_positive_rate"] + \
             (["optimal_threshold", "optimal_value"] if optimize else []):
        for stat, v in zip(("mean", "sd", "min", "max"), spread(per[k])):
            lines.append("fold_summary.%s.%s %s" % (k, stat, fmt(v)))
    with open(os.path.join(OUT, name + ".args"), "w") as fh:
        fh.write(args + "\n")
    with open(os.path.join(OUT, name + ".expected"), "w") as fh:
        fh.write("# generated by tests/reference/make_groups_expected.py; do not edit\n")
        fh.write("\n".join(lines) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    bc = "samples/breast_cancer_groups.csv"
    base = "-l diagnosis -p malignant --group size "
    y, s, g = load(bc, "diagnosis", "logreg", "malignant", "size")
    case("size", base + "-s logreg " + bc, y, s, g, 0.5)
    case("size_t03", base + "-s logreg -t 0.3 " + bc, y, s, g, 0.3)
    case("equal_recall", base + "-s logreg -t 0.5 --group-thresholds equal-recall=0.9 " + bc, y, s, g, 0.5,
         "equal-recall", 0.9)
    case("equal_fpr", base + "-s logreg -t 0.5 --group-thresholds equal-fpr=0.05 " + bc, y, s, g, 0.5,
         "equal-fpr", 0.05)
    case("equal_rate", base + "-s logreg -t 0.5 --group-thresholds equal-rate=0.3 " + bc, y, s, g, 0.5,
         "equal-rate", 0.3)
    # ties between groups (the first in group order wins) and rates met
    # exactly at a score; "NaN" and empty values are one group, NA
    rows = [("a", 1, 0.9), ("a", 1, 0.8), ("a", 1, 0.4), ("a", 1, 0.3), ("a", 0, 0.7), ("a", 0, 0.6),
            ("a", 0, 0.2), ("a", 0, 0.1), ("b", 1, 0.95), ("b", 1, 0.85), ("b", 1, 0.35), ("b", 1, 0.25),
            ("b", 0, 0.75), ("b", 0, 0.65), ("b", 0, 0.15), ("b", 0, 0.05), ("c", 1, 0.9), ("c", 1, 0.2),
            ("c", 0, 0.5), ("c", 0, 0.3), ("c", 0, 0.1), ("c", 0, 0.05), ("NaN", 1, 0.6), ("", 0, 0.4),
            (" NaN ", 0, 0.2)]
    ties = "tests/reference/groups/ties.csv"
    with open(os.path.join(ROOT, ties), "w") as f:
        f.write("g,y,p\n" + "".join("%s,%d,%s\n" % r for r in rows))
    y, s, g = load(ties, "y", "p", "1", "g")
    case("ties", "-l y -s p --group g -t 0.5 " + ties, y, s, g, 0.5)
    case("ties_recall", "-l y -s p --group g -t 0.5 --group-thresholds equal-recall=0.5 " + ties, y, s, g, 0.5,
         "equal-recall", 0.5)
    case("ties_fpr", "-l y -s p --group g -t 0.5 --group-thresholds equal-fpr=0.25 " + ties, y, s, g, 0.5,
         "equal-fpr", 0.25)
    case("ties_rate", "-l y -s p --group g -t 0.5 --group-thresholds equal-rate=0.25 " + ties, y, s, g, 0.5,
         "equal-rate", 0.25)
    bf = "samples/breast_cancer_folds.csv"
    y, s, f = load(bf, "diagnosis", "logreg", "malignant", "fold")
    fold_case("folds", "-l diagnosis -p malignant -s logreg --fold fold -t 0.5 " + bf, y, s, f, 0.5)
    whole = own_threshold(y, s, "best", None, "f1")
    fold_case("folds_opt", "-l diagnosis -p malignant -s logreg --fold fold --optimize f1 " + bf, y, s, f, whole, True)
    # a fold with one class: its undefined values are null, and left out of the summary
    one = "tests/reference/groups/one_class_fold.csv"
    rows = [(1, 1, 0.9), (1, 0, 0.2), (1, 1, 0.6), (1, 0, 0.7), (2, 0, 0.3), (2, 0, 0.1), (2, 0, 0.8),
            (3, 1, 0.95), (3, 0, 0.4), (3, 1, 0.45), (3, 0, 0.5), (10, 1, 0.7), (10, 0, 0.65)]
    with open(os.path.join(ROOT, one), "w") as fh:
        fh.write("fold,y,p\n" + "".join("%d,%d,%s\n" % r for r in rows))
    y, s, f = load(one, "y", "p", "1", "fold")
    fold_case("one_class_fold", "-l y -s p --fold fold --optimize f1 " + one, y, s, f,
              own_threshold(y, s, "best", None, "f1"), True)
    yn, sn, gn = load(bc, "diagnosis", "naive_bayes", "malignant", "size")
    # the optimum of the whole file is the single threshold the pooled report stays beside
    whole = own_threshold(yn, sn, "best", None, "f1")
    case("best_f1", base + "-s naive_bayes --optimize f1 --group-thresholds best " + bc, yn, sn, gn, whole,
         "best", None, "f1")
    case("nb_equal_rate", base + "-s naive_bayes -t 0.5 --group-thresholds equal-rate=0.05 " + bc, yn, sn, gn, 0.5,
         "equal-rate", 0.05)


if __name__ == "__main__":
    main()
