import CommandLineKit
import PerformanceKit

/// What the command line asks for.
enum Command: Equatable {
    /// A subcommand that reads files (or writes a template), with its options.
    case job(Job, ScoreOptions)
    /// `perfscore rules [ID|PATH]`: list the profiles, or show one in words.
    case rules(String?)
    /// The help of the whole command, or of one subcommand (`perfscore verify --help`, `perfscore help verify`).
    case help(String?)
    case version
    /// `perfscore --generate-completion-script bash|zsh|fish`.
    case completionScript(CompletionScript.Shell)

    /// The subcommands that read files: `score` is the default (`perfscore FILE`), the others follow
    /// `perfscore`; each is one library job (``ScoreJob``, ``VerifyJob``, …) but `template`.
    enum Job: String, CaseIterable {
        case score, verify, lint, summary, convert, extract, template
    }

    /// How to score, and which files.
    struct ScoreOptions: Equatable {
        var format: OutputFormat = .text
        /// A profile id, or the path of a profile file, overriding the files' `rules`.
        var rules: String?
        var tolerance: ExactDecimal? = nil
        var explainAll = false
        /// Whether the inputs are JSON Lines, one evaluation per line.
        var jsonLines = false
        /// With `jsonLines`: print only the counts, the fund-weighted mean and the grades.
        var summaryOnly = false
        /// With `jsonLines`: read and check every line, score nothing (the bare parse of scripts/bench).
        var readOnly = false
        /// When findings are coloured: `auto` (standard output a terminal and no `NO_COLOR`), `always`, `never`.
        var color: Colouring.Mode = .auto
        /// Paths; `-` is standard input.
        var files: [String] = []
        /// Where to write the report; standard output when `nil`.
        var outputPath: String?
        /// The input's form; from each file's extension when `nil` (``TableInput/form(for:)``).
        var input: TableInput.Kind?
        /// The sheet of a workbook to read; every sheet holding a table when `nil`.
        var sheet: String?
        /// Budget figures for a spreadsheet table that does not give them.
        var planned: ExactDecimal?
        var executed: ExactDecimal?
        /// The year a template's title names.
        var year: Int?
        /// Whether `--format` was given (a template is a workbook unless it asks for CSV).
        var formatGiven = false
    }

    /// The options of a command that reads files; `nil` for help, version, rules and completion.
    var options: ScoreOptions? {
        if case .job(_, let options) = self { return options }
        return nil
    }

    /// The options each subcommand takes and the formats it prints (its job's, default first, each with what it
    /// prints there): an option given to a subcommand that does not take it is refused, naming it, rather than
    /// silently ignored.
    static let accepted: [String: (options: Set<String>, formats: [(format: OutputFormat, prints: String)])] = [
        "score": (["--format", "--rules", "--tolerance", "--explain", "--output", "--input", "--sheet", "--planned", "--executed", "--jsonl",
                   "--color"], OutputFormat.allCases.map { ($0, "") }),
        "score --jsonl": (["--rules", "--tolerance", "--jsonl", "--totals", "--read-only"], []),
        "verify": (["--format", "--rules", "--tolerance", "--output", "--input", "--sheet", "--planned", "--executed", "--color"],
                   VerifyJob.formats),
        "lint": (["--format", "--rules", "--output", "--input", "--sheet", "--color"], LintJob.formats),
        "summary": (["--format", "--rules", "--tolerance", "--output", "--input", "--sheet", "--color"], SummaryJob.formats),
        "convert": (["--format", "--output", "--input", "--sheet", "--planned", "--executed"], ConvertJob.formats),
        "extract": (["--format", "--output", "--input"], ExtractJob.formats),
        "template": (["--format", "--output", "--rules", "--year"], TemplateJob.formats),
    ]

    /// Every long option, in the order the help and the completion scripts list them.
    static let optionOrder = ["--format", "--output", "--rules", "--tolerance", "--explain", "--input", "--sheet", "--planned",
                              "--executed", "--year", "--color", "--jsonl", "--totals", "--read-only"]

    /// The spellings the command line takes: short names, and today's spellings kept as aliases (`--json`, and
    /// `--summary`, renamed `--totals`: it shared its name with the subcommand `summary`).
    static let scanner = ArgumentScanner(
        names: Dictionary(uniqueKeysWithValues: (optionOrder + ["--help", "--version"]).map { ($0, $0) })
            .merging(["-f": "--format", "--json": "--format", "-o": "--output", "--summary": "--totals", "-h": "--help"]) { $1 },
        valued: ["--format", "--output", "--rules", "--tolerance", "--input", "--sheet", "--planned", "--executed", "--year", "--color"],
        presets: ["--json": "json"], stops: ["-h", "--help", "--version"],
        choices: ["--format": OutputFormat.allCases.map(\.rawValue), "--input": TableInput.Kind.allCases.map(\.rawValue),
                  "--color": Colouring.Mode.allCases.map(\.rawValue)])

