/// The columns each tree may split on: all of them, or with a fraction below 1 a fresh
/// seeded sample of `max(1, round(fraction × columns))` per tree, in ascending order (LightGBM's
/// `feature_fraction` by tree).
struct ColumnSampler {
    let all: [Int]
    let count: Int
    private var generator: SeededGenerator

    init(columns: Int, fraction: Double, generator: SeededGenerator) {
        all = Array(0..<columns)
        count = fraction >= 1 ? columns : min(columns, max(1, Int((fraction * Double(columns)).rounded())))
        self.generator = generator
    }

    /// The next tree's columns.
    mutating func next() -> [Int] {
        guard count < all.count else { return all }
        var order = all
        for position in 0..<count {
            order.swapAt(position, position + generator.nextInt(below: order.count - position))
        }
        return order.prefix(count).sorted()
    }
}
