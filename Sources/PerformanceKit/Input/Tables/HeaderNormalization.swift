extension TableReading {
    /// A header cell as the aliases spell it: without white space, the form's `（A）` / `（B）` marks, and a trailing
    /// parenthesis (`年初目标值（A）`, `分值（10分）` → `年初目标值`, `分值`).
    ///
    /// Every cell of a row is asked while the header is looked for, long reasons included. Where every scalar of the
    /// cell is a character of its own (``Swift/String/hasOneScalarPerCharacter``: the Chinese, ASCII and full-width
    /// text of the forms) the cell is worked on scalar by scalar, which gives the same text as character by character
    /// at a fraction of the time (breaking a cell into characters was half the time of reading a table); any other
    /// cell character by character.
    static func normalizedHeader(_ text: String) -> String {
        if text.hasOneScalarPerCharacter {
            return String(scalars: normalized(Array(text.unicodeScalars), isWhitespace: \.isTableWhitespace))
        }
        return String(normalized(Array(text), isWhitespace: \.isWhitespace))
    }

    /// The steps of ``normalizedHeader(_:)`` on a cell's characters or scalars: white space dropped, then each mark
    /// removed in turn, then a trailing parenthesis cut from its first opening one.
    private static func normalized<Element: Equatable & ExpressibleByUnicodeScalarLiteral>(
        _ cell: [Element], isWhitespace: (Element) -> Bool) -> [Element] {
        var result = cell.filter { !isWhitespace($0) }
        let marks: [[Element]] = [["（", "A", "）"], ["(", "A", ")"], ["（", "B", "）"], ["(", "B", ")"]]
        for mark in marks {
            result = removing(mark, from: result)
        }
        if let open = result.firstIndex(where: { $0 == "（" || $0 == "(" }), let last = result.last, last == "）" || last == ")" {
            result.removeSubrange(open...)
        }
        return result
    }

    /// `elements` without the occurrences of `mark`, found left to right, none overlapping.
    private static func removing<Element: Equatable>(_ mark: [Element], from elements: [Element]) -> [Element] {
        guard let first = mark.first, elements.contains(first) else { return elements }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        var index = 0
        while index < elements.count {
            if elements[index] == first, index + mark.count <= elements.count,
               elements[index..<(index + mark.count)].elementsEqual(mark) {
                index += mark.count
            } else {
                result.append(elements[index])
                index += 1
            }
        }
        return result
    }
}
