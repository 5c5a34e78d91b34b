public import Foundation

/// The only code that rounds: half-up (half away from zero) to a fixed number of decimal places.
///
/// `0.125 → 0.13`, `38.0714 → 38.07`, `9.4594… → 9.46`. Scores are never negative, so half-up and half away from
/// zero agree on every value this library rounds.
public struct RoundingRule: Sendable, Equatable {
    /// Decimal places kept.
    public var scale: Int

    /// Creates a rounding to `scale` decimal places.
    public init(scale: Int = 2) {
        self.scale = scale
    }

    /// `value` rounded half-up to ``scale`` places.
    public func round(_ value: Decimal) -> Decimal {
        // A figure with no more places than the scale is already rounded (the common case: whole points).
        if value.exponent >= -scale, !value.isNaN { return value }
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}

extension Decimal {
    /// The value printed as tables print scores: at most `scale` decimals, trailing zeros dropped (`0.75`, `20`, `98.07`).
    func scoreText(scale: Int = 2) -> String {
        RoundingRule(scale: scale).round(self).plainText
    }
}

extension Decimal {
    /// A figure as explanations show it: exact up to four decimals, else rounded to four and marked `…`
    /// (an aggregate such as 280 ÷ 3).
    var explanationText: String {
        exponent < -4 ? RoundingRule(scale: 4).round(self).plainText + "…" : plainText
    }
}
