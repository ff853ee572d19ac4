#!/usr/bin/python3
"""Independent expected values for the deployment questions (issue 13).

Run from the project root with Debian's python3-sklearn (1.2.1):
    /usr/bin/python3 tests/reference/make_deploy_expected.py
It rewrites tests/reference/deploy/: the generated data files (rare.csv,
worse.csv) and, per case, NAME.args (cutoff's options), NAME.json.expected
("key value" lines; "null" is JSON null) and NAME.CURVE.csv (the expected
--curve CSV).  CI does not run this script; tests/cli/deploy.sh runs cutoff
and compares (relative tolerance 1e-9).

Sources: scikit-learn's average_precision_score, log_loss and
brier_score_loss with sample_weight, and calibration_curve (uniform and
quantile); brute force over the rows (numpy, no cutoff code) for the
reweighted confusion matrix, lift, KS, net benefit, the gains curve, the
weighted calibration bins and the capacity-constrained optimum.
"""
import csv
import math
import os

import numpy as np
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "deploy")
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(path, label, score, positive, weight=None, delimiter=","):
    y, s, w = [], [], []
    with open(os.path.join(ROOT, path), newline="") as f:
        for row in csv.DictReader(f, delimiter=delimiter):
            y.append(1 if row[label].strip() == positive else 0)
            s.append(float(row[score]))
            w.append(float(row[weight]) if weight else 1.0)
    return np.array(y), np.array(s), np.array(w)


def fmt(v):
    if v is None or (isinstance(v, float) and (math.isnan(v) or math.isinf(v))):
        return "null"
    return repr(float(v))


def reweight(y, w, prevalence):
    if prevalence is None:
        return w
    pi = w[y == 1].sum() / w.sum()
    return np.where(y == 1, w * prevalence / pi, w * (1 - prevalence) / (1 - pi))


def calib_bins(y, s, w, bins, strategy):
    """The bins as calibration_curve makes them, weighted by w; checked
    against scikit-learn itself when the weights are all 1."""
    if strategy == "quantile":
        edges = np.percentile(s, np.linspace(0, 1, bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], s)
    tot = np.bincount(ids, weights=w, minlength=bins)
    ps = np.bincount(ids, weights=w * s, minlength=bins)
    pt = np.bincount(ids, weights=w * y, minlength=bins)
    rows = []
    for b in range(bins):
        if tot[b] > 0:
            rows.append((b + 1, edges[b], edges[b + 1], ps[b] / tot[b], pt[b] / tot[b], tot[b]))
    if np.all(w == 1):
        prob_true, prob_pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
        assert np.allclose(prob_true, [r[4] for r in rows], rtol=1e-12, atol=0)
        assert np.allclose(prob_pred, [r[3] for r in rows], rtol=1e-12, atol=0)
    return rows


def report(y, s, w0, t, prevalence=None, bins=10, strategy="uniform"):
    w = reweight(y, w0, prevalence)
    n = w.sum()
    pos = w[y == 1].sum()
    neg = w[y == 0].sum()
    flag = s >= t
    tp = w[flag & (y == 1)].sum()
    fp = w[flag & (y == 0)].sum()
    tn = w[~flag & (y == 0)].sum()
    fn = w[~flag & (y == 1)].sum()
    pi = pos / n
    prob = s.min() >= 0 and s.max() <= 1
    r = {"n": n, "positives": pos, "negatives": neg, "tp": tp, "fp": fp, "tn": tn, "fn": fn}
    r["precision"] = tp / (tp + fp) if tp + fp > 0 else math.nan
    r["recall"] = tp / pos
    r["fpr"] = fp / neg
    r["accuracy"] = (tp + tn) / n
    r["roc_auc"] = skm.roc_auc_score(y, s, sample_weight=w0)
    r["average_precision"] = skm.average_precision_score(y, s, sample_weight=w)
    r["log_loss"] = skm.log_loss(y, s, eps=1e-15, sample_weight=w, labels=[0, 1]) if prob else math.nan
    r["brier"] = skm.brier_score_loss(y, s, sample_weight=w, pos_label=1) if prob else math.nan
    r["prevalence"] = pi
    r["sample_prevalence"] = w0[y == 1].sum() / w0.sum()
    r["lift"] = r["precision"] / pi
    # KS: every distinct threshold, highest first; strictly larger moves it
    best, at = 0.0, None
    for th in np.unique(s)[::-1]:
        f = s >= th
        d = w[f & (y == 1)].sum() / pos - w[f & (y == 0)].sum() / neg
        if d > best:
            best, at = d, th
    r["ks"] = best
    r["ks_threshold"] = at if at is not None else math.nan
    ok = prob and 0 < t < 1
    r["net_benefit"] = tp / n - fp / n * t / (1 - t) if ok else math.nan
    r["net_benefit_treat_all"] = pi - (1 - pi) * t / (1 - t) if ok else math.nan
    if prob:
        rows = calib_bins(y, s, w, bins, strategy)
        gaps = [abs(b[4] - b[3]) for b in rows]
        r["ece"] = sum(b[5] / n * g for b, g in zip(rows, gaps))
        r["mce"] = max(gaps)
        r["brier_reliability"] = sum(b[5] / n * (b[3] - b[4]) ** 2 for b in rows)
        r["brier_resolution"] = sum(b[5] / n * (b[4] - pi) ** 2 for b in rows)
        r["brier_uncertainty"] = pi * (1 - pi)
    else:
        for k in ("ece", "mce", "brier_reliability", "brier_resolution", "brier_uncertainty"):
            r[k] = math.nan
    return r


