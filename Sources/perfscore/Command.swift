import PerformanceKit
import Foundation

/// What the command line asks for.
enum Command: Equatable {
    case score(ScoreOptions)
    /// `perfscore verify FILE...`: recompute and compare every printed figure.
    case verify(ScoreOptions)
    /// `perfscore lint FILE...`: check target tables and evaluations before they are filed.
    case lint(ScoreOptions)
    /// `perfscore summary DIR|FILE...`: roll many evaluations up, per unit and overall.
    case summary(ScoreOptions)
    /// `perfscore convert FILE.csv`: the perfscore/1 JSON of a spreadsheet table.
    case convert(ScoreOptions)
    /// `perfscore extract FILE.txt [-o DIR]`: the tables of a disclosure's text as perfscore/1 JSON.
    case extract(ScoreOptions)
    /// `perfscore template [--rules ID] -o FILE.xlsx`: the blank official form of a profile, to fill in.
    case template(ScoreOptions)
    /// `perfscore rules [ID|PATH]`: list the profiles, or show one in words.
    case rules(String?)
    /// The help of the whole command, or of one subcommand (`perfscore verify --help`, `perfscore help verify`).
    case help(String?)
    case version
    /// `perfscore --generate-completion-script bash|zsh|fish`.
    case completionScript(CompletionScript.Shell)

    /// How to score, and which files.
    struct ScoreOptions: Equatable {
        typealias Format = OutputFormat
        /// How to read the input files.
        typealias Input = TableInput.Kind

        var format: Format = .text
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
        /// The input's form; from each file's extension when `nil` (`.csv`, `.tsv`, `.xlsx`, else JSON).
        var input: Input?
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
        switch self {
        case .score(let given), .verify(let given), .lint(let given), .summary(let given), .convert(let given),
             .extract(let given), .template(let given): return given
        case .rules, .help, .version, .completionScript: return nil
        }
    }

    /// The options each subcommand takes and the formats it prints: an option given to a subcommand that does not
    /// take it is refused, naming it, rather than silently ignored.
    static let accepted: [String: (options: Set<String>, formats: [ScoreOptions.Format])] = [
        "score": (["--format", "--rules", "--tolerance", "--explain", "--output", "--input", "--sheet", "--planned", "--executed", "--jsonl",
                   "--color"],
                  ScoreOptions.Format.allCases),
        "score --jsonl": (["--rules", "--tolerance", "--jsonl", "--totals", "--read-only"], []),
        "verify": (["--format", "--rules", "--tolerance", "--output", "--input", "--sheet", "--planned", "--executed", "--color"],
                   [.text, .json]),
        "lint": (["--format", "--rules", "--output", "--input", "--sheet", "--color"], [.text, .json]),
        "summary": (["--format", "--rules", "--tolerance", "--output", "--input", "--sheet", "--color"], [.text, .json, .markdown, .csv, .html]),
        "convert": (["--format", "--output", "--input", "--sheet", "--planned", "--executed"], [.json]),
        "extract": (["--format", "--output", "--input"], [.json]),
        "template": (["--format", "--output", "--rules", "--year"], [.xlsx, .csv]),
    ]

    /// A command line that cannot be used, naming the token at fault.
    struct UsageError: Error, Equatable, CustomStringConvertible {
        var message: String

        var description: String {
            message
        }
    }

