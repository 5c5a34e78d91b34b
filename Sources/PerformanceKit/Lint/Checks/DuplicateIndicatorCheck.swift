import Foundation

/// The same indicator twice in one table: the same name (ignoring spaces and punctuation), reported on the later row.
package struct DuplicateIndicatorCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .duplicateIndicator }
    /// What the check looks for.
    package var summary: String { "no indicator twice in one table" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var findings: [Diagnostic] = []
        for (index, indicator) in table.evaluation.indicators.enumerated() {
            let key = Self.normalized(indicator.name)
            if let earlier = first[key] {
                findings.append(Diagnostic(.duplicateIndicator, .warning,
                    "\(indicator.name) stands already at indicators[\(earlier)]", at: table.path(index).appending("name")))
            } else {
                first[key] = index
            }
        }
        return findings
    }

    static func normalized(_ name: String) -> String {
        String(name.filter { $0.isLetter || $0.isNumber })
    }
}
