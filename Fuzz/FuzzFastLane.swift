// libFuzzer harness for the fast lane of batch scoring (scripts/fuzz): for any bytes taken as one JSON line, the
// fast lane and the ordinary path give the same outcome, byte for byte: the same result line, total, grade and
// funds, or the same error.
import Foundation

let fastBatch = BatchScorer(evaluator: Evaluator())
let ordinaryBatch: BatchScorer = {
    var batch = BatchScorer(evaluator: Evaluator())
    batch.usesFastLane = false
    return batch
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFastLane(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fast = fastBatch.scoreLine(bytes[...], lineNumber: 1)
    let ordinary = ordinaryBatch.scoreLine(bytes[...], lineNumber: 1)
    guard fast?.line == ordinary?.line, fast?.total == ordinary?.total, fast?.grade == ordinary?.grade,
          fast?.funds == ordinary?.funds, fast?.failed == ordinary?.failed else {
        fatalError("the fast lane and the ordinary path differ:\n\(fast?.line ?? "nil")\n\(ordinary?.line ?? "nil")")
    }
    return 0
}
