/// The command's exit statuses (FORMAT.md §5).
enum ExitStatus: Int32, Comparable {
    /// Scored; everything agrees.
    case success = 0
    /// Scored, but verification found a difference.
    case findings = 1
    /// The input or the command line could not be used.
    case unusable = 2

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
