/// Reads the YAML front matter between a first line `---` and the next `---` (or `...`).
enum FrontMatterParser {
    static func parse(lines: [Substring], log: DiagnosticLog) -> FrontMatter {
        guard lines.first?.trimmingTrailingSpaces == "---" else { return FrontMatter() }
        guard let close = lines.indices.dropFirst().first(where: {
            lines[$0].trimmingTrailingSpaces == "---" || lines[$0].trimmingTrailingSpaces == "..."
        }) else {
            log.report("the front matter starts with `---` but has no closing `---`", at: SourceLocation(line: 1, column: 1))
            return FrontMatter()
        }
        var frontMatter = FrontMatter(endLine: close + 1)
        let yaml = lines[1..<close].joined(separator: "\n")
        let placement = YAMLLoader.Placement(firstLine: 2, columnOffset: 0)
        guard let node = YAMLLoader.load(yaml, placement: placement, log: log) else { return frontMatter }
        let reader = SpecReader(
            node, directive: "front matter", at: SourceLocation(line: 1, column: 1),
            allowedKeys: FrontMatter.keys, log: log)
        frontMatter.title = reader.string("title")
        frontMatter.question = reader.string("question")
        frontMatter.metric = reader.string("metric")
        if frontMatter.metric != nil { frontMatter.metricLocation = reader.location(of: "metric") }
        frontMatter.goal = reader.string("goal")
        if let seed = reader.int("seed", range: 0...Int.max) { frontMatter.seed = UInt64(seed) }
        if let goal = frontMatter.goal, GoalExpression(goal) == nil {
            reader.error(
                "`goal` must be a comparison such as \">= 0.85\"; got `\(goal)`", at: reader.location(of: "goal"))
        }
        if frontMatter.goal != nil, frontMatter.metric == nil {
            reader.error("`goal` needs `metric` to say what it measures", at: reader.location(of: "goal"))
        }
        for entry in reader.entries("params") ?? [] {
            guard let value = parameterValue(entry.value, log: log) else { continue }
            frontMatter.parameters.append((entry.key, value))
        }
        return frontMatter
    }

    private static func parameterValue(_ node: SpecNode, log: DiagnosticLog) -> ParamValue? {
        switch node.value {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .list(let items):
            let values = items.compactMap { parameterValue($0, log: log) }
            return values.count == items.count ? .list(values) : nil
        case .null, .map:
            log.report("a parameter's default must be a number, boolean, string or list; found \(node.typeName)", at: node.location)
            return nil
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var copy = self
        while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
        return copy
    }
}
