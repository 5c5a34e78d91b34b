/// Points finer than the printed scores: a row of 2.125 points when scores are rounded to 2 places.
///
/// The rule says a score is never above the indicator's own points, and that scores are rounded half-up to the
/// places tables print; for such points both cannot hold (a full 2.125 prints as 2.13, and the total can pass the
/// maximum). No rule says which way to go, so a row is scored as printed and the scorer and `lint` tell it, with
/// this one finding.
enum PointsPrecision {
    /// `points-precision` (a warning) at `path` when a full score of `points` prints as another figure under
    /// `rounding`; `nil` when the points have no more places than the scores (2.5, 2.120). The path is built only
    /// for a finding: a row's path costs more than the check.
    @inline(__always)
    static func finding(points: ExactDecimal, rounding: RoundingRule, at path: @autoclosure () -> JSONPath) -> Diagnostic? {
        guard Int(points.scale) > rounding.scale else { return nil }
        return finerFinding(points: points, rounding: rounding, at: path)
    }

    /// ``finding(points:rounding:at:)`` for points with more places than the scores: out of line, since nearly no
    /// row has them, so that the check of every row stays one comparison in the scorer.
    @inline(never)
    private static func finerFinding(points: ExactDecimal, rounding: RoundingRule, at path: () -> JSONPath) -> Diagnostic? {
        let printed = rounding.round(points)
        guard printed != points else { return nil }
        return Diagnostic(.pointsPrecision, .warning,
            "the points \(points.plainText) carry more decimals than scores are printed with (\(rounding.scale)): a full score prints as \(printed.plainText), \(printed > points ? "above" : "below") the points, and the subtotals and the total add up the printed scores; give the points with at most \(rounding.scale) decimals",
            at: path())
    }
}
