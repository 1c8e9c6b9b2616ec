"""scikit-learn doing what scripts/bench-notebook.sh's forest notebook does: read Adult's train
and test CSVs, ordinal-encode the categories, fit a 100-tree random forest on 2 cores, score
the test set (ROC AUC, accuracy). Benchmark baseline only."""
import sys

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.preprocessing import OrdinalEncoder

folder = sys.argv[1]
train = pd.read_csv(f"{folder}/adult-train.csv")
test = pd.read_csv(f"{folder}/adult-test.csv")
y = (train.pop("income") == ">50K").astype(int)
y_test = (test.pop("income") == ">50K").astype(int)
categories = train.select_dtypes(["object", "string"]).columns
encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1)
train[categories] = encoder.fit_transform(train[categories])
test[categories] = encoder.transform(test[categories])
model = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0).fit(train.fillna(-1), y)
p = model.predict_proba(test.fillna(-1))[:, 1]
print(f"roc_auc {roc_auc_score(y_test, p):.4f} accuracy {accuracy_score(y_test, p > 0.5):.4f}")
