/// Why a spreadsheet table (CSV or TSV) could not be read: every problem, each with its row and column.
package struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the table.
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line of the file the row starts on.
        package var row: Int
        /// The 1-based column, when the problem is in one cell.
        package var column: Int?
        /// What is wrong, in words.
        package var message: String

        /// Creates a problem.
        package init(row: Int, column: Int?, message: String) {
            self.row = row
            self.column = column
            self.message = message
        }

        /// `row 7, column 4: …`.
        package var description: String {
            "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
        }
    }

    /// Every problem, in file order.
    package var problems: [Problem]

    /// Creates an error from its problems.
    package init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line.
    package var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
