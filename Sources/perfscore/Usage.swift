import CommandLineKit
import PerformanceKit

/// The help text, written once and tested verbatim.
enum Usage {
    static let version = "perfscore 0.1.0 (perfscore/1)"

    /// The subcommands: name, what follows it, what it does (the USAGE lines of the help).
    static let subcommands: [(name: String, operands: String, summary: String)] = [
        ("verify", "[options] FILE...", "compare every printed figure; name each difference's kind"),
        ("lint", "[options] FILE...", "check target tables or evaluations before they are filed"),
        ("summary", "[options] DIR|FILE...", "roll many evaluations up, per unit and overall"),
        ("convert", "FILE.csv|FILE.tsv|FILE.xlsx", "the perfscore/1 JSON of a spreadsheet's tables"),
        ("extract", "FILE.txt [-o DIR]", "every table of a disclosure's text (决算 / 预算公开) as perfscore/1 JSON"),
        ("template", "[--rules ID|PATH] [--year N] -o FILE.xlsx", "the blank official form of a rule profile, to fill in"),
        ("rules", "[ID|PATH]", "list the rule profiles, or show one in words"),
    ]

    /// The help of one subcommand, or of the whole command when `nil`: its usage line, what it does, and the
    /// entries of OPTIONS for the options it takes (``Command/accepted``).
    static func help(for subcommand: String?) -> String {
        guard let subcommand, let entry = subcommands.first(where: { $0.name == subcommand }) else { return text }
        let accepted = Command.accepted[subcommand]?.options ?? []
        let printsJSON = Command.accepted[subcommand]?.formats.contains { $0.format == .json } ?? true
        let kept = optionEntries.filter { entry in
            // --json only where JSON is printed; -- only where files are read.
            if entry.names.contains("--json") { return printsJSON }
            if entry.names.contains("--") { return subcommand != "template" }
            return entry.names.contains("--help") || !entry.names.isDisjoint(with: accepted)
        }
        var lines = ["USAGE: perfscore \(subcommand) \(entry.operands)", "", entry.summary + ".", ""]
        let formats = Command.accepted[subcommand]?.formats ?? []
        if !formats.isEmpty {
            lines += ["FORMATS:"] + formats.map { "  " + $0.rawValue + String(repeating: " ", count: 10 - $0.rawValue.count) + $1 } + [""]
        }
        lines.append("OPTIONS:")
        // Scoring's --format entry says what scoring prints; a subcommand's formats are its own (--json keeps its line).
        lines += kept.flatMap { entry in
            guard entry.names.contains("--format"), !entry.names.contains("--json"), let first = formats.first else { return entry.lines }
            let choices = formats.map(\.format.rawValue).joined(separator: "|")
            return ["  -f, --format FORMAT      " + (formats.count == 1 ? "\(choices), the only one" : "\(choices), as FORMATS says (default \(first.format))")]
        }
        return lines.joined(separator: "\n")
    }

    /// The help's OPTIONS entries, each with the long names it documents (`--json` documents `--format`).
    static var optionEntries: [OptionHelp.Entry] {
        OptionHelp.entries(of: text, names: Command.scanner.names)
    }

    /// One line per job: what it takes, from the table that drives the parsing (``Command/accepted``).
    static var acceptedOptions: String {
        ["score", "score --jsonl", "verify", "lint", "summary", "convert", "extract", "template"].compactMap { job -> String? in
            guard let accepted = Command.accepted[job] else { return nil }
            let options = Command.optionOrder.filter { accepted.options.contains($0) && $0 != "--jsonl" }.map { option -> String in
                if option == "--format" { return "--format " + accepted.formats.map(\.format.rawValue).joined(separator: "|") }
                return option == "--output" ? "-o" : option
            }
            let name = job == "score" ? "perfscore FILE" : job == "score --jsonl" ? "perfscore --jsonl" : job
            return OptionHelp.wrapped("  " + name, options, labelWidth: 22, width: 112)
        }.joined(separator: "\n")
    }

