extension FastLane {
    /// What the rule gave one row: the figures of its result and where its explanation lies in the workspace.
    struct RowResult {
        var direction: Indicator.Direction?
        var basis: IndicatorScore.Basis
        /// The score in hundredths, rounded half-up.
        var cents: Int64
        var explanation: Range<Int>
        /// For a judgement without a score, the top of its band (the note's figure).
        var top: FixedDecimal? = nil
        /// For a forward actual at or over the profile's over-achievement flag, the actual as a whole percentage
        /// of the target (the warning's figure).
        var overAchievement: Int64? = nil
    }

    /// Scores one row as ``IndicatorScorer/score(_:at:)`` does, or `nil` when the row needs the ordinary path
    /// (a form not read here, or a row the ordinary scorer would add a diagnostic to other than the two the lane
    /// writes: the judgement-at-top-of-band note and the over-achievement warning).
    ///
    /// The explanation is appended to `text` when ``explains``; the result says where it lies.
    func scoreRow(_ row: ScannedEvaluation.Row, _ bytes: UnsafeBufferPointer<UInt8>, rules: FastRules,
                  text: ByteSink) -> RowResult? {
        let start = text.count
        if row.judgement >= 0 {
            return judgementRow(row, bytes, rules: rules, text: text, start: start)
        }
        guard let target = FastCell.read(bytes, row.target, vocabulary: vocabulary),
              let actual = FastCell.read(bytes, row.actual, vocabulary: vocabulary) else { return nil }
        switch (target, actual) {
        case (.measure(let ac, let a, let am, let au), .measure(let bc, let b, let bm, let bu)):
            return figureRow(row, bytes, rules: rules, target: (ac, a, am, au), actual: (bc, b, bm, bu), zeroEvent: nil,
                             text: text, start: start)
        case (.measure(let ac, let a, let am, let au), .text(let words)):
            guard isZeroEvent(bytes, words) else { return nil }
            return figureRow(row, bytes, rules: rules, target: (ac, a, am, au), actual: (nil, FixedDecimal(0), nil, au),
                             zeroEvent: words, text: text, start: start)
        case (.text(let targetWords), .text(let actualWords)):
            return textRow(row, bytes, rules: rules, target: targetWords, actual: actualWords, text: text, start: start)
        case (.text, .measure):
            return nil
        }
    }

    // MARK: - Text against text

    func textRow(_ row: ScannedEvaluation.Row, _ bytes: UnsafeBufferPointer<UInt8>, rules: FastRules,
                 target: Range<Int>, actual: Range<Int>, text: ByteSink, start: Int) -> RowResult? {
        let w = row.weight
        guard let cents = w.cents else { return nil }
        if bytes[target].elementsEqual(bytes[actual]) {
            if explains {
                text += Self.Words.actual
                text.append(bytes[actual])
                text += Self.Words.equalsTheTarget
                w.write(into: text)
            }
            return RowResult(direction: nil, basis: .equal, cents: cents, explanation: start..<text.count)
        }
        if isZeroEvent(bytes, target), isZeroEvent(bytes, actual) {
            if explains {
                text += Self.Words.target
                text.append(bytes[target])
                text += Self.Words.andActual
                text.append(bytes[actual])
                text += Self.Words.bothReadAsZero
                w.write(into: text)
            }
            return RowResult(direction: .reverse, basis: .zeroTargetMet, cents: cents, explanation: start..<text.count)
        }
        guard rules.profile.achievementWords.contains(String(decoding: bytes[actual], as: UTF8.self)) else { return nil }
        if explains {
            text += Self.Words.actual
            text.append(bytes[actual])
            text += Self.Words.meetsTheTextTarget
            text.append(bytes[target])
            text += Self.Words.colon
            w.write(into: text)
        }
        return RowResult(direction: nil, basis: .achievementWord, cents: cents, explanation: start..<text.count)
    }

    /// Whether words read as zero events (`全年未发生安全事故`), by ``TextValue``'s own classification.
    func isZeroEvent(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Range<Int>) -> Bool {
        TextValue.isZeroEventPhrase(String(decoding: bytes[words], as: UTF8.self))
    }

    // MARK: - Figure against figure

    typealias Figure = (comparator: Int?, number: FixedDecimal, magnitude: Int?, unit: Range<Int>?)

    /// How an explanation prints a figure (``IndicatorScorer`` `numberText`): with its magnitude word when both
    /// sides share it (`808亿`), else as its value (`80800000000`).
    struct Printed {
        var figure: FixedDecimal
        /// Index into ``FastVocabulary/magnitudes``.
        var word: Int?
    }

    func write(_ printed: Printed, into text: ByteSink) {
        printed.figure.write(into: text)
        if let word = printed.word { text.append(vocabulary.magnitudes[word].word) }
    }

