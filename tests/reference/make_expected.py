#!/usr/bin/python3
"""Independent expected values for cutoff's reference tests, from scikit-learn.

Run from the project root with Debian's python3-sklearn:
    /usr/bin/python3 tests/reference/make_expected.py
It rewrites tests/reference/*.expected.  CI does not run this script; the C
test tests/unit/test_reference.c loads the same files through cutoff's own
loader and compares every number here (relative tolerance 1e-9).

File format, one item per line:
    args <cutoff command-line options>       how cutoff must load the data
    report <threshold>                       followed by "key value" lines
    optimize <objective> [constraints]       followed by "threshold t" and "value v"
    roc <n> / pr <n>                         followed by n "threshold x y" lines
"nan" is an undefined value (null in JSON), "inf" the threshold above all scores.
"""
import csv
import math
import os
import sys

import numpy as np
import sklearn
from sklearn import metrics as skm
from sklearn.metrics._ranking import _binary_clf_curve

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path, label, score, positive, weight=None, delimiter=","):
    """Reads the columns with Python's csv module (not cutoff's loader)."""
    y, s, w = [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f, delimiter=delimiter):
            y.append(1 if row[label].strip() == positive else 0)
            s.append(float(row[score]))
            w.append(float(row[weight]) if weight else 1.0)
    return np.array(y), np.array(s), (np.array(w) if weight else None)


def load_counts(path):
    """Expands a --counts file (score,positives,negatives) into rows."""
    y, s = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            for cls, col in ((1, "positives"), (0, "negatives")):
                n = int(row[col])
                y += [cls] * n
                s += [float(row["score"])] * n
    return np.array(y), np.array(s), None


def ratio(a, b):
    return a / b if b > 0 else math.nan


def confusion(y, s, w, t):
    tn, fp, fn, tp = skm.confusion_matrix(y, s >= t, labels=[0, 1], sample_weight=w).ravel()
    return float(tp), float(fp), float(tn), float(fn)


def report(y, s, w, t):
    """Every metric at threshold t, through scikit-learn's own functions."""
    tp, fp, tn, fn = confusion(y, s, w, t)
    pred = (s >= t).astype(int)
    pos, neg = tp + fn, tn + fp
    zd = dict(sample_weight=w, zero_division=0)
    r = {
        "n": pos + neg, "positives": pos, "negatives": neg,
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "precision": skm.precision_score(y, pred, **zd) if tp + fp > 0 else math.nan,
        "recall": skm.recall_score(y, pred, **zd) if pos > 0 else math.nan,
        "specificity": skm.recall_score(y, pred, pos_label=0, **zd) if neg > 0 else math.nan,
        "npv": skm.precision_score(y, pred, pos_label=0, **zd) if tn + fn > 0 else math.nan,
        "fpr": ratio(fp, fp + tn),
        "fnr": ratio(fn, fn + tp),
        "f1": skm.f1_score(y, pred, **zd) if tp + fp + fn > 0 else math.nan,
        "accuracy": skm.accuracy_score(y, pred, sample_weight=w),
        "balanced_accuracy": (skm.balanced_accuracy_score(y, pred, sample_weight=w)
                              if pos > 0 and neg > 0 else math.nan),
        "mcc": (skm.matthews_corrcoef(y, pred, sample_weight=w)
                if min(tp + fp, tp + fn, tn + fp, tn + fn) > 0 else math.nan),
        "predicted_positive_rate": ratio(tp + fp, pos + neg),
    }
    r["youden_j"] = (r["recall"] + r["specificity"] - 1) if pos > 0 and neg > 0 else math.nan
    both = len(set(y)) == 2
    r["roc_auc"] = skm.roc_auc_score(y, s, sample_weight=w) if both else math.nan
    r["average_precision"] = skm.average_precision_score(y, s, sample_weight=w) if pos > 0 else math.nan
    prob = s.min() >= 0 and s.max() <= 1
    r["log_loss"] = skm.log_loss(y, s, eps=1e-15, sample_weight=w, labels=[0, 1]) if prob else math.nan
    r["brier"] = skm.brier_score_loss(y, s, sample_weight=w, pos_label=1) if prob else math.nan
    return r


def objective(name, y, s, w, t, beta=2.0, cost=(1.0, 5.0)):
    tp, fp, tn, fn = confusion(y, s, w, t)
    pred = (s >= t).astype(int)
    zd = dict(sample_weight=w, zero_division=0)
    if name == "f1":
        return skm.f1_score(y, pred, **zd) if tp + fp + fn > 0 else math.nan
    if name == "fbeta":
        return skm.fbeta_score(y, pred, beta=beta, **zd) if tp + fp + fn > 0 else math.nan
    if name == "mcc":
        return (skm.matthews_corrcoef(y, pred, sample_weight=w)
                if min(tp + fp, tp + fn, tn + fp, tn + fn) > 0 else math.nan)
    if name == "youden":
        return skm.recall_score(y, pred, **zd) + skm.recall_score(y, pred, pos_label=0, **zd) - 1
    if name == "accuracy":
        return skm.accuracy_score(y, pred, sample_weight=w)
    if name == "balanced_accuracy":
        return skm.balanced_accuracy_score(y, pred, sample_weight=w)
    if name == "precision":
        return skm.precision_score(y, pred, **zd) if tp + fp > 0 else math.nan
    if name == "recall":
        return skm.recall_score(y, pred, **zd)
    if name == "cost":
        return cost[0] * fp + cost[1] * fn
    raise ValueError(name)


