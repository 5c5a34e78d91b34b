/// Writes JSON text as bytes, straight from values: the one JSON writer of the library.
///
/// Members stay in the order they are written, numbers are written from their digits, strings are escaped here
/// (quotes, backslashes and control characters; everything else as is). With an indent, each member and element
/// stands on a line of its own (`"key": value`); with none, everything is on one line (`"key":value`), as JSON
/// Lines results are.
///
/// ```swift
/// var out = JSONOutput(indent: 2)
/// out.beginObject()
/// out.key("total"); out.number(total)
/// out.endObject()
/// ```
package struct JSONOutput {
    /// The text written so far.
    package var bytes: [UInt8]
    /// Spaces per level; 0 writes everything on one line.
    let indent: Int
    /// How many containers are open.
    private var depth = 0
    /// Whether the innermost open container holds nothing yet (kept apart from the stack below: every member and
    /// element asks).
    private var innermostEmpty = true
    /// The same for each open container around the innermost, outermost first.
    private var outerEmpty: [Bool] = []
    /// A key was just written; the value follows without a separator.
    private var afterKey = false
    /// Where strings written through a renderer are put together before they are escaped, reused.
    private var scratch: [UInt8] = []

    /// A writer that appends to `buffer`, keeping what it holds.
    init(indent: Int, appendingTo buffer: [UInt8]) {
        bytes = buffer
        self.indent = indent
    }

    package init(indent: Int = 2, reusing buffer: [UInt8] = []) {
        var buffer = buffer
        buffer.removeAll(keepingCapacity: true)
        bytes = buffer
        self.indent = indent
        outerEmpty.reserveCapacity(8)
    }

    /// The text as a `String`.
    package var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Structure

    /// Before a value: the comma and line break of an array element (a member's key has written them already).
    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !innermostEmpty { bytes.append(UInt8(ascii: ",")) }
        innermostEmpty = false
        newline(depth)
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        beforeValue()
        bytes.append(bracket)
        if depth > 0 { outerEmpty.append(innermostEmpty) }
        innermostEmpty = true
        depth += 1
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = innermostEmpty
        depth -= 1
        innermostEmpty = depth > 0 ? outerEmpty.removeLast() : true
        if !wasEmpty { newline(depth) }
        bytes.append(bracket)
    }

    @inline(__always)
    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        bytes.append(0x0A)
        for _ in 0..<(level * indent) { bytes.append(0x20) }
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { open(UInt8(ascii: "[")) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key: `"total": ` (or `"total":` on one line).
    mutating func key(_ name: StaticString) {
        memberStart()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        memberEnd()
    }

    /// A member's key that is not known in advance (a category's name, an unknown field).
    mutating func key(named name: String) {
        memberStart()
        appendQuoted(name)
        memberEnd()
    }

    @inline(__always)
    private mutating func memberStart() {
        if !innermostEmpty { bytes.append(UInt8(ascii: ",")) }
        innermostEmpty = false
        newline(depth)
    }

    @inline(__always)
    private mutating func memberEnd() {
        bytes.append(UInt8(ascii: ":"))
        if indent > 0 { bytes.append(0x20) }
        afterKey = true
    }

    // MARK: - Values

    mutating func string(_ text: String) {
        beforeValue()
        appendQuoted(text)
    }

    /// A string given as its UTF-8 bytes, escaped.
    mutating func string(bytes text: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        appendQuoted(buffer: text)
    }

    /// A string written from its bytes through `render` (an explanation put into words), escaped.
    mutating func string(rendering render: (inout [UInt8]) -> Void) {
        beforeValue()
        var text = scratch
        scratch = []
        text.removeAll(keepingCapacity: true)
        render(&text)
        appendQuoted(bytes: text)
        scratch = text
    }

    mutating func number(_ value: ExactDecimal) {
        beforeValue()
        value.appendText(to: &bytes)
    }

    mutating func number(_ value: Int) {
        beforeValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number given as its literal text (a JSON number carried as written).
    mutating func number(literal: String) {
        beforeValue()
        bytes.append(contentsOf: literal.utf8)
    }

    mutating func null() {
        beforeValue()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    /// A value held as a tree.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let literal): number(literal: literal)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(named: member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    /// A value carried as the bytes it was read from, laid out as this writer lays out values; as it was, when the
    /// bytes are not JSON (they always are when they come from the reader).
    mutating func value(raw: RawJSON) {
        let tree = try? JSONScanner.document(raw.bytes) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in try scanner.readTree() }
        if let tree {
            value(tree)
        } else {
            beforeValue()
            bytes.append(contentsOf: raw.bytes)
        }
    }

    // MARK: - Escapes

    mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted(buffer: $0) }
    }

    mutating func appendQuoted(bytes text: [UInt8]) {
        text.withUnsafeBufferPointer { appendQuoted(buffer: $0) }
    }

    /// `"text"` with quotes, backslashes and control characters escaped, the rest as it is.
    mutating func appendQuoted(buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        let count = buffer.count
        while true {
            // To the next byte that needs an escape, eight bytes at a time, as the scanner finds a string's end.
            index = JSONScanner.firstSpecialByte(in: buffer, from: index)
            guard index < count else { break }
            let byte = buffer[index]
            index += 1
            let at = index - 1
            if at > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<at])) }
            bytes.append(0x5C)
            switch byte {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x0A: bytes.append(0x6E)
            case 0x0D: bytes.append(0x72)
            case 0x09: bytes.append(0x74)
            default:
                // \u00XX, the hex digits of the control character.
                func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
                bytes.append(0x75)
                bytes.append(0x30)
                bytes.append(0x30)
                bytes.append(hex(byte >> 4))
                bytes.append(hex(byte & 0x0F))
            }
            start = index
        }
        if start < buffer.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONOutput {
    /// One JSON document for one or more results: the result itself for one file, an array for several, ending in
    /// a newline.
    package static func document<Item>(_ items: [Item], files: Int, indent: Int = 2, _ write: (Item, inout JSONOutput) -> Void) -> String {
        var out = JSONOutput(indent: indent)
        if files == 1, items.count == 1 {
            write(items[0], &out)
        } else {
            out.beginArray()
            for item in items { write(item, &out) }
            out.endArray()
        }
        out.bytes.append(0x0A)
        return out.text
    }
}
