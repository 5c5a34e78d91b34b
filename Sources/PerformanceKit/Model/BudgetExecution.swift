/// 预算执行情况: the budget execution block of a self-evaluation table.
///
/// The execution rate is `executed ÷ planned`, where `planned` is the *adjusted* full-year budget (全年预算数,
/// 调整后财政资金总额, including carry-over), never the start-of-year figure (年初预算数), which is kept in
/// ``initial`` for reports only.
public struct BudgetExecution: Sendable, Equatable {
    /// 全年预算数 (A), in 万元: the adjusted full-year budget.
    public var planned: ExactDecimal
    /// 全年执行数 (B), in 万元: what was actually spent.
    public var executed: ExactDecimal
    /// 年初预算数, in 万元: reported, never scored.
    public var initial: ExactDecimal?
    /// Points of the block; the rule profile's value when `nil`.
    public var weight: ExactDecimal?
    /// The funds by source (财政拨款, 上年结转, 其他资金) when the table gives them: checked against the block's
    /// figures by lint, never scored. An extension of perfscore/1.
    package var sources: [FundSource] = []

    /// Creates the block: `BudgetExecution(planned: ExactDecimal("894.13")!, executed: ExactDecimal("894.13")!)`.
    public init(planned: ExactDecimal, executed: ExactDecimal, initial: ExactDecimal? = nil, weight: ExactDecimal? = nil) {
        self.planned = planned
        self.executed = executed
        self.initial = initial
        self.weight = weight
    }
}
