import Foundation
import MLEngine
import NotebookFormat
import Reports

/// `load`: reads a CSV relative to the notebook, infers column types, names the target and
/// splits train/test with the notebook's seed.
///
/// ```load
/// name: census
/// from: data/census.csv
/// target: income
/// positive: ">50K"
/// split: {test: 0.2, stratify: true}
/// ```
struct LoadDirective: Directive {
    static let kind = "load"
    static let keys = [
        "name", "from", "target", "positive", "task", "split", "types", "missing", "delimiter", "expect_fingerprint",
    ]

    var name: String
    var path: String
    var target: String?
    var positive: String?
    var task: TargetEncoding.Request?
    var testFraction: Double?
    var stratify: Bool
    var options: CSVOptions
    var expectedFingerprint: String?

    var label: String? { name }
    var inputs: [String] { [] }
    var outputs: [String] { [name] }
    var defines: [WorkspaceName] { [.dataset(name)] }
    var dataFiles: [String] { [path] }

    init?(spec: SpecReader, plan: PlanContext) {
        let name = spec.string("name", required: true)
        let path = spec.string("from", required: true)
        target = spec.string("target")
        positive = spec.string("positive")
        task = spec.choice("task", among: TargetEncoding.Request.allCases.map(\.rawValue)).flatMap(TargetEncoding.Request.init(rawValue:))
        if positive != nil, target == nil {
            spec.error("`positive` needs a `target` column", at: spec.location(of: "positive"))
        }
        if task != nil, target == nil {
            spec.error("`task` needs a `target` column", at: spec.location(of: "task"))
        }
        if task == .regression, positive != nil {
            spec.error("a `positive` class makes the target a classification one; drop `task: regression` or `positive`", at: spec.location(of: "task"))
        }
        stratify = target != nil
        if let split = spec.mapping("split", allowedKeys: ["test", "stratify"]) {
            testFraction = split.double("test", required: true, range: 0.01...0.99)
            stratify = split.bool("stratify") ?? (target != nil)
            if stratify, target == nil {
                split.error("`stratify: true` needs a `target` column", at: split.location(of: "stratify"))
            }
        }
        options = CSVOptions()
        if let delimiter = spec.string("delimiter") {
            if delimiter.utf8.count == 1, let byte = delimiter.utf8.first { options.delimiter = byte } else {
                spec.error("`delimiter` must be a single character; got `\(delimiter)`", at: spec.location(of: "delimiter"))
            }
        }
        if let markers = spec.stringList("missing") { options.missingMarkers = Set(markers.map(\.value)) }
        let typeEntries = spec.entries("types") ?? []
        for entry in typeEntries {
            guard let text = entry.value.value.scalarText, let type = ColumnType(rawValue: text) else {
                spec.error("a column type is `numeric` or `categorical`", at: entry.value.location)
                continue
            }
            options.columnTypes[entry.key] = type
        }
        expectedFingerprint = spec.string("expect_fingerprint")
        guard let name, let path else { return nil }
        if let header = plan.header(ofDataFile: path, key: "from", options: options, spec: spec) {
            plan.recordColumns(header, of: name, file: path)
            var mentioned = typeEntries.map { ($0.key, $0.keyLocation) }
            if let target { mentioned.insert((target, spec.location(of: "target")), at: 0) }
            if PlanContext.checkColumns(mentioned, among: header, file: path, spec: spec), let target, let positive {
                Self.checkPositive(positive, of: target, in: plan.resolve(path), options: options, spec: spec)
            }
        }
        plan.define(name, as: .dataset(hasSplit: testFraction != nil), at: spec.location(of: "name"), spec: spec)
        plan.recordTarget(target, of: name)
        self.name = name
        self.path = path
    }

    func execute(in context: DirectiveContext) throws -> DirectiveResult {
        var loaded: LoadedCSV
        do {
            let file = try context.resolveReadable(path)
            let displayName = NotebookPaths.displayPath(for: context.resolve(path))
            // The cache keys hashed this file (or found its memo) moments ago: reuse that hash
            // unless the file changed since, so the bytes are hashed once per run at most.
            let known = context.run.knownFingerprints.current(file)
            loaded = try CSVReader.read(path: file, displayName: displayName, options: options, knownContentHash: known?.hex)
            if let known, FileFingerprints.stamp(of: FileFingerprints.absolute(file)) != known.stamp {
                loaded = try CSVReader.read(path: file, displayName: displayName, options: options)
            }
        } catch let error as DirectiveError {
            throw DirectiveError(error.message, key: "from", cause: error.cause)
        } catch {
            throw DirectiveError("cannot load `\(path)`", key: "from", cause: String(describing: error))
        }
        if let expectedFingerprint, expectedFingerprint != loaded.fingerprint.content {
            throw DirectiveError(
                "the data changed: `\(path)` was pinned to \(expectedFingerprint) but now is \(loaded.fingerprint.content)",
                key: "expect_fingerprint")
        }
        let frame = loaded.frame
        var dataset = LoadedDataset(
            name: name, path: path, frame: frame, fingerprint: loaded.fingerprint, target: target, positive: positive, task: task,
            options: options)
        var outputs: [ReportOutput] = [.table(overview(loaded))]
        if let target {
            guard let column = frame.column(named: target) else {
                throw DirectiveError(
                    "there is no target column `\(target)`; columns are: \(frame.columnNames.joined(separator: ", "))", key: "target")
            }
            let (encoding, labels) = try TargetEncoding.fit(column, positive: positive, task: task)
            if let testFraction {
                var generator = context.generator(for: "load:\(name)")
                let split = stratify && encoding.task.isClassification
                    ? Split.stratified(labels: labels.map { UInt32($0) }, testFraction: testFraction, generator: &generator)
                    : Split.random(count: frame.rowCount, testFraction: testFraction, generator: &generator)
                dataset.trainRows = split.train
                dataset.testRows = split.test
                outputs.append(.table(splitTable(encoding: encoding, labels: labels, train: split.train, test: split.test)))
            }
        } else if let testFraction {
            var generator = context.generator(for: "load:\(name)")
            let split = Split.random(count: frame.rowCount, testFraction: testFraction, generator: &generator)
            dataset.trainRows = split.train
            dataset.testRows = split.test
        }
        outputs.append(.table(schemaTable(frame)))
        var result = DirectiveResult(outputs: outputs, artifacts: [.dataset(dataset)])
        result.facts.recordFile(path, fingerprint: loaded.fingerprint.content)
        return result
    }

