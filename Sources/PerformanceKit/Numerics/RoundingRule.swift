/// The only code that rounds: half-up (half away from zero) to a fixed number of decimal places.
///
/// `0.125 → 0.13`, `38.0714 → 38.07`, `350 ÷ 37 = 9.4594… → 9.46`. Scores are never negative, so half-up and half
/// away from zero agree on every value this library rounds. A figure with no more places than the scale is
/// returned as it is; a ``Quotient`` is divided here, once.
struct RoundingRule: Sendable, Equatable {
    /// Decimal places kept.
    var scale: Int

    /// A rounding to `scale` decimal places (2, as tables print scores, by default).
    init(scale: Int = 2) {
        self.scale = scale
    }

    /// `value` rounded half-up to ``scale`` places. Never fails: rounding only shortens a figure.
    func round(_ value: ExactDecimal) -> ExactDecimal {
        let places = Int(value.scale)
        guard places > scale else { return value }
        let divisor = WideUInt.wordPowerOfTen(places - scale).asInt64
        let magnitude = value.significand.magnitude
        var quotient = Int64(magnitude / UInt64(divisor))
        if magnitude % UInt64(divisor) >= UInt64(divisor) - magnitude % UInt64(divisor) { quotient += 1 }
        return ExactDecimal(unchecked: value.significand < 0 ? -quotient : quotient, scale: scale)
    }

    /// `quotient` divided and rounded half-up to ``scale`` places, or `nil` when the result does not fit an
    /// ``ExactDecimal`` (a figure beyond 18 significant digits).
    func round(_ quotient: Quotient) -> ExactDecimal? {
        quotient.rounded(scale: scale)
    }
}
