#!/usr/bin/python3
"""The peer: what a data scientist runs in a notebook, as a script.

Reads a label,score CSV with pandas and computes with scikit-learn what
`cutoff --optimize f1 --format json FILE` prints: ROC AUC, average
precision, log loss, Brier score, the threshold with the best F1 and the
confusion matrix there.  Prints the F1 threshold, so the bench can check
that both found the same one.
"""
import sys

import numpy as np
import pandas as pd
from sklearn import metrics

df = pd.read_csv(sys.argv[1])
y = df["label"].to_numpy()
s = df["score"].to_numpy()
auc = metrics.roc_auc_score(y, s)
ap = metrics.average_precision_score(y, s)
ll = metrics.log_loss(y, s, eps=1e-15)
brier = metrics.brier_score_loss(y, s)
precision, recall, thresholds = metrics.precision_recall_curve(y, s)
with np.errstate(divide="ignore", invalid="ignore"):
    f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0)[:-1]
# the highest threshold among equal F1s, as cutoff does
best = thresholds[len(f1) - 1 - np.argmax(f1[::-1])]
tn, fp, fn, tp = metrics.confusion_matrix(y, s >= best).ravel()
print(f"f1 threshold {best!r} auc {auc:.6f} ap {ap:.6f} tp {tp} fp {fp}")
