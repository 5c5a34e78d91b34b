/// A target or actual that starts like a figure but cannot be read as one.
///
/// ```
/// cannot read "≥≥5": expected a number after '≥', found '≥'
///   ≥≥5
///    ^
/// ```
package struct NotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value as given.
    package var text: String
    /// The value after normalisation (full-width digits made ASCII, ends trimmed), which ``offset`` points into.
    package var normalized: String
    /// Where reading stopped, in characters from the start of ``normalized``.
    package var offset: Int
    /// What the notation allows at that point.
    package var expected: String

    /// Creates the error of a value that could not be read.
    package init(text: String, normalized: String, offset: Int, expected: String) {
        self.text = text
        self.normalized = normalized
        self.offset = offset
        self.expected = expected
    }

    /// What stands at ``offset``: `'≥'`, or `the end` when the text stopped early.
    package var found: String {
        let characters = Array(normalized)
        guard offset < characters.count else { return "the end" }
        return "'\(characters[offset])'"
    }

    /// One line: `cannot read "≥≥5": expected a number after '≥', found '≥'`.
    package var summary: String {
        "cannot read \"\(text.truncatedForMessage)\": expected \(expected), found \(found)"
    }

    /// The summary, then the value with a caret under the character where reading stopped.
    package var description: String {
        let shown = String(normalized.prefix(60))
        let caretColumn = DisplayWidth.of(String(normalized.prefix(min(offset, 60))))
        return summary + "\n  " + shown + "\n  " + String(repeating: " ", count: caretColumn) + "^"
    }
}
