/// The names of a workbook's sheets, given one by one as Excel allows them: without `[ ] : * ? / \`, at most 31
/// characters, and none the same as an earlier one as Excel compares them (``DistinctNames``: `Sheet` and `sheet` are
/// one name to it, and a workbook holding both is "repaired" on opening). A name already taken gets `（2）`, `（3）`, …
/// (the name shortened to make room); an empty one is `表` and its position, counted from 1.
struct SheetNames {
    private var names = DistinctNames()

    /// The name for a sheet that wants `wanted`, at `position` among the sheets (from 0), now taken.
    mutating func name(for wanted: String, position: Int) -> String {
        var name = String(wanted.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingWhitespace
        if name.isEmpty { name = "表\(position + 1)" }
        return names.claim([name], series: name) { number in
            let suffix = "（\(number)）"
            return String(name.prefix(31 - suffix.count)) + suffix
        }
    }
}
