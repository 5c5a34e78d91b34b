/// Where something stands in an input file: a 1-based line and column (columns count characters).
public struct TextLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

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
