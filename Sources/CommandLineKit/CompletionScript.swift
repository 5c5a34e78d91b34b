/// Shell completion scripts for a program with subcommands, from the same table that drives its parsing: the
/// subcommands after the program's name, each one's options after a `-`, each option's values after it, files
/// elsewhere.
package struct CompletionScript: Sendable {
    package enum Shell: String, Sendable, CaseIterable {
        case bash, zsh, fish
    }

    /// One subcommand (or the program's default job, with a `nil` name): the options it takes, in the order they
    /// are offered, and the words an option's value completes to when they are this job's own (`--format`).
    package struct Job: Sendable {
        package var name: String?
        package var options: [String]
        package var values: [String: [String]]

        package init(name: String?, options: [String], values: [String: [String]] = [:]) {
            self.name = name
            self.options = options
            self.values = values
        }
    }

    package var program: String
    /// The default job first or anywhere; the named ones are the subcommands.
    package var jobs: [Job]
    /// Words the first argument completes to besides the subcommands and files (`help`).
    package var firstWords: [String]
    /// The words an option's value completes to in every job, and whether files are offered too.
    package var values: [String: (words: [String], files: Bool)]
    /// The short spellings of long options (`--format` → `-f`), completed alike.
    package var shortNames: [String: String]

    package init(program: String, jobs: [Job], firstWords: [String], values: [String: (words: [String], files: Bool)],
                 shortNames: [String: String]) {
        self.program = program
        self.jobs = jobs
        self.firstWords = firstWords
        self.values = values
        self.shortNames = shortNames
    }

    package func text(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash
        case .zsh: return "#compdef \(program)\nautoload -U +X bashcompinit && bashcompinit\n" + bash
        case .fish: return fish
        }
    }

    private var subcommands: [String] {
        jobs.compactMap(\.name)
    }

    private func pattern(_ job: String, _ option: String) -> String {
        ([option] + (shortNames[option].map { [$0] } ?? [])).map { "\(job):\($0)" }.joined(separator: "|")
    }

    private func reply(_ words: [String], files: Bool) -> String {
        "COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\"\(files ? " -f" : "") -- \"$cur\")); return ;;"
    }

    var bash: String {
        let function = "_" + program.filter { $0.isLetter || $0.isNumber }
        // The subcommands' cases first: the default job's `*` catches the rest.
        let ordered = jobs.filter { $0.name != nil } + jobs.filter { $0.name == nil }
        let optionCases = ordered.map { job in "        \(job.name ?? "*")) opts=\"\(job.options.joined(separator: " "))\" ;;" }
        var valueCases: [String] = []
        for job in ordered {
            for (option, words) in job.values.sorted(by: { $0.key < $1.key }) {
                valueCases.append("        \(pattern(job.name ?? "*", option))) \(reply(words, files: false))")
            }
        }
        for (option, value) in values.sorted(by: { $0.key < $1.key }) {
            valueCases.append("        \(pattern("*", option))) \(reply(value.words, files: value.files))")
        }
        return """
        # \(program) completion for bash: source this file, or put it in bash-completion's folder.
        \(function)() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} sub=${COMP_WORDS[1]} opts
            case "$sub" in
        \(optionCases.joined(separator: "\n"))
            esac
            case "$sub:$prev" in
        \(valueCases.joined(separator: "\n"))
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            elif [[ $COMP_CWORD == 1 ]]; then
                COMPREPLY=($(compgen -W "\((subcommands + firstWords).joined(separator: " "))" -f -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
        }
        complete -o filenames -F \(function) \(program)

        """
    }

    var fish: String {
        let names = subcommands.joined(separator: " ")
        var lines = ["# \(program) completion for fish: put this file in ~/.config/fish/completions/\(program).fish.",
                     "complete -c \(program) -n __fish_use_subcommand -a '\((subcommands + firstWords).joined(separator: " "))'"]
        for job in jobs {
            let condition = job.name.map { "__fish_seen_subcommand_from \($0)" } ?? "not __fish_seen_subcommand_from \(names)"
            for option in job.options where option.hasPrefix("--") {
                var argument = ""
                if let words = job.values[option] ?? values[option]?.words {
                    argument = " \(values[option]?.files == true ? "-r" : "-x") -a '\(words.joined(separator: " "))'"
                }
                lines.append("complete -c \(program) -n '\(condition)' -l \(option.dropFirst(2))\(argument)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
