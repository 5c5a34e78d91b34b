import Foundation

/// A rule profile as the fast lane uses it: its figures in fixed point and its words as bytes, worked out once.
///
/// Only what the fast lane scores itself is here. A profile the lane cannot mirror exactly (a step table for the
/// budget block, rounding to other than 2 places, a figure beyond ``FixedDecimal``) gives `nil`, and every file
/// under it goes to the ordinary path.
final class FastRules: Sendable {
    /// A qualitative tier: its band as explanations print it, and its top as a share of the points.
    struct Tier: Sendable {
        var judgement: Indicator.Judgement
        var upper: FixedDecimal
        /// `80` and `100` for the band 80–100 %.
        var lowerPercent: [UInt8]
        var upperPercent: [UInt8]
    }

    let profile: RuleProfile
    let id: [UInt8]
    let budgetWeight: FixedDecimal
    let indicatorWeight: FixedDecimal
    /// The direction each comparator of ``FastVocabulary/comparators`` implies under this profile.
    let comparatorDirections: [Indicator.Direction]
    let bareTarget: Indicator.Direction
    let bareTargetUnderCost: Indicator.Direction
    let bareZero: Indicator.Direction
    /// Whether reverse indicators use the ratio `A ÷ B` (rows under the linear formula go to the ordinary path).
    let reverseIsRatio: Bool
    /// Tiers by ``Indicator/Judgement`` case index.
    let tiers: [Tier?]
    let overAchievementFlag: FixedDecimal?
    /// The flag as its warning prints it: `120` for 1.2.
    let overAchievementPercent: [UInt8]
    let grades: [(grade: [UInt8], minimum: FixedDecimal)]
    /// The profile's expected category points for each set of present standard categories (bit `i` for
    /// ``FastVocabulary/categories``[i]), as category index and points.
    let expectedSplits: [[(category: Int, points: FixedDecimal)]]

    init?(_ profile: RuleProfile, vocabulary: FastVocabulary = .shared) {
        guard case .proportional = profile.budget.scoring, profile.roundingScale == 2,
              let budgetWeight = FixedDecimal(exactly: profile.budgetWeight),
              let indicatorWeight = FixedDecimal(exactly: profile.indicatorWeight) else { return nil }
        self.profile = profile
        id = Array(profile.id.rawValue.utf8)
        self.budgetWeight = budgetWeight
        self.indicatorWeight = indicatorWeight
        let rule = profile.direction
        comparatorDirections = vocabulary.comparators.map { entry in
            rule.comparators[entry.comparator] ?? (entry.comparator.pointsBackward ? .reverse : .forward)
        }
        bareTarget = rule.bareTarget
        bareTargetUnderCost = rule.bareTargetUnderCost
        bareZero = rule.bareZero
        reverseIsRatio = profile.reverseFormula == .ratio
        var tiers: [Tier?] = []
        for judgement in Indicator.Judgement.allCases {
            guard let tier = profile.tier(for: judgement) else {
                tiers.append(nil)
                continue
            }
            guard let upper = FixedDecimal(exactly: tier.upper) else { return nil }
            tiers.append(Tier(judgement: judgement, upper: upper,
                              lowerPercent: Array((tier.lower * 100).plainText.utf8),
                              upperPercent: Array((tier.upper * 100).plainText.utf8)))
        }
        self.tiers = tiers
        if let flag = profile.overAchievementFlag {
            guard let fixed = FixedDecimal(exactly: flag) else { return nil }
            overAchievementFlag = fixed
            overAchievementPercent = Array((flag * 100).plainText.utf8)
        } else {
            overAchievementFlag = nil
            overAchievementPercent = []
        }
        var grades: [(grade: [UInt8], minimum: FixedDecimal)] = []
        for band in profile.grades {
            guard let minimum = FixedDecimal(exactly: band.minimum) else { return nil }
            grades.append((Array(band.grade.utf8), minimum))
        }
        self.grades = grades
        var splits: [[(category: Int, points: FixedDecimal)]] = []
        for mask in 0..<(1 << IndicatorCategory.standard.count) {
            let present = Set(IndicatorCategory.standard.indices.filter { mask & (1 << $0) != 0 }.map { IndicatorCategory.standard[$0] })
            var split: [(category: Int, points: FixedDecimal)] = []
            for entry in profile.indicators.expectedSplit(present: present) {
                // A split naming a category outside the four cannot be compared here.
                guard let index = IndicatorCategory.standard.firstIndex(of: entry.category),
                      let points = FixedDecimal(exactly: entry.points) else { return nil }
                split.append((index, points))
            }
            splits.append(split)
        }
        expectedSplits = splits
    }

    /// The grade of a total given in hundredths, or `nil` when no band reaches down to it.
    func grade(ofCents total: Int64) -> [UInt8]? {
        let value = FixedDecimal(significand: total, scale: 2)
        return grades.first { value >= $0.minimum }?.grade
    }
}
