#!/usr/bin/env python3
"""Reference trees from scikit-learn for DecisionTreeReferenceTests.swift.

Run from the package root:
    .venv-bench/bin/python scripts/reference/tree_fixtures.py

Prints the body of `enum TreeReferences` (pasted into DecisionTreeReferenceTests.swift):
the training matrix, targets, test rows, and for every case the node features (pre-order,
or creation order for max_leaf_nodes), thresholds, importances and the test predictions
(class probabilities row after row, or values). Continuous features, and each case is
checked to give the same tree for random_state 0..9, so no tie decides a split.
"""
import numpy as np
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.default_rng(7)
n = 80
X = np.column_stack([
    np.round(rng.uniform(0, 10, n), 3),
    np.round(rng.normal(0, 1, n), 3),
    np.round(rng.uniform(-5, 5, n), 3),
    np.round(rng.uniform(0, 4, n), 3),
])
score = X[:, 0] / 3 + X[:, 1] + (X[:, 3] > 2) * 1.5
y3 = np.digitize(score + rng.normal(0, 0.5, n), [1.5, 3.0]).astype(float)   # classes 0, 1, 2
yr = np.round(2 * X[:, 0] - X[:, 1] ** 2 + 0.3 * X[:, 2] + rng.normal(0, 0.5, n), 3)
test = np.array([[1.0, 0.2, 0.0, 1.1], [8.5, -1.0, 3.0, 2.5], [5.0, 1.5, -4.0, 0.3], [3.3, -0.5, 2.2, 3.7], [9.7, 0.9, -1.0, 2.2], [4.4, 0.1, 1.0, 1.9], [6.6, -0.2, -2.0, 3.1]])


def fmt(values):
    return "[" + ", ".join(repr(float(v)) if not float(v).is_integer() else f"{float(v):.1f}" for v in values) + "]"


def ints(values):
    return "[" + ", ".join(str(int(v)) for v in values) + "]"


print("static let x: [Double] =", fmt(X.ravel()))
print("static let classes: [Double] =", fmt(y3))
print("static let values: [Double] =", fmt(yr))
print("static let test: [Double] =", fmt(test.ravel()))
cases = [
    ("multiclass gini, max_depth=3", DecisionTreeClassifier, dict(max_depth=3), y3),
    ("multiclass entropy, max_depth=3, min_samples_leaf=4", DecisionTreeClassifier, dict(criterion="entropy", max_depth=3, min_samples_leaf=4), y3),
    ("multiclass gini, max_leaf_nodes=6", DecisionTreeClassifier, dict(max_leaf_nodes=6), y3),
    ("multiclass gini, min_impurity_decrease=0.03, min_samples_leaf=5", DecisionTreeClassifier, dict(min_impurity_decrease=0.03, min_samples_leaf=5), y3),
    ("regression, max_depth=3", DecisionTreeRegressor, dict(max_depth=3), yr),
    ("regression, max_leaf_nodes=5, min_samples_leaf=3", DecisionTreeRegressor, dict(max_leaf_nodes=5, min_samples_leaf=3), yr),
]

swift_params = {
    "max_depth": "maxDepth", "min_samples_leaf": "minSamplesLeaf", "max_leaf_nodes": "maxLeafNodes",  # init order
    "min_impurity_decrease": "minImpurityDecrease",
}
print("static let cases: [Reference] = [")
for name, cls, params, y in cases:
    outs = set()
    for seed in range(10):
        t = cls(random_state=seed, **params).fit(X, y)
        outs.add((tuple(t.tree_.feature), tuple(np.round(t.tree_.threshold, 5))))
    assert len(outs) == 1, f"{name}: ties decide the tree"
    t = cls(random_state=0, **params).fit(X, y)
    pred = t.predict_proba(test).ravel() if cls is DecisionTreeClassifier else t.predict(test)
    settings = [f'criterion: .{params["criterion"]}'] if "criterion" in params else []
    settings += [f"{swift}: {params[k]}" for k, swift in swift_params.items() if k in params]  # init order
    print("    Reference(")
    print(f'        description: "{name}", regression: {"true" if cls is DecisionTreeRegressor else "false"},')
    print(f"        hyperparameters: .init({', '.join(settings)}),")
    print(f"        feature: {ints(np.where(t.tree_.feature < 0, -1, t.tree_.feature))},")
    print(f"        threshold: {fmt(np.where(t.tree_.feature < 0, 0.0, t.tree_.threshold))},")
    print(f"        importances: {fmt(t.feature_importances_)},")
    print(f"        prediction: {fmt(pred)}")
    print("    ),")
print("]")
