import Testing
@testable import MLEngine

@Suite("Search domains and spaces")
struct SearchDomainTests {
    @Test("a log range of reals maps its geometric middle to 0.5 and back")
    func logReal() throws {
        let domain = SearchDomain.real(low: 0.01, high: 1, log: true)
        let middle = try #require(domain.value(atUnit: 0.5).doubleValue)
        #expect(abs(middle - 0.1) < 1e-12)
        #expect(abs((domain.unit(of: .double(0.1)) ?? -1) - 0.5) < 1e-12)
        #expect(domain.value(atUnit: 0) == .double(0.01))
        #expect(domain.value(atUnit: 1) == .double(1))
        #expect(domain.unit(of: .double(2)) == nil)
    }

    @Test("every integer of a range owns an equal share of the unit interval")
    func integerShares() {
        let domain = SearchDomain.integer(low: 1, high: 4, log: false)
        #expect(domain.value(atUnit: 0) == .int(1))
        #expect(domain.value(atUnit: 0.2) == .int(1))
        #expect(domain.value(atUnit: 0.3) == .int(2))
        #expect(domain.value(atUnit: 0.99) == .int(4))
        #expect(domain.unit(of: .int(1)) == 0.125)
        #expect(domain.unit(of: .int(4)) == 0.875)
        for value in 1...4 {
            #expect(domain.value(atUnit: domain.unit(of: .int(value)) ?? 0) == .int(value))
        }
    }

    @Test("grid values spread evenly on the range's scale, duplicates removed")
    func grid() {
        #expect(SearchDomain.integer(low: 1, high: 3, log: false).gridValues(points: 5) == [.int(1), .int(2), .int(3)])
        #expect(SearchDomain.integer(low: 1, high: 10_000, log: true).gridValues(points: 5)
            == [.int(1), .int(10), .int(100), .int(1000), .int(10_000)])
        #expect(SearchDomain.real(low: 0, high: 1, log: false).gridValues(points: 3) == [.double(0), .double(0.5), .double(1)])
        #expect(SearchDomain.choice([.string("l1"), .string("l2")]).gridValues(points: 9).count == 2)
    }

    @Test("a space rejects unknown parameters, bad bounds and values the model refuses")
    func validation() {
        #expect(throws: ModelError.self) {
            try SearchSpace(model: .decisionTree, dimensions: [SearchDimension(name: "depth", domain: .integer(low: 1, high: 3, log: false))]).validate()
        }
        #expect(throws: ModelError.self) {
            try SearchSpace(model: .decisionTree, dimensions: [SearchDimension(name: "max_depth", domain: .integer(low: 5, high: 3, log: false))]).validate()
        }
        #expect(throws: ModelError.self) {
            try SearchSpace(model: .decisionTree, dimensions: [SearchDimension(name: "max_depth", domain: .integer(low: 0, high: 3, log: false))]).validate()
        }
        #expect(throws: ModelError.self) {
            try SearchSpace(model: .gradientBoosting, dimensions: [SearchDimension(name: "learning_rate", domain: .real(low: 0, high: 1, log: true))]).validate()
        }
        #expect(throws: ModelError.self) {
            try SearchSpace(model: .decisionTree, dimensions: [SearchDimension(name: "max_depth", domain: .integer(low: 1, high: 3, log: false))],
                            fixed: ["max_depth": .int(2)]).validate()
        }
    }

    @Test("every model kind's default space is valid and its start point lies inside it")
    func defaults() throws {
        for kind in ModelKind.allCases {
            let space = SearchSpace.defaults(for: kind)
            try space.validate()
            #expect(!space.dimensions.isEmpty)
            for (dimension, u) in zip(space.dimensions, space.startPoint) {
                let value = dimension.domain.value(atUnit: u)
                switch (value, dimension.start) {
                case (.double(let x), .double(let y)?): #expect(abs(x - y) <= 1e-12 * max(abs(y), 1), "\(kind) \(dimension.name)")
                default: #expect(value == dimension.start, "\(kind) \(dimension.name)")
                }
            }
        }
        #expect(SearchSpace.defaults(for: .gradientBoosting, fixed: ["max_iter": .int(50)]).dimensions.allSatisfy { $0.name != "max_iter" })
    }
}
