/// An exact quotient, kept whole until the rule's rounding rounds it once.
///
/// `w × B ÷ A`, `executed ÷ planned`, `Σ fₖ·Bₖ ÷ Σ fₖ`: the numerator and the denominator are exact wide decimals,
/// and nothing is divided until ``rounded(scale:)`` asks for a figure. So `7 × 50 ÷ 37` is 350 ÷ 37 until it is
/// rounded half-up to 9.46, and the aggregate of three units' rates is the exact fraction, not a 38-digit
/// approximation of it.
struct Quotient: Sendable {
    /// The dividend.
    var numerator: WideDecimal
    /// The divisor, never zero and never negative.
    var denominator: WideDecimal

    /// `numerator ÷ denominator`; `nil` when the denominator is zero.
    init?(_ numerator: WideDecimal, over denominator: WideDecimal) {
        guard !denominator.magnitude.isZero else { return nil }
        self.numerator = numerator
        self.denominator = denominator
        if denominator.isNegative {
            self.numerator.isNegative.toggle()
            self.denominator.isNegative = false
        }
        if self.numerator.magnitude.isZero { self.numerator.isNegative = false }
    }

    /// `numerator ÷ denominator` of two decimals; `nil` when the denominator is zero.
    init?(_ numerator: ExactDecimal, over denominator: ExactDecimal) {
        self.init(WideDecimal(numerator), over: WideDecimal(denominator))
    }

    /// A decimal as a quotient over 1.
    init(_ value: ExactDecimal) {
        numerator = WideDecimal(value)
        denominator = WideDecimal(ExactDecimal(unchecked: 1, scale: 0))
    }

    var isZero: Bool { numerator.magnitude.isZero }

    /// `−self`.
    var negated: Quotient {
        var result = self
        result.numerator.isNegative = !numerator.isNegative && !numerator.magnitude.isZero
        return result
    }

    var isNegative: Bool { numerator.isNegative }

    /// The quotient times a decimal, or `nil` beyond 128 bits.
    func multiplied(by factor: ExactDecimal) -> Quotient? {
        guard let product = numerator.multiplied(by: factor) else { return nil }
        return Quotient(product, over: denominator)
    }

    /// The quotient divided by a decimal, or `nil` beyond 128 bits or for a zero divisor.
    func divided(by divisor: ExactDecimal) -> Quotient? {
        guard let product = denominator.multiplied(by: divisor) else { return nil }
        return Quotient(numerator, over: product)
    }

