import CommandLineKit
import PerformanceKit

extension Command {
    /// The completion scripts (`perfscore --generate-completion-script bash|zsh|fish`), from the table that drives
    /// the parsing (``accepted``): the subcommands after `perfscore`, each one's options after a `-`, its formats
    /// after `--format`, the profiles after `--rules`, files elsewhere.
    static var completion: CompletionScript {
        func job(_ name: String?) -> CompletionScript.Job {
            let taken = accepted[name ?? "score"]
            var options = optionOrder.filter { taken?.options.contains($0) == true }
            if taken?.options.contains("--output") == true { options.append("-o") }
            options.append("--help")
            if name == nil { options += ["--totals", "--read-only", "--json", "--version"] }
            return CompletionScript.Job(name: name, options: options, values: ["--format": (taken?.formats ?? []).map(\.format.rawValue)])
        }
        return CompletionScript(
            program: "perfscore", jobs: [job(nil)] + jobs.map(job), firstWords: ["rules", "help"],
            values: scanner.choices.filter { $0.key != "--format" }.mapValues { ($0, false) }
                .merging(["--rules": (RuleProfile.builtIn.map(\.id.rawValue).sorted(), true)]) { $1 },
            shortNames: ["--format": "-f", "--output": "-o"])
    }
}
