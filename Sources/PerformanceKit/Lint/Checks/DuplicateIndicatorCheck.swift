import Foundation

/// The same indicator twice in one table: the same name (ignoring spaces and punctuation), reported on the later row.
public struct DuplicateIndicatorCheck: LintCheck {
    /// The code of the check's findings.
    public var code: Diagnostic.Code { .duplicateIndicator }
    /// What the check looks for.
    public var summary: String { "no indicator twice in one table" }

    /// Creates the check.
    public init() {}

    /// The check's findings on one table.
    public func check(_ table: LintTable) -> [Diagnostic] {
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
