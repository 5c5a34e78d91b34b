import Foundation
import Testing
@testable import PerformanceKit

/// The public surface as an embedding tool sees it.
@Suite("Public API")
struct PublicAPITests {
    /// Every `public` declaration of the library, with the line before it (attributes skipped).
    static func publicDeclarations() throws -> [(place: String, declaration: String, documented: Bool)] {
        let sources = Fixtures.root.appendingPathComponent("Sources/PerformanceKit")
        guard let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var result: [(String, String, Bool)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("public "), !text.hasPrefix("public import ") else { continue }
                var previous = index - 1
                while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("@") { previous -= 1 }
                let documented = previous >= 0 && lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("///")
                result.append(("\(url.lastPathComponent):\(index + 1)", text, documented))
            }
        }
        return result
    }

    /// The public surface is what an embedder needs, and every change to it is deliberate: the list of public
    /// declarations is checked in (`Golden/listsThePublicAPI.txt`, re-recorded with RECORD_GOLDEN=1).
    @Test func listsThePublicAPI() throws {
        let declarations = try Self.publicDeclarations()
        #expect(declarations.count <= 200, "\(declarations.count) public declarations; an embedder needs at most 200")
        let list = declarations.map { entry in
            let file = entry.place.split(separator: ":").first.map(String.init) ?? entry.place
            return "\(file): \(entry.declaration.replacingOccurrences(of: " {", with: ""))"
        }.sorted().joined(separator: "\n") + "\n"
        try assertGolden(list, named: "listsThePublicAPI.txt")
    }

    @Test func everyPublicDeclarationHasADocComment() throws {
        let declarations = try Self.publicDeclarations()
        let undocumented = declarations.filter { !$0.documented }.map { "\($0.place): \($0.declaration)" }
        #expect(undocumented.isEmpty, "\(undocumented.count) public declarations lack a /// comment:\n\(undocumented.joined(separator: "\n"))")
    }

    @Test func publicValueTypesAreSendable() {
        func isSendable<T: Sendable>(_: T.Type) -> Bool { true }
        #expect(isSendable(Evaluation.self) && isSendable(Indicator.self) && isSendable(ScoreCard.self)
                && isSendable(RuleProfile.self) && isSendable(ExactDecimal.self) && isSendable(Diagnostic.self)
                && isSendable(Verification.self) && isSendable(EvaluationFileError.self) && isSendable(Scorer.self)
                && isSendable(Linter.self) && isSendable(ReportFormat.self) && isSendable(Evaluator.self))
    }

    @Test func errorsDescribeThemselves() {
        let file = EvaluationFileError(problems: [.missingField("budget.planned", expected: "a number", location: .unknown)])
        #expect(file.description == "budget.planned: missing; expected a number")
        let failure = Evaluator.Failure.unknownRules("mars-2099", path: "rules", known: RuleProfile.builtIn.map(\.id))
        #expect(failure.description == "rules: unknown rule profile \"mars-2099\"; known: jiangxi, mof-2020, mof-2020-linear, wuhan-2023")
    }
}

@Suite("The documentation")
struct DocumentationTests {
    @Test func formatListsEveryDiagnosticCode() throws {
        let format = String(decoding: try Fixtures.bytes("docs/FORMAT.md"), as: UTF8.self)
        let missing = Diagnostic.Code.allCases.filter { !format.contains("`\($0.rawValue)`") }
        #expect(missing.isEmpty, "docs/FORMAT.md §6.6 does not list \(missing.map(\.rawValue))")
    }
}
