import Foundation
import Testing
@testable import MLEngine

/// Small fixtures with known answers for ``HistGradientBoosting``.
@Suite struct GradientBoostingTests {
    static func matrix(_ columns: [[Double]]) -> FeatureMatrix {
        let rows = columns.first?.count ?? 0
        var values: [Double] = []
        for r in 0..<rows { for column in columns { values.append(column[r]) } }
        return FeatureMatrix(rows: rows, columns: columns.count, values: values, names: columns.indices.map { "x\($0)" })
    }

    static func settings(_ change: (inout HistGradientBoosting.Hyperparameters) -> Void) -> HistGradientBoosting.Hyperparameters {
        var settings = HistGradientBoosting.Hyperparameters(earlyStopping: .off)
        change(&settings)
        return settings
    }

    @Test func aSingleObviousSplit() throws {
        let x = (0..<40).map(Double.init)
        let y = x.map { $0 < 20 ? 0.0 : 1.0 }
        let model = try HistGradientBoosting.fit(
            Self.matrix([x]), targets: y, task: .regression,
            hyperparameters: Self.settings { $0.learningRate = 1; $0.maxIterations = 1; $0.maxLeafNodes = 2; $0.minSamplesLeaf = 1 },
            seed: 0)
        #expect(model.treeCount == 1)
        #expect(model.ensemble.nodes[0].threshold == 19.5)
        #expect(try model.predict(Self.matrix([[0, 19, 19.5, 19.6, 100]])) == [0, 0, 0, 1, 1])
        #expect(model.featureImportances == [1])
    }

    @Test func oneBoostingStepHasTheHandComputedLeafValues() throws {
        // Prior 1/2, so the baseline is 0, p = 0.5, g = 0.5 - y, h = 0.25 on every row.
        // x = 0: labels 1,0,0,0,0 -> G = 1.5, H = 1.25; x = 1: labels 1,1,1,1,0 -> G = -1.5, H = 1.25.
        // With λ = 1 and learning rate 0.1 the leaves are ∓1.5 / 2.25 × 0.1 = ∓1/15.
        let x: [Double] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
        let y: [Double] = [1, 0, 0, 0, 0, 1, 1, 1, 1, 0]
        let model = try HistGradientBoosting.fit(
            Self.matrix([x]), targets: y, task: .binary,
            hyperparameters: Self.settings { $0.maxIterations = 1; $0.minSamplesLeaf = 1; $0.l2Regularization = 1 },
            seed: 0)
        #expect(model.baseline == [0])
        let raw = try model.rawScores(Self.matrix([[0, 1]]))
        #expect(abs(raw[0] + 1.0 / 15) < 1e-12)
        #expect(abs(raw[1] - 1.0 / 15) < 1e-12)
        let probabilities = try model.predict(Self.matrix([[0, 1]]))
        #expect(abs(probabilities[0] - 1 / (1 + exp(1.0 / 15))) < 1e-12)
    }

    /// 30 rows with values 0..29 (label 1 from 15 up) and 10 missing rows labelled `missingLabel`.
    static func missingFixture(missingLabel: Double) -> (FeatureMatrix, [Double]) {
        let x = (0..<30).map(Double.init) + Array(repeating: Double.nan, count: 10)
        let y = (0..<30).map { $0 >= 15 ? 1.0 : 0.0 } + Array(repeating: missingLabel, count: 10)
        return (matrix([x]), y)
    }

    @Test(arguments: [0.0, 1.0]) func missingValuesGoTheLearnedWay(missingLabel: Double) throws {
        let (x, y) = Self.missingFixture(missingLabel: missingLabel)
        let model = try HistGradientBoosting.fit(
            x, targets: y, task: .binary, hyperparameters: Self.settings { $0.minSamplesLeaf = 5; $0.maxIterations = 20 }, seed: 0)
        let p = try model.predict(Self.matrix([[.nan, 2, 27, 1000, -1000]]))
        #expect((p[0] > 0.5) == (missingLabel == 1))
        #expect(p[1] < 0.5)
        #expect(p[2] > 0.5)
        #expect(p[3] > 0.5, "an unseen large value follows the thresholds")
        #expect(p[4] < 0.5, "an unseen small value follows the thresholds")
    }