    /// The figure's number times its magnitude: what ratios and comparisons use.
    func value(_ figure: Figure) -> FixedDecimal? {
        guard let magnitude = figure.magnitude else { return figure.number }
        return figure.number.timesPowerOfTen(vocabulary.magnitudes[magnitude].exponent)
    }

    func printed(_ figure: Figure, value: FixedDecimal, other: Figure) -> Printed {
        figure.magnitude == other.magnitude ? Printed(figure: figure.number, word: figure.magnitude)
                                            : Printed(figure: value, word: nil)
    }

    func figureRow(_ row: ScannedEvaluation.Row, _ bytes: UnsafeBufferPointer<UInt8>, rules: FastRules,
                   target: Figure, actual: Figure, zeroEvent: Range<Int>?, text: ByteSink, start: Int) -> RowResult? {
        // Units: a side without one takes the row's `unit`; two different units are the ordinary path's error.
        if let unit = row.unit, vocabulary.rewrittenUnits.contains(where: { bytes[unit].elementsEqual($0) }) { return nil }
        if let targetUnit = target.unit ?? row.unit, let actualUnit = actual.unit ?? row.unit,
           !bytes[targetUnit].elementsEqual(bytes[actualUnit]) {
            return nil
        }
        let direction: Indicator.Direction
        if let comparator = target.comparator {
            direction = rules.comparatorDirections[comparator]
        } else if row.category == vocabulary.costCategory
                    || (row.subcategory >= 0 && vocabulary.subcategories[row.subcategory].isCost) {
            direction = rules.bareTargetUnderCost
        } else {
            direction = target.number.isZero ? rules.bareZero : rules.bareTarget
        }
        let w = row.weight
        guard let a = value(target), let b = value(actual) else { return nil }
        let aText = printed(target, value: a, other: actual)
        let bText = printed(actual, value: b, other: target)
        guard let full = w.cents else { return nil }
        if explains {
            var notes = 0
            if let zeroEvent {
                text.append(bytes[zeroEvent])
                text += Self.Words.readAsZero
                notes += 1
            }
            if let comparator = actual.comparator {
                if notes > 0 { text += Self.Words.semicolon }
                // The actual's own number and magnitude, whatever the target's.
                let own = Printed(figure: actual.number, word: actual.magnitude)
                text += Self.Words.actual
                text.append(vocabulary.comparators[comparator].symbol)
                write(own, into: text)
                text += Self.Words.readAs
                write(own, into: text)
                notes += 1
            }
            if notes > 0 { text += Self.Words.colon }
        }
        switch direction {
        case .forward:
            if a.isZero {
                if explains {
                    text += Self.Words.target
                    write(aText, into: text)
                    text += Self.Words.isMetByAnyActual
                    w.write(into: text)
                }
                return RowResult(direction: .forward, basis: .equal, cents: full, explanation: start..<text.count)
            }
            guard var result = ratioRow(w: w, full: full, numerator: b, denominator: a, printed: (bText, aText), basis: .forward,
                                        text: text, start: start) else { return nil }
            // The profile's over-achievement warning (IndicatorScorer.overAchievementNote), which reads the
            // actual as written: a zero-event phrase is no figure there.
            if let flag = rules.overAchievementFlag, zeroEvent == nil {
                guard let threshold = FixedDecimal.product(flag, a) else { return nil }
                if b >= threshold {
                    guard let share = FixedDecimal.roundedQuotient(b, FixedDecimal(100), a, places: 0) else { return nil }
                    result.overAchievement = share
                }
            }
            return result
        case .reverse:
            if a.isZero {
                if b.isZero {
                    if explains {
                        text += Self.Words.zeroTargetMet
                        w.write(into: text)
                    }
                    return RowResult(direction: .reverse, basis: .zeroTargetMet, cents: full, explanation: start..<text.count)
                }
                if explains {
                    text += Self.Words.zeroTargetActual
                    write(bText, into: text)
                    text += Self.Words.missed
                }
                return RowResult(direction: .reverse, basis: .zeroTargetMissed, cents: 0, explanation: start..<text.count)
            }
            if b.isZero {
                if explains {
                    text += Self.Words.actualZeroIsWithin
                    write(aText, into: text)
                    text += Self.Words.colon
                    w.write(into: text)
                }
                return RowResult(direction: .reverse, basis: .zeroActual, cents: full, explanation: start..<text.count)
            }
            guard rules.reverseIsRatio else { return nil }
            return ratioRow(w: w, full: full, numerator: a, denominator: b, printed: (aText, bText), basis: .reverse,
                            text: text, start: start)
        case .equal:
            guard a == b else { return nil }
            if explains {
                text += Self.Words.actual
                write(bText, into: text)
                text += Self.Words.equalsTheTarget
                w.write(into: text)
            }
            return RowResult(direction: .equal, basis: .equal, cents: full, explanation: start..<text.count)
        case .qualitative:
            return nil
        }
    }

