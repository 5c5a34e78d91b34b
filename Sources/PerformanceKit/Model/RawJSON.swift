/// A JSON value kept as the bytes it was written in: fields such as `source` that are carried with an evaluation,
/// written back as they were, and never scored.
struct RawJSON: Sendable, Hashable {
    /// The value's UTF-8 bytes, exactly as they stood in the file.
    var bytes: [UInt8]

    /// One `"key": value` pair of an object that perfscore/1 does not define, with where its key starts.
    struct Member: Sendable, Hashable {
        var key: String
        var value: RawJSON
        /// The byte offset of the key's opening quote in the file, or -1 for a member built in code.
        var offset: Int
    }
}
