import Testing
@testable import MLEngine

/// Reference values from scikit-learn 1.9.1:
///
/// ```python
/// from sklearn import metrics as M
/// y = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1], dtype=float)
/// p = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.65, 0.9, 0.35, 0.2, 0.5, 0.5])
/// pred = (p >= 0.5).astype(float)
/// M.accuracy_score(y, pred), M.precision_score(y, pred), M.recall_score(y, pred), M.f1_score(y, pred)
/// M.roc_auc_score(y, p), M.log_loss(y, p), M.confusion_matrix(y, pred).ravel()
/// M.roc_curve(y, p, drop_intermediate=False)
/// ```
@Suite("ClassificationMetrics")
struct ClassificationMetricsTests {
    static let labels: [Double] = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]
    static let probabilities = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.65, 0.9, 0.35, 0.2, 0.5, 0.5]

    @Test("agrees with scikit-learn, ties included")
    func scikitLearn() {
        let metrics = ClassificationMetrics.compute(labels: Self.labels, probabilities: Self.probabilities)
        #expect(metrics.confusion == ConfusionMatrix(tn: 4, fp: 2, fn: 3, tp: 3))
        #expect(metrics.accuracy == 0.5833333333333334)
        #expect(metrics.precision == 0.6)
        #expect(metrics.recall == 0.5)
        #expect(abs(metrics.f1 - 0.5454545454545454) < 1e-15)
        #expect(abs(metrics.rocAUC - 0.6527777777777778) < 1e-15)
        #expect(abs(metrics.logLoss - 0.5942259039971777) < 1e-15)
    }

    @Test("hand-computed small case")
    func handComputed() {
        // Predictions at 0.5: [0, 1, 1, 0] against labels [0, 1, 0, 1] → tn 1, fp 1, fn 1, tp 1.
        let metrics = ClassificationMetrics.compute(labels: [0, 1, 0, 1], probabilities: [0.2, 0.9, 0.6, 0.3])
        #expect(metrics.confusion == ConfusionMatrix(tn: 1, fp: 1, fn: 1, tp: 1))
        #expect(metrics.accuracy == 0.5 && metrics.precision == 0.5 && metrics.recall == 0.5 && metrics.f1 == 0.5)
        // Positive scores 0.9, 0.3 vs negative 0.2, 0.6: pairs won 3 of 4.
        #expect(metrics.rocAUC == 0.75)
    }

    @Test("no positive predictions give precision 0, like zero_division=0")
    func zeroDivision() {
        let metrics = ClassificationMetrics.compute(labels: [0, 1, 1], probabilities: [0.1, 0.2, 0.3])
        #expect(metrics.precision == 0)
        #expect(metrics.recall == 0)
        #expect(metrics.f1 == 0)
        #expect(metrics.rocAUC == 1)
    }

    @Test("tied scores count one half; one class makes AUC undefined")
    func aucEdges() {
        #expect(ClassificationMetrics.rocAUC(labels: [0, 1, 0, 1], probabilities: [0.5, 0.5, 0.5, 0.5]) == 0.5)
        #expect(ClassificationMetrics.rocAUC(labels: [1, 1], probabilities: [0.2, 0.8]).isNaN)
    }

    @Test("log loss clips certain mistakes at 1e-15")
    func logLossClipping() {
        let metrics = ClassificationMetrics.compute(labels: [1, 0], probabilities: [0, 0])
        #expect(abs(metrics.logLoss - 34.538776394910684 / 2) < 1e-9)
    }

    @Test("a custom threshold moves predictions")
    func threshold() {
        let metrics = ClassificationMetrics.compute(labels: Self.labels, probabilities: Self.probabilities, threshold: 0.35)
        #expect(metrics.confusion == ConfusionMatrix(tn: 2, fp: 4, fn: 0, tp: 6))
        #expect(metrics.namedValues["recall"] == 1)
    }
}
