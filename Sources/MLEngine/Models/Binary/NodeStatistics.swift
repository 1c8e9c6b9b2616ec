/// The exact compact layout of a binary-classification tree node's value (the weighted
/// class-1 fraction) and impurity. Grown on whole-number weights (bootstrap counts), a value is
/// a fraction `a / b` of small integers and a Gini impurity follows from it with the
/// builder's own arithmetic; the writer checks both bit for bit before relying on them, so
/// the layout stays exact for any numbers.
///
/// A tag byte, then: 0 value 0 and impurity +0; 1 value 1 and impurity +0; 2 `uvar a`, `uvar
/// b` (value `a / b`, Gini impurity of the counts `b - a` and `a`); 3 `uvar a`, `uvar b`, then
/// the impurity as a compact double; 4 the value and the impurity as compact doubles.
enum NodeStatistics {
    /// The largest denominator written (keeps every count exact in a double).
    static let largestDenominator: Double = 1_099_511_627_776  // 2^40

    static func write(value: Double, impurity: Double, to writer: inout ModelBinaryWriter) {
        if impurity.bitPattern == 0, value.bitPattern == 0 {
            writer.byte(0)
        } else if impurity.bitPattern == 0, value.bitPattern == (1.0).bitPattern {
            writer.byte(1)
        } else if let (a, b) = fraction(value) {
            let derived = gini(a, b).bitPattern == impurity.bitPattern
            writer.byte(derived ? 2 : 3)
            writer.unsigned(UInt64(a))
            writer.unsigned(UInt64(b))
            if !derived { writer.compactDouble(impurity) }
        } else {
            writer.byte(4)
            writer.compactDouble(value)
            writer.compactDouble(impurity)
        }
    }

    static func read(from reader: inout ModelBinaryReader) throws(ModelError) -> (value: Double, impurity: Double) {
        let tag = try reader.byte()
        switch tag {
        case 0: return (0, 0)
        case 1: return (1, 0)
        case 2, 3:
            let a = Double(try reader.unsigned())
            let b = Double(try reader.unsigned())
            guard b > 0, b <= largestDenominator, a <= b else { throw ModelBinaryReader.damaged("a node's class fraction is out of range") }
            return (a / b, tag == 2 ? gini(a, b) : try reader.compactDouble())
        case 4: return (try reader.compactDouble(), try reader.compactDouble())
        default: throw ModelBinaryReader.damaged("unknown node statistics tag \(tag)")
        }
    }

    /// The Gini impurity of class weights `b - a` and `a`, computed as the tree builder does.
    static func gini(_ a: Double, _ b: Double) -> Double {
        let counts = (b - a, a)
        var squares = 0.0
        squares += counts.0 * counts.0
        squares += counts.1 * counts.1
        let weight = 0.0 + counts.0 + counts.1
        return weight > 0 ? 1 - squares / (weight * weight) : 0
    }

    /// Whole numbers `a <= b` with `a / b` equal to `p` bit for bit, from the continued
    /// fraction of `p`, or `nil` when no such fraction has a denominator up to 2^40.
    static func fraction(_ p: Double) -> (Double, Double)? {
        guard p.isFinite, p > 0, p < 1 else { return nil }
        var (h0, h1, k0, k1) = (0.0, 1.0, 1.0, 0.0)
        var x = p
        for _ in 0..<64 {
            let whole = x.rounded(.down)
            let (h2, k2) = (whole * h1 + h0, whole * k1 + k0)
            guard k2 <= largestDenominator else { return nil }
            if (h2 / k2).bitPattern == p.bitPattern { return (h2, k2) }
            let rest = x - whole
            guard rest > 0 else { return nil }
            x = 1 / rest
            (h0, h1, k0, k1) = (h1, h2, k1, k2)
        }
        return nil
    }
}
