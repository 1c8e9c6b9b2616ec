/// A small dense square matrix (row-major) for the Durbin matrix method.
struct SquareMatrix {
    let size: Int
    private var storage: [Double]

    init(size: Int) {
        self.size = size
        storage = [Double](repeating: 0, count: size * size)
    }

    static func identity(_ size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for index in 0..<size { matrix[index, index] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { storage[row * size + column] }
        set { storage[row * size + column] = newValue }
    }

    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        let size = lhs.size
        var result = SquareMatrix(size: size)
        lhs.storage.withUnsafeBufferPointer { left in
            rhs.storage.withUnsafeBufferPointer { right in
                result.storage.withUnsafeMutableBufferPointer { out in
                    for row in 0..<size {
                        for inner in 0..<size {
                            let factor = left[row * size + inner]
                            if factor == 0 { continue }
                            for column in 0..<size { out[row * size + column] += factor * right[inner * size + column] }
                        }
                    }
                }
            }
        }
        return result
    }

    mutating func scale(by factor: Double) {
        for index in storage.indices { storage[index] *= factor }
    }

    /// `self^exponent` as `(matrix, e)` meaning `matrix · 2^e`, rescaling by `2^-128`
    /// whenever the watched diagonal entry grows past `2^128`.
    func scaledPower(_ exponent: Int, watch diagonal: Int) -> (SquareMatrix, Int) {
        var result = SquareMatrix.identity(size)
        var resultExponent = 0
        var base = self
        var baseExponent = 0
        var remaining = exponent
        while remaining > 0 {
            if remaining % 2 == 1 {
                result = result * base
                resultExponent += baseExponent
                if abs(result[diagonal, diagonal]) > 0x1p128 {
                    result.scale(by: 0x1p-128)
                    resultExponent += 128
                }
            }
            base = base * base
            baseExponent *= 2
            if abs(base[diagonal, diagonal]) > 0x1p128 {
                base.scale(by: 0x1p-128)
                baseExponent += 128
            }
            remaining /= 2
        }
        return (result, resultExponent)
    }
}
