import Foundation
import MLEngine
import Testing
@testable import labbook

@Suite("labbook predict")
struct PredictCommandTests {
    @Test("the CSV's probabilities equal the in-process batch predictions bit for bit", arguments: [ModelKind.gradientBoosting, .logisticRegression, .randomForest])
    func bitForBit(kind: ModelKind) throws {
        let fixture = try ServingFixture(kind: kind)
        defer { fixture.remove() }
        let command = try PredictCommand.parse(["income@production", "--input", fixture.csv, "--registry", fixture.registry.root, "--keep", "id"])
        let lines = try command.predictions().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["id", "prediction", "probability"])
        let (model, _) = try fixture.registry.load(name: "income", version: 1)
        let frame = try CSVReader.read(path: fixture.csv).frame
        let expected = try model.predictOutputs(frame)
        let written = lines.dropFirst().compactMap { Double($0[2]) }
        #expect(written.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(lines.dropFirst().map { $0[1] } == (try model.predictLabels(frame)))
        #expect(lines.dropFirst().map { $0[0] } == (0..<150).map { "r\($0)" })
    }

    @Test("--output replaces the file atomically and leaves no temporary file")
    func output() throws {
        let fixture = try ServingFixture()
        defer { fixture.remove() }
        let output = fixture.root + "/preds.csv"
        try "old".write(toFile: output, atomically: true, encoding: .utf8)
        let command = try PredictCommand.parse([
            "income@1", "--input", fixture.csv, "--output", output, "--registry", fixture.registry.root, "--keep", "id",
        ])
        try command.run()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("id,prediction,probability\nr0,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test("bad rows stop with rows.csv:LINE and what is wrong")
    func errors() throws {
        let fixture = try ServingFixture()
        defer { fixture.remove() }
        func failure(_ csv: String, keep: [String] = []) throws -> String {
            let path = fixture.root + "/bad.csv"
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            let command = try PredictCommand.parse(["income@production", "--input", path, "--registry", fixture.registry.root] + keep.flatMap { ["--keep", $0] })
            do {
                _ = try command.predictions()
                return ""
            } catch {
                return "\(error)"
            }
        }
        let path = fixture.root + "/bad.csv"
        #expect(try failure("age,hours,color\n30,40,red\n31,41,purple\n") == #"\#(path):3: field "color": "purple" is not a category the model saw in training"#)
        #expect(try failure("age,hours,color\n30,40,red\n31,,red\n").hasPrefix(#"\#(path):3: field "hours": "#))
        #expect(try failure("age,hours,color\n30,forty,red\n").hasPrefix("\(path):2: "))
        #expect(try failure("age,hours,colour\n30,40,red\n").hasPrefix(#"\#(path):1: column "colour" is not a feature"#))
        #expect(try failure("age,color\n30,red\n").hasPrefix(#"\#(path):2: field "hours": "#))
        #expect(try failure("id,age,hours,color\nx,30,40,red\n", keep: ["id"]) == "")
        #expect(try failure("age,hours,color\n30,40,red\n", keep: ["id"]).hasPrefix("\(path):1: --keep id"))
    }
}
