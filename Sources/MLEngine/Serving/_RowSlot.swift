/// One feature of a compiled ``RowEncoder``: where its encoded columns start and how a
/// value becomes them, with the fitted numbers copied out of the ``FeatureTransform``.
struct _RowSlot: Sendable {
    enum Steps: Sendable {
        /// `((x is missing ? fill : x) - center) / scale`, binned first when `edges` is set.
        case numeric(fill: Double, center: Double, scale: Double, edges: [Double]?)
        /// A category's output position (-1 unknown) and the position of a missing value.
        case categorical(positions: [String: Int], seen: Set<String>, missingPosition: Int, oneHot: Bool)
    }

    let name: String
    let offset: Int
    let missingAllowed: Bool
    let steps: Steps

    init(name: String, offset: Int, transform: FeatureTransform, profile: FeatureProfile?, schemaCategories: [String]?) {
        self.name = name
        self.offset = offset
        missingAllowed = profile?.missingAllowed ?? true
        switch transform {
        case .numeric(let numeric):
            steps = .numeric(fill: numeric.fill ?? .nan, center: numeric.center, scale: numeric.scale, edges: numeric.binEdges)
        case .categorical(let categorical):
            var positions: [String: Int] = [:]
            for (position, category) in categorical.categories.enumerated() { positions[category] = position }
            for category in categorical.otherCategories { positions[category] = categorical.categories.count }
            let seen = Set(profile?.categories ?? schemaCategories ?? []).union(positions.keys)
            steps = .categorical(
                positions: positions, seen: seen, missingPosition: categorical.fill.flatMap { positions[$0] } ?? -1,
                oneHot: categorical.encoding == .oneHot)
        }
    }

    /// Writes a missing value's encoding.
    @inline(__always)
    func writeMissing(into output: UnsafeMutablePointer<Double>) {
        switch steps {
        case .numeric: writeNumber(.nan, into: output)
        case .categorical(_, _, let missingPosition, let oneHot): writePosition(missingPosition, oneHot: oneHot, into: output)
        }
    }

    /// Writes a number exactly as ``NumericTransform`` does for a column.
    @inline(__always)
    func writeNumber(_ value: Double, into output: UnsafeMutablePointer<Double>) {
        guard case .numeric(let fill, let center, let scale, let edges) = steps else { return }
        let filled = value.isNaN ? fill : value
        if let edges {
            let bin = edges.withUnsafeBufferPointer { ColumnStatistics.bin(of: filled, edges: $0) }
            output[offset] = (Double(bin) - center) / scale
        } else {
            output[offset] = (filled - center) / scale
        }
    }

    /// Writes a category position exactly as ``CategoricalTransform`` does (the block is zero).
    @inline(__always)
    func writePosition(_ position: Int, oneHot: Bool, into output: UnsafeMutablePointer<Double>) {
        if oneHot {
            if position >= 0 { output[offset + position] = 1 }
        } else {
            output[offset] = Double(position)
        }
    }
}
