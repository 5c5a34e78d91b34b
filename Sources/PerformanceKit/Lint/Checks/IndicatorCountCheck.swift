import Foundation

/// More indicators in one second-level category than a reviewer accepts. Seed 001's reviewer on 30 数量指标 of 43:
/// "绩效目标应遵循'二八定律'即用少量的指标反映项目大部分的产出".
package struct IndicatorCountCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .tooManyIndicators }
    /// What the check looks for.
    package var summary: String { "at most a handful of indicators per second-level category (the 二八 rule)" }

    /// Most indicators accepted in one second-level category.
    package var most: Int

    /// Creates the check; `most` is the largest count accepted in one second-level category.
    package init(most: Int = 10) {
        self.most = most
    }

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var counts: [(IndicatorSubcategory?, IndicatorCategory, Int)] = []
        for indicator in table.evaluation.indicators {
            if let index = counts.firstIndex(where: { $0.0 == indicator.subcategory && $0.1 == indicator.category }) {
                counts[index].2 += 1
            } else {
                counts.append((indicator.subcategory, indicator.category, 1))
            }
        }
        return counts.filter { $0.2 > most }.map { subcategory, category, count in
            Diagnostic(.tooManyIndicators, .warning,
                "\(count) indicators under \(subcategory?.rawValue ?? category.rawValue) (more than \(most)): follow the 二八 rule, a few indicators that show most of the output",
                at: JSONPath.root.appending("indicators"))
        }
    }
}
