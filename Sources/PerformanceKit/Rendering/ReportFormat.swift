/// The forms a score card is rendered in: what `perfscore --format` offers.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// The table laid out as the published one, for a terminal, with where points were lost and why.
    case text
    /// The result of FORMAT.md §4 (`perfscore-result/1`).
    case json
    /// The table for a document.
    case markdown
    /// One row per indicator with its explanation (RFC 4180).
    case csv
    /// One self-contained page that reproduces the published table.
    case html
}

extension ScoreCard {
    /// The score card rendered in `format`.
    ///
    /// ```swift
    /// let page = try Evaluator().evaluate(bytes).report(as: .html)
    /// ```
    ///
    /// - Parameter file: the path the evaluation was read from, shown in the text report and the JSON result.
    public func report(as format: ReportFormat, file: String? = nil) -> String {
        switch format {
        case .text: return TextReport().render(self, file: file)
        case .json: return JSONReport.text(self, file: file) + "\n"
        case .markdown: return MarkdownReport.render(self)
        case .csv: return CSVReport.render(self)
        case .html: return HTMLReport.render(self)
        }
    }
}
