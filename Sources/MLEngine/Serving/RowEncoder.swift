/// A row encoder compiled from a model's fitted preprocessing: parsed JSON values go
/// straight into the model's feature vector, checked against the manifest's feature schema,
/// with no `DataFrame` and no allocation per row.
///
/// The numbers written are bit for bit those ``FeatureEncoder/transform(_:)`` writes for
/// the same values in a column.
///
/// ```swift
/// let encoder = RowEncoder(model: model, profiles: manifest.inputs)
/// var vector = [Double](repeating: 0, count: encoder.width)
/// try vector.withUnsafeMutableBufferPointer { try encoder.encode(row, row: 0, into: $0.baseAddress!) }
/// ```
public struct RowEncoder: Sendable {
    let slots: [_RowSlot]
    let slotIndex: [String: Int]
    /// The checks applied.
    public let options: RowEncoderOptions
    /// The number of encoded values per row (the model's input count).
    public let width: Int
    /// The feature names, in model order.
    public let featureNames: [String]

    /// Compiles the encoder of `model`; `profiles` (the manifest's `inputs`) say which features
    /// may be missing and which categories were seen (all may be missing when `nil`).
    public init(model: TrainedModel, profiles: [FeatureProfile]?, options: RowEncoderOptions = RowEncoderOptions()) {
        var byName: [String: FeatureProfile] = [:]
        for profile in profiles ?? [] { byName[profile.name] = profile }
        var slots: [_RowSlot] = []
        var offset = 0
        for (feature, transform) in zip(model.encoder.schema.features, model.encoder.transforms) {
            slots.append(_RowSlot(
                name: feature.name, offset: offset, transform: transform, profile: byName[feature.name],
                schemaCategories: feature.categories))
            offset += transform.outputCount
        }
        var index: [String: Int] = [:]
        for (position, slot) in slots.enumerated() { index[slot.name] = position }
        self.slots = slots
        slotIndex = index
        self.options = options
        width = offset
        featureNames = slots.map(\.name)
    }

    /// Encodes one row given as an object `{feature: value}` into `output` (``width`` values,
    /// which must be zero on entry).
    /// - Throws: ``RowError`` for an unknown field, a missing feature, a wrong type, a missing
    ///   value where training had none, or an unseen category (unless treated as missing).
    public func encode(_ object: ServingObject, row: Int, into output: UnsafeMutablePointer<Double>) throws(RowError) {
        if slots.count <= 64 {
            var seen: UInt64 = 0
            for (member, key) in object.keys.enumerated() {
                // Clients usually send the features in model order: try that before hashing.
                let position: Int
                if member < slots.count, slots[member].name == key {
                    position = member
                } else if let found = slotIndex[key] {
                    position = found
                } else {
                    if options.ignoredFields.contains(key) { continue }
                    throw unknown(key, row: row)
                }
                let bit: UInt64 = 1 << UInt64(position)
                if seen & bit != 0 { throw RowError(.badShape, field: key, row: row, "the field is given twice") }
                seen |= bit
                try write(object.values[member], slot: slots[position], row: row, into: output)
            }
            if seen != (slots.count == 64 ? UInt64.max : (1 << UInt64(slots.count)) - 1) {
                for position in slots.indices where seen & (1 << UInt64(position)) == 0 {
                    try absent(slots[position], row: row, into: output)
                }
            }
        } else {
            var seen = [Bool](repeating: false, count: slots.count)
            for (member, key) in object.keys.enumerated() {
                guard let position = slotIndex[key] else {
                    if options.ignoredFields.contains(key) { continue }
                    throw unknown(key, row: row)
                }
                if seen[position] { throw RowError(.badShape, field: key, row: row, "the field is given twice") }
                seen[position] = true
                try write(object.values[member], slot: slots[position], row: row, into: output)
            }
            for position in slots.indices where !seen[position] { try absent(slots[position], row: row, into: output) }
        }
    }

