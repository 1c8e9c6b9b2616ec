import Testing
@testable import MLEngine

@Suite("DataFrame binary encoding")
struct DataFrameBinaryTests {
    static let frame = DataFrame(columns: [
        .numeric(NumericColumn(name: "x", values: [1.5, -0, .nan, .infinity, 4, Double(bitPattern: 0x7FF8_0000_0000_0123)])),
        .categorical(CategoricalColumn(
            name: "colour ✓", codes: [0, 1, CategoricalColumn.missingCode, 0, 2, 1], categories: ["red", "", "grün"])),
        .numeric(NumericColumn(name: "", values: [10, 20, 30, 40, 50, 60])),
    ])

    /// Bit-level equality (`==` on frames treats `nan` as unequal to itself).
    static func identical(_ a: DataFrame, _ b: DataFrame) -> Bool {
        guard a.columns.count == b.columns.count else { return false }
        return zip(a.columns, b.columns).allSatisfy { pair in
            switch pair {
            case (.numeric(let x), .numeric(let y)):
                x.name == y.name && x.values.map(\.bitPattern) == y.values.map(\.bitPattern)
            case (.categorical(let x), .categorical(let y)): x == y
            default: false
            }
        }
    }

    @Test func roundTripsBitForBit() throws {
        let bytes = Self.frame.binaryEncoded()
        let decoded = try DataFrame(binary: bytes)
        #expect(Self.identical(decoded, Self.frame))
        #expect(decoded.binaryEncoded() == bytes)
        #expect(Array(bytes.prefix(4)) == Array("LBDF".utf8))
        #expect(bytes[4] == UInt8(DataFrame.binaryFormatVersion))
    }

    @Test func roundTripsEmptyFrames() throws {
        let empty = DataFrame(columns: [])
        #expect(try DataFrame(binary: empty.binaryEncoded()) == empty)
        let noRows = DataFrame(columns: [.categorical(CategoricalColumn(name: "c", codes: [], categories: []))])
        #expect(try DataFrame(binary: noRows.binaryEncoded()) == noRows)
    }

    @Test func refusesEveryTruncation() {
        let bytes = Self.frame.binaryEncoded()
        for length in 0..<bytes.count {
            #expect(throws: DataError.self) { try DataFrame(binary: Array(bytes.prefix(length))) }
        }
        #expect(throws: DataError.self) { try DataFrame(binary: bytes + [0]) }
    }

    @Test func refusesOtherVersionsAndBadCodes() {
        var other = Self.frame.binaryEncoded()
        other[4] = 99
        #expect(throws: DataError.self) { try DataFrame(binary: other) }
        let bad = DataFrame(columns: [.categorical(CategoricalColumn(name: "c", codes: [5], categories: ["a"]))])
        #expect(throws: DataError.self) { try DataFrame(binary: bad.binaryEncoded()) }
    }

    @Test func survivesRandomDamageWithoutTrapping() {
        let bytes = Self.frame.binaryEncoded()
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            var damaged = bytes
            let position = generator.nextInt(below: damaged.count)
            damaged[position] = UInt8(truncatingIfNeeded: generator.next())
            _ = try? DataFrame(binary: damaged)
        }
    }
}
