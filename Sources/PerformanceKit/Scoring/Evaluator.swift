import Foundation

/// From file bytes to a score card in one call: read, pick the rule profile, score, verify.
///
/// ```swift
/// let card = try Evaluator().evaluate(Array(try Data(contentsOf: url)))
/// print(card.total!)   // 99.75
/// ```
///
/// The profile is the one given here, else the one the file names in `rules`, else ``RuleProfile/defaultID``.
public struct Evaluator: Sendable {
    /// Why an evaluation could not be scored at all.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file could not be read.
        case file(EvaluationFileError)
        /// The rule profile named by the file or the caller is not known.
        case unknownRules(RuleProfile.ID, path: JSONPath?)

        public var description: String {
            switch self {
            case .file(let error):
                return error.description
            case .unknownRules(let id, let path):
                let known = RuleProfile.builtIn.map(\.id.rawValue).joined(separator: ", ")
                return (path.map { "\($0): " } ?? "") + "unknown rule profile \"\(id)\"; known: \(known)"
            }
        }
    }

    /// A profile that overrides the file's `rules`.
    public var rules: RuleProfile?
    public var verifier: Verifier

    public init(rules: RuleProfile? = nil, verifier: Verifier = Verifier()) {
        self.rules = rules
        self.verifier = verifier
    }

    /// Reads, scores and verifies one perfscore/1 file.
    ///
    /// - Parameter bytes: the file's UTF-8 bytes.
    /// - Returns: the score card, with the reading's warnings first among its diagnostics.
    /// - Throws: ``Failure``.
    public func evaluate(_ bytes: [UInt8]) throws(Failure) -> ScoreCard {
        let result: EvaluationReader.Result
        do {
            result = try EvaluationReader().read(bytes)
        } catch {
            throw .file(error)
        }
        return try evaluate(result.evaluation, warnings: result.warnings)
    }

    /// Scores and verifies an evaluation built in code or read elsewhere.
    public func evaluate(_ evaluation: Evaluation, warnings: [Diagnostic] = []) throws(Failure) -> ScoreCard {
        let profile: RuleProfile
        if let rules {
            profile = rules
        } else if let id = evaluation.rules {
            guard let known = RuleProfile.builtIn(id) else {
                throw .unknownRules(id, path: JSONPath.root.appending("rules"))
            }
            profile = known
        } else {
            guard let fallback = RuleProfile.builtIn(RuleProfile.defaultID) else {
                throw .unknownRules(RuleProfile.defaultID, path: nil)
            }
            profile = fallback
        }
        var card = Scorer(profile: profile, verifier: verifier).score(evaluation)
        card.diagnostics = warnings + card.diagnostics
        return card
    }
}
