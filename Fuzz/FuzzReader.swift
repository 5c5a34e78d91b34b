// libFuzzer harness for the evaluation reader and the scorer (scripts/fuzz): any bytes either fail with an
// EvaluationFileError or give score cards whose figures keep their invariants, read as a file's one evaluation, as
// the elements of an array (EvaluationReader.readArray) and as JSON Lines (EvaluationReader.readLines).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let card = try? Evaluator().evaluate(bytes) { check(card) }
    for case .success(let read) in ((try? EvaluationReader().readArray(bytes)) ?? nil) ?? [] {
        if let card = try? Evaluator().evaluate(read.evaluation) { check(card) }
    }
    // Read as JSON Lines when a line starts with an object, as in the seed of four lines: every line of a
    // pretty-printed seed read as a document of its own would take most of the harness's time.
    guard zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x0A && $1 == UInt8(ascii: "{") }) else { return 0 }
    for case (_, .success(let read)) in EvaluationReader().readLines(bytes) {
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
