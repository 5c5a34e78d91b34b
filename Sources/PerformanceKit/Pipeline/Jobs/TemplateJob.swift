/// `perfscore template`: the blank official form of a rule profile, to fill in: a workbook, or CSV.
package struct TemplateJob {
    /// The formats it prints, its default first, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.xlsx, "the blank form as a workbook (needs -o, or standard output redirected)"),
        (.csv, "the blank form as CSV, to open in a spreadsheet"),
    ]

    package var profile: RuleProfile
    /// `xlsx` or `csv`.
    package var format: OutputFormat
    /// The year the title names; a blank for it when `nil`.
    package var year: Int?

    package init(profile: RuleProfile, format: OutputFormat, year: Int?) {
        self.profile = profile
        self.format = format
        self.year = year
    }

    package func run() -> JobOutput {
        let form: JobOutput.Report = format == .csv ? .text(FormTemplate.csv(for: profile, year: year))
                                                    : .workbook(FormTemplate.workbook(for: profile, year: year))
        return JobOutput(form, status: .success)
    }
}
