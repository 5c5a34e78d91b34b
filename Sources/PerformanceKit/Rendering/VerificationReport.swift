/// The short report of `perfscore verify`: whether the printed figures agree, and each difference with its kind.
package enum VerificationReport {
    /// One line when everything agrees; else a line per difference, with its kind, its path and the delta.
    package static func text(_ verification: Verification?, file: String) -> String {
        guard let verification else { return "\(file): no printed figures to verify\n" }
        let tolerance = "tolerance \(verification.tolerance.plainText)"
        if verification.agrees {
            return "\(file): agrees: all \(verification.compared) printed figures match the rule (\(tolerance))\n"
        }
        var lines = ["\(file): \(verification.differences.count) of \(verification.compared) printed figures differ (\(tolerance))"]
        for difference in verification.differences {
            lines.append("  \(difference.kind.rawValue) \(difference.path): \(difference.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
