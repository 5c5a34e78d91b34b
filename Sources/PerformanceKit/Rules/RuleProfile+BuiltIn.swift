extension RuleProfile {
    /// The files of the repository's `rules/` folder, embedded in the library by SwiftPM (`Rules/Profiles` is a
    /// link to that folder, declared as `.embedInCode` in Package.swift), in file-name order. A new profile file
    /// needs its line here; a test fails when a file of `rules/` is missing from this list.
    static let embeddedFiles: [(name: String, bytes: [UInt8])] = [
        ("jiangxi.json", PackageResources.jiangxi_json),
        ("mof-2020-linear.json", PackageResources.mof_2020_linear_json),
        ("mof-2020.json", PackageResources.mof_2020_json),
        ("wuhan-2023.json", PackageResources.wuhan_2023_json),
    ]

    /// The profiles built into this version: the files of the repository's `rules/` folder, in file-name order.
    ///
    /// Each is decoded once, the first time it is asked for. The tests decode every one, so a built-in that does
    /// not decode is a build that never passed its tests; should one not decode all the same, it is left out here,
    /// and ``wuhan2023`` or ``mof2020`` stand for it as a profile that scores nothing and says why.
    public static let builtIn: [RuleProfile] = decodedFiles.compactMap { try? $0.get() }

    /// Each embedded file decoded, or why it cannot be.
    static let decodedFiles: [Result<RuleProfile, RuleProfileError>] = embeddedFiles.map { file in
        Result { () throws(RuleProfileError) -> RuleProfile in try RuleProfile(jsonData: file.bytes) }
    }

    /// A built-in profile by id, or `nil`.
    public static func builtIn(_ id: RuleProfileID) -> RuleProfile? {
        builtIn.first { $0.id == id }
    }

    /// The profile used when neither the file nor the caller names one.
    public static let defaultID: RuleProfileID = "wuhan-2023"

    /// 武汉市 2023: the rule printed under the 项目自评表 of the seeds (备注 1–4), checked against the published
    /// 100, 100, 99.75 and 98.07. Budget 20 × rate; indicators 80, forward `w × B ÷ A` and reverse `w × A ÷ B`
    /// capped per indicator; tiers 80–100 / 50–80 / 0–50 %. The file is `rules/wuhan-2023.json`.
    public static let wuhan2023: RuleProfile = embedded("wuhan-2023")

    /// 财预〔2020〕10号: budget 10 × rate capped; indicators 90 (产出 50, 效益 30, 满意度 10, a missing 满意度 merged
    /// into 效益); tiers 80–100 / 60–80 / 0–60 %; a forward actual at 120 % of its target flagged for review.
    public static let mof2020: RuleProfile = embedded("mof-2020")

    /// A built-in profile, or a profile that scores nothing and says why it is missing.
    private static func embedded(_ id: RuleProfileID) -> RuleProfile {
        builtIn(id) ?? .unusable(id, reason: "the built-in rule profile \(id) could not be decoded; this build did not pass its tests")
    }
}
