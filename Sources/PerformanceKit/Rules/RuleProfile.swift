/// The rules one jurisdiction scores self-evaluations by: points, formulas, tiers, rounding and grades.
///
/// Everything that varies by jurisdiction or year is a field here, so that the scorer is one mechanism for all.
/// Profiles are data: the built-in ones are the files in the repository's `rules/` folder (``builtIn``), and a
/// finance bureau can write its own and load it with ``init(jsonData:)`` or `perfscore --rules ./my-rule.json`.
///
/// ```swift
/// let profile = try RuleProfile(jsonData: Array(data))
/// let card = Scorer(profile: profile).score(evaluation)
/// ```
public struct RuleProfile: Sendable, Equatable {
    /// The document a profile is taken from.
    package struct Source: Sendable, Equatable {
        /// The document as people cite it (`财预〔2020〕10号《项目支出绩效评价管理办法》`).
        package var document: String
        /// Where it is published, when known.
        package var url: String?
        /// How sure the profile is of each point, in words.
        package var evidence: String?

        /// Creates a citation.
        init(document: String, url: String? = nil, evidence: String? = nil) {
            self.document = document
            self.url = url
            self.evidence = evidence
        }
    }

    /// How the budget execution block (预算执行) is scored.
    struct BudgetRule: Sendable, Equatable {
        /// The formula of the block.
        enum Scoring: Sendable, Equatable {
            /// `weight × min(rate, 1)`.
            case proportional
            /// The points of the first step whose `minimumRate` the rate reaches (Jiangxi: 100 % → 10, ≥ 80 % → 7 …).
            case steps([Step])
        }

        /// One step of a step table: a rate of at least `minimumRate` scores `points`.
        struct Step: Sendable, Equatable {
            /// The lowest execution rate of the step (0 to 1).
            var minimumRate: ExactDecimal
            /// The points a rate in the step scores.
            var points: ExactDecimal

            /// Creates a step.
            init(minimumRate: ExactDecimal, points: ExactDecimal) {
                self.minimumRate = minimumRate
                self.points = points
            }
        }

        /// Points of the block.
        var weight: ExactDecimal
        /// The block's formula.
        var scoring: Scoring

        /// Creates the block's rule.
        init(weight: ExactDecimal, scoring: Scoring = .proportional) {
            self.weight = weight
            self.scoring = scoring
        }
    }

    /// The points the indicators carry together, and the default split over first-level categories.
    struct IndicatorPoints: Sendable, Equatable {
        /// What happens to the satisfaction category's share when a table has no 满意度 indicator.
        enum MissingSatisfaction: String, Sendable, Equatable, CaseIterable {
            /// Its share is added to 效益指标 (财预〔2020〕10号).
            case mergeIntoBenefit = "merge-into-benefit"
            /// Satisfaction is optional and the split says nothing about it (Wuhan 备注 4).
            case optional
            /// Every table must have a 满意度 indicator: lint calls its absence an error (`missing-category`).
            case required
        }

        /// Points of all indicators together.
        var total: ExactDecimal
        /// The default split over first-level categories, in table order; empty when the profile sets none.
        var split: [(category: IndicatorCategory, points: ExactDecimal)]
        /// What a table without 满意度 does with that category's share.
        var missingSatisfaction: MissingSatisfaction

        /// Creates the indicator points; an empty split sets no default.
        init(total: ExactDecimal, split: [(category: IndicatorCategory, points: ExactDecimal)] = [],
                    missingSatisfaction: MissingSatisfaction = .optional) {
            self.total = total
            self.split = split
            self.missingSatisfaction = missingSatisfaction
        }

        /// Equal when the total, the split and the missing-satisfaction rule are.
        static func == (lhs: IndicatorPoints, rhs: IndicatorPoints) -> Bool {
            lhs.total == rhs.total && lhs.missingSatisfaction == rhs.missingSatisfaction
                && lhs.split.map(\.category) == rhs.split.map(\.category) && lhs.split.map(\.points) == rhs.split.map(\.points)
        }

