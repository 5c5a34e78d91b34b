import Foundation

/// Scores one indicator under a rule profile: pure, no I/O.
///
/// The rule (FORMAT.md §3, 备注 2–3 of the Wuhan tables), with `w` the points, `A` the target and `B` the actual:
///
/// ```
/// forward  (≥X, >X, =X, bare X > 0):          s = w × min(B ÷ A, 1)
/// reverse  (≤X, <X, bare X under 成本, bare 0):  s = w × min(A ÷ B, 1)
///            B = 0            → s = w
///            A = 0 and B = 0  → s = w      (zero target met)
///            A = 0 and B > 0  → s = 0      (zero target missed)
/// text     actual equals target, or an achievement word (是 完成 通过 达成 达标 满意) → s = w
/// judgement 达成 / 部分达成 / 未达成: the evaluator's score inside the tier's band, else the band's top
/// ```
///
/// Edge cases: a comparator on the actual (`≤0.17`, `＜8小时`) reads as its number; a zero-event phrase
/// (`全年未发生安全事故`) reads as 0; `＜X` is scored like `≤X`; magnitudes (万, 亿) are applied before dividing.
/// Anything else (different units, negative figures, words against a figure, two figures in one cell) is not
/// guessed: the row gets an `undefined-score` error asking for a `judgement` or a `score`, unless the table
/// printed a score for it, which then stands as the evaluator's judgement.
public struct IndicatorScorer: Sendable {
    /// The rule the rows are scored by.
    public var profile: RuleProfile
    /// Whether each score carries its explanation; batch scoring that needs only the figures turns it off.
    public var explains: Bool

    /// Creates a scorer for a profile.
    ///
    /// - Parameters:
    ///   - profile: the rule.
    ///   - explains: whether each score carries its explanation (`1 × 3 ÷ 4 = 0.75`); the figures are the same
    ///     either way.
    public init(profile: RuleProfile, explains: Bool = true) {
        self.profile = profile
        self.explains = explains
    }

    /// What the rule gives for a target and an actual, before any evaluator's score, deduction or rounding.
    enum Outcome {
        /// A raw figure (unrounded, already capped) and how it was reached.
        case scored(raw: Decimal, basis: IndicatorScore.Basis, direction: Indicator.Direction?, explanation: String)
        /// No figure: why, and at which field.
        case undefined(code: Diagnostic.Code, message: String, field: String)
    }

    /// Scores the indicator at `index`.
    ///
    /// - Returns: the score (with `score == nil` when nothing defines one) and the findings on the row.
    public func score(_ indicator: Indicator, at index: Int) -> (IndicatorScore, [Diagnostic]) {
        let path = JSONPath.root.appending("indicators").appending(index)
        var diagnostics: [Diagnostic] = []
        let w = indicator.weight
        let outcome: Outcome
        if let judgement = indicator.judgement, let parts = indicator.parts, !parts.isEmpty,
           parts.allSatisfy({ $0.score != nil }) {
            outcome = bandChecked(fundWeightedScores(indicator, parts: parts), indicator: indicator, judgement: judgement)
        } else if let judgement = indicator.judgement {
            outcome = tierOutcome(indicator, judgement: judgement, path: path, diagnostics: &diagnostics)
        } else {
            outcome = ruleOutcome(indicator)
        }

        var basis: IndicatorScore.Basis?
        var direction: Indicator.Direction?
        var value: Decimal?
        var explanation: String
        switch outcome {
        case .scored(let raw, let outcomeBasis, let outcomeDirection, let text):
            basis = outcomeBasis
            direction = outcomeDirection
            value = raw
            explanation = text
        case .undefined(let code, let message, let field):
            explanation = message
            var standInDiagnostics: [Diagnostic] = []
            let standIn = code == .scoreOutOfRange
                ? nil : standInScore(indicator, path: path, diagnostics: &standInDiagnostics)
            diagnostics.append(Diagnostic(code, standIn == nil ? .error : .warning, message, at: path.appending(field)))
            diagnostics += standInDiagnostics
            if let (score, standInBasis, text) = standIn {
                value = score
                basis = standInBasis
                explanation = text
            }
        }

        if basis == .forward, let note = overAchievementNote(indicator, path: path) {
            diagnostics.append(note)
        }

        // An evaluator's own score on a row the rule did score: a deliberate adjustment.
        if indicator.judgement == nil, let evaluatorScore = indicator.score, let ruleValue = value, basis != .evaluator,
           basis != .published {
            if checkRange(evaluatorScore, weight: w, path: path.appending("score"), diagnostics: &diagnostics) {
                let ruleScore = profile.rounding.round(ruleValue)
                if ruleScore != evaluatorScore {
                    explanation = "evaluator's score \(evaluatorScore.plainText) (the rule gives \(explanation))"
                    if let reason = indicator.reason {
                        explanation += ": \(reason)"
                    } else {
                        diagnostics.append(Diagnostic(.departureWithoutReason, .warning,
                            "the evaluator's score \(evaluatorScore.plainText) departs from the rule's \(ruleScore.plainText) and gives no reason",
                            at: path.appending("score")))
                    }
                }
                value = evaluatorScore
                basis = ruleScore == evaluatorScore ? basis : .evaluator
            } else {
                value = nil
                basis = nil
            }
        }

        if let deduction = indicator.deduction, let current = value, deduction != 0 {
            let after = max(0, current - deduction)
            explanation += "; − \(deduction.plainText) deducted"
            if let reason = indicator.reason { explanation += " (\(reason))" }
            explanation += " = \(profile.rounding.round(after).plainText)"
            value = after
        }

        if !explains { explanation = "" }
        let result = IndicatorScore(
            index: index, category: indicator.category, subcategory: indicator.subcategory, name: indicator.name,
            weight: w, target: indicator.target, actual: indicator.actual, direction: direction, basis: basis,
            score: value.map(profile.rounding.round), explanation: explanation, published: indicator.published)
        return (result, diagnostics)
    }

