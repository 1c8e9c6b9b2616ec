import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ModelRegistry {
    static let modelFile = "model.json"
    static let manifestFile = "manifest.json"

    /// Whether `name` may be a model or alias name: `[A-Za-z0-9._-]+`, not starting with `.`
    /// (which also rules out `.`, `..` and the registry's temporary files) and without `..`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        } && !name.contains("..")
    }

    static func validate(_ name: String, what: String) throws(RegistryError) {
        guard isValidName(name) else {
            throw RegistryError(
                "invalid \(what) \"\(name)\": use letters, digits, \".\", \"_\" and \"-\", not starting with \".\" and without \"..\""
            )
        }
    }

    /// Deterministic JSON: sorted keys, stable number formatting, a final newline.
    static func encode(_ value: some Encodable, what: String) throws(RegistryError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try encoder.encode(value) + Data("\n".utf8)
        } catch {
            throw RegistryError("cannot encode the \(what): \(error)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from path: String) throws(RegistryError) -> Value {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegistryError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw RegistryError("\(path) is damaged or was written by an incompatible engine: \(error)")
        }
    }

    /// Writes `data` to a new file and flushes it to disk, so that a bundle renamed into
    /// place after a crash never holds truncated files.
    static func write(_ data: Data, to path: String) throws(RegistryError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.synchronize()
        } catch {
            throw RegistryError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func createDirectory(_ path: String) throws(RegistryError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RegistryError("cannot create the directory \(path): \(error.localizedDescription)")
        }
    }

    /// The names in a directory, or none when it does not exist.
    static func entries(of path: String) throws(RegistryError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw RegistryError("cannot list \(path): \(error.localizedDescription)")
        }
    }

    /// Renames the directory `source` to `destination` in one step unless `destination`
    /// is already a non-empty directory or a file; returns whether it moved.
    static func renameUnlessTaken(_ source: String, to destination: String) throws(RegistryError) -> Bool {
        if rename(source, destination) == 0 { return true }
        let code = errno
        if code == EEXIST || code == ENOTEMPTY || code == ENOTDIR || code == EISDIR { return false }
        throw RegistryError("cannot move \(source) to \(destination): \(String(cString: strerror(code)))")
    }

    /// Replaces the file at `path` with `contents` in one step (write a temporary file, rename).
    static func replaceAtomically(_ path: String, in directory: String, contents: Data) throws(RegistryError) {
        let temporary = directory + "/.tmp-" + UUID().uuidString
        try write(contents, to: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw RegistryError("cannot move \(temporary) to \(path): \(String(cString: strerror(code)))")
        }
    }
}
