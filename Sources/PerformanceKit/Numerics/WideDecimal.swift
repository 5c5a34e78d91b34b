/// A decimal with a 128-bit significand: the exact product of two ``ExactDecimal``s, or the exact sum of many.
///
/// `value = ±magnitude × 10^-scale`. Sums and products that a single ``ExactDecimal`` could not hold are formed
/// here and brought back with ``exact`` (or divided with ``Quotient``), so that only the final figure must fit.
struct WideDecimal: Sendable {
    var magnitude: WideUInt
    var scale: Int
    var isNegative: Bool

    static let zero = WideDecimal(magnitude: .zero, scale: 0, isNegative: false)

    init(magnitude: WideUInt, scale: Int, isNegative: Bool) {
        self.magnitude = magnitude
        self.scale = scale
        self.isNegative = isNegative && !magnitude.isZero
    }

    init(_ value: ExactDecimal) {
        self.init(magnitude: WideUInt(value.significand.magnitude), scale: Int(value.scale), isNegative: value.significand < 0)
    }

    /// The exact product of two decimals (64 × 64 bits always fits in 128).
    static func product(_ a: ExactDecimal, _ b: ExactDecimal) -> WideDecimal {
        WideDecimal(magnitude: WideUInt.product(a.significand.magnitude, b.significand.magnitude),
                    scale: Int(a.scale) + Int(b.scale), isNegative: (a.significand < 0) != (b.significand < 0))
    }

    /// The exact product with another decimal, or `nil` beyond 128 bits.
    func multiplied(by factor: ExactDecimal) -> WideDecimal? {
        guard let product = magnitude.multiplied(by: factor.significand.magnitude) else { return nil }
        return WideDecimal(magnitude: product, scale: scale + Int(factor.scale), isNegative: isNegative != (factor.significand < 0))
    }

    /// The magnitude at a larger scale, or `nil` beyond 128 bits.
    func magnitude(atScale target: Int) -> WideUInt? {
        target == scale ? magnitude : magnitude.timesPowerOfTen(target - scale)
    }

    /// The exact sum, or `nil` beyond 128 bits.
    ///
    /// Inlined where it is called: it is called twice a row (a category's points and scores), and its one-word way
    /// costs less than a call; the full-width way is out of line (``addingInFullWidth(_:)``).
    @inline(__always)
    func adding(_ other: WideDecimal) -> WideDecimal? {
        // Two figures of one word each and of one sign (a table's points and scores, summed, at 0 to 2 places): the
        // one at fewer places brought to the other's by one word's multiplication, then one word's addition, its
        // carry into the high word. A multiplication that does not fit a word takes the full-width way below.
        if isNegative == other.isNegative, magnitude.high == 0, other.magnitude.high == 0 {
            var (left, right, target) = (magnitude.low, other.magnitude.low, scale)
            var fits = true
            if scale < other.scale {
                let shift = other.scale - scale
                (left, fits) = shift <= 19 ? Self.wordTimesPowerOfTen(left, shift) : (0, false)
                target = other.scale
            } else if scale > other.scale {
                let shift = scale - other.scale
                (right, fits) = shift <= 19 ? Self.wordTimesPowerOfTen(right, shift) : (0, false)
            }
            if fits {
                let (low, carry) = left.addingReportingOverflow(right)
                return WideDecimal(magnitude: WideUInt(high: carry ? 1 : 0, low: low), scale: target, isNegative: isNegative)
            }
        }
        return addingInFullWidth(other)
    }

    /// The exact sum, both brought to the larger scale in 128 bits, or `nil` beyond them.
    @inline(never)
    func addingInFullWidth(_ other: WideDecimal) -> WideDecimal? {
        let target = max(scale, other.scale)
        guard let left = magnitude(atScale: target), let right = other.magnitude(atScale: target) else { return nil }
        if isNegative == other.isNegative {
            guard let sum = left.adding(right) else { return nil }
            return WideDecimal(magnitude: sum, scale: target, isNegative: isNegative)
        }
        if left >= right {
            return WideDecimal(magnitude: left.subtracting(right), scale: target, isNegative: isNegative)
        }
        return WideDecimal(magnitude: right.subtracting(left), scale: target, isNegative: other.isNegative)
    }

    /// `word × 10^power` (`power` at most 19) and whether it fits in a word.
    @inline(__always)
    private static func wordTimesPowerOfTen(_ word: UInt64, _ power: Int) -> (UInt64, Bool) {
        let (product, overflow) = word.multipliedReportingOverflow(by: WideUInt.wordPowerOfTen(power))
        return (product, !overflow)
    }

    /// The value as an ``ExactDecimal`` when it fits exactly (trailing zeros after the point dropped as needed).
    var exact: ExactDecimal? {
        var magnitude = self.magnitude
        var scale = self.scale
        let ten = WideUInt(10)
        while scale > ExactDecimal.maximumScale || magnitude.high != 0 || magnitude.low > UInt64(Int64.max) {
            guard scale > 0 else { return nil }
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: ten)
            guard remainder.isZero else { return nil }
            magnitude = quotient
            scale -= 1
        }
        let significand = Int64(magnitude.low)
        return ExactDecimal(unchecked: isNegative ? -significand : significand, scale: scale)
    }

    /// −1, 0 or 1, or `nil` when aligning the two does not fit in 128 bits.
    static func compare(_ lhs: WideDecimal, _ rhs: WideDecimal) -> Int? {
        let lhsSign = lhs.magnitude.isZero ? 0 : lhs.isNegative ? -1 : 1
        let rhsSign = rhs.magnitude.isZero ? 0 : rhs.isNegative ? -1 : 1
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        if lhsSign == 0 { return 0 }
        let target = max(lhs.scale, rhs.scale)
        guard let left = lhs.magnitude(atScale: target), let right = rhs.magnitude(atScale: target) else { return nil }
        let order = left < right ? -1 : left == right ? 0 : 1
        return lhsSign > 0 ? order : -order
    }
}

extension WideDecimal: Equatable {
    /// The same number, whatever the scale.
    static func == (lhs: WideDecimal, rhs: WideDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }
}
