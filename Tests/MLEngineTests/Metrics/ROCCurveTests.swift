import Testing
@testable import MLEngine

@Suite("ROCCurve")
struct ROCCurveTests {
    @Test("matches scikit-learn's roc_curve(drop_intermediate=False)")
    func scikitLearn() {
        let curve = ROCCurve.compute(labels: ClassificationMetricsTests.labels, probabilities: ClassificationMetricsTests.probabilities)
        let sixth = 1.0 / 6.0, third = 1.0 / 3.0, twoThirds = 2.0 / 3.0
        #expect(curve.points.map(\.fpr) == [0, 0, 0, sixth, third, twoThirds, twoThirds, 0.8333333333333334, 1])
        #expect(curve.points.map(\.tpr) == [0, sixth, third, third, 0.5, twoThirds, 1, 1, 1])
        #expect(curve.points.map(\.threshold) == [.infinity, 0.9, 0.8, 0.65, 0.5, 0.4, 0.35, 0.2, 0.1])
        #expect(abs(curve.area - 0.6527777777777778) < 1e-15)
    }

    @Test("downsampling keeps the ends and the order")
    func downsampled() {
        let probabilities = (0..<1000).map { Double($0) / 1000 }
        let labels = (0..<1000).map { Double($0 % 3 == 0 ? 1 : 0) }
        let curve = ROCCurve.compute(labels: labels, probabilities: probabilities)
        #expect(curve.points.count == 1001)
        let small = curve.downsampled(maxPoints: 50)
        #expect(small.points.count == 50)
        #expect(small.points.first == curve.points.first)
        #expect(small.points.last == curve.points.last)
        #expect(zip(small.points, small.points.dropFirst()).allSatisfy { $0.threshold > $1.threshold })
        #expect(curve.downsampled(maxPoints: 5000) == curve)
        #expect(curve.downsampled(maxPoints: 0).points.count == 2)
    }
}
