import Foundation
import Testing
@testable import PerformanceKit

/// Data flows one way: numerics and the model at the bottom, then notation, input, rules, scoring, the stages that
/// read a score card (verification, lint, aggregation), rendering, and the pipeline that wires them. A folder may
/// use what a folder below it declares, never what one above it declares.
@Suite("Dependencies run one way")
struct LayeringTests {
    /// The folders of `Sources/PerformanceKit`, lowest first; folders of one rank may not use each other either.
    static let layers: [(folder: String, rank: Int)] = [
        ("Numerics", 0), ("Model", 1), ("Notation", 2), ("Input", 3), ("Rules", 4), ("Scoring", 5),
        ("Verification", 6), ("Lint", 6), ("Aggregation", 6), ("Rendering", 7), ("Pipeline", 8),
    ]

    /// Each Swift file of the library: its folder and its text without comments and string literals.
    static func sources() throws -> [(file: String, folder: String, code: String)] {
        let base = Fixtures.root.appendingPathComponent("Sources/PerformanceKit")
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var result: [(String, String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            let folder = String(relative.split(separator: "/").first ?? "")
            let text = try String(contentsOf: url, encoding: .utf8)
            let code = text.components(separatedBy: "\n").map { line -> String in
                // Line comments go (doc comments name types of every layer); then string literals.
                var kept = line
                if let comment = kept.range(of: "//") { kept = String(kept[..<comment.lowerBound]) }
                return kept.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
            }.joined(separator: "\n")
            result.append((relative, folder, code))
        }
        return result
    }

    /// The top-level types each folder declares.
    static func declaredTypes(_ sources: [(file: String, folder: String, code: String)]) -> [String: String] {
        var owner: [String: String] = [:]
        let pattern = try? NSRegularExpression(pattern: #"^(?:public |package |private |fileprivate )?(?:final )?(?:indirect )?(?:struct|enum|class|protocol|typealias) ([A-Z][A-Za-z0-9]*)"#,
                                              options: [.anchorsMatchLines])
        for source in sources {
            let range = NSRange(source.code.startIndex..., in: source.code)
            for match in pattern?.matches(in: source.code, range: range) ?? [] {
                if let name = Range(match.range(at: 1), in: source.code) { owner[String(source.code[name])] = source.folder }
            }
        }
        return owner
    }

    @Test func everyFolderHasItsLayer() throws {
        let folders = Set(try Self.sources().map(\.folder)).subtracting(["Documentation.docc"])
        #expect(folders.subtracting(Self.layers.map(\.folder)).isEmpty, "\(folders) has a folder with no layer")
    }

    @Test func noFolderUsesAFolderAboveIt() throws {
        let sources = try Self.sources()
        let owners = Self.declaredTypes(sources)
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.map { ($0.folder, $0.rank) })
        var violations: [String] = []
        for source in sources {
            guard let own = rank[source.folder] else { continue }
            let words = Set(source.code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            for word in words {
                guard let folder = owners[word], folder != source.folder, let other = rank[folder], other >= own else { continue }
                violations.append("\(source.file) uses \(word) of \(folder)")
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }
}
