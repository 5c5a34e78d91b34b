/// How the published figures compare with the recomputed ones (FORMAT.md §4 `verification`).
public struct Verification: Sendable, Equatable {
    /// What kind of disagreement a difference is.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The printed table contradicts itself: rows that do not add up, a score above its points.
        case arithmetic
        /// The printed figure is what another reading of the rule gives; the message says which.
        case rule
        /// An evaluator's own scoring: a qualitative row, points taken off a met target.
        case judgement
        /// Not compared: the rule gives no figure to compare the printed one with (a row it cannot score, whose
        /// printed score stands as the evaluator's judgement; a category or total over such a row). Never counted
        /// as agreeing.
        case notCompared
    }

    /// One printed figure that differs from its recomputed value by more than the tolerance.
    public struct Difference: Sendable, Equatable {
        /// The printed figure's place in the input (`indicators[4].published`, `published.total`).
        public var path: JSONPath
        /// The figure the table printed.
        public var printed: ExactDecimal
        /// `nil` where there is nothing to recompute (a printed category with no rows).
        public var recomputed: ExactDecimal?
        /// What kind of disagreement it is.
        public var kind: Kind
        /// The difference in words, with its size and, for `rule`, the reading that gives it.
        public var message: String

        /// A difference.
        init(path: JSONPath, printed: ExactDecimal, recomputed: ExactDecimal?, kind: Kind, message: String) {
            self.path = path
            self.printed = printed
            self.recomputed = recomputed
            self.kind = kind
            self.message = message
        }
    }

    /// Largest difference, in points, still counted as agreement.
    package var tolerance: ExactDecimal
    /// The printed 总分, if any.
    package var publishedTotal: ExactDecimal?
    /// How many printed figures were compared with a recomputed one.
    public var compared: Int
    /// How many of the compared figures differ. ``differences`` holds these, the figures not compared (kind
    /// ``Kind/notCompared``) and, when the table's points do not add up to the rule's, one difference about that.
    public var differing: Int
    /// Every difference, rows first, then the budget, the categories and the total.
    public var differences: [Difference]

    /// A verification; ``Verifier`` makes them.
    init(tolerance: ExactDecimal, publishedTotal: ExactDecimal?, compared: Int, differing: Int, differences: [Difference]) {
        self.tolerance = tolerance
        self.publishedTotal = publishedTotal
        self.compared = compared
        self.differing = differing
        self.differences = differences
    }

    /// How many of the compared figures agree within the tolerance.
    var agreeing: Int {
        compared - differing
    }

    /// How many printed figures could not be compared.
    var notComparedCount: Int {
        differences.count { $0.kind == .notCompared }
    }

    /// Whether every printed figure was compared and agrees within the tolerance, and the table's points add up
    /// to the rule's. A figure that could not be compared is never counted as agreeing.
    public var agrees: Bool {
        differences.isEmpty
    }
}
