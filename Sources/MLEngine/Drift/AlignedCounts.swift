/// How often each value occurs in a reference and a current sample, over the values
/// either side has (values absent from both are left out), plus the missing counts.
public struct AlignedCounts: Sendable, Equatable {
    /// Per value, the reference's count.
    public var reference: [Int]
    /// Per value (the same order), the current sample's count.
    public var current: [Int]
    public var referenceMissing: Int
    public var currentMissing: Int

    /// Creates counts from their parts.
    public init(reference: [Int], current: [Int], referenceMissing: Int = 0, currentMissing: Int = 0) {
        self.reference = reference
        self.current = current
        self.referenceMissing = referenceMissing
        self.currentMissing = currentMissing
    }

    /// Counts of two categorical columns, aligned by category text: the reference's
    /// categories first, then those only the current data has, in their order.
    public init(
        referenceCodes: [UInt32], referenceCategories: [String],
        currentCodes: [UInt32], currentCategories: [String]
    ) {
        var bucketOf = [String: Int]()
        for category in referenceCategories where bucketOf[category] == nil { bucketOf[category] = bucketOf.count }
        let referenceBuckets = referenceCategories.map { bucketOf[$0] ?? 0 }
        let currentBuckets = currentCategories.map { category -> Int in
            if let bucket = bucketOf[category] { return bucket }
            bucketOf[category] = bucketOf.count
            return bucketOf.count - 1
        }
        var reference = [Int](repeating: 0, count: bucketOf.count)
        var current = [Int](repeating: 0, count: bucketOf.count)
        var referenceMissing = 0
        var currentMissing = 0
        for code in referenceCodes {
            if Int(code) < referenceBuckets.count { reference[referenceBuckets[Int(code)]] += 1 } else { referenceMissing += 1 }
        }
        for code in currentCodes {
            if Int(code) < currentBuckets.count { current[currentBuckets[Int(code)]] += 1 } else { currentMissing += 1 }
        }
        self.init(reference: reference, current: current, referenceMissing: referenceMissing, currentMissing: currentMissing)
        dropEmpty()
    }

    /// Counts of two numeric samples, one bucket per distinct value, ascending.
    public init(reference: SortedSample, current: SortedSample) {
        var referenceCounts = [Int]()
        var currentCounts = [Int]()
        var i = 0
        var j = 0
        let first = reference.values
        let second = current.values
        while i < first.count || j < second.count {
            let value: Double
            if j >= second.count || (i < first.count && first[i] <= second[j]) { value = first[i] } else { value = second[j] }
            let i0 = i
            let j0 = j
            while i < first.count && first[i] == value { i += 1 }
            while j < second.count && second[j] == value { j += 1 }
            referenceCounts.append(i - i0)
            currentCounts.append(j - j0)
        }
        self.init(
            reference: referenceCounts, current: currentCounts,
            referenceMissing: reference.missing, currentMissing: current.missing)
    }

    /// The number of values either side has.
    public var valueCount: Int { reference.count }

    /// Non-missing totals.
    public var referenceTotal: Int { reference.reduce(0, +) }
    public var currentTotal: Int { current.reduce(0, +) }

    private mutating func dropEmpty() {
        var keptReference = [Int]()
        var keptCurrent = [Int]()
        for (r, c) in zip(reference, current) where r > 0 || c > 0 {
            keptReference.append(r)
            keptCurrent.append(c)
        }
        reference = keptReference
        current = keptCurrent
    }
}