        /// The split a table with these categories should follow: the default one, with 满意度's share moved
        /// into 效益 when the table has no satisfaction indicator and the profile says so. (The decoder checks that
        /// the split adds up to the total, so the sum of two of its parts always fits.)
        func expectedSplit(present: Set<IndicatorCategory>) -> [(category: IndicatorCategory, points: ExactDecimal)] {
            guard missingSatisfaction == .mergeIntoBenefit, !present.contains(.satisfaction),
                  let satisfaction = split.first(where: { $0.category == .satisfaction }) else { return split }
            return split.compactMap { entry in
                if entry.category == .satisfaction { return nil }
                if entry.category == .benefit { return (entry.category, entry.points.adding(satisfaction.points) ?? entry.points) }
                return entry
            }
        }
    }

    /// Which direction each notation implies.
    struct DirectionRule: Sendable, Equatable {
        /// A direction for each comparator, read and set by comparator: five fields, so that every row's
        /// inference is a switch, not a hashed lookup.
        struct ComparatorDirections: Sendable, Equatable, ExpressibleByDictionaryLiteral {
            private var atLeast, atMost, lessThan, greaterThan, equal: Indicator.Direction?

            init(dictionaryLiteral elements: (IndicatorValue.Comparator, Indicator.Direction)...) {
                for (comparator, direction) in elements { self[comparator] = direction }
            }

            subscript(comparator: IndicatorValue.Comparator) -> Indicator.Direction? {
                get {
                    switch comparator {
                    case .atLeast: return atLeast
                    case .atMost: return atMost
                    case .lessThan: return lessThan
                    case .greaterThan: return greaterThan
                    case .equal: return equal
                    }
                }
                set {
                    switch comparator {
                    case .atLeast: atLeast = newValue
                    case .atMost: atMost = newValue
                    case .lessThan: lessThan = newValue
                    case .greaterThan: greaterThan = newValue
                    case .equal: equal = newValue
                    }
                }
            }
        }

        /// The direction of each comparator (`≥ > =` forward and `≤ <` reverse everywhere known so far).
        var comparators: ComparatorDirections
        /// A bare figure (`7`, `60个`).
        var bareTarget: Indicator.Direction
        /// A bare figure under 成本指标 (first or second level).
        var bareTargetUnderCost: Indicator.Direction
        /// A bare 0.
        var bareZero: Indicator.Direction

        /// Creates the direction rule; the defaults are those of every profile known so far.
        init(comparators: ComparatorDirections = DirectionRule.standardComparators,
                    bareTarget: Indicator.Direction = .forward, bareTargetUnderCost: Indicator.Direction = .reverse,
                    bareZero: Indicator.Direction = .reverse) {
            self.comparators = comparators
            self.bareTarget = bareTarget
            self.bareTargetUnderCost = bareTargetUnderCost
            self.bareZero = bareZero
        }

        /// `≥ > =` forward, `≤ <` reverse.
        static let standardComparators: ComparatorDirections = [
            .atLeast: .forward, .greaterThan: .forward, .equal: .forward, .atMost: .reverse, .lessThan: .reverse,
        ]
    }

    /// The formula of a reverse indicator whose actual exceeds its target (`B > A`).
    enum ReverseFormula: String, Sendable, Equatable, CaseIterable {
        /// `w × A ÷ B` (Wuhan, and the notes of several provincial tables).
        case ratio
        /// `w × (1 − (B − A) ÷ A)`, reaching 0 at `B = 2A` (the generic build of the deployed FASP2 module).
        case linear
    }

    /// One tier of the qualitative scale and its band of the indicator's points.
    struct QualitativeTier: Sendable, Equatable {
        /// The tier's judgement.
        var judgement: Indicator.Judgement
        /// The lowest share of the points the tier allows (inclusive).
        var lower: ExactDecimal
        /// The highest share of the points the tier allows.
        var upper: ExactDecimal
        /// Whether ``upper`` itself belongs to the tier (`100-80%` does, `80-50%（＜80%）` does not).
        var upperIncluded: Bool

