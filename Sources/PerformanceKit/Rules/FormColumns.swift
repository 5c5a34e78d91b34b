/// The columns of the official form a profile's tables are printed on, by the labels the form gives them: the
/// Hubei form (预算执行情况, 年初目标值, 分值 before the targets) or the Ministry's (项目资金, 全年预算数, 年度指标值,
/// 分值 after the actuals). Data of the profile (`form` in a profile file, rules/README.md); the HTML report lays the
/// table out in this order and under these labels.
///
/// Each label is read with the table reader's own vocabulary (`年度指标值` is the target column, `全年预算数` the
/// planned budget), so that a form written out reads back in: one description of a column's names for both ways.
package struct FormColumns: Sendable, Equatable {
    /// A column of the budget block.
    package enum BudgetColumn: Sendable, Hashable {
        case initial, planned, executed, rate, weight, score
    }

    /// A column of the indicator table.
    package enum IndicatorColumn: Sendable, Hashable {
        case category, subcategory, name, weight, target, actual, score, reason
    }

    /// The budget block's heading cell (`预算执行情况（万元）`, `项目资金（万元）`).
    package var budgetHeading: String
    /// The budget block's columns after its heading, each with its label.
    package var budget: [(label: String, column: BudgetColumn)]
    /// The indicator table's columns, each with its label; 一级, 二级 and 三级 first.
    package var indicators: [(label: String, column: IndicatorColumn)]

    package static func == (lhs: FormColumns, rhs: FormColumns) -> Bool {
        lhs.budgetHeading == rhs.budgetHeading && lhs.budget.map(\.label) == rhs.budget.map(\.label)
            && lhs.indicators.map(\.label) == rhs.indicators.map(\.label)
    }

    /// The Hubei form (鄂财绩发〔2020〕7号 annex, as Wuhan prints it), the layout of a profile that names none.
    /// `得分（分×执行率）` prints the block's points in it.
    package static let hubei = FormColumns(
        budgetHeading: "预算执行情况（万元）",
        budgetLabels: ["年初预算数", "预算数（A）", "执行数（B）", "执行率（B/A）", "分值", "得分（分×执行率）"],
        indicatorLabels: ["一级指标", "二级指标", "三级指标", "分值", "年初目标值（A）", "实际完成值（B）", "得分", "偏差原因分析及改进措施"])!

    /// Columns from their labels; `nil` when a label names no column the form has, or the first three are not 一级,
    /// 二级 and 三级.
    package init?(budgetHeading: String, budgetLabels: [String], indicatorLabels: [String]) {
        var budget: [(String, BudgetColumn)] = []
        for label in budgetLabels {
            guard let column = Self.budgetColumn(label) else { return nil }
            budget.append((label, column))
        }
        var indicators: [(String, IndicatorColumn)] = []
        for label in indicatorLabels {
            guard let column = Self.indicatorColumn(label) else { return nil }
            indicators.append((label, column))
        }
        guard indicators.prefix(3).map(\.1) == [.category, .subcategory, .name],
              Set(indicators.map(\.1)).count == indicators.count, Set(budget.map(\.1)).count == budget.count
        else { return nil }
        self.budgetHeading = budgetHeading
        self.budget = budget
        self.indicators = indicators
    }

    /// What a budget label names, in the table reader's words.
    static func budgetColumn(_ label: String) -> BudgetColumn? {
        let normalized = TableReading.normalizedHeader(label)
        switch TableReading.Metadata.labels[normalized] {
        case .initial?: return .initial
        case .planned?: return .planned
        case .executed?: return .executed
        default: break
        }
        switch normalized {
        case "执行率": return .rate
        case "分值": return .weight
        case "得分": return .score
        default: return nil
        }
    }

    /// What an indicator label names, in the table reader's words.
    static func indicatorColumn(_ label: String) -> IndicatorColumn? {
        switch TableReader.aliases[TableReading.normalizedHeader(label)] {
        case .category?: return .category
        case .subcategory?: return .subcategory
        case .name?: return .name
        case .weight?: return .weight
        case .target?: return .target
        case .actual?: return .actual
        case .score?: return .score
        case .reason?: return .reason
        default: return nil
        }
    }
}