    // MARK: - Rule

    func ruleOutcome(_ indicator: Indicator) -> Outcome {
        if let parts = indicator.parts, !parts.isEmpty {
            return partsOutcome(indicator, parts: parts)
        }
        let target: IndicatorValue
        let actual: IndicatorValue
        do {
            target = try IndicatorValue(parsing: indicator.target)
        } catch {
            return .undefined(code: .unreadableValue, message: error.summary, field: "target")
        }
        do {
            actual = try IndicatorValue(parsing: indicator.actual ?? "")
        } catch {
            return .undefined(code: .unreadableValue, message: error.summary, field: "actual")
        }
        if case .empty = target {
            return .undefined(code: .undefinedScore, message: "the target is empty; give a target, a judgement or a score", field: "target")
        }
        if case .empty = actual {
            return .undefined(code: .undefinedScore, message: "the actual is empty; give an actual, a judgement or a score", field: "actual")
        }
        if indicator.direction == .qualitative {
            return textOutcome(indicator, target: target, actual: actual)
                ?? .undefined(code: .undefinedScore,
                              message: "a qualitative indicator whose actual does not equal its target needs a judgement (达成 / 部分达成 / 未达成) or a score",
                              field: "judgement")
        }
        switch (target, actual) {
        case (.measure(let a), .measure(let b)):
            return figureOutcome(indicator, target: a, actual: b, actualNote: nil)
        case (.measure(let a), .text(let b)) where b.kind == .zeroEvent:
            let zero = IndicatorValue.Measure(quantity: Quantity(number: 0, unit: a.quantity.unit))
            return figureOutcome(indicator, target: a, actual: zero, actualNote: "\(b.text) read as 0")
        case (.text(let a), .measure(let b)) where a.kind == .zeroEvent:
            let zero = IndicatorValue.Measure(quantity: Quantity(number: 0, unit: b.quantity.unit))
            return figureOutcome(indicator, target: zero, actual: b, actualNote: "target \(a.text) read as 0")
        default:
            return textOutcome(indicator, target: target, actual: actual)
                ?? .undefined(code: .undefinedScore,
                              message: "no rule scores the actual \"\(indicator.actual ?? "")\" against the target \"\(indicator.target)\"; give a judgement (达成 / 部分达成 / 未达成) or a score",
                              field: "actual")
        }
    }

