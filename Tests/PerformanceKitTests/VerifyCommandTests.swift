import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

@Suite("perfscore verify")
struct VerifyCommandTests {
    @Test(arguments: Fixtures.examples.filter { $0.hasPrefix("examples/wuhan-2023/") })
    func agreesOnEverySeedExample(_ path: String) {
        let result = runPerfscore(["verify", path])
        #expect(result.status == .success)
        #expect(result.output.hasPrefix("\(path): agrees: all "))
    }

    @Test func namesTheAlteredIndicatorAndTheKind() throws {
        let path = "examples/wuhan-2023/03-zhengwu-fuwu.json"
        let altered = String(decoding: try Fixtures.bytes(path), as: UTF8.self)
            .replacingOccurrences(of: "\"published\": 0.75", with: "\"published\": 0.5")
        let result = runPerfscore(["verify", "altered.json"], files: ["altered.json": altered])
        #expect(result.status == .findings)
        #expect(result.output == """
            altered.json: 2 of 18 printed figures differ (tolerance 0.01)
              judgement indicators[4].published: 制发帮办代办工作情况通报: printed 0.5, recomputed 0.75 (Δ -0.25); no known reading of the rule gives it: the evaluator's own scoring
              arithmetic published.categories.产出指标: the printed rows of 产出指标 add up to 39.5, not the printed 39.75

            """)
    }

    @Test func printsTheDifferencesAsJSON() throws {
        let path = "examples/wuhan-2023/01-xingzheng-yunxing.json"
        let altered = String(decoding: try Fixtures.bytes(path), as: UTF8.self)
            .replacingOccurrences(of: "\"actual\": \"37\",\n   \"published\": 7", with: "\"actual\": \"37\",\n   \"published\": 9.46")
        #expect(altered.contains("9.46"))
        let result = runPerfscore(["verify", "--format", "json", "altered.json"], files: ["altered.json": altered])
        #expect(result.status == .findings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let verification = try #require(object["verification"] as? [String: Any])
        let differences = try #require(verification["differences"] as? [[String: Any]])
        #expect(differences.first?["kind"] as? String == "arithmetic")
        #expect(differences.first?["path"] as? String == "indicators[4].published")
    }

    @Test func saysWhenThereIsNothingToVerify() {
        let text = """
        {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1},
         "indicators": [{"category": "产出指标", "name": "a", "weight": 80, "target": "1", "actual": "1"}]}
        """
        let result = runPerfscore(["verify", "x.json"], files: ["x.json": text])
        #expect(result.status == .success)
        #expect(result.output == "x.json: no printed figures to verify\n")
    }
}

@Suite("perfscore lint")
struct LintCommandTests {
    @Test func exitsOneOnErrorsAndPrintsCodesAndPaths() {
        let result = runPerfscore(["lint", "examples/targets/002-p24-104-keji-yanjiu-kaifa.json"])
        #expect(result.status == .findings)
        #expect(result.output.contains("  error[declared-total] declaredPoints: the table declares 100 points but its rows add up to 80\n"))
    }

    @Test func exitsZeroWithWarningsOnly() {
        let result = runPerfscore(["lint", "examples/targets/004-jigou-yunzhuan.json"])
        #expect(result.status == .success)
        #expect(result.output.hasPrefix("examples/targets/004-jigou-yunzhuan.json: 6 warnings\n"))
    }

    @Test func printsJSON() throws {
        let result = runPerfscore(["lint", "--json", "examples/targets/000-zhengti-niandu-mubiao-1.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((object["errors"] as? NSNumber)?.intValue == 1)
        let codes = (object["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["no-weight", "missing-category", "missing-category"])
    }

    @Test func exitsTwoOnAFileItCannotRead() {
        let result = runPerfscore(["lint", "bad.json"], files: ["bad.json": "{"])
        #expect(result.status == .unusable)
        #expect(result.error == "perfscore: bad.json:1:2: not valid JSON: expected a key in double quotes, found the end of the file\n")
    }
}

@Suite("perfscore summary")
struct SummaryCommandTests {
    @Test func printsTheRollUpOfTheExamplesAndExitsZero() throws {
        let directory = Fixtures.root.appendingPathComponent("examples").path
        let result = runCommandListing(["summary", "examples"], directory: directory)
        #expect(result.status == .success)
        try assertGolden(result.output, named: "printsTheRollUpOfTheExamplesAndExitsZero.txt")
    }

    @Test func printsTheRollUpAsJSON() throws {
        let result = runCommandListing(["summary", "--json", "examples"], directory: Fixtures.root.appendingPathComponent("examples").path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let overall = try #require(object["overall"] as? [String: Any])
        // The folder's 25 evaluations: the six JSON ones, the four CSV and TSV tables, the three sheets of the two
        // workbooks, the four seed tables twice on the official form (forms/: .xlsx and GB18030 CSV) and once more as
        // JSON Lines (batch/). Issue 15: summary reads spreadsheets too; they are the seed tables again, so the mean
        // moves towards theirs (99.30): 98.78 over the first ten, 98.97 with 894.13 万元 at 99.75 and 964.1 + 5207.48
        // at 100, 99.08 with the forms, 99.11 with the batch.
        #expect((overall["count"] as? NSNumber)?.intValue == 25)
        #expect((overall["fundWeightedMean"] as? NSNumber)?.stringValue == "99.11")
        // Left out: the seven target tables, and the five disclosure texts of disclosures/ (a folder's .txt files
        // are listed, not read: their tables are the examples again).
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.count == 12)
        #expect(skipped.filter { ($0["file"] as? String)?.hasSuffix(".txt") == true }.count == 5)
    }
}

/// Runs the command with `examples` mapped to the repository's examples folder.
private func runCommandListing(_ arguments: [String], directory: String) -> (status: perfscore.ExitStatus, output: String) {
    final class Box: @unchecked Sendable { var text = "" }
    let output = Box()
    var environment = CommandRunner.Environment(
        readFile: { path in try Fixtures.bytes(path) },
        readStandardInput: { [] }, writeOutput: { output.text += $0 }, writeError: { _ in })
    let listing = CommandRunner.Environment.process.listDirectory
    environment.listDirectory = { path in
        listing(path == "examples" ? directory : path)?.map { "examples/" + $0.dropFirst(directory.count + 1) }
    }
    let status = CommandRunner(environment: environment).run(arguments)
    return (status, output.text)
}
