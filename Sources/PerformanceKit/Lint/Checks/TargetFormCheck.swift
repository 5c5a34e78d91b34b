import Foundation

/// The form of each target: readable, not empty, one figure with a unit, a rate not above 100 % nor written as a
/// fraction.
package struct TargetFormCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .malformedTarget }
    /// What the check looks for.
    package var summary: String { "targets readable and not empty; one figure with a unit; rates not above 100 % nor fractions" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, indicator) in table.evaluation.indicators.enumerated() {
            let path = table.path(index).appending("target")
            // A placeholder (`≥XX%`) is an unfilled cell (UnfilledCellCheck), not a malformed target.
            if UnfilledCellCheck.isPlaceholder(indicator.target) { continue }
            // A deadline (2024年12月底前) or an on-time target (按时完成) is read by the deadline rule, not as a figure.
            if Deadline.saysOnTime(indicator.target) || Deadline.target(of: indicator) != nil { continue }
            let value: IndicatorValue
            switch table.targets[index] {
            case .failure(let error):
                findings.append(Diagnostic(.unreadableValue, .error, error.summary, at: path))
                continue
            case .success(let parsed):
                value = parsed
            }
            switch value {
            case .empty:
                findings.append(Diagnostic(.emptyTarget, .error, "the target is empty", at: path))
            case .text:
                continue
            case .measure(let measure):
                findings += measureFindings(measure, indicator: indicator, path: path)
            }
        }
        return findings
    }

    func measureFindings(_ measure: IndicatorValue.Measure, indicator: Indicator, path: JSONPath) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if let label = measure.label {
            findings.append(Diagnostic(.malformedTarget, .warning,
                "\"\(indicator.target)\" has words before its figure (\(label)); write the figure alone", at: path))
        }
        if !measure.alongside.isEmpty {
            findings.append(Diagnostic(.malformedTarget, .warning,
                "\"\(indicator.target)\" states \(measure.alongside.count + 1) figures in one target; split it into indicators",
                at: path))
        }
        let unit = measure.quantity.unit ?? indicator.unit
        let isRate = indicator.name.hasSuffix("率") || indicator.name.utf8.containsBytes(of: "率（") || indicator.name.utf8.containsBytes(of: "率(")
        if unit == nil {
            if isRate, measure.quantity.value <= 1, measure.quantity.value > .zero {
                findings.append(Diagnostic(.rateAsFraction, .warning,
                    "\(indicator.name) is a rate but its target \(indicator.target) is a fraction; write it as a percentage (\(measure.quantity.value.percentText)%)",
                    at: path))
            } else {
                findings.append(Diagnostic(.missingUnit, .warning,
                    "the target \(indicator.target) has no unit, and the row gives none", at: path))
            }
        }
        let growth = ["增长", "增幅", "增速", "提高", "同比", "环比"].contains { indicator.name.utf8.containsBytes(of: $0) }
        if unit == "%", measure.quantity.value > 100, !growth {
            findings.append(Diagnostic(.rateAbove100, .error,
                "\(indicator.target) is above 100 %: a share cannot exceed the whole", at: path))
        }
        return findings
    }
}
