public import Foundation

/// An exact decimal number: the figures of a table (points, budgets, targets, actuals, scores) as they are printed.
///
/// A signed 64-bit significand and a scale of 0 to 18 decimal places: `894.13` is 89413 × 10⁻². Every value a
/// table prints fits (budgets in 万元 up to 10¹⁵ with three decimals, percentages with several); a value that does
/// not fit is refused where it is read, with the field's name, and an operation whose result would not fit reports
/// it instead of trapping or rounding silently. The same digits give the same result on every platform and
/// toolchain: no binary floating point and no `Foundation.Decimal` arithmetic is involved.
///
/// Build values from integer literals or from their digits, never from a float literal (there is no float
/// literal conformance, so `3857.18` does not compile as an `ExactDecimal`):
///
/// ```swift
/// let points: ExactDecimal = 20
/// let budget = ExactDecimal("3857.18")!
/// print(budget)          // 3857.18
/// ```
///
/// Values compare by their number, not their spelling: `1.50 == 1.5`. ``description`` prints plain digits with
/// trailing zeros after the point dropped, as tables print scores.
public struct ExactDecimal: Sendable {
    /// The digits as an integer: the value is `significand × 10^-scale`.
    let significand: Int64
    /// Decimal places, 0 to ``maximumScale``.
    let scale: Int8

    /// The most decimal places a value holds.
    static let maximumScale = 18

    /// A value from its integer significand and decimal places; `nil` when the scale is outside 0…18 or the
    /// significand is `Int64.min` (whose negation does not exist).
    init?(significand: Int64, scale: Int) {
        guard scale >= 0, scale <= Self.maximumScale, significand != .min else { return nil }
        self.significand = significand
        self.scale = Int8(scale)
    }

    /// A value known to be within range (constants and results already checked).
    init(unchecked significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = Int8(scale)
    }

    /// 0.
    static let zero = ExactDecimal(unchecked: 0, scale: 0)

    /// A whole number.
    package init(_ value: Int) {
        self.init(unchecked: Int64(max(value, -Int.max)), scale: 0)
    }

