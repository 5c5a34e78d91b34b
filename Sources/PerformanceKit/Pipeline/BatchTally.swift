/// The counts of a batch: lines scored and failed, grades, and the fund-weighted mean total.
///
/// ```
/// mean = Σ (planned × total) ÷ Σ planned      (over the scored lines, rounded half-up to 2 places)
/// ```
///
/// The sums are exact, in 128 bits: a hundred million evaluations of budgets up to 10¹⁵ 万元 fit.
package struct BatchTally: Sendable, Equatable {
    /// Lines scored.
    package var scored = 0
    /// Lines that could not be used.
    package var failed = 0
    /// Scored lines whose printed figures disagree with the recomputed ones.
    package var disagreeing = 0
    /// Scored lines with an error-severity finding (scored as the evaluator wrote them).
    package var withErrors = 0
    /// Scored lines per grade.
    package var grades: [String: Int] = [:]
    /// Σ planned and Σ planned × total; `nil` once a sum no longer fits in 128 bits.
    var funds: WideDecimal? = .zero
    var weighted: WideDecimal? = .zero

    /// An empty tally.
    package init() {}

    /// Counts one line's outcome.
    package mutating func add(_ outcome: BatchScorer.Outcome) {
        if outcome.failed {
            failed += 1
            return
        }
        scored += 1
        if outcome.disagrees { disagreeing += 1 }
        if outcome.hasErrors { withErrors += 1 }
        if let total = outcome.total {
            funds = funds?.adding(WideDecimal(outcome.funds))
            weighted = weighted?.adding(WideDecimal.product(outcome.funds, total))
        }
        if let grade = outcome.grade { grades[grade, default: 0] += 1 }
    }

    /// Adds another tally's counts (a later chunk's, another worker's).
    package mutating func add(_ other: BatchTally) {
        scored += other.scored
        failed += other.failed
        disagreeing += other.disagreeing
        withErrors += other.withErrors
        grades.merge(other.grades, uniquingKeysWith: +)
        funds = other.funds.flatMap { funds?.adding($0) }
        weighted = other.weighted.flatMap { weighted?.adding($0) }
    }

    /// The mean total weighted by each evaluation's adjusted budget, rounded half-up to 2 places; `nil` when no
    /// scored line has funds.
    package var fundWeightedMean: ExactDecimal? {
        guard let funds, let weighted, let mean = Quotient(weighted, over: funds) else { return nil }
        return RoundingRule(scale: 2).round(mean)
    }
}
