/// Splits CSV (RFC 4180) or TSV text into rows of fields: quoted fields may hold separators, quotes (doubled) and
/// line breaks; lines end in LF or CRLF.
struct CSVParser {
    let separator: Unicode.Scalar

    /// A row with the 1-based line it starts on.
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The rows of `text`, or the line of an unterminated quote.
    func rows(_ text: String) -> Result<[Row], TableReadError> {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
            rowLine = line
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                endField()
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                line += 1
                endRow()
            case "\n":
                line += 1
                endRow()
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            return .failure(TableReadError(problems: [.init(row: quoteLine, column: fields.count + 1,
                message: "a quoted field is never closed: expected a closing '\"'")]))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return .success(rows)
    }
}
