/// A number as a table prints it: an exact decimal, a Chinese magnitude (万, 亿, 万亿) and a unit.
///
/// `808.44亿条` is `number` 808.44, `magnitude` 亿, `unit` 条, and ``value`` 80,844,000,000. Two quantities are
/// compared through ``value``, so `≥2万亿` and `15000亿` meet on the same scale.
package struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// A Chinese magnitude word after the digits.
    package enum Magnitude: String, Sendable, Hashable, CaseIterable {
        case one = ""
        /// 万: 10⁴.
        case tenThousand = "万"
        /// 亿: 10⁸.
        case hundredMillion = "亿"
        /// 万亿: 10¹².
        case trillion = "万亿"

        /// The power of ten the number is multiplied by.
        var exponent: Int {
            switch self {
            case .one: return 0
            case .tenThousand: return 4
            case .hundredMillion: return 8
            case .trillion: return 12
            }
        }
    }

    /// The digits as written, as an exact decimal (`80,000` → 80000).
    package var number: ExactDecimal
    /// The magnitude word after the digits, ``Magnitude-swift.enum/one`` when none.
    package var magnitude: Magnitude
    /// The unit after the number and magnitude, normalised (`％` → `%`, `平方米` and `m²` → `㎡`); `nil` when none.
    package var unit: String?
    /// The number times its magnitude: what comparisons and ratios use.
    package let value: ExactDecimal

    /// A quantity from its parts, with the unit normalised (`%`, `㎡`); `nil` when the number times its magnitude
    /// needs more than 18 significant digits.
    init?(number: ExactDecimal, magnitude: Magnitude = .one, unit: String? = nil) {
        guard let value = number.timesPowerOfTen(magnitude.exponent) else { return nil }
        self.number = number
        self.magnitude = magnitude
        self.unit = unit
        self.value = value
    }

    /// A plain figure with a unit: a number with no magnitude always fits.
    init(plain number: ExactDecimal, unit: String? = nil) {
        self.number = number
        self.magnitude = .one
        self.unit = unit
        self.value = number
    }

    /// The number with its magnitude, without the unit: `808.44亿`, `80000`. Used in explanations.
    var numberText: String {
        number.description + magnitude.rawValue
    }

    /// The canonical printed form: `80000㎡`, `808.44亿条`, `99.9%`. Parsing it gives this quantity back.
    package var description: String {
        numberText + (unit ?? "")
    }

    /// Unit spellings that mean the same unit, each with the unit it is read as.
    static let unitSpellings: [(String, String)] = [
        ("％", "%"),
        ("平方米", "㎡"), ("m²", "㎡"), ("m2", "㎡"), ("M2", "㎡"), ("平米", "㎡"),
        ("立方米", "㎥"), ("m³", "㎥"), ("m3", "㎥"),
    ]

    /// The unit a spelling is read as (``unitSpellings``); any other unit as it is.
    static func normalizedUnit(_ unit: String) -> String {
        // Every spelling starts with ％, 平, 立, m or M: other units are passed over at once.
        guard let first = unit.utf8.first, first == 0xEF || first == 0xE5 || first == 0xE7 || first == 0x6D || first == 0x4D
        else { return unit }
        return unitSpellings.first { $0.0.hasSameBytes(as: unit) }?.1 ?? unit
    }
}
