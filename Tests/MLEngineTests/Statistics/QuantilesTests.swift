import Testing
@testable import MLEngine

@Suite("numpy quantile")
struct QuantilesTests {
    // x = np.arange(32561) * 1.5; np.quantile(x, [.1, .7, .25, .75]) → [4884.0, 34188.0, 12210.0, 36630.0]
    // (the virtual index (n − 1)·q is an exact integer, so each result is a data value)
    @Test func hitsDataValuesLikeNumpy() {
        let sorted = (0..<32_561).map { Double($0) * 1.5 }
        #expect(Quantiles.linear(sorted, 0.1) == 4884)
        #expect(Quantiles.linear(sorted, 0.7) == 34188)
        #expect(Quantiles.linear(sorted, 0.25) == 12210)
        #expect(Quantiles.linear(sorted, 0.75) == 36630)
        #expect(Quantiles.linear([], 0.5) == nil)
        // np.quantile([1, 2, 3, 4], [0, .25, .5, 1]) → [1, 1.75, 2.5, 4]
        #expect([0, 0.25, 0.5, 1].map { Quantiles.linear([1, 2, 3, 4], $0) } == [1, 1.75, 2.5, 4])
    }
}
