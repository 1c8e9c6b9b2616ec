extension NumberFormat {
    /// A byte count in binary units with one decimal (`812 B`, `1.6 KiB`, `26.7 MiB`).
    public static func bytes(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : fixed(value, decimals: 1) + " " + units[unit]
    }

    /// A short duration in the unit that suits it (`812.0 µs`, `3.2 ms`, `1.24 s`).
    public static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) * 1e-18
        if value < 1e-3 { return fixed(value * 1e6, decimals: 1) + " µs" }
        if value < 1 { return fixed(value * 1e3, decimals: 1) + " ms" }
        return fixed(value, decimals: 2) + " s"
    }

    /// Seconds shown as microseconds with two decimals (`5.15 µs`), for per-row latencies.
    public static func microseconds(_ seconds: Double) -> String {
        fixed(seconds * 1e6, decimals: 2) + " µs"
    }
}
