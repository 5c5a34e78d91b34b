import Foundation

/// The OPTIONS section of a help text, written by hand once, cut into its entries so that each subcommand's help
/// prints only the entries of the options it takes; and lists wrapped at the help's width.
package enum OptionHelp {
    /// One entry: the spellings its first line names (`-f`, `--format`, and the long names they stand for) and its
    /// lines as written.
    package struct Entry: Sendable {
        package var names: Set<String>
        package var lines: [String]
    }

    /// The entries of the section headed `OPTIONS:` (up to its first empty line): an entry starts with a line
    /// `  -…`, whose first `nameWidth` characters name it, and holds the lines indented under it. `names` maps
    /// spellings to the long names they stand for.
    package static func entries(of text: String, names: [String: String], nameWidth: Int = 27) -> [Entry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "OPTIONS:") else { return [] }
        var entries: [Entry] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty { break }
            if line.hasPrefix("  -") {
                let spellings = line.prefix(nameWidth).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                    .filter { $0.hasPrefix("-") }
                entries.append(Entry(names: Set(spellings + spellings.compactMap { names[$0] }), lines: [line]))
            } else if !entries.isEmpty {
                entries[entries.count - 1].lines.append(line)
            }
        }
        return entries
    }

    /// `label` padded to `labelWidth`, then `items` separated by commas, wrapped before `width` with the
    /// continuation lines under the first item.
    package static func wrapped(_ label: String, _ items: [String], labelWidth: Int, width: Int) -> String {
        var lines = [label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)]
        for (position, item) in items.enumerated() {
            let piece = item + (position < items.count - 1 ? "," : "")
            if lines[lines.count - 1].count + piece.count + 1 > width { lines.append(String(repeating: " ", count: labelWidth)) }
            lines[lines.count - 1] += (lines[lines.count - 1].hasSuffix(" ") ? "" : " ") + piece
        }
        return lines.joined(separator: "\n")
    }
}
