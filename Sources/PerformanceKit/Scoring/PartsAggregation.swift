import Foundation

/// Several budget units' rows for one indicator (备注 2 and 3 of the Wuhan tables):
///
/// ```
/// absolute values (counts, amounts):  B = Σ Bₖ
/// relative values (rates, %):         B = Σ fₖ·Bₖ ÷ Σ fₖ          (fₖ: each unit's funds)
/// qualitative scores:                 s = Σ fₖ·sₖ ÷ Σ fₖ
/// ```
///
/// Quantitative rows aggregate the completion values first and score once ("先汇总完成数，再计算得分"); qualitative
/// rows score each unit and then take the fund-weighted mean of the scores. Whether a value is absolute or relative
/// is the row's `measure` when given, else relative for `%` and `‰` and for names in 率 / 比例 / 占比 / 满意度.
extension IndicatorScorer {
    func partsOutcome(_ indicator: Indicator, parts: [Indicator.Part]) -> Outcome {
        if parts.allSatisfy({ $0.score != nil }) {
            return fundWeightedScores(indicator, parts: parts)
        }
        let target: IndicatorValue.Measure
        switch try? IndicatorValue(parsing: indicator.target) {
        case .measure(let measure)?:
            target = measure
        default:
            return .undefined(code: .undefinedScore,
                message: "the target is not a figure, so the units' rows cannot be summed; give each part a score (fund-weighted) or a judgement",
                field: "parts")
        }
        var values: [Quantity] = []
        for (index, part) in parts.enumerated() {
            switch try? IndicatorValue(parsing: part.actual ?? "") {
            case .measure(let measure)? where measure.alongside.isEmpty:
                values.append(measure.quantity)
            case .text(let text)? where text.kind == .zeroEvent:
                values.append(Quantity(number: 0, unit: target.quantity.unit))
            default:
                return .undefined(code: .unreadableValue,
                    message: "parts[\(index)].actual \"\(part.actual ?? "")\" is not a figure; give a figure or the part's score",
                    field: "parts")
            }
        }
        let units = Set(values.compactMap(\.unit))
        guard units.count <= 1 else {
            return .undefined(code: .unitMismatch,
                message: "the parts are in different units (\(units.sorted().joined(separator: ", "))); write them in one unit",
                field: "parts")
        }
        let unit = units.first ?? target.quantity.unit
        let aggregation = indicator.aggregation ?? Self.inferredAggregation(indicator, unit: unit)
        let sameMagnitude = Set(values.map(\.magnitude)).count == 1
        let shown = values.map { sameMagnitude ? $0.numberText : $0.value.plainText }
        let total: Decimal
        var note: String
        switch aggregation {
        case .absolute:
            total = values.reduce(0) { $0 + $1.value }
            note = "parts summed: \(shown.joined(separator: " + ")) = \(total.plainText)"
        case .relative:
            let funds = parts.compactMap(\.fund)
            let fundTotal = funds.reduce(0, +)
            guard funds.count == parts.count, fundTotal > 0 else {
                return .undefined(code: .undefinedScore,
                    message: "relative values are weighted by each unit's funds; give fund on every part", field: "parts")
            }
            total = zip(funds, values).reduce(0) { $0 + $1.0 * $1.1.value } / fundTotal
            let terms = zip(funds, shown).map { "\($0.plainText) × \($1)" }.joined(separator: " + ")
            note = "parts weighted by fund: (\(terms)) ÷ \(fundTotal.plainText) = \(total.explanationText)"
        }
        if let given = indicator.actual, case .measure(let stated)? = try? IndicatorValue(parsing: given) {
            let places = Self.decimalPlaces(of: stated.quantity.number)
            if RoundingRule(scale: places).round(total) != stated.quantity.value {
                return .undefined(code: .partsDisagree,
                    message: "the actual \(given) disagrees with what its parts give (\(note)); correct one of them",
                    field: "actual")
            }
        }
        let actual = IndicatorValue.Measure(quantity: Quantity(number: total, unit: unit))
        return figureOutcome(indicator, target: target, actual: actual, actualNote: note)
    }

    /// Qualitative rows: each unit's score, weighted by its funds.
    func fundWeightedScores(_ indicator: Indicator, parts: [Indicator.Part]) -> Outcome {
        let w = indicator.weight
        let scores = parts.compactMap(\.score)
        if let bad = scores.first(where: { $0 < 0 || $0 > w }) {
            return .undefined(code: .scoreOutOfRange,
                message: "a part's score \(bad.plainText) lies outside 0…\(w.plainText), the indicator's points", field: "parts")
        }
        let funds = parts.compactMap(\.fund)
        let fundTotal = funds.reduce(0, +)
        guard funds.count == parts.count, fundTotal > 0 else {
            return .undefined(code: .undefinedScore,
                message: "the units' scores are weighted by their funds; give fund on every part", field: "parts")
        }
        let score = zip(funds, scores).reduce(0) { $0 + $1.0 * $1.1 } / fundTotal
        let terms = zip(funds, scores).map { "\($0.plainText) × \($1.plainText)" }.joined(separator: " + ")
        return .scored(raw: score, basis: .fundWeighted, direction: .qualitative,
                       explanation: "parts' scores weighted by fund: (\(terms)) ÷ \(fundTotal.plainText) = \(profile.rounding.round(score).plainText)")
    }

    /// Relative for percentages and for names of rates, shares and satisfaction; absolute otherwise.
    static func inferredAggregation(_ indicator: Indicator, unit: String?) -> Indicator.Aggregation {
        if unit == "%" || unit == "‰" { return .relative }
        return ["率", "比例", "占比", "满意度"].contains { indicator.name.contains($0) } ? .relative : .absolute
    }

    /// Digits after the decimal point in a decimal (`85.54` → 2, `90` → 0).
    static func decimalPlaces(of number: Decimal) -> Int {
        max(0, -number.exponent)
    }
}
