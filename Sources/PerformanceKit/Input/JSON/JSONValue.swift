/// A JSON value as a tree: what ``JSONScanner/readTree()`` builds for small documents (rule profiles).
///
/// Numbers keep their literal text (`"894.13"`), so that a budget or a weight reaches the scorer as the exact
/// decimal the table printed, never through a binary floating-point value. Objects keep their members in file
/// order, so that reports and round trips follow the order the evaluator wrote.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as its JSON literal (`-12.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One `"key": value` pair of an object, with where it starts in the file.
    struct Member: Sendable, Equatable {
        /// The member's key.
        var key: String
        /// The member's value.
        var value: JSONValue
        /// Byte offset of the key's opening quote in the file, or -1 for a value built in code.
        var offset: Int

        /// Creates a member; `offset` is where its key starts in the file, -1 when it was built in code.
        init(key: String, value: JSONValue, offset: Int = -1) {
            self.key = key
            self.value = value
            self.offset = offset
        }
    }

    /// The kind of value in words, as error messages name it (`a number`, `the string "七"`).
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let literal): return "the number \(literal)"
        case .string(let text): return "the string \"\(text.truncatedForMessage)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension String {
    /// The text cut to 40 characters with an ellipsis, so that a 10,000-character value cannot flood a message.
    var truncatedForMessage: String {
        count > 40 ? String(prefix(40)) + "…" : self
    }
}
