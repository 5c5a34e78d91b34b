import Foundation

/// Reads the tables out of the text of a published disclosure (决算公开 / 预算公开 converted from PDF to text): every
/// 项目支出绩效自评表 (full form), every 项目自评结果（摘要版）, every 绩效目标表, each into an evaluation that carries
/// the file and the line range it came from in `source`.
///
/// A self-evaluation is found by its title line (`…项目自评表`, `项目自评结果` over `（摘要版）`) and runs to the line
/// before the next table or part heading (`第六部分 附件`); a target table by its header (`目标名称 一级指标 …
/// 指标值确定依据`), to its last row, the lines above it naming its project.
/// Each form is turned into the same rows of cells a spreadsheet gives and read by the one table interpreter, so a
/// table reads the same whether it was saved from Excel or printed to PDF. Text inside a table that fits no cell is
/// never dropped or guessed into one: it is a warning with its line, and the table is marked incomplete.
///
/// ```swift
/// let tables = DisclosureReader().read(Array(text.utf8), file: "001.txt")
/// for table in tables { print(table.lines, table.form, try table.result.get().evaluation.title ?? "") }
/// ```
package struct DisclosureReader: Sendable {
    /// Creates a reader.
    package init() {}

    /// One table found in the text.
    package struct Table: Sendable {
        /// Which form the table is.
        package enum Form: String, Sendable {
            /// 项目支出绩效自评表 / 部门整体支出绩效自评表, every cell printed.
            case selfEvaluation = "自评表"
            /// 项目自评结果（摘要版）: a 综合得分表 and the indicators in prose.
            case summary = "摘要版"
            /// 绩效目标表 of a budget disclosure: targets only, for lint.
            case targets = "绩效目标表"
        }

        package var form: Form
        /// The first and last line of the table in the file, 1-based.
        package var lines: ClosedRange<Int>
        /// The evaluation, or why the table could not be read (each problem's row is a line of the file).
        package var result: Result<EvaluationReader.Result, TableReadError>

        /// `lines 3276-3448`.
        package var label: String { "lines \(lines.lowerBound)-\(lines.upperBound)" }
    }

    /// The tables of a disclosure, in file order; none when the text holds none.
    ///
    /// - Parameter file: the name to put in each evaluation's `source`.
    /// - Throws: ``TableReadError`` when the bytes are neither UTF-8 nor GB18030.
    package func read(_ bytes: [UInt8], file: String) throws(TableReadError) -> [Table] {
        // The PDF itself: its text has to be taken out first.
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw TableReadError(problems: [.init(row: 0, column: nil,
                message: "this is a PDF, not its text: convert it first with pdftotext -layout FILE.pdf FILE.txt (poppler-utils), then read FILE.txt")])
        }
        let text: String
        do {
            text = try TableReader.decode(bytes)
        } catch {
            throw TableReadError(problems: [.init(row: 0, column: nil, message: "the text is neither UTF-8 nor GB18030; save it as UTF-8 text")])
        }
        let lines = DisclosureLines(text).lines
        let starts = Self.tableStarts(lines)
        var tables: [Table] = []
        var previousEnd = 0
        var context = TargetTableText.Context(year: Self.documentYear(lines))
        for (offset, start) in starts.enumerated() {
            var end = offset + 1 < starts.count ? starts[offset + 1].index : Self.partEnd(lines, after: start.index)
            let result: Result<EvaluationReader.Result, TableReadError>
            var notes: [String] = []
            switch start.form {
            case .selfEvaluation where LayoutFormText.isLayout(lines[start.index..<end]):
                let text = LayoutFormText(lines[start.index..<end])
                result = Self.interpret(text.rows, unplaced: text.unplaced, requiresActuals: true)
            case .selfEvaluation:
                let text = SelfEvaluationFormText(lines[start.index..<end])
                result = Self.interpret(text.rows, unplaced: text.unplaced, requiresActuals: true)
                if let deviation = text.deviation, !text.deviationPlaced {
                    notes.append("偏差大或目标未完成原因分析 (the table's, naming no row): \(deviation)")
                }
            case .summary:
                result = SummaryFormText(lines[start.index..<end]).result
            case .targets:
                // The lines above the header up to the previous table name the project (项目名称 …).
                let text = TargetTableText(lines[start.index..<end], preamble: lines[max(previousEnd, start.index - 400)..<start.index],
                                           inherited: context)
                context = text.context
                end = max(start.index + 1, text.end)
                result = Self.interpret(text.rows, unplaced: text.unplaced, requiresActuals: false)
            }
            previousEnd = end
            let range = lines[start.index].number...lines[end - 1].number
            var table = Table(form: start.form, lines: range, result: result)
            if case .success(var read) = result {
                read.places.isText = true
                read.evaluation.source = Self.source(file: file, lines: range, form: start.form, warnings: read.warnings, notes: notes)
                table.result = .success(read)
            }
            tables.append(table)
        }
        return tables
    }

    /// The rows read by the table interpreter; each unplaced line a warning.
    static func interpret(_ rows: [CSVParser.Row], unplaced: [DisclosureLines.Line], requiresActuals: Bool)
        -> Result<EvaluationReader.Result, TableReadError> {
        do {
            var result = try TableReader(requiresActuals: requiresActuals).read(rows: rows)
            result.warnings += unplaced.map(unplacedWarning)
            return .success(result)
        } catch {
            return .failure(TableReadError(problems: error.problems
                + unplaced.map { .init(row: $0.number, column: nil, message: "text that fits no cell of the table: \($0.text)") }))
        }
    }

    /// A line inside a table that fits no cell: the table is incomplete.
    static func unplacedWarning(_ line: DisclosureLines.Line) -> Diagnostic {
        Diagnostic(.unplacedText, .warning,
                   "line \(line.number): text that fits no cell of the table, so the table may be incomplete: \(line.text)",
                   at: .root)
    }

    // MARK: - Finding the tables

    /// The year of the disclosure, from its title on the first lines (`2025 年部门预算`, `2023年度部门决算`).
    static func documentYear(_ lines: [DisclosureLines.Line]) -> Int? {
        for line in lines.prefix(30) {
            let compact = line.text.filter { !$0.isWhitespace }
            guard compact.contains("部门预算") || compact.contains("部门决算") || compact.contains("单位预算") || compact.contains("单位决算"),
                  let mark = compact.range(of: "年") else { continue }
            let digits = compact[..<mark.lowerBound].reversed().prefix(while: \.isASCIIDigit)
            if digits.count == 4, let year = Int(String(digits.reversed())) { return year }
        }
        return nil
    }

    /// Where a table starts: the first line of its title.
    struct Start {
        var index: Int
        var form: Table.Form
    }

    /// Every table's first line, in order.
    static func tableStarts(_ lines: [DisclosureLines.Line]) -> [Start] {
        var starts: [Start] = []
        for index in lines.indices {
            let text = lines[index].text.filter { !$0.isWhitespace }
            let form: Table.Form
            if TargetTableText.isHeader(lines, at: index) {
                if let last = starts.last {
                    // A header's own second line (`目标名称` over `一级指标 …`), no row between: no second table.
                    let sameHeader = last.form == .targets && index - last.index <= 8
                        && !lines[last.index..<index].contains { TargetTableText.bases.contains($0.text.cellsOfLine.last ?? "") }
                    // A self-evaluation's own indicator header.
                    let insideSelfEvaluation = last.form != .targets && index - last.index < 400 && !passedEnd(lines, from: last.index, to: index)
                    if sameHeader || insideSelfEvaluation { continue }
                }
                starts.append(Start(index: index, form: .targets))
                continue
            } else if text.hasSuffix("自评表"), !text.contains("综合得分"), text.count <= 60 {
                form = .selfEvaluation
            } else if text == "（摘要版）" || text == "(摘要版)", index > 0, lines[index - 1].text.hasSuffix("自评结果") {
                form = .summary
            } else {
                continue
            }
            // The title may begin on the lines above: `2023年度…运行费` over `项目自评表`, `…经费` over `项目自评结果`.
            var first = form == .summary ? index - 1 : index
            while first > 0, first > (starts.last?.index ?? -1) + 1,
                  titleContinues(lines[first - 1].text, into: lines[first].text), lines[first].number - lines[first - 1].number <= 4 {
                first -= 1
            }
            starts.append(Start(index: first, form: form))
        }
        return starts
    }

    /// Whether a self-evaluation that starts at `start` has ended before `index`: its 总分 or its 备注 passed, or a
    /// part heading; a target-table header inside a self-evaluation is the self-evaluation's own.
    static func passedEnd(_ lines: [DisclosureLines.Line], from start: Int, to index: Int) -> Bool {
        lines[start..<index].contains { line in
            let text = line.text.filter { !$0.isWhitespace }
            return text.hasPrefix("备注") || text.hasPrefix("三、存在") || (text.hasPrefix("第") && text.contains("部分"))
        }
    }

    /// Whether a line is the head of a title that the next line ends: `2023年度政务服务…运行费` over `项目自评表`.
    static func titleContinues(_ above: String, into title: String) -> Bool {
        let compact = title.filter { !$0.isWhitespace }
        guard compact == "项目自评表" || compact == "项目自评结果" || compact == "项目支出绩效自评表" else { return false }
        let head = above.filter { !$0.isWhitespace }
        return head.count <= 40 && !head.hasSuffix("。") && !head.contains("：") && TableReading.Metadata.year(in: head) != nil
    }

    /// The end of the last table: the next part heading (`第六部分 附件`, `附件2`), or the end of the text.
    static func partEnd(_ lines: [DisclosureLines.Line], after start: Int) -> Int {
        lines[(start + 1)...].firstIndex { line in
            let text = line.text.filter { !$0.isWhitespace }
            return text.hasPrefix("第") && text.contains("部分") && text.count <= 16
        } ?? lines.endIndex
    }

    /// `{"file": …, "lines": "3276-3448", "form": "自评表"}`, with `"incomplete": true` and the text that fits no
    /// cell when some did not, and the notes of figures the reader filled in (`notes`).
    static func source(file: String, lines: ClosedRange<Int>, form: Table.Form, warnings: [Diagnostic], notes tableNotes: [String] = []) -> RawJSON {
        var out = JSONOutput(indent: 0)
        out.beginObject()
        out.key("file"); out.string(file)
        out.key("lines"); out.string("\(lines.lowerBound)-\(lines.upperBound)")
        out.key("form"); out.string(form.rawValue)
        let unplaced = warnings.filter { $0.code == .unplacedText }
        if !unplaced.isEmpty {
            out.key("incomplete"); out.bool(true)
            out.key("unplaced"); out.beginArray()
            for warning in unplaced { out.string(warning.message) }
            out.endArray()
        }
        let notes = warnings.filter { $0.code == .reconstructedFigure }.map(\.message) + tableNotes
        if !notes.isEmpty {
            out.key("notes"); out.beginArray()
            for note in notes { out.string(note) }
            out.endArray()
        }
        out.endObject()
        return RawJSON(bytes: out.bytes)
    }
}