    /// The value rounded half-up (half away from zero) to `scale` places, or `nil` when the result does not fit an
    /// ``ExactDecimal``.
    func rounded(scale: Int) -> ExactDecimal? {
        guard scale >= 0, scale <= ExactDecimal.maximumScale else { return nil }
        let n = numerator.magnitude
        let d = denominator.magnitude
        // A decimal over 1 (a score taken as it is, a capped score): its own digits, rounded as a decimal is.
        if d.high == 0, d.low == 1, denominator.scale == 0, n.high == 0, n.low <= UInt64(Int64.max), numerator.scale <= ExactDecimal.maximumScale {
            let significand = Int64(n.low)
            let value = ExactDecimal(unchecked: numerator.isNegative ? -significand : significand, scale: numerator.scale)
            if numerator.scale <= scale {
                // More places than it has: the same digits at the scale, when they fit.
                return value.rescaled(to: scale)
            }
            return RoundingRule(scale: scale).round(value)
        }
        let shift = denominator.scale - numerator.scale + scale
        // The usual ratio of a row, whose numerator brought to the scale fits one word, as does the denominator:
        // the same division and the same half-up test as the full width's, in 64 bits.
        if n.high == 0, d.high == 0, shift >= 0, shift <= 19 {
            let (scaled, overflow) = n.low.multipliedReportingOverflow(by: WideUInt.wordPowerOfTen(shift))
            if !overflow {
                let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: d.low)
                // A remainder of at least half the divisor rounds up; the quotient is then below 2⁶⁴ − 1 (it is
                // 2⁶⁴ − 1 only over 1, with no remainder).
                let magnitude = remainder >= d.low - remainder ? quotient + 1 : quotient
                guard magnitude <= UInt64(Int64.max) else { return nil }
                return ExactDecimal(unchecked: numerator.isNegative ? -Int64(magnitude) : Int64(magnitude), scale: scale)
            }
        }
        return roundedInFullWidth(scale: scale)
    }

    /// ``rounded(scale:)`` in 128 bits: any quotient that is not a decimal over 1, at any scale.
    func roundedInFullWidth(scale: Int) -> ExactDecimal? {
        let n = numerator.magnitude
        let d = denominator.magnitude
        let shift = denominator.scale - numerator.scale + scale
        let (q0, r0) = n.quotientAndRemainder(dividingBy: d)
        var result: WideUInt
        var roundsUp: Bool
        if shift >= 0 {
            guard let whole = q0.timesPowerOfTen(shift), whole.high == 0 else { return nil }
            // The digits after the point: r0 × 10^shift ÷ d, at once when it fits, else digit by digit.
            var fraction = WideUInt.zero
            var remainder = r0
            if let scaled = r0.timesPowerOfTen(shift) {
                (fraction, remainder) = scaled.quotientAndRemainder(dividingBy: d)
            } else {
                for _ in 0..<shift {
                    guard let times10 = remainder.multiplied(by: 10),
                          let shifted = fraction.multiplied(by: 10) else { return nil }
                    let (digit, rest) = times10.quotientAndRemainder(dividingBy: d)
                    guard let next = shifted.adding(digit) else { return nil }
                    fraction = next
                    remainder = rest
                }
            }
            guard let sum = whole.adding(fraction) else { return nil }
            result = sum
            roundsUp = remainder >= d.subtracting(remainder)
        } else {
            let places = -shift
            guard places <= 38 else { return ExactDecimal(unchecked: 0, scale: scale) }
            let power = WideUInt.powersOfTen[places]
            let (quotient, rest) = q0.quotientAndRemainder(dividingBy: power)
            result = quotient
            roundsUp = rest >= WideUInt.powersOfTen[places - 1].multiplied(by: 5) ?? power
        }
        if roundsUp {
            guard let next = result.adding(WideUInt(1)) else { return nil }
            result = next
        }
        guard let word = result.word, word <= UInt64(Int64.max) else { return nil }
        let significand = Int64(word)
        return ExactDecimal(unchecked: numerator.isNegative ? -significand : significand, scale: scale)
    }

    /// The value to as many places as a decimal holds for it (up to 18, fewer for large values), trailing zeros
    /// dropped: exact when the quotient terminates within them (`90 ÷ 80 = 1.125`), else its nearest such decimal
    /// (`90 ÷ 70 = 1.285714285714285714`); `nil` when even its whole part does not fit.
    var nearestDecimal: ExactDecimal? {
        for scale in stride(from: ExactDecimal.maximumScale, through: 0, by: -1) {
            if let value = rounded(scale: scale) { return value.normalized }
        }
        return nil
    }

    /// Whether the value is exactly `value`'s number with at most `scale` places: rounding loses nothing.
    func isExact(atScale scale: Int) -> Bool {
        guard let rounded = rounded(scale: scale) else { return false }
        return Quotient.compare(self, Quotient(rounded)) == 0
    }

    /// −1, 0 or 1 by cross-multiplying, or `nil` when the products do not fit in 128 bits.
    ///
    /// When all four parts fit one word (a row's ratio against its points, as nearly every comparison is), each
    /// cross product is one 64 × 64-bit multiplication, which always fits; else the full-width multiplications
    /// (``compareInFullWidth(_:_:)``). Either way ``WideDecimal/compare(_:_:)`` compares the two products.
    static func compare(_ lhs: Quotient, _ rhs: Quotient) -> Int? {
        let (ln, ld, rn, rd) = (lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator)
        guard ln.magnitude.high == 0, ld.magnitude.high == 0, rn.magnitude.high == 0, rd.magnitude.high == 0 else {
            return compareInFullWidth(lhs, rhs)
        }
        // Denominators are positive: each product has its numerator's sign.
        let left = WideDecimal(magnitude: WideUInt.product(ln.magnitude.low, rd.magnitude.low), scale: ln.scale + rd.scale,
                               isNegative: ln.isNegative)
        let right = WideDecimal(magnitude: WideUInt.product(rn.magnitude.low, ld.magnitude.low), scale: rn.scale + ld.scale,
                                isNegative: rn.isNegative)
        return WideDecimal.compare(left, right)
    }

    /// ``compare(_:_:)`` in full width: any parts whose products fit 128 bits.
    static func compareInFullWidth(_ lhs: Quotient, _ rhs: Quotient) -> Int? {
        guard let left = lhs.numerator.times(rhs.denominator), let right = rhs.numerator.times(lhs.denominator) else {
            return nil
        }
        return WideDecimal.compare(left, right)
    }

    /// −1, 0 or 1 against a decimal, or `nil` when the products do not fit.
    func compare(to value: ExactDecimal) -> Int? {
        Quotient.compare(self, Quotient(value))
    }

    /// −1, 0 or 1 against a wide decimal (a product), or `nil` when the products do not fit.
    func compare(to value: WideDecimal) -> Int? {
        guard let left = numerator.times(WideDecimal(ExactDecimal(1))), let right = value.times(denominator) else { return nil }
        return WideDecimal.compare(left, right)
    }
}

extension WideDecimal {
    /// The exact product of two wide decimals, or `nil` beyond 128 bits.
    func times(_ other: WideDecimal) -> WideDecimal? {
        guard let product = magnitude.multiplied(by: other.magnitude) else { return nil }
        return WideDecimal(magnitude: product, scale: scale + other.scale, isNegative: isNegative != other.isNegative)
    }
}

extension Quotient: Equatable {
    /// Whether two quotients are the same number (`6 ÷ 4 == 3 ÷ 2`).
    static func == (lhs: Quotient, rhs: Quotient) -> Bool {
        compare(lhs, rhs) == 0
    }
}

extension Quotient {
    /// The quotient times another, or `nil` beyond 128 bits.
    func multiplied(by other: Quotient) -> Quotient? {
        guard let numerator = numerator.times(other.numerator), let denominator = denominator.times(other.denominator) else { return nil }
        return Quotient(numerator, over: denominator)
    }

    /// The quotient divided by another, or `nil` beyond 128 bits or for a zero divisor.
    func divided(by other: Quotient) -> Quotient? {
        guard let numerator = numerator.times(other.denominator), let denominator = denominator.times(other.numerator) else { return nil }
        return Quotient(numerator, over: denominator)
    }

    /// `self − value`, or `nil` beyond 128 bits.
    func subtracting(_ value: ExactDecimal) -> Quotient? {
        guard let scaled = denominator.multiplied(by: value.negated), let difference = numerator.adding(scaled) else { return nil }
        return Quotient(difference, over: denominator)
    }

    /// `self + other`, or `nil` beyond 128 bits.
    func adding(_ other: Quotient) -> Quotient? {
        guard let left = numerator.times(other.denominator), let right = other.numerator.times(denominator),
              let sum = left.adding(right), let denominator = denominator.times(other.denominator) else { return nil }
        return Quotient(sum, over: denominator)
    }
}
