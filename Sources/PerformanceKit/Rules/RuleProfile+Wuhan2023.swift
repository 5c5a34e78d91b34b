import Foundation

extension RuleProfile {
    /// 武汉市 2023: the rule printed under the 项目自评表 of the seeds (备注 1–4), checked against the published
    /// 100, 100, 99.75 and 98.07.
    ///
    /// - Budget execution: 20 points × min(executed ÷ adjusted budget, 1).
    /// - Indicators: 80 points; forward `w × B ÷ A`, reverse `w × A ÷ B`, each capped at `w` (得分不得突破权重总额).
    /// - Qualitative tiers: 达成 80–100 %, 部分达成 50–80 %, 未达成 0–50 % of the points.
    /// - Grades: the seed states none (its rule text has no 优/良/中/差); the bands 优 ≥ 90, 良 ≥ 80, 中 ≥ 60,
    ///   差 below are the national ones of 财预〔2020〕10号, which the Wuhan notes follow elsewhere.
    public static let wuhan2023 = RuleProfile(
        id: "wuhan-2023",
        title: "武汉市项目支出绩效自评（2023年度决算公开）",
        jurisdiction: "武汉市",
        source: "武汉市政务服务和大数据管理局 2023年度部门决算公开，项目支出绩效自评表 备注1-4",
        notes: [
            "The cap on the budget block (execution above 100 %) is not printed; 20 is used, as R1 and R8 together imply.",
            "A target of 0 met by an actual of 0 scores full points, as the published tables show; an actual above a 0 target scores 0.",
            "A qualitative judgement without the evaluator's score takes the top of its band.",
            "The seed prints no grade bands; the national 优 ≥ 90, 良 ≥ 80, 中 ≥ 60 are used.",
        ],
        budgetWeight: 20,
        indicatorWeight: 80,
        qualitativeTiers: [
            QualitativeTier(judgement: .achieved, lower: Decimal(string: "0.8")!, upper: 1, upperIncluded: true),
            QualitativeTier(judgement: .partial, lower: Decimal(string: "0.5")!, upper: Decimal(string: "0.8")!, upperIncluded: false),
            QualitativeTier(judgement: .unachieved, lower: 0, upper: Decimal(string: "0.5")!, upperIncluded: false),
        ],
        achievementWords: ["是", "完成", "通过", "达成", "达标", "满意"],
        grades: [
            GradeBand(grade: "优", minimum: 90),
            GradeBand(grade: "良", minimum: 80),
            GradeBand(grade: "中", minimum: 60),
            GradeBand(grade: "差", minimum: 0),
        ]
    )
}
