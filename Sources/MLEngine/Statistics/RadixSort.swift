/// Sorting of many `Double`s in linear time on typical data.
enum RadixSort {
    /// `values` ascending (no `nan` expected; `-0.0` sorts before `0.0`, which compare equal).
    ///
    /// The values' bit patterns are mapped so unsigned order is numeric order; one pass
    /// buckets them by the leading bits of their distance from the smallest key (up to 2¹⁶
    /// buckets, about eight values each), and each bucket, small and contiguous, is then
    /// sorted in place: four passes over the data, against the six to eight of a
    /// least-significant-digit radix sort. Small inputs use the standard sort.
    static func sorted(_ values: [Double]) -> [Double] {
        let count = values.count
        guard count > 1024 else { return values.sorted() }
        var lowest = UInt64.max
        var highest = UInt64.min
        let keys = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            values.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let bits = source[index].bitPattern
                    let key = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                    buffer[index] = key
                    lowest = min(lowest, key)
                    highest = max(highest, key)
                }
            }
            initialized = count
        }
        let range = highest &- lowest
        guard range > 0 else { return values }
        var bucketBits = 1
        while bucketBits < 16 && (1 << (bucketBits + 3)) < count { bucketBits += 1 }
        let rangeBits = 64 - range.leadingZeroBitCount
        let shift = UInt64(max(0, rangeBits - bucketBits))
        let bucketCount = Int(range >> shift) + 1
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        var sortedKeys = [UInt64](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        keys.withUnsafeBufferPointer { source in
            starts.withUnsafeMutableBufferPointer { starts in
                for key in source { starts[Int((key &- lowest) >> shift) + 1] += 1 }
                for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
                var next = Array(starts[0..<bucketCount])
                sortedKeys.withUnsafeMutableBufferPointer { target in
                    next.withUnsafeMutableBufferPointer { next in
                        for key in source {
                            let bucket = Int((key &- lowest) >> shift)
                            target[next[bucket]] = key
                            next[bucket] += 1
                        }
                    }
                    for bucket in 0..<bucketCount {
                        let start = starts[bucket]
                        let end = starts[bucket + 1]
                        if end - start < 2 { continue }
                        if end - start <= 24 {
                            for i in (start + 1)..<end {
                                let item = target[i]
                                var j = i
                                while j > start && target[j - 1] > item {
                                    target[j] = target[j - 1]
                                    j -= 1
                                }
                                target[j] = item
                            }
                        } else {
                            var slice = UnsafeMutableBufferPointer(rebasing: target[start..<end])
                            slice.sort()
                        }
                    }
                }
            }
        }
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
