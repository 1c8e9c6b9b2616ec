import Foundation
import NotebookFormat
import NotebookRunner
import Testing
@testable import labbook

@Suite struct CLILogicTests {
    @Test func parameterArgumentsSplitAtTheFirstEquals() throws {
        let parsed = try ParameterArgument.parse(["depth=4", "label=a=b", "empty="])
        #expect(parsed.map(\.name) == ["depth", "label", "empty"])
        #expect(parsed.map(\.value) == ["4", "a=b", ""])
        #expect(throws: (any Error).self) { try ParameterArgument.parse(["depth"]) }
        #expect(throws: (any Error).self) { try ParameterArgument.parse(["=4"]) }
    }

    @Test func theStoreOfANotebookIsTheOneItsRunsWrite() throws {
        let options = try StoreOptions.parse([])
        #expect(try options.resolve(notebook: "./notebooks/income.md") == "./notebooks/.labbook/labbook.sqlite")
        #expect(try options.resolve(notebook: "income.md") == "./.labbook/labbook.sqlite")
        let named = try StoreOptions.parse(["--store", "/tmp/runs.sqlite"])
        #expect(try named.resolve(notebook: "income.md") == "/tmp/runs.sqlite")
        // `labbook runs ./x.md` asks the store for the path `labbook run ./x.md` recorded.
        #expect(
            NotebookPaths.displayPath(for: "./notebooks/income.md")
                == NotebookPaths(notebook: "notebooks/income.md").displayPath)
    }

    @Test func atMostFiftyErrorsArePrintedThenACount() {
        let errors = (1...60).map { Diagnostic(file: "nb.md", location: SourceLocation(line: $0, column: 1), message: "bad \($0)") }
        let warning = Diagnostic(.warning, file: "nb.md", location: SourceLocation(line: 1, column: 1), message: "odd")
        let lines = DiagnosticListing.lines([warning] + errors)
        #expect(lines.count == 52)
        #expect(lines.first == "nb.md:1:1: warning: odd")
        #expect(lines[50] == "nb.md:50:1: error: bad 50")
        #expect(lines.last == "and 10 more errors")
        #expect(DiagnosticListing.lines(Array(errors.prefix(3))).count == 3)
    }

    @Test func diagnosticsStayTypedUpToTheTerminal() {
        let sweep = Diagnostic(
            file: "nb.md", location: SourceLocation(line: 1, column: 1), message: "`depth` is int, and `x` is not",
            origin: "--sweep depth=x")
        #expect(sweep.headline == "nb.md:1:1: error: --sweep depth=x: `depth` is int, and `x` is not")
        let whole = Diagnostic(file: "reports", location: nil, message: "cannot write")
        #expect(DiagnosticListing.lines([whole], severityLabel: { "<\($0.rawValue)>" }) == ["reports: <error>: cannot write"])
    }
}
