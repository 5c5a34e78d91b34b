import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

/// What a bad input must give, exactly.
enum ExpectedOutcome: Sendable, CustomStringConvertible {
    /// A valid input: this total.
    case total(String)
    /// The file cannot be read: an EvaluationFileError naming this path (nil: a syntax or encoding problem).
    case readingError(path: String?)
    /// The file reads, but this row cannot be scored: an error diagnostic at this path.
    case unscorable(path: String)
    /// The file names a rule profile that does not exist.
    case unknownRules
    /// The table is scored as the evaluator wrote it (this total), with an error finding at this path: exit 1.
    case scoredWithError(total: String, path: String)

    var description: String {
        switch self {
        case .total(let total): return "total \(total)"
        case .readingError(let path): return "reading error at \(path ?? "(syntax)")"
        case .unscorable(let path): return "unscorable at \(path)"
        case .unknownRules: return "unknown rules"
        case .scoredWithError(let total, let path): return "total \(total) with an error at \(path)"
        }
    }
}

/// One case of the corpus: a name, the bytes, and the exact outcome.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expected: ExpectedOutcome

    var testDescription: String { "\(name) → \(expected)" }
}

/// The bad-input corpus: hand-written cases and cases generated from a valid file, over 200 in all.
enum BadInputCorpus {
    /// A valid evaluation (20 + 80 points, total 99.75) every generated case starts from.
    static var base: [String: Any] { [
        "format": "perfscore/1", "title": "基准", "agency": "单位", "year": 2023, "kind": "project", "rules": "wuhan-2023",
        "budget": ["planned": 894.13, "executed": 894.13, "initial": 900, "weight": 20],
        "indicators": [
            ["category": "产出指标", "subcategory": "数量指标", "name": "通报", "unit": "期", "weight": 1,
             "target": "4", "actual": "3", "published": 0.75],
            ["category": "满意度指标", "subcategory": "服务对象满意度指标", "name": "满意度", "unit": "%", "weight": 79,
             "target": "≥99.9", "actual": "99.98", "direction": "forward", "deduction": 0, "reason": "无"],
        ],
        "published": ["total": 99.75, "budget": 20, "categories": ["产出指标": 0.75, "满意度指标": 79]],
    ] }

