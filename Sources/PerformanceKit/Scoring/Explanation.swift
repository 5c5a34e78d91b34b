/// How a score was reached, held as values (the formula and its figures) and put into words once, by
/// ``render(into:)``, when a report asks for it.
///
/// `1 × 3 ÷ 4 = 0.75`, `7 × 50 ÷ 37 = 9.46, capped at 7`, `全年未发生安全事故 read as 0: target 0, actual 0: met, 6`.
/// Scoring a batch for its figures alone never builds a string.
enum Explanation: Sendable, Equatable {
    /// `w × n ÷ d = r`, and `, capped at w` when the ratio exceeds `w` (`r` is the ratio as shown: rounded as scores
    /// are, or two places finer where that would hide the excess over the cap).
    case ratio(weight: ExactDecimal, numerator: Shown, denominator: Shown, result: ExactDecimal, capped: Bool)
    /// The linear reverse formula: `w × (1 − (B − A) ÷ A) = r`, or `≤ 0: at twice the target or more, 0`.
    case linearReverse(weight: ExactDecimal, actual: Shown, target: Shown, result: ExactDecimal?)
    /// `actual B is within A: w` (linear reverse, B ≤ A).
    case withinTarget(actual: Shown, target: Shown, weight: ExactDecimal)
    /// `actual 0 is within A: w`.
    case zeroActual(target: Shown, weight: ExactDecimal)
    /// `target 0, actual 0: met, w`.
    case zeroTargetMet(weight: ExactDecimal)
    /// `target 0, actual B: missed, 0`.
    case zeroTargetMissed(actual: Shown)
    /// `target A is met by any actual: w` (a forward target of 0).
    case metByAnyActual(target: Shown, weight: ExactDecimal)
    /// `actual B equals the target: w`, for figures and text.
    case equalsTarget(actual: Shown, weight: ExactDecimal)
    /// `target A and actual B both read as 0: w`.
    case bothReadAsZero(target: String, actual: String, weight: ExactDecimal)
    /// `actual B meets the text target A: w`.
    case achievementWord(actual: String, target: String, weight: ExactDecimal)
    /// `actual 11月完成 (at the latest 11月30日) is not later than the deadline 12月底前 (12月31日): w`; the days in
    /// parentheses only where the text is not already that day.
    case deadlineMet(actual: String, actualLatest: String?, deadline: String, deadlineLatest: String?, weight: ExactDecimal)
    /// `actual 按时完成 says the deadline 12月底前 was met: w`.
    case saidOnTime(actual: String, deadline: String, weight: ExactDecimal)
    /// Notes on how the values were read, then the rest: `note; note: rest`.
    indirect case noted([Note], Explanation)
    /// `达成 (80–100 % of 7): evaluator's score 6.5` and the reason.
    case judgementScore(Indicator.Judgement, Band, score: ExactDecimal, reason: StoredText?)
    /// `达成 (80–100 % of 7): top of the band, 7 × 1 = 7`.
    case judgementTop(Indicator.Judgement, Band, upper: ExactDecimal, result: ExactDecimal)
    /// `部分达成 (50–80 % of 4): rest` (several units' fund-weighted scores inside the tier's band).
    indirect case banded(Indicator.Judgement, Band, Explanation)
    /// `parts' scores weighted by fund: (f × s + …) ÷ F = r`.
    case fundWeightedScores(terms: [Term], fundTotal: ExactDecimal, result: ExactDecimal)
    /// `evaluator's score s (the rule gives rest)` and the reason.
    indirect case evaluatorOverride(score: ExactDecimal, ruleGives: Explanation, reason: StoredText?)
    /// `evaluator's score s` and the reason: a row the rule cannot score.
    case evaluatorScore(ExactDecimal, reason: StoredText?)
    /// `printed score p, taken as the evaluator's judgement`.
    case printedScoreStands(ExactDecimal)
    /// `rest; − d deducted (reason) = r`.
    indirect case deducted(Explanation, deduction: ExactDecimal, reason: StoredText?, result: ExactDecimal)
    /// No figure: the message of the row's error.
    case undefined(String)
    /// `w × B ÷ A = r` of the budget block, with plain figures.
    case budgetRatio(weight: ExactDecimal, executed: ExactDecimal, planned: ExactDecimal, result: ExactDecimal, capped: Bool)
    /// `planned 0: no execution rate, 0`.
    case noBudget
    /// `rate 86.19 % reaches the step 80 %: 7 (steps 100 % → 10, 80 % → 7, …)`.
    case budgetStep(rate: ExactDecimal, step: ExactDecimal, score: ExactDecimal, table: [(rate: ExactDecimal, points: ExactDecimal)])
    /// `Σ × ratio ÷ 100 = weighted` of a goal.
    case goal(sum: ExactDecimal, ratio: ExactDecimal, weighted: ExactDecimal)
    /// `Σ × ratio ÷ 100 = weighted; × factor = scaled` of a goal scored under another rule's points (`factor`: the
    /// profile's indicator points ÷ the table's after the ratios, as shown to 12 places).
    case scaledGoal(sum: ExactDecimal, ratio: ExactDecimal, weighted: ExactDecimal, factor: ExactDecimal, scaled: ExactDecimal)
    /// `a row of the goal could not be scored`.
    case goalIncomplete

