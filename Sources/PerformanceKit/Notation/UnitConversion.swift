/// The 计量单位 column applied to a bare figure, and the units that convert into one another.
///
/// A table's unit column may carry a magnitude: `万元` is 万 × 元, so a bare `200` under it is `200万元` and meets
/// an actual written `195.5万元` (or `1955000元`) on one scale. Units that differ but measure the same thing
/// convert exactly, the coarser into the finer:
///
/// | units | factors |
/// | --- | --- |
/// | 秒 / 分钟 / 小时 / 天 | 1 / 60 / 3600 / 86400 seconds |
/// | ‰ / % | 1 / 10 per mille |
///
/// (元 / 万元 / 亿元 and 个 / 万个 need no entry: 万 and 亿 are magnitudes, read with the digits.) `工作日` and `月`
/// are not in the table: a working day is not 24 hours and a month has no fixed length, so they stay units that
/// do not convert, and a target and actual in them and another unit are an error naming both.
package enum UnitConversion {
    /// Each unit that converts, with the unit it is measured in and how many of those one of it is.
    static let scales: [(unit: String, base: String, factor: ExactDecimal)] = [
        ("秒", "秒", 1), ("分钟", "秒", 60), ("小时", "秒", 3600), ("天", "秒", 86400),
        ("‰", "‰", 1), ("%", "‰", 10),
    ]

    /// The magnitude words, 万亿 before 亿 and 万.
    static let magnitudesLongestFirst: [Quantity.Magnitude] = [.trillion, .hundredMillion, .tenThousand]

    /// A unit column split into its magnitude and its unit: `万元` → (万, 元), `亿元` → (亿, 元), `个` → (one, 个),
    /// `万` → (万, nil). Units are normalised (`％` → `%`).
    static func split(column: String) -> Column {
        let text = column.trimmingWhitespace
        for magnitude in magnitudesLongestFirst where text.utf8.startsBytes(with: magnitude.rawValue) {
            let rest = String(decoding: text.utf8.dropFirst(magnitude.rawValue.utf8.count), as: UTF8.self)
            return Column(magnitude: magnitude, unit: rest.isEmpty ? nil : Quantity.normalizedUnit(rest))
        }
        return Column(magnitude: .one, unit: text.isEmpty ? nil : Quantity.normalizedUnit(text))
    }

    /// A unit column split: its magnitude (`.one` when it has none) and its unit (`nil` for a bare magnitude).
    struct Column {
        var magnitude: Quantity.Magnitude
        var unit: String?
    }

    /// A row's unit column, split into magnitude and unit the first time a bare figure asks for it (most figures
    /// print their own unit, and their rows never read the column): found by its bytes in the run's
    /// ``NotationCache`` when there is one, else made a string and split.
    ///
    /// The row is passed to each call rather than kept, so that making the column counts no reference to it.
    struct LazyColumn {
        private var cached: Column??

        init() {}

        /// The column of `indicator` split (``split(column:)``), looked up in `cache` when there is one; `nil` when
        /// the row has no unit column.
        mutating func split(of indicator: Indicator, cache: NotationCache?) -> Column? {
            if let cached { return cached }
            let value: Column?
            if let cache {
                value = indicator.withUnitBytes { bytes in cache.column(of: bytes) }
            } else {
                value = indicator.unit.map(UnitConversion.split(column:))
            }
            cached = .some(value)
            return value
        }
    }

    /// Applies the unit column to a figure that carries no unit of its own, in place; `false` (the figure left as
    /// it was) when the column's magnitude makes it too large for a decimal. A figure with its own unit, or with a
    /// magnitude and a column that carries one too, keeps its own reading of the digits.
    ///
    /// `column` is the column's text, split by ``split(column:)`` only when a bare figure needs it, at most once
    /// for a row's target and actual together, and found in `cache` (a run of a batch) when the same column was
    /// split before.
    static func apply(column: inout LazyColumn, of indicator: Indicator, to measure: inout IndicatorValue.Measure,
                      cache: NotationCache? = nil) -> Bool {
        guard measure.quantity.unit == nil, let split = column.split(of: indicator, cache: cache) else { return true }
        let quantity = measure.quantity
        let applied = quantity.magnitude == .one ? split.magnitude : quantity.magnitude
        guard let withColumn = Quantity(number: quantity.number, magnitude: applied, unit: split.unit) else { return false }
        measure.quantity = withColumn
        return true
    }

    /// How to bring two different units onto one: the finer of the two, and the factor the coarser one's
    /// figures are multiplied by (`小时` and `分钟`: 分钟, × 60 for the hours); `nil` when they do not convert.
    static func common(_ first: String, _ second: String) -> (unit: String, convertsFirst: Bool, factor: ExactDecimal)? {
        guard let a = scales.first(where: { $0.unit == first }), let b = scales.first(where: { $0.unit == second }),
              a.base == b.base, a.factor != b.factor else { return nil }
        let firstIsCoarser = a.factor > b.factor
        let (coarse, fine) = firstIsCoarser ? (a, b) : (b, a)
        guard let factor = Quotient(coarse.factor, over: fine.factor)?.rounded(scale: 0) else { return nil }
        return (fine.unit, firstIsCoarser, factor)
    }
}
