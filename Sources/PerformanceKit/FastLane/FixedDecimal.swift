import Foundation

/// A non-negative decimal held as an integer significand and a count of decimal places: `51.09` is 5109 and 2.
///
/// The fast lane's arithmetic (``FastLane``): exact, allocation-free, and bounded. Every figure it reads has at
/// most 15 digits before the point and ``maximumScale`` after it; every product and quotient is worked in
/// `Int128`, and any step that would overflow returns `nil`, upon which the caller declines the line and the
/// ordinary `Decimal` path scores it. There is no rounding anywhere but in ``roundedQuotient(_:_:_:places:)``,
/// which is half-up, as ``RoundingRule`` is.
struct FixedDecimal: Sendable, Comparable {
    /// The digits as an integer: `5109` for `51.09`.
    var significand: Int64
    /// Digits after the point: `2` for `51.09`.
    var scale: Int

    /// The most decimals a figure may have in the fast lane; explanations print figures exactly up to four.
    static let maximumScale = 4
    /// The most digits before the point: `EvaluationReader` refuses figures from 10¹⁵ on.
    static let maximumIntegerDigits = 15

    /// `10^n` for `n` in `0...18`.
    static let powersOfTen: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { product, _ in product * 10 } }

    init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    /// A whole number.
    init(_ integer: Int64) {
        self.init(significand: integer, scale: 0)
    }

    /// The exact fixed-point form of a `Decimal` (a rule profile's points, tiers and grade minimums), or `nil` when
    /// it is negative or has more places or digits than the fast lane handles.
    init?(exactly decimal: Decimal) {
        guard !decimal.isNaN, decimal >= 0 else { return nil }
        let bytes = Array(decimal.plainText.utf8)
        guard let value = bytes.withUnsafeBufferPointer({ Self.read($0, 0..<$0.count) }) else { return nil }
        self = value
    }

    /// Reads `digits[.digits]` from the whole of `bytes[range]` (a JSON number, a profile's figure); `nil` for
    /// anything else or for more digits than the fast lane handles.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> FixedDecimal? {
        var index = range.lowerBound
        guard let value = read(bytes, &index, end: range.upperBound), index == range.upperBound else { return nil }
        return value
    }

    /// Reads digits from `index` on, with thousands separators where the ordinary reader takes them (a comma
    /// followed by exactly three digits and then no digit: `80,000`, `1,234.5`) and an optional fraction, leaving
    /// `index` after them; at most 15 digits before the point and 4 after, else `nil`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, end: Int) -> FixedDecimal? {
        var significand: Int64 = 0
        var integerDigits = 0
        while index < end {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                significand = significand &* 10 &+ Int64(byte &- 0x30)
                integerDigits += 1
                index += 1
            } else if byte == UInt8(ascii: ","), integerDigits > 0, isThousandsGroup(bytes, after: index, end: end) {
                index += 1
            } else {
                break
            }
        }
        guard integerDigits > 0, integerDigits <= maximumIntegerDigits else { return nil }
        var scale = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] &- 0x30 < 10 {
                significand = significand &* 10 &+ Int64(bytes[index] &- 0x30)
                scale += 1
                index += 1
            }
            guard scale > 0, scale <= maximumScale else { return nil }
        }
        // 15 + 4 digits could pass Int64: the wrapping arithmetic above is only trusted up to 18 digits.
        guard integerDigits + scale <= 18 else { return nil }
        return FixedDecimal(significand: significand, scale: scale)
    }

    /// Whether the comma at `comma` separates thousands: exactly three digits follow it, then no digit.
    static func isThousandsGroup(_ bytes: UnsafeBufferPointer<UInt8>, after comma: Int, end: Int) -> Bool {
        let start = comma + 1
        guard start + 3 <= end else { return false }
        for offset in 0..<3 where bytes[start + offset] &- 0x30 >= 10 { return false }
        return start + 3 == end || bytes[start + 3] &- 0x30 >= 10
    }

    /// The value as an exact `Decimal`.
    var decimal: Decimal {
        Decimal(sign: .plus, exponent: -scale, significand: Decimal(significand))
    }

    /// The value rounded half-up to hundredths, as a count of them (`2.125` → 213), `nil` on overflow: what a
    /// score or a weight prints as.
    var cents: Int64? {
        Self.roundedQuotient(self, FixedDecimal(1), FixedDecimal(1), places: 2)
    }

    var isZero: Bool {
        significand == 0
    }

    /// The significand at `places` decimals (`places ≥ scale`), `nil` on overflow.
    func significand(atScale places: Int) -> Int64? {
        let (value, overflow) = significand.multipliedReportingOverflow(by: Self.powersOfTen[places - scale])
        return overflow ? nil : value
    }

    static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let places = max(lhs.scale, rhs.scale)
        return Int128(lhs.significand) * Int128(powersOfTen[places - lhs.scale])
            < Int128(rhs.significand) * Int128(powersOfTen[places - rhs.scale])
    }

    /// Equal in value: `2.50` equals `2.5`.
    static func == (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    /// The exact sum, `nil` on overflow.
    static func sum(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> FixedDecimal? {
        let places = max(lhs.scale, rhs.scale)
        guard let a = lhs.significand(atScale: places), let b = rhs.significand(atScale: places) else { return nil }
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : FixedDecimal(significand: value, scale: places)
    }

    /// This value times `10^exponent` (a magnitude: 万 is 4), exactly; `nil` on overflow.
    func timesPowerOfTen(_ exponent: Int) -> FixedDecimal? {
        if exponent <= scale { return FixedDecimal(significand: significand, scale: scale - exponent) }
        guard exponent - scale <= 18 else { return nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: Self.powersOfTen[exponent - scale])
        return overflow ? nil : FixedDecimal(significand: value, scale: 0)
    }

    /// `lhs − rhs` for `lhs ≥ rhs`, exactly; `nil` on overflow.
    static func difference(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> FixedDecimal? {
        let places = max(lhs.scale, rhs.scale)
        guard let a = lhs.significand(atScale: places), let b = rhs.significand(atScale: places) else { return nil }
        return FixedDecimal(significand: a - b, scale: places)
    }

    /// The exact product, `nil` on overflow or beyond ``maximumScale`` places (trailing zeros dropped first).
    static func product(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> FixedDecimal? {
        let (value, overflow) = lhs.significand.multipliedReportingOverflow(by: rhs.significand)
        guard !overflow else { return nil }
        var result = FixedDecimal(significand: value, scale: lhs.scale + rhs.scale)
        while result.scale > maximumScale, result.significand % 10 == 0 {
            result.significand /= 10
            result.scale -= 1
        }
        return result.scale <= maximumScale ? result : nil
    }

    /// `a × b ÷ c` rounded half-up to `places` decimals, as a count of `10^-places` (`3.22` at 2 places is 322);
    /// `nil` when `c` is zero or a step overflows.
    ///
    /// Exact: the quotient is `a·b·10^(places + c.scale) ÷ (c·10^(a.scale + b.scale))` in integers, rounded by
    /// `⌊(2p + q) ÷ 2q⌋`, so no intermediate figure is ever rounded.
    static func roundedQuotient(_ a: FixedDecimal, _ b: FixedDecimal, _ c: FixedDecimal, places: Int) -> Int64? {
        guard c.significand > 0 else { return nil }
        let upScale = places + c.scale
        let downScale = a.scale + b.scale
        guard upScale <= 18, downScale <= 18 else { return nil }
        var (p, overflow) = Int128(a.significand).multipliedReportingOverflow(by: Int128(b.significand))
        guard !overflow else { return nil }
        (p, overflow) = p.multipliedReportingOverflow(by: Int128(powersOfTen[upScale]))
        guard !overflow else { return nil }
        let q = Int128(c.significand) * Int128(powersOfTen[downScale])
        let (twiceP, overflowP) = p.multipliedReportingOverflow(by: 2)
        guard !overflowP else { return nil }
        let quotient = (twiceP + q) / (2 * q)
        return quotient <= Int128(Int64.max) ? Int64(quotient) : nil
    }

    /// Whether `a × b ÷ c` exceeds `cap`, compared exactly (`a·b·10^…` against `cap·c·10^…`); `nil` on overflow.
    static func quotient(_ a: FixedDecimal, _ b: FixedDecimal, _ c: FixedDecimal, exceeds cap: FixedDecimal) -> Bool? {
        // a·b / 10^(sa+sb) ÷ (c / 10^sc) > cap / 10^scap  ⇔  a·b·10^(sc+scap) > cap·c·10^(sa+sb)
        let left = Int128(a.significand).multipliedReportingOverflow(by: Int128(b.significand))
        let right = Int128(cap.significand).multipliedReportingOverflow(by: Int128(c.significand))
        guard !left.overflow, !right.overflow else { return nil }
        let l = left.partialValue.multipliedReportingOverflow(by: Int128(powersOfTen[c.scale + cap.scale]))
        let r = right.partialValue.multipliedReportingOverflow(by: Int128(powersOfTen[a.scale + b.scale]))
        guard !l.overflow, !r.overflow else { return nil }
        return l.partialValue > r.partialValue
    }

    /// Appends the value as ``Foundation/Decimal/plainText`` prints it: plain digits, trailing zeros after the
    /// point dropped (`99.9`, `20`, `0.75`).
    func write(into sink: ByteSink) {
        sink.appendDecimal(significand, scale: scale)
    }
}
