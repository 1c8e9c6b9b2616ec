#!/usr/bin/env python3
"""Reference predictions for GradientBoostingAgreementTests.

    .venv-bench/bin/python scripts/reference/gbdt-reference.py

The fixture is computed by formula (the Swift test builds the same rows), so no data file
is needed: 600 rows, x0 = (i*37 % 101)/101, x1 = (i*53 % 97)/97, x2 = (i*11 % 7) (7 values),
label 1 when x0 + x1 + 0.3*sin(i) + 0.1*x2 > 1.3. Every column has fewer than 255 distinct
values, so scikit-learn's bins are the midpoints our binning also uses.
Prints Swift arrays: P(class 1) on the 8 probe rows from scikit-learn's
HistGradientBoostingClassifier and from LightGBM, both with 20 iterations, 31 leaves,
min 20 rows per leaf, learning rate 0.1, no early stopping.
"""
import math

import lightgbm as lgb
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier


def rows(n):
    x = np.array([[(i * 37 % 101) / 101, (i * 53 % 97) / 97, float(i * 11 % 7)] for i in range(n)])
    y = np.array([1 if x[i, 0] + x[i, 1] + 0.3 * math.sin(i) + 0.1 * x[i, 2] > 1.3 else 0 for i in range(n)])
    return x, y


X, y = rows(600)
probes = np.array([[0.1, 0.2, 0], [0.9, 0.8, 6], [0.5, 0.5, 3], [0.7, 0.4, 1],
                   [0.3, 0.95, 5], [0.65, 0.65, 2], [0.2, 0.9, 4], [0.55, 0.7, 0]])
sk = HistGradientBoostingClassifier(max_iter=20, early_stopping=False, random_state=0).fit(X, y)
lg = lgb.LGBMClassifier(n_estimators=20, num_leaves=31, min_child_samples=20, min_child_weight=1e-3,
                        learning_rate=0.1, min_data_in_bin=1, verbose=-1, n_jobs=1).fit(X, y)
fmt = lambda a: "[" + ", ".join(f"{v:.6f}" for v in a) + "]"
print("sklearn:", fmt(sk.predict_proba(probes)[:, 1]))
print("lightgbm:", fmt(lg.predict_proba(probes)[:, 1]))
print("positives:", int(y.sum()))