    /// Files up to this size are read by `check` to see that `positive` occurs in the target.
    static let positiveCheckLimit = 16 << 20

    /// Reports a `positive` class that never occurs in the target column (small files only:
    /// a larger one is checked when `load` runs).
    private static func checkPositive(_ positive: String, of target: String, in file: String, options: CSVOptions, spec: SpecReader) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size <= positiveCheckLimit,
            let loaded = try? CSVReader.read(path: file, options: options), let column = loaded.frame.column(named: target),
            let problem = BinaryTarget.absence(of: positive, in: column)
        else { return }
        spec.error(problem, at: spec.location(of: "positive"))
    }

    private func overview(_ loaded: LoadedCSV) -> Table {
        Table.keyValue(title: "Dataset `\(name)`", [
            ("file", .text(path)),
            ("rows", .integer(loaded.frame.rowCount)),
            ("columns", .integer(loaded.frame.columns.count)),
            ("size", .text(NumberFormat.bytes(loaded.byteCount))),
            ("content fingerprint", .text(loaded.fingerprint.content)),
            ("schema fingerprint", .text(loaded.fingerprint.schema)),
        ])
    }

    private func splitTable(encoding: TargetEncoding, labels: [Double], train: [Int], test: [Int]) -> Table {
        let stratified = stratify && encoding.task.isClassification
        let title = "Split (\(stratified ? "stratified" : "random"), seed-derived)"
        switch encoding.task {
        case .binary:
            func row(_ part: String, _ indices: [Int]) -> [TableCell] {
                let positives = indices.reduce(0) { $0 + (labels[$1] == 1 ? 1 : 0) }
                let share = indices.isEmpty ? 0 : Double(positives) / Double(indices.count)
                return [.text(part), .integer(indices.count), .integer(positives), .percent(share, decimals: 1)]
            }
            return Table(
                title: title,
                columns: [.init("part"), .init("rows", alignment: .right),
                          .init("positive (\(encoding.positiveLabel ?? ""))", alignment: .right),
                          .init("positive share", alignment: .right)],
                rows: [row("\(name).train", train), row("\(name).test", test)])
        case .multiclass:
            func row(_ part: String, _ indices: [Int]) -> [TableCell] {
                var counts = [Int](repeating: 0, count: encoding.classes.count)
                for index in indices { counts[Int(labels[index])] += 1 }
                return [.text(part), .integer(indices.count)] + counts.map { .percent(indices.isEmpty ? 0 : Double($0) / Double(indices.count), decimals: 1) }
            }
            return Table(
                title: title,
                columns: [.init("part"), .init("rows", alignment: .right)] + encoding.classes.map { .init($0, alignment: .right) },
                rows: [row("\(name).train", train), row("\(name).test", test)])
        case .regression:
            func row(_ part: String, _ indices: [Int]) -> [TableCell] {
                let mean = indices.isEmpty ? Double.nan : indices.reduce(0) { $0 + labels[$1] } / Double(indices.count)
                return [.text(part), .integer(indices.count), .number(mean, decimals: 4)]
            }
            return Table(
                title: title,
                columns: [.init("part"), .init("rows", alignment: .right), .init("mean \(target ?? "")", alignment: .right)],
                rows: [row("\(name).train", train), row("\(name).test", test)])
        }
    }

    private func schemaTable(_ frame: DataFrame) -> Table {
        let rows: [[TableCell]] = frame.columns.map { column in
            let role: TableCell = .text(column.name == target ? "target" : "feature")
            switch column {
            case .numeric(let numeric):
                return [.text(numeric.name), .text("numeric"), .integer(numeric.missingCount), role]
            case .categorical(let categorical):
                let type = "categorical (\(categorical.categories.count) values)"
                return [.text(categorical.name), .text(type), .integer(categorical.missingCount), role]
            }
        }
        return Table(
            title: "Columns",
            columns: [TableColumn("column"), TableColumn("type"), TableColumn("missing", alignment: .right), TableColumn("role")],
            rows: rows)
    }
}
