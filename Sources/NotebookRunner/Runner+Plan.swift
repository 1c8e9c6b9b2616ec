import Foundation
import NotebookFormat

extension Runner {
    /// A problem that stops a notebook before it is checked (an unreadable file).
    struct InputProblem: Error {
        var diagnostic: Diagnostic
    }

    /// Reads the notebook and its `--params` file, then builds the checked plan.
    static func makePlan(_ options: RunOptions) -> Result<NotebookPlan, InputProblem> {
        let source: String
        do {
            source = try NotebookSource.read(path: options.notebookPath)
        } catch {
            return .failure(InputProblem(diagnostic: Diagnostic(file: options.notebookPath, location: nil, message: "cannot read the notebook: \(error)")))
        }
        var parameterFile: ParameterFile?
        if let path = options.parameterFile {
            do {
                parameterFile = ParameterFile(path: path, source: try NotebookSource.read(path: path))
            } catch {
                return .failure(InputProblem(diagnostic: Diagnostic(file: path, location: nil, message: "cannot read the parameter file: \(error)")))
            }
        }
        return .success(
            NotebookPlan.make(
                source: source, path: options.notebookPath, overrides: options.parameterOverrides,
                parameterFile: parameterFile, allowedReads: options.allowedReads))
    }
}
