import Foundation

/// Checks target tables and evaluations before they are filed: every check runs on every table, and none stops
/// the others.
///
/// ```swift
/// let report = Linter().lint([LintTable(name: "p.json", evaluation: evaluation, profile: .wuhan2023)])
/// for finding in report[0].findings { print(finding) }   // error[declared-total] declaredPoints: …
/// ```
public struct Linter: Sendable {
    /// The findings on one table, in the order of the rows they concern.
    public struct Report: Sendable, Equatable {
        /// The table's name, as given to the linter.
        public var name: String
        /// Every finding, table-wide ones first, then by row.
        public var findings: [Diagnostic]

        /// Whether any finding is an error.
        package var hasErrors: Bool {
            findings.contains { $0.severity == .error }
        }
    }

    /// The checks run on every table, in the order their findings are listed.
    package var checks: [any LintCheck]
    /// Fewest identical rows that make a table a copy of another linted with it.
    package var copiedRows: Int
    /// The most memory, in bytes, the copy check keeps of the tables before (``CopiedBlocks/indexBudget``).
    package var copyIndexBudget: Int

    /// Creates a linter.
    ///
    /// - Parameters:
    ///   - checks: the checks to run; every check of this version by default.
    ///   - copiedRows: the fewest identical rows that make a table a copy of another.
    ///   - copyIndexBudget: the most memory the copy check keeps of the tables before, in bytes.
    package init(checks: [any LintCheck] = Linter.standardChecks, copiedRows: Int = 3,
                 copyIndexBudget: Int = CopiedBlocks.defaultIndexBudget) {
        self.checks = checks
        self.copiedRows = copiedRows
        self.copyIndexBudget = copyIndexBudget
    }

    /// A linter that runs every check of this version.
    public init() {
        self.init(checks: Linter.standardChecks)
    }

    /// Lints target tables or evaluations, each under `profile` or, when `nil`, the built-in profile its `rules`
    /// names (``RuleProfile/defaultID`` when it names none), and the tables against each other.
    ///
    /// ```swift
    /// let reports = Linter().lint([(name: "p.json", evaluation: table)])
    /// for finding in reports[0].findings { print(finding) }   // error[declared-total] declaredPoints: …
    /// ```
    ///
    /// - Returns: one report per table, in the order given; a table whose `rules` names no known profile is linted
    ///   under ``RuleProfile/wuhan2023``.
    public func lint(_ tables: [(name: String, evaluation: Evaluation)], profile: RuleProfile? = nil) -> [Report] {
        lint(tables.map { table in
            let chosen = profile ?? table.evaluation.rules.flatMap(RuleProfile.builtIn) ?? .wuhan2023
            return LintTable(name: table.name, evaluation: table.evaluation, profile: chosen)
        })
    }

    /// Every check this version has, in the order their findings are listed.
    package static let standardChecks: [any LintCheck] = [
        PointsTotalCheck(), PointsPrecisionCheck(), MissingCategoryCheck(), TargetFormCheck(), ComparatorCategoryCheck(),
        VagueTargetCheck(), IndicatorNameCheck(), DuplicateIndicatorCheck(), TargetLoweredCheck(), IndicatorCountCheck(),
        UnmetReasonCheck(), ProjectFieldsCheck(), UnfilledCellCheck(), BlankScoreCheck(), FundSourcesCheck(),
    ]

    /// Lints each table, and the tables against each other (copied blocks).
    ///
    /// - Parameters:
    ///   - tables: the tables, in the order they were given.
    ///   - readingFindings: what reading each table found already (rows without points), by table name.
    package func lint(_ tables: [LintTable], readingFindings: [String: [Diagnostic]] = [:]) -> [Report] {
        var session = Session(self)
        return tables.map { session.report(on: $0, readingFindings: readingFindings[$0.name, default: []]) }
    }

    /// Tables linted one at a time, each against the tables before it (copied blocks), so that a job that lets go of
    /// each table after its report holds what the copy check keeps of the tables before (their rows' names, targets
    /// and points), not the tables.
    package struct Session {
        private let linter: Linter
        private var copies: CopiedBlocks

        package init(_ linter: Linter) {
            self.linter = linter
            copies = CopiedBlocks(copiedRows: linter.copiedRows, indexBudget: linter.copyIndexBudget)
        }

        /// The report on one more table, given what reading it found already (rows without points).
        package mutating func report(on table: LintTable, readingFindings: [Diagnostic]) -> Report {
            var findings = Linter.collapsed(readingFindings.filter { $0.code != .unknownField }, rows: table.evaluation.indicators.count)
            findings += TaxonomyCheck.diagnostics(for: table.evaluation)
            for check in linter.checks {
                findings += check.check(table)
            }
            findings += copies.findings(for: table)
            return Report(name: table.name, findings: Linter.ordered(findings))
        }
    }

    /// Reading findings as lint reports them: a table none of whose rows carries points is one finding, not one per row.
    static func collapsed(_ findings: [Diagnostic], rows: Int) -> [Diagnostic] {
        let missing = findings.filter { $0.code == .noWeight }
        guard rows > 1, missing.count == rows else { return findings }
        let others = findings.filter { $0.code != .noWeight }
        return [Diagnostic(.noWeight, .warning,
            "no row carries points (分值); a table that is to be scored needs them on every row",
            at: JSONPath.root.appending("indicators"))] + others
    }

    /// Findings ordered by the row they concern (table-wide ones first), keeping each check's order within a row.
    static func ordered(_ findings: [Diagnostic]) -> [Diagnostic] {
        func row(_ path: JSONPath) -> Int { path.indicatorIndex ?? -1 }
        return findings.enumerated().sorted { lhs, rhs in
            let (left, right) = (row(lhs.element.path), row(rhs.element.path))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
