/// Shell completion for perfscore, generated from the table that drives the parsing (``Command/accepted``): the
/// subcommands after `perfscore`, each one's options after a `-`, the formats after `--format`, files elsewhere.
struct CompletionScript {
    enum Shell: String {
        case bash, zsh, fish
    }

    var shell: Shell

    /// Every long option, in the order the help lists them.
    static let order = ["--format", "--output", "--rules", "--tolerance", "--explain", "--input", "--sheet", "--planned", "--executed",
                        "--year", "--color", "--jsonl", "--totals", "--read-only"]

    /// The options a job takes, with `-o` and `--help`.
    static func options(_ job: String) -> [String] {
        let accepted = Command.accepted[job]?.options ?? []
        var options = order.filter(accepted.contains)
        if accepted.contains("--output") { options.append("-o") }
        options.append("--help")
        if job == "score" { options += ["--totals", "--read-only", "--json", "--version"] }
        return options
    }

    static let jobs = ["verify", "lint", "summary", "convert", "extract", "template"]

    var text: String {
        switch shell {
        case .bash: return bash
        case .zsh: return "#compdef perfscore\nautoload -U +X bashcompinit && bashcompinit\n" + bash
        case .fish: return fish
        }
    }

    var bash: String {
        let cases = Self.jobs.map { job in
            "        \(job)) opts=\"\(Self.options(job).joined(separator: " "))\"; formats=\"\(Self.formats(job))\" ;;"
        }.joined(separator: "\n")
        return """
        # perfscore completion for bash: source this file, or put it in bash-completion's folder.
        _perfscore() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} sub=${COMP_WORDS[1]}
            local opts="\(Self.options("score").joined(separator: " "))" formats="\(Self.formats("score"))"
            case "$sub" in
        \(cases)
            esac
            if [[ $prev == --format || $prev == -f ]]; then
                COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            elif [[ $prev == --rules ]]; then
                COMPREPLY=($(compgen -W "wuhan-2023 mof-2020 mof-2020-linear jiangxi" -f -- "$cur"))
            elif [[ $prev == --color ]]; then
                COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            elif [[ $prev == --input ]]; then
                COMPREPLY=($(compgen -W "json csv tsv xlsx" -- "$cur"))
            elif [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            elif [[ $COMP_CWORD == 1 ]]; then
                COMPREPLY=($(compgen -W "\(Self.jobs.joined(separator: " ")) rules help" -f -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
        }
        complete -o filenames -F _perfscore perfscore

        """
    }

    var fish: String {
        var lines = ["# perfscore completion for fish: put this file in ~/.config/fish/completions/perfscore.fish.",
                     "complete -c perfscore -n __fish_use_subcommand -a '\(Self.jobs.joined(separator: " ")) rules help'"]
        for job in ["score"] + Self.jobs {
            let condition = job == "score" ? "not __fish_seen_subcommand_from \(Self.jobs.joined(separator: " "))"
                                           : "__fish_seen_subcommand_from \(job)"
            for option in Self.options(job) where option.hasPrefix("--") {
                let argument = option == "--format" ? " -x -a '\(Self.formats(job))'" : ""
                lines.append("complete -c perfscore -n '\(condition)' -l \(option.dropFirst(2))\(argument)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func formats(_ job: String) -> String {
        (Command.accepted[job]?.formats ?? []).map(\.rawValue).joined(separator: " ")
    }
}
