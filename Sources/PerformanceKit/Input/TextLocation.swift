/// Where something stands in an input file: a 1-based line and column (columns count characters).
public struct TextLocation: Sendable, Hashable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column in characters, from 1.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// A location that is not known (a value built in code rather than read from a file).
    public static let unknown = TextLocation(line: 0, column: 0)

    /// `3:14`, or an empty string for ``unknown``.
    public var description: String {
        self == .unknown ? "" : "\(line):\(column)"
    }
}
