public import Foundation

/// The counts of a batch: lines scored and failed, grades, and the fund-weighted mean total.
///
/// ```
/// mean = Σ (planned × total) ÷ Σ planned      (over the scored lines, rounded half-up to 2 places)
/// ```
///
/// Exact: lines scored by the fast lane add integers (funds in 10⁻⁴, products in 10⁻⁶), the others `Decimal`s;
/// the two meet only in ``fundWeightedMean``.
public struct BatchTally: Sendable, Equatable {
    /// Lines scored.
    public var scored = 0
    /// Lines that could not be used.
    public var failed = 0
    /// Scored lines whose printed figures disagree with the recomputed ones.
    public var disagreeing = 0
    /// Scored lines per grade.
    public var grades: [String: Int] = [:]
    /// Σ planned and Σ planned × total of lines scored the ordinary way.
    var funds = Decimal(0)
    var weighted = Decimal(0)
    /// The same sums for fast-lane lines, in units of 10⁻⁴ and 10⁻⁶.
    var fixedFunds: Int128 = 0
    var fixedWeighted: Int128 = 0

    /// An empty tally.
    public init() {}

    /// Counts one line's outcome.
    public mutating func add(_ outcome: BatchScorer.Outcome) {
        if outcome.failed {
            failed += 1
            return
        }
        scored += 1
        if outcome.disagrees { disagreeing += 1 }
        if let total = outcome.total {
            funds += outcome.funds
            weighted += outcome.funds * total
        }
        if let grade = outcome.grade { grades[grade, default: 0] += 1 }
    }

    /// Counts a line the fast lane scored: its total in hundredths and its adjusted budget.
    mutating func add(totalCents: Int64, planned: FixedDecimal, grade: [UInt8]?) {
        scored += 1
        let plannedUnits = Int128(planned.significand) * Int128(FixedDecimal.powersOfTen[FixedDecimal.maximumScale - planned.scale])
        fixedFunds += plannedUnits
        fixedWeighted += plannedUnits * Int128(totalCents)
        if let grade { grades[String(decoding: grade, as: UTF8.self), default: 0] += 1 }
    }

    /// Adds another tally's counts (a later chunk's, another worker's).
    public mutating func add(_ other: BatchTally) {
        scored += other.scored
        failed += other.failed
        disagreeing += other.disagreeing
        grades.merge(other.grades, uniquingKeysWith: +)
        funds += other.funds
        weighted += other.weighted
        fixedFunds += other.fixedFunds
        fixedWeighted += other.fixedWeighted
    }

    /// The mean total weighted by each evaluation's adjusted budget, rounded half-up to 2 places; `nil` when no
    /// scored line has funds.
    public var fundWeightedMean: Decimal? {
        let allFunds = funds + Self.decimal(fixedFunds, scale: FixedDecimal.maximumScale)
        guard allFunds > 0 else { return nil }
        let allWeighted = weighted + Self.decimal(fixedWeighted, scale: FixedDecimal.maximumScale + 2)
        return RoundingRule(scale: 2).round(allWeighted / allFunds)
    }

    /// `value ÷ 10^scale` as an exact `Decimal` (to 38 digits, far beyond any batch's sums).
    static func decimal(_ value: Int128, scale: Int) -> Decimal {
        guard value != 0 else { return 0 }
        let significand = Decimal(string: String(value)) ?? 0
        return Decimal(sign: .plus, exponent: -scale, significand: significand)
    }
}
