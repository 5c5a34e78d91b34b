/// A cell's A1 reference: `D7` is row 7, column 4 (both 1-based, as spreadsheets count).
struct CellReference: Equatable {
    var row: Int
    var column: Int

    /// `D7`, `AA10`; `nil` for anything else (a reference with `$`, a range, an empty string).
    init?(_ text: String) {
        var column = 0
        var row = 0
        var seenDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default: return nil
            }
            guard column <= 16_384, row <= 1_048_576 else { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.row = row
        self.column = column
    }

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `D7`.
    var text: String { CellPlaces.letters(column) + String(row) }
}
