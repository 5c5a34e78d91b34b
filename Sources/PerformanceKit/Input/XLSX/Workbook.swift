/// The sheets of an .xlsx workbook (Office Open XML SpreadsheetML, ECMA-376 Part 1 §18) as rows of the text each
/// cell shows, ready for the table interpreter that reads CSV.
///
/// What a cell shows: a shared or inline string (rich-text runs joined, phonetic guides left out); a number from its
/// stored digits (``StoredNumber``: 15 significant digits, percentages and dates as the cell's format shows them);
/// a formula cell's cached value (the formula itself is not evaluated: a cell saved without its value, as programs
/// that write workbooks without calculating them leave it, shows blank and is listed in ``Sheet/uncalculated``);
/// `TRUE` / `FALSE`; an error such as `#DIV/0!` as its text, which the interpreter then refuses as a figure.
/// A merged range holds its value in its top-left cell and blanks elsewhere, as the spreadsheet saves it to CSV; the
/// interpreter carries 一级 and 二级 down over blanks, which is what the forms merge.
///
/// Limits: every part is read through ``ZipArchive`` with at most ``partLimit`` bytes expanded, and a sheet of more
/// than ``cellLimit`` cells (counting the blanks before each filled one) is refused: a real form has a few hundred.
package struct Workbook: Sendable {
    /// One sheet: its name, whether the workbook hides it, and its rows with their 1-based row numbers.
    package struct Sheet: Sendable {
        package var name: String
        package var isHidden: Bool
        var rows: [CSVParser.Row]
        /// The cells that hold a formula but no saved value, in the order of the sheet: they read as blank.
        var uncalculated: [FormulaCell] = []
    }

    /// A cell holding a formula whose value the file does not carry (`<f>` without `<v>`): a workbook written by a
    /// program that does not calculate, such as a script; Excel, WPS and LibreOffice save the value with it.
    struct FormulaCell: Sendable, Equatable {
        /// 1-based, as spreadsheets count.
        var row: Int
        var column: Int
        /// The formula as the file writes it, without `=` (`D16*F16/E16`); empty for a cell sharing another's.
        var formula: String
    }

    /// The sheets, in the workbook's order.
    package var sheets: [Sheet]

    static let partLimit = 64 << 20
    static let cellLimit = 4_000_000

    /// Why the bytes are not a workbook this reader can open, in words.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// Reads a workbook.
    ///
    /// - Throws: ``Failure`` for a file that is not a ZIP archive (said as a web page or text when it is one), an
    ///   Excel 97–2003 `.xls`, a WPS `.et` or an encrypted workbook (OLE compound files), a damaged part, or a sheet
    ///   beyond the limits.
    package init(_ bytes: [UInt8]) throws(Failure) {
        if Self.isCompoundFile(bytes) {
            throw Failure(description: "an Excel 97–2003 (.xls), WPS (.et) or password-protected workbook, which is not read: save it as .xlsx (Excel 工作簿) without a password")
        }
        if !Self.isZipArchive(bytes), let kind = Self.textKind(bytes) {
            throw Failure(description: kind)
        }
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes) } catch { throw Failure(description: "not an .xlsx workbook: \(error)") }
        func part(_ name: String) throws(Failure) -> [UInt8]? {
            do { return try archive.contents(of: name, limit: Self.partLimit) } catch { throw Failure(description: error.description) }
        }
        func scanner(_ name: String) throws(Failure) -> XMLScanner? {
            try part(name).map(XMLScanner.init)
        }
        func parse<Value>(_ name: String, _ body: (inout XMLScanner) throws(XMLScanner.Failure) -> Value) throws(Failure) -> Value? {
            guard var scanner = try scanner(name) else { return nil }
            do { return try body(&scanner) } catch { throw Failure(description: "\(name): \(error)") }
        }

        let root = try parse("_rels/.rels", Self.relationships) ?? [:]
        let workbookPath = root.values.first { $0.type.hasSuffix("/officeDocument") }.map { Self.resolve($0.target, from: "") } ?? "xl/workbook.xml"
        let folder = workbookPath.contains("/") ? String(workbookPath[..<workbookPath.lastIndex(of: "/")!]) + "/" : ""
        guard let book = try parse(workbookPath, Self.workbook) else {
            throw Failure(description: "not an .xlsx workbook: it has no \(workbookPath)")
        }
        let relationshipsPath = folder + "_rels/" + workbookPath.dropFirst(folder.count) + ".rels"
        let links = try parse(relationshipsPath, Self.relationships) ?? [:]
        func linked(_ kind: String) -> String? {
            links.values.first { $0.type.hasSuffix(kind) }.map { Self.resolve($0.target, from: folder) }
        }
        let strings = try linked("/sharedStrings").flatMap { path throws(Failure) in try parse(path, Self.sharedStrings) } ?? []
        let styles = try linked("/styles").flatMap { path throws(Failure) in try parse(path, Self.styles) } ?? []
        var sheets: [Sheet] = []
        for entry in book.sheets {
            guard let link = links[entry.relationship], link.type.hasSuffix("/worksheet") else { continue }
            let path = Self.resolve(link.target, from: folder)
            let context = SheetContext(strings: strings, displays: styles, uses1904: book.uses1904)
            guard let cells = try parse(path, { (scanner: inout XMLScanner) throws(XMLScanner.Failure) in try Self.cells(&scanner, context) }) else {
                throw Failure(description: "sheet \(entry.name): its part \(path) is missing")
            }
            guard let cells = cells else { throw Failure(description: "sheet \(entry.name) has more than \(Self.cellLimit) cells") }
            sheets.append(Sheet(name: entry.name, isHidden: entry.isHidden, rows: cells.rows, uncalculated: cells.uncalculated))
        }
        self.sheets = sheets
    }

    /// Whether the bytes start as an OLE compound file does (`D0 CF 11 E0 A1 B1 1A E1`): an Excel 97–2003 `.xls`, a
    /// WPS `.et`, or an encrypted `.xlsx`.
    package static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Whether the bytes start as a ZIP archive does (a local file header, `PK 03 04`), as every `.xlsx` does.
    package static func isZipArchive(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// What a file named as a workbook holds when it is text, in words with what to do: systems that export
    /// tables often write a web page (HTML) or tab-separated text and name it `.xls`. `nil` for bytes that are
    /// not text.
    static func textKind(_ bytes: [UInt8]) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let start = body.prefix(512).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = start.first, first >= 0x09, !start.contains(0) else { return nil }
        let head = String(decoding: start.prefix(64), as: UTF8.self).lowercased()
        if first == UInt8(ascii: "<"), head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<table")
            || head.hasPrefix("<?xml") || head.hasPrefix("<meta") {
            return "a web page (HTML) or XML named as a workbook, as some systems export tables, not an .xlsx workbook: open it in Excel or WPS and save it as .xlsx (Excel 工作簿)"
        }
        return "text named as a workbook, not an .xlsx workbook: if it is a table saved as text, name it .csv or .tsv (or give --input csv or --input tsv); else open it in Excel or WPS and save it as .xlsx"
    }

    /// A relationship of a `.rels` part.
    struct Relationship {
        var type: String
        var target: String
    }

    /// `Target` relative to the folder of the part that names it (`worksheets/sheet1.xml` from `xl/`), or absolute
    /// (`/xl/worksheets/sheet1.xml`); `..` steps up.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    static func relationships(_ scanner: inout XMLScanner) throws(XMLScanner.Failure) -> [String: Relationship] {
        var result: [String: Relationship] = [:]
        while let event = try scanner.next() {
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"] {
                result[id] = Relationship(type: attributes["Type"] ?? "", target: attributes["Target"] ?? "")
            }
        }
        return result
    }

    /// The sheets the workbook part lists, and its date system.
    struct Book {
        var sheets: [(name: String, relationship: String, isHidden: Bool)] = []
        var uses1904 = false
    }

    static func workbook(_ scanner: inout XMLScanner) throws(XMLScanner.Failure) -> Book {
        var book = Book()
        while let event = try scanner.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let flag = attributes["date1904"] { book.uses1904 = flag == "1" || flag == "true" }
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                book.sheets.append((sheetName, id, attributes["state"] == "hidden" || attributes["state"] == "veryHidden"))
            }
        }
        return book
    }

    /// The text of `<si>`, `<is>`: its `<t>` and the `<t>` of its runs, without phonetic guides (`<rPh>`).
    static func richText(_ scanner: inout XMLScanner, closing element: String) throws(XMLScanner.Failure) -> String {
        var text = ""
        while let event = try scanner.next() {
            switch event {
            case .start("t", _, false): text += try scanner.text(of: "t")
            case .start("rPh", _, false), .start("phoneticPr", _, false): try scanner.skipElement("rPh")
            case .end(element): return text
            default: break
            }
        }
        throw XMLScanner.Failure(offset: scanner.position, reason: "the document ends inside <\(element)>")
    }

    static func sharedStrings(_ scanner: inout XMLScanner) throws(XMLScanner.Failure) -> [String] {
        var strings: [String] = []
        while let event = try scanner.next() {
            switch event {
            case .start("si", _, false): strings.append(try richText(&scanner, closing: "si"))
            case .start("si", _, true): strings.append("")
            default: break
            }
        }
        return strings
    }

    /// How each cell style (`<cellXfs>`, by index) shows numbers.
    static func styles(_ scanner: inout XMLScanner) throws(XMLScanner.Failure) -> [StoredNumber.Display] {
        var codes: [Int: String] = [:]
        var displays: [StoredNumber.Display] = []
        var inCellFormats = false
        while let event = try scanner.next() {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) { codes[id] = attributes["formatCode"] }
            case .start("cellXfs", _, let isEmpty): inCellFormats = !isEmpty
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes, _) where inCellFormats:
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                displays.append(StoredNumber.display(formatID: id, code: codes[id]))
            default: break
            }
        }
        return displays
    }

    /// What a sheet's cells need from the rest of the workbook.
    struct SheetContext {
        var strings: [String]
        var displays: [StoredNumber.Display]
        var uses1904: Bool
    }

    /// The rows of a worksheet part and its formulas saved without a value; `nil` when it has more than
    /// ``cellLimit`` cells.
    static func cells(_ scanner: inout XMLScanner, _ context: SheetContext) throws(XMLScanner.Failure) -> (rows: [CSVParser.Row], uncalculated: [FormulaCell])? {
        var rows: [CSVParser.Row] = []
        var uncalculated: [FormulaCell] = []
        var cells = 0
        var rowNumber = 0
        var fields: [String] = []
        var inRow = false
        func endRow() {
            if inRow, fields.contains(where: { !$0.isEmpty }) { rows.append(CSVParser.Row(line: rowNumber, fields: fields)) }
            fields = []
            inRow = false
        }
        while let event = try scanner.next() {
            switch event {
            case .start("row", let attributes, let isEmpty):
                endRow()
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                inRow = !isEmpty
            case .end("row"):
                endRow()
            case .start("c", let attributes, let isEmpty):
                let column = attributes["r"].flatMap(CellReference.init).map(\.column) ?? fields.count + 1
                guard column >= fields.count + 1 else {
                    throw XMLScanner.Failure(offset: scanner.position, reason: "row \(rowNumber) gives column \(column) twice or out of order")
                }
                cells += column - fields.count
                guard cells <= cellLimit else { return nil }
                var formula: String?
                let value = isEmpty ? "" : try cellText(&scanner, attributes, context, formula: &formula)
                if let formula { uncalculated.append(FormulaCell(row: rowNumber, column: column, formula: formula)) }
                fields.append(contentsOf: repeatElement("", count: column - 1 - fields.count))
                fields.append(value)
            default: break
            }
        }
        endRow()
        return (rows, uncalculated)
    }

    /// The text a cell shows, the scanner inside `<c>`; its end is consumed. `uncalculated` is set to the cell's
    /// formula when it has one but no saved value (`<f>` without `<v>`).
    static func cellText(_ scanner: inout XMLScanner, _ attributes: [String: String], _ context: SheetContext,
                         formula uncalculated: inout String?) throws(XMLScanner.Failure) -> String {
        var stored: String?
        var inline: String?
        var formula: String?
        while let event = try scanner.next() {
            switch event {
            case .start("v", _, false): stored = try scanner.text(of: "v")
            case .start("is", _, false): inline = try richText(&scanner, closing: "is")
            case .start("f", _, let isEmpty): formula = isEmpty ? "" : try scanner.text(of: "f")
            case .start(let name, _, false): try scanner.skipElement(name)
            case .end("c"):
                if let formula, stored == nil, inline == nil { uncalculated = formula }
                switch attributes["t"] ?? "n" {
                case "s":
                    guard let stored else { return "" }
                    guard let index = Int(stored.trimmingWhitespace), context.strings.indices.contains(index) else {
                        throw XMLScanner.Failure(offset: scanner.position, reason: "a shared string \(stored) the workbook does not hold")
                    }
                    return context.strings[index]
                case "inlineStr": return inline ?? stored ?? ""
                case "b": return stored.map { $0 == "1" ? "TRUE" : "FALSE" } ?? ""
                case "str", "e": return stored ?? ""
                case "d":
                    // An ISO 8601 date: its day.
                    guard let stored else { return "" }
                    let parts = stored.prefix(10).split(separator: "-").compactMap { Int($0) }
                    return parts.count == 3 ? "\(parts[0])年\(parts[1])月\(parts[2])日" : stored
                default:
                    guard let stored else { return "" }
                    let style = attributes["s"].flatMap { Int($0) } ?? 0
                    let display = context.displays.indices.contains(style) ? context.displays[style] : .general
                    return StoredNumber.text(stored, display: display, uses1904: context.uses1904)
                }
            default: break
            }
        }
        throw XMLScanner.Failure(offset: scanner.position, reason: "the document ends inside <c>")
    }
}
