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
package struct JSONOutput: ~Copyable {
    /// The text written so far.
    package var buffer: ByteBuffer
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

    /// A writer with room for `capacity` bytes to begin with.
    package init(indent: Int = 2, capacity: Int = 1024) {
        buffer = ByteBuffer(capacity: capacity)
        self.indent = indent
        outerEmpty.reserveCapacity(8)
    }

    /// The text written, as bytes.
    package var bytes: [UInt8] {
        buffer.array
    }

    /// The text as a `String`.
    package var text: String {
        buffer.text
    }

    /// Appends a byte as it is, outside any structure (the newline between JSON Lines).
    package mutating func raw(_ byte: UInt8) {
        buffer.append(byte)
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
        if !innermostEmpty { buffer.append(UInt8(ascii: ",")) }
        innermostEmpty = false
        newline(depth)
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        beforeValue()
        buffer.append(bracket)
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
        buffer.append(bracket)
    }

    @inline(__always)
    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        buffer.append(0x0A)
        for _ in 0..<(level * indent) { buffer.append(0x20) }
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { open(UInt8(ascii: "[")) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key: `"total": ` (or `"total":` on one line).
    ///
    /// On one line, a key literal of 4 to 16 bytes (nearly all of them) is written in place when there is room, with
    /// no call: a result writes fourteen keys a row.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        if indent == 0, name.hasPointerRepresentation, (4...16).contains(length), buffer.hasRoom(length + 4) {
            buffer.appendReservedKey(name.utf8Start, count: length, comma: !innermostEmpty)
            innermostEmpty = false
            afterKey = true
            return
        }
        anyKey(name)
    }

    /// A key of any length, where room must be made first, or on a line of its own.
    @inline(never)
    private mutating func anyKey(_ name: StaticString) {
        // On one line, the comma, the key and its colon are written after making room for them once.
        if indent == 0 {
            name.withUTF8Buffer { name in
                buffer.reserve(name.count + 4)
                if !innermostEmpty { buffer.appendReserved(UInt8(ascii: ",")) }
                buffer.appendReserved(UInt8(ascii: "\""))
                buffer.append(name)
                buffer.appendReserved(UInt8(ascii: "\""))
                buffer.appendReserved(UInt8(ascii: ":"))
            }
            innermostEmpty = false
            afterKey = true
            return
        }
        memberStart()
        buffer.append(UInt8(ascii: "\""))
        buffer.append(name)
        buffer.append(UInt8(ascii: "\""))
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
        if !innermostEmpty { buffer.append(UInt8(ascii: ",")) }
        innermostEmpty = false
        newline(depth)
    }

    @inline(__always)
    private mutating func memberEnd() {
        buffer.append(UInt8(ascii: ":"))
        if indent > 0 { buffer.append(0x20) }
        afterKey = true
    }

    // MARK: - Values

    mutating func string(_ text: String) {
        beforeValue()
        appendQuoted(text)
    }

    /// A string known to hold nothing to escape (a raw value of the library's own: a direction, a basis, a code, a
    /// standard category's name), written as it is.
    mutating func string(plain text: String) {
        beforeValue()
        buffer.append(UInt8(ascii: "\""))
        buffer.append(utf8: text)
        buffer.append(UInt8(ascii: "\""))
    }

    /// A string given as its UTF-8 bytes, escaped.
    mutating func string(bytes text: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        appendQuoted(buffer: text)
    }

    /// Opens a string whose text is then written straight into ``buffer`` (an explanation, a path), and returns
    /// where the text starts, for ``endRenderedString(from:)``.
    mutating func beginRenderedString() -> Int {
        beforeValue()
        buffer.append(UInt8(ascii: "\""))
        return buffer.count
    }

    /// Closes a string opened by ``beginRenderedString()``: the text written since `start` is escaped, where it
    /// holds anything to escape (a reason's quote or line break), and quoted.
    mutating func endRenderedString(from start: Int) {
        let escapes = buffer.withBytes { written in
            JSONScanner.firstSpecialByte(in: UnsafeBufferPointer(rebasing: written[start...]), from: 0) < written.count - start
        }
        if escapes {
            let words = buffer.withBytes { Array($0[start...]) }
            buffer.truncate(to: start - 1)
            words.withUnsafeBufferPointer { appendQuoted(buffer: $0) }
        } else {
            buffer.append(UInt8(ascii: "\""))
        }
    }

    mutating func number(_ value: ExactDecimal) {
        beforeValue()
        value.withText { buffer.append($0) }
    }

    mutating func number(_ value: Int) {
        beforeValue()
        buffer.append(utf8: String(value))
    }

    /// A number given as its literal text (a JSON number carried as written).
    mutating func number(literal: String) {
        beforeValue()
        buffer.append(utf8: literal)
    }

    mutating func null() {
        beforeValue()
        buffer.append("null")
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        buffer.append(value ? "true" : "false")
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
            buffer.append(raw.bytes)
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
    mutating func appendQuoted(buffer source: UnsafeBufferPointer<UInt8>) {
        buffer.reserve(source.count + 2)
        buffer.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        let count = source.count
        while true {
            // To the next byte that needs an escape, eight bytes at a time, as the scanner finds a string's end.
            index = JSONScanner.firstSpecialByte(in: source, from: index)
            guard index < count else { break }
            let byte = source[index]
            index += 1
            let at = index - 1
            if at > start { buffer.append(UnsafeBufferPointer(rebasing: source[start..<at])) }
            buffer.append(0x5C)
            switch byte {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x0A: buffer.append(0x6E)
            case 0x0D: buffer.append(0x72)
            case 0x09: buffer.append(0x74)
            default:
                // \u00XX, the hex digits of the control character.
                func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
                buffer.append(0x75)
                buffer.append(0x30)
                buffer.append(0x30)
                buffer.append(hex(byte >> 4))
                buffer.append(hex(byte & 0x0F))
            }
            start = index
        }
        if start < count { buffer.append(UnsafeBufferPointer(rebasing: source[start...])) }
        buffer.append(UInt8(ascii: "\""))
    }
}

