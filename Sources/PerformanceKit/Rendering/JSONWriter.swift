/// Writes a ``JSONValue`` as indented JSON text, members in their given order, numbers as their literal text.
public struct JSONWriter: Sendable {
    /// Spaces per level; 0 writes everything on one line.
    public var indent: Int

    /// Creates a writer that indents by `indent` spaces a level (0: one line).
    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The JSON text of `value`, without a trailing newline.
    public func write(_ value: JSONValue) -> String {
        var output = ""
        write(value, level: 0, into: &output)
        return output
    }

    private func write(_ value: JSONValue, level: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): Self.quote(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                output += index == 0 ? "" : ","
                newline(level + 1, into: &output)
                write(element, level: level + 1, into: &output)
            }
            newline(level, into: &output)
            output += "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                output += index == 0 ? "" : ","
                newline(level + 1, into: &output)
                Self.quote(member.key, into: &output)
                output += indent > 0 ? ": " : ":"
                write(member.value, level: level + 1, into: &output)
            }
            newline(level, into: &output)
            output += "}"
        }
    }

    private func newline(_ level: Int, into output: inout String) {
        guard indent > 0 else { return }
        output += "\n" + String(repeating: " ", count: level * indent)
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as is.
    static func quote(_ text: String, into output: inout String) {
        // Most strings need no escape: append them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
