import Testing
@testable import MLEngine

@Suite("Correlation")
struct CorrelationTests {
    typealias F = ExplorationFixtures

    // Reference (scipy 1.17.1), pairwise-complete rows:
    //   for x, y in [("a","b"),("a","c"),("b","c")]:
    //       m = ~(np.isnan(df[x]) | np.isnan(df[y]))
    //       print(st.pearsonr(df[x][m], df[y][m])[0], st.spearmanr(df[x][m], df[y][m])[0])
    static let expected: [(String, String, pearson: Double, spearman: Double)] = [
        ("a", "b", 0.5112124452071746, 0.495666150415704),
        ("a", "c", -0.08693553906218092, -0.03117264672655248),
        ("b", "c", -0.107355033151222, -0.21210187789320872),
    ]

    @Test func pairsMatchScipy() {
        let columns = ["a": F.a, "b": F.b, "c": F.c]
        for (x, y, pearson, spearman) in Self.expected {
            let (left, right) = (columns[x] ?? [], columns[y] ?? [])
            #expect(F.close(Correlation.pearson(left, right), pearson), "\(x)-\(y)")
            #expect(F.close(Correlation.spearman(left, right), spearman), "\(x)-\(y)")
            #expect(F.close(Correlation.pearson(right, left), pearson), "symmetric")
        }
    }

    // df.corr() and df.corr(method="spearman") (pandas 2.x, pairwise-complete) give the same values.
    @Test func matricesMatchScipyAndSkipCategoricals() {
        let pearson = CorrelationMatrix.pearson(F.frame)
        let spearman = CorrelationMatrix.spearman(F.frame)
        #expect(pearson.names == ["a", "b", "c"])
        #expect(spearman.names == ["a", "b", "c"])
        for (x, y, r, rho) in Self.expected {
            #expect(F.close(pearson.value(x, y), r))
            #expect(F.close(pearson.value(y, x), r))
            #expect(F.close(spearman.value(x, y), rho))
            #expect(F.close(spearman.value(y, x), rho))
        }
        #expect((0..<3).allSatisfy { pearson.values[$0][$0] == 1 && spearman.values[$0][$0] == 1 })
        #expect(pearson.value("a", "color") == nil)
    }

    // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5]) → [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]
    @Test func averageRanksForTies() {
        #expect(Correlation.averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5]) == [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5])
    }

    // Spearman of a matrix column without missing values reuses the column's ranks;
    // it must equal the pairwise computation. spearmanr([1,2,3,4,5],[5,6,7,8,7]) → 0.8207826816681233
    @Test func spearmanMatrixWithCompleteColumns() {
        let frame = DataFrame(columns: [F.numeric("x", [1, 2, 3, 4, 5]), F.numeric("y", [5, 6, 7, 8, 7])])
        #expect(F.close(CorrelationMatrix.spearman(frame).value("x", "y"), 0.8207826816681233))
    }

    @Test func undefinedCasesAreNaN() {
        #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]).isNaN)          // constant
        #expect(Correlation.spearman([1, .nan, 3], [.nan, 2, 4]).isNaN)   // fewer than 2 complete rows
        #expect(Correlation.pearson([], []).isNaN)
        let frame = DataFrame(columns: [F.numeric("k", [2, 2, 2]), F.numeric("x", [1, 2, 3])])
        let matrix = CorrelationMatrix.pearson(frame)
        #expect(matrix.values[0][0].isNaN)
        #expect(matrix.values[1][1] == 1)
        #expect(matrix == CorrelationMatrix.pearson(frame))              // nan entries compare equal
    }

    @Test func perfectCorrelationIsClamped() {
        let x = (0..<1000).map { Double($0) * 0.1 }
        #expect(Correlation.pearson(x, x.map { 3 * $0 + 1 }) <= 1)
        #expect(F.close(Correlation.pearson(x, x.map { -2 * $0 }), -1, tolerance: 1e-12))
    }
}
