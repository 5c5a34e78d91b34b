extension FastLane {
    /// Appends the result of FORMAT.md §4 as one line of JSON: byte for byte what
    /// `JSONWriter(indent: 0).write(JSONReport.value(for: card, file: nil))` gives for the same line.
    func write(_ evaluation: ScannedEvaluation, _ line: UnsafeBufferPointer<UInt8>, rules: FastRules,
               workspace: Workspace, budget: (weight: FixedDecimal, rate: Int64, cents: Int64, uncapped: Int64?), total: Int64,
               maximum: FixedDecimal, grade: [UInt8]?, agreement: Agreement?, into output: ByteSink) {
        typealias K = ResultKeys
        output += K.format
        if let title = evaluation.title { field(K.title, line[title], into: output) }
        if let agency = evaluation.agency { field(K.agency, line[agency], into: output) }
        if let year = evaluation.year {
            output += K.year
            output.append(line[year])
        }
        output += K.kindAndRules
        output.append(rules.id)
        output += K.total
        output.appendDecimal(total, scale: 2)
        output += K.maximum
        writeScore(maximum, into: output)
        output += K.grade
        if let grade { quoted(grade, into: output) } else { output += K.null }

        output += K.budgetWeight
        writeScore(budget.weight, into: output)
        output += K.planned
        evaluation.planned.write(into: output)
        output += K.executed
        evaluation.executed.write(into: output)
        output += K.rate
        output.appendDecimal(budget.rate, scale: 4)
        output += K.score
        output.appendDecimal(budget.cents, scale: 2)
        output += K.explanation
        if explains {
            // Cannot fail: score(_:in:renders:output:) tried the same figures before writing began.
            _ = writeRatio(budget.weight, evaluation.executed, evaluation.planned, shown: budget.uncapped ?? budget.cents,
                           capped: budget.uncapped != nil, into: output)
        }
        output += K.closeBudget

        for (position, category) in workspace.categories.enumerated() {
            output += position == 0 ? K.firstCategory : K.nextCategory
            output.append(vocabulary.categories[category.category])
            output += K.weightInObject
            writeScore(category.weight, into: output)
            output += K.score
            output.appendDecimal(category.cents, scale: 2)
            output += K.closeObject
        }
        output += K.indicators
        for (index, row) in evaluation.rows.enumerated() {
            let result = workspace.rows[index]
            output += index == 0 ? K.firstRow : K.nextRow
            writeIndex(index, into: output)
            output += K.rowCategory
            output.append(vocabulary.categories[row.category])
            if row.subcategory >= 0 {
                output += K.subcategory
                output.append(vocabulary.subcategories[row.subcategory].name)
            }
            output += K.name
            output.append(line[row.name])
            output += K.weightInRow
            writeScore(row.weight, into: output)
            output += K.target
            output.append(line[row.target])
            output += K.actual
            output.append(line[row.actual])
            output += K.direction
            if let direction = result.direction { output += Self.quoted(direction) } else { output += K.null }
            output += K.basis
            output += Self.quoted(result.basis)
            output += K.score
            output.appendDecimal(result.cents, scale: 2)
            output += K.explanation
            output.append(UnsafeBufferPointer(rebasing: workspace.text.bytes[result.explanation]))
            output.append(UInt8(ascii: "\""))
            if let printed = row.published {
                output += K.published
                writeScore(printed, into: output)
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
        if let agreement {
            output += K.verification
            if let printed = evaluation.published?.total { writeScore(printed, into: output) } else { output += K.null }
            output += K.agrees
            tolerance?.write(into: output)
            output += K.compared
            output.appendDecimal(Int64(agreement.compared), scale: 0)
            output += K.noDifferences
        }
        output += K.diagnostics
        // In the ordinary order: the budget block's, each row's, then the split's.
        var first = true
        func next() {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
        }
        if budget.uncapped != nil {
            next()
            output += K.overExecuted
            evaluation.executed.write(into: output)
            output += K.overExecutedPlanned
            evaluation.planned.write(into: output)
            output += K.overExecutedCapped
            budget.weight.write(into: output)
            output += K.overExecutedEnd
        }
        for (index, row) in evaluation.rows.enumerated() {
            let result = workspace.rows[index]
            if let top = result.top {
                next()
                output += K.topOfBand
                output.append(Self.judgementWords[row.judgement])
                output += K.noteText
                top.write(into: output)
                output += K.noteEnd
                writeIndex(index, into: output)
                output += K.notePathEnd
            }
            if let share = result.overAchievement {
                next()
                output += K.overAchievement
                output.appendDecimal(share, scale: 0)
                output += K.overAchievementFlag
                output.append(rules.overAchievementPercent)
                output += K.overAchievementUnder
                output.append(rules.id)
                output += K.overAchievementEnd
                writeIndex(index, into: output)
                output += K.overAchievementPathEnd
            }
        }
        for note in workspace.splitNotes {
            next()
            output += K.categoryPoints
            output.append(vocabulary.categories[note.category])
            output += K.categoryPointsCarries
            note.points.write(into: output)
            output += K.categoryPointsSets
            output.append(rules.id)
            output += K.categoryPointsSetsPoints
            note.expected.write(into: output)
            output += K.categoryPointsEnd
        }
        output += K.end
    }

    /// `"key":"value"` after a comma, for a string with no escapes (the scanner admits no other).
    private func field(_ key: StaticString, _ value: Slice<UnsafeBufferPointer<UInt8>>, into output: ByteSink) {
        output += key
        output.append(value)
        output.append(UInt8(ascii: "\""))
    }

    private func quoted(_ value: [UInt8], into output: ByteSink) {
        output.append(UInt8(ascii: "\""))
        output.append(value)
        output.append(UInt8(ascii: "\""))
    }

    /// A score or weight as `JSONReport` prints it: rounded half-up to 2 places, trailing zeros dropped.
    private func writeScore(_ value: FixedDecimal, into output: ByteSink) {
        if value.scale <= 2 {
            value.write(into: output)
        } else if let cents = value.cents {
            output.appendDecimal(cents, scale: 2)
        }
    }

    private func writeIndex(_ index: Int, into output: ByteSink) {
        output.appendDecimal(Int64(index), scale: 0)
    }

    /// A direction as `"direction":…` writes it, quotes included.
    static func quoted(_ direction: Indicator.Direction) -> StaticString {
        switch direction {
        case .forward: return "\"forward\""
        case .reverse: return "\"reverse\""
        case .equal: return "\"equal\""
        case .qualitative: return "\"qualitative\""
        }
    }

    /// The bases the fast lane gives, as `"basis":…` writes them, quotes included.
    static func quoted(_ basis: IndicatorScore.Basis) -> StaticString {
        switch basis {
        case .forward: return "\"forward\""
        case .reverse: return "\"reverse\""
        case .zeroTargetMet: return "\"zeroTargetMet\""
        case .zeroTargetMissed: return "\"zeroTargetMissed\""
        case .zeroActual: return "\"zeroActual\""
        case .equal: return "\"equal\""
        case .achievementWord: return "\"achievementWord\""
        case .judgement: return "\"judgement\""
        case .fundWeighted: return "\"fundWeighted\""
        case .evaluator: return "\"evaluator\""
        case .published: return "\"published\""
        }
    }

    /// The fixed stretches of the result's JSON, keys in `JSONReport`'s order.
    enum ResultKeys {
        static let format: StaticString = "{\"format\":\"perfscore-result/1\""
        static let title: StaticString = ",\"title\":\""
        static let agency: StaticString = ",\"agency\":\""
        static let year: StaticString = ",\"year\":"
        static let kindAndRules: StaticString = ",\"kind\":\"project\",\"rules\":\""
        static let total: StaticString = "\",\"total\":"
        static let maximum: StaticString = ",\"maximum\":"
        static let grade: StaticString = ",\"grade\":"
        static let null: StaticString = "null"
        static let budgetWeight: StaticString = ",\"budget\":{\"weight\":"
        static let planned: StaticString = ",\"planned\":"
        static let executed: StaticString = ",\"executed\":"
        static let rate: StaticString = ",\"rate\":"
        static let score: StaticString = ",\"score\":"
        static let explanation: StaticString = ",\"explanation\":\""
        static let closeBudget: StaticString = "\"}"
        static let firstCategory: StaticString = ",\"categories\":[{\"category\":\""
        static let nextCategory: StaticString = ",{\"category\":\""
        static let weightInObject: StaticString = "\",\"weight\":"
        static let closeObject: StaticString = "}"
        static let indicators: StaticString = "],\"indicators\":["
        static let firstRow: StaticString = "{\"path\":\"indicators["
        static let nextRow: StaticString = ",{\"path\":\"indicators["
        static let rowCategory: StaticString = "]\",\"category\":\""
        static let subcategory: StaticString = "\",\"subcategory\":\""
        static let name: StaticString = "\",\"name\":\""
        static let weightInRow: StaticString = "\",\"weight\":"
        static let target: StaticString = ",\"target\":\""
        static let actual: StaticString = "\",\"actual\":\""
        static let direction: StaticString = "\",\"direction\":"
        static let basis: StaticString = ",\"basis\":"
        static let published: StaticString = ",\"published\":"
        static let verification: StaticString = ",\"verification\":{\"published\":"
        static let agrees: StaticString = ",\"agrees\":true,\"tolerance\":"
        static let compared: StaticString = ",\"compared\":"
        static let noDifferences: StaticString = ",\"differences\":[]}"
        static let diagnostics: StaticString = ",\"diagnostics\":["
        static let topOfBand: StaticString = "{\"code\":\"judgement-top-of-band\",\"severity\":\"note\",\"message\":\""
        static let noteText: StaticString = " without the evaluator's score takes the top of its band, "
        static let noteEnd: StaticString = "; give score for another figure\",\"path\":\"indicators["
        static let notePathEnd: StaticString = "].judgement\"}"
        static let end: StaticString = "]}"
        static let overAchievement: StaticString = "{\"code\":\"over-achievement\",\"severity\":\"warning\",\"message\":\"the actual is "
        static let overAchievementFlag: StaticString = " % of the target (flag at "
        static let overAchievementUnder: StaticString = " %): under "
        static let overAchievementEnd: StaticString = " a target set too low is marked down at the evaluator's discretion; review the target or give a score with a reason\",\"path\":\"indicators["
        static let overAchievementPathEnd: StaticString = "].actual\"}"
        static let categoryPoints: StaticString = "{\"code\":\"category-points\",\"severity\":\"note\",\"message\":\""
        static let categoryPointsCarries: StaticString = " carries "
        static let categoryPointsSets: StaticString = " points; "
        static let categoryPointsSetsPoints: StaticString = " sets "
        static let categoryPointsEnd: StaticString = " in principle\",\"path\":\"indicators\"}"
        static let overExecuted: StaticString = "{\"code\":\"over-executed\",\"severity\":\"note\",\"message\":\"executed "
        static let overExecutedPlanned: StaticString = " is more than planned "
        static let overExecutedCapped: StaticString = "; the block is capped at "
        static let overExecutedEnd: StaticString = "\",\"path\":\"budget.executed\"}"
    }
}
