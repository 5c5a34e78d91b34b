extension JobIO {
    /// The rule profile `which` names (`--rules`, `perfscore rules ID|PATH`): a built-in by id, or a profile file
    /// by path (anything with a `/` or ending in `.json`); `nil` after saying why it cannot be used. `option` is
    /// how messages name where it was given.
    package func profile(_ which: String, option: String) -> RuleProfile? {
        if which.contains("/") || which.hasSuffix(".json") {
            let bytes: [UInt8]
            switch read(which) {
            case .success(let read): bytes = read
            case .failure(let failure):
                message("\(option) \(which): cannot read the file: \(failure.reason)")
                return nil
            }
            do {
                return try RuleProfile(jsonData: bytes)
            } catch {
                say(error.problems, file: which)
                message("\(which): not a usable rule profile (rules/README.md describes the format)")
                return nil
            }
        }
        guard let profile = RuleProfile.builtIn(RuleProfileID(rawValue: which)) else {
            let known = RuleProfile.builtIn.map(\.id.rawValue).sorted().joined(separator: ", ")
            message("\(option): unknown rule profile \"\(which)\"; known: \(known) (or give a file path)")
            return nil
        }
        return profile
    }
}
