import Foundation
import Testing

/// Compares text with a golden file under `Tests/PerformanceKitTests/Golden/`, named after its test.
///
/// `RECORD_GOLDEN=1 swift test` writes the file instead and fails the run, so that someone reviews the diff.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.testsDirectory.appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded \(name); review the diff and run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    // Decoded byte for byte: a leading byte-order mark (the CSV report's) is part of what is pinned.
    guard let expected = (try? Data(contentsOf: url)).map({ String(decoding: $0, as: UTF8.self) }) else {
        Issue.record("no golden file \(name); run RECORD_GOLDEN=1 swift test to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
}
