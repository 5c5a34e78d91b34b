/// A reading of the rule other than the profile's own that a printed figure may follow, with its arithmetic.
///
/// Publishers score by readings the rule's text does not give, and a verifier that names them tells an auditor
/// what the table did instead of calling it the evaluator's judgement. Each reading here is seen in real tables:
///
/// | reading | arithmetic | seen in |
/// | --- | --- | --- |
/// | the opposite direction | `w × A ÷ B` for a forward row, below the cap | rows printed as reverse |
/// | the ratio without the cap | `w × B ÷ A` above `w` | rows printed above their points |
/// | the other reverse formula | `w × (1 − (B − A) ÷ A)` or `w × A ÷ B` | mof-2020-linear, wuhan-2023 |
/// | points × the actual percentage | `w × B %`, a forward rate | a Hubei table: a met 98 % scored 20 × 98 % = 19.6 |
/// | whole-point scores | the rule's score rounded down, or half-up, to whole points, where every printed score is whole | a missed target scored 5 of 6 (rule 5.96) |
/// | one point off a missed target | `w − 1` | tables that deduct a point per missed target |
/// | the execution rate to a whole percent | the rate rounded half-up to 1 %, then the budget rule | 49.9 % printed 50 %, scored 5 of 10 |
/// | the start-of-year budget | `w × executed ÷ 年初预算数` | budget blocks over the initial budget |
/// | another profile's step table | the table of that profile | jiangxi's steps under mof-2020 |
///
/// The first reading, in this order, whose figure rounds to the printed one is named; none is tried on a row
/// scored by a judgement or an evaluator's score.
struct OtherReading: Sendable, Equatable {
    /// What the reading is, as the message names it: `points × the actual percentage`.
    var name: String
    /// Its arithmetic on the table's figures: `20 × 98% = 19.6`.
    var arithmetic: String
    /// The figure it gives, rounded as the profile rounds.
    var value: ExactDecimal
}

extension Verifier {
    /// The other readings of a row's rule, in the order they are tried.
    ///
    /// The ratio readings need the figures the rule compared (forward and reverse rows); the whole-point and
    /// one-point-off readings start from the rule's own score, as printed to the cent (a publisher rounds the
    /// figure it computed, `5.96`, to `5` or `6`). Whole points are tried only on a table that prints every score
    /// whole (`wholePoints`): a `0` printed among scores to the cent is no rounding of `0.59`.
    func rowReadings(_ row: IndicatorScore, rounding: RoundingRule, wholePoints: Bool) -> [OtherReading] {
        var readings: [OtherReading] = []
        let w = row.weight
        func add(_ name: String, _ formula: String, _ value: Quotient?, note: String = "") {
            guard let value, let rounded = rounding.round(value) else { return }
            readings.append(OtherReading(name: name, arithmetic: "\(formula) = \(rounded.plainText)\(note)", value: rounded))
        }
        if let figures = row.ratioFigures, row.basis == .forward || row.basis == .reverse {
            let (a, b) = (figures.target, figures.actual)
            let forward = Quotient(b).multiplied(by: w)?.divided(by: a)
            let reverse = Quotient(a).multiplied(by: w)?.divided(by: b)
            let points = Quotient(w)
            func belowCap(_ value: Quotient?) -> Bool {
                value.flatMap { Quotient.compare($0, points) }.map { $0 < 0 } ?? false
            }
            let forwardText = "\(w.plainText) × \(b.plainText) ÷ \(a.plainText)"
            let reverseText = "\(w.plainText) × \(a.plainText) ÷ \(b.plainText)"
            // The opposite formula, capped, gives full marks on every missed target: it explains a printed figure
            // only where it stays below the cap.
            if row.basis == .forward {
                if belowCap(reverse) { add("the reverse reading w × A ÷ B", reverseText, reverse) }
                add("the forward ratio without the cap", forwardText, forward, note: ", not capped at \(w.plainText)")
            } else {
                if belowCap(forward) { add("the forward reading w × B ÷ A", forwardText, forward) }
                add("the reverse ratio without the cap", reverseText, reverse, note: ", not capped at \(w.plainText)")
            }
            if row.basis == .reverse, b > a, let twiceA = a.adding(a), let difference = twiceA.subtracting(b) {
                let linear = Quotient(difference).multiplied(by: w)?.divided(by: a)
                add("the linear reverse formula w × (1 − (B − A) ÷ A) (as mof-2020-linear)",
                    "\(w.plainText) × (1 − (\(b.plainText) − \(a.plainText)) ÷ \(a.plainText))",
                    linear.map { $0.isNegative ? Quotient(.zero) : $0 })
                add("the ratio reverse formula w × A ÷ B (as wuhan-2023)", reverseText, reverse)
            }
            if row.basis == .forward, let unit = figures.actualUnit, let perWhole = Self.perWhole[unit] {
                add("points × the actual percentage", "\(w.plainText) × \(b.plainText)\(unit)",
                    Quotient(b).multiplied(by: w)?.divided(by: perWhole))
            }
        }
        if let score = row.score {
            if wholePoints { readings += wholePointReadings(of: score) }
            if score < w, w > 1, let lessOne = w.subtracting(1) {
                readings.append(OtherReading(name: "one point off a missed target",
                                             arithmetic: "\(w.plainText) − 1 = \(lessOne.plainText)", value: lessOne))
            }
        }
        return readings
    }

