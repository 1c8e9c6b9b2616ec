/// Checks that targets fit a ``LearningTask``.
enum ClassLabels {
    /// - Throws: ``ModelError`` when a binary label is not 0 or 1, a multiclass label is not a
    ///   class index, or a regression target is not finite.
    static func validate(_ targets: [Double], task: LearningTask) throws(ModelError) {
        switch task {
        case .binary:
            guard targets.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ModelError("labels must be 0 or 1") }
        case .multiclass(let classes):
            guard classes >= 2 else { throw ModelError("a multiclass task needs at least 2 classes, got \(classes)") }
            guard targets.allSatisfy({ $0 >= 0 && $0 < Double(classes) && $0.rounded() == $0 }) else {
                throw ModelError("labels must be class indices 0 to \(classes - 1)")
            }
        case .regression:
            guard targets.allSatisfy(\.isFinite) else { throw ModelError("the target contains values that are not finite numbers") }
        }
    }
}