    /// The feature position of each of `columns` (-1 for an ignored column), checked once for
    /// a `columns` + `data` body.
    /// - Throws: ``RowError`` for an unknown or repeated column, or a missing feature that may not be missing.
    public func columnPositions(_ columns: [String]) throws(RowError) -> [Int] {
        var seen = [Bool](repeating: false, count: slots.count)
        var positions: [Int] = []
        positions.reserveCapacity(columns.count)
        for column in columns {
            guard let position = slotIndex[column] else {
                if options.ignoredFields.contains(column) {
                    positions.append(-1)
                    continue
                }
                throw unknown(column, row: nil)
            }
            if seen[position] { throw RowError(.badShape, field: column, "the column is listed twice") }
            seen[position] = true
            positions.append(position)
        }
        for position in slots.indices where !seen[position] && !slots[position].missingAllowed {
            throw RowError(.missingField, field: slots[position].name, "the model needs this feature, and training never saw it missing")
        }
        return positions
    }

    /// Encodes one row of a `columns` + `data` body: `values[i]` is the column at `positions[i]`.
    /// - Throws: ``RowError`` as ``encode(_:row:into:)``, or for a row of the wrong length.
    public func encode(_ values: [ServingValue], positions: [Int], row: Int, into output: UnsafeMutablePointer<Double>) throws(RowError) {
        guard values.count == positions.count else {
            throw RowError(.badShape, row: row, "expected \(positions.count) values (one per column), got \(values.count)")
        }
        var written = 0
        for (value, position) in zip(values, positions) where position >= 0 {
            try write(value, slot: slots[position], row: row, into: output)
            written += 1
        }
        if written < slots.count {
            var present = [Bool](repeating: false, count: slots.count)
            for position in positions where position >= 0 { present[position] = true }
            for position in slots.indices where !present[position] { slots[position].writeMissing(into: output) }
        }
    }

    private func unknown(_ key: String, row: Int?) -> RowError {
        RowError(.unknownField, field: key, row: row, "the model has no such feature; features are: \(FeatureEncoder.listing(featureNames))")
    }

    private func absent(_ slot: _RowSlot, row: Int, into output: UnsafeMutablePointer<Double>) throws(RowError) {
        guard slot.missingAllowed else {
            throw RowError(.missingField, field: slot.name, row: row, "the model needs this feature, and training never saw it missing")
        }
        slot.writeMissing(into: output)
    }

    @inline(__always)
    private func write(_ value: ServingValue, slot: _RowSlot, row: Int, into output: UnsafeMutablePointer<Double>) throws(RowError) {
        switch (slot.steps, value) {
        case (.numeric, .number(let number)):
            if number.isNaN {
                try missing(slot, row: row)
            } else if number.isInfinite {
                throw RowError(.wrongType, field: slot.name, row: row, "expected a finite number, got \(number)")
            }
            slot.writeNumber(number, into: output)
        case (.categorical(let positions, let seen, let missingPosition, let oneHot), .string(let text)):
            if let position = positions[text] {
                slot.writePosition(position, oneHot: oneHot, into: output)
            } else if seen.contains(text) {
                slot.writePosition(-1, oneHot: oneHot, into: output)
            } else if options.unseenCategory == .treatAsMissing {
                slot.writePosition(missingPosition, oneHot: oneHot, into: output)
            } else {
                throw RowError(
                    .unseenCategory, field: slot.name, row: row,
                    "\"\(text.prefix(80))\" is not a category the model saw in training")
            }
        case (_, .null):
            try missing(slot, row: row)
            slot.writeMissing(into: output)
        case (.numeric, _):
            throw RowError(.wrongType, field: slot.name, row: row, "expected a number, got \(value.kindDescription)")
        case (.categorical, _):
            throw RowError(.wrongType, field: slot.name, row: row, "expected a category (a string), got \(value.kindDescription)")
        }
    }

    private func missing(_ slot: _RowSlot, row: Int) throws(RowError) {
        guard slot.missingAllowed else {
            throw RowError(.missingValue, field: slot.name, row: row, "a missing value, but training never saw this feature missing")
        }
    }
}