extension JSONOutput {
    /// One JSON document for one or more results: the result itself for one file, an array for several, ending in
    /// a newline.
    package static func document<Item>(_ items: [Item], files: Int, indent: Int = 2, _ write: @escaping (Item, inout JSONOutput) -> Void) -> String {
        var document = Document(files: files, indent: indent, write)
        for item in items { document.add(item) }
        return document.finish()
    }

    /// ``document(_:files:indent:_:)`` written one result at a time, as each is made, so that a job need not keep
    /// every result (a score card per table) until the end: only the first, while it may still be the document alone.
    package struct Document<Item>: ~Copyable {
        private var out: JSONOutput
        private let files: Int
        private let write: (Item, inout JSONOutput) -> Void
        /// The first result, while it is the only one of one file: it is then the document itself, not an array's
        /// element.
        private var first: Item?
        /// Whether the array has been opened.
        private var opened = false

        /// An empty document for the results of `files` files.
        package init(files: Int, indent: Int = 2, _ write: @escaping (Item, inout JSONOutput) -> Void) {
            out = JSONOutput(indent: indent)
            self.files = files
            self.write = write
        }

        /// Writes one more result.
        package mutating func add(_ item: Item) {
            if files == 1, !opened, first == nil {
                first = item
                return
            }
            if !opened {
                out.beginArray()
                opened = true
            }
            if let held = first.take() { write(held, &out) }
            write(item, &out)
        }

        /// The text written since the last call, handed over and let go of, so that a job writing its report as it
        /// is made holds the result being written, not those before; empty while the first result may still be the
        /// document alone.
        package mutating func takeWritten() -> String {
            guard out.buffer.count > 0 else { return "" }
            let text = out.text
            out.buffer.truncate(to: 0)
            return text
        }

        /// The rest of the document, ending in a newline: the one result of one file alone, else the array's last
        /// results (all of them when nothing was taken by ``takeWritten()``) and its end.
        package consuming func finish() -> String {
            if let first, !opened {
                write(first, &out)
            } else {
                if !opened { out.beginArray() }
                out.endArray()
            }
            out.raw(0x0A)
            return out.text
        }
    }
}