    /// `w × n ÷ d`, capped at `w` (`full`: `w` in hundredths), explained as `4 × 41 ÷ 51 = 3.22` or `… = 5.12, capped at 4`.
    func ratioRow(w: FixedDecimal, full: Int64, numerator: FixedDecimal, denominator: FixedDecimal,
                  printed: (Printed, Printed), basis: IndicatorScore.Basis, text: ByteSink, start: Int) -> RowResult? {
        guard let shown = FixedDecimal.roundedQuotient(w, numerator, denominator, places: 2),
              let capped = FixedDecimal.quotient(w, numerator, denominator, exceeds: w) else { return nil }
        if explains {
            guard writeRatio(w, numerator, denominator, printed: printed, shown: shown, capped: capped, into: text)
            else { return nil }
        }
        return RowResult(direction: basis == .forward ? .forward : .reverse, basis: basis, cents: capped ? full : shown,
                         explanation: start..<text.count)
    }

    /// Writes `w × n ÷ d = figure`, and `, capped at w` when the quotient exceeds `w`, as
    /// ``ExplanationText/figure(_:cap:rounding:)`` prints the figure: rounded to 2 places (`shown`, in hundredths),
    /// or to 4 where 2 would hide the excess over the cap (`3.001` → `3.0010`, not `3`). `n` and `d` are printed
    /// as `printed` says (`808亿 ÷ 110亿`), else as they are. `false` on overflow.
    func writeRatio(_ w: FixedDecimal, _ n: FixedDecimal, _ d: FixedDecimal, printed: (Printed, Printed)? = nil,
                    shown: Int64, capped: Bool, into text: ByteSink) -> Bool {
        w.write(into: text)
        text += Self.Words.times
        write(printed?.0 ?? Printed(figure: n, word: nil), into: text)
        text += Self.Words.dividedBy
        write(printed?.1 ?? Printed(figure: d, word: nil), into: text)
        text += Self.Words.equals
        if capped, FixedDecimal(significand: shown, scale: 2) <= w {
            guard let finer = FixedDecimal.roundedQuotient(w, n, d, places: 4) else { return false }
            text.appendDecimal(finer, scale: 4)
        } else {
            text.appendDecimal(shown, scale: 2)
        }
        if capped {
            text += Self.Words.cappedAt
            w.write(into: text)
        }
        return true
    }

    // MARK: - Judgement

    /// A judgement without the evaluator's score: the top of its tier's band (``IndicatorScorer`` `tierOutcome`).
    func judgementRow(_ row: ScannedEvaluation.Row, _ bytes: UnsafeBufferPointer<UInt8>, rules: FastRules,
                      text: ByteSink, start: Int) -> RowResult? {
        // A target that reads as a figure draws a further note: left to the ordinary path.
        guard let tier = rules.tiers[row.judgement], case .text? = FastCell.read(bytes, row.target, vocabulary: vocabulary),
              let top = FixedDecimal.product(row.weight, tier.upper),
              let cents = top.cents else { return nil }
        if explains {
            text.append(Self.judgementWords[row.judgement])
            text += Self.Words.openBand
            text.append(tier.lowerPercent)
            text += Self.Words.dash
            text.append(tier.upperPercent)
            text += Self.Words.percentOf
            row.weight.write(into: text)
            text += Self.Words.topOfTheBand
            row.weight.write(into: text)
            text += Self.Words.times
            tier.upper.write(into: text)
            text += Self.Words.equals
            text.appendDecimal(cents, scale: 2)
        }
        return RowResult(direction: .qualitative, basis: .judgement, cents: cents, explanation: start..<text.count, top: top)
    }

    static let judgementWords: [[UInt8]] = Indicator.Judgement.allCases.map { Array($0.rawValue.utf8) }

    /// The fixed words of explanations, as ``IndicatorScorer`` writes them.
    enum Words {
        static let actual: StaticString = "actual "
        static let target: StaticString = "target "
        static let equalsTheTarget: StaticString = " equals the target: "
        static let andActual: StaticString = " and actual "
        static let bothReadAsZero: StaticString = " both read as 0: "
        static let meetsTheTextTarget: StaticString = " meets the text target "
        static let colon: StaticString = ": "
        static let semicolon: StaticString = "; "
        static let readAsZero: StaticString = " read as 0"
        static let readAs: StaticString = " read as "
        static let isMetByAnyActual: StaticString = " is met by any actual: "
        static let zeroTargetMet: StaticString = "target 0, actual 0: met, "
        static let zeroTargetActual: StaticString = "target 0, actual "
        static let missed: StaticString = ": missed, 0"
        static let actualZeroIsWithin: StaticString = "actual 0 is within "
        static let times: StaticString = " × "
        static let dividedBy: StaticString = " ÷ "
        static let equals: StaticString = " = "
        static let cappedAt: StaticString = ", capped at "
        static let openBand: StaticString = " ("
        static let dash: StaticString = "–"
        static let percentOf: StaticString = " % of "
        static let topOfTheBand: StaticString = "): top of the band, "
    }
}
