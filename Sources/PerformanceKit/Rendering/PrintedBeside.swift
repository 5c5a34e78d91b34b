/// What verification says of each printed figure, for reports that set it beside the recomputed one (the CSV and
/// the workbook): `agrees`, or the kind of the difference (`arithmetic`, `rule`, `judgement`, `notCompared`).
struct PrintedBeside {
    /// Each difference's kind, by the path of the printed figure (`published.total`, `indicators[3].published`).
    let kinds: [String: String]

    init(_ card: ScoreCard) {
        kinds = Dictionary((card.verification?.differences ?? []).map { ($0.path.description, $0.kind.rawValue) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// The printed figure as tables print scores, and what verification says of it; both empty when nothing was
    /// printed there.
    func check(_ printed: ExactDecimal?, at path: String) -> (printed: String, check: String) {
        guard let printed else { return ("", "") }
        return (printed.scoreText(), kinds[path] ?? "agrees")
    }
}