def optimize(name, y, s, w, min_recall=None, max_fpr=None):
    """Brute force over every candidate: the distinct scores and +inf."""
    best_t, best_v = None, None
    for t in [math.inf] + sorted(set(s.tolist()), reverse=True):
        tp, fp, tn, fn = confusion(y, s, w, t)
        if min_recall is not None and not (tp / (tp + fn) >= min_recall):
            continue
        if max_fpr is not None and not (fp / (fp + tn) <= max_fpr):
            continue
        v = objective(name, y, s, w, t)
        if math.isnan(v):
            continue
        better = best_v is None or (v < best_v if name == "cost" else v > best_v)
        if better:  # strictly better only: the highest threshold wins ties
            best_t, best_v = t, v
    return best_t, best_v


def fmt(v):
    return "nan" if isinstance(v, float) and math.isnan(v) else repr(float(v))


def write_case(name, args, y, s, w, thresholds):
    out = ["# generated by tests/reference/make_expected.py with scikit-learn %s; do not edit"
           % sklearn.__version__, "args " + args]
    for t in thresholds:
        out.append("report %s" % fmt(t))
        out += ["%s %s" % (k, fmt(v)) for k, v in report(y, s, w, t).items()]
    for obj in ("f1", "fbeta", "mcc", "youden", "accuracy", "balanced_accuracy",
                "precision", "recall", "cost"):
        t, v = optimize(obj, y, s, w)
        out += ["optimize %s" % obj, "threshold %s" % fmt(t), "value %s" % fmt(v)]
    t, v = optimize("f1", y, s, w, min_recall=0.99)
    out += ["optimize f1 min_recall=0.99", "threshold %s" % fmt(t), "value %s" % fmt(v)]
    t, v = optimize("recall", y, s, w, max_fpr=0.01)
    out += ["optimize recall max_fpr=0.01", "threshold %s" % fmt(t), "value %s" % fmt(v)]

    fpr, tpr, thr = skm.roc_curve(y, s, sample_weight=w, drop_intermediate=False)
    thr = thr.astype(float)
    thr[0] = math.inf  # scikit-learn 1.2 writes max+1 for the point (0,0)
    out.append("roc %d" % len(thr))
    out += ["%s %s %s" % (fmt(a), fmt(b), fmt(c)) for a, b, c in zip(thr, fpr, tpr)]
    fps, tps, thr = _binary_clf_curve(y, s, sample_weight=w)
    out.append("pr %d" % len(thr))
    out += ["%s %s %s" % (fmt(t), fmt(tp / tps[-1]), fmt(tp / (tp + fp)))
            for t, tp, fp in zip(thr, tps, fps)]
    # the PR points scikit-learn itself reports must agree with these
    p, r, t = skm.precision_recall_curve(y, s, sample_weight=w)
    ours = {float(a): (float(b), float(c)) for a, b, c in zip(thr, tps / tps[-1], tps / (tps + fps))}
    for pi, ri, ti in zip(p[:-1], r[:-1], t):
        assert abs(ours[float(ti)][0] - ri) < 1e-12 and abs(ours[float(ti)][1] - pi) < 1e-12

    with open(os.path.join(HERE, name + ".expected"), "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", name, file=sys.stderr)


def main():
    os.chdir(os.path.join(HERE, "..", ".."))
    bc = "samples/breast_cancer.csv"
    y, s, w = load(bc, "diagnosis", "logreg", "malignant")
    write_case("breast_cancer.logreg", "--positive malignant -s logreg " + bc, y, s, w,
               [0.5, 0.1, 0.9, 0.999962, 1.0, 0.0, math.inf])
    y, s, w = load(bc, "diagnosis", "naive_bayes", "malignant")
    write_case("breast_cancer.naive_bayes", "--positive malignant -s naive_bayes " + bc, y, s, w,
               [0.5, 1.0, 0.0])
    dg = "samples/digits_is_8.csv"
    y, s, w = load(dg, "is_eight", "logreg_logit", "1")
    write_case("digits.logreg_logit", "-l is_eight -s logreg_logit " + dg, y, s, w, [0.0, -2.5, 3.0])
    y, s, w = load(dg, "is_eight", "forest_prob", "1")
    write_case("digits.forest_prob", "-s forest_prob " + dg, y, s, w, [0.5, 0.2, 0.005])
    # the GROUP BY summary of the same rows must give the same numbers
    y, s, w = load_counts("samples/digits_forest_counts.csv")
    write_case("digits_counts", "--counts positives,negatives -s score samples/digits_forest_counts.csv",
               y, s, w, [0.5, 0.2, 0.005])
    wt = "samples/breast_cancer_weighted.tsv"
    y, s, w = load(wt, "diagnosis", "logreg", "malignant", weight="weight", delimiter="\t")
    write_case("breast_cancer_weighted", "--positive malignant -s logreg -w weight " + wt, y, s, w,
               [0.5, 0.05])


if __name__ == "__main__":
    main()