    /// The subcommands that follow `perfscore`, after which come their options.
    static let jobs = Job.allCases.dropFirst().map(\.rawValue)

    /// Scans the arguments (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        if arguments.first == "help" {
            guard arguments.count <= 2 else { throw UsageError("help takes at most one subcommand") }
            guard let name = arguments.dropFirst().first else { return .help(nil) }
            guard Usage.subcommands.contains(where: { $0.name == name }) else {
                throw UsageError("help: no subcommand \"\(name)\"; the subcommands are \(Usage.subcommands.map(\.name).joined(separator: ", "))")
            }
            return .help(name)
        }
        if arguments.first == "--generate-completion-script" {
            let name = arguments.dropFirst().first ?? ""
            guard arguments.count == 2, let shell = CompletionScript.Shell(rawValue: name) else {
                throw UsageError("--generate-completion-script: expected bash, zsh or fish, found \"\(name)\"")
            }
            return .completionScript(shell)
        }
        if arguments.first == "rules" {
            guard arguments.count <= 2 else { throw UsageError("rules takes at most one profile id or file, found \(arguments.count - 1)") }
            if let argument = arguments.dropFirst().first, argument == "-h" || argument == "--help" { return .help("rules") }
            return .rules(arguments.dropFirst().first)
        }
        let subcommand = arguments.first.flatMap { jobs.contains($0) ? $0 : nil }
        let scanned = try scanner.scan(Array(arguments.dropFirst(subcommand == nil ? 0 : 1)))
        var options = ScoreOptions()
        options.files = scanned.operands
        for option in scanned.options {
            let text = option.value ?? ""
            func number(_ expected: String) throws(UsageError) -> ExactDecimal {
                guard text.allSatisfy({ $0.isNumber || $0 == "." }), let value = ExactDecimal(text) else {
                    throw UsageError("\(option.spelled): expected \(expected), found \"\(text)\"")
                }
                return value
            }
            switch option.name {
            case "--format":
                options.format = OutputFormat(rawValue: text) ?? options.format
                options.formatGiven = true
            case "--rules": options.rules = text
            case "--tolerance": options.tolerance = try number("points as a number ≥ 0 (0.01)")
            case "--explain": options.explainAll = true
            case "--output": options.outputPath = text
            case "--input": options.input = TableInput.Kind(rawValue: text)
            case "--year":
                guard let year = Int(text), (1990...2100).contains(year) else {
                    throw UsageError("--year: expected a year such as 2024, found \"\(text)\"")
                }
                options.year = year
            case "--sheet": options.sheet = text
            case "--planned": options.planned = try number("万元 as a number ≥ 0")
            case "--executed": options.executed = try number("万元 as a number ≥ 0")
            case "--jsonl": options.jsonLines = true
            case "--totals": options.summaryOnly = true
            case "--read-only": options.readOnly = true
            default: options.color = Colouring.Mode(rawValue: text) ?? options.color
            }
        }
        if scanned.stop == "--help" { return .help(subcommand) }
        if scanned.stop == "--version" { return .version }
        if subcommand == "template" {
            guard options.files.isEmpty else {
                throw UsageError("template takes no file: it writes the blank form of --rules (give -o FILE.xlsx)")
            }
            if !options.formatGiven { options.format = .xlsx }
        } else if options.files.isEmpty {
            throw UsageError("no file given: name an evaluation file, or - for standard input")
        }
        if options.summaryOnly || options.readOnly, !options.jsonLines {
            throw UsageError("\(options.summaryOnly ? "--totals" : "--read-only") goes with --jsonl")
        }
        if options.jsonLines, let subcommand { throw UsageError("--jsonl scores; it does not go with \(subcommand)") }
        let job = subcommand ?? (options.jsonLines ? "score --jsonl" : "score")
        if let accepted = accepted[job] {
            let what = subcommand ?? (options.jsonLines ? "--jsonl" : "scoring")
            for option in scanned.options where !accepted.options.contains(option.name) {
                let reason = option.name == "--format" && options.jsonLines ? "it prints one JSON result per line" : "it would be ignored"
                throw UsageError("\(what) does not take \(option.spelled): \(reason)")
            }
            if options.formatGiven, !accepted.formats.contains(where: { $0.format == options.format }) {
                let names = accepted.formats.map(\.format.rawValue)
                let formats = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
                throw UsageError("\(what) prints \(formats), not --format \(options.format.rawValue)")
            }
        }
        return .job(Job(rawValue: subcommand ?? "score") ?? .score, options)
    }
}
