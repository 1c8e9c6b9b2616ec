import Foundation

/// The data a model version was trained on, kept in its bundle so that drift can be
/// measured without the notebook (`labbook monitor NAME@ALIAS --current FILE`).
public struct ReferenceData: Sendable, Equatable {
    /// The training rows (features and target).
    public var frame: DataFrame
    /// How the training file was read; current data is read the same way.
    public var options: CSVOptions

    /// Creates reference data.
    public init(frame: DataFrame, options: CSVOptions) {
        self.frame = frame
        self.options = options
    }
}

/// `reference.json`: the CSV options of the reference, beside its frame `reference.lbf`.
struct ReferenceOptionsFile: Codable, Equatable {
    var format = 1
    var rows: Int
    var delimiter: UInt8
    var missing: [String]
    var types: [String: String]
    var sha256: String
}

extension ModelRegistry {
    static let referenceFrameFile = "reference.lbf"
    static let referenceOptionsFile = "reference.json"

    /// Writes `reference` into a bundle folder being assembled.
    static func writeReference(_ reference: ReferenceData, into folder: String) throws(RegistryError) {
        let bytes = reference.frame.binaryEncoded()
        let options = ReferenceOptionsFile(
            rows: reference.frame.rowCount, delimiter: reference.options.delimiter,
            missing: reference.options.missingMarkers.sorted(),
            types: reference.options.columnTypes.mapValues(\.rawValue),
            sha256: "sha256:" + bytes.withUnsafeBytes { Digest.sha256Hex($0) })
        try write(Data(bytes), to: folder + "/" + referenceFrameFile)
        try write(try encode(options, what: "reference options"), to: folder + "/" + referenceOptionsFile)
    }

    /// The training data kept with a version (the latest when `version` is `nil`), or `nil`
    /// when the version was registered without it.
    /// - Throws: ``RegistryError`` for a missing version or damaged files.
    public func reference(name: String, version: Int? = nil) throws(RegistryError) -> ReferenceData? {
        let manifest = try manifest(name: name, version: version)
        let folder = directory(of: name) + "/" + String(manifest.version)
        let optionsPath = folder + "/" + Self.referenceOptionsFile
        guard FileManager.default.fileExists(atPath: optionsPath) else { return nil }
        let options = try Self.decode(ReferenceOptionsFile.self, from: optionsPath)
        let framePath = folder + "/" + Self.referenceFrameFile
        guard let data = FileManager.default.contents(atPath: framePath) else {
            throw RegistryError("cannot read \(framePath)")
        }
        let bytes = [UInt8](data)
        guard "sha256:" + bytes.withUnsafeBytes({ Digest.sha256Hex($0) }) == options.sha256 else {
            throw RegistryError("\(framePath) is damaged: its SHA-256 differs from \(Self.referenceOptionsFile)")
        }
        let frame: DataFrame
        do {
            frame = try DataFrame(binary: bytes)
        } catch {
            throw RegistryError("\(framePath) is damaged: \(error.message)")
        }
        return ReferenceData(
            frame: frame,
            options: CSVOptions(
                delimiter: options.delimiter, missingMarkers: Set(options.missing),
                columnTypes: options.types.compactMapValues(ColumnType.init(rawValue:))))
    }
}
