import Foundation
import PerformanceKit

/// `perfscore`: argv → ``Command`` → one library call per file → print → exit status. Nothing else lives here.
@main
struct PerfScore {
    static func main() {
        // A write beyond the file-size limit fails with EFBIG, reported, instead of killing the process midway.
        signal(SIGXFSZ, SIG_IGN)
        let status = CommandRunner(environment: .process).run(Array(CommandLine.arguments.dropFirst()))
        exit(status.rawValue)
    }
}
