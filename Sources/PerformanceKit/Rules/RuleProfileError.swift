/// Why a rule profile file could not be used: every problem found in it, each with the JSON path of the bad key.
public struct RuleProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the profile: the same kinds of problem as in an evaluation file.
    package typealias Problem = EvaluationFileError.Problem

    /// Every problem, in file order.
    public var problems: [EvaluationFileError.Problem]

    /// Creates the error from the problems found.
    package init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line, with its line and column.
    public var description: String {
        problems.map { problem in
            problem.location == .unknown ? problem.description : "\(problem.location): \(problem.description)"
        }.joined(separator: "\n")
    }
}
