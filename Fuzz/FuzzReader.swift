// libFuzzer harness for the evaluation reader and the scorer (scripts/fuzz): any bytes either fail with an
// EvaluationFileError or give score cards whose figures keep their invariants, read as a file's one evaluation or,
// when they hold an array, as each of its elements (EvaluationReader.readArray).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let card = try? Evaluator().evaluate(bytes) { check(card) }
    guard let elements = (try? EvaluationReader().readArray(bytes)) ?? nil else { return 0 }
    for case .success(let read) in elements {
        if let card = try? Evaluator().evaluate(read.evaluation) { check(card) }
    }
    return 0
}

/// Stops the fuzzer when a score or the total leaves its bounds, or a report cannot be rendered.
func check(_ card: ScoreCard) {
    for row in card.indicators {
        if let score = row.score, score.isNegative || score > row.weight {
            fatalError("score \(score) outside 0…\(row.weight) at \(row.path)")
        }
    }
    if let total = card.total, total > card.maximum || total.isNegative {
        fatalError("total \(total) outside 0…\(card.maximum)")
    }
    for format in ReportFormat.allCases { _ = card.report(as: format) }
}
