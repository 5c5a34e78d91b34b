/// How many terminal columns text takes: CJK ideographs, full-width forms and most symbols of East Asian tables
/// take two, ASCII one. Enough for aligning a self-evaluation table in a terminal.
package enum DisplayWidth {
    /// The column width of `text`.
    package static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += of(scalar)
        }
        return width
    }

    /// The column width of one scalar: 0 for combining marks, 2 for wide East Asian forms, 1 otherwise.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD, 0x2460...0x24FF, 0x3251...0x325F:
            return 2
        default:
            return 1
        }
    }

    /// `text` padded with spaces to `width` columns (left-aligned), or cut with `…` when it is wider.
    package static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        var shown = text
        var shownWidth = of(text)
        if shownWidth > width {
            // Whole characters while they fit beside the `…` (one column), their widths summed as they are taken.
            var cut = ""
            var cutWidth = 0
            for character in text {
                let characterWidth = character.unicodeScalars.reduce(0) { $0 + of($1) }
                if cutWidth + characterWidth > width - 1 { break }
                cut.append(character)
                cutWidth += characterWidth
            }
            shown = cut + "…"
            shownWidth = cutWidth + 1
        }
        let padding = String(repeating: " ", count: max(0, width - shownWidth))
        return alignRight ? padding + shown : shown + padding
    }
}
