/// Splits CSV (RFC 4180) or TSV text into rows of fields: quoted fields may hold separators, quotes (doubled) and
/// line breaks; lines end in LF or CRLF.
struct CSVParser {
    /// `,` or a tab.
    let separator: TableReader.Separator

    /// A row with the 1-based line it starts on.
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The rows of `text`, or the line of an unterminated quote.
    ///
    /// Split byte by byte: the separator, the quote and the line breaks are ASCII, and an ASCII byte is never part of
    /// another scalar's bytes, so each field is the text between them as it stands, whole scalars (building each
    /// field scalar by scalar was a tenth of the time of reading a table).
    func rows(_ text: String) -> Result<[Row], TableReadError> {
        var text = text
        return text.withUTF8 { rows(bytes: $0) }
    }

    private func rows(bytes: UnsafeBufferPointer<UInt8>) -> Result<[Row], TableReadError> {
        let (quote, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        let separator = self.separator == .comma ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var position = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
            rowLine = line
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inQuotes {
                if byte == quote {
                    if position < bytes.count, bytes[position] == quote {
                        field.append(quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                endField()
            case cr:
                if position < bytes.count, bytes[position] == lf { position += 1 }
                line += 1
                endRow()
            case lf:
                line += 1
                endRow()
            default:
                field.append(byte)
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
