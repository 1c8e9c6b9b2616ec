import Testing
@testable import MLEngine

/// Random small files with every feature the reader handles (quotes, escapes,
/// embedded line breaks, all line-end styles, blank lines, missing values, late type
/// changes, and sometimes an error): any chunking gives the single-chunk result,
/// or the same error.
@Suite("CSVReader chunking, randomized")
struct CSVChunkFuzzTests {
    static func randomFile(_ generator: inout SeededGenerator) -> [UInt8] {
        let columns = 1 + generator.nextInt(below: 5)
        let lineEnd = [[UInt8(ascii: "\n")], [0x0D, 0x0A], [0x0D]][generator.nextInt(below: 3)]
        var bytes = Array((0..<columns).map { "c\($0)" }.joined(separator: ",").utf8) + lineEnd
        let rows = generator.nextInt(below: 400)
        let textColumn = generator.nextInt(below: columns)
        for row in 0..<rows {
            if generator.nextInt(below: 25) == 0 { bytes += lineEnd }
            var fields = (0..<columns).map { column in
                field(&generator, late: column == textColumn && row > rows * 3 / 4, lineEnd: lineEnd)
            }
            switch generator.nextInt(below: 3_000) {
            case 0: fields.append("extra")
            case 1: fields[0] = "\"open"
            case 2: fields[0] = "\u{FFFD}"
            default: break
            }
            var record = Array(fields.joined(separator: ",").utf8)
            if fields[0] == "\u{FFFD}" { record.replaceSubrange(0..<3, with: [0xC3, 0x28, 0x41]) }
            bytes += record
            if row + 1 < rows || generator.nextInt(below: 2) == 0 { bytes += lineEnd }
        }
        return bytes
    }

    static func field(_ generator: inout SeededGenerator, late: Bool, lineEnd: [UInt8]) -> String {
        switch generator.nextInt(below: late ? 9 : 7) {
        case 0: return String(generator.nextInt(below: 100_000) - 50_000)
        case 1: return String(Double(generator.nextInt(below: 1_000_000)) / 1_000 - 400)
        case 2: return ["", "NA", "?", " 7 ", "1e3", "-0.5", ".25"][generator.nextInt(below: 7)]
        case 3: return "\"" + String(generator.nextInt(below: 1_000)) + "\""
        case 4:
            let parts = ["a", ",", "\"\"", String(decoding: lineEnd, as: UTF8.self), "é", " "]
            return "\"" + (0..<generator.nextInt(below: 6)).map { _ in parts[generator.nextInt(below: parts.count)] }.joined() + "\""
        case 5, 6: return String(generator.nextInt(below: 10))
        default: return ["word", " spaced ", "x\"y", "Ünïcode"][generator.nextInt(below: 4)]
        }
    }

    static func outcome(_ bytes: [UInt8], chunks: Int) -> String {
        do {
            let frame = try P.frame(bytes, chunks: chunks)
            return frame.columns.map { column in
                switch column {
                case .numeric(let numbers): "\(column.name)=\(numbers.values.map(\.bitPattern))"
                case .categorical(let categories): "\(column.name)=\(categories.codes)\(categories.categories)"
                }
            }.joined(separator: ";")
        } catch {
            return "error: \(error)"
        }
    }

    typealias P = CSVParallelTests

    @Test func chunkingNeverChangesTheResult() {
        var generator = SeededGenerator(seed: 2_026)
        var errors = 0
        for _ in 0..<250 {
            let bytes = Self.randomFile(&generator)
            let single = Self.outcome(bytes, chunks: 1)
            if single.hasPrefix("error") { errors += 1 }
            for chunks in [2, 3, 7] {
                #expect(Self.outcome(bytes, chunks: chunks) == single)
            }
        }
        #expect(errors > 3)
    }
}
