/// Locale-independent, deterministic number formatting for reports.
///
/// Rounding is half away from zero on the decimal digits of the value's
/// shortest representation (`2.675` → `2.68`); negative zero prints without a
/// sign; NaN prints as `n/a`; infinities as `∞` and `-∞`.
///
/// ```swift
/// NumberFormat.fixed(0.87125, decimals: 4)  // "0.8713"
/// NumberFormat.integer(28155)                // "28,155"
/// NumberFormat.compact(28155)                // "28.16k"
/// ```
public enum NumberFormat {
    /// The text shown for a missing value.
    public static let missing = "—"
    /// The text shown for NaN.
    public static let notANumber = "n/a"

    /// `value` with exactly `decimals` decimals (negative counts as 0), no grouping.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals, shift: 0)
    }

    /// A fraction as a percentage: `percent(0.8712, decimals: 1)` → `87.1%`.
    ///
    /// The scaling by 100 is done on the decimal digits, so it adds no
    /// floating-point error.
    public static func percent(_ fraction: Double, decimals: Int) -> String {
        let number = fixed(fraction, decimals: decimals, shift: 2)
        return fraction.isFinite ? number + "%" : number
    }

    /// An integer with `,` thousands separators: `-28155` → `-28,155`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A short label for axes and bins: at most 4 significant digits, no
    /// trailing zeros. Magnitudes from 10,000 use `k`, `M`, `B`, `T`;
    /// magnitudes below 0.001 and from 10¹⁵ use `e` notation.
    ///
    /// `0.25` → `0.25`, `1234` → `1234`, `28155` → `28.16k`,
    /// `1234567` → `1.235M`, `0.00012345` → `1.235e-4`.
    public static func compact(_ value: Double) -> String {
        if let special = special(value) { return special }
        var decimal = _DecimalDigits(magnitudeOf: value)
        decimal.round(significantDigits: 4)
        guard !decimal.isZero else { return "0" }
        let sign = value < 0 ? "-" : ""
        let position = decimal.pointPosition
        if position > 4 {
            let group = (position - 1) / 3
            let suffixes = ["", "k", "M", "B", "T"]
            if group < suffixes.count {
                decimal.shift(by: -3 * group)
                return sign + decimal.plain(fractionDigits: decimal.fractionDigitsNeeded) + suffixes[group]
            }
            return sign + scientific(decimal)
        }
        if position < -2 { return sign + scientific(decimal) }
        return sign + decimal.plain(fractionDigits: decimal.fractionDigitsNeeded)
    }

    /// A p-value: 4 decimals from 0.0001, 3 significant digits in `e` notation below that, and
    /// `< 1e-16` below 10⁻¹⁶ (where double precision no longer tells values apart), so a
    /// tiny p-value never prints as `0.0000`.
    ///
    /// `0.0312` → `0.0312`, `0.0000123` → `1.23e-5`, `0` → `< 1e-16`.
    public static func pValue(_ value: Double) -> String {
        if let special = special(value) { return special }
        if value < 1e-16 { return "< 1e-16" }
        if value >= 1e-4 { return fixed(value, decimals: 4) }
        var decimal = _DecimalDigits(magnitudeOf: value)
        decimal.round(significantDigits: 3)
        return scientific(decimal)
    }

    /// A chart value: integral values as `integer`, others as `compact`.
    static func chartValue(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value.magnitude < 1e15 {
            return integer(Int(value))
        }
        return compact(value)
    }

    private static func fixed(_ value: Double, decimals: Int, shift: Int) -> String {
        if let special = special(value) { return special }
        let decimals = max(0, decimals)
        var decimal = _DecimalDigits(magnitudeOf: value)
        decimal.shift(by: shift)
        decimal.round(fractionDigits: decimals)
        let text = decimal.plain(fractionDigits: decimals)
        return value < 0 && !decimal.isZero ? "-" + text : text
    }

    private static func scientific(_ decimal: _DecimalDigits) -> String {
        var mantissa = decimal
        let exponent = decimal.pointPosition - 1
        mantissa.shift(by: -exponent)
        return mantissa.plain(fractionDigits: mantissa.fractionDigitsNeeded) + "e" + String(exponent)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return notANumber }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        return nil
    }
}
