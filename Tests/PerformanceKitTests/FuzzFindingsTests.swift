import Foundation
import Testing
@testable import PerformanceKit

/// Inputs the fuzzer (scripts/fuzz) found, kept as regression tests.
@Suite("Fuzzer findings")
struct FuzzFindingsTests {
    /// `55万\tӚ\r\r/-5万\tӚ\r\r/\r5万\r\rM`: white space inside a compound value read once, printed without it, and
    /// read differently the second time.
    @Test func readsBackACompoundValueWithWhiteSpaceInside() throws {
        let text = "55万\tӚ\r\r/-5万\tӚ\r\r/\r5万\r\rM"
        if let value = try? IndicatorValue(parsing: text) {
            #expect(try IndicatorValue(parsing: value.description) == value, "\(value.description.debugDescription)")
        }
    }
}
