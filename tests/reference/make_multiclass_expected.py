#!/usr/bin/python3
"""Expected values for --multiclass (issue 29), from scikit-learn.

Run from the project root with Debian's python3-sklearn (1.2.1):
    /usr/bin/python3 tests/reference/make_multiclass_expected.py
It rewrites tests/reference/multiclass/: the data (NAME.csv: a label, one
probability column per class, a whole-number weight), and for each case
CASE.args (cutoff's options) and CASE.expected, one "key value" line per
number of the JSON report:
    n, skipped
    class.C.KEY                 each class one against the rest
    average.macro|weighted|micro.KEY
    roc_auc_ovo.macro|weighted
    argmax.matrix.I.J, argmax.KEY
    thresholded.matrix.I.J, thresholded.abstained
("nan" is JSON null).  CI does not run this; tests/cli/multiclass.sh runs
cutoff and compares (relative tolerance 1e-9).

The data: out-of-fold predict_proba (5 folds) of two model types on three
of scikit-learn's bundled data sets (iris, wine, digits), and a synthetic
file whose scores tie often and whose fourth class has no rows.  Every
figure is scikit-learn's: the per-class and averaged precision, recall
and F1 from precision_score/recall_score/f1_score on the one-hot labels
and the thresholded columns (macro and weighted over the classes that
occur, as cutoff defines them; zero_division=0 in the means, null for a
class's own undefined precision), ROC AUC and average precision from
roc_auc_score and average_precision_score (micro: average="micro" on the
one-hot labels), one-vs-one from roc_auc_score on each pair (checked
against multi_class="ovo", with weights on rows repeated by their
weight), the argmax scores from accuracy_score, balanced_accuracy_score,
f1_score(average="macro"), cohen_kappa_score and matthews_corrcoef.  The
thresholded decision and each class's best F1 threshold are brute force
over the rows and the distinct scores (the highest threshold wins ties).
"""
import csv
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn import datasets, metrics as skm
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "multiclass")
NAN = math.nan


def fmt(v):
    v = float(v)
    return "nan" if math.isnan(v) else repr(v)


def write_data(name, classes, y, S, w):
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["label"] + list(classes) + ["weight"])
        for yi, si, wi in zip(y, S, w):
            out.writerow([classes[yi]] + [repr(float(v)) for v in si] + [int(wi)])


def models():
    return {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
        "forest": RandomForestClassifier(n_estimators=50, random_state=0),
    }


def real_data():
    rng = np.random.default_rng(29)
    out = []
    for dname, loader in (("iris", datasets.load_iris), ("wine", datasets.load_wine), ("digits", datasets.load_digits)):
        d = loader()
        names = [str(n) for n in d.target_names]
        if dname == "digits":
            names = ["d%s" % n for n in names]
        cv = StratifiedKFold(5, shuffle=True, random_state=0)
        w = rng.integers(1, 4, size=len(d.target))
        for mname, model in models().items():
            S = cross_val_predict(model, d.data, d.target, cv=cv, method="predict_proba")
            out.append(("%s_%s" % (dname, mname), names, d.target, S, w))
    return out


def synthetic():
    """Scores in steps of 0.05 (ties within columns and across them), rows
    summing to 1; class d has a column but no rows."""
    rng = np.random.default_rng(7)
    n, k = 400, 4
    y = rng.integers(0, 3, size=n)
    S = np.zeros((n, k))
    for i in range(n):
        raw = rng.integers(0, 8, size=k).astype(float)
        raw[y[i]] += rng.integers(0, 6)
        if raw.sum() == 0:
            raw[0] = 1
        q = np.round(raw / raw.sum() * 20) / 20
        q[np.argmax(q)] += 1 - q.sum()
        S[i] = np.round(q, 10)
    S[0] = [0.4, 0.4, 0.2, 0.0]     # argmax ties: the first wins
    S[1] = [0.25, 0.25, 0.25, 0.25]
    w = rng.integers(1, 4, size=n)
    return [("ties", ["a", "b", "c", "d"], y, S, w)]


# ---- the figures ---------------------------------------------------------------------


def ratio(a, b):
    return a / b if b > 0 else NAN


