import Foundation

/// The project's own cells: 项目名称 (`title`) and 主管部门 / 单位名称 (`agency`). An empty one is an error on a filed
/// self-evaluation and a warning on a draft; an `agency` the file does not give at all is a warning on a filed
/// table only (a transcription may leave it out).
package struct ProjectFieldsCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .emptyField }
    /// What the check looks for.
    package var summary: String { "项目名称 and 主管部门 / 单位名称 are filled in" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        let filed = table.isFiled
        let severity: Diagnostic.Severity = filed ? .error : .warning
        var findings: [Diagnostic] = []
        let title = table.evaluation.title
        if title?.trimmingWhitespace.isEmpty ?? true {
            findings.append(Diagnostic(.emptyField, severity,
                title == nil ? "the table gives no 项目名称 (title)" : "项目名称 (title) is empty", at: JSONPath.root.appending("title")))
        }
        let agency = table.evaluation.agency
        if let agency, agency.trimmingWhitespace.isEmpty {
            findings.append(Diagnostic(.emptyField, severity, "主管部门 / 单位名称 (agency) is empty", at: JSONPath.root.appending("agency")))
        } else if agency == nil, filed {
            findings.append(Diagnostic(.emptyField, .warning, "the table gives no 主管部门 / 单位名称 (agency)",
                                       at: JSONPath.root.appending("agency")))
        }
        return findings
    }
}
