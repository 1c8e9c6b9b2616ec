/// Sorting of many `Double`s in linear time.
enum RadixSort {
    private static let digitBits: UInt64 = 11
    private static let digitCount = 1 << 11
    private static let passes = 6  // 6 × 11 bits ≥ 64

    /// `values` ascending (no `nan` expected; `-0.0` sorts before `0.0`, which compare
    /// equal). A least-significant-digit radix sort on the values' bit patterns, mapped so
    /// unsigned order is numeric order: 11-bit digits (a 16 KB table per pass stays in the
    /// cache), one counting pass for all six digits, and a pass whose digit is the same for
    /// every value is skipped. Small inputs use the standard sort.
    static func sorted(_ values: [Double]) -> [Double] {
        let count = values.count
        guard count > 1024 else { return values.sorted() }
        var keys = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            values.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let bits = source[index].bitPattern
                    buffer[index] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                }
            }
            initialized = count
        }
        var scratch = [UInt64](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        var histogram = [Int](repeating: 0, count: passes * digitCount)
        let mask = UInt64(digitCount - 1)
        keys.withUnsafeBufferPointer { source in
            histogram.withUnsafeMutableBufferPointer { counts in
                for key in source {
                    for pass in 0..<passes {
                        counts[pass * digitCount + Int((key >> (UInt64(pass) * digitBits)) & mask)] += 1
                    }
                }
            }
        }
        var inKeys = true
        for pass in 0..<passes {
            let base = pass * digitCount
            let shift = UInt64(pass) * digitBits
            // Every value has the same digit (any key tells; both buffers hold the same keys).
            if histogram[base + Int((keys[0] >> shift) & mask)] == count { continue }
            var offset = 0
            for digit in 0..<digitCount {
                let bucket = histogram[base + digit]
                histogram[base + digit] = offset
                offset += bucket
            }
            func scatter(_ source: UnsafeBufferPointer<UInt64>, _ target: UnsafeMutableBufferPointer<UInt64>) {
                histogram.withUnsafeMutableBufferPointer { offsets in
                    for key in source {
                        let slot = base + Int((key >> shift) & mask)
                        target[offsets[slot]] = key
                        offsets[slot] += 1
                    }
                }
            }
            if inKeys {
                keys.withUnsafeBufferPointer { source in scratch.withUnsafeMutableBufferPointer { scatter(source, $0) } }
            } else {
                scratch.withUnsafeBufferPointer { source in keys.withUnsafeMutableBufferPointer { scatter(source, $0) } }
            }
            inKeys.toggle()
        }
        let sortedKeys = inKeys ? keys : scratch
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            sortedKeys.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let key = source[index]
                    buffer[index] = Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
                }
            }
            initialized = count
        }
    }
}