def class_figures(yc, s, w, t):
    pred = (s >= t).astype(int)
    ww = w if w is not None else np.ones(len(s))
    tp = float(np.sum(ww[(yc == 1) & (pred == 1)]))
    fp = float(np.sum(ww[(yc == 0) & (pred == 1)]))
    tn = float(np.sum(ww[(yc == 0) & (pred == 0)]))
    fn = float(np.sum(ww[(yc == 1) & (pred == 0)]))
    out = {"positives": tp + fn, "negatives": fp + tn, "threshold": t, "tp": tp, "fp": fp, "tn": tn, "fn": fn}
    if tp + fn == 0:
        for key in ("precision", "recall", "specificity", "f1", "roc_auc", "average_precision"):
            out[key] = NAN
        return out
    zd = dict(sample_weight=w, zero_division=0)
    out["precision"] = skm.precision_score(yc, pred, **zd) if tp + fp > 0 else NAN
    out["recall"] = skm.recall_score(yc, pred, **zd)
    out["specificity"] = skm.recall_score(yc, pred, pos_label=0, **zd) if fp + tn > 0 else NAN
    out["f1"] = skm.f1_score(yc, pred, **zd)
    out["roc_auc"] = skm.roc_auc_score(yc, s, sample_weight=w) if fp + tn > 0 else NAN
    out["average_precision"] = skm.average_precision_score(yc, s, sample_weight=w)
    return out


def best_f1(yc, s, w):
    """The threshold of the highest F1 over +inf and every distinct score
    (strictly better only: the highest threshold wins ties)."""
    ww = w if w is not None else np.ones(len(s))
    best_t, best_v = None, None
    for t in [math.inf] + sorted(set(s.tolist()), reverse=True):
        pred = s >= t
        tp = ww[(yc == 1) & pred].sum()
        fp = ww[(yc == 0) & pred].sum()
        fn = ww[(yc == 1) & ~pred].sum()
        if tp + fp + fn == 0:
            continue
        v = 2 * tp / (2 * tp + fp + fn)
        if best_v is None or v > best_v:
            best_t, best_v = t, v
    pred = (s >= best_t).astype(int)
    check = skm.f1_score(yc, pred, sample_weight=w, zero_division=0)
    assert abs(check - best_v) <= 1e-12, (check, best_v)
    return best_t, check


def ovo(y, S, w, occ):
    pairs, prev = [], []
    ww = w if w is not None else np.ones(len(y))
    for i, a in enumerate(occ):
        for b in occ[i + 1:]:
            m = (y == a) | (y == b)
            sw = w[m] if w is not None else None
            auc_a = skm.roc_auc_score((y[m] == a).astype(int), S[m, a], sample_weight=sw)
            auc_b = skm.roc_auc_score((y[m] == b).astype(int), S[m, b], sample_weight=sw)
            pairs.append((auc_a + auc_b) / 2)
            prev.append(ww[m].sum())
    macro, weighted = float(np.mean(pairs)), float(np.average(pairs, weights=prev))
    if len(occ) == S.shape[1]:
        # scikit-learn's own one-vs-one (no weights: rows repeated)
        rep = np.repeat(np.arange(len(y)), ww.astype(int))
        for avg, mine in (("macro", macro), ("weighted", weighted)):
            ref = skm.roc_auc_score(y[rep], S[rep], multi_class="ovo", average=avg)
            assert abs(ref - mine) <= 1e-12, (avg, ref, mine)
    return macro, weighted


def thresholded(S, thr):
    n, k = S.shape
    out = np.full(n, k)
    for i in range(n):
        best = k
        for c in range(k):
            if S[i, c] >= thr[c] and (best == k or S[i, c] > S[i, best]):
                best = c
        out[i] = best
    return out


