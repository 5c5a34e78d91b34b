import Foundation
@testable import PerformanceKit

/// Finds the repository's files from the test sources, so that tests read `examples/`, `rules/` and the fixtures
/// in place (they sit outside the targets and are no SwiftPM resources).
enum Fixtures {
    /// The repository root: three levels above this file (`Tests/PerformanceKitTests/Support/`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let testsDirectory = root.appendingPathComponent("Tests/PerformanceKitTests")

    /// Every evaluation file under `examples/` (not the target tables of `examples/targets/`), as paths relative to
    /// the root, sorted.
    static let examples: [String] = {
        let base = root.appendingPathComponent("examples")
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            // Client packages and other non-evaluation JSON live in folders with a Package.swift; none yet.
            paths.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return paths.filter { path in
            !path.hasPrefix("examples/targets/") && !path.hasPrefix("examples/embedding/")
                && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)))
    }

    /// Reads an example and scores it under the profile it names.
    static func scoreExample(_ relativePath: String) throws -> ScoreCard {
        try Evaluator().evaluate(try bytes(relativePath))
    }

    /// Every target string of the real target tables (绩效目标表) in `Fixtures/targets/`.
    static func targetStrings() throws -> [(file: String, target: String)] {
        let directory = testsDirectory.appendingPathComponent("Fixtures/targets")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var result: [(String, String)] = []
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard let tables = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for table in tables {
                for indicator in table["indicators"] as? [[String: Any]] ?? [] {
                    if let target = indicator["target"] as? String { result.append((file, target)) }
                }
            }
        }
        return result
    }
}

/// A decimal from its text, for exact expectations (`dec("0.75")`); a text that is not a number gives a value no
/// test expects (-987654321.123), so that a typo fails loudly.
func dec(_ text: String) -> ExactDecimal {
    ExactDecimal(text) ?? ExactDecimal(significand: -987_654_321_123, scale: 3)!
}

/// Paths written as people write them in the tests: `"indicators[3].target"`.
extension JSONPath: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self.init(parsing: value)
    }
}

/// Arithmetic for building expectations in tests; the library itself uses the checked forms.
extension ExactDecimal {
    static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { lhs.adding(rhs)! }
    static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { lhs.subtracting(rhs)! }
    static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { lhs.multiplied(by: rhs)! }
    /// The quotient rounded to 10 places, enough for the tests' figures.
    static func / (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { Quotient(lhs, over: rhs)!.rounded(scale: 10)!.normalized }
}

/// A JSON document's text on one line, as JSON Lines hold it.
func oneLine(_ bytes: [UInt8]) throws -> [UInt8] {
    let tree = try JSONScanner.document(bytes) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in try scanner.readTree() }
    var out = JSONOutput(indent: 0)
    out.value(tree)
    return out.bytes
}

/// A JSON document read into a tree by the library's one reader.
func tree(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONScanner.document(bytes) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in try scanner.readTree() }
}

/// The one-line JSON result of a score card, as `perfscore --jsonl` writes it.
func resultLine(_ card: ScoreCard) -> String {
    var out = JSONOutput(indent: 0)
    JSONReport.write(card, file: nil, into: &out)
    return out.text
}
