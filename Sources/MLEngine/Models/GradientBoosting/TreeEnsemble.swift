/// The boosted trees, flattened into one array of 16-byte nodes for fast prediction.
///
/// Trees are stored iteration after iteration, and within an iteration output after output
/// (tree `t` adds to output `t % outputWidth`). A node's children are adjacent: `left` and
/// `left + 1` (absolute positions in ``nodes``). Thresholds are raw feature values, so
/// prediction never bins.
struct TreeEnsemble: Sendable, Equatable {
    /// One node of a tree.
    struct Node: Sendable, Equatable {
        /// Numeric split: go left when `value <= threshold`. Categorical split: the index of its
        /// 8-word bitset in ``categorySets``. Leaf: the value it adds (learning rate applied).
        var threshold: Double
        /// The left child's index (the right child follows it); 0 for a leaf.
        var left: Int32
        /// `column << 2 | categorical << 1 | missingLeft`.
        var info: UInt32

        var isLeaf: Bool { left == 0 }
        var feature: Int { Int(info >> 2) }
        var isCategorical: Bool { info & 2 != 0 }
        var missingLeft: Bool { info & 1 != 0 }
        var categorySet: Int { Int(threshold) }
    }

    /// All nodes of all trees.
    var nodes: [Node] = []
    /// The index of each tree's root in ``nodes``.
    var roots: [Int32] = []
    /// Categorical splits' left categories, 8 words of 32 bits per split (bit `c` = category `c`).
    var categorySets: [UInt32] = []

    /// Appends a leaf and returns its index.
    mutating func appendNode() -> Int {
        nodes.append(Node(threshold: 0, left: 0, info: 0))
        return nodes.count - 1
    }

    /// The raw value tree `root` gives the row at `row` (a pointer to its values).
    @inline(__always)
    static func leafValue(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, root: Int, row: UnsafePointer<Double>) -> Double {
        var index = root
        while true {
            let node = nodes[index]
            if node.left == 0 { return node.threshold }
            let value = row[Int(node.info >> 2)]
            let goLeft: Bool
            if node.info & 2 == 0 {
                goLeft = value <= node.threshold || (value.isNaN && node.info & 1 != 0)
            } else if value.isNaN || value < 0 {
                goLeft = node.info & 1 != 0
            } else if value < 256, let sets {
                let category = Int(value)
                goLeft = (sets[Int(node.threshold) &* 8 &+ (category >> 5)] >> UInt32(category & 31)) & 1 == 1
            } else {
                goLeft = false
            }
            index = Int(node.left) &+ (goLeft ? 0 : 1)
        }
    }

    /// Adds trees `treeRange` to `raw` (`rows * width`, row-major) for the `rows` rows of
    /// `values`. Tree by tree, so every row sums its trees in the same order whatever `rows`.
    func addRaw(values: UnsafePointer<Double>, rows: Int, columns: Int, width: Int, treeRange: Range<Int>, into raw: UnsafeMutablePointer<Double>) {
        nodes.withUnsafeBufferPointer { nodeBuffer in
            categorySets.withUnsafeBufferPointer { setBuffer in
                roots.withUnsafeBufferPointer { rootBuffer in
                    guard let nodePointer = nodeBuffer.baseAddress else { return }
                    let sets = setBuffer.baseAddress
                    if rows == 1 {
                        for tree in treeRange {
                            raw[tree % width] += Self.leafValue(nodePointer, sets, root: Int(rootBuffer[tree]), row: values)
                        }
                        return
                    }
                    for tree in treeRange {
                        let root = Int(rootBuffer[tree])
                        let output = raw + tree % width
                        for r in 0..<rows {
                            output[r &* width] += Self.leafValue(nodePointer, sets, root: root, row: values + r &* columns)
                        }
                    }
                }
            }
        }
    }
}
