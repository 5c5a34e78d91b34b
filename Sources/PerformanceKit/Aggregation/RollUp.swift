/// A finance bureau's roll-up over many scored evaluations: per budget unit and overall, how many, the
/// fund-weighted mean total, the spread over the grades, which disagree with their printed figures and which
/// indicators lost the most points.
///
/// ```
/// fund-weighted mean = Σ (全年预算数 × total) ÷ Σ 全年预算数,  rounded half-up
/// ```
package struct RollUp: Sendable, Equatable {
    /// The figures of one group of evaluations (a unit, or all).
    package struct Group: Sendable, Equatable {
        /// The unit's name; `nil` for the overall group.
        package var agency: String?
        /// How many evaluations the group holds.
        package var count: Int
        /// Σ of the adjusted budgets (全年预算数) of the group's evaluations, in 万元.
        package var funds: ExactDecimal
        /// `nil` when the funds add up to 0.
        package var fundWeightedMean: ExactDecimal?
        /// The plain mean of the totals, rounded half-up; `nil` for an empty group.
        package var mean: ExactDecimal?
        /// Evaluations per grade, in the profile's grade order (优, 良, 中, 差).
        package var grades: [(grade: String, count: Int)]

        /// Groups are equal when every figure is.
        package static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.agency == rhs.agency && lhs.count == rhs.count && lhs.funds == rhs.funds
                && lhs.fundWeightedMean == rhs.fundWeightedMean && lhs.mean == rhs.mean
                && lhs.grades.map(\.grade) == rhs.grades.map(\.grade) && lhs.grades.map(\.count) == rhs.grades.map(\.count)
        }
    }

    /// An indicator that lost points.
    package struct Loss: Sendable, Equatable {
        /// The file the evaluation was read from.
        package var file: String
        /// The evaluation's title (项目名称).
        package var title: String?
        /// The indicator's name (三级指标).
        package var indicator: String
        /// The indicator's points.
        package var weight: ExactDecimal
        /// The indicator's score.
        package var score: ExactDecimal
        /// `weight − score`.
        package var lost: ExactDecimal
    }

    /// An evaluation whose printed figures disagree with the recomputed ones, or could not all be compared.
    package struct Disagreement: Sendable, Equatable {
        /// The file the evaluation was read from.
        package var file: String
        /// The evaluation's title (项目名称).
        package var title: String?
        /// The printed 总分, if any.
        package var printed: ExactDecimal?
        /// The recomputed total.
        package var recomputed: ExactDecimal?
        /// How many printed figures differ (and, when the table's points do not add up to the rule's, one more).
        package var differences: Int
        /// How many printed figures could not be compared (a row the rule cannot score, a workbook cell holding a
        /// formula saved without its value): never counted as agreeing, nor as differing.
        package var notCompared: Int
    }

    /// Every evaluation together.
    package var overall: Group
    /// One group per unit, in the order the units first appear.
    package var agencies: [Group]
    /// The evaluations whose printed figures disagree, in file order.
    package var disagreements: [Disagreement]
    /// The indicators that lost the most points, most first (at most ``largestLosses``).
    package var losses: [Loss]
    /// How many evaluations print no figure to compare (no 得分, no 总分): they neither agree nor disagree.
    package var printingNothing: Int

    /// When no evaluation disagrees: that every one agrees, or every one that prints figures, and how many print
    /// none (or that none was scored); in English for the text report, in Chinese for the pages.
    package func agreementLine(chinese: Bool) -> String {
        let count = overall.count
        // Nothing scored, nothing compared: "every evaluation agrees" would be said of none.
        guard count > 0 else { return chinese ? "没有计分的自评表，无可核对。" : "No evaluation was scored, so none was compared." }
        switch (printingNothing, chinese) {
        case (0, false): return "Every evaluation agrees with its printed figures."
        case (0, true): return "每张自评表的表中得分都与规则计算一致。"
        case (count, false): return "No evaluation prints figures to compare."
        case (count, true): return "没有自评表印有可核对的得分。"
        case (let none, false): return "Every evaluation that prints figures agrees with them; \(none) print\(none == 1 ? "s" : "") none."
        case (let none, true): return "印有得分的自评表都与规则计算一致；另有 \(none) 张未印得分，未核对。"
        }
    }

    /// How many losses are kept.
    package static let largestLosses = 10

    /// The roll-up of scored evaluations, each with the name of its file.
    package init(_ cards: [(file: String, card: ScoreCard)]) {
        var tally = Tally()
        for (file, card) in cards { tally.add(card, file: file) }
        self = tally.rollUp
    }

    /// A roll-up gathered one evaluation at a time: the sums, counts and the largest losses, never the evaluations,
    /// so that a roll-up of any number of tables holds one at a time (`perfscore summary` of a large JSON Lines
    /// file or of a folder of thousands of workbooks).
    package struct Tally {
        private var overall = GroupTally(agency: nil)
        /// Units by their name in one spelling (`某局 (某中心)` and `某局（某中心）` are one unit), each shown as first
        /// written, in the order they first appear.
        private var unitPlaces: [String: Int] = [:]
        private var units: [GroupTally] = []
        private var disagreements: [Disagreement] = []
        /// The largest losses so far, most first, an earlier one first among equals: at most ``largestLosses``.
        private var losses: [Loss] = []
        private var printingNothing = 0

        /// An empty roll-up.
        package init() {}

        /// Counts one evaluation, read from `file`; one without a total (not scored) is passed over.
        package mutating func add(_ card: ScoreCard, file: String) {
            guard card.total != nil else { return }
            overall.add(card)
            let shown = card.evaluation.agency ?? "（未注明单位）"
            let key = TextValue.unitName(shown)
            if let place = unitPlaces[key] {
                units[place].add(card)
            } else {
                unitPlaces[key] = units.count
                var unit = GroupTally(agency: shown)
                unit.add(card)
                units.append(unit)
            }
            if !card.printedFiguresAgree {
                let differences = card.verification.map { $0.differences.count - $0.notComparedCount } ?? 0
                disagreements.append(Disagreement(file: file, title: card.evaluation.title, printed: card.verification?.publishedTotal,
                                                  recomputed: card.total, differences: differences,
                                                  // A workbook cell read as blank (a formula saved without its value) is one too.
                                                  notCompared: (card.verification?.notComparedCount ?? 0) + card.unreadCells.count))
            }
            if card.verification == nil && card.unreadCells.isEmpty { printingNothing += 1 }
            for row in card.indicators {
                guard let score = row.score, score < row.weight, let lost = row.weight.subtracting(score) else { continue }
                // After every kept loss at least as large: equals stay in the order they came.
                let place = losses.firstIndex { $0.lost < lost } ?? losses.count
                guard place < RollUp.largestLosses else { continue }
                losses.insert(Loss(file: file, title: card.evaluation.title, indicator: row.name, weight: row.weight,
                                   score: score, lost: lost), at: place)
                if losses.count > RollUp.largestLosses { losses.removeLast() }
            }
        }

        /// The roll-up of the evaluations counted so far.
        package var rollUp: RollUp {
            RollUp(overall: overall.group, agencies: units.map(\.group), disagreements: disagreements, losses: losses,
                   printingNothing: printingNothing)
        }
    }

    private init(overall: Group, agencies: [Group], disagreements: [Disagreement], losses: [Loss], printingNothing: Int) {
        self.overall = overall
        self.agencies = agencies
        self.disagreements = disagreements
        self.losses = losses
        self.printingNothing = printingNothing
    }

    /// The sums of one group (a unit, or all), one evaluation at a time.
    private struct GroupTally {
        var agency: String?
        var count = 0
        /// Σ planned, Σ planned × total and Σ total; `nil` once a sum no longer fits.
        var funds: WideDecimal? = .zero
        var weighted: WideDecimal? = .zero
        var totals: WideDecimal? = .zero
        /// Evaluations per grade, in the order of the profiles' grades as they first appear.
        var grades: [(grade: String, count: Int)] = []

        init(agency: String?) {
            self.agency = agency
        }

        mutating func add(_ card: ScoreCard) {
            count += 1
            let total = card.total ?? .zero
            funds = funds?.adding(WideDecimal(card.budget.planned))
            weighted = weighted?.adding(WideDecimal.product(card.budget.planned, total))
            totals = totals?.adding(WideDecimal(total))
            for band in card.profile.grades where !grades.contains(where: { $0.grade == band.grade }) {
                grades.append((band.grade, 0))
            }
            if let grade = card.grade, let index = grades.firstIndex(where: { $0.grade == grade }) {
                grades[index].count += 1
            }
        }

        /// The group's figures: the means rounded half-up to 2 places, the fund-weighted one `nil` when the funds add
        /// up to 0, the plain one for an empty group.
        var group: Group {
            let rounding = RoundingRule(scale: 2)
            let mean = count == 0 ? nil : totals?.exact.flatMap { Quotient($0, over: ExactDecimal(count)) }.flatMap(rounding.round)
            let fundsTotal = funds?.exact
            let fundWeightedMean = weighted.flatMap { weighted in funds.flatMap { Quotient(weighted, over: $0) } }.flatMap(rounding.round)
            return Group(agency: agency, count: count, funds: fundsTotal ?? .zero,
                         fundWeightedMean: (fundsTotal ?? .zero) > .zero ? fundWeightedMean : nil, mean: mean, grades: grades)
        }
    }
}
