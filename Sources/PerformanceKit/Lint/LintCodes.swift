extension Diagnostic.Code {
    /// Rows whose points contradict the total the table declares (指标权重比例 100, rows adding up to 80).
    public static let declaredTotal = Diagnostic.Code(rawValue: "declared-total")
    /// A first-level category the table should have and does not.
    public static let missingCategory = Diagnostic.Code(rawValue: "missing-category")
    /// A figure without a unit, in the target or on the row.
    public static let missingUnit = Diagnostic.Code(rawValue: "missing-unit")
    /// A rate written as a fraction (`0.99`, `1`) where the name calls for a percentage.
    public static let rateAsFraction = Diagnostic.Code(rawValue: "rate-as-fraction")
    /// A percentage above 100 on a rate.
    public static let rateAbove100 = Diagnostic.Code(rawValue: "rate-above-100")
    /// A comparator that contradicts the row's category (`≥` on a cost).
    public static let comparatorContradictsCategory = Diagnostic.Code(rawValue: "comparator-contradicts-category")
    /// A vague word (提升, 有效, 是, 好) where the row has a measurable form.
    public static let vagueTarget = Diagnostic.Code(rawValue: "vague-target")
    /// A 效益 block whose every target is a yes or a word.
    public static let binaryBenefitBlock = Diagnostic.Code(rawValue: "binary-benefit-block")
    /// A target that is not one figure: words before it, two figures in one cell.
    public static let malformedTarget = Diagnostic.Code(rawValue: "malformed-target")
    /// An empty target.
    public static let emptyTarget = Diagnostic.Code(rawValue: "empty-target")
    /// A name that is really a definition: a formula or a ratio written out.
    public static let nameIsFormula = Diagnostic.Code(rawValue: "name-is-formula")
    /// A name that is a sentence or too long to read as an indicator.
    public static let nameTooLong = Diagnostic.Code(rawValue: "name-too-long")
    /// A name that carries its own target (`高新技术企业≥500 家数量`).
    public static let nameCarriesTarget = Diagnostic.Code(rawValue: "name-carries-target")
    /// The same indicator twice in one table.
    public static let duplicateIndicator = Diagnostic.Code(rawValue: "duplicate-indicator")
    /// A table whose rows are copied from another table linted with it.
    public static let copiedBlock = Diagnostic.Code(rawValue: "copied-block")
    /// A target lower than last year's.
    public static let targetLowered = Diagnostic.Code(rawValue: "target-lowered")
    /// More indicators in one second-level category than a reviewer accepts (the "二八" comment).
    public static let tooManyIndicators = Diagnostic.Code(rawValue: "too-many-indicators")
    /// A row of an evaluation that lost points without a stated reason.
    public static let unmetWithoutReason = Diagnostic.Code(rawValue: "unmet-without-reason")
}
