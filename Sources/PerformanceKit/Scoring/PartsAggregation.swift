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
/// The weighted mean is an exact ``Quotient``: it is rounded once, with the row's score.
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
                values.append(Quantity(plain: .zero, unit: target.quantity.unit))
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
        let shown: [Explanation.Shown] = values.map { sameMagnitude ? .plainMagnitude($0.number, $0.magnitude) : .plain($0.value) }
        let total: Quotient
        let note: Explanation.Note
        switch aggregation {
        case .absolute:
            guard let sum = ExactDecimal.sum(values.map(\.value)) else { return Self.tooLarge }
            total = Quotient(sum)
            note = .partsSummed(shown, total: sum)
        case .relative:
            let funds = parts.compactMap(\.fund)
            guard funds.count == parts.count, let fundTotal = ExactDecimal.sum(funds), fundTotal > .zero else {
                return .undefined(code: .undefinedScore,
                    message: "relative values are weighted by each unit's funds; give fund on every part", field: "parts")
            }
            guard let weighted = Self.weightedSum(zip(funds, values.map(\.value))),
                  let mean = Quotient(weighted, over: WideDecimal(fundTotal)) else { return Self.tooLarge }
            total = mean
            note = .partsWeighted(zip(funds, shown).map { Explanation.Term(fund: $0, value: $1) }, fundTotal: fundTotal,
                                  total: .aggregate(mean))
        }
        if let given = indicator.actual, case .measure(let stated)? = try? IndicatorValue(parsing: given) {
            let places = Int(stated.quantity.number.scale)
            if RoundingRule(scale: places).round(total) != stated.quantity.value {
                var noteText = ByteBuffer(capacity: 64)
                note.render(into: &noteText)
                return .undefined(code: .partsDisagree,
                    message: "the actual \(given) disagrees with what its parts give (\(noteText.text)); correct one of them",
                    field: "actual")
            }
        }
        return figureOutcome(indicator, target: target, actual: Figure(value: total, unit: unit), note: note, keepsFigures: false)
    }

    /// Qualitative rows: each unit's score, weighted by its funds.
    func fundWeightedScores(_ indicator: Indicator, parts: [Indicator.Part]) -> Outcome {
        let w = indicator.weight
        let scores = parts.compactMap(\.score)
        if let bad = scores.first(where: { $0.isNegative || $0 > w }) {
            return .undefined(code: .scoreOutOfRange,
                message: "a part's score \(bad.plainText) lies outside 0…\(w.plainText), the indicator's points", field: "parts")
        }
        let funds = parts.compactMap(\.fund)
        guard funds.count == parts.count, let fundTotal = ExactDecimal.sum(funds), fundTotal > .zero else {
            return .undefined(code: .undefinedScore,
                message: "the units' scores are weighted by their funds; give fund on every part", field: "parts")
        }
        guard let weighted = Self.weightedSum(zip(funds, scores)),
              let score = Quotient(weighted, over: WideDecimal(fundTotal)),
              let rounded = profile.rounding.round(score) else { return Self.tooLarge }
        let terms = zip(funds, scores).map { Explanation.Term(fund: $0, value: .plain($1)) }
        return .scored(raw: score, basis: .fundWeighted, direction: .qualitative,
                       explanation: .fundWeightedScores(terms: terms, fundTotal: fundTotal, result: rounded))
    }

    /// `Σ fₖ·vₖ`, exact in 128 bits, or `nil` beyond.
    static func weightedSum(_ pairs: some Sequence<(ExactDecimal, ExactDecimal)>) -> WideDecimal? {
        var sum = WideDecimal.zero
        for (fund, value) in pairs {
            guard let next = sum.adding(WideDecimal.product(fund, value)) else { return nil }
            sum = next
        }
        return sum
    }

    static let tooLarge = Outcome.undefined(code: .figureTooLarge,
        message: "the units' figures need more digits than a decimal holds (18) to combine exactly", field: "parts")

    /// Relative for percentages and for names of rates, shares and satisfaction; absolute otherwise.
    static func inferredAggregation(_ indicator: Indicator, unit: String?) -> Indicator.Aggregation {
        if unit == "%" || unit == "‰" { return .relative }
        return ["率", "比例", "占比", "满意度"].contains { indicator.name.contains($0) } ? .relative : .absolute
    }
}