    static let text = """
    OVERVIEW: Score a budget performance self-evaluation (预算绩效自评表) exactly as its published rule does.

    perfscore reads perfscore/1 evaluation files (docs/FORMAT.md), scores the budget execution block and every
    indicator, prints the table the way the published one reads, explains every score that lost points, and
    checks the figures the table printed.

    USAGE: perfscore [options] FILE...                 score each file (- reads standard input)
           perfscore verify [options] FILE...          compare every printed figure; name each difference's kind
           perfscore lint [options] FILE...            check target tables or evaluations before they are filed
           perfscore summary [options] DIR|FILE...     roll many evaluations up, per unit and overall
           perfscore convert FILE.csv|.tsv|.xlsx       the perfscore/1 JSON of a spreadsheet's tables
           perfscore extract FILE.txt [-o DIR]         every table of a disclosure's text as perfscore/1 JSON
           perfscore template [--rules ID] -o FILE.xlsx the blank official form of a profile, to fill in
           perfscore rules [ID|PATH]                   list the rule profiles, or show one in words
           perfscore help [SUBCOMMAND]                 this help, or one subcommand's (also SUBCOMMAND --help)
           perfscore --generate-completion-script bash|zsh|fish

    Each takes only the options it uses and refuses the others (exit 2):
    \(acceptedOptions)

    OPTIONS:
      -f, --format FORMAT      text: the table, subtotals, 总分 and grade (default);
                               json: the result of docs/FORMAT.md §4 (an array when several files are given);
                               markdown: a table to paste into a document; csv: one row per indicator;
                               html: one self-contained page laid out like the published table (one file);
                               xlsx: a workbook laid out like the Hubei form, a sheet per table, the printed
                               scores beside the recomputed ones (needs -o, or standard output redirected)
      -o, --output PATH        write the report to PATH (atomically: never half a report over a good one;
                               a PATH that is one of the inputs is refused, exit 2)
      --input json|jsonl|csv|tsv|xlsx|text  how to read the files (default: by extension: .csv, .tsv a spreadsheet's
                               table in UTF-8, GB18030 or UTF-16; .xlsx or any ZIP a workbook, a table a sheet
                               (.xls, .et named as such); .txt a disclosure's text, each table as FILE[lines A-B];
                               .jsonl (--input jsonl) a line a table, each as FILE[line N]; else JSON, one or an array)
      --sheet NAME             read only this sheet of a workbook (default: every sheet holding a table,
                               each reported as FILE[SHEET] when there are several)
      --planned N --executed N the budget block (万元) of a spreadsheet table that does not give it
      --year N                 the year a template's title names
      --json                   the same as --format json
      --rules ID|PATH          score under this rule profile instead of the file's "rules": a built-in id
                               (wuhan-2023, mof-2020, mof-2020-linear, jiangxi) or a profile file (rules/README.md);
                               a table written for another rule is scored with this profile's points
      --tolerance POINTS       largest difference from a printed figure still counted as agreement (default 0.01)
      --explain                explain every score, not only those that lost points
      --color auto|always|never colour the findings' severity and kind (auto: when standard output is a terminal
                               and NO_COLOR is not set)
      --jsonl                  the files (or -) hold one evaluation per line (JSON Lines): one JSON result per line,
                               in the same order, scored on all cores; a bad line gives {"line": N, "error": …}
      --totals                 with --jsonl: print only the counts, the fund-weighted mean and the grades
                               (--summary, its former name, still works)
      --read-only              with --jsonl: read and check every line, score nothing (a benchmark of the reader)
      --                       end of options: every argument after it is a file
      -h, --help               show this help (after a subcommand: its own)
      --version                show the version

    EXIT STATUS:
      0  scored; every printed figure agrees (lint: no finding of error severity)
      1  scored, but a printed figure differs or was not compared, or a row has an error (lint: an error found)
      2  a file or the command line could not be used; the message names the file, the field and what was expected

    EXAMPLES:
      perfscore examples/wuhan-2023/03-zhengwu-fuwu.json
      perfscore --format json examples/wuhan-2023/*.json
      perfscore --rules mof-2020 examples/wuhan-2023/03-zhengwu-fuwu.json
      perfscore --rules ./my-rule.json eval.json
      perfscore verify examples/wuhan-2023/*.json
      perfscore lint examples/targets/*.json
      perfscore summary examples/
      perfscore --format html -o report.html examples/wuhan-2023/03-zhengwu-fuwu.json
      perfscore examples/spreadsheets/03-zhengwu-fuwu.csv
      perfscore verify examples/spreadsheets/06-two-projects.xlsx
      perfscore template --rules mof-2020 --year 2024 -o 自评表.xlsx
      cat eval.json | perfscore -
      perfscore --jsonl --totals evaluations.jsonl
    """
}
