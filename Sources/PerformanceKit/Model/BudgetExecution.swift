public import Foundation

/// 预算执行情况: the budget execution block of a self-evaluation table.
///
/// The execution rate is `executed ÷ planned`, where `planned` is the *adjusted* full-year budget (全年预算数,
/// 调整后财政资金总额, including carry-over), never the start-of-year figure (年初预算数), which is kept in
/// ``initial`` for reports only.
public struct BudgetExecution: Sendable, Equatable {
    /// 全年预算数 (A), in 万元: the adjusted full-year budget.
    public var planned: Decimal
    /// 全年执行数 (B), in 万元: what was actually spent.
    public var executed: Decimal
    /// 年初预算数, in 万元: reported, never scored.
    public var initial: Decimal?
    /// Points of the block; the rule profile's value when `nil`.
    public var weight: Decimal?

    /// Creates the block.
    ///
    /// Give figures as exact decimals: `Decimal(string: "3857.18")!`, not the float literal `3857.18`, which Swift
    /// reads through binary floating point (3857.179999999998976).
    public init(planned: Decimal, executed: Decimal, initial: Decimal? = nil, weight: Decimal? = nil) {
        self.planned = planned
        self.executed = executed
        self.initial = initial
        self.weight = weight
    }
}
