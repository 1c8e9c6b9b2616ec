import Foundation

/// The compact binary model format, for caches and bundles; JSON (``TrainedModel`` is
/// `Codable`) stays the readable export. The layout is documented in `docs/model-format.md`:
/// a header (the magic `LBMD`, a 2-byte format version, a kind byte), the target, the
/// parameters, the target encoding, the warnings, the feature encoder (as JSON), the fitted
/// model in its family's binary layout, and a CRC-32 of everything before it.
///
/// Every double is stored as its bit pattern, so a round trip is exact:
///
/// ```swift
/// let bytes = model.binaryEncoded()
/// let same = try TrainedModel(binary: bytes)   // same == model, bit for bit
/// assert(model.binarySize == bytes.count)
/// ```
extension TrainedModel {
    /// The format version written by ``binaryEncoded()``; other versions are refused when decoding.
    public static let binaryFormatVersion: UInt16 = 1
    /// The four bytes every binary model starts with (`LBMD`).
    public static let binaryMagic: [UInt8] = Array("LBMD".utf8)

    /// Whether `bytes` start like a binary model (the magic), as opposed to JSON.
    public static func isBinaryModel(_ bytes: [UInt8]) -> Bool {
        bytes.count >= binaryMagic.count && Array(bytes.prefix(binaryMagic.count)) == binaryMagic
    }

    /// The model in the binary format described on the extension.
    public func binaryEncoded() -> [UInt8] {
        let encoderJSON = encoderJSON()
        var writer = ModelBinaryWriter(capacity: binarySize(encoderJSON: encoderJSON))
        write(to: &writer, encoderJSON: encoderJSON)
        var bytes = writer.bytes
        let crc = CRC32.checksum(bytes, range: 0..<bytes.count)
        withUnsafeBytes(of: crc.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The size in bytes of ``binaryEncoded()``, counted without building the bytes (only the
    /// small feature encoder section is encoded).
    public var binarySize: Int {
        binarySize(encoderJSON: encoderJSON())
    }

    /// Decodes bytes written by ``binaryEncoded()``.
    /// - Throws: ``ModelError`` when the bytes are not a binary model, are of another format
    ///   version, are truncated or damaged (the checksum fails), or describe an inconsistent
    ///   model; never traps, whatever the bytes.
    public init(binary bytes: [UInt8]) throws(ModelError) {
        let headerSize = Self.binaryMagic.count + 3
        guard Self.isBinaryModel(bytes) else { throw ModelError("not a binary model (the file does not start with LBMD)") }
        guard bytes.count >= headerSize + 4 else { throw ModelBinaryReader.damaged("the data ends early") }
        let version = UInt16(bytes[4]) | UInt16(bytes[5]) << 8
        guard version == Self.binaryFormatVersion else {
            throw ModelError("binary model format \(version) is not supported; this engine reads format \(Self.binaryFormatVersion)")
        }
        let body = bytes.count - 4
        let stored = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[body + $1]) << (8 * $1) }
        guard CRC32.checksum(bytes, range: 0..<body) == stored else {
            throw ModelBinaryReader.damaged("the checksum does not match (the file is truncated or altered)")
        }
        guard let kind = ModelKind(binaryCode: bytes[6]) else { throw ModelBinaryReader.damaged("unknown model kind \(bytes[6])") }
        var reader = ModelBinaryReader(bytes, offset: headerSize, end: body)
        let target = try reader.string()
        let parameterCount = try reader.count()
        var parameters: [String: ParameterValue] = [:]
        for _ in 0..<parameterCount {
            let name = try reader.string()
            parameters[name] = try ParameterValue(reading: &reader)
        }
        let targetEncoding = try TargetEncoding(reading: &reader)
        let warnings = try reader.strings()
        let encoder = try Self.decodeEncoder(reader.raw(count: reader.count()))
        let model = try FittedModel(kind: kind, reading: &reader)
        guard reader.isAtEnd else { throw ModelBinaryReader.damaged("bytes follow the model") }
        guard model.task == targetEncoding.task else {
            throw ModelBinaryReader.damaged("the model's task does not match its target encoding")
        }
        guard model.inputCount == encoder.outputCount else {
            throw ModelBinaryReader.damaged("the model has \(model.inputCount) inputs but its encoder produces \(encoder.outputCount)")
        }
        self.init(
            kind: kind, parameters: parameters, encoder: encoder, target: target, targetEncoding: targetEncoding,
            model: model, warnings: warnings)
    }

    private func binarySize(encoderJSON: [UInt8]) -> Int {
        var counter = ModelBinaryWriter(measuring: true)
        write(to: &counter, encoderJSON: encoderJSON)
        return counter.size + 4
    }

    private func write(to writer: inout ModelBinaryWriter, encoderJSON: [UInt8]) {
        writer.raw(Self.binaryMagic)
        writer.byte(UInt8(truncatingIfNeeded: Self.binaryFormatVersion))
        writer.byte(UInt8(truncatingIfNeeded: Self.binaryFormatVersion >> 8))
        writer.byte(kind.binaryCode)
        writer.string(target)
        writer.count(parameters.count)
        for name in parameters.keys.sorted() {
            writer.string(name)
            parameters[name]?.write(to: &writer)
        }
        targetEncoding.write(to: &writer)
        writer.strings(warnings)
        writer.count(encoderJSON.count)
        writer.raw(encoderJSON)
        model.write(to: &writer)
    }

    /// The feature encoder as compact JSON with sorted keys (non-finite numbers as `"nan"`,
    /// `"inf"`, `"-inf"`): small, and its decoder already checks every field.
    private func encoderJSON() -> [UInt8] {
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        json.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? json.encode(encoder)).map { [UInt8]($0) } ?? Array("null".utf8)
    }

    private static func decodeEncoder(_ bytes: [UInt8]) throws(ModelError) -> FeatureEncoder {
        let json = JSONDecoder()
        json.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try json.decode(FeatureEncoder.self, from: Data(bytes))
        } catch {
            throw ModelBinaryReader.damaged("the feature encoder does not decode")
        }
    }
}
