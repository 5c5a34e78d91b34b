extension RuleProfile {
    /// The profiles built into this version: the files of the repository's `rules/` folder, in file-name order.
    public static let builtIn: [RuleProfile] = BuiltInRuleFiles.files.compactMap { file in
        try? RuleProfile(jsonData: Array(file.text.utf8))
    }

    /// A built-in profile by id, or `nil`.
    public static func builtIn(_ id: ID) -> RuleProfile? {
        builtIn.first { $0.id == id }
    }

    /// The profile used when neither the file nor the caller names one.
    public static let defaultID: ID = "wuhan-2023"

    /// 武汉市 2023: the rule printed under the 项目自评表 of the seeds (备注 1–4), checked against the published
    /// 100, 100, 99.75 and 98.07. Budget 20 × rate; indicators 80, forward `w × B ÷ A` and reverse `w × A ÷ B`
    /// capped per indicator; tiers 80–100 / 50–80 / 0–50 %. The file is `rules/wuhan-2023.json`.
    public static let wuhan2023: RuleProfile = embedded("wuhan-2023")

    /// 财预〔2020〕10号: budget 10 × rate capped; indicators 90 (产出 50, 效益 30, 满意度 10, a missing 满意度 merged
    /// into 效益); tiers 80–100 / 60–80 / 0–60 %; a forward actual at 120 % of its target flagged for review.
    public static let mof2020: RuleProfile = embedded("mof-2020")

    /// A profile of the embedded files. They are checked by the tests (each decodes and validates), so a missing
    /// one is a build that never passed its tests.
    private static func embedded(_ id: ID) -> RuleProfile {
        guard let profile = builtIn(id) else {
            preconditionFailure("the embedded rule profile \(id) does not decode; run scripts/embed-rules and the tests")
        }
        return profile
    }
}
