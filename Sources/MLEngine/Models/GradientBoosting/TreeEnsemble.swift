/// The boosted trees, flattened into one array of nodes for fast prediction.
///
/// Trees are stored iteration after iteration, and within an iteration output after output
/// (tree `t` adds to output `t % outputWidth`). Child indices are absolute positions in
/// ``nodes``. Thresholds are raw feature values, so prediction never bins.
struct TreeEnsemble: Sendable, Equatable {
    /// One node of a tree.
    struct Node: Sendable, Equatable {
        /// Internal node: go left when `value <= threshold`. Leaf: the value it adds (learning rate applied).
        var threshold: Double
        /// The column tested, or -1 for a leaf.
        var feature: Int32
        /// The left child (absolute index).
        var left: Int32
        /// The right child (absolute index).
        var right: Int32
        /// For a categorical split, the index of its 8-word bitset in ``categorySets``; -1 otherwise.
        var categorySet: Int32
        /// Where a missing value (NaN; a negative category code) goes.
        var missingLeft: Bool
    }

    /// All nodes of all trees.
    var nodes: [Node] = []
    /// The index of each tree's root in ``nodes``.
    var roots: [Int32] = []
    /// Categorical splits' left categories, 8 words of 32 bits per split (bit `c` = category `c`).
    var categorySets: [UInt32] = []

    /// Appends a leaf and returns its index.
    mutating func appendNode() -> Int {
        nodes.append(Node(threshold: 0, feature: -1, left: -1, right: -1, categorySet: -1, missingLeft: false))
        return nodes.count - 1
    }

    /// The raw value tree `root` gives the row at `row` (a pointer to its `columns` values).
    @inline(__always)
    static func leafValue(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, root: Int, row: UnsafePointer<Double>) -> Double {
        var index = root
        while true {
            let node = nodes[index]
            if node.feature < 0 { return node.threshold }
            let value = row[Int(node.feature)]
            let goLeft: Bool
            if node.categorySet < 0 {
                goLeft = value.isNaN ? node.missingLeft : value <= node.threshold
            } else if value.isNaN || value < 0 {
                goLeft = node.missingLeft
            } else if value < 256, let sets {
                let category = Int(value)
                goLeft = (sets[Int(node.categorySet) * 8 + (category >> 5)] >> UInt32(category & 31)) & 1 == 1
            } else {
                goLeft = false
            }
            index = Int(goLeft ? node.left : node.right)
        }
    }

    /// Adds every tree's value to `raw` (`rows * width`, row-major) for the `rows` rows of `values`.
    func addRaw(values: UnsafePointer<Double>, rows: Int, columns: Int, width: Int, treeRange: Range<Int>, into raw: UnsafeMutablePointer<Double>) {
        nodes.withUnsafeBufferPointer { nodeBuffer in
            categorySets.withUnsafeBufferPointer { setBuffer in
                roots.withUnsafeBufferPointer { rootBuffer in
                    guard let nodePointer = nodeBuffer.baseAddress else { return }
                    for r in 0..<rows {
                        let row = values + r * columns
                        for tree in treeRange {
                            raw[r * width + tree % width] += Self.leafValue(nodePointer, setBuffer.baseAddress, root: Int(rootBuffer[tree]), row: row)
                        }
                    }
                }
            }
        }
    }
}
