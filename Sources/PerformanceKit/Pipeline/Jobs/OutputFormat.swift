/// The forms a job's report is printed in (`perfscore --format`): the score card's ``ReportFormat``s and a
/// workbook. Each job takes the ones that mean something for it.
package enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown
    case csv
    case html
    case xlsx
}
