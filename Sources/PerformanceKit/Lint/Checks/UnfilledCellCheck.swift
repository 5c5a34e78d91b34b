import Foundation

/// Cells that still hold the form's placeholder: `*`, `XXX`, `××`, `…`, `？` (the whole cell), or a run of two or
/// more `X` / `×` / `*` inside it (`XX项目`, `≥XX%`). They are unfilled cells, not targets or names: the finding
/// replaces what the other checks would say about such a cell.
package struct UnfilledCellCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .unfilledCell }
    /// What the check looks for.
    package var summary: String { "no cell still holds a placeholder (*, XXX, ××, …)" }

    /// Creates the check.
    package init() {}

    /// Characters a whole-cell placeholder is made of.
    static let fillers: Set<Character> = ["*", "＊", "X", "x", "Ｘ", "ｘ", "×", "…", ".", "。", "?", "？", "_", "＿", "-", "—"]
    /// The scalars of ``fillers`` (``markers`` are among them): a cell with none of them holds no placeholder.
    static let fillerScalars = String(fillers)
    /// Characters whose run of two or more inside a cell is a placeholder.
    static let markers: Set<Character> = ["*", "＊", "X", "x", "Ｘ", "ｘ", "×"]

    /// Whether `text` is, or holds, a template placeholder. A single `x` between figures (`7x24小时`) is not one,
    /// and neither are dashes alone (`—`, `-`: the form's "not applicable").
    static func isPlaceholder(_ text: String) -> Bool {
        // Most cells hold none of the characters: settled by their scalars, before any character is hashed.
        guard text.holdsAnyScalar(of: fillerScalars) else { return false }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return false }
        if trimmed.allSatisfy(fillers.contains), !trimmed.allSatisfy({ $0 == "-" || $0 == "—" }) { return true }
        var run = 0
        for character in trimmed {
            run = markers.contains(character) ? run + 1 : 0
            if run >= 2 { return true }
        }
        return false
    }

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let evaluation = table.evaluation
        for (field, label, value) in [("title", "项目名称", evaluation.title), ("agency", "主管部门 / 单位名称", evaluation.agency)] {
            if let value, Self.isPlaceholder(value) {
                findings.append(Self.finding(label, value, at: JSONPath.root.appending(field)))
            }
        }
        for (index, indicator) in evaluation.indicators.enumerated() {
            let cells: [(String, String, String?)] = [("name", "the name", indicator.name), ("target", "the target", indicator.target),
                                                      ("actual", "the actual", indicator.actual), ("reason", "the reason", indicator.reason)]
            for (field, label, value) in cells {
                guard let value, Self.isPlaceholder(value) else { continue }
                findings.append(Self.finding(label, value, at: table.path(index).appending(field)))
            }
        }
        return findings
    }

    static func finding(_ label: String, _ value: String, at path: JSONPath) -> Diagnostic {
        Diagnostic(.unfilledCell, .error,
                   "\(label) \"\(value.trimmingWhitespace)\" is the form's placeholder: the cell was not filled in", at: path)
    }
}
