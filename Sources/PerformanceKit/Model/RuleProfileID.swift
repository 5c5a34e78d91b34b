/// A rule profile's identifier, `<jurisdiction>-<year>` (`wuhan-2023`): what an evaluation's `rules` and
/// `perfscore --rules` name. An open set: users may load their own profiles. It lives in the model because an
/// evaluation names its rule; ``RuleProfile`` is the rule itself.
public struct RuleProfileID: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as written (`wuhan-2023`).
    public var rawValue: String

    /// Creates an id.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an id from a literal: `let id: RuleProfileID = "mof-2020"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The id as written.
    public var description: String {
        rawValue
    }
}
