/// From file bytes to a verified score card in one call: read, pick the rule profile, score, verify.
///
/// ```swift
/// let card = try Evaluator().evaluate(Array(try Data(contentsOf: url)))
/// print(card.total!)   // 99.75
/// ```
///
/// The profile is the one given here, else the one the file names in `rules` (looked up in ``catalog``), else
/// ``RuleProfile/defaultID``. When the profile given here differs from the one the file was written for, the
/// file's points are converted to the profile's: `perfscore --rules mof-2020` on a Wuhan table scores it under the
/// 10 + 90 rule, and its printed figures are not compared.
///
/// The stages run one after the other and never reach back: the reader gives the model, the ``Scorer`` the score
/// card, the ``Verifier`` (given the same catalog) the comparison of the printed figures.
public struct Evaluator: Sendable {
    /// Why an evaluation could not be scored at all.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file could not be read.
        case file(EvaluationFileError)
        /// The rule profile named by the file or the caller is not known.
        case unknownRules(RuleProfileID, path: JSONPath?, known: [RuleProfileID])

        /// What went wrong, with the path where there is one.
        public var description: String {
            switch self {
            case .file(let error):
                return error.description
            case .unknownRules(let id, let path, let known):
                let names = known.map(\.rawValue).sorted().joined(separator: ", ")
                return (path.map { "\($0): " } ?? "") + "unknown rule profile \"\(id)\"; known: \(names)"
            }
        }
    }

    /// A profile that overrides the file's `rules`.
    package var rules: RuleProfile?
    /// The profiles a file's `rules` id is looked up in.
    package var catalog: [RuleProfile]
    /// Largest difference between a printed and a recomputed figure still counted as agreement (0.01).
    package var tolerance: ExactDecimal

    /// Creates an evaluator.
    ///
    /// - Parameters:
    ///   - rules: a profile that overrides every file's own `rules`.
    ///   - catalog: the profiles a file's `rules` id is looked up in (the built-in ones by default).
    ///   - tolerance: the largest difference in points between a printed and a recomputed figure still counted as
    ///     agreement; 0.01, one printed cent, when `nil`.
    public init(rules: RuleProfile? = nil, catalog: [RuleProfile] = RuleProfile.builtIn, tolerance: ExactDecimal? = nil) {
        self.rules = rules
        self.catalog = catalog
        self.tolerance = tolerance ?? Verifier.cent
    }

    /// Reads, scores and verifies one perfscore/1 file.
    ///
    /// - Parameter bytes: the file's UTF-8 bytes.
    /// - Returns: the score card, with the reading's warnings first among its diagnostics.
    /// - Throws: ``Failure``.
    public func evaluate(_ bytes: [UInt8]) throws(Failure) -> ScoreCard {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> ScoreCard in try evaluate(buffer, cache: nil) }
    }

    /// Reads, scores and verifies one file from bytes in place (a line of a batch), finding values already read in
    /// `cache`.
    ///
    /// - Parameter inPlace: whether the card's rows may keep their texts in `bytes` themselves
    ///   (``EvaluationReader/read(_:inPlace:)``): only for a caller that keeps `bytes` alive and unchanged for as
    ///   long as it keeps the card.
    package func evaluate(_ bytes: UnsafeBufferPointer<UInt8>, cache: NotationCache?, inPlace: Bool = false) throws(Failure) -> ScoreCard {
        let result: EvaluationReader.Result
        do {
            result = try EvaluationReader().read(bytes, inPlace: inPlace)
        } catch {
            throw .file(error)
        }
        return try evaluate(result.evaluation, warnings: result.warnings, cache: cache)
    }

    /// Scores and verifies an evaluation built in code or read elsewhere.
    public func evaluate(_ evaluation: Evaluation) throws(Failure) -> ScoreCard {
        try evaluate(evaluation, warnings: [])
    }

    /// Scores and verifies an evaluation, with the warnings its reading produced put first.
    package func evaluate(_ evaluation: Evaluation, warnings: [Diagnostic], cache: NotationCache? = nil) throws(Failure) -> ScoreCard {
        let profile: RuleProfile
        if let rules {
            profile = rules
        } else if let id = evaluation.rules {
            guard let known = catalog.first(where: { $0.id == id }) else {
                throw .unknownRules(id, path: JSONPath.root.appending("rules"), known: catalog.map(\.id))
            }
            profile = known
        } else {
            guard let fallback = catalog.first(where: { $0.id == RuleProfile.defaultID }) ?? RuleProfile.builtIn(RuleProfile.defaultID) else {
                throw .unknownRules(RuleProfile.defaultID, path: nil, known: catalog.map(\.id))
            }
            profile = fallback
        }
        // A table written for another rule is scored with the overriding profile's points.
        let writtenFor = evaluation.rules ?? RuleProfile.defaultID
        var scorer = Scorer(profile: profile)
        scorer.cache = cache
        scorer.allocation = rules != nil && writtenFor != profile.id ? .profile : .asWritten
        var card = scorer.score(evaluation)
        if scorer.allocation == .asWritten {
            // Verified first, then set: reading the card while assigning into it made a copy of the whole card.
            let verification = Verifier(tolerance: tolerance, catalog: catalog).verify(card)
            card.verification = verification
        }
        if !warnings.isEmpty { card.diagnostics = warnings + card.diagnostics }
        return card
    }
}
