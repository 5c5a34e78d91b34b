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
///
/// Every figure is exact: `w × B ÷ A` is kept as a ``Quotient`` and rounded once, half-up, by the profile's rounding.
struct IndicatorScorer: Sendable {
    /// The rule the rows are scored by.
    var profile: RuleProfile
    /// Values already read in this run of a batch (``NotationCache``); `nil` reads every value.
    var cache: NotationCache?

    init(profile: RuleProfile, cache: NotationCache? = nil) {
        self.profile = profile
        self.cache = cache
    }

    /// What the rule gives for a target and an actual, before any evaluator's score, deduction or rounding.
    enum Outcome {
        /// A raw figure (unrounded, already capped), how it was reached, the ratio's figures when it is one, and the
        /// raw figure rounded by the profile when the rule has already rounded it for its explanation (so that it
        /// is not divided out twice).
        case scored(raw: Quotient, basis: IndicatorScore.Basis, direction: Indicator.Direction?, explanation: Explanation,
                    figures: IndicatorScore.RatioFigures? = nil, rounded: ExactDecimal? = nil)
        /// No figure: why, and at which field; `missed` when the row's own values say the target was not met (`否`
        /// against `是`), though the rule gives no figure for it.
        case undefined(code: Diagnostic.Code, message: String, field: String, missed: Bool = false)

        /// The branch that scored, `nil` for no figure: read without copying the rest of the outcome.
        var basis: IndicatorScore.Basis? {
            switch self {
            case .scored(_, let basis, _, _, _, _): return basis
            case .undefined: return nil
            }
        }

        static func scored(_ value: ExactDecimal, _ basis: IndicatorScore.Basis, _ direction: Indicator.Direction?,
                           _ explanation: Explanation) -> Outcome {
            .scored(raw: Quotient(value), basis: basis, direction: direction, explanation: explanation)
        }
    }

    /// Scores the indicator at `index`, appending the findings on the row to `diagnostics`.
    ///
    /// The row is taken (`consuming`) into the score that holds it: the caller's copy is handed on, not counted a
    /// second time.
    ///
    /// - Returns: the score (with `score == nil` when nothing defines one).
    func score(_ indicator: consuming Indicator, at index: Int, diagnostics: inout [Diagnostic]) -> IndicatorScore {
        let w = indicator.weight
        // Points finer than the printed scores (2.125 at 2 places) are told; the row is scored as printed.
        if let finding = PointsPrecision.finding(points: w, rounding: profile.rounding, at: JSONPath.indicator(index).appending("weight")) {
            diagnostics.append(finding)
        }
        let outcome: Outcome
        if let judgement = indicator.judgement, let parts = indicator.parts, !parts.isEmpty, parts.allSatisfy({ $0.score != nil }) {
            outcome = bandChecked(fundWeightedScores(indicator, parts: parts), indicator: indicator, judgement: judgement)
        } else if let judgement = indicator.judgement {
            outcome = tierOutcome(indicator, judgement: judgement, index: index, diagnostics: &diagnostics)
        } else {
            outcome = ruleOutcome(indicator, index: index, diagnostics: &diagnostics)
        }

        var basis: IndicatorScore.Basis?
        var direction: Indicator.Direction?
        var value: Quotient?
        var explanation: Explanation
        var figures: IndicatorScore.RatioFigures?
        var missed = false
        // `value` rounded by the profile, while it is still the rule's raw figure and the rule rounded it already.
        var rounded: ExactDecimal?
        switch consume outcome {
        case .scored(let raw, let outcomeBasis, let outcomeDirection, let reached, let ratioFigures, let ruleRounded):
            basis = outcomeBasis
            direction = outcomeDirection
            value = raw
            explanation = reached
            figures = ratioFigures
            rounded = ruleRounded
        case .undefined(let code, let message, let field, let saysMissed):
            explanation = .undefined(message)
            missed = saysMissed
            var standInDiagnostics: [Diagnostic] = []
            let standIn = code == .scoreOutOfRange ? nil : standInScore(indicator, index: index, diagnostics: &standInDiagnostics)
            diagnostics.append(Diagnostic(code, standIn == nil ? .error : .warning, message, at: JSONPath.indicator(index).appending(field)))
            diagnostics += standInDiagnostics
            if let (score, standInBasis, reached) = standIn {
                value = Quotient(score)
                basis = standInBasis
                explanation = reached
            }
        }

        // An evaluator's own score on a row the rule did score: a deliberate adjustment.
        if indicator.judgement == nil, let evaluatorScore = indicator.score, let ruleValue = value, basis != .evaluator,
           basis != .published {
            if acceptsAsWritten(evaluatorScore, weight: w, at: index, diagnostics: &diagnostics) {
                let ruleScore = rounded ?? profile.rounding.round(ruleValue)
                if ruleScore != evaluatorScore {
                    explanation = .evaluatorOverride(score: evaluatorScore, ruleGives: explanation, reason: indicator.storedReason)
                    if indicator.reason == nil {
                        diagnostics.append(Diagnostic(.departureWithoutReason, .warning,
                            "the evaluator's score \(evaluatorScore.plainText) departs from the rule's \(ruleScore?.plainText ?? "figure") and gives no reason",
                            at: JSONPath.indicator(index).appending("score")))
                    }
                }
                value = Quotient(evaluatorScore)
                rounded = nil
                basis = ruleScore == evaluatorScore ? basis : .evaluator
            } else {
                value = nil
                basis = nil
            }
        }

        if let deduction = indicator.deduction, let current = value, !deduction.isZero {
            if let reduced = current.subtracting(deduction) {
                if reduced.isNegative {
                    diagnostics.append(Diagnostic(.deductionExceedsScore, .error,
                        "the deduction \(deduction.plainText) is larger than the score \(profile.rounding.round(current)?.plainText ?? "") it is taken from; the row scores 0",
                        at: JSONPath.indicator(index).appending("deduction")))
                }
                let after = reduced.isNegative ? Quotient(.zero) : reduced
                explanation = .deducted(explanation, deduction: deduction, reason: indicator.storedReason,
                                        result: profile.rounding.round(after) ?? .zero)
                value = after
                rounded = nil
            } else {
                value = nil
            }
        }

        var score: ExactDecimal?
        if let value {
            score = rounded ?? profile.rounding.round(value)
            if score == nil {
                diagnostics.append(Diagnostic(.figureTooLarge, .error,
                    "the score needs more digits than a decimal holds (18); write the figures in a larger unit", at: JSONPath.indicator(index)))
                basis = nil
            }
        }
        return IndicatorScore(indicator: indicator, index: index, direction: direction, basis: basis, score: score,
                              reasoning: explanation, ratioFigures: figures, missedTarget: missed)
    }

