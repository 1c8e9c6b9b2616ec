import Foundation
import NotebookFormat

extension Runner {
    /// A problem that stops a notebook before it is checked (an unreadable file).
    struct InputProblem: Error {
        var diagnostic: Diagnostic
    }

    /// Reads the notebook and its `--params` file, then builds the checked plan.
    static func makePlan(_ options: RunOptions) -> Result<NotebookPlan, InputProblem> {
        guard let source = readNotebook(options.notebookPath) else {
            return .failure(InputProblem(diagnostic: Diagnostic(file: options.notebookPath, location: nil, message: "cannot read the notebook")))
        }
        var parameterFile: ParameterFile?
        if let path = options.parameterFile {
            guard let text = readNotebook(path) else {
                return .failure(InputProblem(diagnostic: Diagnostic(file: path, location: nil, message: "cannot read the parameter file")))
            }
            parameterFile = ParameterFile(path: path, source: text)
        }
        return .success(
            NotebookPlan.make(
                source: source, path: options.notebookPath, overrides: options.parameterOverrides,
                parameterFile: parameterFile, allowedReads: options.allowedReads))
    }
}
