import Foundation

/// Where the file gives funds by source, 资金总额 = 财政拨款 + 上年结转 + 其他资金 in each column the sources give
/// (年初预算数, 全年预算数, 全年执行数); a source that leaves a column blank counts 0 in it, as on the form.
package struct FundSourcesCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .fundsBySource }
    /// What the check looks for.
    package var summary: String { "funds by source add up to 资金总额 (财政拨款 + 上年结转 + 其他资金)" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        let budget = table.evaluation.budget
        let sources = budget.sources
        guard !sources.isEmpty else { return [] }
        let columns: [(field: String, label: String, total: ExactDecimal?, figure: (FundSource) -> ExactDecimal?)] = [
            ("initial", "年初预算数", budget.initial, \.initial),
            ("planned", "全年预算数", budget.planned, \.planned),
            ("executed", "全年执行数", budget.executed, \.executed),
        ]
        var findings: [Diagnostic] = []
        for column in columns {
            guard let total = column.total, sources.contains(where: { column.figure($0) != nil }) else { continue }
            let figures = sources.map { column.figure($0) ?? .zero }
            guard let sum = ExactDecimal.sum(figures), sum != total else { continue }
            let terms = zip(sources, figures).map { "\($0.kind.rawValue) \($1.plainText)" }.joined(separator: " + ")
            findings.append(Diagnostic(.fundsBySource, .error,
                "资金总额 \(column.label) \(total.plainText) is not \(terms) = \(sum.plainText)",
                at: JSONPath.root.appending("budget").appending(column.field)))
        }
        return findings
    }
}
