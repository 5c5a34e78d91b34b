/// What `perfscore lint` prints: per table, a count by severity and every finding with its code and path.
package enum LintReport {
    /// `p.json: 2 errors, 3 warnings, 1 note` and then one line per finding.
    ///
    /// - Parameters:
    ///   - places: where the table's fields stand when it was read from a spreadsheet: findings then name the row
    ///     and column (`row 8, column 6 (indicators[0].target)`).
    ///   - title: the table's title, printed after its name when the name alone does not say which table it is
    ///     (`002.txt[lines 3287-3426] 科技研究与开发资金: 2 warnings`).
    package static func text(_ report: Linter.Report, places: CellPlaces = CellPlaces(), title: String? = nil) -> String {
        let counts = [Diagnostic.Severity.error, .warning, .note].compactMap { severity -> String? in
            let count = report.findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        var lines = ["\(report.name)\(title.map { " \($0)" } ?? ""): " + (counts.isEmpty ? "no findings" : counts.joined(separator: ", "))]
        lines += report.findings.map { "  " + places.describe($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{ "file", "errors", "warnings", "notes", "diagnostics" }`.
    package static func write(_ report: Linter.Report, into out: inout JSONOutput) {
        func count(_ severity: Diagnostic.Severity) -> Int {
            report.findings.filter { $0.severity == severity }.count
        }
        out.beginObject()
        out.key("file"); out.string(report.name)
        out.key("errors"); out.number(count(.error))
        out.key("warnings"); out.number(count(.warning))
        out.key("notes"); out.number(count(.note))
        out.key("diagnostics")
        out.beginArray()
        for finding in report.findings { JSONReport.diagnostic(finding, into: &out) }
        out.endArray()
        out.endObject()
    }
}
