/// One typed table cell; renderers format it with `NumberFormat`.
public enum TableCell: Sendable, Equatable, Codable {
    /// Text, escaped on output.
    case text(String)
    /// A number with a fixed count of decimals: `.number(0.87123, decimals: 4)` → `0.8712`.
    case number(Double, decimals: Int)
    /// An integer with thousands separators: `.integer(28155)` → `28,155`.
    case integer(Int)
    /// A fraction shown as a percentage: `.percent(0.8712, decimals: 1)` → `87.1%`.
    case percent(Double, decimals: Int)
    /// No value; shown as `—`.
    case missing
    /// Text linking to `url` (a relative path such as `income--depth=3.html`); escaped on output.
    case link(String, url: String)

    /// The cell as display text, e.g. `0.8712`, `28,155`, `87.1%` or `—`.
    public var formatted: String {
        switch self {
        case .text(let text): text
        case .number(let value, let decimals): NumberFormat.fixed(value, decimals: decimals)
        case .integer(let value): NumberFormat.integer(value)
        case .percent(let value, let decimals): NumberFormat.percent(value, decimals: decimals)
        case .missing: NumberFormat.missing
        case .link(let text, _): text
        }
    }
}
