import Foundation

/// `perfscore`: argv → ``Command`` → one library call per file → print → exit status. Nothing else lives here.
@main
struct PerfScore {
    static func main() {
        let status = CommandRunner(environment: .process).run(Array(CommandLine.arguments.dropFirst()))
        exit(status.rawValue)
    }
}
