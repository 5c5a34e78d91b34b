/// What `perfscore lint` prints: per table, a count by severity and every finding with its code and path.
public enum LintReport {
    /// `p.json: 2 errors, 3 warnings, 1 note` and then one line per finding.
    public static func text(_ report: Linter.Report) -> String {
        let counts = [Diagnostic.Severity.error, .warning, .note].compactMap { severity -> String? in
            let count = report.findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        var lines = ["\(report.name): " + (counts.isEmpty ? "no findings" : counts.joined(separator: ", "))]
        lines += report.findings.map { "  \($0.severity.rawValue)[\($0.code)] \($0.path): \($0.message)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{ "file", "errors", "warnings", "notes", "diagnostics" }`.
    public static func json(_ report: Linter.Report) -> JSONValue {
        func count(_ severity: Diagnostic.Severity) -> JSONValue {
            .number(String(report.findings.filter { $0.severity == severity }.count))
        }
        return .object([
            .init(key: "file", value: .string(report.name)),
            .init(key: "errors", value: count(.error)),
            .init(key: "warnings", value: count(.warning)),
            .init(key: "notes", value: count(.note)),
            .init(key: "diagnostics", value: .array(report.findings.map(JSONReport.diagnostic))),
        ])
    }
}
