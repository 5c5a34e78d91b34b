import Foundation
import Testing
@testable import PerformanceKit

/// A small deterministic generator (SplitMix64): the same seed gives the same evaluations on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random evaluations in the notation mix of the seeds.
enum EvaluationGenerator {
    static func figure(_ generator: inout SeededGenerator) -> ExactDecimal {
        let cents = Int.random(in: 0...1_000_000, using: &generator)
        return ExactDecimal(significand: Int64(cents), scale: 2)!
    }

    static func indicator(_ generator: inout SeededGenerator) -> Indicator {
        let weight = ExactDecimal(significand: Int64(Int.random(in: 0...40, using: &generator) * 5), scale: 1)!
        let a = figure(&generator)
        let b = figure(&generator)
        let units = ["", "%", "个", "小时"]
        let unit = units[Int.random(in: 0..<units.count, using: &generator)]
        let forms: [(String, String)] = [
            ("≥\(a.plainText)\(unit)", "\(b.plainText)\(unit)"),
            ("≤\(a.plainText)\(unit)", "\(b.plainText)\(unit)"),
            ("＜\(a.plainText)\(unit)", "＜\(b.plainText)\(unit)"),
            ("\(a.plainText)\(unit)", "\(b.plainText)\(unit)"),
            ("0", Bool.random(using: &generator) ? "0" : b.plainText),
            ("是", Bool.random(using: &generator) ? "是" : "完成"),
            ("7x24小时", "7x24小时"),
        ]
        let (target, actual) = forms[Int.random(in: 0..<forms.count, using: &generator)]
        let categories: [IndicatorCategory] = [.cost, .output, .benefit, .satisfaction]
        return Indicator(category: categories[Int.random(in: 0..<4, using: &generator)], subcategory: nil,
                         name: "指标", weight: weight, target: target, actual: actual)
    }

    static func evaluation(_ generator: inout SeededGenerator) -> Evaluation {
        let count = Int.random(in: 1...16, using: &generator)
        let planned = figure(&generator) + 1
        let executed = planned * ExactDecimal(significand: Int64(Int.random(in: 0...120, using: &generator)), scale: 2)!
        return Evaluation(budget: BudgetExecution(planned: planned, executed: executed),
                          indicators: (0..<count).map { _ in indicator(&generator) })
    }
}

@Suite("Invariants over 10,000 generated evaluations")
struct InvariantTests {
    static let count = 10_000

    @Test func keepsEveryScoreWithinItsPointsAndTheTotalWithinTheMaximum() {
        var generator = SeededGenerator(seed: 2023)
        let scorer = Scorer(profile: .wuhan2023)
        var scored = 0
        for _ in 0..<Self.count {
            let card = scorer.score(EvaluationGenerator.evaluation(&generator))
            for row in card.indicators {
                guard let score = row.score else { continue }
                #expect(score >= 0 && score <= row.weight, "\(row.target) → \(row.actual ?? ""): \(score) of \(row.weight)")
                #expect(RoundingRule().round(score) == score)
            }
            #expect(card.budget.score >= 0 && card.budget.score <= card.budget.weight)
            if let total = card.total {
                scored += 1
                #expect(total >= 0 && total <= card.maximum)
                #expect(total == card.categories.reduce(card.budget.score) { $0 + ($1.score ?? 0) })
            }
        }
        #expect(scored > Self.count / 2)
    }

    @Test func neverLowersAForwardScoreWhenTheActualRisesNorRaisesAReverseOne() {
        var generator = SeededGenerator(seed: 17)
        let scorer = IndicatorScorer(profile: .wuhan2023)
        for _ in 0..<Self.count {
            let a = EvaluationGenerator.figure(&generator) + 1
            let b = EvaluationGenerator.figure(&generator)
            let more = b + EvaluationGenerator.figure(&generator) / 10
            let weight = ExactDecimal(Int.random(in: 1...40, using: &generator))
            for comparator in ["≥", "≤"] {
                let low = scorer.score(Indicator(category: .output, name: "x", weight: weight, target: "\(comparator)\(a.plainText)",
                                                 actual: b.plainText), at: 0).0.score ?? -1
                let high = scorer.score(Indicator(category: .output, name: "x", weight: weight, target: "\(comparator)\(a.plainText)",
                                                  actual: more.plainText), at: 0).0.score ?? -1
                if comparator == "≥" {
                    #expect(high >= low, "≥\(a): \(b) → \(low), \(more) → \(high)")
                } else {
                    #expect(high <= low, "≤\(a): \(b) → \(low), \(more) → \(high)")
                }
            }
        }
    }

    @Test func scoresTheSameWhateverTheOrderOfTheRows() {
        var generator = SeededGenerator(seed: 99)
        let scorer = Scorer(profile: .wuhan2023)
        for _ in 0..<(Self.count / 10) {
            var evaluation = EvaluationGenerator.evaluation(&generator)
            let forward = scorer.score(evaluation).total
            evaluation.indicators.shuffle(using: &generator)
            #expect(scorer.score(evaluation).total == forward)
        }
    }

    @Test func readsBackEveryValueItPrints() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<Self.count {
            let indicator = EvaluationGenerator.indicator(&generator)
            for text in [indicator.target, indicator.actual ?? ""] {
                guard let value = try? IndicatorValue(parsing: text) else {
                    Issue.record("generated \(text) does not read")
                    continue
                }
                #expect(try IndicatorValue(parsing: value.description) == value, "\(text)")
            }
        }
    }

    @Test func roundsIdempotently() {
        var generator = SeededGenerator(seed: 5)
        let rounding = RoundingRule()
        for _ in 0..<Self.count {
            let value = ExactDecimal(significand: Int64(Int.random(in: 0...100_000_000, using: &generator)), scale: 5)!
            #expect(rounding.round(rounding.round(value)) == rounding.round(value))
        }
    }
}
