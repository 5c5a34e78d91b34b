import Testing
@testable import PerformanceKit

/// Trimming and folding read a string's bytes for speed (issue 13); they must say what the plain reading of
/// their definitions says: Unicode's white space off both ends, full-width ASCII forms and U+3000 to half-width.
@Suite struct TextTests {
    /// Every white space the tables use, and neighbours that are not white space but share its bytes' ranges.
    static let spaces: [String] = ["\t", "\n", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}",
                                   "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}"]
    static let notSpaces: [String] = ["万", "亿", "月", "a", "9", "%", "\u{200B}", "\u{2060}", "\u{3001}", "（", "）", "，", "１",
                                      "\u{FF5E}", "\u{FF5F}", "😀", "é"]

    /// The definitions, read plainly, scalar by scalar.
    static func plainTrim(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first.isTableWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isTableWhitespace { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func plainFold(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in plainTrim(text).unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: view.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: view.append(" ")
            default: view.append(scalar)
            }
        }
        return String(view)
    }

    static var texts: [String] {
        var texts = ["", "指标", "完成1部宣传片，2套方案", "≥80,000㎡", "２０２３－０６－３０"]
        for space in spaces {
            for word in notSpaces {
                texts += [space + word, word + space, space + word + space, word + space + word, space, space + space]
            }
        }
        for word in notSpaces {
            for other in notSpaces { texts.append(word + other) }
        }
        return texts
    }

    @Test func trimsAsTheDefinitionSays() {
        for text in Self.texts {
            #expect(text.trimmingWhitespace == Self.plainTrim(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func foldsAsTheDefinitionSays() {
        for text in Self.texts {
            #expect(TextValue.folded(text) == Self.plainFold(text), "\(Array(text.unicodeScalars))")
        }
        #expect(TextValue.folded("完成1部宣传片，2套方案") == "完成1部宣传片,2套方案")
    }

    /// Bytes are compared a word at a time with overlapping loads: every length from 0 to 40, equal, and with one
    /// byte changed at each place (a low bit or a high one), says what comparing the arrays says.
    @Test func comparesBytesAsTheArraysCompare() {
        for count in 0...40 {
            let a = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            a.withUnsafeBufferPointer { left in
                #expect(Array(a).withUnsafeBufferPointer { memcmpEqual(left.baseAddress, $0.baseAddress, count) }, "\(count)")
                for place in 0..<count {
                    for flip: UInt8 in [0x01, 0x80] {
                        var b = a
                        b[place] ^= flip
                        #expect(!b.withUnsafeBufferPointer { memcmpEqual(left.baseAddress, $0.baseAddress, count) }, "\(count) \(place)")
                    }
                }
            }
        }
    }

    /// The byte-prefix test compares in place (issue 13); it must say what comparing the byte arrays says.
    @Test func findsBytePrefixesAsTheDefinitionSays() {
        let prefixes = ["", "万", "万亿", "亿", "%", "%/", "全年未发生", "无", "a", "abcdefghij", "指标成本效益"]
        for text in Self.texts + ["万元", "万亿元", "亿", "%/年", "全年未发生安全事故", "abcdefghijk", "指标成本效益满意度"] {
            for prefix in prefixes {
                #expect(text.utf8.startsBytes(with: prefix) == Array(text.utf8).starts(with: Array(prefix.utf8)),
                        "\(text) \(prefix)")
            }
        }
    }
}
