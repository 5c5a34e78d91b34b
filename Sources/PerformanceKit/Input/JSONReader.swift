/// Reads JSON text into ``JSONValue`` without losing a digit.
///
/// A small hand-written reader rather than `JSONSerialization`: numbers stay as their literal text (exact decimals),
/// object members keep their order and their position in the file, nesting is bounded, and every syntax error
/// says what was expected, what was found and where.
public struct JSONReader: Sendable {
    /// The deepest nesting of arrays and objects accepted; deeper input is refused instead of exhausting the stack.
    public static let maximumDepth = 512

    /// Creates a reader.
    public init() {}

    /// Parses one JSON document.
    ///
    /// - Parameter bytes: UTF-8 text; a leading byte-order mark is skipped.
    /// - Returns: the value, with each object member's byte offset recorded.
    /// - Throws: ``EvaluationFileError`` with one `notUTF8`, `syntax` or `nestingTooDeep` problem.
    public func read(_ bytes: [UInt8]) throws(EvaluationFileError) -> JSONValue {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw EvaluationFileError(problems: [
                .notUTF8(byteOffset: bad, location: TextLocation(offset: bad, in: bytes))
            ])
        }
        var cursor = Cursor(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { cursor.index = 3 }
        do throws(EvaluationFileError.Problem) {
            cursor.skipWhitespace()
            let value = try cursor.readValue(depth: 0)
            cursor.skipWhitespace()
            if cursor.index < bytes.count {
                throw cursor.syntaxError(expected: "the end of the file")
            }
            return value
        } catch let problem {
            throw EvaluationFileError(problems: [problem])
        }
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func syntaxError(expected: String) -> EvaluationFileError.Problem {
            .syntax(expected: expected, found: foundDescription, location: TextLocation(offset: index, in: bytes))
        }

        var foundDescription: String {
            guard index < bytes.count else { return "the end of the file" }
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            switch text {
            case "\n": return "a line break"
            case "\t": return "a tab"
            default: return "'\(text)'"
            }
        }

        mutating func readValue(depth: Int) throws(EvaluationFileError.Problem) -> JSONValue {
            guard index < bytes.count else { throw syntaxError(expected: "a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
            case UInt8(ascii: "["): return try readArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try readString())
            case UInt8(ascii: "t"): try readKeyword("true"); return .bool(true)
            case UInt8(ascii: "f"): try readKeyword("false"); return .bool(false)
            case UInt8(ascii: "n"): try readKeyword("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
            default: throw syntaxError(expected: "a value (an object, array, string, number, true, false or null)")
            }
        }

        mutating func readKeyword(_ word: StaticString) throws(EvaluationFileError.Problem) {
            let count = word.utf8CodeUnitCount
            let matches = word.withUTF8Buffer { expected in
                index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
            }
            guard matches else { throw syntaxError(expected: "a value") }
            index += count
        }

        mutating func readObject(depth: Int) throws(EvaluationFileError.Problem) -> JSONValue {
            guard depth <= JSONReader.maximumDepth else {
                throw .nestingTooDeep(limit: JSONReader.maximumDepth, location: TextLocation(offset: index, in: bytes))
            }
            index += 1
            var members: [JSONValue.Member] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw syntaxError(expected: "a key in double quotes")
                }
                let keyOffset = index
                let key = try readString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw syntaxError(expected: "':' after the key \"\(key.truncatedForMessage)\"")
                }
                index += 1
                skipWhitespace()
                let value = try readValue(depth: depth)
                members.append(JSONValue.Member(key: key, value: value, offset: keyOffset))
                skipWhitespace()
                guard index < bytes.count else { throw syntaxError(expected: "',' or '}'") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                } else {
                    throw syntaxError(expected: "',' or '}'")
                }
            }
        }

        mutating func readArray(depth: Int) throws(EvaluationFileError.Problem) -> JSONValue {
            guard depth <= JSONReader.maximumDepth else {
                throw .nestingTooDeep(limit: JSONReader.maximumDepth, location: TextLocation(offset: index, in: bytes))
            }
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try readValue(depth: depth))
                skipWhitespace()
                guard index < bytes.count else { throw syntaxError(expected: "',' or ']'") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                } else {
                    throw syntaxError(expected: "',' or ']'")
                }
            }
        }

        mutating func readString() throws(EvaluationFileError.Problem) -> String {
            index += 1  // opening quote
            var start = index
            var pieces: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    pieces.append(contentsOf: bytes[start..<index])
                    index += 1
                    return String(decoding: pieces, as: UTF8.self)
                }
                if byte < 0x20 {
                    throw syntaxError(expected: "a closing '\"' (control characters must be escaped inside strings)")
                }
                if byte == UInt8(ascii: "\\") {
                    pieces.append(contentsOf: bytes[start..<index])
                    index += 1
                    try readEscape(into: &pieces)
                    start = index
                    continue
                }
                index += 1
            }
            throw syntaxError(expected: "a closing '\"'")
        }

        mutating func readEscape(into pieces: inout [UInt8]) throws(EvaluationFileError.Problem) {
            guard index < bytes.count else { throw syntaxError(expected: "an escape after '\\'") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): pieces.append(0x22)
            case UInt8(ascii: "\\"): pieces.append(0x5C)
            case UInt8(ascii: "/"): pieces.append(0x2F)
            case UInt8(ascii: "b"): pieces.append(0x08)
            case UInt8(ascii: "f"): pieces.append(0x0C)
            case UInt8(ascii: "n"): pieces.append(0x0A)
            case UInt8(ascii: "r"): pieces.append(0x0D)
            case UInt8(ascii: "t"): pieces.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { throw syntaxError(expected: "the low half of a surrogate pair (\\uDC00-\\uDFFF)") }
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw syntaxError(expected: "the low half of a surrogate pair (\\uDC00-\\uDFFF)")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw syntaxError(expected: "a Unicode scalar (a lone surrogate cannot stand alone)")
                }
                pieces.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                index -= 1
                throw syntaxError(expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
            }
        }

        mutating func readHex4() throws(EvaluationFileError.Problem) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard index < bytes.count else { throw syntaxError(expected: "four hexadecimal digits after \\u") }
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw syntaxError(expected: "four hexadecimal digits after \\u")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func readNumber() throws(EvaluationFileError.Problem) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) {
                    throw syntaxError(expected: "'.' or the end of the number (JSON numbers have no leading zeros)")
                }
            } else {
                skipDigits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit after '.'") }
                skipDigits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit in the exponent") }
                skipDigits()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
    }
}

extension TextLocation {
    /// The line and column (in characters) of a byte offset in UTF-8 text.
    init(offset: Int, in bytes: [UInt8]) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[0..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column)
    }
}

/// Finds the first byte that breaks UTF-8, so that the error can point at it.
enum UTF8Validation {
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
