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
        for length in 0..<30 {
            for escapeAt in [nil] + Array(0..<length).map(Optional.some) {
                var expected = ""
                var json = "\""
                for place in 0..<length {
                    let character: Character = place % 3 == 0 ? "指" : "a"
                    if let escapeAt, place == escapeAt || place == escapeAt + 9 {
                        // One escape, and a second one a run of plain bytes later.
                        json += place == escapeAt ? "\\n" : "\\\""
                        expected += place == escapeAt ? "\n" : "\""
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

/// The UTF-8 check reads sixteen bytes at a time (issue 13); it must name the first byte that Swift's own
/// validation refuses, wherever it stands in a block or across two.
@Suite struct UTF8ValidationTests {
    /// The plain definition: the first offset at which no valid scalar starts, as Swift's validation says.
    static func plainFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        next: while offset < bytes.count {
            for length in 1...4 where offset + length <= bytes.count {
                if let scalar = String(validating: bytes[offset..<offset + length], as: UTF8.self),
                   scalar.unicodeScalars.count == 1 {
                    offset += length
                    continue next
                }
            }
            return offset
        }
        return nil
    }

    /// Every lead byte that matters, with every second byte's class, at every place of the first three blocks and
    /// the bytes after them (blocks are checked two at a time, then one), among Chinese text and ASCII, and with
    /// continuation bytes after it; and random bytes, short and over several blocks.
    @Test func namesTheFirstBadByteAsSwiftDoes() {
        let text = Array("指标成本效益满意度".utf8)
        var cases: [[UInt8]] = []
        let leads: [UInt8] = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for place in 0..<53 {
            for lead in leads {
                for second in seconds {
                    var bytes = text + text
                    bytes[place] = lead
                    bytes[place + 1] = second
                    cases.append(bytes)
                    var ascii = Array("abcdefghijklmnopqrstuvwxyz".utf8) + text
                    ascii[place] = lead
                    cases.append(ascii)
                    // The lead followed by as many continuation bytes as it would take, among ASCII: only the lead's
                    // own rule (C0, C1, F5–FF never occur) or its second byte's range can find what is wrong.
                    var whole = Array(String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 3).utf8)
                    whole.replaceSubrange(place..<place + 4, with: [lead, second, 0x80, 0xBF])
                    cases.append(whole)
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<80, using: &generator)
            cases.append((0..<count).map { _ in [0xE6, 0x8C, 0x87, 0xED, 0x9F, 0xA0, 0x41, 0xF0, 0x90, 0x80][Int.random(in: 0..<10, using: &generator)] })
        }
        for bytes in cases {
            #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == Self.plainFirstInvalid(bytes), "\(bytes)")
        }
    }
}

@Suite("Bytes written (ByteBuffer)")
struct ByteBufferTests {
    /// Runs of every length from 0 to 40 (the short ones copied by overlapping words), appended after each other
    /// in a buffer that starts too small, read back as an array appending the same would hold.
    @Test func holdsWhatWasAppended() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for length in 0...40 {
            let run = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ length) }
            run.withUnsafeBufferPointer { buffer.append($0) }
            expected += run
            buffer.append(0xFF)
            expected.append(0xFF)
        }
        buffer.append("静态文本")
        expected += Array("静态文本".utf8)
        #expect(buffer.array == expected)
        #expect(buffer.count == expected.count)
        buffer.truncate(to: 5)
        #expect(buffer.array == Array(expected.prefix(5)))
        buffer.truncate(to: 0)
        #expect(buffer.array.isEmpty)
        buffer.append(utf8: String(-12_345) + "万元")
        #expect(buffer.text == "-12345万元")
    }

    /// A row's path written without making it is the path's own description, for every index a table may hold.
    @Test func writesARowsPathAsThePathDescribesItself() {
        for index in Array(0...1_000) + [9_999, 10_000, 123_456] {
            var written = ByteBuffer()
            JSONPath.appendIndicatorDescription(index, to: &written)
            var described = ByteBuffer()
            JSONPath.indicator(index).appendDescription(to: &described)
            #expect(written.text == JSONPath.indicator(index).description && described.text == written.text, "\(index)")
        }
    }

    /// Words put straight into the JSON writer's buffer are escaped when they hold a quote, a backslash or a line
    /// break, and written as they are otherwise.
    @Test func escapesRenderedWordsOnlyWhenTheyNeedIt() {
        for (words, written) in [("a × b = 2.45", "\"a × b = 2.45\""), ("said \"no\"\nthen", "\"said \\\"no\\\"\\nthen\""),
                                 ("", "\"\""), ("back\\slash", "\"back\\\\slash\"")] {
            var out = JSONOutput(indent: 0)
            out.beginArray()
            let start = out.beginRenderedString()
            out.buffer.write(string: words)
            out.endRenderedString(from: start)
            out.string(words)
            out.endArray()
            #expect(out.text == "[\(written),\(written)]", "\(words)")
        }
    }
}