    /// Text against text: equal text, an achievement word, or two zero-event phrases.
    func textOutcome(_ indicator: Indicator, target: IndicatorValue, actual: IndicatorValue) -> Outcome? {
        let w = indicator.weight.plainText
        if target == actual || target.description == actual.description {
            return .scored(raw: indicator.weight, basis: .equal, direction: nil,
                           explanation: "actual \(actual) equals the target: \(w)")
        }
        guard case .text(let actualText) = actual else { return nil }
        if case .text(let targetText) = target {
            if targetText.kind == .zeroEvent, actualText.kind == .zeroEvent {
                return .scored(raw: indicator.weight, basis: .zeroTargetMet, direction: .reverse,
                               explanation: "target \(targetText.text) and actual \(actualText.text) both read as 0: \(w)")
            }
            if profile.achievementWords.contains(actualText.text) {
                return .scored(raw: indicator.weight, basis: .achievementWord, direction: nil,
                               explanation: "actual \(actualText.text) meets the text target \(targetText.text): \(w)")
            }
        }
        return nil
    }

    /// Figure against figure, in the direction the target implies (or the file overrides).
    func figureOutcome(_ indicator: Indicator, target: IndicatorValue.Measure, actual: IndicatorValue.Measure,
                       actualNote: String?) -> Outcome {
        if !target.alongside.isEmpty || !actual.alongside.isEmpty {
            let field = target.alongside.isEmpty ? "actual" : "target"
            return .undefined(code: .undefinedScore,
                message: "\"\(field == "target" ? indicator.target : indicator.actual ?? "")\" states two figures; no rule scores a compound value; give one figure, a judgement or a score",
                field: field)
        }
        let targetUnit = target.quantity.unit ?? indicator.unit.map(Quantity.normalizedUnit)
        let actualUnit = actual.quantity.unit ?? indicator.unit.map(Quantity.normalizedUnit)
        if let targetUnit, let actualUnit, targetUnit != actualUnit {
            return .undefined(code: .unitMismatch,
                message: "the target is in \(targetUnit) and the actual in \(actualUnit); write both in one unit, or give a score",
                field: "actual")
        }
        let a = target.quantity.value
        let b = actual.quantity.value
        if a.sign == .minus && !a.isZero || b.sign == .minus && !b.isZero {
            return .undefined(code: .undefinedScore,
                message: "the rule's ratios are not defined for negative figures; give a judgement or a score",
                field: a < 0 ? "target" : "actual")
        }
        let direction = indicator.direction ?? inferredDirection(indicator, target: target)
        let w = indicator.weight
        let wText = w.plainText
        var notes: [String] = []
        if explains {
            if let actualNote { notes.append(actualNote) }
            if let comparator = actual.comparator {
                notes.append("actual \(comparator)\(actual.quantity.numberText) read as \(actual.quantity.numberText)")
            }
        }
        let prefix = notes.isEmpty ? "" : notes.joined(separator: "; ") + ": "
        let aText = explains ? numberText(target.quantity, other: actual.quantity) : ""
        let bText = explains ? numberText(actual.quantity, other: target.quantity) : ""

        switch direction {
        case .forward:
            if a.isZero {
                return .scored(raw: w, basis: .equal, direction: .forward,
                               explanation: prefix + "target \(aText) is met by any actual: \(wText)")
            }
            return ratioOutcome(w: w, numerator: b, denominator: a,
                                formula: "\(wText) × \(bText) ÷ \(aText)", basis: .forward, prefix: prefix)
        case .reverse:
            if a.isZero {
                return b.isZero
                    ? .scored(raw: w, basis: .zeroTargetMet, direction: .reverse,
                              explanation: prefix + "target 0, actual 0: met, \(wText)")
                    : .scored(raw: 0, basis: .zeroTargetMissed, direction: .reverse,
                              explanation: prefix + "target 0, actual \(bText): missed, 0")
            }
            if b.isZero {
                return .scored(raw: w, basis: .zeroActual, direction: .reverse,
                               explanation: prefix + "actual 0 is within \(aText): \(wText)")
            }
            if profile.reverseFormula == .linear {
                return linearReverseOutcome(w: w, a: a, b: b, aText: aText, bText: bText, prefix: prefix)
            }
            return ratioOutcome(w: w, numerator: a, denominator: b,
                                formula: "\(wText) × \(aText) ÷ \(bText)", basis: .reverse, prefix: prefix)
        case .equal:
            if a == b {
                return .scored(raw: w, basis: .equal, direction: .equal,
                               explanation: prefix + "actual \(bText) equals the target: \(wText)")
            }
            return .undefined(code: .undefinedScore,
                message: "the actual \(bText) differs from the target \(aText) of an equal-direction indicator and the rule defines no partial score; give a judgement or a score",
                field: "actual")
        case .qualitative:
            return .undefined(code: .undefinedScore,
                message: "a qualitative indicator needs a judgement (达成 / 部分达成 / 未达成) or a score", field: "judgement")
        }
    }

