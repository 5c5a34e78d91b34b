/// What the official form holds beside the figures it scores: who carried the project out, the year's overall
/// goal and what became of it, and who filled the form in, when. Tables give them, reports print them, nothing
/// scores them. An extension of perfscore/1 (`"form"`, docs/FORMAT.md §6.1).
package struct FormDetails: Sendable, Equatable {
    /// 项目实施单位, kept apart from 主管部门 (``Evaluation/agency``).
    package var implementer: String?
    /// 年度总体目标: 预期目标.
    package var expectedGoal: String?
    /// 年度总体目标: 实际完成情况.
    package var achievedGoal: String?
    /// 填报人.
    package var preparer: String?
    /// 联系电话.
    package var telephone: String?
    /// 填报日期, as printed (`2024年6月6日`).
    package var filedOn: String?

    /// No details.
    package init(implementer: String? = nil, expectedGoal: String? = nil, achievedGoal: String? = nil,
                 preparer: String? = nil, telephone: String? = nil, filedOn: String? = nil) {
        self.implementer = implementer
        self.expectedGoal = expectedGoal
        self.achievedGoal = achievedGoal
        self.preparer = preparer
        self.telephone = telephone
        self.filedOn = filedOn
    }

    /// Whether the form gives none of them.
    package var isEmpty: Bool { self == FormDetails() }

    /// The keys perfscore/1 gives them, in the order files write them.
    package var fieldKeys: [String] { ["implementer", "expectedGoal", "achievedGoal", "preparer", "telephone", "filedOn"] }

    /// The details given, by their perfscore/1 keys, in the order files write them.
    package var fields: [(key: String, value: String)] {
        zip(fieldKeys, [implementer, expectedGoal, achievedGoal, preparer, telephone, filedOn]).compactMap { key, value in
            value.map { (key, $0) }
        }
    }
}