    /// One fund-weighted term: a unit's fund and its value.
    struct Term: Sendable, Equatable {
        var fund: ExactDecimal
        var value: Shown
    }

    /// A tier's band as explanations print it: `80–100 % of 7`.
    struct Band: Sendable, Equatable {
        var lower: ExactDecimal
        var upper: ExactDecimal
        var weight: ExactDecimal
    }

    /// How a value was read before the rule applied.
    enum Note: Sendable, Equatable {
        /// `全年未发生安全事故 read as 0`.
        case actualReadAsZero(String)
        /// `target 无 read as 0`.
        case targetReadAsZero(String)
        /// `actual ≤0.17 read as 0.17`.
        case comparatorOnActual(IndicatorValue.Comparator, Shown)
        /// `parts summed: 3 + 4 = 7`.
        case partsSummed([Shown], total: ExactDecimal)
        /// `parts weighted by fund: (500 × 95 + 300 × 98.33) ÷ 800 = 96.2488…`.
        case partsWeighted([Term], fundTotal: ExactDecimal, total: Shown)
        /// `actual 已建立 says 建立 was done`: the perfective 已 (已经) before the target or an achievement word.
        case statedAsDone(actual: String, done: String)
        /// `target 2小时 read as 120分钟`: a unit converted into the other side's (``UnitConversion``).
        case unitConverted(onTarget: Bool, from: Shown, fromUnit: String, to: Shown, toUnit: String)
    }

    /// A figure as explanations print it.
    enum Shown: Sendable, Equatable {
        /// Plain digits (`894.13`): weights, budgets, scores.
        case plain(ExactDecimal)
        /// A figure exact up to four decimals, else rounded to four and marked `…`, followed by its magnitude word
        /// (`808亿`) when it has one.
        case figure(ExactDecimal, Quantity.Magnitude)
        /// An aggregate such as 280 ÷ 3, kept whole: exact up to four decimals, else rounded to four and marked `…`.
        indirect case aggregate(Quotient)
        /// Plain digits and a magnitude word (`808亿`), as several units' values are listed.
        case plainMagnitude(ExactDecimal, Quantity.Magnitude)
        /// A value as its canonical spelling (`7x24小时`, `≥99.9%`).
        indirect case value(IndicatorValue)
    }
}

extension Explanation {
    static func == (lhs: Explanation, rhs: Explanation) -> Bool {
        lhs.text.hasSameBytes(as: rhs.text)
    }

    /// The explanation in words.
    var text: String {
        var bytes = ByteBuffer(capacity: 64)
        render(into: &bytes)
        return bytes.text
    }

    /// Whether the words give the row's reason (偏差原因): an evaluator's score, a judgement's score or a deduction
    /// with its reason, here or in the explanation it wraps. A report that prints reasons beside explanations prints
    /// it only where this is `false`.
    var givesReason: Bool {
        switch self {
        case .judgementScore(_, _, _, let reason), .evaluatorScore(_, let reason): return reason != nil
        case .evaluatorOverride(_, let rule, let reason): return reason != nil || rule.givesReason
        case .deducted(let rest, _, let reason, _): return reason != nil || rest.givesReason
        case .noted(_, let rest), .banded(_, _, let rest): return rest.givesReason
        default: return false
        }
    }