    /// Scans the arguments (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        if arguments.first == "help" {
            guard arguments.count <= 2 else { throw UsageError(message: "help takes at most one subcommand") }
            guard let name = arguments.dropFirst().first else { return .help(nil) }
            guard Usage.subcommands.contains(where: { $0.name == name }) else {
                throw UsageError(message: "help: no subcommand \"\(name)\"; the subcommands are \(Usage.subcommands.map(\.name).joined(separator: ", "))")
            }
            return .help(name)
        }
        if arguments.first == "--generate-completion-script" {
            let name = arguments.dropFirst().first ?? ""
            guard arguments.count == 2, let shell = CompletionScript.Shell(rawValue: name) else {
                throw UsageError(message: "--generate-completion-script: expected bash, zsh or fish, found \"\(name)\"")
            }
            return .completionScript(shell)
        }
        if arguments.first == "rules" {
            guard arguments.count <= 2 else {
                throw UsageError(message: "rules takes at most one profile id or file, found \(arguments.count - 1)")
            }
            if let argument = arguments.dropFirst().first, argument == "-h" || argument == "--help" { return .help("rules") }
            return .rules(arguments.dropFirst().first)
        }
        var arguments = arguments
        var subcommand: String?
        if let first = arguments.first, ["verify", "lint", "summary", "convert", "extract", "template"].contains(first) {
            subcommand = first
            arguments.removeFirst()
        }
        var options = ScoreOptions()
        /// The options given, by their long names, with the spelling the user wrote.
        var given: [(name: String, spelled: String)] = []
        var index = 0
        var onlyFiles = false
        func value(for option: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "\(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if onlyFiles || argument == "-" || !argument.hasPrefix("-") {
                options.files.append(argument)
                index += 1
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func optionValue() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                return try value(for: name)
            }
            // Today's spellings kept as aliases: --json, and --summary (renamed --totals: it shared its name with the
            // subcommand summary).
            let longNames = ["-f": "--format", "--json": "--format", "-o": "--output", "--summary": "--totals"]
            given.append((longNames[name] ?? name, name))
            switch name {
            case "--":
                onlyFiles = true
            case "-h", "--help":
                return .help(subcommand)
            case "--version":
                return .version
            case "--format", "-f":
                let text = try optionValue()
                guard let format = ScoreOptions.Format(rawValue: text) else {
                    throw UsageError(message: "--format: expected text, json, markdown, csv, html or xlsx, found \"\(text)\"")
                }
                options.format = format
                options.formatGiven = true
            case "--json":
                options.format = .json
            case "--rules":
                options.rules = try optionValue()
            case "--tolerance":
                let text = try optionValue()
                guard text.allSatisfy({ $0.isNumber || $0 == "." }), let tolerance = ExactDecimal(text) else {
                    throw UsageError(message: "--tolerance: expected points as a number ≥ 0 (0.01), found \"\(text)\"")
                }
                options.tolerance = tolerance
            case "--explain":
                options.explainAll = true
            case "-o", "--output":
                options.outputPath = try optionValue()
            case "--input":
                let text = try optionValue()
                guard let input = ScoreOptions.Input(rawValue: text) else {
                    throw UsageError(message: "--input: expected json, csv, tsv, xlsx or text, found \"\(text)\"")
                }
                options.input = input
            case "--year":
                let text = try optionValue()
                guard let year = Int(text), (1990...2100).contains(year) else {
                    throw UsageError(message: "--year: expected a year such as 2024, found \"\(text)\"")
                }
                options.year = year
            case "--sheet":
                options.sheet = try optionValue()
            case "--planned", "--executed":
                let text = try optionValue()
                guard text.allSatisfy({ $0.isNumber || $0 == "." }), let value = ExactDecimal(text) else {
                    throw UsageError(message: "\(name): expected 万元 as a number ≥ 0, found \"\(text)\"")
                }
                if name == "--planned" { options.planned = value } else { options.executed = value }
            case "--jsonl":
                options.jsonLines = true
            case "--totals", "--summary":
                options.summaryOnly = true
            case "--read-only":
                options.readOnly = true
            case "--color":
                let text = try optionValue()
                guard let mode = Colouring.Mode(rawValue: text) else {
                    throw UsageError(message: "--color: expected auto, always or never, found \"\(text)\"")
                }
                options.color = mode
            default:
                throw UsageError(message: "unknown option \(argument)")
            }
            index += 1
        }
        if subcommand == "template" {
            guard options.files.isEmpty else {
                throw UsageError(message: "template takes no file: it writes the blank form of --rules (give -o FILE.xlsx)")
            }
            if !options.formatGiven { options.format = .xlsx }
        } else if options.files.isEmpty {
            throw UsageError(message: "no file given: name an evaluation file, or - for standard input")
        }
        if options.summaryOnly || options.readOnly, !options.jsonLines {
            throw UsageError(message: "\(options.summaryOnly ? "--totals" : "--read-only") goes with --jsonl")
        }
        if options.jsonLines, subcommand != nil {
            throw UsageError(message: "--jsonl scores; it does not go with \(subcommand ?? "")")
        }
        let job = subcommand ?? (options.jsonLines ? "score --jsonl" : "score")
        if let accepted = accepted[job] {
            let what = subcommand ?? (options.jsonLines ? "--jsonl" : "scoring")
            for option in given where option.name != "--" && !accepted.options.contains(option.name) {
                let reason = option.name == "--format" && options.jsonLines
                    ? "it prints one JSON result per line" : "it would be ignored"
                throw UsageError(message: "\(what) does not take \(option.spelled): \(reason)")
            }
            if given.contains(where: { $0.name == "--format" }), !accepted.formats.contains(options.format) {
                let names = accepted.formats.map(\.rawValue)
                let formats = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
                throw UsageError(message: "\(what) prints \(formats), not --format \(options.format.rawValue)")
            }
        }
        switch subcommand {
        case "verify": return .verify(options)
        case "lint": return .lint(options)
        case "summary": return .summary(options)
        case "convert": return .convert(options)
        case "extract": return .extract(options)
        case "template": return .template(options)
        default: return .score(options)
        }
    }
}
