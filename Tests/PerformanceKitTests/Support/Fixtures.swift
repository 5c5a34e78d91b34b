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

/// A decimal from its text, for exact expectations (`dec("0.75")`); a float literal would go through binary.
func dec(_ text: String) -> Decimal {
    Decimal(string: text) ?? .nan
}
