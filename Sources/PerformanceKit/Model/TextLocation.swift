/// Where something stands in an input file: a 1-based line and column (columns count characters).
public struct TextLocation: Sendable, Hashable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in characters, from 1.
    public var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// A location that is not known (a value built in code rather than read from a file).
    package static let unknown = TextLocation(line: 0, column: 0)

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

    /// `3:14`, or an empty string when the location is not known.
    public var description: String {
        self == .unknown ? "" : "\(line):\(column)"
    }
}
