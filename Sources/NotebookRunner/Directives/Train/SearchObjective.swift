import Foundation
import MLEngine
import Reports

/// Scores the settings a search proposes: fits the model on each fold's training rows and
/// measures the search metric on its validation rows.
///
/// Every trial sees the same folds (drawn once from the notebook seed) and the same model
/// seed, so trials differ only in their settings. A trial that asks for a share of the rows
/// (successive halving) trains on the first rows of a fixed shuffle of each fold's training
/// rows, so larger shares contain the smaller ones.
struct SearchObjective: Sendable {
    struct Fold: Sendable {
        var train: DataFrame
        var validation: DatasetView
        /// Positions in `train`, shuffled once.
        var order: [Int]
    }

    let folds: [Fold]
    let description: String
    let features: [String]
    let target: String
    let positive: String?
    let task: TargetEncoding.Request?
    let preprocessing: PreprocessingSpec
    let metric: String
    let modelSeed: UInt64
    let parallelFolds: Bool
    /// Whether trials run side by side, so each fit should use one thread.
    let singleThreadedFits: Bool
    let timings: TrialTimings

    /// Draws the folds. `validation` `.automatic` is 5-fold CV below 10,000 rows, else a 20 % holdout.
    static func make(
        view: DatasetView, features: [String], target: String, positive: String?, task: TargetEncoding.Request?,
        preprocessing: PreprocessingSpec, metric: String, validation: TrainSearch.Validation, classification: Bool,
        labels: [Double], generator: inout SeededGenerator, parallelFolds: Bool, singleThreadedFits: Bool
    ) throws -> SearchObjective {
        let rows = view.frame.rowCount
        // `.automatic` resolves to folds or a share: `folds` set means cross-validation.
        var foldCount: Int?
        var share = 0.2
        switch validation {
        case .folds(let count): foldCount = count
        case .holdout(let fraction): share = fraction
        case .automatic: if rows < 10_000 { foldCount = 5 }
        }
        let assignment: [(train: [Int], test: [Int])]
        let description: String
        do {
            if let count = foldCount {
                assignment = classification
                    ? try StratifiedKFold.indices(labels: labels.map { UInt32(max($0, 0)) }, folds: count, generator: &generator)
                    : try KFold.indices(count: rows, folds: count, shuffle: true, generator: &generator)
                description = "\(count)-fold \(classification ? "stratified " : "")cross-validation on \(view.reference)"
            } else {
                let split = classification
                    ? Split.stratified(labels: labels.map { UInt32(max($0, 0)) }, testFraction: share, generator: &generator)
                    : Split.random(count: rows, testFraction: share, generator: &generator)
                guard !split.train.isEmpty, !split.test.isEmpty else {
                    throw DirectiveError("a \(NumberFormat.percent(share, decimals: 0)) holdout of \(rows) rows leaves one side empty")
                }
                assignment = [split]
                description = "a \(classification ? "stratified " : "")\(NumberFormat.percent(share, decimals: 0)) holdout of \(view.reference)"
            }
        } catch let error as DirectiveError {
            throw error
        } catch {
            throw DirectiveError("cannot split `\(view.reference)` for the search: \(error)")
        }
        var shuffle = generator.derived("row shares")
        let prepared = assignment.enumerated().map { index, fold in
            var order = Array(0..<fold.train.count)
            for position in 0..<max(order.count - 1, 0) {
                order.swapAt(position, position + shuffle.nextInt(below: order.count - position))
            }
            return Fold(
                train: view.frame.rows(at: fold.train),
                validation: DatasetView(
                    reference: "\(view.reference) fold \(index + 1)", dataset: view.dataset, frame: view.frame.rows(at: fold.test)),
                order: order)
        }
        return SearchObjective(
            folds: prepared, description: description, features: features, target: target, positive: positive, task: task,
            preprocessing: preprocessing, metric: metric, modelSeed: generator.next(), parallelFolds: parallelFolds,
            singleThreadedFits: singleThreadedFits, timings: TrialTimings())
    }

    /// The trial's mean and spread of the metric over the folds.
    func score(_ request: TrialRequest) -> Result<TrialScore, TrialFailure> {
        let started = ContinuousClock.now
        let slots = OrderedSlots<Result<FoldScore, TrialFailure>>(count: folds.count)
        let work: @Sendable (Int) -> Void = { index in slots.store(self.scoreFold(self.folds[index], request: request), at: index) }
        if parallelFolds, folds.count > 1 {
            DispatchQueue.concurrentPerform(iterations: folds.count, execute: work)
        } else {
            for index in folds.indices { work(index) }
        }
        timings.record(request.index, seconds: Runner.seconds(since: started))
        var values: [Double] = []
        var total = 0.0
        for (index, outcome) in slots.collected().enumerated() {
            switch outcome {
            case .success(let fold):
                values.append(fold.value)
                total += fold.work
            case .failure(let failure):
                return .failure(TrialFailure(failure.message, fits: index + 1))
            }
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return .success(TrialScore(mean: mean, std: variance.squareRoot(), fits: folds.count, work: total))
    }

    private func scoreFold(_ fold: Fold, request: TrialRequest) -> Result<FoldScore, TrialFailure> {
        var frame = fold.train
        if request.rowShare < 1 {
            let count = max(1, Int((Double(fold.order.count) * request.rowShare).rounded(.up)))
            frame = fold.train.rows(at: fold.order.prefix(count).sorted())
        }
        // Trials that run side by side use one thread each (the model does not depend on it).
        var parameters = request.parameters
        if singleThreadedFits, parameters["threads"] == nil, request.model.parameters.contains(where: { $0.name == "threads" }) {
            parameters["threads"] = .int(1)
        }
        do {
            let trained = try TrainedModel.train(
                kind: request.model, parameters: parameters, frame: frame, features: features, target: target,
                positive: positive, task: task, preprocessing: preprocessing, seed: modelSeed)
            let entry = TrainedModelEntry(name: "trial", model: trained, trainedOn: fold.validation.reference, features: features)
            let evaluation = try ModelEvaluation.measure(entry, on: fold.validation, threshold: 0.5)
            guard let value = evaluation.values[metric] else {
                return .failure(TrialFailure("`\(metric)` is not defined for a \(trained.task.family) model"))
            }
            return .success(FoldScore(value: value, work: trained.model.trainingWork(rows: frame.rowCount)))
        } catch let error as ModelError {
            return .failure(TrialFailure(error.message))
        } catch let error as DirectiveError {
            return .failure(TrialFailure(error.message))
        } catch {
            return .failure(TrialFailure("\(error)"))
        }
    }
}

/// One fold's metric value and the work its fit took.
private struct FoldScore: Sendable {
    var value: Double
    var work: Double
}

/// Measured seconds per trial (machine-dependent: shown only with `--timings`).
final class TrialTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [Int: Double] = [:]

    func record(_ trial: Int, seconds value: Double) {
        lock.lock()
        seconds[trial] = value
        lock.unlock()
    }

    func seconds(of trial: Int) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return seconds[trial]
    }
}