    @Test func aCategoricalSplitThatNoThresholdCanExpress() throws {
        // Categories 0 and 2 are positive, 1 and 3 negative: one categorical split separates
        // them, no single threshold on the codes does.
        let codes = (0..<120).map { Double($0 % 4) }
        let y = codes.map { $0 == 0 || $0 == 2 ? 1.0 : 0.0 }
        let model = try HistGradientBoosting.fit(
            Self.matrix([codes]), targets: y, task: .binary,
            hyperparameters: Self.settings { $0.maxLeafNodes = 2; $0.maxIterations = 10; $0.categoricalColumns = [0: 5] }, seed: 0)
        let p = try model.predict(Self.matrix([[0, 1, 2, 3, 4, -1, .nan, 200]]))
        #expect(p[0] > 0.8 && p[2] > 0.8)
        #expect(p[1] < 0.2 && p[3] < 0.2)
        #expect(model.ensemble.nodes[0].isCategorical)
        for value in p[4...] { #expect(value > 0 && value < 1) }

        // One tree: category 4 never occurs and 200 is out of range, so both go right with the
        // negative categories; -1 and NaN are missing and take one side.
        let stump = try HistGradientBoosting.fit(
            Self.matrix([codes]), targets: y, task: .binary,
            hyperparameters: Self.settings { $0.maxLeafNodes = 2; $0.maxIterations = 1; $0.categoricalColumns = [0: 5] }, seed: 0)
        let s = try stump.predict(Self.matrix([[0, 1, 4, 200, -1, .nan]]))
        #expect(s[0] > s[1])
        #expect(s[2] == s[1] && s[3] == s[1])
        #expect((s[4] == s[0] || s[4] == s[1]) && s[5] == s[4])

        let numeric = try HistGradientBoosting.fit(
            Self.matrix([codes]), targets: y, task: .binary,
            hyperparameters: Self.settings { $0.maxLeafNodes = 2; $0.maxIterations = 10 }, seed: 0)
        let q = try numeric.predict(Self.matrix([[0, 1, 2, 3]]))
        #expect(!(q[0] > 0.8 && q[2] > 0.8 && q[1] < 0.2 && q[3] < 0.2))
    }

    @Test func multiclassSeparatesThreeBands() throws {
        let x = (0..<90).map { Double($0) }
        let y = x.map { Double(Int($0) / 30) }
        let model = try HistGradientBoosting.fit(
            Self.matrix([x]), targets: y, task: .multiclass(classes: 3),
            hyperparameters: Self.settings { $0.maxIterations = 30 }, seed: 0)
        #expect(model.treeCount == 90)
        let p = try model.predict(Self.matrix([[5, 45, 85]]))
        #expect(p.count == 9)
        for r in 0..<3 {
            let row = Array(p[(r * 3)..<(r * 3 + 3)])
            #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            #expect(row.firstIndex(of: row.max() ?? 0) == r)
        }
    }

    @Test func regressionFollowsALine() throws {
        let x = (0..<200).map { Double($0) / 10 }
        let y = x.map { 3 * $0 - 2 }
        let model = try HistGradientBoosting.fit(
            Self.matrix([x]), targets: y, task: .regression,
            hyperparameters: Self.settings { $0.maxIterations = 200; $0.minSamplesLeaf = 5 }, seed: 0)
        #expect(abs(model.baseline[0] - y.reduce(0, +) / 200) < 1e-9)
        let predictions = try model.predict(Self.matrix([x]))
        let rmse = sqrt(zip(predictions, y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 200)
        #expect(rmse < 0.5)
    }

    /// 12,000 rows, six columns (one categorical with missing codes, NaNs in a numeric one).
    static func syntheticFixture() -> (FeatureMatrix, [Double]) {
        var generator = SeededGenerator(seed: 7)
        var columns = [[Double]](repeating: [], count: 6)
        var y: [Double] = []
        for _ in 0..<12_000 {
            let a = generator.nextDouble() * 4 - 2
            let b = generator.nextDouble()
            let category = Double(generator.nextInt(below: 9)) - 1
            let c = generator.nextInt(below: 10) == 0 ? Double.nan : generator.nextDouble() * 100
            let d = Double(generator.nextInt(below: 5))
            let noise = generator.nextDouble()
            columns[0].append(a); columns[1].append(b); columns[2].append(category)
            columns[3].append(c); columns[4].append(d); columns[5].append(noise)
            let score = a + (category == 3 || category == 5 ? 1.5 : 0) + (c.isNaN ? 1 : c / 100) - b + noise - 0.5
            y.append(score > 0.3 ? 1 : 0)
        }
        return (matrix(columns), y)
    }

    @Test func oneAndTwoThreadsGiveTheSameModel() throws {
        let (x, y) = Self.syntheticFixture()
        var models: [HistGradientBoosting] = []
        for threads in [1, 2] {
            let settings = Self.settings {
                $0.threads = threads; $0.maxIterations = 15; $0.categoricalColumns = [2: 8]; $0.earlyStopping = .on
            }
            models.append(try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: settings, seed: 3))
        }
        #expect(models[0] == models[1])
        #expect(try models[0].predict(x) == models[1].predict(x))
        #expect(models[0].validationLosses.count == models[0].iterations + 1)
        let accuracy = zip(try models[0].predict(x), y).filter { ($0 > 0.5) == ($1 == 1) }.count
        #expect(Double(accuracy) / 12_000 > 0.9)
    }

    @Test func columnSamplingPerTreeIsSeededThreadIndependentAndUsesOnlyItsShare() throws {
        let (x, y) = Self.syntheticFixture()
        func fit(_ fraction: Double, threads: Int = 2, seed: UInt64 = 3) throws -> HistGradientBoosting {
            try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: Self.settings {
                $0.columnFraction = fraction; $0.maxIterations = 12; $0.threads = threads; $0.earlyStopping = .off
            }, seed: seed)
        }
        let sampled = try fit(0.5)
        #expect(try fit(0.5, threads: 1) == sampled)
        #expect(try fit(1) == fit(1, threads: 1))
        #expect(try fit(1) != sampled)
        // Half of 6 columns: every tree splits on at most 3 distinct columns.
        let one = try fit(1.0 / 6)
        #expect(one.treeCount == 12)
        for tree in 0..<one.treeCount {
            #expect(Set(one.splitFeatures(ofTree: tree)).count <= 1)
        }
        for tree in 0..<sampled.treeCount {
            #expect(Set(sampled.splitFeatures(ofTree: tree)).count <= 3)
        }
        var sampler = ColumnSampler(columns: 6, fraction: 0.5, generator: SeededGenerator(seed: 1))
        let draws = (0..<50).map { _ in sampler.next() }
        #expect(draws.allSatisfy { $0.count == 3 && $0 == $0.sorted() })
        #expect(Set(draws.flatMap { $0 }) == Set(0..<6))
        #expect(throws: ModelError.self) { try fit(0) }
        #expect(throws: ModelError.self) { try ModelParameters.validate(kind: .gradientBoosting, params: ["colsample_bytree": .double(1.5)]) }
    }

