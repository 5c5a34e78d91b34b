/// The names of a workbook's sheets, given one by one as Excel allows them: without `[ ] : * ? / \`, at most 31
/// characters, and none the same as an earlier one as Excel compares them (ignoring case: `Sheet` and `sheet` are
/// one name to it, and a workbook holding both is "repaired" on opening). A name already taken gets `（2）`, `（3）`, …
/// (the name shortened to make room); an empty one is `表` and its position, counted from 1.
///
/// The names taken are kept in a set, and the next number to try for each name, so that a workbook of many tables
/// of one name (a batch of JSON Lines whose titles repeat) names each sheet in a step or two: searching a list of
/// the names from `（2）` up each time took cubic time.
struct SheetNames {
    /// The names given so far, as Excel compares them.
    private var taken: Set<String> = []
    /// For each name wanted, the first number after `（2）` not yet tried for it (every one before is taken).
    private var nextNumber: [String: Int] = [:]

    /// The name for a sheet that wants `wanted`, at `position` among the sheets (from 0), now taken.
    mutating func name(for wanted: String, position: Int) -> String {
        var name = String(wanted.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingWhitespace
        if name.isEmpty { name = "表\(position + 1)" }
        var candidate = name
        var number = nextNumber[name, default: 2]
        if taken.contains(Self.comparable(candidate)) {
            repeat {
                let suffix = "（\(number)）"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                number += 1
            } while taken.contains(Self.comparable(candidate))
            nextNumber[name] = number
        }
        taken.insert(Self.comparable(candidate))
        return candidate
    }

    /// A name as Excel compares sheet names: without regard to case.
    private static func comparable(_ name: String) -> String {
        name.lowercased()
    }
}
