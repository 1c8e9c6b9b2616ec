/// Checks and resolves the parameters a notebook gives for a model kind.
///
/// ```swift
/// try ModelParameters.validate(kind: .decisionTree, params: ["max_depth": .int(8)])
/// ```
public enum ModelParameters {
    /// The valid parameter names of `kind`, in documentation order (for "did you mean" hints).
    public static func parameterNames(for kind: ModelKind) -> [String] {
        kind.parameters.map(\.name)
    }

    /// Checks every parameter name and value.
    /// - Throws: ``ModelError`` for an unknown name (listing the valid ones) or a value out of
    ///   range (naming the allowed values). Names are checked in sorted order, so the first
    ///   problem reported is always the same.
    public static func validate(kind: ModelKind, params: [String: ParameterValue]) throws(ModelError) {
        _ = try resolve(kind: kind, params: params)
    }

    /// The validated parameters in canonical form with every default filled in.
    ///
    /// Numbers become `.double` for real-valued parameters and `.int` for counts; words are
    /// lower-cased; a `max_depth` of `"none"` (no limit) is left out.
    /// - Throws: ``ModelError`` as ``validate(kind:params:)``.
    public static func resolve(kind: ModelKind, params: [String: ParameterValue]) throws(ModelError) -> [String: ParameterValue] {
        let specs = kind.parameters
        for name in params.keys.sorted() where !specs.contains(where: { $0.name == name }) {
            throw ModelError(
                "unknown parameter \"\(name)\" for \(kind.rawValue); valid parameters are: "
                    + parameterNames(for: kind).joined(separator: ", ")
            )
        }
        var resolved: [String: ParameterValue] = [:]
        for spec in specs.sorted(by: { $0.name < $1.name }) {
            guard let given = params[spec.name] else {
                resolved[spec.name] = spec.defaultValue
                continue
            }
            guard let canonical = spec.canonical(given) else {
                throw ModelError("parameter \"\(spec.name)\" must be \(spec.allowedValues); got \(given)")
            }
            resolved[spec.name] = canonical
        }
        return resolved
    }

    /// Brings decoded parameters back to canonical types (JSON reads `1.0` as `.int(1)`),
    /// leaving anything that does not validate untouched.
    static func canonicalized(kind: ModelKind, params: [String: ParameterValue]) -> [String: ParameterValue] {
        var result = params
        for spec in kind.parameters {
            if let value = params[spec.name], let canonical = spec.canonical(value) {
                result[spec.name] = canonical
            }
        }
        return result
    }
}
