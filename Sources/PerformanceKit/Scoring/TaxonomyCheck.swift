/// Findings about the taxonomy of the rows: categories outside the four, second-level names under the wrong first level.
enum TaxonomyCheck {
    static func diagnostics(for evaluation: Evaluation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, indicator) in evaluation.indicators.enumerated() {
            if !indicator.category.isStandard {
                diagnostics.append(Diagnostic(.unknownCategory, .warning,
                    "\"\(indicator.category)\" is not one of 成本指标, 产出指标, 效益指标, 满意度指标; it is scored as a category of its own",
                    at: JSONPath.indicator(index).appending("category")))
            }
            if let subcategory = indicator.subcategory, let expected = subcategory.expectedCategories,
               indicator.category.isStandard, !expected.contains(indicator.category) {
                let names = expected.map(\.rawValue).joined(separator: " or ")
                diagnostics.append(Diagnostic(.subcategoryMismatch, .warning,
                    "\(subcategory) belongs under \(names), not \(indicator.category)",
                    at: JSONPath.indicator(index).appending("subcategory")))
            }
        }
        return diagnostics
    }
}
