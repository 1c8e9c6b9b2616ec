extension HistGradientBoosting {
    /// Learns a boosted ensemble.
    /// - Parameters:
    ///   - x: one row per sample; NaN marks a missing number; categorical columns (see
    ///     ``Hyperparameters/categoricalColumns``) hold category codes.
    ///   - seed: drives the validation split and the sample for numeric cut points.
    /// - Throws: ``ModelError`` for an empty matrix, targets that do not fit `task`, infinite
    ///   values, or settings out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask, hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> HistGradientBoosting {
        let settings = hyperparameters
        try settings.validate(columns: x.columns)
        try checkInputs(x, targets: targets, task: task)
        let generator = SeededGenerator(seed: seed)
        let stopEarly = settings.earlyStopping == .on || (settings.earlyStopping == .auto && x.rows > 10_000)
        var trainRows = Array(0..<x.rows)
        var validationRows: [Int] = []
        if stopEarly {
            (trainRows, validationRows) = validationSplit(
                targets: targets, task: task, fraction: settings.validationFraction, generator: generator.derived("validation"))
            if trainRows.isEmpty || validationRows.isEmpty {
                throw ModelError("early stopping needs rows for both training and validation; use more rows or early_stopping: false")
            }
        }
        let threads = settings.resolvedThreads
        let binned = BinnedMatrix.make(
            x, rowIndices: trainRows, maxBins: settings.maxBins, categorical: settings.categoricalColumns,
            threads: threads, generator: generator)
        let trainTargets = trainRows.map { targets[$0] }
        let validationTargets = validationRows.map { targets[$0] }
        var validationValues: [Double] = []
        validationValues.reserveCapacity(validationRows.count * x.columns)
        for row in validationRows { validationValues.append(contentsOf: x.values[(row * x.columns)..<((row + 1) * x.columns)]) }

        let width = task.outputWidth
        let rows = trainRows.count
        let baseline = GradientLoss.baseline(task: task, targets: trainTargets)
        var raw = [Double](repeating: 0, count: rows * width)
        for r in 0..<rows { for k in 0..<width { raw[r * width + k] = baseline[k] } }
        var validationRaw = [Double](repeating: 0, count: validationRows.count * width)
        for r in 0..<validationRows.count { for k in 0..<width { validationRaw[r * width + k] = baseline[k] } }
        var losses: [Double] = stopEarly ? [GradientLoss.meanLoss(task: task, targets: validationTargets, raw: validationRaw)] : []

        var gradients = [Double](repeating: 0, count: rows * width)
        var hessians = gradients
        var rowValues = [Double](repeating: 0, count: rows)
        var ensemble = TreeEnsemble()
        var importances = [Double](repeating: 0, count: x.columns)
        let grower = TreeGrower(binned: binned, settings: settings, threads: threads)
        var columnSampler = ColumnSampler(columns: x.columns, fraction: settings.columnFraction, generator: generator.derived("columns"))
        var iterations = 0
        for _ in 0..<settings.maxIterations {
            GradientLoss.gradients(task: task, targets: trainTargets, raw: raw, gradients: &gradients, hessians: &hessians, threads: threads)
            let firstTree = ensemble.roots.count
            for k in 0..<width {
                let active = columnSampler.next()
                gradients.withUnsafeBufferPointer { g in
                    hessians.withUnsafeBufferPointer { h in
                        rowValues.withUnsafeMutableBufferPointer { values in
                            guard let gp = g.baseAddress, let hp = h.baseAddress, let vp = values.baseAddress else { return }
                            grower.grow(gradients: gp + k * rows, hessians: hp + k * rows, active: active, ensemble: &ensemble,
                                        importances: &importances, rowValues: vp)
                        }
                    }
                }
                for r in 0..<rows { raw[r * width + k] += rowValues[r] }
            }
            iterations += 1
            if stopEarly {
                validationValues.withUnsafeBufferPointer { values in
                    validationRaw.withUnsafeMutableBufferPointer { output in
                        guard let input = values.baseAddress, let out = output.baseAddress else { return }
                        ensemble.addRaw(values: input, rows: validationRows.count, columns: x.columns, width: width,
                                        treeRange: firstTree..<ensemble.roots.count, into: out)
                    }
                }
                losses.append(GradientLoss.meanLoss(task: task, targets: validationTargets, raw: validationRaw))
                if shouldStop(losses, patience: settings.iterationsWithoutChange, tolerance: settings.tolerance) { break }
            }
        }
        let totalGain = importances.reduce(0, +)
        let normalised = totalGain > 0 ? importances.map { $0 / totalGain } : importances.map { _ in 0 }
        return HistGradientBoosting(
            task: task, inputCount: x.columns, baseline: baseline, iterations: iterations, validationLosses: losses,
            featureImportances: normalised, ensemble: ensemble)
    }

    /// scikit-learn's rule: stop when none of the last `patience` losses beats the one
    /// before them by more than `tolerance`.
    static func shouldStop(_ losses: [Double], patience: Int, tolerance: Double) -> Bool {
        guard losses.count > patience else { return false }
        let reference = losses[losses.count - patience - 1]
        return !losses.suffix(patience).contains { $0 < reference - tolerance }
    }

    /// Training and validation row indices, both in row order; stratified by class for
    /// classification (each class gives `round(count × fraction)` rows, at least 1 when it has 2).
    static func validationSplit(
        targets: [Double], task: LearningTask, fraction: Double, generator: SeededGenerator
    ) -> (train: [Int], validation: [Int]) {
        var generator = generator
        var groups: [[Int]] = []
        if task.isClassification {
            groups = [[Int]](repeating: [], count: task.classCount)
            for (row, target) in targets.enumerated() { groups[Int(target)].append(row) }
        } else {
            groups = [Array(0..<targets.count)]
        }
        var isValidation = [Bool](repeating: false, count: targets.count)
        for var group in groups where !group.isEmpty {
            var take = task.isClassification
                ? Int((Double(group.count) * fraction).rounded())
                : Int((Double(group.count) * fraction).rounded(.up))
            if take == 0 && group.count >= 2 { take = 1 }
            take = min(take, group.count - (task.isClassification ? 1 : 0))
            guard take > 0 else { continue }
            for i in 0..<take {
                let j = i + generator.nextInt(below: group.count - i)
                group.swapAt(i, j)
                isValidation[group[i]] = true
            }
        }
        var train: [Int] = []
        var validation: [Int] = []
        for row in 0..<targets.count {
            if isValidation[row] { validation.append(row) } else { train.append(row) }
        }
        return (train, validation)
    }

    /// Rejects an empty matrix, targets of the wrong count or kind, and infinite values.
    static func checkInputs(_ x: FeatureMatrix, targets: [Double], task: LearningTask) throws(ModelError) {
        if x.rows == 0 || x.columns == 0 { throw ModelError("gradient boosting needs at least one row and one column") }
        if x.rows >= Int(Int32.max) || x.columns >= 1 << 29 {
            throw ModelError("gradient boosting takes fewer than \(Int32.max) rows and \(1 << 29) columns")
        }
        if targets.count != x.rows {
            throw ModelError("got \(targets.count) targets for \(x.rows) rows; give one target per row")
        }
        switch task {
        case .binary:
            if let bad = targets.first(where: { $0 != 0 && $0 != 1 }) {
                throw ModelError("binary targets must be 0 or 1; got \(bad)")
            }
        case .multiclass(let classes):
            if classes < 2 { throw ModelError("multiclass needs at least 2 classes; got \(classes)") }
            if let bad = targets.first(where: { !($0 >= 0 && $0 < Double(classes) && $0.rounded() == $0) }) {
                throw ModelError("multiclass targets must be class indices 0..<\(classes); got \(bad)")
            }
        case .regression:
            if let bad = targets.first(where: { !$0.isFinite }) {
                throw ModelError("regression targets must be finite numbers; got \(bad)")
            }
        }
        if x.values.contains(where: \.isInfinite) {
            throw ModelError("the matrix holds infinite values; replace them or mark them missing (NaN)")
        }
    }
}