def gain_rows(y, s, w):
    n, pos = w.sum(), w[y == 1].sum()
    pi = pos / n
    rows = []
    for th in np.unique(s)[::-1]:
        f = s >= th
        tp, fl = w[f & (y == 1)].sum(), w[f].sum()
        rows.append((th, fl / n, tp / pos, (tp / fl) / pi))
    return rows


def net_benefit_rows(y, s, w):
    n, pos = w.sum(), w[y == 1].sum()
    pi = pos / n
    rows = []
    for k in range(1, 100):
        t = k / 100
        f = s >= t
        tp, fp = w[f & (y == 1)].sum(), w[f & (y == 0)].sum()
        rows.append((t, tp / n - fp / n * t / (1 - t), pi - (1 - pi) * t / (1 - t)))
    return rows


def capacity(y, s, w, objective, max_flagged=None, max_rate=None):
    """The optimum over +inf and every distinct score, highest first; only a
    strictly better value replaces the best (the highest threshold wins)."""
    n, pos = w.sum(), w[y == 1].sum()
    best = None
    for th in [math.inf] + list(np.unique(s)[::-1]):
        f = s >= th
        tp, fp = w[f & (y == 1)].sum(), w[f & (y == 0)].sum()
        fn = pos - tp
        if max_flagged is not None and not tp + fp <= max_flagged:
            continue
        if max_rate is not None and not (tp + fp) / n <= max_rate:
            continue
        if objective == "recall":
            v = tp / pos
        else:
            v = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else math.nan
        if math.isnan(v):
            continue
        if best is None or v > best[1]:
            best = (th, v, tp, fp)
    return {"threshold": best[0], "value": best[1], "tp": best[2], "fp": best[3]}


def csv_rows(rows):
    return "".join(",".join("" if (isinstance(x, float) and math.isnan(x)) else repr(float(x)) if not isinstance(x, (int, np.integer)) else str(int(x)) for x in r) + "\n" for r in rows)


def write(name, args, values=None, curves=None):
    with open(os.path.join(OUT, name + ".args"), "w") as f:
        f.write(args + "\n")
    if values is not None:
        with open(os.path.join(OUT, name + ".json.expected"), "w") as f:
            f.write("# generated by tests/reference/make_deploy_expected.py; do not edit\n")
            for k, v in values.items():
                f.write("%s %s\n" % (k, fmt(v)))
    for kind, (header, rows) in (curves or {}).items():
        with open(os.path.join(OUT, "%s.%s.csv" % (name, kind)), "w") as f:
            f.write(header + "\n" + csv_rows(rows))


