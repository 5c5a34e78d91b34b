/// A finding about an evaluation: a stable code, a severity, a message in plain words and the path into the input.
///
/// Errors mean a figure could not be computed (the row needs a `judgement`, a `score` or a readable value);
/// warnings and notes never change a score, they say what a reader should know about it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How much a finding matters. Ordered: `note < warning < error`.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        case note
        case warning
        case error

        /// Orders severities `note < warning < error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    /// A stable identifier of the kind of finding (`unreadable-value`), for tools that filter or count them; the
    /// raw value is the code as printed. Every code is listed in `docs/FORMAT.md` §6.6.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A field perfscore/1 does not define; kept, not scored.
        case unknownField = "unknown-field"
        /// A first-level category outside 成本 / 产出 / 效益 / 满意度.
        case unknownCategory = "unknown-category"
        /// A second-level name under a first-level category it does not belong to.
        case subcategoryMismatch = "subcategory-mismatch"
        /// A target or actual that starts like a figure but cannot be read.
        case unreadableValue = "unreadable-value"
        /// Target and actual can both be read, but the rule defines no score for them.
        case undefinedScore = "undefined-score"
        /// Target and actual are in different units.
        case unitMismatch = "unit-mismatch"
        /// An `actual` given beside `parts` disagrees with what the parts give.
        case partsDisagree = "parts-disagree"
        /// An evaluator's or printed score outside 0…points (an evaluator's above its points is scored as written).
        case scoreOutOfRange = "score-out-of-range"
        /// A judgement's score outside its tier's band: scored as the evaluator wrote it.
        case scoreOutsideBand = "score-outside-band"
        /// A deduction larger than the score it is taken from: the row scores 0.
        case deductionExceedsScore = "deduction-exceeds-score"
        /// An evaluator's score departs from the rule and gives no reason.
        case departureWithoutReason = "departure-without-reason"
        /// The printed score stands as the evaluator's own judgement on a row the rule cannot score.
        case publishedScoreStands = "published-score-stands"
        /// A judgement without the evaluator's score: the top of its band is used.
        case judgementAtTopOfBand = "judgement-top-of-band"
        /// A judgement on a row whose target reads as a figure: the tier decides, not the ratio.
        case judgementOverridesFigure = "judgement-overrides-figure"
        /// Indicator points do not add up to what the profile expects.
        case pointsTotal = "points-total"
        /// A row's points carry more decimals than scores are rounded to: its full score prints above (or below) them.
        case pointsPrecision = "points-precision"
        /// The budget block's points differ from the profile's.
        case budgetWeight = "budget-weight"
        /// The adjusted budget is 0: the execution rate is undefined and the block scores 0.
        case zeroBudget = "zero-budget"
        /// More was spent than budgeted: the block is capped at its points.
        case overExecuted = "over-executed"
        /// A forward actual far above its target (the profile's flag, 120 % under mof-2020): the target may have
        /// been set too low, which the rule marks down at the evaluator's discretion.
        case overAchievement = "over-achievement"
        /// A first-level category's points differ from the profile's default split.
        case categoryPoints = "category-points"
        /// In goal-ratio mode, a row that names no goal or an unknown one.
        case unknownGoal = "unknown-goal"
        /// In goal-ratio mode, ratios that do not add up to 100 %.
        case goalRatios = "goal-ratios"
        /// A target table row without points.
        case noWeight = "no-weight"
        /// The file was written under another rule profile: its points were rescaled and its printed figures are
        /// not compared.
        case otherRules = "other-rules"
        /// A figure whose exact value needs more digits than a decimal holds (18 significant digits).
        case figureTooLarge = "figure-too-large"
        /// A spreadsheet table that names no rule, given the one its points fit (the Ministry's form: mof-2020).
        case rulesInferred = "rules-inferred"

        // Lint (`perfscore lint`).

        /// Rows whose points contradict the total the table declares (指标权重比例 100, rows adding up to 80).
        case declaredTotal = "declared-total"
        /// A first-level category the table should have and does not.
        case missingCategory = "missing-category"
        /// A figure without a unit, in the target or on the row.
        case missingUnit = "missing-unit"
        /// A rate written as a fraction (`0.99`, `1`) where the name calls for a percentage.
        case rateAsFraction = "rate-as-fraction"
        /// A percentage above 100 on a rate.
        case rateAbove100 = "rate-above-100"
        /// A comparator that contradicts the row's category (`≥` on a cost).
        case comparatorContradictsCategory = "comparator-contradicts-category"
        /// A vague word (提升, 有效, 是, 好) where the row has a measurable form.
        case vagueTarget = "vague-target"
        /// A 效益 block whose every target is a yes or a word.
        case binaryBenefitBlock = "binary-benefit-block"
        /// A target that is not one figure: words before it, two figures in one cell.
        case malformedTarget = "malformed-target"
        /// An empty target.
        case emptyTarget = "empty-target"
        /// A name that is really a definition: a formula or a ratio written out.
        case nameIsFormula = "name-is-formula"
        /// A name that is a sentence or too long to read as an indicator.
        case nameTooLong = "name-too-long"
        /// A name that carries its own target (`高新技术企业≥500 家数量`).
        case nameCarriesTarget = "name-carries-target"
        /// The same indicator twice in one table.
        case duplicateIndicator = "duplicate-indicator"
        /// A table whose rows are copied from another table linted with it.
        case copiedBlock = "copied-block"
        /// A target lower than last year's.
        case targetLowered = "target-lowered"
        /// More indicators in one second-level category than a reviewer accepts (the "二八" comment).
        case tooManyIndicators = "too-many-indicators"
        /// A row of an evaluation that lost points without a stated reason.
        case unmetWithoutReason = "unmet-without-reason"
        /// A row whose score cell is blank while the table prints the others'.
        case blankScore = "blank-score"
        /// A cell still holding a template placeholder (`*`, `XXX`, `…`).
        case unfilledCell = "unfilled-cell"
        /// An empty 项目名称 or 主管部门 / 单位名称.
        case emptyField = "empty-field"
        /// Funds by source that do not add up to the block's 资金总额.
        case fundsBySource = "funds-by-source"
        /// Text inside a table of a disclosure that fits no cell of it: the table may be incomplete.
        case unplacedText = "unplaced-text"
        /// A figure the disclosure does not print, filled in by the one reading its other figures allow (points of
        /// the 摘要版 split within a category whose printed score they reproduce).
        case reconstructedFigure = "reconstructed-figure"

        /// A workbook cell a field is read from that holds a formula but no saved value: the field reads as blank.
        case uncalculatedFormula = "uncalculated-formula"
        /// A hidden sheet of the workbook holds a table, which is not read unless `--sheet` names it.
        case hiddenSheet = "hidden-sheet"

        /// The code as printed: `unreadable-value`.
        public var description: String {
            rawValue
        }
    }

    /// What kind of finding it is.
    public var code: Code
    /// How much it matters.
    public var severity: Severity
    /// What was found, in plain words.
    public var message: String
    /// Where in the input the finding is.
    public var path: JSONPath

    /// A finding.
    init(_ code: Code, _ severity: Severity, _ message: String, at path: JSONPath) {
        self.code = code
        self.severity = severity
        self.message = message
        self.path = path
    }

    /// `error[unreadable-value] indicators[3].target: cannot read "≥≥5": …`.
    public var description: String {
        CellPlaces().describe(self)
    }
}