    /// Appends the explanation's words as UTF-8.
    func render(into out: inout ByteBuffer) {
        switch self {
        case .ratio(let weight, let numerator, let denominator, let result, let capped):
            out.write(weight); out.write(" × "); out.write(numerator); out.write(" ÷ "); out.write(denominator)
            out.write(" = "); out.write(result)
            if capped { out.write(", capped at "); out.write(weight) }
        case .budgetRatio(let weight, let executed, let planned, let result, let capped):
            out.write(weight); out.write(" × "); out.write(executed); out.write(" ÷ "); out.write(planned)
            out.write(" = "); out.write(result)
            if capped { out.write(", capped at "); out.write(weight) }
        case .linearReverse(let weight, let actual, let target, let result):
            out.write(weight); out.write(" × (1 − ("); out.write(actual); out.write(" − "); out.write(target)
            out.write(") ÷ "); out.write(target); out.write(")")
            if let result {
                out.write(" = "); out.write(result)
            } else {
                out.write(" ≤ 0: at twice the target or more, 0")
            }
        case .withinTarget(let actual, let target, let weight):
            out.write("actual "); out.write(actual); out.write(" is within "); out.write(target); out.write(": "); out.write(weight)
        case .zeroActual(let target, let weight):
            out.write("actual 0 is within "); out.write(target); out.write(": "); out.write(weight)
        case .zeroTargetMet(let weight):
            out.write("target 0, actual 0: met, "); out.write(weight)
        case .zeroTargetMissed(let actual):
            out.write("target 0, actual "); out.write(actual); out.write(": missed, 0")
        case .metByAnyActual(let target, let weight):
            out.write("target "); out.write(target); out.write(" is met by any actual: "); out.write(weight)
        case .equalsTarget(let actual, let weight):
            out.write("actual "); out.write(actual); out.write(" equals the target: "); out.write(weight)
        case .bothReadAsZero(let target, let actual, let weight):
            out.write("target "); out.write(string: target); out.write(" and actual "); out.write(string: actual)
            out.write(" both read as 0: "); out.write(weight)
        case .achievementWord(let actual, let target, let weight):
            out.write("actual "); out.write(string: actual); out.write(" meets the text target "); out.write(string: target)
            out.write(": "); out.write(weight)
        case .deadlineMet(let actual, let actualLatest, let deadline, let deadlineLatest, let weight):
            out.write("actual "); out.write(string: actual)
            if let actualLatest { out.write(" (at the latest "); out.write(string: actualLatest); out.write(")") }
            out.write(" is not later than the deadline "); out.write(string: deadline)
            if let deadlineLatest { out.write(" ("); out.write(string: deadlineLatest); out.write(")") }
            out.write(": "); out.write(weight)
        case .saidOnTime(let actual, let deadline, let weight):
            out.write("actual "); out.write(string: actual); out.write(" says the deadline "); out.write(string: deadline)
            out.write(" was met: "); out.write(weight)
        case .noted(let notes, let rest):
            for (index, note) in notes.enumerated() {
                if index > 0 { out.write("; ") }
                note.render(into: &out)
            }
            out.write(": ")
            rest.render(into: &out)
        case .judgementScore(let judgement, let band, let score, let reason):
            out.write(string: judgement.rawValue); out.write(" ("); band.render(into: &out); out.write("): evaluator's score ")
            out.write(score)
            if let reason { out.write(": "); out.write(reason) }
        case .judgementTop(let judgement, let band, let upper, let result):
            out.write(string: judgement.rawValue); out.write(" ("); band.render(into: &out); out.write("): top of the band, ")
            out.write(band.weight); out.write(" × "); out.write(upper); out.write(" = "); out.write(result)
        case .banded(let judgement, let band, let rest):
            out.write(string: judgement.rawValue); out.write(" ("); band.render(into: &out); out.write("): ")
            rest.render(into: &out)
        case .fundWeightedScores(let terms, let fundTotal, let result):
            out.write("parts' scores weighted by fund: ")
            Self.renderTerms(terms, fundTotal: fundTotal, into: &out)
            out.write(" = "); out.write(result)
        case .evaluatorOverride(let score, let rule, let reason):
            out.write("evaluator's score "); out.write(score); out.write(" (the rule gives ")
            rule.render(into: &out)
            out.write(")")
            if let reason { out.write(": "); out.write(reason) }
        case .evaluatorScore(let score, let reason):
            out.write("evaluator's score "); out.write(score)
            if let reason { out.write(": "); out.write(reason) }
        case .printedScoreStands(let printed):
            out.write("printed score "); out.write(printed); out.write(", taken as the evaluator's judgement")
        case .deducted(let rest, let deduction, let reason, let result):
            rest.render(into: &out)
            out.write("; − "); out.write(deduction); out.write(" deducted")
            if let reason { out.write(" ("); out.write(reason); out.write(")") }
            out.write(" = "); out.write(result)
        case .undefined(let message):
            out.write(string: message)
        case .noBudget:
            out.write("planned 0: no execution rate, 0")
        case .budgetStep(let rate, let step, let score, let table):
            out.write("rate "); out.writePercent(rate); out.write(" reaches the step "); out.writePercent(step)
            out.write(": "); out.write(score); out.write(" (steps ")
            for (index, entry) in table.enumerated() {
                if index > 0 { out.write(", ") }
                out.writePercent(entry.rate); out.write(" → "); out.write(entry.points)
            }
            out.write(")")
        case .goal(let sum, let ratio, let weighted):
            out.write(sum); out.write(" × "); out.write(ratio); out.write(" ÷ 100 = "); out.write(weighted)
        case .scaledGoal(let sum, let ratio, let weighted, let factor, let scaled):
            out.write(sum); out.write(" × "); out.write(ratio); out.write(" ÷ 100 = "); out.write(weighted)
            out.write("; × "); out.write(factor); out.write(" = "); out.write(scaled)
        case .goalIncomplete:
            out.write("a row of the goal could not be scored")
        }
    }