    /// Reads plain decimal digits, as tables and JSON write numbers: an optional sign, digits, an optional
    /// fraction, an optional exponent (`3857.18`, `-0.5`, `7.9e1`). Nothing else: no spaces, no grouping commas,
    /// no full-width digits (``IndicatorValue`` reads those in targets and actuals).
    ///
    /// - Returns: `nil` when the text is not such a number, or when its value needs more than 18 significant
    ///   digits or more than 18 decimal places.
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.parse($0[...]) }) else { return nil }
        self = value
    }

    /// Reads the digits of a number from UTF-8 bytes: the grammar of ``init(_:)-(String)``.
    ///
    /// A literal of at most 18 bytes, digits with at most one point between them, as nearly every figure in a
    /// table is (`3.5`, `8596.15`), is read in one pass here; it always fits, and every digit counts (`1.50` has
    /// two places), as ``parseInFull(_:)`` would count them. Anything else is read by that.
    @inline(never)
    static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> ExactDecimal? {
        if bytes.count <= 18 {
            var significand: Int64 = 0
            var point = -1
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                let digit = byte &- 0x30
                if digit < 10 {
                    significand = significand &* 10 &+ Int64(digit)
                } else if byte == UInt8(ascii: "."), point < 0, index > bytes.startIndex, index < bytes.endIndex - 1 {
                    point = index
                } else {
                    return parseInFull(bytes)
                }
                index += 1
            }
            if index > bytes.startIndex {
                return ExactDecimal(unchecked: significand, scale: point < 0 ? 0 : bytes.endIndex - 1 - point)
            }
        }
        return parseInFull(bytes)
    }

    /// ``parse(_:)`` for any literal: a sign, an exponent, more digits than fit, trailing zeros beyond 18 places.
    static func parseInFull(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> ExactDecimal? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var accumulator = DigitAccumulator()
        var sawDigit = false
        while index < end, let digit = Self.digit(bytes[index]) {
            accumulator.append(digit, fractional: false)
            sawDigit = true
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var sawFraction = false
            while index < end, let digit = Self.digit(bytes[index]) {
                accumulator.append(digit, fractional: true)
                sawFraction = true
                index += 1
            }
            guard sawFraction else { return nil }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var negativeExponent = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawExponent = false
            while index < end, let digit = Self.digit(bytes[index]) {
                exponent = min(exponent * 10 + Int(digit), 10_000)
                sawExponent = true
                index += 1
            }
            guard sawExponent else { return nil }
            if negativeExponent { exponent = -exponent }
        }
        guard index == end else { return nil }
        return accumulator.value(negative: negative, exponent: exponent)
    }

    @inline(__always)
    static func digit(_ byte: UInt8) -> UInt8? {
        byte &- 0x30 < 10 ? byte &- 0x30 : nil
    }

    /// Digits read one at a time into a significand, with the places after the point counted.
    struct DigitAccumulator {
        var significand: UInt64 = 0
        var scale = 0
        /// Whether a nonzero digit had to be dropped: the number has more than 19 significant digits.
        var overflowed = false
        /// Zeros after the point not yet added to the significand (`1.500` keeps them only if they fit).
        var pendingZeros = 0

        @inline(__always)
        mutating func append(_ digit: UInt8, fractional: Bool) {
            if fractional, digit == 0 {
                pendingZeros += 1
                return
            }
            if pendingZeros > 0 {
                for _ in 0..<pendingZeros { push(0) }
                scale += pendingZeros
                pendingZeros = 0
            }
            push(digit)
            if fractional { scale += 1 }
        }

        @inline(__always)
        private mutating func push(_ digit: UInt8) {
            let (times, overflow1) = significand.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { overflowed = true }
            significand = sum
        }

        /// The value, trailing zeros after the point kept as far as they fit (`1.50` keeps two places).
        func value(negative: Bool, exponent: Int) -> ExactDecimal? {
            guard !overflowed, significand <= UInt64(Int64.max) else { return nil }
            var magnitude = significand
            var places = scale - exponent
            // Written zeros after the point, kept while they fit.
            var zeros = pendingZeros
            while zeros > 0, places < ExactDecimal.maximumScale, magnitude <= UInt64(Int64.max) / 10 {
                magnitude *= 10
                places += 1
                zeros -= 1
            }
            while places < 0 {
                guard magnitude <= UInt64(Int64.max) / 10 else { return nil }
                magnitude *= 10
                places += 1
            }
            while places > ExactDecimal.maximumScale, magnitude % 10 == 0, magnitude != 0 {
                magnitude /= 10
                places -= 1
            }
            if magnitude == 0 { return ExactDecimal(unchecked: 0, scale: min(places, ExactDecimal.maximumScale)) }
            guard places <= ExactDecimal.maximumScale else { return nil }
            return ExactDecimal(unchecked: negative ? -Int64(magnitude) : Int64(magnitude), scale: places)
        }
    }

    /// The value as a `Foundation.Decimal`, for code that works in `Decimal`; exact, since every value has at
    /// most 19 significant digits.
    public var decimalValue: Decimal {
        Decimal(sign: significand < 0 ? .minus : .plus, exponent: -Int(scale),
                significand: Decimal(significand.magnitude))
    }

    /// The value of a `Foundation.Decimal`, when it fits: at most 18 decimal places and 18 significant digits.
    ///
    /// - Returns: `nil` for NaN and for values that do not fit.
    public init?(exactly decimal: Decimal) {
        guard !decimal.isNaN else { return nil }
        self.init(decimal.description)
    }
}

// MARK: - Comparing

