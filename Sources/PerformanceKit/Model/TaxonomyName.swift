/// The name of a taxonomy level (一级 or 二级): one of a fixed list of standard names by its place in the list, or
/// a name of the table's own.
///
/// A standard name holds no string, so that copying a row's category or second level, row after row, copies a few
/// bytes and counts no reference; comparing two standard names is an integer comparison.
enum TaxonomyName: Sendable {
    /// The name at this place in the level's list of standard names.
    case standard(Int8)
    /// A name that is not in the list, as printed.
    case custom(String)

    /// The standard name spelt exactly as `text` (byte for byte, no trimming or variants), else `text` as a
    /// custom name.
    init(_ text: String, among standardNames: [String]) {
        self = standardNames.firstIndex { $0.hasSameBytes(as: text) }.map { .standard(Int8($0)) } ?? .custom(text)
    }

    /// The printed name, taken from `standardNames` (the same list the name was made with) for a standard one.
    func text(among standardNames: [String]) -> String {
        switch self {
        case .standard(let index): return standardNames[Int(index)]
        case .custom(let text): return text
        }
    }

    /// The place in the list of standard names, `nil` for a custom name.
    var standardIndex: Int8? {
        if case .standard(let index) = self { return index }
        return nil
    }

    /// Whether two names are the same, byte for byte (a name spelt as a standard one is always made standard, so
    /// a standard and a custom name always differ).
    @inline(__always)
    func isSame(as other: TaxonomyName) -> Bool {
        if case .standard(let left) = self, case .standard(let right) = other { return left == right }
        return isSameCustom(as: other)
    }

    /// ``isSame(as:)`` when either name is custom (two standard names are compared by the caller): out of line, so
    /// that comparing two standard names is inlined. A custom name never equals a standard one.
    @inline(never)
    private func isSameCustom(as other: TaxonomyName) -> Bool {
        guard case .custom(let left) = self, case .custom(let right) = other else { return false }
        return left.hasSameBytes(as: right)
    }
}
