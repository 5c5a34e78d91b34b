import Foundation

/// Names that are not names (seed 001's reviewer: "部分指标名称实为指标解释"): a formula or a ratio written out, a
/// sentence or an over-long name, a name that carries its own target.
package struct IndicatorNameCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .nameIsFormula }
    /// What the check looks for.
    package var summary: String { "names are concise: no formula, no sentence, no target inside" }

    /// Longer names are reported (in characters; seed 001's reviewer objected to names of 28 and 41).
    package var longestName: Int

    /// Creates the check; names longer than `longestName` characters are reported.
    package init(longestName: Int = 25) {
        self.longestName = longestName
    }

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, indicator) in table.evaluation.indicators.enumerated() {
            let name = indicator.name.trimmingWhitespace
            let path = table.path(index).appending("name")
            if Self.isFormula(name) {
                findings.append(Diagnostic(.nameIsFormula, .warning,
                    "\"\(name.truncatedForMessage)\" is a definition, not a name: put the formula in the indicator's explanation",
                    at: path))
            } else if name.count > longestName || name.hasSuffix("。") {
                findings.append(Diagnostic(.nameTooLong, .note,
                    "the name has \(name.count) characters\(name.hasSuffix("。") ? " and is a sentence" : ""): name what is measured in a few words",
                    at: path))
            }
            if Self.carriesTarget(name) {
                findings.append(Diagnostic(.nameCarriesTarget, .warning,
                    "\"\(name.truncatedForMessage)\" carries a target in its name; move it to the target", at: path))
            }
        }
        return findings
    }

    /// A ratio written out (`A/（B+A）`, `事件数/总事件数`) or arithmetic signs between words.
    static func isFormula(_ name: String) -> Bool {
        let operators = "/÷＋+×＝="
        guard name.holdsAnyScalar(of: operators) else { return false }
        let characters = Array(name)
        for (offset, character) in characters.enumerated() where operators.contains(character) {
            let before = offset > 0 ? characters[offset - 1] : " "
            let after = offset + 1 < characters.count ? characters[offset + 1] : " "
            // Units such as 次/年 are not formulas: a formula has words on both sides, not a one-character unit.
            if before.isLetter, after.isLetter || after == "（" || after == "(" {
                let tail = characters[(offset + 1)...].prefix { $0.isLetter }
                if tail.count > 1 || after == "（" || after == "(" { return true }
            }
        }
        return false
    }

    /// A comparator followed by a digit inside the name: `高新技术企业≥500 家数量`.
    static func carriesTarget(_ name: String) -> Bool {
        let comparators = "≥≤≧≦＞＜<>"
        guard name.holdsAnyScalar(of: comparators) else { return false }
        let characters = Array(name)
        for (offset, character) in characters.enumerated() where comparators.contains(character) {
            var next = offset + 1
            while next < characters.count, characters[next] == " " { next += 1 }
            if next < characters.count, characters[next].isNumber { return true }
        }
        return false
    }
}