    @Test func earlyStoppingStopsWhenTheValidationLossStalls() throws {
        #expect(HistGradientBoosting.shouldStop([1, 0.9, 0.9, 0.9], patience: 2, tolerance: 0))
        #expect(!HistGradientBoosting.shouldStop([1, 0.9, 0.8, 0.7], patience: 2, tolerance: 0))
        #expect(!HistGradientBoosting.shouldStop([1, 0.9], patience: 2, tolerance: 0))
        // Labels independent of the feature: the validation loss cannot keep improving.
        var generator = SeededGenerator(seed: 11)
        let x = (0..<2000).map { _ in generator.nextDouble() }
        let y = (0..<2000).map { _ in Double(generator.nextInt(below: 2)) }
        let model = try HistGradientBoosting.fit(
            Self.matrix([x]), targets: y, task: .binary,
            hyperparameters: Self.settings { $0.earlyStopping = .on; $0.validationFraction = 0.25 }, seed: 0)
        #expect(model.iterations < 100)
        #expect(model.validationLosses.count == model.iterations + 1)
    }

    @Test func jsonRoundTripReproducesPredictionsBitForBit() throws {
        let (x, y) = Self.syntheticFixture()
        let settings = Self.settings { $0.maxIterations = 10; $0.categoricalColumns = [2: 8] }
        let model = try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: settings, seed: 1)
        let data = try JSONEncoder().encode(model)
        let decoded = try JSONDecoder().decode(HistGradientBoosting.self, from: data)
        #expect(decoded == model)
        #expect(try decoded.predict(x) == model.predict(x))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"formatVersion\":1"))
        let damaged = text.replacingOccurrences(of: "\"inputCount\":6", with: "\"inputCount\":1")
        #expect(throws: (any Error).self) { try JSONDecoder().decode(HistGradientBoosting.self, from: Data(damaged.utf8)) }
    }

    @Test func badSettingsAndInputsAreRejected() throws {
        let x = Self.matrix([[0, 1, 2, 3]])
        let y: [Double] = [0, 1, 0, 1]
        let bad: [(inout HistGradientBoosting.Hyperparameters) -> Void] = [
            { $0.learningRate = 0 }, { $0.maxIterations = 0 }, { $0.maxLeafNodes = 1 }, { $0.maxBins = 256 },
            { $0.l2Regularization = -1 }, { $0.validationFraction = 1 }, { $0.threads = 0 },
            { $0.categoricalColumns = [3: 2] }, { $0.categoricalColumns = [0: 300] }, { $0.maxDepth = 0 },
        ]
        for change in bad {
            #expect(throws: ModelError.self) {
                try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: Self.settings(change), seed: 0)
            }
        }
        #expect(throws: ModelError.self) { try HistGradientBoosting.fit(x, targets: [0, 1, 2, 1], task: .binary, hyperparameters: .init(), seed: 0) }
        #expect(throws: ModelError.self) { try HistGradientBoosting.fit(x, targets: [0, 1], task: .binary, hyperparameters: .init(), seed: 0) }
        #expect(throws: ModelError.self) {
            try HistGradientBoosting.fit(Self.matrix([[0, .infinity, 1, 2]]), targets: y, task: .binary, hyperparameters: .init(), seed: 0)
        }
        let model = try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: Self.settings { _ in }, seed: 0)
        #expect(throws: ModelError.self) { try model.predict(Self.matrix([[0], [1]])) }
    }

    @Test func parameterSpecsValidateAndResolve() {
        let specs = Dictionary(uniqueKeysWithValues: HistGradientBoosting.Hyperparameters.parameterSpecs.map { ($0.name, $0) })
        #expect(specs["validation_fraction"]?.canonical(.double(1)) == nil)
        #expect(specs["validation_fraction"]?.allowedValues == "a number in (0, 1)")
        #expect(specs["l2_regularization"]?.canonical(.int(-1)) == nil)
        #expect(specs["l2_regularization"]?.canonical(.int(0)) == .some(.double(0)))
        #expect(specs["max_bins"]?.canonical(.int(256)) == nil)
        #expect(specs["early_stopping"]?.canonical(.string("AUTO")) == .some(.string("auto")))
        #expect(specs["early_stopping"]?.canonical(.bool(false)) == .some(.bool(false)))
        #expect(specs["early_stopping"]?.canonical(.int(1)) == nil)
        let settings = HistGradientBoosting.Hyperparameters(resolved: [
            "learning_rate": .double(0.05), "max_iter": .int(7), "max_leaf_nodes": .int(15), "max_depth": .int(4),
            "min_samples_leaf": .int(3), "l2_regularization": .double(1), "max_bins": .int(63),
            "early_stopping": .bool(true), "validation_fraction": .double(0.2), "n_iter_no_change": .int(5),
            "tol": .double(0.01), "threads": .int(1), "max_cat_threshold": .int(8),
        ])
        #expect(settings.learningRate == 0.05 && settings.maxIterations == 7 && settings.maxLeafNodes == 15)
        #expect(settings.maxDepth == 4 && settings.minSamplesLeaf == 3 && settings.l2Regularization == 1)
        #expect(settings.maxBins == 63 && settings.earlyStopping == .on && settings.validationFraction == 0.2)
        #expect(settings.iterationsWithoutChange == 5 && settings.tolerance == 0.01 && settings.threads == 1)
        #expect(settings.maxCategoryThreshold == 8)
        #expect(HistGradientBoosting.Hyperparameters(resolved: [:]) == HistGradientBoosting.Hyperparameters())
    }
}

extension HistGradientBoosting {
    /// The columns tree `tree`'s splits use, walking it from its root.
    func splitFeatures(ofTree tree: Int) -> [Int] {
        var features: [Int] = []
        var pending = [Int(ensemble.roots[tree])]
        while let node = pending.popLast() {
            let current = ensemble.nodes[node]
            guard !current.isLeaf else { continue }
            features.append(current.feature)
            pending += [Int(current.left), Int(current.left) + 1]
        }
        return features
    }
}
