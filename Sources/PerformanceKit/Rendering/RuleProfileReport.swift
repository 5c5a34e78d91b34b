/// A rule profile in words, as `perfscore rules ID` prints it: points, formulas, tiers, grades, source and notes.
package enum RuleProfileReport {
    /// One line per profile: id, points and title.
    package static func list(_ profiles: [RuleProfile]) -> String {
        let width = profiles.map { DisplayWidth.of($0.id.rawValue) }.max() ?? 0
        let points = profiles.map { "\($0.budgetWeight.plainText) + \($0.indicatorWeight.plainText)" }
        // As wide as the widest points (a profile of 12.5 + 87.5 was cut to `12.5 + …`), and never narrower than 7.
        let pointsWidth = points.map(DisplayWidth.of).reduce(7, max)
        return zip(profiles, points).map { profile, points in
            DisplayWidth.pad(profile.id.rawValue, to: width) + "  " + DisplayWidth.pad(points, to: pointsWidth) + "  " + profile.title
        }.joined(separator: "\n") + "\n"
    }

    /// The whole profile in words.
    package static func describe(_ profile: RuleProfile) -> String {
        var lines: [String] = []
        lines.append("\(profile.id): \(profile.title)")
        lines.append("Jurisdiction: \(profile.jurisdiction)" + (profile.year.map { ", \($0)" } ?? ""))
        lines.append("")
        lines.append("Budget execution (预算执行): \(profile.budgetWeight.plainText) points")
        switch profile.budget.scoring {
        case .proportional:
            lines.append("  \(profile.budgetWeight.plainText) × min(executed ÷ adjusted budget, 1)")
        case .steps(let steps):
            for step in steps {
                let rate = step.minimumRate.isZero ? "below" : "rate ≥ \(step.minimumRate.percentText) %"
                lines.append("  \(rate) → \(step.points.plainText)")
            }
        }
        lines.append("")
        lines.append("Indicators: \(profile.indicatorWeight.plainText) points")
        if !profile.indicators.split.isEmpty {
            let split = profile.indicators.split.map { "\($0.category) \($0.points.plainText)" }.joined(separator: ", ")
            lines.append("  default split: \(split)")
        }
        switch profile.indicators.missingSatisfaction {
        case .mergeIntoBenefit: lines.append("  no 满意度 indicator: its points go to 效益指标")
        case .optional: lines.append("  满意度 indicators are optional")
        case .required: lines.append("  满意度 indicators are required: a table without one is an error")
        }
        let direction = profile.direction
        let comparators = IndicatorValue.Comparator.allCases.map { "\($0) \(direction.comparators[$0]?.rawValue ?? "forward")" }
        lines.append("  direction: \(comparators.joined(separator: ", ")); bare figure \(direction.bareTarget.rawValue), under 成本指标 \(direction.bareTargetUnderCost.rawValue), bare 0 \(direction.bareZero.rawValue)")
        lines.append("  forward: w × min(B ÷ A, 1)")
        switch profile.reverseFormula {
        case .ratio: lines.append("  reverse: w × min(A ÷ B, 1); B = 0 scores w")
        case .linear: lines.append("  reverse: w when B ≤ A, else w × (1 − (B − A) ÷ A), 0 from B = 2A")
        }
        lines.append("  zero target: w when the actual is 0, else 0")
        lines.append("  text: equal text or an achievement word (\(profile.achievementWords.words.joined(separator: " "))) scores w")
        if let flag = profile.overAchievementFlag {
            lines.append("  a forward actual at \(flag.percentText) % of its target or more is flagged for review")
        }
        lines.append("")
        lines.append("Qualitative tiers (share of w):")
        for tier in profile.qualitativeTiers {
            let upper = tier.upperIncluded ? "≤ \(tier.upper.percentText) %" : "< \(tier.upper.percentText) %"
            lines.append("  \(tier.judgement.rawValue): ≥ \(tier.lower.percentText) % and \(upper)")
        }
        lines.append("")
        lines.append("Rounding: half-up to \(profile.roundingScale) decimals per score; categories and total sum the rounded scores")
        lines.append("Grades: " + profile.grades.map { $0.minimum.isZero ? "\($0.grade) below" : "\($0.grade) ≥ \($0.minimum.plainText)" }
            .joined(separator: ", "))
        let form = profile.form
        lines.append("Form\(form == .hubei ? " (the Hubei form)" : ""): \(form.budgetHeading) \(form.budget.map(\.label).joined(separator: " | "))")
        lines.append("  \(form.indicators.map(\.label).joined(separator: " | "))")
        lines.append("")
        lines.append("Source: \(profile.source.document)")
        if let url = profile.source.url { lines.append("  \(url)") }
        if let evidence = profile.source.evidence { lines.append("  \(evidence)") }
        if !profile.notes.isEmpty {
            lines.append("")
            lines.append("Not settled by the source, and how this profile decides:")
            lines += profile.notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ExactDecimal {
    /// A share (0.8) as a percentage (`80`), exactly.
    var percentText: String {
        (timesPowerOfTen(2) ?? self).plainText
    }
}
