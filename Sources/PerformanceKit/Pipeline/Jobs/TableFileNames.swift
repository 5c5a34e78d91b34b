/// The names of the files `-o DIR/` writes one table each to (`extract`, `convert`): the table's project
/// (`行政运行工作经费.json`), else what the job names it by; a name already given gets the table's place after it
/// (`行政运行工作经费-120.json`, its first line in a disclosure; `…-Sheet2.json`), then a number, so that no table
/// is written over another.
///
/// A name keeps what a file name may hold on every system: `/ \ : * ? " < > |`, white space and control characters
/// become `-`, and a name cannot start with `.` (a hidden file, or `..`). Names are told apart without regard to case
/// (``DistinctNames``), as the file systems of macOS and Windows tell them apart.
package struct TableFileNames {
    private var names = DistinctNames()

    package init() {}

    /// The next table's file name.
    ///
    /// - Parameters:
    ///   - title: the table's project (项目名称), when it has one.
    ///   - otherwise: the name when it has none (its form, its sheet).
    ///   - place: where the table stands in its file (`120`, `Sheet2`, `rows 9-16`), added to a name already given.
    package mutating func name(title: String?, otherwise: String, place: String?) -> String {
        let title = title.map(Self.safe).flatMap { $0.isEmpty ? nil : $0 }
        let otherwise = Self.safe(otherwise)
        let base = title ?? (otherwise.isEmpty ? "table" : otherwise)
        let placed = place.map { "\(base)-\(Self.safe($0))" }
        let stem = placed ?? base
        return names.claim([base + ".json"] + (placed.map { [$0 + ".json"] } ?? []), series: stem) { "\(stem)-\($0).json" }
    }

    /// `text` with what a file name may not hold replaced by `-`, and no leading `.`.
    static func safe(_ text: String) -> String {
        var safe = String(text.map { "/\\:*?\"<>|".contains($0) || $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "-" : $0 })
        while safe.hasPrefix(".") { safe = "-" + safe.dropFirst() }
        return safe
    }
}
