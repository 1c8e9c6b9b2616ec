/// Sums of gradients, hessians and rows over a set of training rows.
struct GradientStats: Sendable, Equatable {
    var gradient = 0.0
    var hessian = 0.0
    var count = 0.0

    static func - (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(gradient: a.gradient - b.gradient, hessian: a.hessian - b.hessian, count: a.count - b.count)
    }

    static func + (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(gradient: a.gradient + b.gradient, hessian: a.hessian + b.hessian, count: a.count + b.count)
    }
}

/// A set of bins (0...255) as eight 32-bit words: the categories a split sends left.
struct BinSet: Sendable, Equatable {
    var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)

    static func == (a: BinSet, b: BinSet) -> Bool { a.array == b.array }

    var array: [UInt32] { [words.0, words.1, words.2, words.3, words.4, words.5, words.6, words.7] }

    mutating func insert(_ bin: Int) {
        withUnsafeMutableBytes(of: &words) { raw in
            let word = raw.load(fromByteOffset: (bin >> 5) * 4, as: UInt32.self) | (1 << UInt32(bin & 31))
            raw.storeBytes(of: word, toByteOffset: (bin >> 5) * 4, as: UInt32.self)
        }
    }

    func contains(_ bin: Int) -> Bool {
        withUnsafeBytes(of: words) { raw in
            (raw.load(fromByteOffset: (bin >> 5) * 4, as: UInt32.self) >> UInt32(bin & 31)) & 1 == 1
        }
    }
}

/// The best split found for a leaf.
struct SplitCandidate: Sendable {
    /// The decrease of the regularised loss (`G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`).
    var gain = 0.0
    /// The column; -1 when no valid split exists.
    var feature = -1
    /// Numeric: bins `<= bin` go left (the last non-missing bin means "only missing goes right").
    var bin = 0
    /// Whether missing values (the missing bin) go left.
    var missingLeft = false
    /// Categorical: the bins going left (including ``BinnedMatrix/missingBin`` when missing goes left).
    var categories: BinSet? = nil
    var left = GradientStats()
    var right = GradientStats()

    var isValid: Bool { feature >= 0 }

    /// Whether a row in `bin` goes left.
    func goesLeft(_ rowBin: Int) -> Bool {
        if let categories { return categories.contains(rowBin) }
        if rowBin == BinnedMatrix.missingBin { return missingLeft }
        return rowBin <= bin
    }
}
