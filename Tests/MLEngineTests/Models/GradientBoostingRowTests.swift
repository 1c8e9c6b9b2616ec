import Foundation
import Testing
@testable import MLEngine

/// The single-row path (four trees in step, branch-free splits) must give the batch path's
/// outputs bit for bit, on the edges of every split kind.
@Suite struct GradientBoostingRowTests {
    /// Rows of the synthetic fixture plus edge values: missing, negative and out-of-range
    /// category codes, fractional codes, infinities, values right on thresholds.
    static func probeRows(_ model: HistGradientBoosting, base x: FeatureMatrix) -> FeatureMatrix {
        var values = Array(x.values.prefix(400 * x.columns))
        let thresholds = model.ensemble.nodes.filter { !$0.isLeaf && !$0.isCategorical }.map(\.threshold)
        let edges: [Double] = [.nan, -1, -0.5, 0, 0.5, 3, 3.7, 7, 8, 255, 255.5, 256, 300, .infinity, -.infinity] + thresholds.prefix(40)
        for (index, edge) in edges.enumerated() {
            for column in 0..<x.columns {
                var row = Array(x.values[(index % 400) * x.columns ..< (index % 400 + 1) * x.columns])
                row[column] = edge
                values += row
            }
        }
        return FeatureMatrix(rows: values.count / x.columns, columns: x.columns, values: values, names: x.names)
    }

    static func check(_ model: HistGradientBoosting, _ probe: FeatureMatrix) throws {
        let batch = try model.predict(probe)
        let width = model.task.outputWidth
        var single = [Double](repeating: 0, count: probe.rows * width)
        probe.values.withUnsafeBufferPointer { values in
            single.withUnsafeMutableBufferPointer { out in
                for row in 0..<probe.rows { model.predictRow(values.baseAddress! + row * probe.columns, into: out.baseAddress! + row * width) }
            }
        }
        let differing = (0..<single.count).filter { single[$0].bitPattern != batch[$0].bitPattern }
        #expect(differing.isEmpty, "\(differing.count) of \(single.count) outputs differ, first at \(differing.first.map { "output \($0): \(single[$0]) vs \(batch[$0])" } ?? "")")
    }

    /// The plainest walk of the trees, one at a time, as the reference for both fast paths.
    static func referenceRaw(_ model: HistGradientBoosting, _ x: FeatureMatrix) -> [Double] {
        let ensemble = model.ensemble
        let width = model.task.outputWidth
        var raw: [Double] = []
        for row in 0..<x.rows {
            var sums = model.baseline
            for (tree, root) in ensemble.roots.enumerated() {
                var index = Int(root)
                while !ensemble.nodes[index].isLeaf {
                    let node = ensemble.nodes[index]
                    let value = x.values[row * x.columns + node.feature]
                    let left: Bool
                    if !node.isCategorical {
                        left = value.isNaN ? node.missingLeft : value <= node.threshold
                    } else if value.isNaN || value < 0 {
                        left = node.missingLeft
                    } else if value >= 256 {
                        left = false
                    } else {
                        let category = Int(value)
                        left = (ensemble.categorySets[node.categorySet * 8 + category / 32] >> UInt32(category % 32)) & 1 == 1
                    }
                    index = Int(node.left) + (left ? 0 : 1)
                }
                sums[tree % width] += ensemble.nodes[index].threshold
            }
            raw += sums
        }
        return raw
    }

    @Test func bigBatchesOnAllCoresEqualTheReferenceWalk() throws {
        let (x, y) = GradientBoostingTests.syntheticFixture()
        let model = try HistGradientBoosting.fit(
            x, targets: y, task: .binary,
            hyperparameters: GradientBoostingTests.settings { $0.maxIterations = 30; $0.categoricalColumns = [2: 8] }, seed: 5)
        let small = Self.probeRows(model, base: x)
        // 8,193 rows or more: past the parallel thresholds, and not a multiple of 4.
        var values: [Double] = []
        while values.count / x.columns < 8_193 { values += small.values }
        values += small.values.prefix(x.columns)
        let big = FeatureMatrix(rows: values.count / x.columns, columns: x.columns, values: values, names: x.names)
        #expect(big.rows * model.treeCount >= TreeEnsemble.parallelWork && big.rows >= TreeEnsemble.parallelRows && big.rows % 4 != 0)
        let raw = try model.rawScores(big)
        let reference = Self.referenceRaw(model, big)
        let differing = (0..<raw.count).filter { raw[$0].bitPattern != reference[$0].bitPattern }
        #expect(differing.isEmpty, "\(differing.count) of \(raw.count) raw scores differ from the reference walk")
        try Self.check(model, big)
    }

    @Test(arguments: [15, 17]) func binaryWithCategoricalSplits(iterations: Int) throws {
        let (x, y) = GradientBoostingTests.syntheticFixture()
        let model = try HistGradientBoosting.fit(
            x, targets: y, task: .binary,
            hyperparameters: GradientBoostingTests.settings { $0.maxIterations = iterations; $0.categoricalColumns = [2: 8, 4: 5] }, seed: 1)
        #expect(model.shape.categoricalSplits > 0)
        try Self.check(model, Self.probeRows(model, base: x))
    }

    @Test func numericOnly() throws {
        let (x, y) = GradientBoostingTests.syntheticFixture()
        let model = try HistGradientBoosting.fit(
            x, targets: y, task: .binary, hyperparameters: GradientBoostingTests.settings { $0.maxIterations = 13 }, seed: 2)
        #expect(model.shape.categoricalSplits == 0)
        try Self.check(model, Self.probeRows(model, base: x))
    }

    @Test func multiclassTreesInterleaveAcrossOutputs() throws {
        let (x, y) = GradientBoostingTests.syntheticFixture()
        let classes = (0..<x.rows).map { row in y[row] + (x.values[row * x.columns + 1] > 0.5 ? 1 : 0) }
        let model = try HistGradientBoosting.fit(
            x, targets: classes, task: .multiclass(classes: 3),
            hyperparameters: GradientBoostingTests.settings { $0.maxIterations = 7; $0.categoricalColumns = [2: 8] }, seed: 3)
        #expect(model.treeCount == 21)
        try Self.check(model, Self.probeRows(model, base: x))
    }

    @Test func shapeCountsEveryNode() throws {
        let (x, y) = GradientBoostingTests.syntheticFixture()
        let model = try HistGradientBoosting.fit(
            x, targets: y, task: .binary, hyperparameters: GradientBoostingTests.settings { $0.maxIterations = 5; $0.maxLeafNodes = 8 }, seed: 4)
        let shape = model.shape
        #expect(shape.trees == 5)
        #expect(shape.leaves == shape.splits + shape.trees)
        #expect(shape.splits + shape.leaves == model.ensemble.nodes.count)
        #expect(shape.maxDepth >= 3 && shape.maxDepth <= 7)
    }
}
