"""Reference values for Tests/MLEngineTests/Drift/DriftReferenceTests.swift.

Run: python3 scripts/reference/drift_reference.py   (scipy 1.17.1, numpy 2.4.6 here)

The samples are built by formula (the Swift test builds the same ones). The Jensen-Shannon
distance of numeric samples follows Evidently 0.7's `get_binned_data` (Sturges bins over
both samples when the reference has more than 20 distinct values), the normed Wasserstein
distance its `wasserstein` test (divided by max(np.std(reference), 0.001)).
"""
import math

import numpy as np
from scipy import stats
from scipy.spatial import distance


def sample(n, a, m, scale, shift):
    return np.array([(i * a % m) / scale + shift for i in range(n)], dtype=float)


x = sample(60, 7919, 101, 10, 0)
y = sample(45, 104729, 97, 9, 0.5)
print("ks exact unequal", repr(stats.ks_2samp(x, y).statistic), repr(stats.ks_2samp(x, y).pvalue))
u = sample(50, 31, 89, 8, 0)
v = sample(50, 17, 83, 8, 1.5)
print("ks exact equal", repr(stats.ks_2samp(u, v).statistic), repr(stats.ks_2samp(u, v).pvalue))
big1 = sample(9000, 7919, 1009, 100, 0)
big2 = sample(8000, 104729, 997, 100, 0.2)
r = stats.ks_2samp(big1, big2)
print("ks exact large", repr(r.statistic), repr(r.pvalue))
r = stats.ks_2samp(sample(12000, 7919, 1009, 100, 0), sample(11000, 104729, 997, 100, 0.05))
print("ks asymp", repr(r.statistic), repr(r.pvalue))
print("wasserstein", repr(stats.wasserstein_distance(x, y)), repr(stats.wasserstein_distance(x, y) / max(np.std(x), 0.001)))
table = np.array([[30, 12, 8, 50], [22, 20, 3, 70]])
chi = stats.chi2_contingency(table, correction=False)
print("chi2 contingency", repr(chi.statistic), repr(chi.pvalue), chi.dof)
print("jensenshannon counts", repr(distance.jensenshannon([30, 12, 8, 50, 0], [22, 20, 3, 70, 5])))
print("chi2.sf", [repr(stats.chi2.sf(s, d)) for s, d in [(3.2, 1), (50.0, 4), (400.0, 10), (0.5, 7), (12.0, 12)]])
both = np.concatenate([x, y])
edges = np.histogram_bin_edges(both, bins="sturges")
rp = np.histogram(x, edges)[0] / len(x)
cp = np.histogram(y, edges)[0] / len(y)
print("sturges bins", len(edges) - 1, list(np.histogram(x, edges)[0]), list(np.histogram(y, edges)[0]))
print("jensenshannon numeric", repr(distance.jensenshannon(rp, cp)))
# Evidently's z test: "not the reference's most common value" against the rest.
ref = np.array([0] * 70 + [1] * 30)
cur = np.array([0] * 50 + [1] * 40)
n1, n2 = len(ref), len(cur)
p1, p2 = (ref != 0).mean(), (cur != 0).mean()
P = (p1 * n1 + p2 * n2) / (n1 + n2)
z = (p1 - p2) / math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2))
print("z test", repr(z), repr(2 * (1 - stats.norm.cdf(abs(z)))))
