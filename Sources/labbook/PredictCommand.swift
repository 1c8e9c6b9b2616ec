import ArgumentParser
import Foundation
import MLEngine

/// `labbook predict`: batch scoring of a CSV with the server's checks.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Score the rows of a CSV file with a registered model (the same checks as the server).",
        discussion: """
            Each row is checked against the model's feature schema as a request to `labbook serve` is: an unknown column, a missing feature, a value of the wrong type, a missing value where training had none or an unseen category stops with `rows.csv:LINE: …`. The label column is ignored when present.

            The output CSV has the --keep columns, then `prediction`, then `probability` (binary: of the positive class) or one `probability_CLASS` per class; regression writes the predicted value as `prediction`. Probabilities print in the shortest form that reads back as the same number. Without --output the CSV goes to stdout; with it, the file is replaced atomically.

            Examples:
              labbook predict income-classifier@production --input rows.csv
              labbook predict income-classifier@production --input rows.csv --output preds.csv --keep id
              labbook predict income-classifier@3 --input rows.csv --unseen-category missing
            """)

    @Argument(help: ArgumentHelp("NAME@ALIAS, NAME@VERSION or NAME (the latest version).", valueName: "model"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The CSV to score (with a header row).", valueName: "file"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("Where to write the predictions (default: stdout).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A column to copy into the output (repeatable).", valueName: "column"))
    var keep: [String] = []

    @Option(name: .customLong("unseen-category"), help: ArgumentHelp("A category never seen in training: reject or missing.", valueName: "reject|missing"))
    var unseenCategory = "reject"

    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        guard RowEncoderOptions.UnseenCategory(rawValue: unseenCategory) != nil else {
            throw ValidationError("--unseen-category is reject or missing; got \"\(unseenCategory)\"")
        }
    }

    func run() throws {
        let text = try predictions()
        if let output {
            try PredictionCSV.writeAtomically(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// The output CSV's text.
    func predictions() throws -> String {
        let registry = try registryOptions.open()
        let reference = try modelReference(model)
        let (trained, manifest) = try registryCall { () throws(RegistryError) in
            try registry.load(name: reference.name, version: try reference.version(in: registry))
        }
        let options = RowEncoderOptions(
            unseenCategory: RowEncoderOptions.UnseenCategory(rawValue: unseenCategory) ?? .reject, ignoredFields: [trained.target])
        let scorer = RowScorer(model: trained, profiles: manifest.inputs, options: options)
        do {
            return PredictionCSV.render(try CSVScoring.score(path: input, scorer: scorer, keep: keep))
        } catch {
            throw StoreFailure(error.description)
        }
    }
}
