import Reports
import Testing

@Suite("NumberFormat")
struct NumberFormatTests {
    @Test("fixed rounds half away from zero on the decimal digits", arguments: [
        (0.87125, 4, "0.8713"),
        (2.675, 2, "2.68"),
        (1.005, 2, "1.01"),
        (0.125, 2, "0.13"),
        (-0.125, 2, "-0.13"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (9.9999, 3, "10.000"),
        (999.95, 1, "1000.0"),
        (0.0004, 3, "0.000"),
        (0.0005, 3, "0.001"),
        (0.00005, 3, "0.000"),
        (123.0, 2, "123.00"),
        (1e-7, 4, "0.0000"),
        (1.5e20, 1, "150000000000000000000.0"),
        (0.1 + 0.2, 2, "0.30"),
        (42, -1, "42"),
    ] as [(Double, Int, String)])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test("fixed never prints negative zero")
    func negativeZero() {
        #expect(NumberFormat.fixed(-0.0, decimals: 4) == "0.0000")
        #expect(NumberFormat.fixed(-0.00001, decimals: 4) == "0.0000")
        #expect(NumberFormat.fixed(0, decimals: 0) == "0")
        #expect(NumberFormat.compact(-0.0) == "0")
    }

    @Test("NaN and infinities")
    func specialValues() {
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "n/a")
        #expect(NumberFormat.fixed(.infinity, decimals: 2) == "∞")
        #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-∞")
        #expect(NumberFormat.compact(.nan) == "n/a")
        #expect(NumberFormat.percent(.infinity, decimals: 1) == "∞")
        #expect(TableCell.number(.nan, decimals: 3).formatted == "n/a")
    }

    @Test("integer uses thousands separators", arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (28155, "28,155"),
        (-28155, "-28,155"), (1_234_567, "1,234,567"), (-100, "-100"),
        (Int.min, "-9,223,372,036,854,775,808"),
    ])
    func integer(value: Int, expected: String) {
        #expect(NumberFormat.integer(value) == expected)
    }

    @Test("percent scales on the decimal digits")
    func percent() {
        #expect(NumberFormat.percent(0.8712, decimals: 1) == "87.1%")
        #expect(NumberFormat.percent(0.285, decimals: 0) == "29%")
        #expect(NumberFormat.percent(1, decimals: 0) == "100%")
        #expect(NumberFormat.percent(-0.0001, decimals: 1) == "0.0%")
    }

    @Test("compact keeps at most 4 significant digits", arguments: [
        (0.0, "0"), (1.0, "1"), (0.25, "0.25"), (0.2000, "0.2"), (0.6000000000000001, "0.6"),
        (12.5, "12.5"), (1234.0, "1234"), (1234.5, "1235"), (9999.0, "9999"), (9999.5, "10k"),
        (28155.0, "28.16k"), (-28155.0, "-28.16k"), (1_234_567.0, "1.235M"), (999_999.0, "1M"),
        (2.5e9, "2.5B"), (1e15, "1e15"), (0.001, "0.001"), (0.00012345, "1.235e-4"), (-3.14159, "-3.142"),
    ] as [(Double, String)])
    func compact(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test("table cells format through NumberFormat")
    func cells() {
        #expect(TableCell.integer(28155).formatted == "28,155")
        #expect(TableCell.number(0.87123, decimals: 4).formatted == "0.8712")
        #expect(TableCell.percent(0.5, decimals: 1).formatted == "50.0%")
        #expect(TableCell.missing.formatted == "—")
        #expect(TableCell.text("a|b").formatted == "a|b")
    }
}

@Suite struct PValueFormatTests {
    @Test("p-values never print as 0.0000")
    func pValues() {
        #expect(NumberFormat.pValue(0.0312) == "0.0312")
        #expect(NumberFormat.pValue(0.0001) == "0.0001")
        #expect(NumberFormat.pValue(0.0000123) == "1.23e-5")
        #expect(NumberFormat.pValue(3.456e-12) == "3.46e-12")
        #expect(NumberFormat.pValue(0) == "< 1e-16")
        #expect(NumberFormat.pValue(1e-300) == "< 1e-16")
        #expect(NumberFormat.pValue(1) == "1.0000")
    }
}
