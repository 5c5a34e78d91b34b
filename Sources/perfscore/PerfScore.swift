import CommandLineKit
import Foundation
import PerformanceKit

/// `perfscore`: argv → ``Command`` → one library call per file → print → exit status. Nothing else lives here.
@main
struct PerfScore {
    static func main() {
        ProcessSetup.forCommandLine()
        let status = CommandRunner(environment: .process).run(Array(CommandLine.arguments.dropFirst()))
        exit(status.rawValue)
    }
}
