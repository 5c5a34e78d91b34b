/// Why a spreadsheet table (CSV, TSV or a workbook's sheet) could not be read: every problem, each with its row and
/// column, and its sheet in a workbook.
package struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the table.
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line of the file the row starts on, or the sheet's row number; 0 for a problem of the file
        /// as a whole (a workbook that cannot be opened).
        package var row: Int
        /// The 1-based column, when the problem is in one cell.
        package var column: Int?
        /// What is wrong, in words.
        package var message: String
        /// The sheet, in a workbook.
        package var sheet: String?
        /// Whether ``row`` is a line of a disclosure's text, whose table has no columns of its own.
        package var isLine = false

        /// Creates a problem.
        package init(row: Int, column: Int?, message: String, sheet: String? = nil) {
            self.row = row
            self.column = column
            self.message = message
            self.sheet = sheet
        }

        /// `row 7, column 4: …`; in a disclosure's text `line 3290: …`; in a workbook `自评表!D7: …` (as a spreadsheet names the cell), `自评表, row 7: …`.
        package var description: String {
            guard row > 0 else { return message }
            if isLine { return "line \(row): \(message)" }
            guard let sheet else { return "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)" }
            return (column.map { "\(sheet)!\(CellPlaces.letters($0))\(row)" } ?? "\(sheet), row \(row)") + ": \(message)"
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