def figures(classes, y, S, w, thr, optimize):
    n, k = S.shape
    ww = w if w is not None else np.ones(n)
    Y = np.zeros((n, k), dtype=int)
    Y[np.arange(n), y] = 1
    occ = [c for c in range(k) if Y[:, c].any()]
    out = {"n": float(ww.sum()), "skipped": 0}
    thr = list(thr)
    if optimize:
        for c in occ:
            thr[c], v = best_f1(Y[:, c], S[:, c], w)
            out["class.%s.value" % classes[c]] = v
    for c in range(k):
        for key, v in class_figures(Y[:, c], S[:, c], w, thr[c]).items():
            out["class.%s.%s" % (classes[c], key)] = v
    P = np.column_stack([(S[:, c] >= thr[c]).astype(int) for c in range(k)])
    zd = dict(sample_weight=w, zero_division=0)
    for avg in ("macro", "weighted"):
        lab = dict(labels=occ)
        out["average.%s.precision" % avg] = skm.precision_score(Y, P, average=avg, **lab, **zd)
        out["average.%s.recall" % avg] = skm.recall_score(Y, P, average=avg, **lab, **zd)
        out["average.%s.f1" % avg] = skm.f1_score(Y, P, average=avg, **lab, **zd)
        out["average.%s.roc_auc" % avg] = skm.roc_auc_score(Y[:, occ], S[:, occ], average=avg, sample_weight=w)
        out["average.%s.average_precision" % avg] = skm.average_precision_score(Y[:, occ], S[:, occ], average=avg,
                                                                                  sample_weight=w)
    flagged = (P * ww[:, None]).sum()
    out["average.micro.precision"] = skm.precision_score(Y, P, average="micro", **zd) if flagged > 0 else NAN
    out["average.micro.recall"] = skm.recall_score(Y, P, average="micro", **zd)
    out["average.micro.f1"] = skm.f1_score(Y, P, average="micro", **zd) if flagged > 0 else NAN
    out["average.micro.roc_auc"] = skm.roc_auc_score(Y, S, average="micro", sample_weight=w)
    out["average.micro.average_precision"] = skm.average_precision_score(Y, S, average="micro", sample_weight=w)
    out["roc_auc_ovo.macro"], out["roc_auc_ovo.weighted"] = ovo(y, S, w, occ)
    am = np.argmax(S, axis=1)
    cm = skm.confusion_matrix(y, am, labels=list(range(k)), sample_weight=w)
    for i in range(k):
        for j in range(k):
            out["argmax.matrix.%d.%d" % (i, j)] = cm[i, j]
    out["argmax.accuracy"] = skm.accuracy_score(y, am, sample_weight=w)
    out["argmax.balanced_accuracy"] = skm.balanced_accuracy_score(y, am, sample_weight=w)
    out["argmax.f1_macro"] = skm.f1_score(y, am, average="macro", **zd)
    out["argmax.cohen_kappa"] = skm.cohen_kappa_score(y, am, sample_weight=w)
    out["argmax.mcc"] = skm.matthews_corrcoef(y, am, sample_weight=w)
    th = thresholded(S, thr)
    for i in range(k):
        for j in range(k + 1):
            out["thresholded.matrix.%d.%d" % (i, j)] = ww[(y == i) & (th == j)].sum()
    out["thresholded.abstained"] = ww[th == k].sum()
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    for name, classes, y, S, w in real_data() + synthetic():
        write_data(name, classes, y, S, w)
        k = len(classes)
        named = {classes[0]: 0.3, classes[k - 1]: 0.7}
        per = [named.get(c, 0.4) for c in classes]
        cases = [
            ("t05", "-t 0.5", [0.5] * k, False, None),
            ("thr", "-t 0.4 --thresholds %s=0.3,%s=0.7" % (classes[0], classes[k - 1]), per, False, None),
            ("f1", "--optimize f1", [0.5] * k, True, None),
        ]
        for cname, args, thr, opt, _ in cases:
            for weighted in (False, True):
                case = "%s_%s%s" % (name, cname, "_w" if weighted else "")
                full = "--multiclass -l label -s %s%s %s tests/reference/multiclass/%s.csv" % (
                    ",".join(classes), " -w weight" if weighted else "", args, name)
                fig = figures(classes, y, S, w if weighted else None, thr, opt)
                with open(os.path.join(OUT, case + ".args"), "w") as f:
                    f.write(full + "\n")
                with open(os.path.join(OUT, case + ".expected"), "w") as f:
                    f.write("# generated by tests/reference/make_multiclass_expected.py with scikit-learn %s; "
                            "do not edit\n" % sklearn.__version__)
                    for key, v in fig.items():
                        f.write("%s %s\n" % (key, fmt(v)))


if __name__ == "__main__":
    main()
