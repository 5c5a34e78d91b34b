/// The meaning of a target (年初目标值) or actual (实际完成值) as a table prints it.
///
/// ```swift
/// try IndicatorValue(parsing: "≥80,000㎡")       // .measure(≥ 80000 ㎡)
/// try IndicatorValue(parsing: "＜48小时")         // .measure(< 48 小时)
/// try IndicatorValue(parsing: "7x24小时")         // .text(schedule)
/// try IndicatorValue(parsing: "全年未发生安全事故")  // .text(zeroEvent)
/// try IndicatorValue(parsing: "≥≥5")             // throws NotationError
/// ```
///
/// Printing a value (``description``) gives its canonical spelling, and parsing that gives the same value back.
package enum IndicatorValue: Sendable, Hashable, CustomStringConvertible {
    /// A figure, with its comparator and unit.
    case measure(Measure)
    /// Words.
    case text(TextValue)
    /// An empty cell.
    case empty

    /// A figure as a target or actual states it: `≥1800`, `＜48小时`, `合同金额=25万元`, `≥4次/4份`.
    ///
    /// Its fields live in one immutable box shared by every copy: a value is copied several times a row (the
    /// notation cache hands out copies, the rule takes them apart), and one reference to count is cheaper than
    /// three and a hundred bytes. Setting a field makes a new box; values are compared and hashed by their fields.
    package struct Measure: Sendable, Hashable, CustomStringConvertible {
        /// The fields, never changed once made.
        private final class Fields: Sendable {
            let label: String?
            let comparator: Comparator?
            let quantity: Quantity
            let alongside: [Quantity]

            init(label: String?, comparator: Comparator?, quantity: Quantity, alongside: [Quantity]) {
                self.label = label
                self.comparator = comparator
                self.quantity = quantity
                self.alongside = alongside
            }
        }

        private var fields: Fields

        /// Words printed before the figure (`合同金额`, `是`), which the rule does not read.
        package var label: String? {
            get { fields.label }
            set { fields = Fields(label: newValue, comparator: comparator, quantity: quantity, alongside: alongside) }
        }
        /// The comparator, `nil` for a bare figure (`7`, `60个`, `99.9%`).
        package var comparator: Comparator? {
            get { fields.comparator }
            set { fields = Fields(label: label, comparator: newValue, quantity: quantity, alongside: alongside) }
        }
        /// The figure.
        package var quantity: Quantity {
            get { fields.quantity }
            set { fields = Fields(label: label, comparator: comparator, quantity: newValue, alongside: alongside) }
        }
        /// Further figures after a `/` (`≥4次/4份` states 4份 too): a compound value no rule scores.
        package var alongside: [Quantity] {
            get { fields.alongside }
            set { fields = Fields(label: label, comparator: comparator, quantity: quantity, alongside: newValue) }
        }

        /// The quantity, the comparator and whether other figures stand alongside, read from the box in one go
        /// (a figure of the rule is made of them; three reads through the box counted a reference each).
        var figureParts: (quantity: Quantity, comparator: Comparator?, isCompound: Bool) {
            let fields = self.fields
            return (fields.quantity, fields.comparator, !fields.alongside.isEmpty)
        }

        /// Creates a figure; ``IndicatorValue/init(parsing:)`` reads one from text.
        package init(label: String? = nil, comparator: Comparator? = nil, quantity: Quantity, alongside: [Quantity] = []) {
            fields = Fields(label: label, comparator: comparator, quantity: quantity, alongside: alongside)
        }

        package static func == (lhs: Measure, rhs: Measure) -> Bool {
            lhs.fields === rhs.fields || (lhs.label == rhs.label && lhs.comparator == rhs.comparator
                && lhs.quantity == rhs.quantity && lhs.alongside == rhs.alongside)
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(label)
            hasher.combine(comparator)
            hasher.combine(quantity)
            hasher.combine(alongside)
        }

        /// `合同金额=25万元`, `≥80000㎡`, `≥4次/4份`.
        package var description: String {
            (label ?? "") + (comparator?.description ?? "") + quantity.description
                + alongside.map { "/" + $0.description }.joined()
        }
    }

    /// Reads a printed value.
    ///
    /// Never guesses: words are classified (``TextValue/Kind-swift.enum``), figures are read exactly, and text that
    /// starts like a figure but is not one is an error that points at the character where reading stopped.
    ///
    /// - Parameter text: the cell as printed; full-width digits, stray spaces and a trailing `。` or `；` are accepted.
    /// - Throws: ``NotationError``.
    package init(parsing text: String) throws(NotationError) {
        self = try IndicatorValueParser.parse(text)
    }

    /// The canonical spelling, which parses back to this value.
    package var description: String {
        switch self {
        case .measure(let measure): return measure.description
        case .text(let text): return text.description
        case .empty: return ""
        }
    }

    /// The figure, when this value is one.
    package var measure: Measure? {
        if case .measure(let measure) = self { return measure }
        return nil
    }

    /// The words, when this value is text.
    package var textValue: TextValue? {
        if case .text(let text) = self { return text }
        return nil
    }
}
