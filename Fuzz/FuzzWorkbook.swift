// libFuzzer harness for the .xlsx readers (scripts/fuzz): any bytes are either refused with a reason or read.
// The first byte picks the layer, so that the fuzzer reaches each one directly: raw DEFLATE, a ZIP archive, or a
// whole workbook through the table reader.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 3 {
    case 0:
        // Output never passes the limit; whatever it gives, the same bytes give it again.
        let first = try? Inflater.inflate(bytes[...], limit: 1 << 20)
        if let first, first.count > 1 << 20 { fatalError("inflated \(first.count) bytes past the limit") }
        if first != (try? Inflater.inflate(bytes[...], limit: 1 << 20)) { fatalError("two inflations differ") }
    case 1:
        guard let archive = try? ZipArchive(bytes) else { return 0 }
        for name in archive.entries.keys.sorted().prefix(16) {
            if let contents = try? archive.contents(of: name, limit: 1 << 20), contents.count > 1 << 20 {
                fatalError("entry \(name) read past the limit")
            }
        }
    default:
        guard let tables = try? TableReader(requiresActuals: false).readWorkbook(bytes) else { return 0 }
        for table in tables { _ = Scorer(profile: .wuhan2023).score(table.result.evaluation) }
    }
    return 0
}
