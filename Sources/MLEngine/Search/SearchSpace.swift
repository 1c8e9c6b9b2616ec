/// One searched hyperparameter: its name, its domain and where a low-cost search starts.
public struct SearchDimension: Sendable, Equatable {
    /// The parameter's notebook name (`learning_rate`).
    public var name: String
    public var domain: SearchDomain
    /// The cheap value a cost-frugal search (``SearchStrategy/auto``) starts from, e.g. few
    /// iterations and few leaves; `nil` starts from the domain's middle.
    public var start: ParameterValue?

    public init(name: String, domain: SearchDomain, start: ParameterValue? = nil) {
        self.name = name
        self.domain = domain
        self.start = start
    }
}

/// The hyperparameters searched for one model kind, and the ones held fixed.
///
/// ```swift
/// let space = SearchSpace(model: .gradientBoosting, dimensions: [
///     SearchDimension(name: "learning_rate", domain: .real(low: 0.01, high: 0.3, log: true)),
///     SearchDimension(name: "max_leaf_nodes", domain: .integer(low: 8, high: 256, log: true)),
/// ])
/// space.parameters(atUnit: [0.5, 0.5])  // learning_rate 0.0548, max_leaf_nodes 45
/// ```
public struct SearchSpace: Sendable, Equatable {
    public var model: ModelKind
    /// The searched parameters, in the order written (samplers visit them in this order).
    public var dimensions: [SearchDimension]
    /// Parameters every trial uses unchanged.
    public var fixed: [String: ParameterValue]

    public init(model: ModelKind, dimensions: [SearchDimension], fixed: [String: ParameterValue] = [:]) {
        self.model = model
        self.dimensions = dimensions
        self.fixed = fixed
    }

    /// The number of grid points with `points` values per numeric dimension.
    public func gridSize(points: Int) -> Int {
        dimensions.reduce(1) { product, dimension in
            let (result, overflow) = product.multipliedReportingOverflow(by: dimension.domain.gridValues(points: points).count)
            return overflow ? Int.max : result
        }
    }

    /// The full parameter set of a point of the unit cube (one coordinate per dimension).
    public func parameters(atUnit point: [Double]) -> [String: ParameterValue] {
        var parameters = fixed
        for (dimension, u) in zip(dimensions, point) { parameters[dimension.name] = dimension.domain.value(atUnit: u) }
        return parameters
    }

    /// The unit-cube point of a parameter set (the middle of a dimension whose value is absent
    /// or outside its domain).
    public func unitPoint(of parameters: [String: ParameterValue]) -> [Double] {
        dimensions.map { dimension in parameters[dimension.name].flatMap { dimension.domain.unit(of: $0) } ?? 0.5 }
    }

    /// The low-cost starting point: each dimension's ``SearchDimension/start``, else its middle.
    public var startPoint: [Double] {
        dimensions.map { dimension in dimension.start.flatMap { dimension.domain.unit(of: $0) } ?? 0.5 }
    }

    /// Checks that every dimension names a parameter of the model, that its bounds or choices
    /// are values the parameter accepts, and that no parameter is both fixed and searched.
    /// - Throws: ``ModelError`` naming the parameter.
    public func validate() throws(ModelError) {
        let names = ModelParameters.parameterNames(for: model)
        var seen: Set<String> = []
        for dimension in dimensions {
            guard names.contains(dimension.name) else {
                throw ModelError("`\(model.rawValue)` has no parameter `\(dimension.name)`; its parameters: " + names.joined(separator: ", "))
            }
            guard seen.insert(dimension.name).inserted else { throw ModelError("`\(dimension.name)` is searched twice") }
            if fixed[dimension.name] != nil {
                throw ModelError("`\(dimension.name)` is both fixed in `params` and searched; keep one")
            }
            do throws(ModelError) {
                try dimension.domain.validate()
                for value in dimension.domain.gridValues(points: 2) {
                    try ModelParameters.validate(kind: model, params: [dimension.name: value])
                }
            } catch {
                throw ModelError("`\(dimension.name)`: \(error.message)")
            }
        }
        try ModelParameters.validate(kind: model, params: fixed)
    }
}
