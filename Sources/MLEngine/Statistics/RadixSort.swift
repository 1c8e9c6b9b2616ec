/// Sorting of many `Double`s in linear time.
enum RadixSort {
    /// `values` ascending (no `nan` expected; `-0.0` sorts before `0.0`, which compare
    /// equal). A least-significant-digit radix sort on the values' bit patterns, mapped
    /// so unsigned order is numeric order, 16 bits a pass; a pass whose digit is the
    /// same for every value is skipped. Small inputs use the standard sort.
    static func sorted(_ values: [Double]) -> [Double] {
        let count = values.count
        guard count > 512 else { return values.sorted() }
        var keys = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                let bits = values[index].bitPattern
                buffer[index] = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
            }
            initialized = count
        }
        var scratch = [UInt64](repeating: 0, count: count)
        var histogram = [Int](repeating: 0, count: 4 << 16)
        keys.withUnsafeBufferPointer { source in
            histogram.withUnsafeMutableBufferPointer { counts in
                for key in source {
                    counts[Int(key & 0xFFFF)] += 1
                    counts[(1 << 16) + Int((key >> 16) & 0xFFFF)] += 1
                    counts[(2 << 16) + Int((key >> 32) & 0xFFFF)] += 1
                    counts[(3 << 16) + Int(key >> 48)] += 1
                }
            }
        }
        var inKeys = true
        for pass in 0..<4 {
            let base = pass << 16
            let shift = UInt64(pass * 16)
            let firstDigit = Int((keys[0] >> shift) & 0xFFFF)
            // Every value has the same digit (any key tells, both buffers hold the same keys).
            if histogram[base + firstDigit] == count { continue }
            var offset = 0
            for digit in 0..<(1 << 16) {
                let bucket = histogram[base + digit]
                histogram[base + digit] = offset
                offset += bucket
            }
            func scatter(_ source: UnsafeBufferPointer<UInt64>, _ target: UnsafeMutableBufferPointer<UInt64>) {
                histogram.withUnsafeMutableBufferPointer { offsets in
                    for key in source {
                        let slot = base + Int((key >> shift) & 0xFFFF)
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
        let result = inKeys ? keys : scratch
        return result.map { key in Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key) }
    }
}
