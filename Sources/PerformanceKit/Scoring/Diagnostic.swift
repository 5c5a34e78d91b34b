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

    /// A stable identifier of the kind of finding (`unreadable-value`), for tools that filter or count them.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code as written (`unreadable-value`).
        public var rawValue: String

        /// Creates a code.
        public init(rawValue: String) {
            /// The code as written.
            self.rawValue = rawValue
        }

        /// The code as written.
        public var description: String {
            rawValue
        }

        /// A field perfscore/1 does not define; kept, not scored.
        public static let unknownField = Code(rawValue: "unknown-field")
        /// A first-level category outside 成本 / 产出 / 效益 / 满意度.
        public static let unknownCategory = Code(rawValue: "unknown-category")
        /// A second-level name under a first-level category it does not belong to.
        public static let subcategoryMismatch = Code(rawValue: "subcategory-mismatch")
        /// A target or actual that starts like a figure but cannot be read.
        public static let unreadableValue = Code(rawValue: "unreadable-value")
        /// Target and actual can both be read, but the rule defines no score for them.
        public static let undefinedScore = Code(rawValue: "undefined-score")
        /// Target and actual are in different units.
        public static let unitMismatch = Code(rawValue: "unit-mismatch")
        /// An `actual` given beside `parts` disagrees with what the parts give.
        public static let partsDisagree = Code(rawValue: "parts-disagree")
        /// An evaluator's score outside its tier's band or outside 0…points.
        public static let scoreOutOfRange = Code(rawValue: "score-out-of-range")
        /// An evaluator's score departs from the rule and gives no reason.
        public static let departureWithoutReason = Code(rawValue: "departure-without-reason")
        /// The printed score stands as the evaluator's own judgement on a row the rule cannot score.
        public static let publishedScoreStands = Code(rawValue: "published-score-stands")
        /// A judgement without the evaluator's score: the top of its band is used.
        public static let judgementAtTopOfBand = Code(rawValue: "judgement-top-of-band")
        /// A judgement on a row whose target reads as a figure: the tier decides, not the ratio.
        public static let judgementOverridesFigure = Code(rawValue: "judgement-overrides-figure")
        /// Indicator points do not add up to what the profile expects.
        public static let pointsTotal = Code(rawValue: "points-total")
        /// The budget block's points differ from the profile's.
        public static let budgetWeight = Code(rawValue: "budget-weight")
        /// The adjusted budget is 0: the execution rate is undefined and the block scores 0.
        public static let zeroBudget = Code(rawValue: "zero-budget")
        /// More was spent than budgeted: the block is capped at its points.
        public static let overExecuted = Code(rawValue: "over-executed")
        /// A forward actual far above its target (the profile's flag, 120 % under mof-2020): the target may have
        /// been set too low, which the rule marks down at the evaluator's discretion.
        public static let overAchievement = Code(rawValue: "over-achievement")
        /// A first-level category's points differ from the profile's default split.
        public static let categoryPoints = Code(rawValue: "category-points")
        /// In goal-ratio mode, a row that names no goal or an unknown one.
        public static let unknownGoal = Code(rawValue: "unknown-goal")
        /// In goal-ratio mode, ratios that do not add up to 100 %.
        public static let goalRatios = Code(rawValue: "goal-ratios")
        /// A target table row without points.
        public static let noWeight = Code(rawValue: "no-weight")
        /// The file was written under another rule profile: its points were rescaled and its printed figures are
        /// not compared.
        public static let otherRules = Code(rawValue: "other-rules")
    }

    /// What kind of finding it is.
    public var code: Code
    /// How much it matters.
    public var severity: Severity
    /// What was found, in plain words.
    public var message: String
    /// Where in the input the finding is.
    public var path: JSONPath

    /// Creates a finding.
    public init(_ code: Code, _ severity: Severity, _ message: String, at path: JSONPath) {
        self.code = code
        self.severity = severity
        self.message = message
        self.path = path
    }

    /// `error[unreadable-value] indicators[3].target: cannot read "≥≥5": …`.
    public var description: String {
        "\(severity.rawValue)[\(code)] \(path): \(message)"
    }
}