    static func json(_ value: Any) -> [UInt8] {
        (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])).map { [UInt8]($0) } ?? []
    }

    static func text(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `base` with one field replaced (or removed, with `nil`) at a dotted path such as `indicators.0.weight`.
    static func replacing(_ path: String, with value: Any?) -> [UInt8] {
        func set(_ container: Any, _ keys: ArraySlice<String>) -> Any? {
            guard let key = keys.first else { return value }
            if var array = container as? [Any], let index = Int(key) {
                if let new = set(array[index], keys.dropFirst()) { array[index] = new } else { array.remove(at: index) }
                return array
            }
            var object = container as? [String: Any] ?? [:]
            if keys.count == 1 {
                object[key] = value
            } else if let inner = object[key] {
                object[key] = set(inner, keys.dropFirst())
            }
            return object
        }
        return json(set(base, path.split(separator: ".").map(String.init)[...]) ?? base)
    }

    static func jsonPath(_ dotted: String) -> String {
        var result = ""
        for part in dotted.split(separator: ".") {
            if let index = Int(part) { result += "[\(index)]" } else { result += (result.isEmpty ? "" : ".") + part }
        }
        return result
    }

    static let cases: [BadInput] = {
        var cases: [BadInput] = []
        cases.append(BadInput(name: "the valid base", bytes: json(base), expected: .total("99.75")))

        // Truncated files: every 40th prefix of a real example is a syntax error, never a crash.
        let example = (try? Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")) ?? []
        for length in stride(from: 0, to: example.count - 1, by: max(1, example.count / 40)) {
            cases.append(BadInput(name: "truncated at byte \(length)", bytes: Array(example[..<length]),
                                  expected: .readingError(path: nil)))
        }

        // Wrong types in every field.
        let strings = ["title", "agency", "kind", "rules", "indicators.0.subcategory", "indicators.0.unit",
                       "indicators.1.direction", "indicators.1.reason"]
        let requiredStrings = ["indicators.0.category", "indicators.0.name"]
        let numbers = ["budget.planned", "budget.executed", "budget.initial", "budget.weight", "indicators.0.weight",
                       "indicators.1.deduction", "indicators.0.published", "published.total", "published.budget"]
        let cells = ["indicators.0.target", "indicators.0.actual"]
        for path in strings + requiredStrings {
            for (label, value) in [("a number", 7 as Any), ("true", true), ("an array", [1]), ("an object", ["a": 1])] {
                cases.append(BadInput(name: "\(path) is \(label)", bytes: replacing(path, with: value),
                                      expected: .readingError(path: jsonPath(path))))
            }
        }
        for path in numbers {
            for (label, value) in [("a string", "七" as Any), ("true", true), ("an array", [1]), ("an object", ["a": 1])] {
                cases.append(BadInput(name: "\(path) is \(label)", bytes: replacing(path, with: value),
                                      expected: .readingError(path: jsonPath(path))))
            }
        }
        for path in cells {
            for (label, value) in [("true", true as Any), ("an array", [1]), ("an object", ["a": 1])] {
                cases.append(BadInput(name: "\(path) is \(label)", bytes: replacing(path, with: value),
                                      expected: .readingError(path: jsonPath(path))))
            }
        }
        for (label, value) in [("a string", "x" as Any), ("a number", 1), ("true", true)] {
            for path in ["budget", "indicators", "indicators.0", "published", "published.categories"] {
                cases.append(BadInput(name: "\(path) is \(label)", bytes: replacing(path, with: value),
                                      expected: .readingError(path: jsonPath(path))))
            }
        }
        for (label, value) in [("a string", "2023" as Any), ("a fraction", 2023.5), ("too early", 1066)] {
            cases.append(BadInput(name: "year is \(label)", bytes: replacing("year", with: value), expected: .readingError(path: "year")))
        }
        for (label, value) in [("a number", 1 as Any), ("another format", "perfscore/2"), ("empty", "")] {
            cases.append(BadInput(name: "format is \(label)", bytes: replacing("format", with: value), expected: .readingError(path: "format")))
        }
        for (path, value) in [("kind", "programme"), ("indicators.1.direction", "upward"), ("indicators.0.judgement", "good")] {
            cases.append(BadInput(name: "\(path) is \"\(value)\"", bytes: replacing(path, with: value),
                                  expected: .readingError(path: jsonPath(path))))
        }
        for path in ["indicators.0.category", "indicators.0.name"] {
            cases.append(BadInput(name: "\(path) is empty", bytes: replacing(path, with: "  "), expected: .readingError(path: jsonPath(path))))
        }

        // Missing required fields.
        for path in ["format", "budget", "budget.planned", "budget.executed", "indicators", "indicators.0.category",
                     "indicators.0.name", "indicators.0.weight", "indicators.0.target", "indicators.0.actual"] {
            cases.append(BadInput(name: "\(path) missing", bytes: replacing(path, with: nil), expected: .readingError(path: jsonPath(path))))
        }
        // Optional fields removed or null: still scores.
        for path in ["title", "agency", "year", "kind", "rules", "budget.initial", "budget.weight", "indicators.0.published"] {
            cases.append(BadInput(name: "\(path) absent", bytes: replacing(path, with: nil), expected: .total("99.75")))
        }
        cases.append(BadInput(name: "published absent", bytes: replacing("published", with: nil), expected: .total("99.75")))

        // Numbers JSON does not have, and numbers out of range.
        let baseText = String(decoding: json(base), as: UTF8.self)
        for literal in ["NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "01", "1e", "0x10", "1_000"] {
            cases.append(BadInput(name: "weight \(literal)", bytes: text(baseText.replacingOccurrences(of: "\"weight\":79", with: "\"weight\":\(literal)")),
                                  expected: .readingError(path: nil)))
        }
        for literal in ["1e400", "1e16", "-1", "-0.01", "123456789012345678901234567890", "1e-400"] {
            cases.append(BadInput(name: "weight \(literal)", bytes: text(baseText.replacingOccurrences(of: "\"weight\":79", with: "\"weight\":\(literal)")),
                                  expected: .readingError(path: "indicators[1].weight")))
        }
        cases.append(BadInput(name: "weight 7.9e1", bytes: text(baseText.replacingOccurrences(of: "\"weight\":79", with: "\"weight\":7.9e1")),
                              expected: .total("99.75")))
        cases.append(BadInput(name: "weights that do not add up", bytes: replacing("indicators.1.weight", with: 50), expected: .total("70.75")))
        cases.append(BadInput(name: "weight 0", bytes: replacing("indicators.1.weight", with: 0), expected: .total("20.75")))
        cases.append(BadInput(name: "huge budget", bytes: replacing("budget.planned", with: 999_999_999_999_999 as Int64), expected: .total("79.75")))

        // Odd notations in the target.
        let unreadable = ["≥≥5", "5%%", "--3", "7x", "≥", "5.", "≥5/", "1,80", "≥5个个5", "≤-", "++4", "4次，其中2次"]
        // Without a printed score on the row (which would stand in as the evaluator's judgement).
        var unprinted = (base["indicators"] as? [[String: Any]])?.first ?? [:]
        unprinted["published"] = nil
        for target in unreadable {
            var withTarget = unprinted
            withTarget["target"] = target
            cases.append(BadInput(name: "target \(target)", bytes: replacing("indicators.0", with: withTarget),
                                  expected: .unscorable(path: "indicators[0].target")))
            var withActual = unprinted
            withActual["actual"] = target
            cases.append(BadInput(name: "actual \(target)", bytes: replacing("indicators.0", with: withActual),
                                  expected: .unscorable(path: "indicators[0].actual")))
        }
        cases.append(BadInput(name: "an unreadable actual under a printed score", bytes: replacing("indicators.0.actual", with: "≥≥3"),
                              expected: .total("99.75")))
        for (target, actual, total) in [("４", "３", "99.75"), ("≥4", "3", "99.75"), ("不少于4期", "3期", "99.75"),
                                        ("≧4", "３", "99.75"), (" 4 ", "3。", "99.75"), ("4", "≥3", "99.75")] {
            var indicator = (base["indicators"] as? [[String: Any]])?[0] ?? [:]
            indicator["target"] = target
            indicator["actual"] = actual
            cases.append(BadInput(name: "target \(target), actual \(actual)", bytes: replacing("indicators.0", with: indicator),
                                  expected: .total(total)))
        }
        // Words before a figure are not read: 是≥4次 scores as ≥4次 (lint reports the form).
        var labelled = unprinted
        labelled["target"] = "是≥4次"
        labelled["actual"] = "4次"
        cases.append(BadInput(name: "target 是≥4次, actual 4次", bytes: replacing("indicators.0", with: labelled), expected: .total("100")))
        for (target, actual) in [("≥4次/4份", "4次"), ("好", "较好"), ("4", "完成"), ("", "3"), ("4", "")] {
            var indicator = (base["indicators"] as? [[String: Any]])?[0] ?? [:]
            indicator["target"] = target
            indicator["actual"] = actual
            indicator["published"] = nil
            let field = target.isEmpty || target.hasPrefix("≥4次/") ? "target" : "actual"
            cases.append(BadInput(name: "target \(target.isEmpty ? "empty" : target), actual \(actual.isEmpty ? "empty" : actual)",
                                  bytes: replacing("indicators.0", with: indicator),
                                  expected: .unscorable(path: "indicators[0].\(field)")))
        }
        let long = String(repeating: "≥", count: 10_000)
        cases.append(BadInput(name: "a 10,000-character target", bytes: replacing("indicators.0.target", with: long),
                              expected: .readingError(path: "indicators[0].target")))
        cases.append(BadInput(name: "a 2,000-character name", bytes: replacing("indicators.0.name", with: String(repeating: "名", count: 2_000)),
                              expected: .total("99.75")))

        // Structure.
        cases.append(BadInput(name: "no indicators", bytes: replacing("indicators", with: [Any]()), expected: .readingError(path: "indicators")))
        let many = (0..<100_000).map { _ in "{\"category\":\"产出指标\",\"name\":\"n\",\"weight\":0,\"target\":\"1\",\"actual\":\"1\"}" }
        cases.append(BadInput(name: "100,000 indicators",
                              bytes: text("{\"format\":\"perfscore/1\",\"budget\":{\"planned\":1,\"executed\":1},\"indicators\":[" + many.joined(separator: ",") + "]}"),
                              expected: .readingError(path: "indicators")))
        cases.append(BadInput(name: "nested 10,000 deep", bytes: text(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
                              expected: .readingError(path: nil)))
        cases.append(BadInput(name: "objects nested 10,000 deep", bytes: text(String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)),
                              expected: .readingError(path: nil)))
        cases.append(BadInput(name: "unknown rules", bytes: replacing("rules", with: "mars-2099"), expected: .unknownRules))
        cases.append(BadInput(name: "a byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + json(base), expected: .total("99.75")))
        cases.append(BadInput(name: "GB18030 bytes", bytes: text(baseText).map { $0 == 0xE9 ? 0xB2 : $0 }, expected: .readingError(path: nil)))
        cases.append(BadInput(name: "UTF-16", bytes: [0xFF, 0xFE] + baseText.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                              expected: .readingError(path: nil)))
        for (label, bytes) in [("empty", ""), ("white space", " \n\t "), ("null", "null"), ("a number", "42"), ("a string", "\"x\""),
                               ("an array", "[]"), ("two objects", "{} {}"), ("a comment", "// x\n{}"), ("single quotes", "{'a': 1}"),
                               ("a trailing comma", "{\"format\":\"perfscore/1\",}"), ("a control character", "{\"a\":\"\u{01}\"}"),
                               ("a lone surrogate", "{\"a\":\"\\ud800\"}"), ("a bad escape", "{\"a\":\"\\x\"}")] {
            let expected: ExpectedOutcome = ["null", "a number", "a string", "an array"].contains(label)
                ? .readingError(path: "(file)") : .readingError(path: nil)
            cases.append(BadInput(name: label, bytes: text(bytes), expected: expected))
        }
        cases.append(BadInput(name: "an empty object", bytes: text("{}"), expected: .readingError(path: "format")))
        cases.append(BadInput(name: "a duplicate key", bytes: text(baseText.replacingOccurrences(of: "\"title\":\"基准\"", with: "\"title\":\"基准\",\"title\":\"又\"")),
                              expected: .readingError(path: "title")))
        // Issue 14 §5: an evaluator's score above the points, or outside its judgement's band, is scored as written
        // and flagged; the file stays usable.
        cases.append(BadInput(name: "a score above its points", bytes: replacing("indicators.0.score", with: 5),
                              expected: .scoredWithError(total: "104", path: "indicators[0].score")))
        cases.append(BadInput(name: "a judgement score outside its band",
                              bytes: replacing("indicators.0", with: ["category": "产出指标", "name": "n", "weight": 1, "target": "好",
                                                                       "actual": "一般", "judgement": "部分达成", "score": 0.9]),
                              expected: .scoredWithError(total: "99.9", path: "indicators[0].score")))
        return cases
    }()
}

@Suite("Hostile input: the bad-input corpus")
struct BadInputTests {
    @Test func holdsAtLeastTwoHundredCases() {
        #expect(BadInputCorpus.cases.count >= 200)
    }

    @Test(arguments: BadInputCorpus.cases)
    func givesTheExactOutcome(_ input: BadInput) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result { () throws(Evaluator.Failure) -> ScoreCard in try Evaluator().evaluate(input.bytes) }
        #expect(clock.now - start < .seconds(20), "a hang: \(input.name)")
        switch (input.expected, result) {
        case (.total(let total), .success(let card)):
            #expect(card.total == dec(total), "\(input.name): \(card.errors)")
        case (.unscorable(let path), .success(let card)):
            #expect(card.total == nil, "\(input.name)")
            #expect(card.errors.map(\.path.description).contains(path), "\(input.name): \(card.errors.map(\.description))")
        case (.readingError(let path), .failure(.file(let error))):
            if let path {
                #expect(error.problems.contains { $0.path?.description == path }, "\(input.name): \(error.problems)")
            } else {
                #expect(error.problems.allSatisfy { $0.path == nil }, "\(input.name): \(error.problems)")
            }
        case (.unknownRules, .failure(.unknownRules)):
            break
        case (.scoredWithError(let total, let path), .success(let card)):
            #expect(card.total == dec(total), "\(input.name)")
            #expect(card.errors.map(\.path.description) == [path], "\(input.name): \(card.errors.map(\.description))")
        default:
            Issue.record("\(input.name): expected \(input.expected), got \(result)")
        }
    }

    @Test(arguments: BadInputCorpus.cases.filter {
        switch $0.expected {
        case .total, .scoredWithError: false
        default: true
        }
    })
    func makesTheCommandExitTwoWithAMessage(_ input: BadInput) {
        final class Box: @unchecked Sendable { var text = "" }
        let output = Box()
        let errors = Box()
        let runner = CommandRunner(environment: .init(readFile: { _ in input.bytes }, readStandardInput: { [] },
                                                      writeOutput: { output.text += $0 }, writeError: { errors.text += $0 }))
        #expect(runner.run(["bad.json"]) == .unusable, "\(input.name)")
        #expect(output.text.isEmpty)
        #expect(errors.text.hasPrefix("perfscore: bad.json"), "\(input.name): \(errors.text)")
    }

    @Test(arguments: BadInputCorpus.cases.filter { if case .scoredWithError = $0.expected { true } else { false } })
    func makesTheCommandExitOneWithTheReportAndTheFinding(_ input: BadInput) {
        final class Box: @unchecked Sendable { var text = "" }
        let output = Box()
        let runner = CommandRunner(environment: .init(readFile: { _ in input.bytes }, readStandardInput: { [] },
                                                      writeOutput: { output.text += $0 }, writeError: { _ in }))
        #expect(runner.run(["bad.json"]) == .findings, "\(input.name)")
        #expect(output.text.contains("error[score-o"), "\(input.name): \(output.text)")
    }
}