extension ExactDecimal: Hashable, Comparable {
    /// Whether two values are the same number (`1.50 == 1.5`).
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Orders values by their number.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Hashes the number, whatever its spelling.
    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    /// −1, 0 or 1: the two values aligned to one scale in full width, so that no alignment can overflow.
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        if lhs.scale == rhs.scale {
            return lhs.significand < rhs.significand ? -1 : lhs.significand == rhs.significand ? 0 : 1
        }
        let lhsSign = lhs.significand.signum()
        let rhsSign = rhs.significand.signum()
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        if lhsSign == 0 { return 0 }
        let left = lhs.wideMagnitude(atScale: max(Int(lhs.scale), Int(rhs.scale)))
        let right = rhs.wideMagnitude(atScale: max(Int(lhs.scale), Int(rhs.scale)))
        let magnitudeOrder = left < right ? -1 : left == right ? 0 : 1
        return lhsSign > 0 ? magnitudeOrder : -magnitudeOrder
    }

    /// |significand| × 10^(scale − self.scale), for a scale at least this one's (at most 18 places more: fits).
    func wideMagnitude(atScale target: Int) -> WideUInt {
        WideUInt.product(significand.magnitude, WideUInt.wordPowerOfTen(target - Int(scale)))
    }

    /// The same number with trailing zeros after the point removed.
    var normalized: ExactDecimal {
        var significand = self.significand
        var scale = Int(self.scale)
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return ExactDecimal(unchecked: significand, scale: significand == 0 ? 0 : scale)
    }
}

// MARK: - Printing