    // MARK: - Rule

    func ruleOutcome(_ indicator: Indicator, index: Int, diagnostics: inout [Diagnostic]) -> Outcome {
        if let parts = indicator.parts, !parts.isEmpty {
            return partsOutcome(indicator, parts: parts)
        }
        // A deadline is scored before the target is read as a figure, whether or not it reads as one. Most targets
        // are neither a deadline nor on time, as a few of their bytes tell (kept with the target's value in a batch).
        let target: IndicatorValue
        let actual: IndicatorValue
        do {
            let read = try indicator.withTargetBytes { (bytes) throws(NotationError) in try readTarget(bytes) }
            if indicator.direction == nil, read.mayBeDeadlineOrOnTime, let outcome = deadlineOutcome(indicator) {
                return outcome
            }
            target = read.value
        } catch {
            // A target that does not read has no hint kept: its bytes are asked.
            if indicator.direction == nil, indicator.withTargetBytes(Deadline.mayBeDeadlineOrOnTime), let outcome = deadlineOutcome(indicator) {
                return outcome
            }
            return unreadOutcome(indicator, field: "target", error: error)
        }
        do {
            actual = try indicator.withActualBytes { (bytes) throws(NotationError) in try readActual(bytes) }
        } catch {
            return unreadOutcome(indicator, field: "actual", error: error)
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
        // The unit column (计量单位) applies to a bare figure, with its magnitude: 200 under 万元 is 200万元.
        var column = UnitConversion.LazyColumn()
        func columned(_ measure: inout IndicatorValue.Measure) -> Bool {
            UnitConversion.apply(column: &column, of: indicator, to: &measure, cache: cache)
        }
        // Worded only when it happens: a message built for every row costs more than scoring the row.
        var tooLarge: Outcome {
            .undefined(code: .figureTooLarge,
                message: "the figure under the unit column \(indicator.unit ?? "") needs more digits than a decimal holds (18); write it in a larger unit",
                field: "unit")
        }
        // Two figures, the usual case. Their measures are taken out of the values (`consume`), which this branch no
        // longer needs: a measure bound out of a value still held was a copy, counted in and out atomically on every
        // row. (Binding them in a `switch` over the consumed values, or in a function taking them `consuming`,
        // still copied; this form does not.)
        if case .measure = target, case .measure = actual {
            guard case .measure(var a) = consume target, case .measure(var b) = consume actual else {
                preconditionFailure("both values were just found to be figures")
            }
            // Whether the actual as printed has no unit, before the unit column lends it one.
            let actualPrintsNoUnit = b.quantity.unit == nil
            guard columned(&a), columned(&b) else { return tooLarge }
            let (targetValue, actualValue) = (a.quantity.value, b.quantity.value)
            // A fraction against a percentage: the figures first (few actuals are at most 1).
            if fractionMayBeRate(target: targetValue, actual: actualValue), a.quantity.unit == "%", actualPrintsNoUnit {
                diagnostics.append(fractionNote(actual: actualValue, indicator: indicator, index: index))
            }
            // The figures are handed over (`consume`), not copied: without it, each was counted a second time on
            // the way in and let go of after the call.
            let outcome = figureOutcome(indicator, target: consume a, actual: Figure(consume b), note: nil)
            if outcome.basis == .forward, let note = overAchievementNote(target: targetValue, actual: actualValue, index: index) {
                diagnostics.append(note)
            }
            return outcome
        }
        // Each value is taken apart where it stands: a tuple of the two would copy both, and its cases copy again.
        if case .measure(var a) = target {
            if case .text(let b) = actual, b.kind == .zeroEvent {
                guard columned(&a) else { return tooLarge }
                let zero = Figure(value: .zero, unit: a.quantity.unit)
                return figureOutcome(indicator, target: consume a, actual: zero, note: .actualReadAsZero(b.text), keepsFigures: false)
            }
        } else if case .text(let a) = target, a.kind == .zeroEvent, case .measure(var b) = actual {
            guard columned(&b) else { return tooLarge }
            let zero = IndicatorValue.Measure(quantity: Quantity(plain: .zero, unit: b.quantity.unit))
            return figureOutcome(indicator, target: zero, actual: Figure(consume b), note: .targetReadAsZero(a.text), keepsFigures: false)
        }
        if let denial = denialOutcome(target: target, actual: actual, indicator: indicator) { return denial }
        return textOutcome(indicator, target: target, actual: actual)
            ?? .undefined(code: .undefinedScore,
                          message: "no rule scores the actual \"\(indicator.actual ?? "")\" against the target \"\(indicator.target)\"; give a judgement (达成 / 部分达成 / 未达成) or a score",
                          field: "actual")
    }

    /// The value of a target's bytes, and whether it may be a deadline: from the cache when there is one.
    func readTarget(_ bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> NotationCache.Target {
        if let cache { return try cache.target(of: bytes) }
        return try NotationCache.Target(reading: bytes)
    }

    /// The value of an actual's bytes: from the cache when there is one.
    func readActual(_ bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> IndicatorValue {
        if let cache { return try cache.actual(of: bytes) }
        return try IndicatorValueParser.parse(bytes)
    }

    /// A deadline (时效指标): a target that is a date or period (``Deadline``) with a deadline word (`前`, `底`,
    /// a day, a quarter), or any date or period under 时效指标, or an on-time word (`按时`, `及时`).
    ///
    /// ```
    /// actual's latest day ≤ deadline           → s = w   (11月完成 against 12月底前)
    /// actual's earliest day > deadline          → missed: a judgement or a score
    /// the actual's span straddles the deadline  → cannot tell: a judgement or a score
    /// actual an on-time or achievement word     → s = w   (按时完成, 完成 against 12月底前)
    /// ```
    ///
    /// No rule says how far a missed deadline falls, so none is guessed; a printed score then stands as the
    /// evaluator's judgement. `nil` when the target is not a deadline: the figure rules read it.
    /// The caller has asked ``Deadline/mayBeDeadlineOrOnTime(_:)-(UnsafeBufferPointer<UInt8>)`` of the target first.
    func deadlineOutcome(_ indicator: Indicator) -> Outcome? {
        let w = indicator.weight
        let targetText = indicator.target.trimmingWhitespace
        let actualText = (indicator.actual ?? "").trimmingWhitespace
        guard !actualText.isEmpty else { return nil }
        // Asked only of a row whose target says on time or is a deadline: most rows are neither.
        // 已按时完成, 已完成: the perfective 已 before an on-time or achievement word says the same.
        func actualSaysOnTime() -> Bool {
            let said = TextValue.statedAsDone(actualText) ?? actualText
            return Deadline.saysOnTime(said) || profile.achievementWords.contains(TextValue.folded(said))
        }
        if Deadline.saysOnTime(targetText) {
            guard !actualSaysOnTime() else {
                return .scored(w, .deadlineMet, nil, .saidOnTime(actual: actualText, deadline: targetText, weight: w))
            }
            return .undefined(code: .undefinedScore,
                message: "the target \"\(targetText)\" names no date to compare \"\(actualText)\" with; give a judgement (达成 / 部分达成 / 未达成) or a score",
                field: "judgement")
        }
        guard let deadline = Deadline.target(of: indicator) else { return nil }
        if actualSaysOnTime() {
            return .scored(w, .deadlineMet, nil, .saidOnTime(actual: actualText, deadline: targetText, weight: w))
        }
        /// The text, and the day or days it means where the text is not already that day.
        func spelled(_ text: String, _ from: Deadline.Day?, _ to: Deadline.Day) -> String {
            let days = from.map { $0 == to ? to.text : "\($0.text) to \(to.text)" } ?? to.text
            return TextValue.folded(text) == days ? text : "\(text) (\(days))"
        }
        let deadlineShown = spelled(targetText, nil, deadline.latest)
        guard let actual = Deadline(parsing: actualText) else {
            return .undefined(code: .undefinedScore,
                message: "the target is the deadline \(deadlineShown) and the actual \"\(actualText)\" is not a date or period; give a judgement (达成 / 部分达成 / 未达成) or a score",
                field: "actual")
        }
        switch deadline.standing(of: actual) {
        case .met:
            let latest = TextValue.folded(actualText) == actual.latest.text ? nil : actual.latest.text
            let deadlineLatest = TextValue.folded(targetText) == deadline.latest.text ? nil : deadline.latest.text
            return .scored(w, .deadlineMet, nil, .deadlineMet(actual: actualText, actualLatest: latest,
                deadline: targetText, deadlineLatest: deadlineLatest, weight: w))
        case .missed:
            return .undefined(code: .undefinedScore,
                message: "the actual \(spelled(actualText, actual.earliest, actual.latest)) is later than the deadline \(deadlineShown); no rule says what a missed deadline scores; give a judgement (达成 / 部分达成 / 未达成) or a score",
                field: "judgement")
        case .undetermined:
            return .undefined(code: .undefinedScore,
                message: "the actual \(spelled(actualText, actual.earliest, actual.latest)) may be later than the deadline \(deadlineShown); give a judgement (达成 / 部分达成 / 未达成) or a score",
                field: "judgement")
        }
    }

    /// A target or actual that is not a figure is text: the same text on both sides (``TextValue/folded(_:)``)
    /// scores the points, and so does an achievement word against a target that is not a figure. Anything else
    /// keeps the reading's error, which says where the value stops being a figure.
    func unreadOutcome(_ indicator: Indicator, field: String, error: NotationError) -> Outcome {
        let w = indicator.weight
        let target = TextValue.folded(indicator.target)
        let actual = TextValue.folded(indicator.actual ?? "")
        if !target.isEmpty, target == actual {
            let shown = IndicatorValue.text(TextValue(text: actual, kind: .statement))
            return .scored(w, .equal, nil, .equalsTarget(actual: .value(shown), weight: w))
        }
        let targetIsText = field == "target" || (try? IndicatorValue(parsing: indicator.target)).map { value in
            if case .text = value { true } else { false }
        } ?? true
        if targetIsText, profile.achievementWords.contains(actual) {
            return .scored(w, .achievementWord, nil, .achievementWord(actual: actual, target: indicator.target.trimmingWhitespace, weight: w))
        }
        return .undefined(code: .unreadableValue, message: error.summary, field: field)
    }

    /// Text against text: equal text, an achievement word, or two zero-event phrases.
    /// A denial (`否`, `未完成`) against a target that is an achievement word (`是`, `完成`): a missed target. The rule
    /// gives it the 未达成 tier, whose band (0–50 % of the points under wuhan-2023) is no single figure, so the row
    /// needs a judgement with a score, or a score; a printed score stands, and the verifier calls full marks on it a
    /// judgement on a missed target.
    func denialOutcome(target: IndicatorValue, actual: IndicatorValue, indicator: Indicator) -> Outcome? {
        guard case .text(let targetText) = target, case .text(let actualText) = actual else { return nil }
        // 否 or 未完成 against 是 or 完成; 未建立 (尚未建立, 没有建立) against 建立 itself.
        let deniesTheTarget = TextValue.statedAsNotDone(actualText.text).map { TextValue.folded($0) == TextValue.folded(targetText.text) } ?? false
        guard deniesTheTarget || actualText.kind == .negative
                && (targetText.kind == .affirmative || profile.achievementWords.contains(targetText.text)) else { return nil }
        let band = profile.tier(for: .unachieved).map { tier in
            let lower = (tier.lower.multiplied(by: 100) ?? .zero).normalized.plainText
            let upper = (tier.upper.multiplied(by: 100) ?? .zero).normalized.plainText
            return " (\(Indicator.Judgement.unachieved.rawValue): \(lower)–\(upper) % of the points under \(profile.id))"
        } ?? ""
        return .undefined(code: .undefinedScore,
            message: "the actual \"\(actualText.text)\" says the target \"\(targetText.text)\" was not met: a missed target\(band); give the judgement 未达成 with a score, or a score",
            field: "actual", missed: true)
    }

    func textOutcome(_ indicator: Indicator, target: IndicatorValue, actual: IndicatorValue) -> Outcome? {
        let w = indicator.weight
        if target == actual || target.description == actual.description
            || TextValue.folded(target.description) == TextValue.folded(actual.description) {
            return .scored(w, .equal, nil, .equalsTarget(actual: .value(actual), weight: w))
        }
        guard case .text(let actualText) = actual else { return nil }
        if case .text(let targetText) = target {
            // 7*24小时 against 7x24小时: one schedule, its times sign spelled another way.
            if targetText.kind == .schedule, actualText.kind == .schedule,
               TextValue.scheduleSpelling(targetText.text) == TextValue.scheduleSpelling(actualText.text) {
                return .scored(w, .equal, nil, .equalsTarget(actual: .value(actual), weight: w))
            }
            if targetText.kind == .zeroEvent, actualText.kind == .zeroEvent {
                return .scored(w, .zeroTargetMet, .reverse, .bothReadAsZero(target: targetText.text, actual: actualText.text, weight: w))
            }
            if profile.achievementWords.contains(actualText.text) {
                return .scored(w, .achievementWord, nil, .achievementWord(actual: actualText.text, target: targetText.text, weight: w))
            }
            // 已建立 against 建立, 已完成 against 是: the actual says the target itself, or an achievement word, was done.
            if let done = TextValue.statedAsDone(actualText.text) {
                let note = Explanation.Note.statedAsDone(actual: actualText.text, done: done)
                if TextValue.folded(done) == TextValue.folded(targetText.text) {
                    return .scored(w, .equal, nil, .noted([note], .equalsTarget(actual: .value(target), weight: w)))
                }
                if profile.achievementWords.contains(done) {
                    return .scored(w, .achievementWord, nil, .noted([note], .achievementWord(actual: done, target: targetText.text, weight: w)))
                }
            }
        }
        return nil
    }

    /// The actual side of a figure comparison: a printed figure, or several units' combined value.
    ///
    /// Made and handed on for every row, so it holds each thing once: a printed figure its digits and its value, from
    /// which the quotient and the spellings explanations show are made when asked for.
    struct Figure {
        /// What the figure is: printed digits (with the value they stand for, the number times its magnitude), or
        /// several units' combined value, kept whole.
        private enum Amount {
            case printed(number: ExactDecimal, value: ExactDecimal)
            case aggregate(Quotient)
        }

        private var amount: Amount
        var magnitude: Quantity.Magnitude
        var unit: String?
        var comparator: IndicatorValue.Comparator?
        /// Whether the cell states further figures after a `/`.
        var isCompound = false

        init(_ measure: IndicatorValue.Measure) {
            let (quantity, comparator, isCompound) = measure.figureParts
            amount = .printed(number: quantity.number, value: quantity.value)
            magnitude = quantity.magnitude
            unit = quantity.unit
            self.comparator = comparator
            self.isCompound = isCompound
        }

        /// Several units' combined value.
        init(value: Quotient, unit: String?) {
            amount = .aggregate(value)
            magnitude = .one
            self.unit = unit
        }

        init(value: ExactDecimal, unit: String?) {
            amount = .printed(number: value, value: value)
            magnitude = .one
            self.unit = unit
        }

        /// The number times its magnitude.
        var value: Quotient {
            switch amount {
            case .printed(_, let value): return Quotient(value)
            case .aggregate(let value): return value
            }
        }

        /// The same, when it is a printed figure rather than several units' combined value.
        var exactValue: ExactDecimal? {
            if case .printed(_, let value) = amount { return value }
            return nil
        }

        /// The number as explanations show it, with its magnitude word (`808.44亿`).
        var shownNumber: Explanation.Shown {
            switch amount {
            case .printed(let number, _): return .figure(number, magnitude)
            case .aggregate(let value): return .aggregate(value)
            }
        }

        /// The number as a plain value (`80844000000`).
        var shownValue: Explanation.Shown {
            switch amount {
            case .printed(_, let value): return .figure(value, .one)
            case .aggregate(let value): return .aggregate(value)
            }
        }
    }

    /// Figure against figure, in the direction the target implies (or the file overrides).
    ///
    /// - Parameter keepsFigures: whether the verifier may try other readings of the ratio on these figures (not
    ///   for a value read from words, nor for several units' combined value).
    func figureOutcome(_ indicator: Indicator, target: consuming IndicatorValue.Measure, actual: consuming Figure, note: Explanation.Note?,
                       keepsFigures: Bool = true) -> Outcome {
        if !target.alongside.isEmpty || actual.isCompound {
            let field = target.alongside.isEmpty ? "actual" : "target"
            return .undefined(code: .undefinedScore,
                message: "\"\(field == "target" ? indicator.target : indicator.actual ?? "")\" states two figures; no rule scores a compound value; give one figure, a judgement or a score",
                field: field)
        }
        var conversion: Explanation.Note?
        var targetUnit = target.quantity.unit
        var actualUnit = actual.unit
        // The unit column stands in for a side that prints no unit; read once, and only then.
        if targetUnit == nil || actualUnit == nil, let column = indicator.unit.map(Quantity.normalizedUnit) {
            if targetUnit == nil { targetUnit = column }
            if actualUnit == nil { actualUnit = column }
        }
        if let targetUnit, let actualUnit, targetUnit != actualUnit {
            guard let common = UnitConversion.common(targetUnit, actualUnit) else {
                return .undefined(code: .unitMismatch,
                    message: "the target is in \(targetUnit) and the actual in \(actualUnit); write both in one unit, or give a score",
                    field: "actual")
            }
            var tooLarge: Outcome {
                .undefined(code: .figureTooLarge,
                    message: "converting \(common.convertsFirst ? targetUnit : actualUnit) into \(common.unit) needs more digits than a decimal holds (18); give a score",
                    field: common.convertsFirst ? "target" : "actual")
            }
            if common.convertsFirst {
                guard let value = target.quantity.value.multiplied(by: common.factor) else { return tooLarge }
                conversion = .unitConverted(onTarget: true, from: .figure(target.quantity.number, target.quantity.magnitude),
                                            fromUnit: targetUnit, to: .figure(value, .one), toUnit: common.unit)
                target.quantity = Quantity(plain: value, unit: common.unit)
            } else {
                var converted: Figure
                if let exact = actual.exactValue {
                    guard let value = exact.multiplied(by: common.factor) else { return tooLarge }
                    converted = Figure(value: value, unit: common.unit)
                } else {
                    guard let value = actual.value.multiplied(by: common.factor) else { return tooLarge }
                    converted = Figure(value: value, unit: common.unit)
                }
                conversion = .unitConverted(onTarget: false, from: actual.shownNumber, fromUnit: actualUnit,
                                            to: converted.shownNumber, toUnit: common.unit)
                let (comparator, isCompound) = (actual.comparator, actual.isCompound)
                actual = converted
                actual.comparator = comparator
                actual.isCompound = isCompound
            }
        }
        let a = Quotient(target.quantity.value)
        let b = actual.value
        if a.isNegative || b.isNegative {
            return .undefined(code: .undefinedScore,
                message: "the rule's ratios are not defined for negative figures; give a judgement or a score",
                field: a.isNegative ? "target" : "actual")
        }
        let direction = indicator.direction ?? inferredDirection(indicator, target: target)
        let w = indicator.weight
        var noteList: [Explanation.Note] = []
        if let note { noteList.append(note) }
        if let conversion { noteList.append(conversion) }
        let sameMagnitude = target.quantity.magnitude == actual.magnitude
        let aShown: Explanation.Shown = sameMagnitude ? .figure(target.quantity.number, target.quantity.magnitude)
                                                      : .figure(target.quantity.value, .one)
        let bShown = sameMagnitude ? actual.shownNumber : actual.shownValue
        if let comparator = actual.comparator {
            noteList.append(.comparatorOnActual(comparator, actual.shownNumber))
        }
        // A constant, so that `noted` captures it in place (a captured variable is boxed on the heap, a row apiece).
        let notes = noteList
        func noted(_ explanation: Explanation) -> Explanation {
            notes.isEmpty ? explanation : .noted(notes, explanation)
        }
        let figures = keepsFigures && !a.isZero && !b.isZero
            ? actual.exactValue.map {
                IndicatorScore.RatioFigures(target: target.quantity.value, actual: $0, actualUnit: actual.unit ?? actualUnit)
            } : nil

        switch direction {
        case .forward:
            if a.isZero {
                return .scored(w, .equal, .forward, noted(.metByAnyActual(target: aShown, weight: w)))
            }
            return ratioOutcome(w: w, numerator: b, denominator: a, shown: (bShown, aShown), basis: .forward,
                                figures: figures, noted: noted)
        case .reverse:
            if a.isZero {
                return b.isZero ? .scored(w, .zeroTargetMet, .reverse, noted(.zeroTargetMet(weight: w)))
                                : .scored(.zero, .zeroTargetMissed, .reverse, noted(.zeroTargetMissed(actual: bShown)))
            }
            if b.isZero {
                return .scored(w, .zeroActual, .reverse, noted(.zeroActual(target: aShown, weight: w)))
            }
            if profile.reverseFormula == .linear {
                return linearReverseOutcome(w: w, a: a, b: b, shown: (aShown, bShown), figures: figures, noted: noted)
            }
            return ratioOutcome(w: w, numerator: a, denominator: b, shown: (aShown, bShown), basis: .reverse,
                                figures: figures, noted: noted)
        case .equal:
            if a == b {
                return .scored(w, .equal, .equal, noted(.equalsTarget(actual: bShown, weight: w)))
            }
            var bText = ByteBuffer(capacity: 32)
            var aText = ByteBuffer(capacity: 32)
            bText.write(bShown)
            aText.write(aShown)
            return .undefined(code: .undefinedScore,
                message: "the actual \(bText.text) differs from the target \(aText.text) of an equal-direction indicator and the rule defines no partial score; give a judgement or a score",
                field: "actual")
        case .qualitative:
            return .undefined(code: .undefinedScore,
                message: "a qualitative indicator needs a judgement (达成 / 部分达成 / 未达成) or a score", field: "judgement")
        }
    }

    /// `w × numerator ÷ denominator`, capped at `w`, kept exact until it is rounded.
    func ratioOutcome(w: ExactDecimal, numerator: Quotient, denominator: Quotient, shown: (Explanation.Shown, Explanation.Shown),
                      basis: IndicatorScore.Basis, figures: IndicatorScore.RatioFigures?,
                      noted: (Explanation) -> Explanation) -> Outcome {
        let direction: Indicator.Direction = basis == .forward ? .forward : .reverse
        guard let raw = numerator.multiplied(by: w)?.divided(by: denominator),
              let order = Quotient.compare(raw, Quotient(w)) else {
            return .undefined(code: .figureTooLarge,
                message: "the figures need more digits than a decimal holds (18) to compute exactly; write them in a larger unit, or give a score",
                field: "actual")
        }
        let value = order > 0 ? Quotient(w) : raw
        guard let result = Explanation.shownFigure(raw, cap: w, scale: profile.rounding.scale, capped: order > 0) else {
            return .undefined(code: .figureTooLarge,
                message: "the figures need more digits than a decimal holds (18) to compute exactly; write them in a larger unit, or give a score",
                field: "actual")
        }
        let explanation = Explanation.ratio(weight: w, numerator: shown.0, denominator: shown.1, result: result, capped: order > 0)
        // Uncapped, the result shown is the raw figure rounded by the profile: the score, handed on.
        return .scored(raw: value, basis: basis, direction: direction, explanation: noted(explanation), figures: figures,
                       rounded: order > 0 ? nil : result)
    }

    /// The linear reverse formula: `B ≤ A` scores `w`, `A < B < 2A` scores `w × (1 − (B − A) ÷ A)`, `B ≥ 2A` scores 0.
    func linearReverseOutcome(w: ExactDecimal, a: Quotient, b: Quotient, shown: (Explanation.Shown, Explanation.Shown),
                              figures: IndicatorScore.RatioFigures?, noted: (Explanation) -> Explanation) -> Outcome {
        let (aShown, bShown) = shown
        if (Quotient.compare(b, a) ?? 1) <= 0 {
            return .scored(raw: Quotient(w), basis: .reverse, direction: .reverse,
                           explanation: noted(.withinTarget(actual: bShown, target: aShown, weight: w)), figures: figures)
        }
        // w × (1 − (B − A) ÷ A) = w × (2A − B) ÷ A
        guard let twiceA = a.adding(a), let difference = twiceA.adding(b.negated),
              let raw = difference.multiplied(by: w)?.divided(by: a) else {
            return .undefined(code: .figureTooLarge,
                message: "the figures need more digits than a decimal holds (18) to compute exactly; write them in a larger unit, or give a score",
                field: "actual")
        }
        if raw.isNegative || raw.isZero {
            return .scored(raw: Quotient(.zero), basis: .reverse, direction: .reverse,
                           explanation: noted(.linearReverse(weight: w, actual: bShown, target: aShown, result: nil)), figures: figures)
        }
        return .scored(raw: raw, basis: .reverse, direction: .reverse,
                       explanation: noted(.linearReverse(weight: w, actual: bShown, target: aShown, result: profile.rounding.round(raw))),
                       figures: figures)
    }

    /// The direction a target's notation implies under the profile: by comparator (`≥ > =` forward and `≤ <`
    /// reverse in every profile so far); a bare figure is reverse under 成本指标 (first or second level) or when it
    /// is 0, forward otherwise.
    func inferredDirection(_ indicator: Indicator, target: IndicatorValue.Measure) -> Indicator.Direction {
        let rule = profile.direction
        if let comparator = target.comparator {
            return rule.comparators[comparator] ?? (comparator.pointsBackward ? .reverse : .forward)
        }
        if indicator.isCost {
            return rule.bareTargetUnderCost
        }
        return target.quantity.value.isZero ? rule.bareZero : rule.bareTarget
    }

    /// A warning when a forward actual reaches the profile's over-achievement multiple of its target.
    func overAchievementNote(target: ExactDecimal, actual: ExactDecimal, index: Int) -> Diagnostic? {
        guard let flag = profile.overAchievementFlag, target > .zero,
              let share = Quotient(actual, over: target), (share.compare(to: flag) ?? -1) >= 0,
              let percent = share.multiplied(by: ExactDecimal(100)).flatMap({ RoundingRule(scale: 0).round($0) }),
              let flagPercent = flag.timesPowerOfTen(2) else { return nil }
        return Diagnostic(.overAchievement, .warning,
            "the actual is \(percent.plainText) % of the target (flag at \(flagPercent.plainText) %): under \(profile.id) a target set too low is marked down at the evaluator's discretion; review the target or give a score with a reason",
            at: JSONPath.indicator(index).appending("actual"))
    }

    /// Whether the figures are those of a fraction against a percentage: an actual above 0 and at most 1, a target
    /// above 1 (``fractionNote(actual:indicator:index:)`` when the target is a percentage and the actual has no unit).
    func fractionMayBeRate(target: ExactDecimal, actual: ExactDecimal) -> Bool {
        // By the digits (1 is 10^scale at a scale), without the rescaling a comparison makes: asked of every row.
        func one(at scale: Int8) -> Int64 { WideUInt.wordPowerOfTen(Int(scale)).asInt64 }
        guard actual.significand > 0, actual.significand <= one(at: actual.scale) else { return false }
        return target.significand > one(at: target.scale)
    }

    /// An actual with no unit, above 0 and at most 1, against a percentage target above 1 (`0.93` against `≥95%`):
    /// read as written it is 0.93 %, and the row loses nearly all its points; it is most likely a rate saved as a
    /// fraction (a spreadsheet's 93 %). No rule reads a fraction as a percentage, so the row is scored as written and
    /// the reading is told (`rate-as-fraction`, the warning lint gives a target written so).
    func fractionNote(actual: ExactDecimal, indicator: Indicator, index: Int) -> Diagnostic {
        Diagnostic(.rateAsFraction, .warning,
            "the actual \(indicator.actual ?? actual.plainText) has no unit and the target \(indicator.target) is a percentage, so it reads as \(actual.plainText) %: if it is a rate written as a fraction, write it as printed (\(actual.percentText)%)",
            at: JSONPath.indicator(index).appending("actual"))
    }

    // MARK: - Judgement and stand-ins

    func band(_ tier: RuleProfile.QualitativeTier, weight: ExactDecimal) -> Explanation.Band {
        Explanation.Band(lower: tier.lower, upper: tier.upper, weight: weight)
    }

    func bandText(_ band: Explanation.Band) -> String {
        var bytes = ByteBuffer(capacity: 32)
        band.render(into: &bytes)
        return bytes.text
    }

    func tierOutcome(_ indicator: Indicator, judgement: Indicator.Judgement, index: Int,
                     diagnostics: inout [Diagnostic]) -> Outcome {
        let w = indicator.weight
        guard let tier = profile.tier(for: judgement) else {
            return .undefined(code: .undefinedScore, message: "\(profile.id) has no tier \(judgement.rawValue)", field: "judgement")
        }
        if indicator.direction != .qualitative,
           case .measure? = (try? indicator.withTargetBytes({ (bytes) throws(NotationError) in try readTarget(bytes) }))?.value {
            diagnostics.append(Diagnostic(.judgementOverridesFigure, .note,
                "the target reads as a figure, but the judgement \(judgement.rawValue) decides the score",
                at: JSONPath.indicator(index).appending("judgement")))
        }
        let band = band(tier, weight: w)
        if let evaluatorScore = indicator.score {
            guard acceptsAsWritten(evaluatorScore, weight: w, at: index, diagnostics: &diagnostics) else {
                return .undefined(code: .scoreOutOfRange, message: "the evaluator's score cannot be used", field: "score")
            }
            // Outside its band, the score is still the evaluator's: the table is scored as written, and flagged.
            if evaluatorScore <= w, !tier.contains(Quotient(evaluatorScore), of: w) {
                diagnostics.append(Diagnostic(.scoreOutsideBand, .error,
                    "the score \(evaluatorScore.plainText) lies outside the band of \(judgement.rawValue) (\(bandText(band))); scored as the evaluator wrote it",
                    at: JSONPath.indicator(index).appending("score")))
            }
            return .scored(evaluatorScore, .judgement, .qualitative,
                           .judgementScore(judgement, band, score: evaluatorScore, reason: indicator.storedReason))
        }
        guard let top = w.multiplied(by: tier.upper) else {
            return .undefined(code: .figureTooLarge, message: "the top of the band needs more digits than a decimal holds (18)", field: "weight")
        }
        diagnostics.append(Diagnostic(.judgementAtTopOfBand, .note,
            "\(judgement.rawValue) without the evaluator's score takes the top of its band, \(top.plainText); give score for another figure",
            at: JSONPath.indicator(index).appending("judgement")))
        return .scored(top, .judgement, .qualitative,
                       .judgementTop(judgement, band, upper: tier.upper, result: profile.rounding.round(top)))
    }

    /// A fund-weighted score of several units, checked against the band of the row's judgement.
    func bandChecked(_ outcome: Outcome, indicator: Indicator, judgement: Indicator.Judgement) -> Outcome {
        guard case .scored(let raw, _, _, let explanation, _, _) = outcome, let tier = profile.tier(for: judgement) else { return outcome }
        let w = indicator.weight
        let band = band(tier, weight: w)
        guard tier.contains(raw, of: w) else {
            return .undefined(code: .scoreOutOfRange,
                message: "the units' fund-weighted score \(profile.rounding.round(raw)?.plainText ?? "") lies outside the band of \(judgement.rawValue) (\(bandText(band)))",
                field: "parts")
        }
        return .scored(raw: raw, basis: .fundWeighted, direction: .qualitative, explanation: .banded(judgement, band, explanation))
    }

    /// What stands in when the rule defines no score: the evaluator's score, else the printed one.
    func standInScore(_ indicator: Indicator, index: Int, diagnostics: inout [Diagnostic])
        -> (ExactDecimal, IndicatorScore.Basis, Explanation)? {
        if let evaluatorScore = indicator.score {
            guard acceptsAsWritten(evaluatorScore, weight: indicator.weight, at: index, diagnostics: &diagnostics)
            else { return nil }
            return (evaluatorScore, .evaluator, .evaluatorScore(evaluatorScore, reason: indicator.storedReason))
        }
        if let printed = indicator.published {
            guard checkRange(printed, weight: indicator.weight, at: index, "published", diagnostics: &diagnostics)
            else { return nil }
            diagnostics.append(Diagnostic(.publishedScoreStands, .note,
                "the rule cannot score this row; the printed \(printed.plainText) stands as the evaluator's judgement",
                at: JSONPath.indicator(index).appending("published")))
            return (printed, .published, .printedScoreStands(printed))
        }
        return nil
    }

    /// Whether the evaluator's `score` can be used as written: any figure from 0 up. One above the row's points
    /// is still the evaluator's and is used, with an error finding (the file exits 1, never 2); a negative one
    /// is no score at all.
    func acceptsAsWritten(_ score: ExactDecimal, weight: ExactDecimal, at index: Int, diagnostics: inout [Diagnostic]) -> Bool {
        guard !score.isNegative else {
            return checkRange(score, weight: weight, at: index, "score", diagnostics: &diagnostics)
        }
        if score > weight {
            diagnostics.append(Diagnostic(.scoreOutOfRange, .error,
                "the evaluator's score \(score.plainText) lies above the indicator's points, \(weight.plainText); scored as the evaluator wrote it",
                at: JSONPath.indicator(index).appending("score")))
        }
        return true
    }

    /// Whether `score` lies in 0…`weight`; an error diagnostic when not.
    func checkRange(_ score: ExactDecimal, weight: ExactDecimal, at index: Int, _ field: String, diagnostics: inout [Diagnostic]) -> Bool {
        guard !score.isNegative, score <= weight else {
            diagnostics.append(Diagnostic(.scoreOutOfRange, .error,
                "\(score.plainText) lies outside 0…\(weight.plainText), the indicator's points", at: JSONPath.indicator(index).appending(field)))
            return false
        }
        return true
    }
}
