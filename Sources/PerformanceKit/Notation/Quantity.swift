public import Foundation

/// A number as a table prints it: an exact decimal, a Chinese magnitude (万, 亿, 万亿) and a unit.
///
/// `808.44亿条` is `number` 808.44, `magnitude` 亿, `unit` 条, and ``value`` 80,844,000,000. Two quantities are
/// compared through ``value``, so `≥2万亿` and `15000亿` meet on the same scale.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// A Chinese magnitude word after the digits.
    public enum Magnitude: String, Sendable, Hashable, CaseIterable {
        case one = ""
        /// 万: 10⁴.
        case tenThousand = "万"
        /// 亿: 10⁸.
        case hundredMillion = "亿"
        /// 万亿: 10¹².
        case trillion = "万亿"

        /// The factor the number is multiplied by.
        public var factor: Decimal {
            switch self {
            case .one: return 1
            case .tenThousand: return 10_000
            case .hundredMillion: return 100_000_000
            case .trillion: return 1_000_000_000_000
            }
        }
    }

    /// The digits as written, as an exact decimal (`80,000` → 80000).
    public var number: Decimal
    /// The magnitude word after the digits, ``Magnitude-swift.enum/one`` when none.
    public var magnitude: Magnitude
    /// The unit after the number and magnitude, normalised (`％` → `%`, `平方米` and `m²` → `㎡`); `nil` when none.
    public var unit: String?

    /// Creates a quantity from its parts; give the unit normalised (`%`, `㎡`).
    public init(number: Decimal, magnitude: Magnitude = .one, unit: String? = nil) {
        self.number = number
        self.magnitude = magnitude
        self.unit = unit
    }

    /// The number times its magnitude: what comparisons and ratios use.
    public var value: Decimal {
        magnitude == .one ? number : number * magnitude.factor
    }

    /// The number with its magnitude, without the unit: `808.44亿`, `80000`. Used in explanations.
    public var numberText: String {
        number.plainText + magnitude.rawValue
    }

    /// The canonical printed form: `80000㎡`, `808.44亿条`, `99.9%`. Parsing it gives this quantity back.
    public var description: String {
        numberText + (unit ?? "")
    }

    /// Unit spellings that mean the same unit, each with the unit it is read as.
    static let unitSpellings: [String: String] = [
        "％": "%",
        "平方米": "㎡", "m²": "㎡", "m2": "㎡", "M2": "㎡", "平米": "㎡",
        "立方米": "㎥", "m³": "㎥", "m3": "㎥",
    ]

    /// The unit a spelling is read as (``unitSpellings``); any other unit as it is.
    static func normalizedUnit(_ unit: String) -> String {
        unitSpellings[unit] ?? unit
    }
}

extension Decimal {
    /// Plain decimal digits with no exponent and no grouping: `80000`, `0.17`, `-3.5`.
    ///
    /// Figures with at most four decimals below 10¹⁴ (every score and nearly every figure a table prints) are
    /// formatted from their integer value, four times faster than `description`; the integer is checked to be
    /// exact before it is used.
    var plainText: String {
        if !isNaN, exponent >= -4, exponent <= 0, self < Self.fastLimit, self > -Self.fastLimit {
            let scale = -exponent
            let scaled = self * Self.powersOfTen[scale]
            let integer = NSDecimalNumber(decimal: scaled).int64Value
            if Decimal(integer) == scaled {
                return Self.format(integer, scale: scale)
            }
        }
        let text = description
        if text.utf8.contains(UInt8(ascii: "e")) || text.utf8.contains(UInt8(ascii: "E")) {
            return NSDecimalNumber(decimal: self).stringValue
        }
        return text
    }

    static let fastLimit = Decimal(100_000_000_000_000)
    static let powersOfTen: [Decimal] = [1, 10, 100, 1000, 10000]

    /// `integer ÷ 10^scale` in plain digits, trailing zeros after the point dropped.
    static func format(_ integer: Int64, scale: Int) -> String {
        let negative = integer < 0
        var digits = Array(String(integer.magnitude).utf8)
        var scale = scale
        while scale > 0, digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            scale -= 1
        }
        if scale > 0, digits == [UInt8(ascii: "0")] { return "0" }
        var bytes: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if scale == 0 {
            bytes += digits
        } else if digits.count > scale {
            bytes += digits[..<(digits.count - scale)]
            bytes.append(UInt8(ascii: "."))
            bytes += digits[(digits.count - scale)...]
        } else {
            bytes += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            bytes += Array(repeating: UInt8(ascii: "0"), count: scale - digits.count)
            bytes += digits
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