        /// Creates a tier from its band, as shares of the points.
        init(judgement: Indicator.Judgement, lower: ExactDecimal, upper: ExactDecimal, upperIncluded: Bool) {
            self.judgement = judgement
            self.lower = lower
            self.upper = upper
            self.upperIncluded = upperIncluded
        }

        /// Whether a score of an indicator of `weight` points lies in the band: `lower × w ≤ s`, and `s ≤ upper × w`
        /// (or `<` when the upper bound belongs to the tier above).
        func contains(_ score: Quotient, of weight: ExactDecimal) -> Bool {
            // Points of 0: every score is 0 % of them (the share is taken as 0).
            if weight.isZero { return lower.isZero && (upperIncluded || !upper.isZero) }
            guard let low = score.compare(to: WideDecimal.product(lower, weight)),
                  let high = score.compare(to: WideDecimal.product(upper, weight)) else { return false }
            return low >= 0 && (upperIncluded ? high <= 0 : high < 0)
        }
    }

    /// A grade and the lowest total that earns it.
    struct GradeBand: Sendable, Equatable {
        /// The grade (优, 良, 中, 差).
        var grade: String
        /// The lowest total that earns it.
        var minimum: ExactDecimal

        /// Creates a grade band.
        init(grade: String, minimum: ExactDecimal) {
            self.grade = grade
            self.minimum = minimum
        }
    }

    /// The profile's fields, shared by copies until one of them changes (copy on write): a profile is copied into
    /// every scorer and score card, and across threads, where one shared reference is all a copy costs. Mutated
    /// only when this value holds the only reference.
    struct Fields: Sendable, Equatable {
        var id: RuleProfileID
        var title: String
        var jurisdiction: String
        var year: Int?
        var source: Source
        var notes: [String]
        var budget: BudgetRule
        var indicators: IndicatorPoints
        var direction: DirectionRule
        var reverseFormula: ReverseFormula
        var qualitativeTiers: [QualitativeTier]
        var achievementWords: WordList
        var overAchievementFlag: ExactDecimal?
        var roundingScale: Int
        var grades: [GradeBand]
        var form: FormColumns = .hubei
        var unusableReason: String?
    }

