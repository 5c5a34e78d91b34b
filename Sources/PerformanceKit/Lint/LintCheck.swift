import Foundation

/// One check of a target table or an evaluation before it is filed: a stable code, and the findings it makes.
///
/// Every check sees the whole table and returns all it finds; none stops the others (``Linter``).
package protocol LintCheck: Sendable {
    /// The stable code of the check's findings (`declared-total`).
    var code: Diagnostic.Code { get }
    /// What the check looks for, in one line, for `perfscore lint --list`.
    var summary: String { get }
    /// The findings on one table.
    func check(_ table: LintTable) -> [Diagnostic]
}

/// A table as the checks see it: the evaluation, its rule profile, and each row's target already read.
package struct LintTable: Sendable {
    /// The name the table is reported under (a file path).
    package var name: String
    /// The table's rows and figures.
    package var evaluation: Evaluation
    /// The rule the table is checked against (its points, its direction rule).
    package var profile: RuleProfile
    /// Each row's target, read once: a value, or why it cannot be read.
    package var targets: [Result<IndicatorValue, NotationError>]
    /// Whether every row carries points (a department table may carry none).
    package var hasWeights: Bool

    /// Prepares a table for the checks, reading every row's target once.
    ///
    /// - Parameters:
    ///   - name: what the findings are reported under, usually the file's path.
    ///   - evaluation: the table.
    ///   - profile: the rule it is checked against.
    ///   - hasWeights: `false` when the table's rows carry no points (the point checks then stay silent).
    package init(name: String, evaluation: Evaluation, profile: RuleProfile, hasWeights: Bool = true) {
        self.name = name
        self.evaluation = evaluation
        self.profile = profile
        self.hasWeights = hasWeights
        self.targets = evaluation.indicators.map { indicator in
            Result { () throws(NotationError) -> IndicatorValue in try IndicatorValue(parsing: indicator.target) }
        }
    }

    /// A table as read, checked against `override`, else against the profile it names (wuhan-2023 when it names
    /// none); `nil` when it names a profile that is not built in. A reading that found no points on the rows (a
    /// 部门整体 target table) keeps the point checks silent.
    package init?(name: String, read: EvaluationReader.Result, override: RuleProfile?) {
        guard let profile = override ?? RuleProfile.builtIn(read.evaluation.rules ?? RuleProfile.defaultID) else { return nil }
        self.init(name: name, evaluation: read.evaluation, profile: profile, hasWeights: !read.warnings.contains { $0.code == .noWeight })
    }

    /// Whether the table is a filed self-evaluation: every row has its actual and the table prints scores (a row's,
    /// the budget block's or the total). Findings that a draft may still fix are errors on a filed table.
    package var isFiled: Bool {
        let indicators = evaluation.indicators
        guard !indicators.isEmpty, indicators.allSatisfy({ $0.actual != nil }) else { return false }
        let published = evaluation.published
        return indicators.contains { $0.published != nil } || published?.total != nil || published?.budget != nil
    }

    /// The path of row `index`.
    package func path(_ index: Int) -> JSONPath {
        JSONPath.root.appending("indicators").appending(index)
    }

    /// The rows with their index and parsed target.
    package var rows: [(index: Int, indicator: Indicator, target: IndicatorValue?)] {
        evaluation.indicators.enumerated().map { index, indicator in
            (index, indicator, try? targets[index].get())
        }
    }
}