    /// The linear reverse formula: `B ≤ A` scores `w`, `A < B < 2A` scores `w × (1 − (B − A) ÷ A)`, `B ≥ 2A` scores 0.
    func linearReverseOutcome(w: Decimal, a: Decimal, b: Decimal, aText: String, bText: String, prefix: String) -> Outcome {
        let wText = w.plainText
        if b <= a {
            return .scored(raw: w, basis: .reverse, direction: .reverse,
                           explanation: prefix + "actual \(bText) is within \(aText): \(wText)")
        }
        let raw = max(0, w * (1 - (b - a) / a))
        let formula = "\(wText) × (1 − (\(bText) − \(aText)) ÷ \(aText))"
        let text = raw == 0 ? "\(formula) ≤ 0: at twice the target or more, 0"
                            : "\(formula) = \(profile.rounding.round(raw).plainText)"
        return .scored(raw: raw, basis: .reverse, direction: .reverse, explanation: prefix + text)
    }

    func ratioOutcome(w: Decimal, numerator: Decimal, denominator: Decimal, formula: @autoclosure () -> String,
                      basis: IndicatorScore.Basis, prefix: String) -> Outcome {
        let direction: Indicator.Direction = basis == .forward ? .forward : .reverse
        guard explains else {
            // Without an explanation the capped case needs no division: the ratio is at least 1.
            let value = numerator >= denominator ? w : w * numerator / denominator
            return .scored(raw: value, basis: basis, direction: direction, explanation: "")
        }
        let raw = w * numerator / denominator
        var explanation = prefix + formula() + " = " + ExplanationText.figure(raw, cap: w, rounding: profile.rounding)
        var value = raw
        if raw > w {
            value = w
            explanation += ", capped at \(w.plainText)"
        }
        return .scored(raw: value, basis: basis, direction: direction, explanation: explanation)
    }

    /// The direction a target's notation implies under the profile: by comparator (`≥ > =` forward and `≤ <`
    /// reverse in every profile so far); a bare figure is reverse under 成本指标 (first or second level) or when it
    /// is 0, forward otherwise.
    public func inferredDirection(_ indicator: Indicator, target: IndicatorValue.Measure) -> Indicator.Direction {
        let rule = profile.direction
        if let comparator = target.comparator {
            return rule.comparators[comparator] ?? (comparator.pointsBackward ? .reverse : .forward)
        }
        if indicator.category == .cost || indicator.subcategory.map(IndicatorSubcategory.costs.contains) == true {
            return rule.bareTargetUnderCost
        }
        return target.quantity.value == 0 ? rule.bareZero : rule.bareTarget
    }

    /// A figure as explanations show it: with its magnitude (`808亿`) when both sides share it, else its plain value.
    func numberText(_ quantity: Quantity, other: Quantity) -> String {
        quantity.magnitude == other.magnitude ? quantity.number.explanationText + quantity.magnitude.rawValue
                                              : quantity.value.explanationText
    }

    /// A warning when a forward actual reaches the profile's over-achievement multiple of its target.
    func overAchievementNote(_ indicator: Indicator, path: JSONPath) -> Diagnostic? {
        guard let flag = profile.overAchievementFlag,
              case .measure(let target)? = try? IndicatorValue(parsing: indicator.target),
              case .measure(let actual)? = try? IndicatorValue(parsing: indicator.actual ?? ""),
              target.quantity.value > 0, actual.quantity.value >= flag * target.quantity.value else { return nil }
        let share = RoundingRule(scale: 0).round(actual.quantity.value / target.quantity.value * 100)
        return Diagnostic(.overAchievement, .warning,
            "the actual is \(share.plainText) % of the target (flag at \((flag * 100).plainText) %): under \(profile.id) a target set too low is marked down at the evaluator's discretion; review the target or give a score with a reason",
            at: path.appending("actual"))
    }

    // MARK: - Judgement and stand-ins

