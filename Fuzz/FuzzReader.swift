// libFuzzer harness for the evaluation reader and the scorer (scripts/fuzz): any bytes either fail with an
// EvaluationFileError or give a score card whose figures keep their invariants.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let card = try? Evaluator().evaluate(bytes) else { return 0 }
    for row in card.indicators {
        if let score = row.score, score.isNegative || score > row.weight {
            fatalError("score \(score) outside 0…\(row.weight) at \(row.path)")
        }
    }
    if let total = card.total, total > card.maximum || total.isNegative {
        fatalError("total \(total) outside 0…\(card.maximum)")
    }
    for format in ReportFormat.allCases { _ = card.report(as: format) }
    return 0
}
