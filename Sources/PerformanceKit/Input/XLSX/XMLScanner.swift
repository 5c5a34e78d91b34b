/// The elements and text of an XML document (UTF-8), one event at a time, as SpreadsheetML needs them: names without
/// their namespace prefix (`x:c` is `c`), attributes, text with the five named entities, character references and
/// CDATA sections resolved. Declarations, comments and processing instructions are skipped; a document type
/// declaration is refused, so that no entity of the document's own is ever expanded.
///
/// ```swift
/// var scanner = XMLScanner(bytes)
/// while let event = try scanner.next() { … }
/// ```
struct XMLScanner {
    /// Why the document cannot be read, with the byte offset where it went wrong.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) (at byte \(offset))" }
    }

    /// One thing in the document.
    enum Event: Equatable {
        /// `<name a="1">` or `<name/>` (then `isEmpty`).
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        /// `</name>`.
        case end(name: String)
        /// Text between tags, entities resolved.
        case text(String)
    }

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next event, or `nil` at the end of the document.
    mutating func next() throws(Failure) -> Event? {
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                return .text(try Self.resolve(bytes[start..<position], at: start))
            }
            if matches("<!--") {
                try skip(past: "-->")
                continue
            }
            if matches("<![CDATA[") {
                let start = position + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self))
            }
            if matches("<?") {
                try skip(past: "?>")
                continue
            }
            if matches("<!") { throw Failure(offset: position, reason: "a document type declaration, which a workbook never holds") }
            return try tag()
        }
        return nil
    }

    /// The text up to the end of the current element, its children's text included; the element's end is consumed.
    mutating func text(of element: String) throws(Failure) -> String {
        var result = ""
        var depth = 0
        while let event = try next() {
            switch event {
            case .text(let text): result += text
            case .start(_, _, let isEmpty): if !isEmpty { depth += 1 }
            case .end:
                if depth == 0 { return result }
                depth -= 1
            }
        }
        throw Failure(offset: position, reason: "the document ends inside <\(element)>")
    }

    /// Skips the rest of the current element, its end included.
    mutating func skipElement(_ element: String) throws(Failure) {
        _ = try text(of: element)
    }

    func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != pointer[offset] { return false }
        return true
    }

    mutating func skip(past literal: StaticString) throws(Failure) {
        let start = position
        while position < bytes.count {
            if matches(literal) {
                position += literal.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw Failure(offset: start, reason: "an unterminated markup")
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A start or end tag, `position` at its `<`.
    mutating func tag() throws(Failure) -> Event {
        let start = position
        position += 1
        let isEnd = position < bytes.count && bytes[position] == UInt8(ascii: "/")
        if isEnd { position += 1 }
        let name = readName()
        guard !name.isEmpty else { throw Failure(offset: start, reason: "a tag without a name") }
        var attributes: [String: String] = [:]
        while true {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { throw Failure(offset: start, reason: "an unterminated tag <\(name)") }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                return isEnd ? .end(name: name) : .start(name: name, attributes: attributes, isEmpty: false)
            }
            if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">"), !isEnd {
                position += 2
                return .start(name: name, attributes: attributes, isEmpty: true)
            }
            let attribute = readName()
            guard !attribute.isEmpty else { throw Failure(offset: position, reason: "an unexpected character in <\(name)>") }
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw Failure(offset: position, reason: "attribute \(attribute) of <\(name)> has no value")
            }
            position += 1
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw Failure(offset: position, reason: "attribute \(attribute) of <\(name)> is not quoted")
            }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote { position += 1 }
            guard position < bytes.count else { throw Failure(offset: valueStart, reason: "an unterminated attribute value") }
            attributes[attribute] = try Self.resolve(bytes[valueStart..<position], at: valueStart)
            position += 1
        }
    }

    /// A name, its prefix dropped (`r:id` → `id`, `xml:space` → `space`).
    mutating func readName() -> String {
        var start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
            position += 1
            if byte == UInt8(ascii: ":") { start = position }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#10;` and `&#x4E00;` resolved.
    static func resolve(_ slice: ArraySlice<UInt8>, at offset: Int) throws(Failure) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&") else {
                result.append(byte)
                index += 1
                continue
            }
            guard let semicolon = slice[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 10 else {
                throw Failure(offset: offset + index - slice.startIndex, reason: "an unterminated entity")
            }
            let name = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "amp": result.append(UInt8(ascii: "&"))
            case "lt": result.append(UInt8(ascii: "<"))
            case "gt": result.append(UInt8(ascii: ">"))
            case "quot": result.append(UInt8(ascii: "\""))
            case "apos": result.append(UInt8(ascii: "'"))
            default:
                let scalar: Unicode.Scalar?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
                guard let scalar else {
                    throw Failure(offset: offset + index - slice.startIndex, reason: "an unknown entity &\(name);")
                }
                result.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = semicolon + 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
