// libFuzzer harness for the disclosure reader (scripts/fuzz): any text is either refused with a reason or read
// into tables, each of which scores or says why, and the same bytes give the same tables again. The same text is
// also read as a `.txt` is (a disclosure, else a table saved with tabs) and as CSV and TSV, stacked tables and all.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDisclosure(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for form: TableReader.Form in [.disclosure(file: "fuzz.txt"), .delimited(.tab), .delimited(.comma)] {
        for table in (try? TableReader(requiresActuals: false).readTables(bytes, form: form)) ?? [] {
            _ = Scorer(profile: .wuhan2023).score(table.result.evaluation)
        }
    }
    guard let tables = try? DisclosureReader().read(bytes, file: "fuzz.txt") else { return 0 }
    for table in tables {
        if table.lines.lowerBound > table.lines.upperBound { fatalError("table \(table.label) ends before it starts") }
        if case .success(let result) = table.result { _ = Scorer(profile: .wuhan2023).score(result.evaluation) }
    }
    let again = (try? DisclosureReader().read(bytes, file: "fuzz.txt"))?.map(\.label)
    if again != tables.map(\.label) { fatalError("two readings differ") }
    return 0
}
