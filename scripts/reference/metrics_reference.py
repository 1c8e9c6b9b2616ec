"""Reference values for Tests/MLEngineTests/Metrics/MetricsReferenceTests.swift.

Run: .venv-bench/bin/python scripts/reference/metrics_reference.py
"""
import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, brier_score_loss, f1_score,
                             log_loss, mean_absolute_error, mean_squared_error, r2_score, roc_auc_score)

y = np.array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1])
p = np.array([0.1, 0.8, 0.35, 0.4, 0.9, 0.05, 0.6, 0.7, 0.35, 0.2, 0.55, 0.95])
print("balanced_accuracy", repr(balanced_accuracy_score(y, p >= 0.5)))
print("average_precision", repr(average_precision_score(y, p)))
print("brier", repr(brier_score_loss(y, p)))
prob_true, prob_pred = calibration_curve(y, p, n_bins=5, strategy="uniform")
print("calibration observed", list(prob_true))
print("calibration predicted", list(prob_pred))

ym = np.array([0, 1, 2, 2, 1, 0, 2, 1])
pm = np.array([[0.7, 0.2, 0.1], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6], [0.3, 0.4, 0.3],
               [0.25, 0.25, 0.5], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6], [0.1, 0.8, 0.1]])
pred = pm.argmax(axis=1)
print("multi accuracy", repr(float((pred == ym).mean())))
print("multi balanced", repr(balanced_accuracy_score(ym, pred)))
print("multi macro f1", repr(f1_score(ym, pred, average="macro")))
print("multi roc_auc ovr macro", repr(roc_auc_score(ym, pm, multi_class="ovr", average="macro")))
print("multi log_loss", repr(log_loss(ym, pm)))

a = np.array([3, -0.5, 2, 7, 4.25])
b = np.array([2.5, 0.0, 2, 8, 3.0])
print("mae", repr(mean_absolute_error(a, b)))
print("rmse", repr(float(np.sqrt(mean_squared_error(a, b)))))
print("r2", repr(r2_score(a, b)))
