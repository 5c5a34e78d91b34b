/// Colour for findings in a terminal: the severity of each finding (`error[…]` red, `warning[…]` yellow, `note[…]`
/// cyan) and each difference's kind in `verify` (`arithmetic` red, `rule` cyan, `judgement` yellow). Only the
/// word is coloured, so that a report read without colour says the same.
///
/// `auto` colours when standard output is a terminal and `NO_COLOR` is not set (https://no-color.org); `always`
/// and `never` decide it outright.
package enum Colouring {
    package enum Mode: String, Sendable, CaseIterable {
        case auto, always, never
    }

    /// Whether a run with `mode` colours its output.
    package static func isOn(_ mode: Mode, outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        switch mode {
        case .always: return true
        case .never: return false
        case .auto: return outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    static let reset = "\u{1B}[0m"
    /// The words coloured at the start of a line (after its indentation), and their colours.
    static let words: [(String, String)] = [
        ("error[", "\u{1B}[31m"), ("warning[", "\u{1B}[33m"), ("note[", "\u{1B}[36m"),
        ("arithmetic ", "\u{1B}[31m"), ("judgement ", "\u{1B}[33m"), ("rule ", "\u{1B}[36m"), ("not compared ", "\u{1B}[2m"),
    ]

    /// The text with the leading word of each finding line coloured.
    package static func apply(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indentation = line.prefix { $0 == " " }
            let rest = line.dropFirst(indentation.count)
            guard let (word, colour) = words.first(where: { rest.hasPrefix($0.0) }) else {
                lines.append(line)
                continue
            }
            let bare = word.hasSuffix("[") || word.hasSuffix(" ") ? String(word.dropLast()) : word
            lines.append(Substring(String(indentation) + colour + bare + Self.reset + String(rest.dropFirst(bare.count))))
        }
        return lines.joined(separator: "\n")
    }
}