extension ExactDecimal: CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// A whole number from a literal: `let points: ExactDecimal = 20`.
    public init(integerLiteral value: Int64) {
        self.init(unchecked: max(value, -Int64.max), scale: 0)
    }

    /// Plain digits, no exponent, no grouping, trailing zeros after the point dropped: `80000`, `0.17`, `-3.5`.
    public var description: String {
        withText { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` over ``description``'s bytes, put together in place, from the last digit back (at most 21: a
    /// sign, 19 digits, a point, or a point after `0` and the zeros before a small fraction's digits).
    @inline(__always)
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var magnitude = significand.magnitude
        var scale = Int(self.scale)
        // Trailing zeros after the point are dropped (`1.50` prints `1.5`, `0.00` prints `0`).
        while scale > 0, magnitude != 0, magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        if magnitude == 0 { scale = 0 }
        var text: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &text) { text in
            var start = text.count
            @inline(__always) func prepend(_ byte: UInt8) {
                start -= 1
                text[start] = byte
            }
            // The places after the point, zeros first where the digits run out (`0.05`), then the point.
            if scale > 0 {
                for _ in 0..<scale {
                    prepend(UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30)
                    magnitude /= 10
                }
                prepend(UInt8(ascii: "."))
            }
            // The whole part, `0` at least.
            repeat {
                prepend(UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30)
                magnitude /= 10
            } while magnitude > 0
            if significand < 0 { prepend(UInt8(ascii: "-")) }
            return body(UnsafeBufferPointer(start: text.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: text.count - start))
        }
    }
}

// MARK: - Arithmetic

extension ExactDecimal {
    /// Whether the value is 0.
    var isZero: Bool { significand == 0 }

    /// Whether the value is below 0.
    var isNegative: Bool { significand < 0 }

    /// The value at a larger scale (more places), or `nil` when the digits do not fit.
    func rescaled(to target: Int) -> ExactDecimal? {
        guard target >= Int(scale), target <= Self.maximumScale else { return nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: WideUInt.wordPowerOfTen(target - Int(scale)).asInt64)
        return overflow ? nil : ExactDecimal(significand: value, scale: target)
    }

    /// `self + other`, or `nil` when the result does not fit.
    ///
    /// Inlined where it is called (the verifier compares each row's printed score with its own so): the one at
    /// fewer places is brought to the other's by one multiplication and added; only when that overflows does the
    /// sum take the way out of line (``addingAtCommonScale(_:)``), which first drops trailing zeros.
    @inline(__always)
    func adding(_ other: ExactDecimal) -> ExactDecimal? {
        if scale == other.scale {
            let (sum, overflow) = significand.addingReportingOverflow(other.significand)
            return overflow ? nil : ExactDecimal(significand: sum, scale: Int(scale))
        }
        let (fewer, more) = scale < other.scale ? (self, other) : (other, self)
        let (raised, overflow) = fewer.significand.multipliedReportingOverflow(
            by: WideUInt.wordPowerOfTen(Int(more.scale) - Int(fewer.scale)).asInt64)
        if !overflow {
            let (sum, sumOverflow) = raised.addingReportingOverflow(more.significand)
            if !sumOverflow { return ExactDecimal(significand: sum, scale: Int(more.scale)) }
        }
        return addingAtCommonScale(other)
    }

    /// `self + other` at the larger of the two scales, each brought to it with its trailing zeros dropped first
    /// when it does not fit as it is; `nil` when the result does not fit.
    @inline(never)
    func addingAtCommonScale(_ other: ExactDecimal) -> ExactDecimal? {
        let target = max(Int(scale), Int(other.scale))
        guard let left = rescaled(to: target) ?? normalized.rescaled(to: target),
              let right = other.rescaled(to: target) ?? other.normalized.rescaled(to: target) else { return nil }
        return left.adding(right)
    }

    /// `self − other`, or `nil` when the result does not fit.
    func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        adding(other.negated)
    }

    /// `−self`.
    var negated: ExactDecimal {
        ExactDecimal(unchecked: -significand, scale: Int(scale))
    }

    /// `|self|`.
    var magnitude: ExactDecimal {
        significand < 0 ? negated : self
    }

    /// Whether the value lies strictly between −10^`power` and 10^`power` (`power` ≥ 0): told from the
    /// significand and the places at once (|significand| < 10^(power + places)), without aligning two decimals
    /// as a comparison does. Every significand is below 10¹⁹.
    func isBelow(powerOfTen power: Int) -> Bool {
        let digits = power + Int(scale)
        return digits >= 19 || significand.magnitude < WideUInt.wordPowerOfTen(digits)
    }

    /// `self × other`, exact, or `nil` when the product does not fit in 18 significant digits and 18 places.
    func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let product = WideDecimal.product(self, other)
        return product.exact
    }

    /// `self × 10^power` (a magnitude such as 万, or × 100 for a percentage), or `nil` when it does not fit.
    func timesPowerOfTen(_ power: Int) -> ExactDecimal? {
        if power <= 0 {
            let target = Int(scale) - power
            if target <= Self.maximumScale { return ExactDecimal(significand: significand, scale: target) }
            let normal = normalized
            return Int(normal.scale) - power <= Self.maximumScale
                ? ExactDecimal(significand: normal.significand, scale: Int(normal.scale) - power) : nil
        }
        if Int(scale) >= power { return ExactDecimal(significand: significand, scale: Int(scale) - power) }
        let rest = power - Int(scale)
        guard rest <= 18 else { return isZero ? .zero : nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: WideUInt.wordPowerOfTen(rest).asInt64)
        return overflow ? nil : ExactDecimal(significand: value, scale: 0)
    }

    /// The sum of `values`, or `nil` when it does not fit; summed in full width, so that only the result must fit.
    static func sum(_ values: some Sequence<ExactDecimal>) -> ExactDecimal? {
        sum(.zero, plus: values)
    }

    /// `first` and the sum of `values` (a total: the budget's score and the categories'), as ``sum(_:)`` adds them,
    /// without gathering them into an array first.
    static func sum(_ first: ExactDecimal, plus values: some Sequence<ExactDecimal>) -> ExactDecimal? {
        var total = WideDecimal(first)
        for value in values {
            guard let next = total.adding(WideDecimal(value)) else { return nil }
            total = next
        }
        return total.exact
    }
}

extension UInt64 {
    /// The word as an `Int64`, for powers of ten up to 10¹⁸.
    var asInt64: Int64 { Int64(truncatingIfNeeded: self) }
}

extension ExactDecimal {
    /// ``description``: plain digits, as messages and explanations print figures.
    var plainText: String { description }
}

extension ExactDecimal {
    /// The value as tables print scores: rounded half-up to `scale` places (2), trailing zeros dropped
    /// (`0.75`, `20`, `98.07`).
    func scoreText(scale: Int = 2) -> String {
        RoundingRule(scale: scale).round(self).plainText
    }
}
