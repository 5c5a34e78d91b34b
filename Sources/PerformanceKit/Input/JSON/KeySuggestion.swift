/// The nearest known key to a misspelt one, for "did you mean …" (`"wieght"` → `weight`).
enum KeySuggestion {
    /// The known key within two edits of `key`, the nearest first; `nil` when none is that close.
    static func closest(to key: String, among known: [String]) -> String? {
        known.map { ($0, editDistance(key.lowercased(), $0)) }
            .filter { $0.1 <= 2 && $0.1 < max($0.0.count, key.count) }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
