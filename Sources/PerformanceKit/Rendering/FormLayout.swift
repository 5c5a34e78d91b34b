/// A score card laid out as the official form prints it, for the reports that reproduce the form (HTML,
/// Markdown): the categories in the form's order (成本, 产出, 效益, 满意度, then any other in table order), the
/// second-level names in the form's order under each (数量, 质量, 时效, 成本 …; rows of the same 二级 kept in table
/// order), and, for every figure the table printed, the printed one beside the recomputed one with what
/// verification says of it.
struct FormLayout {
    /// A second-level group and its rows.
    struct Subgroup {
        var subcategory: IndicatorSubcategory?
        var rows: [IndicatorScore]
    }

    /// A first-level category: its subtotal, the subtotal the table printed, and its second-level groups.
    struct Group {
        var category: ScoreCard.CategoryScore
        var printed: ExactDecimal?
        var subgroups: [Subgroup]
        var rowCount: Int { subgroups.reduce(0) { $0 + $1.rows.count } }
    }

    /// The rows of one goal in goal-ratio mode (its categories' subtotals its own), or of the whole table.
    struct Section {
        var goal: ScoreCard.GoalScore?
        var groups: [Group]
    }

    let card: ScoreCard
    /// One section without a goal; in goal-ratio mode one per goal, in the goals' order, as the form prints each
    /// goal's rows under it (a category's subtotal across goals is no figure of the form: 158.48 under 98.46).
    let sections: [Section]
    /// Whether the table printed row scores: the form then carries 表中得分 and 核对 columns.
    let showsPrintedRows: Bool
    let printed: PrintedBeside

    init(_ card: ScoreCard) {
        self.card = card
        printed = PrintedBeside(card)
        showsPrintedRows = card.indicators.contains { $0.published != nil }
        guard !card.goals.isEmpty else {
            let printedCategories = Dictionary((card.evaluation.published?.categories ?? []).map { ($0.category.rawValue, $0.score) },
                                               uniquingKeysWith: { first, _ in first })
            sections = [Section(goal: nil, groups: Self.groups(card.indicators, categories: card.categories, printed: printedCategories))]
            return
        }
        sections = card.goals.map { goal in
            let rows = card.indicators.filter { $0.indicator.goal == goal.name }
            return Section(goal: goal, groups: Self.groups(rows, categories: Scorer.subtotals(rows), printed: [:]))
        }
    }

    /// The categories in the form's order, each with its rows under their second levels in the form's order.
    private static func groups(_ indicators: [IndicatorScore], categories: [ScoreCard.CategoryScore],
                               printed printedCategories: [String: ExactDecimal]) -> [Group] {
        func rank(_ category: IndicatorCategory, _ position: Int) -> Int {
            category.standardIndex.map(Int.init) ?? 100 + position
        }
        let sortedCategories = categories.enumerated().sorted { rank($0.element.category, $0.offset) < rank($1.element.category, $1.offset) }
        return sortedCategories.map { _, category in
            let rows = indicators.filter { $0.category == category.category }
            var order: [IndicatorSubcategory?] = []
            for row in rows where !order.contains(row.subcategory) { order.append(row.subcategory) }
            func subRank(_ subcategory: IndicatorSubcategory?) -> Int {
                guard let subcategory else { return 1000 }
                return subcategory.standardIndex.map(Int.init) ?? 100 + (order.firstIndex(of: subcategory) ?? 0)
            }
            let sorted = order.sorted { subRank($0) < subRank($1) }
            return Group(category: category, printed: printedCategories[category.category.rawValue],
                         subgroups: sorted.map { subcategory in Subgroup(subcategory: subcategory, rows: rows.filter { $0.subcategory == subcategory }) })
        }
    }

    /// The heading of a goal's section: `年度目标1（目标权重 60%）`.
    static func heading(of goal: ScoreCard.GoalScore) -> String {
        "\(goal.name)（目标权重 \(goal.ratio.plainText)%）"
    }

    /// The form's head as the CSV and XLSX reports print it: the title (部门整体支出绩效自评表 for a department's),
    /// `（2023年度）`, then 项目名称, 主管部门, 实施单位 when known and 规则 (the profile's id, so that the sheet reads
    /// back under the rule that scored it).
    static func head(_ card: ScoreCard) -> (title: String, year: String, labelled: [(label: String, value: String)]) {
        let evaluation = card.evaluation
        var labelled: [(label: String, value: String)] = [("项目名称", evaluation.title ?? ""), ("主管部门", evaluation.agency ?? "")]
        if let implementer = evaluation.form.implementer { labelled.append(("实施单位", implementer)) }
        labelled.append(("规则", card.profile.id.rawValue))
        return (evaluation.kind == .department ? "部门整体支出绩效自评表" : "项目支出绩效自评表",
                "（\(evaluation.year.map(String.init) ?? "")年度）", labelled)
    }

    /// In goal-ratio mode, how the total is reached: the budget's score and each goal's weighted score,
    /// `19.2 + 47.62 + 31.64 = 98.46`; `nil` when the card has no goals.
    static func goalTotalWorking(_ card: ScoreCard) -> String? {
        guard !card.goals.isEmpty else { return nil }
        let terms = [card.budget.score.scoreText()] + card.goals.map { $0.weighted?.scoreText() ?? "—" }
        return terms.joined(separator: " + ") + " = " + (card.total?.scoreText() ?? "—")
    }

    /// The printed score of a row and what verification says of it (`agrees`, or the kind of difference).
    func check(_ row: IndicatorScore) -> (printed: String, check: String) {
        printed.check(row.published, at: row.path.appending("published").description)
    }

    /// The findings to list under the form: each difference with its kind and what explains it.
    var differences: [Verification.Difference] { card.verification?.differences ?? [] }

    /// What the list of ``differences`` is headed on the form: a figure that could not be compared is no
    /// disagreement, so a list of those alone says so.
    var differencesHeading: String {
        let uncompared = differences.count { $0.kind == .notCompared }
        if uncompared == 0 { return "表中得分与规则计算不一致之处" }
        return uncompared == differences.count ? "未能核对的表中得分" : "表中得分与规则计算不一致或未能核对之处"
    }

    /// The warnings and errors the form does not show (a value that could not be read, a formula saved without its
    /// value, points that do not add up to the rule's), to list under it as 提示: each with its severity as the form
    /// names it (错误, 警告), its code, and its place (`自评表!G16 (indicators[0].published)` in a spreadsheet, the
    /// path otherwise). Notes are left to the text report.
    static func notices(_ card: ScoreCard, places: CellPlaces) -> [(severity: String, code: String, place: String, message: String)] {
        card.diagnostics.compactMap { diagnostic in
            guard diagnostic.severity != .note else { return nil }
            return (diagnostic.severity == .error ? "错误" : "警告", diagnostic.code.rawValue, places.describe(diagnostic.path), diagnostic.message)
        }
    }

    /// The name verification's kinds go by on the form.
    static func kindName(_ kind: String) -> String {
        switch kind {
        case "agrees": return "一致"
        case "arithmetic": return "计算差异"
        case "rule": return "规则差异"
        case "judgement": return "评价差异"
        case "notCompared": return "未核对"
        default: return kind
        }
    }
}
