import Foundation

/// The text of a disclosure as its filled lines, each with its 1-based line number in the file.
///
/// A PDF converted to text keeps one cell after another with blank lines between blocks; blank lines carry no
/// meaning inside a table, so they are dropped here and every later step sees only filled lines. A line that looks
/// like page furniture (a page number alone: `12`, `- 12 -`, `第 3 页`, `3/40`) is marked, so that a table broken over
/// two pages reads as one where a bare number cannot be a cell.
struct DisclosureLines {
    /// One filled line, trimmed.
    struct Line: Equatable {
        /// The 1-based line number in the file.
        var number: Int
        var text: String
        /// The line as it stands, tabs kept (a table copied with its cells apart by tabs).
        var raw: String = ""
        /// Whether the line could be a page number (see ``DisclosureLines/isPageFurniture(_:)``).
        var isPageFurniture: Bool
    }

    /// The filled lines, in file order.
    var lines: [Line]

    init(_ text: String) {
        var lines: [Line] = []
        var number = 0
        // "\r\n" is one Character in Swift: a line ends at either, or at a lone "\r".
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let trimmed = String(raw).replacingOccurrences(of: "\u{3000}", with: " ").trimmingWhitespace
            if trimmed.isEmpty { continue }
            var raw = String(raw)
            if raw.hasSuffix("\r") { raw.removeLast() }
            lines.append(Line(number: number, text: trimmed, raw: raw, isPageFurniture: Self.isPageFurniture(trimmed)))
        }
        self.lines = lines
    }

    /// A page number alone on its line: `12`, `- 12 -`, `—12—`, `第 3 页`, `第3页 共40页`, `3/40`.
    static func isPageFurniture(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        if compact.count <= 3, compact.allSatisfy({ $0.isASCIIDigit }) { return true }
        var core = Substring(compact)
        while let first = core.first, "-—–".contains(first) { core.removeFirst() }
        while let last = core.last, "-—–".contains(last) { core.removeLast() }
        if core.count < compact.count, !core.isEmpty, core.allSatisfy({ $0.isASCIIDigit }) { return true }
        if compact.hasPrefix("第"), compact.hasSuffix("页"),
           compact.allSatisfy({ ($0.isASCIIDigit) || "第页共".contains($0) }) { return true }
        let parts = compact.split(separator: "/")
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCIIDigit } }) {
            return true
        }
        return false
    }
}

extension String {
    /// The line split at runs of spaces: the cells of a line of a table converted to text.
    var cellsOfLine: [String] {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)
    }
}
