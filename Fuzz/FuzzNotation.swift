// libFuzzer harness for the target/actual notation reader (scripts/fuzz). Compiled together with the library's
// sources; a crash, a hang or a broken invariant is a finding.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotation(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let value = try? IndicatorValue(parsing: text) else { return 0 }
    // Printing a value and reading it again gives the same value.
    guard let again = try? IndicatorValue(parsing: value.description), again == value else {
        fatalError("round trip broken: \(text.debugDescription) → \(value.description.debugDescription)")
    }
    return 0
}