    func tierOutcome(_ indicator: Indicator, judgement: Indicator.Judgement, path: JSONPath,
                     diagnostics: inout [Diagnostic]) -> Outcome {
        let w = indicator.weight
        guard let tier = profile.tier(for: judgement) else {
            return .undefined(code: .undefinedScore, message: "\(profile.id) has no tier \(judgement.rawValue)", field: "judgement")
        }
        if case .measure? = try? IndicatorValue(parsing: indicator.target), indicator.direction != .qualitative {
            diagnostics.append(Diagnostic(.judgementOverridesFigure, .note,
                "the target reads as a figure, but the judgement \(judgement.rawValue) decides the score",
                at: path.appending("judgement")))
        }
        let band = "\(percent(tier.lower))–\(percent(tier.upper)) % of \(w.plainText)"
        if let evaluatorScore = indicator.score {
            guard checkRange(evaluatorScore, weight: w, path: path.appending("score"), diagnostics: &diagnostics) else {
                return .undefined(code: .scoreOutOfRange, message: "the evaluator's score cannot be used", field: "score")
            }
            let share = w == 0 ? 0 : evaluatorScore / w
            guard tier.contains(share: share) else {
                return .undefined(code: .scoreOutOfRange,
                    message: "the score \(evaluatorScore.plainText) lies outside the band of \(judgement.rawValue) (\(band))",
                    field: "score")
            }
            var text = "\(judgement.rawValue) (\(band)): evaluator's score \(evaluatorScore.plainText)"
            if let reason = indicator.reason { text += ": \(reason)" }
            return .scored(raw: evaluatorScore, basis: .judgement, direction: .qualitative, explanation: text)
        }
        let top = w * tier.upper
        diagnostics.append(Diagnostic(.judgementAtTopOfBand, .note,
            "\(judgement.rawValue) without the evaluator's score takes the top of its band, \(top.plainText); give score for another figure",
            at: path.appending("judgement")))
        return .scored(raw: top, basis: .judgement, direction: .qualitative,
                       explanation: "\(judgement.rawValue) (\(band)): top of the band, \(w.plainText) × \(tier.upper.plainText) = \(profile.rounding.round(top).plainText)")
    }

    /// A fund-weighted score of several units, checked against the band of the row's judgement.
    func bandChecked(_ outcome: Outcome, indicator: Indicator, judgement: Indicator.Judgement) -> Outcome {
        guard case .scored(let raw, _, _, let explanation) = outcome, let tier = profile.tier(for: judgement) else { return outcome }
        let w = indicator.weight
        let band = "\(percent(tier.lower))–\(percent(tier.upper)) % of \(w.plainText)"
        guard tier.contains(share: w == 0 ? 0 : raw / w) else {
            return .undefined(code: .scoreOutOfRange,
                message: "the units' fund-weighted score \(profile.rounding.round(raw).plainText) lies outside the band of \(judgement.rawValue) (\(band))",
                field: "parts")
        }
        return .scored(raw: raw, basis: .fundWeighted, direction: .qualitative,
                       explanation: "\(judgement.rawValue) (\(band)): \(explanation)")
    }

    /// What stands in when the rule defines no score: the evaluator's score, else the printed one.
    func standInScore(_ indicator: Indicator, path: JSONPath, diagnostics: inout [Diagnostic])
        -> (Decimal, IndicatorScore.Basis, String)? {
        if let evaluatorScore = indicator.score {
            guard checkRange(evaluatorScore, weight: indicator.weight, path: path.appending("score"), diagnostics: &diagnostics)
            else { return nil }
            var text = "evaluator's score \(evaluatorScore.plainText)"
            if let reason = indicator.reason { text += ": \(reason)" }
            return (evaluatorScore, .evaluator, text)
        }
        if let printed = indicator.published {
            guard checkRange(printed, weight: indicator.weight, path: path.appending("published"), diagnostics: &diagnostics)
            else { return nil }
            diagnostics.append(Diagnostic(.publishedScoreStands, .note,
                "the rule cannot score this row; the printed \(printed.plainText) stands as the evaluator's judgement",
                at: path.appending("published")))
            return (printed, .published, "printed score \(printed.plainText), taken as the evaluator's judgement")
        }
        return nil
    }

    /// Whether `score` lies in 0…`weight`; an error diagnostic when not.
    func checkRange(_ score: Decimal, weight: Decimal, path: JSONPath, diagnostics: inout [Diagnostic]) -> Bool {
        guard score >= 0, score <= weight else {
            diagnostics.append(Diagnostic(.scoreOutOfRange, .error,
                "\(score.plainText) lies outside 0…\(weight.plainText), the indicator's points", at: path))
            return false
        }
        return true
    }

    func percent(_ share: Decimal) -> String {
        (share * 100).plainText
    }
}
