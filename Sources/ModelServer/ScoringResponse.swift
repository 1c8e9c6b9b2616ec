import MLEngine

/// Writes a scoring response and its prediction-log lines.
enum ScoringResponse {
    /// `{"predictions":[…],"probabilities":[…],"model":{…},"id":"…"}`; regression has no probabilities,
    /// a multi-class model one array of class probabilities per row.
    static func body(_ scored: ScoredRows, model: LoadedModel, id: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96 + scored.rows * 32)
        out.append(contentsOf: #"{"predictions":["#.utf8)
        for row in 0..<scored.rows {
            if row > 0 { out.append(UInt8(ascii: ",")) }
            writePrediction(scored, row: row, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        if scored.task.isClassification {
            out.append(contentsOf: #","probabilities":["#.utf8)
            for row in 0..<scored.rows {
                if row > 0 { out.append(UInt8(ascii: ",")) }
                writeProbability(scored, row: row, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: #","model":"#.utf8)
        out.append(contentsOf: model.identityJSON)
        out.append(contentsOf: #","id":"#.utf8)
        ServingJSONWriter.write(id, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func writePrediction(_ scored: ScoredRows, row: Int, into out: inout [UInt8]) {
        if let label = scored.label(ofRow: row) {
            ServingJSONWriter.write(label, into: &out)
        } else {
            ServingJSONWriter.write(scored.outputs[row], into: &out)
        }
    }

    static func writeProbability(_ scored: ScoredRows, row: Int, into out: inout [UInt8]) {
        if scored.width == 1 {
            ServingJSONWriter.write(scored.outputs[row], into: &out)
            return
        }
        out.append(UInt8(ascii: "["))
        for k in 0..<scored.width {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            ServingJSONWriter.write(scored.outputs[row * scored.width + k], into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// One JSON line per row: `{"type":"prediction","id","row","time","model","version","features":{…},"prediction","probability"}`.
    static func logLines(_ scored: ScoredRows, input: ScoringInput, model: LoadedModel, id: String, time: Double) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scored.rows * 400)
        for row in 0..<scored.rows {
            out.append(contentsOf: #"{"type":"prediction","id":"#.utf8)
            ServingJSONWriter.write(id, into: &out)
            out.append(contentsOf: #","row":\#(row),"time":"#.utf8)
            out.append(contentsOf: String(time).utf8)
            out.append(contentsOf: #","model":"#.utf8)
            ServingJSONWriter.write(model.name, into: &out)
            out.append(contentsOf: #","version":\#(model.version),"features":"#.utf8)
            switch input {
            case .objects(let objects):
                ServingJSONWriter.write(.object(objects[row]), into: &out)
            case .table(let columns, let data):
                ServingJSONWriter.write(.object(ServingObject(keys: columns, values: data[row])), into: &out)
            }
            out.append(contentsOf: #","prediction":"#.utf8)
            writePrediction(scored, row: row, into: &out)
            if scored.task.isClassification {
                out.append(contentsOf: #","probability":"#.utf8)
                writeProbability(scored, row: row, into: &out)
            }
            out.append(contentsOf: "}\n".utf8)
        }
        return out
    }
}
