/// One line of the budget block's funds by source (资金来源): 当年财政拨款, 上年结转资金 or 其他资金, with the figures the
/// form gives for it.
///
/// The official 项目支出绩效自评表 prints 年度资金总额 and, under it, the three sources, each with its 年初预算数, 全年预算数
/// and 全年执行数; the total's figures are the block's own (``BudgetExecution``). Sources are reported and checked
/// (the total is the sum of its sources), never scored. An extension of perfscore/1.
package struct FundSource: Sendable, Equatable {
    /// Which source a line is.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        /// 当年财政拨款 (this year's appropriation).
        case appropriation = "财政拨款"
        /// 上年结转资金 (carried over from last year).
        case carriedOver = "上年结转"
        /// 其他资金 (other funds).
        case other = "其他资金"

        /// The spellings forms use for each source, read as the source.
        static let spellings: [(String, Kind)] = [
            ("财政拨款", .appropriation), ("当年财政拨款", .appropriation), ("财政资金", .appropriation),
            ("上年结转", .carriedOver), ("上年结转资金", .carriedOver), ("结转资金", .carriedOver),
            ("其他资金", .other), ("其他", .other),
        ]

        /// The row's label as the official form prints it.
        package var formLabel: String {
            switch self {
            case .appropriation: return "其中：当年财政拨款"
            case .carriedOver: return "上年结转资金"
            case .other: return "其他资金"
            }
        }

        /// The source a label names (`其中：当年财政拨款` is 财政拨款), or `nil`.
        package init?(parsing label: String) {
            var name = Substring(label.trimmingWhitespace)
            for prefix in ["其中：", "其中:", "其中"] where name.hasPrefix(prefix) {
                name = name.dropFirst(prefix.count)
                break
            }
            guard let match = Self.spellings.first(where: { $0.0 == name }) else { return nil }
            self = match.1
        }
    }

    /// The source.
    package var kind: Kind
    /// 年初预算数, in 万元.
    package var initial: ExactDecimal?
    /// 全年预算数, in 万元.
    package var planned: ExactDecimal?
    /// 全年执行数, in 万元.
    package var executed: ExactDecimal?

    /// A source line; figures the form leaves blank are `nil`.
    package init(_ kind: Kind, initial: ExactDecimal? = nil, planned: ExactDecimal? = nil, executed: ExactDecimal? = nil) {
        self.kind = kind
        self.initial = initial
        self.planned = planned
        self.executed = executed
    }
}