    static func renderTerms(_ terms: [Term], fundTotal: ExactDecimal, into out: inout ByteBuffer) {
        out.write("(")
        for (index, term) in terms.enumerated() {
            if index > 0 { out.write(" + ") }
            out.write(term.fund); out.write(" × "); out.write(term.value)
        }
        out.write(") ÷ "); out.write(fundTotal)
    }
}

extension Explanation {
    /// A raw figure as the ratio explanations show it: rounded as scores are (`9.46`); where that would hide an
    /// excess over the cap (`3.001` → `3`), two more places (`3.0011`). `nil` beyond 18 digits.
    static func shownFigure(_ raw: Quotient, cap: ExactDecimal, scale: Int, capped: Bool) -> ExactDecimal? {
        guard let shown = raw.rounded(scale: scale) else { return nil }
        if capped, shown <= cap, let finer = raw.rounded(scale: scale + 2) { return finer }
        return shown
    }
}

extension Explanation.Note {
    func render(into out: inout ByteBuffer) {
        switch self {
        case .actualReadAsZero(let text):
            out.write(string: text); out.write(" read as 0")
        case .targetReadAsZero(let text):
            out.write("target "); out.write(string: text); out.write(" read as 0")
        case .comparatorOnActual(let comparator, let shown):
            out.write("actual "); out.write(string: comparator.rawValue); out.write(shown); out.write(" read as "); out.write(shown)
        case .partsSummed(let values, let total):
            out.write("parts summed: ")
            for (index, value) in values.enumerated() {
                if index > 0 { out.write(" + ") }
                out.write(value)
            }
            out.write(" = "); out.write(total)
        case .partsWeighted(let terms, let fundTotal, let total):
            out.write("parts weighted by fund: ")
            Explanation.renderTerms(terms, fundTotal: fundTotal, into: &out)
            out.write(" = "); out.write(total)
        case .statedAsDone(let actual, let done):
            out.write("actual "); out.write(string: actual); out.write(" says "); out.write(string: done); out.write(" was done")
        case .unitConverted(let onTarget, let from, let fromUnit, let to, let toUnit):
            out.write(onTarget ? "target " : "actual "); out.write(from); out.write(string: fromUnit)
            out.write(" read as "); out.write(to); out.write(string: toUnit)
        }
    }
}

extension Explanation.Band {
    /// `80–100 % of 7`.
    func render(into out: inout ByteBuffer) {
        out.writeShare(lower); out.write("–"); out.writeShare(upper); out.write(" % of "); out.write(weight)
    }
}

extension ByteBuffer {
    /// The explanation's own words, from the bytes the compiler laid out (a literal written as a `String` is read
    /// through the string's storage, several times the cost for a few bytes).
    @inline(__always)
    mutating func write(_ words: StaticString) {
        append(words)
    }

    /// A text made at run time: a unit, a judgement's name, a message.
    @inline(__always)
    mutating func write(string text: String) {
        append(utf8: text)
    }

    @inline(__always)
    mutating func write(_ value: ExactDecimal) {
        value.withText { append($0) }
    }

    /// A row's text, from its bytes in place.
    mutating func write(_ text: StoredText) {
        text.withBytes { append($0) }
    }

    mutating func write(_ shown: Explanation.Shown) {
        switch shown {
        case .plain(let value):
            write(value)
        case .figure(let value, let magnitude):
            if value.normalized.scale <= 4 {
                write(value)
            } else {
                write(RoundingRule(scale: 4).round(value))
                write("…")
            }
            if magnitude != .one { write(string: magnitude.rawValue) }
        case .aggregate(let quotient):
            if quotient.isExact(atScale: 4), let exact = quotient.rounded(scale: 4) {
                write(exact)
            } else if let rounded = quotient.rounded(scale: 4) {
                write(rounded)
                write("…")
            } else {
                write("(a figure beyond 18 digits)")
            }
        case .plainMagnitude(let value, let magnitude):
            write(value)
            if magnitude != .one { write(string: magnitude.rawValue) }
        case .value(let value):
            write(string: value.description)
        }
    }

    /// A rate (0.8619) as a percentage rounded to two places: `86.19 %`.
    mutating func writePercent(_ rate: ExactDecimal) {
        let percent = rate.timesPowerOfTen(2).map { RoundingRule(scale: 2).round($0) }
        if let percent { write(percent) } else { write(rate) }
        write(" %")
    }

    /// A share (0.8) as a percentage with no rounding: `80`.
    mutating func writeShare(_ share: ExactDecimal) {
        write(share.timesPowerOfTen(2) ?? share)
    }
}