    /// The other readings of the budget block, in the order they are tried; whole points only where every printed
    /// score is whole (`wholePoints`).
    func budgetReadings(_ card: ScoreCard, wholePoints: Bool) -> [OtherReading] {
        let budget = card.budget
        var readings: [OtherReading] = []
        let execution = BudgetExecution(planned: budget.planned, executed: budget.executed, initial: budget.initial)
        for other in catalog where other.id != card.profile.id && other.budget != card.profile.budget {
            guard other.budget.weight == budget.weight, case .steps = other.budget.scoring else { continue }
            let alternative = BudgetScorer(profile: other).score(execution).0.score
            readings.append(OtherReading(name: "the step table of \(other.id)",
                arithmetic: "an execution rate of \(Self.percentText(budget.exactRate)) scores \(alternative.plainText)",
                value: alternative))
        }
        if let initial = budget.initial, initial > .zero, let share = Quotient(budget.executed, over: initial),
           let raw = share.multiplied(by: budget.weight) {
            let capped = (Quotient.compare(raw, Quotient(budget.weight)) ?? 0) > 0 ? Quotient(budget.weight) : raw
            if let alternative = card.profile.rounding.round(capped) {
                readings.append(OtherReading(name: "the start-of-year budget (年初预算数)",
                    arithmetic: "\(budget.weight.plainText) × \(budget.executed.plainText) ÷ \(initial.plainText) = \(alternative.plainText)",
                    value: alternative))
            }
        }
        if let rate = budget.exactRate, let percent = rate.multiplied(by: 100)?.rounded(scale: 0),
           let exact = rate.multiplied(by: 100)?.rounded(scale: 4), exact != percent {
            let whole = BudgetExecution(planned: 100, executed: percent, weight: budget.weight)
            let alternative = BudgetScorer(profile: card.profile).score(whole).0.score
            readings.append(OtherReading(name: "the execution rate rounded to a whole percent",
                arithmetic: "\(budget.executed.plainText) ÷ \(budget.planned.plainText) = \(Self.percentText(rate)) → \(percent.plainText)%, scored \(alternative.plainText)",
                value: alternative))
        }
        if wholePoints { readings += wholePointReadings(of: budget.score) }
        return readings
    }

    /// Whether every score the table prints, rows and budget, is a whole number of points.
    func printsWholePoints(_ evaluation: Evaluation) -> Bool {
        // Read in place, without gathering the figures in an array of their own.
        var printsAny = false
        for index in evaluation.indicators.indices {
            guard let printed = evaluation.indicators[index].published else { continue }
            guard printed.normalized.scale == 0 else { return false }
            printsAny = true
        }
        if let budget = evaluation.published?.budget {
            guard budget.normalized.scale == 0 else { return false }
            printsAny = true
        }
        return printsAny
    }

    /// A score that is not whole, rounded down and half-up to whole points: `5.96 → 5`, `5.96 → 6`.
    func wholePointReadings(of score: ExactDecimal) -> [OtherReading] {
        let places = Int(score.scale)
        guard places > 0, !score.isNegative, score.significand % WideUInt.wordPowerOfTen(places).asInt64 != 0 else { return [] }
        let down = ExactDecimal(unchecked: score.significand / WideUInt.wordPowerOfTen(places).asInt64, scale: 0)
        let halfUp = RoundingRule(scale: 0).round(score)
        return [
            OtherReading(name: "rounding the score down to whole points", arithmetic: "\(score.plainText) → \(down.plainText)", value: down),
            OtherReading(name: "rounding the score half-up to whole points", arithmetic: "\(score.plainText) → \(halfUp.plainText)", value: halfUp),
        ]
    }

    /// The units a percentage is written in, and how many of them make the whole.
    static let perWhole: [String: ExactDecimal] = ["%": 100, "‰": 1000]

    /// A rate as a percentage to two places: `49.9%`.
    static func percentText(_ rate: Quotient?) -> String {
        guard let percent = rate?.multiplied(by: 100)?.rounded(scale: 2) else { return "—" }
        return percent.normalized.plainText + "%"
    }
}