def make_data():
    rng = np.random.default_rng(13)
    # 20,000 rows, 1% positives, scores on a 0.01 grid (ties, and scores
    # exactly on the uniform bins' edges)
    n = 20000
    y = (rng.random(n) < 0.01).astype(int)
    z = rng.normal(np.where(y == 1, 1.6, -1.2), 1.0)
    p = np.round(1 / (1 + np.exp(-z)), 2)
    with open(os.path.join(OUT, "rare.csv"), "w") as f:
        f.write("y,p\n")
        for a, b in zip(y, p):
            f.write("%d,%s\n" % (a, ("%.2f" % b)))
    # a model that ranks every positive below every negative: KS 0, no threshold
    with open(os.path.join(OUT, "worse.csv"), "w") as f:
        f.write("y,p\n1,0.1\n1,0.2\n0,0.6\n0,0.9\n1,0.2\n0,0.7\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    make_data()
    ones = lambda y: np.ones(len(y))
    gain_h = "threshold,flag_rate,tpr,lift"
    nb_h = "threshold,net_benefit,treat_all"
    cal_h = "bin,lower,upper,mean_predicted,fraction_positive,count"

    y, s, w = load("samples/breast_cancer.csv", "diagnosis", "logreg", "malignant")
    write("bc_prev", "-l diagnosis -p malignant -s logreg --prevalence 0.01 samples/breast_cancer.csv",
          report(y, s, w, 0.5, prevalence=0.01),
          {"calibration": (cal_h, calib_bins(y, s, reweight(y, w, 0.01), 10, "uniform")),
           "gain": (gain_h, gain_rows(y, s, reweight(y, w, 0.01)))})
    y, s, w = load("samples/breast_cancer.csv", "diagnosis", "naive_bayes", "malignant")
    write("bc_nb_quantile", "-l diagnosis -p malignant -s naive_bayes --calibration-bins 5 "
          "--calibration-strategy quantile samples/breast_cancer.csv",
          report(y, s, w, 0.5, bins=5, strategy="quantile"),
          {"calibration": (cal_h, calib_bins(y, s, w, 5, "quantile"))})
    y, s, w = load("samples/breast_cancer_weighted.tsv", "diagnosis", "logreg", "malignant", "weight", "\t")
    write("bcw_prev", "-l diagnosis -p malignant -s logreg -w weight --prevalence 0.05 samples/breast_cancer_weighted.tsv",
          report(y, s, w, 0.5, prevalence=0.05),
          {"calibration": (cal_h, calib_bins(y, s, reweight(y, w, 0.05), 10, "uniform")),
           "net-benefit": (nb_h, net_benefit_rows(y, s, reweight(y, w, 0.05)))})
    y, s, w = load("samples/digits_is_8.csv", "is_eight", "forest_prob", "1")
    write("digits", "-l is_eight -s forest_prob -t 0.3 samples/digits_is_8.csv", report(y, s, w, 0.3),
          {"gain": (gain_h, gain_rows(y, s, w)), "net-benefit": (nb_h, net_benefit_rows(y, s, w)),
           "calibration": (cal_h, calib_bins(y, s, w, 10, "uniform"))})
    y, s, w = load("samples/digits_is_8.csv", "is_eight", "logreg_logit", "1")
    write("digits_logit", "-l is_eight -s logreg_logit -t 1.5 samples/digits_is_8.csv", report(y, s, w, 1.5),
          {"gain": (gain_h, gain_rows(y, s, w))})
    rare = "tests/reference/deploy/rare.csv"
    y, s, w = load(rare, "y", "p", "1")
    write("rare", "-l y -s p -t 0.2 " + rare, report(y, s, w, 0.2),
          {"gain": (gain_h, gain_rows(y, s, w)), "net-benefit": (nb_h, net_benefit_rows(y, s, w)),
           "calibration": (cal_h, calib_bins(y, s, w, 10, "uniform"))})
    write("rare_quantile", "-l y -s p -t 0.2 --calibration-bins 10 --calibration-strategy quantile " + rare,
          report(y, s, w, 0.2, strategy="quantile"),
          {"calibration": (cal_h, calib_bins(y, s, w, 10, "quantile"))})
    write("rare_prev", "-l y -s p -t 0.2 --prevalence 0.001 " + rare, report(y, s, w, 0.2, prevalence=0.001))
    write("rare_budget", "-l y -s p --optimize recall --max-flagged 150 " + rare,
          capacity(y, s, w, "recall", max_flagged=150))
    # the capacity met exactly: "at most" includes it
    write("rare_budget_exact", "-l y -s p --optimize recall --max-flagged 142 " + rare,
          capacity(y, s, w, "recall", max_flagged=142))
    write("rare_rate", "-l y -s p --optimize f1 --max-flag-rate 0.004 " + rare,
          capacity(y, s, w, "f1", max_rate=0.004))
    y, s, w = load("tests/reference/deploy/worse.csv", "y", "p", "1")
    write("worse", "-l y -s p -t 0.5 tests/reference/deploy/worse.csv",
          {k: v for k, v in report(y, s, w, 0.5).items() if k in ("ks", "ks_threshold", "lift", "roc_auc")})


if __name__ == "__main__":
    main()
