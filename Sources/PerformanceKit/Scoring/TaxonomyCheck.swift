/// Findings about the taxonomy of the rows: categories outside the four, second-level names under the wrong first level.
enum TaxonomyCheck {
    static func diagnostics(for evaluation: Evaluation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for index in evaluation.indicators.indices {
            // The names read in place: binding the row retains and releases its fields.
            let category = evaluation.indicators[index].category
            if !category.isStandard {
                diagnostics.append(Diagnostic(.unknownCategory, .warning,
                    "\"\(category)\" is not one of 成本指标, 产出指标, 效益指标, 满意度指标; it is scored as a category of its own",
                    at: JSONPath.indicator(index).appending("category")))
            }
            // Told from the two names' standard indices: most rows stand where they should.
            if let subcategory = evaluation.indicators[index].subcategory, subcategory.mayStand(under: category) == false,
               let expected = subcategory.expectedCategories {
                let names = expected.map(\.rawValue).joined(separator: " or ")
                diagnostics.append(Diagnostic(.subcategoryMismatch, .warning,
                    "\(subcategory) belongs under \(names), not \(category)",
                    at: JSONPath.indicator(index).appending("subcategory")))
            }
        }
        return diagnostics
    }
}
