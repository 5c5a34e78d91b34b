/// Why a spreadsheet table (CSV or TSV) could not be read: every problem, each with its row and column.
public struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the table.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line of the file the row starts on.
        public var row: Int
        /// The 1-based column, when the problem is in one cell.
        public var column: Int?
        /// What is wrong, in words.
        public var message: String

        /// Creates a problem.
        public init(row: Int, column: Int?, message: String) {
            self.row = row
            self.column = column
            self.message = message
        }

        /// `row 7, column 4: …`.
        public var description: String {
            "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
        }
    }

    /// Every problem, in file order.
    public var problems: [Problem]

    /// Creates an error from its problems.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
