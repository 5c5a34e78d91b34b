import Testing
@testable import PerformanceKit

/// The scanner and the writer find a string's end or escape eight bytes at a time (issue 13); the first byte the
/// word test marks must be the first byte that the plain test (`"`, `\`, below 0x20) names.
@Suite struct JSONScannerTests {
    static func plainFirstSpecial(_ bytes: [UInt8]) -> Int? {
        bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
    }

    static func wordFirstSpecial(_ bytes: [UInt8]) -> Int? {
        let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        let special = JSONScanner.specialBytes(word)
        return special == 0 ? nil : JSONScanner.firstSpecialOffset(special)
    }

    /// Every byte value at every place of a word, over backgrounds of ASCII, of CJK bytes, and of bytes that are
    /// special themselves (where borrows could mark a later byte falsely).
    @Test func marksTheFirstSpecialByteOfAWord() {
        let backgrounds: [[UInt8]] = [Array("abcdefgh".utf8), Array("指标成".utf8).prefix(8).map { $0 },
                                      [0x21, 0x23, 0x5B, 0x5D, 0x20, 0x7F, 0x80, 0xFF], [0, 0, 0, 0, 0, 0, 0, 0],
                                      [0x1F, 0x22, 0x5C, 0x01, 0x00, 0x1F, 0x22, 0x5C]]
        for background in backgrounds {
            for place in 0..<8 {
                for value in 0...255 {
                    var bytes = background
                    bytes[place] = UInt8(value)
                    #expect(Self.wordFirstSpecial(bytes) == Self.plainFirstSpecial(bytes), "\(bytes)")
                    // And with the rest after the place ordinary, so that only this byte can be special.
                    var alone = Array("abcdefgh".utf8)
                    alone[place] = UInt8(value)
                    #expect(Self.wordFirstSpecial(alone) == Self.plainFirstSpecial(alone), "\(alone)")
                }
            }
        }
    }

    /// Strings of every length around a word's, with the end or an escape at every place, read whole.
    @Test func readsStringsWhateverTheirLength() throws {
        for length in 0..<20 {
            for escapeAt in [nil] + Array(0..<length).map(Optional.some) {
                var expected = ""
                var json = "\""
                for place in 0..<length {
                    let character: Character = place % 3 == 0 ? "指" : "a"
                    if place == escapeAt {
                        json += "\\n"
                        expected += "\n"
                    } else {
                        json.append(character)
                        expected.append(character)
                    }
                }
                json += "\" "
                let bytes = Array(json.utf8)
                let read = try bytes.withUnsafeBufferPointer { buffer in
                    var scanner = JSONScanner(buffer)
                    return try scanner.readString()
                }
                #expect(read == expected, "\(json)")
            }
        }
    }
}
