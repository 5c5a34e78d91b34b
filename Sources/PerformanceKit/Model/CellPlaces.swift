/// Where the fields of an evaluation read from a spreadsheet stand: `row 8, column 6`, so that a finding names the
/// cell a user can find in the sheet, not only its JSON path.
///
/// A path without a cell of its own (a row's `reason` when the sheet has no reason column) takes the row of the
/// nearest path above it that has one: `indicators[3].reason` → `row 8`.
package struct CellPlaces: Sendable, Equatable {
    /// One cell: its row, and its column when the field has one (1-based, as spreadsheets count).
    package struct Cell: Sendable, Equatable {
        package var row: Int
        package var column: Int?
    }

    var cells: [JSONPath: Cell] = [:]
    /// The sheet, when the table is one sheet of a workbook: places are then named as the spreadsheet names them.
    package var sheet: String?
    /// Whether the table was read from text (a disclosure): places are then its lines, and the columns, which the
    /// text does not have, are not named.
    package var isText = false

    /// No places: a JSON file, whose paths are its own.
    package init() {}

    /// Makes room for `count` more places at once, so that recording a table's rows does not grow the table of
    /// places again and again (rehashing every path each time was a tenth of the time of reading a spreadsheet).
    mutating func reserveCapacity(more count: Int) {
        cells.reserveCapacity(cells.count + count)
    }

    /// Records where `path` stands.
    mutating func record(_ path: JSONPath, row: Int, column: Int? = nil) {
        cells[path] = Cell(row: row, column: column)
    }

    /// The cell of `path`, or of the nearest path above it with one (its column then unknown).
    package func cell(of path: JSONPath) -> Cell? {
        if let exact = cells[path] { return exact }
        var components = path.components
        while !components.isEmpty {
            components.removeLast()
            if let above = cells[JSONPath(components)] { return Cell(row: above.row, column: nil) }
        }
        return nil
    }

    /// `row 8, column 6 (indicators[0].target)` for a path in the table, `自评表!F8 (indicators[0].target)`
    /// in a workbook, `line 3290 (indicators[0].target)` in a disclosure's text; the path alone otherwise.
    package func describe(_ path: JSONPath) -> String {
        guard let cell = cell(of: path) else { return path.description }
        if isText { return "line \(cell.row) (\(path))" }
        if let sheet {
            let place = cell.column.map { "\(sheet)!\(Self.letters($0))\(cell.row)" } ?? "\(sheet), row \(cell.row)"
            return "\(place) (\(path))"
        }
        let place = cell.column.map { "row \(cell.row), column \($0)" } ?? "row \(cell.row)"
        return "\(place) (\(path))"
    }

    /// A finding as reports and messages print it, at its place: `error[empty-target] 自评表!E21
    /// (indicators[3].target): the target is empty`; with no places, at its path (``Diagnostic/description``).
    package func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)] \(describe(diagnostic.path)): \(diagnostic.message)"
    }

    /// `D`, `AA`: a 1-based column as a spreadsheet names it.
    static func letters(_ column: Int) -> String {
        var column = column
        var letters: [Character] = []
        while column > 0 {
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8((column - 1) % 26))), at: 0)
            column = (column - 1) / 26
        }
        return String(letters)
    }
}
