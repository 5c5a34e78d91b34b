/// The short report of `perfscore verify`: whether the printed figures agree, and each difference with its kind.
package enum VerificationReport {
    /// One line when everything agrees; else a line per difference, with its kind, its path and the delta, and
    /// a line per figure that could not be compared.
    package static func text(_ verification: Verification?, file: String) -> String {
        guard let verification else { return "\(file): no printed figures to verify\n" }
        let tolerance = "tolerance \(verification.tolerance.plainText)"
        if verification.agrees {
            return "\(file): agrees: all \(verification.compared) printed figures match the rule (\(tolerance))\n"
        }
        let lines = ["\(file): \(counts(verification)) (\(tolerance))"] + details(verification)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 of 5 printed figures differ, 1 not compared`, and whether the table's points add up, for a verification
    /// that does not agree.
    static func counts(_ verification: Verification, noun: String = "printed figures ") -> String {
        var text = "\(verification.differing) of \(verification.compared) \(noun)differ"
        let notCompared = verification.notComparedCount
        if notCompared > 0 {
            text += ", \(notCompared) not compared"
        }
        if verification.differences.count > verification.differing + notCompared {
            text += ", and the table's points do not add up to the rule's"
        }
        return text
    }

    /// A line per difference: `  rule indicators[0].published: …`, `  not compared published.total: printed 95; …`.
    static func details(_ verification: Verification) -> [String] {
        verification.differences.map { difference in
            difference.kind == .notCompared
                ? "  not compared \(difference.path): printed \(difference.printed.plainText); \(difference.message)"
                : "  \(difference.kind.rawValue) \(difference.path): \(difference.message)"
        }
    }
}