    final class Storage: @unchecked Sendable, Equatable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }

        /// Profiles are equal when every field is.
        static func == (lhs: Storage, rhs: Storage) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
    }

    private var storage: Storage

    /// The storage, copied first when another value shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// The profile's id, what `rules` in an evaluation and `--rules` name.
    public var id: RuleProfileID {
        get { storage.fields.id }
        set { unique.fields.id = newValue }
    }
    /// The profile's title.
    public var title: String {
        get { storage.fields.title }
        set { unique.fields.title = newValue }
    }
    /// The jurisdiction whose rule it is.
    package var jurisdiction: String {
        get { storage.fields.jurisdiction }
        set { unique.fields.jurisdiction = newValue }
    }
    /// The budget year the profile was written for, when it is tied to one.
    package var year: Int? {
        get { storage.fields.year }
        set { unique.fields.year = newValue }
    }
    /// The document it is taken from.
    package var source: Source {
        get { storage.fields.source }
        set { unique.fields.source = newValue }
    }
    /// What the source does not settle or could not be confirmed, and what the profile decided, in words.
    package var notes: [String] {
        get { storage.fields.notes }
        set { unique.fields.notes = newValue }
    }
    /// The budget execution block's points and formula.
    var budget: BudgetRule {
        get { storage.fields.budget }
        set { unique.fields.budget = newValue }
    }
    /// The indicators' points and default split.
    var indicators: IndicatorPoints {
        get { storage.fields.indicators }
        set { unique.fields.indicators = newValue }
    }
    /// Which direction each notation implies.
    var direction: DirectionRule {
        get { storage.fields.direction }
        set { unique.fields.direction = newValue }
    }
    /// The formula of a reverse indicator whose actual exceeds its target.
    var reverseFormula: ReverseFormula {
        get { storage.fields.reverseFormula }
        set { unique.fields.reverseFormula = newValue }
    }
    /// Tiers of the qualitative scale, highest first.
    var qualitativeTiers: [QualitativeTier] {
        get { storage.fields.qualitativeTiers }
        set { unique.fields.qualitativeTiers = newValue }
    }
    /// Actual values that meet a text target (`是`, `完成`, `通过`, `达成`, `达标`, `满意`).
    var achievementWords: WordList {
        get { storage.fields.achievementWords }
        set { unique.fields.achievementWords = newValue }
    }
    /// A forward actual at this multiple of its target or more is flagged for review (财预〔2020〕10号: targets set
    /// too low are marked down at the evaluator's discretion); `nil` for no flag.
    var overAchievementFlag: ExactDecimal? {
        get { storage.fields.overAchievementFlag }
        set { unique.fields.overAchievementFlag = newValue }
    }
    /// ExactDecimal places every score is rounded to (half-up).
    var roundingScale: Int {
        get { storage.fields.roundingScale }
        set { unique.fields.roundingScale = newValue }
    }
    /// Grade bands, highest minimum first.
    var grades: [GradeBand] {
        get { storage.fields.grades }
        set { unique.fields.grades = newValue }
    }
    /// The official form's columns, for the reports that lay a table out as the form (the Hubei form by default).
    package var form: FormColumns {
        get { storage.fields.form }
        set { unique.fields.form = newValue }
    }

    /// Creates a profile; ``init(jsonData:)`` reads one from a profile file.
    init(
        id: RuleProfileID, title: String, jurisdiction: String, year: Int? = nil, source: Source, notes: [String] = [],
        budget: BudgetRule, indicators: IndicatorPoints, direction: DirectionRule = DirectionRule(),
        reverseFormula: ReverseFormula = .ratio, qualitativeTiers: [QualitativeTier], achievementWords: WordList,
        overAchievementFlag: ExactDecimal? = nil, roundingScale: Int = 2, grades: [GradeBand]
    ) {
        storage = Storage(Fields(
            id: id, title: title, jurisdiction: jurisdiction, year: year, source: source, notes: notes, budget: budget,
            indicators: indicators, direction: direction, reverseFormula: reverseFormula, qualitativeTiers: qualitativeTiers,
            achievementWords: achievementWords, overAchievementFlag: overAchievementFlag, roundingScale: roundingScale,
            grades: grades))
    }

    /// Why the profile cannot score anything, when it stands for a built-in profile that could not be decoded;
    /// `nil` for every usable profile.
    var unusableReason: String? {
        get { storage.fields.unusableReason }
        set { unique.fields.unusableReason = newValue }
    }

    /// A profile that scores nothing: every evaluation scored by it gets an error saying `reason`.
    static func unusable(_ id: RuleProfileID, reason: String) -> RuleProfile {
        var profile = RuleProfile(id: id, title: id.rawValue, jurisdiction: "", source: Source(document: ""),
                                  budget: BudgetRule(weight: .zero), indicators: IndicatorPoints(total: .zero),
                                  qualitativeTiers: [], achievementWords: WordList([]), grades: [])
        profile.unusableReason = reason
        return profile
    }

    /// Points of the budget execution block.
    public var budgetWeight: ExactDecimal {
        budget.weight
    }

    /// Points all indicators together carry.
    public var indicatorWeight: ExactDecimal {
        indicators.total
    }

    /// The tier for a judgement.
    func tier(for judgement: Indicator.Judgement) -> QualitativeTier? {
        qualitativeTiers.first { $0.judgement == judgement }
    }

    /// The grade a total earns: the first band whose minimum it reaches.
    public func grade(for total: ExactDecimal) -> String? {
        grades.first { total >= $0.minimum }?.grade
    }

    /// The rounding every score goes through.
    var rounding: RoundingRule {
        RoundingRule(scale: roundingScale)
    }
}
