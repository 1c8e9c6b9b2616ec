import Dispatch
import Foundation

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
            let following = next(nodes, sets, index, row: row)
            if following == index { return nodes[index].threshold }
            index = following
        }
    }

    /// The node after `index` for the row at `row`: numeric splits go left when
    /// `value <= threshold` (missing values by the node's flag); categorical ones send missing or
    /// negative codes by the flag, codes 0..<256 by their bit, larger codes right. A leaf
    /// returns its own index, so a tree can be stepped past its leaf. Numeric splits are
    /// branch-free; categorical ones branch (computing both tests on every node costs more
    /// than the mispredictions it saves: 2× slower on Adult's model, 42 % categorical splits).
    @inline(__always)
    static func next(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, _ index: Int, row: UnsafePointer<Double>) -> Int {
        let node = nodes[index]
        let value = row[Int(node.info >> 2)]
        let right: Int
        if node.info & 2 == 0 {
            // Right unless `value <= threshold`, or missing and missing goes left.
            let below = value <= node.threshold ? 1 : 0
            let missingLeft = value.isNaN ? Int(node.info & 1) : 0
            right = 1 &- (below | missingLeft)
        } else if value.isNaN || value < 0 {
            right = 1 &- Int(node.info & 1)
        } else if value < 256, let sets {
            let category = Int(value)
            right = 1 &- Int((sets[Int(node.threshold) &* 8 &+ (category >> 5)] >> UInt32(category & 31)) & 1)
        } else {
            right = 1
        }
        return node.left == 0 ? index : Int(node.left) &+ right
    }

    /// Walks four (node, row) pairs in step until all four reach their leaves, so the four
    /// chains of dependent node loads overlap; returns the leaves.
    @inline(__always)
    static func leavesOfFour(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, from start: (Int, Int, Int, Int),
                             rows: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>))
        -> (Int, Int, Int, Int) {
        var (a, b, c, d) = start
        while true {
            let na = next(nodes, sets, a, row: rows.0), nb = next(nodes, sets, b, row: rows.1)
            let nc = next(nodes, sets, c, row: rows.2), nd = next(nodes, sets, d, row: rows.3)
            if (na ^ a) | (nb ^ b) | (nc ^ c) | (nd ^ d) == 0 { return (a, b, c, d) }
            a = na; b = nb; c = nc; d = nd
        }
    }

    /// Adds trees `treeRange` to `output` for one row, four trees in step. Leaves are added in
    /// tree order, so the sums are bit for bit those of walking one tree at a time.
    @inline(__always)
    static func addOneRow(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, roots: UnsafePointer<Int32>, treeRange: Range<Int>,
                          width: Int, row: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        var tree = treeRange.lowerBound
        while tree &+ 4 <= treeRange.upperBound {
            let (a, b, c, d) = leavesOfFour(
                nodes, sets, from: (Int(roots[tree]), Int(roots[tree &+ 1]), Int(roots[tree &+ 2]), Int(roots[tree &+ 3])),
                rows: (row, row, row, row))
            output[tree % width] += nodes[a].threshold
            output[(tree &+ 1) % width] += nodes[b].threshold
            output[(tree &+ 2) % width] += nodes[c].threshold
            output[(tree &+ 3) % width] += nodes[d].threshold
            tree &+= 4
        }
        while tree < treeRange.upperBound {
            output[tree % width] += leafValue(nodes, sets, root: Int(roots[tree]), row: row)
            tree &+= 1
        }
    }

    /// Batches of at least this many rows, with rows × trees at least ``parallelWork``, are
    /// scored on all cores (rows are independent, so the sums do not depend on it).
    static let parallelRows = 2_048
    static let parallelWork = 200_000

    /// Adds trees `treeRange` to `raw` for the rows `rows`, tree by tree (so each tree's nodes
    /// stay in cache), four rows in step.
    static func addRows(_ nodes: UnsafePointer<Node>, _ sets: UnsafePointer<UInt32>?, roots: UnsafePointer<Int32>, treeRange: Range<Int>,
                        rows: Range<Int>, columns: Int, width: Int, values: UnsafePointer<Double>, into raw: UnsafeMutablePointer<Double>) {
        for tree in treeRange {
            let root = Int(roots[tree])
            let output = raw + tree % width
            var r = rows.lowerBound
            while r &+ 4 <= rows.upperBound {
                let first = values + r &* columns
                let (a, b, c, d) = leavesOfFour(
                    nodes, sets, from: (root, root, root, root), rows: (first, first + columns, first + 2 &* columns, first + 3 &* columns))
                output[r &* width] += nodes[a].threshold
                output[(r &+ 1) &* width] += nodes[b].threshold
                output[(r &+ 2) &* width] += nodes[c].threshold
                output[(r &+ 3) &* width] += nodes[d].threshold
                r &+= 4
            }
            while r < rows.upperBound {
                output[r &* width] += leafValue(nodes, sets, root: root, row: values + r &* columns)
                r &+= 1
            }
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
                    guard let rootPointer = rootBuffer.baseAddress else { return }
                    if rows == 1 {
                        Self.addOneRow(nodePointer, sets, roots: rootPointer, treeRange: treeRange, width: width, row: values, into: raw)
                        return
                    }
                    let workers = rows >= Self.parallelRows && rows * treeRange.count >= Self.parallelWork
                        ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows / (Self.parallelRows / 2))) : 1
                    let shared = UnsafeSendable((nodePointer, sets, rootPointer, values, raw))
                    let block: @Sendable (Int) -> Void = { worker in
                        let (nodes, sets, roots, values, raw) = shared.pointer
                        let first = worker * rows / workers, last = (worker + 1) * rows / workers
                        Self.addRows(nodes, sets, roots: roots, treeRange: treeRange, rows: first..<last, columns: columns, width: width,
                                     values: values, into: raw)
                    }
                    if workers == 1 { block(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: block) }
                }
            }
        }
    }
}
