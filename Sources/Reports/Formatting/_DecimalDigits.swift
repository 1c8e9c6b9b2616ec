/// The decimal digits of a finite Double's magnitude, taken from its shortest
/// round-trip representation, so rounding works "on the decimal digits" a
/// reader sees (`2.675` rounds to `2.68`) and never depends on the locale.
///
/// The value is `0.d₁d₂d₃… × 10^pointPosition`; `digits` is empty for zero.
struct _DecimalDigits: Equatable {
    var digits: [UInt8]
    var pointPosition: Int

    var isZero: Bool { digits.isEmpty }

    /// The digits of `abs(value)`; `value` must be finite.
    init(magnitudeOf value: Double) {
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? "0"
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
            } else if let digit = character.wholeNumberValue {
                digits.append(UInt8(digit))
                if !seenPoint { integerDigits += 1 }
            }
        }
        self.digits = digits
        self.pointPosition = integerDigits + exponent
        normalize()
    }

    /// Rounds half away from zero so that `fractionDigits` decimals remain.
    mutating func round(fractionDigits: Int) {
        round(keeping: pointPosition + fractionDigits)
    }

    /// Rounds half away from zero to `count` significant digits.
    mutating func round(significantDigits count: Int) {
        round(keeping: count)
    }

    /// Multiplies by `10^power` (exact on the decimal digits).
    mutating func shift(by power: Int) {
        if !isZero { pointPosition += power }
    }

    /// The magnitude as `integer.fraction` with exactly `fractionDigits` decimals,
    /// padding with zeros and truncating (round first).
    func plain(fractionDigits: Int) -> String {
        var integer = ""
        if pointPosition <= 0 {
            integer = "0"
        } else {
            for index in 0..<pointPosition { integer.append(digit(at: index)) }
        }
        guard fractionDigits > 0 else { return integer }
        var fraction = ""
        for offset in 0..<fractionDigits { fraction.append(digit(at: pointPosition + offset)) }
        return integer + "." + fraction
    }

    /// How many decimals the value needs to be shown exactly.
    var fractionDigitsNeeded: Int { max(0, digits.count - pointPosition) }

    private func digit(at index: Int) -> Character {
        guard index >= 0, index < digits.count else { return "0" }
        return Character(String(digits[index]))
    }

    private mutating func round(keeping keep: Int) {
        guard keep < digits.count else { return }
        guard keep >= 0 else {
            digits = []
            return
        }
        let roundUp = digits[keep] >= 5
        digits.removeSubrange(keep...)
        if roundUp {
            var index = digits.count - 1
            while index >= 0, digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        normalize()
    }

    private mutating func normalize() {
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { pointPosition = 0 }
    }
}
