public import Foundation

/// The rules one jurisdiction scores self-evaluations by: points, formulas, tiers, rounding and grades.
///
/// Everything that varies by jurisdiction or year is a field here, so that the scorer is one mechanism for all.
/// ``wuhan2023`` is the rule printed under the seeds' tables; further profiles are data files under `rules/`.
public struct RuleProfile: Sendable, Equatable {
    /// A profile's identifier, `<jurisdiction>-<year>` (`wuhan-2023`). An open set: users may load their own.
    public struct ID: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        public var rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public init(stringLiteral value: String) {
            self.rawValue = value
        }

        public var description: String {
            rawValue
        }
    }

    /// One tier of the qualitative scale and its band of the indicator's points.
    public struct QualitativeTier: Sendable, Equatable {
        public var judgement: Indicator.Judgement
        /// The lowest share of the points the tier allows (inclusive).
        public var lower: Decimal
        /// The highest share of the points the tier allows.
        public var upper: Decimal
        /// Whether ``upper`` itself belongs to the tier (`100-80%` does, `80-50%（＜80%）` does not).
        public var upperIncluded: Bool

        public init(judgement: Indicator.Judgement, lower: Decimal, upper: Decimal, upperIncluded: Bool) {
            self.judgement = judgement
            self.lower = lower
            self.upper = upper
            self.upperIncluded = upperIncluded
        }

        /// Whether a share of the points lies in the band.
        public func contains(share: Decimal) -> Bool {
            share >= lower && (upperIncluded ? share <= upper : share < upper)
        }
    }

    /// A grade and the lowest total that earns it.
    public struct GradeBand: Sendable, Equatable {
        public var grade: String
        public var minimum: Decimal

        public init(grade: String, minimum: Decimal) {
            self.grade = grade
            self.minimum = minimum
        }
    }

    public var id: ID
    public var title: String
    public var jurisdiction: String
    /// The document the rule is taken from, as people cite it.
    public var source: String
    /// What the source does not settle and the profile had to decide, in words.
    public var notes: [String]
    /// Points of the budget execution block (预算执行).
    public var budgetWeight: Decimal
    /// Points all indicators together carry.
    public var indicatorWeight: Decimal
    /// Tiers of the qualitative scale, highest first.
    public var qualitativeTiers: [QualitativeTier]
    /// Actual values that meet a text target (`是`, `完成`, `通过`, `达成`, `达标`, `满意`).
    public var achievementWords: Set<String>
    /// Decimal places every score is rounded to (half-up).
    public var roundingScale: Int
    /// Grade bands, highest minimum first.
    public var grades: [GradeBand]

    public init(
        id: ID, title: String, jurisdiction: String, source: String, notes: [String] = [],
        budgetWeight: Decimal, indicatorWeight: Decimal, qualitativeTiers: [QualitativeTier],
        achievementWords: Set<String>, roundingScale: Int = 2, grades: [GradeBand]
    ) {
        self.id = id
        self.title = title
        self.jurisdiction = jurisdiction
        self.source = source
        self.notes = notes
        self.budgetWeight = budgetWeight
        self.indicatorWeight = indicatorWeight
        self.qualitativeTiers = qualitativeTiers
        self.achievementWords = achievementWords
        self.roundingScale = roundingScale
        self.grades = grades
    }

    /// The tier for a judgement.
    public func tier(for judgement: Indicator.Judgement) -> QualitativeTier? {
        qualitativeTiers.first { $0.judgement == judgement }
    }

    /// The grade a total earns: the first band whose minimum it reaches.
    public func grade(for total: Decimal) -> String? {
        grades.first { total >= $0.minimum }?.grade
    }

    /// The rounding every score goes through.
    public var rounding: RoundingRule {
        RoundingRule(scale: roundingScale)
    }

    /// The profiles built into this version.
    public static let builtIn: [RuleProfile] = [.wuhan2023]

    /// A built-in profile by id, or `nil`.
    public static func builtIn(_ id: ID) -> RuleProfile? {
        builtIn.first { $0.id == id }
    }

    /// The profile used when neither the file nor the caller names one.
    public static let defaultID: ID = "wuhan-2023"
}
