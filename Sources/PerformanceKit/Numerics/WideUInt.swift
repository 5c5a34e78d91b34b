/// An unsigned 128-bit integer made of two 64-bit words, for the intermediate products and quotients of exact
/// decimal arithmetic.
///
/// The standard library's `UInt128` needs macOS 15 on Apple's systems; these few operations, built on
/// `multipliedFullWidth` and `dividingFullWidth`, keep the package buildable wherever Swift 6 runs. Every
/// operation that can overflow says so by returning `nil`; none traps.
struct WideUInt: Sendable, Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64 = 0, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt64) {
        self.init(high: 0, low: value)
    }

    static let zero = WideUInt(0)

    var isZero: Bool { high == 0 && low == 0 }

    /// The full product of two words.
    static func product(_ a: UInt64, _ b: UInt64) -> WideUInt {
        let (high, low) = a.multipliedFullWidth(by: b)
        return WideUInt(high: high, low: low)
    }

    func adding(_ other: WideUInt) -> WideUInt? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (high1, overflow1) = high.addingReportingOverflow(other.high)
        let (high2, overflow2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return overflow1 || overflow2 ? nil : WideUInt(high: high2, low: low)
    }

    /// `self − other`, for `other ≤ self`.
    func subtracting(_ other: WideUInt) -> WideUInt {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        return WideUInt(high: high &- other.high &- (borrow ? 1 : 0), low: low)
    }

    func multiplied(by factor: UInt64) -> WideUInt? {
        let lowProduct = low.multipliedFullWidth(by: factor)
        let highProduct = high.multipliedFullWidth(by: factor)
        guard highProduct.high == 0 else { return nil }
        let (high, overflow) = highProduct.low.addingReportingOverflow(lowProduct.high)
        return overflow ? nil : WideUInt(high: high, low: lowProduct.low)
    }

    func multiplied(by other: WideUInt) -> WideUInt? {
        if other.high == 0 { return multiplied(by: other.low) }
        if high == 0 { return other.multiplied(by: low) }
        return nil
    }

    /// `self × 10^power`, or `nil` beyond 128 bits.
    func timesPowerOfTen(_ power: Int) -> WideUInt? {
        guard power >= 0 else { return nil }
        if power == 0 { return self }
        // One word's multiplication for the powers a word holds (every alignment of two decimals' places).
        if power <= 19 { return multiplied(by: Self.wordPowerOfTen(power)) }
        var result = self
        var remaining = power
        while remaining > 0 {
            let step = min(remaining, 19)
            guard let next = result.multiplied(by: Self.wordPowerOfTen(step)) else { return nil }
            result = next
            remaining -= step
        }
        return result
    }

    /// 10^power for 0 ≤ power ≤ 19, the powers one word holds: a table the compiler lays out as constants, read
    /// without the lazily made ``powersOfTen``.
    @inline(__always)
    static func wordPowerOfTen(_ power: Int) -> UInt64 {
        switch power {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return 10_000_000_000_000_000_000
        }
    }

    /// Quotient and remainder; the divisor must not be zero.
    func quotientAndRemainder(dividingBy divisor: WideUInt) -> (quotient: WideUInt, remainder: WideUInt) {
        if divisor.high == 0 {
            // Two steps of 128 ÷ 64: the high word first, then its remainder with the low word.
            let d = divisor.low
            let (q1, r1) = high.quotientAndRemainder(dividingBy: d)
            let (q0, r0) = d.dividingFullWidth((high: r1, low: low))
            return (WideUInt(high: q1, low: q0), WideUInt(r0))
        }
        if self < divisor { return (.zero, self) }
        // A divisor of more than 64 bits: the quotient has at most 64 bits; shift and subtract.
        var quotient = WideUInt.zero
        var remainder = WideUInt.zero
        for bit in stride(from: 127, through: 0, by: -1) {
            remainder = remainder.shiftedLeftByOne
            if self.bit(bit) { remainder.low |= 1 }
            if remainder >= divisor {
                remainder = remainder.subtracting(divisor)
                quotient = quotient.settingBit(bit)
            }
        }
        return (quotient, remainder)
    }

    private var shiftedLeftByOne: WideUInt {
        WideUInt(high: high << 1 | low >> 63, low: low << 1)
    }

    private func bit(_ index: Int) -> Bool {
        index >= 64 ? (high >> UInt64(index - 64)) & 1 == 1 : (low >> UInt64(index)) & 1 == 1
    }

    private func settingBit(_ index: Int) -> WideUInt {
        index >= 64 ? WideUInt(high: high | 1 << UInt64(index - 64), low: low) : WideUInt(high: high, low: low | 1 << UInt64(index))
    }

    static func < (lhs: WideUInt, rhs: WideUInt) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// The value as one word, when it fits.
    var word: UInt64? {
        high == 0 ? low : nil
    }

    /// Decimal digits, most significant first (`[0]` for zero).
    var digits: [UInt8] {
        if high == 0 {
            return Array(String(low).utf8).map { $0 - 0x30 }
        }
        var value = self
        var reversed: [UInt8] = []
        let ten = WideUInt(10)
        while !value.isZero {
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: ten)
            reversed.append(UInt8(remainder.low))
            value = quotient
        }
        return reversed.reversed()
    }

    /// 10⁰ … 10³⁸.
    static let powersOfTen: [WideUInt] = {
        var powers = [WideUInt(1)]
        for _ in 1...38 {
            powers.append(powers[powers.count - 1].multiplied(by: 10) ?? .zero)
        }
        return powers
    }()
}
