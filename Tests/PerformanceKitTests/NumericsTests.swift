import Foundation
import Testing
@testable import PerformanceKit

@Suite("The exact decimal")
struct ExactDecimalTests {
    @Test(arguments: [("894.13", "894.13"), ("0.750", "0.75"), ("20", "20"), ("-3.5", "-3.5"), ("7.9e1", "79"),
                      ("0.000000000000000001", "0.000000000000000001"), ("9223372036854775807", "9223372036854775807"),
                      ("1e-3", "0.001"), ("+4", "4"), ("0", "0"), ("-0", "0"), ("00.5", "0.5")])
    func readsDigitsAndPrintsThemPlainly(_ text: String, _ printed: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.description == printed)
        // The printed form reads back as the same number.
        #expect(ExactDecimal(printed) == value)
    }

    @Test(arguments: ["", ".5", "5.", "1,000", "1 000", "１２", "0x10", "e5", "1e", "--1", "9223372036854775808",
                      "12345678901234567890", "0.0000000000000000001", "NaN"])
    func refusesWhatIsNotAFigureItCanHold(_ text: String) {
        #expect(ExactDecimal(text) == nil, "\(text)")
    }

    /// The short literals read in one pass give the same significand and places as the full reading, for every
    /// shape: trailing and leading zeros, a point anywhere, none, two, signs, an exponent, up to 20 bytes.
    @Test func readsShortLiteralsAsTheFullReadingDoes() {
        var generator = SystemRandomNumberGenerator()
        var literals = ["0", "0.0", "1.50", "00.500", "123456789012345678", "12345678901234567.8", "0.00000000000000001",
                        "999999999999999999", ".", "1..2", "1.2.3", ".5", "5.", "-1.5", "+2", "1e2", "", "12a"]
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...20, using: &generator)
            var literal = String((0..<length).map { _ in "0123456789".randomElement(using: &generator)! })
            if Bool.random(using: &generator) {
                let point = literal.index(literal.startIndex, offsetBy: Int.random(in: 0...length, using: &generator))
                literal.insert(".", at: point)
            }
            literals.append(literal)
        }
        for literal in literals {
            var text = literal
            let (fast, full) = text.withUTF8 { (ExactDecimal.parse($0[...]), ExactDecimal.parseInFull($0[...])) }
            #expect(fast?.significand == full?.significand && fast?.scale == full?.scale, "\(literal)")
        }
    }

    /// Whether a figure lies below a power of ten, told from its digits and places, is what comparing its
    /// magnitude with that power says: at the boundary, at every place, negative or not.
    @Test func tellsAFigureBelowAPowerOfTenAsAComparisonDoes() throws {
        var generator = SeededGenerator(seed: 15)
        var values = ["999999999999999.99", "1000000000000000", "1000000000000000.000", "-999999999999999",
                      "-1000000000000000", "0", "0.000000000000000001", "9223372036854775807", "922337203685477.5807"].map(dec)
        for _ in 0..<5_000 {
            let significand = Int64(bitPattern: generator.next()) >> Int(generator.next() % 63)
            values.append(try #require(ExactDecimal(significand: significand == .min ? 0 : significand, scale: Int(generator.next() % 19))))
        }
        for value in values {
            for power in 0...18 {
                let bound = ExactDecimal(significand: Int64(WideUInt.wordPowerOfTen(power)), scale: 0)!
                #expect(value.isBelow(powerOfTen: power) == (value.magnitude < bound), "\(value) below 10^\(power)")
            }
        }
    }

    /// The printed digits are the significand's, the point `scale` places from the right, `0` before a point
    /// with nothing before it, trailing zeros after the point dropped, and a sign for a negative value.
    @Test func printsEverySignificandAtEveryPlace() throws {
        var generator = SeededGenerator(seed: 23)
        var significands: [Int64] = [0, 1, -1, 10, 100, -120, 9, Int64.max, -Int64.max, 1_000_000_000_000_000_000]
        for _ in 0..<3_000 { significands.append(Int64(bitPattern: generator.next()) >> Int(generator.next() % 63)) }
        for significand in significands where significand != .min {
            for scale in 0...18 {
                let value = try #require(ExactDecimal(significand: significand, scale: scale))
                var digits = String(significand.magnitude)
                if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
                var printed = scale == 0 ? digits : digits.dropLast(scale) + "." + digits.suffix(scale)
                if scale > 0 { while printed.hasSuffix("0") { printed.removeLast() }; if printed.hasSuffix(".") { printed.removeLast() } }
                if significand < 0 { printed = "-" + printed }
                #expect(value.description == printed, "\(significand) at \(scale)")
            }
        }
    }

    @Test func comparesByNumberNotSpelling() throws {
        #expect(dec("1.50") == dec("1.5"))
        #expect(dec("1.50").hashValue == dec("1.5").hashValue)
        #expect(dec("0.1") < dec("0.11"))
        #expect(dec("-2") < dec("1"))
        #expect(dec("100") > dec("99.999999999999999"))
        // Aligning 10¹⁸ with 18 places would overflow 64 bits; the comparison does it in full width.
        #expect(dec("9000000000000000000") > dec("0.000000000000000001"))
    }

    @Test func hasNoFloatLiteralSoNoFigurePassesThroughBinary() {
        #expect(!(ExactDecimal.self is any ExpressibleByFloatLiteral.Type))
        let points: ExactDecimal = 20
        #expect(points == dec("20"))
    }

    @Test func addsAndMultipliesExactlyOrSaysItCannot() {
        #expect(dec("0.1").adding(dec("0.2")) == dec("0.3"))
        #expect(dec("894.13").multiplied(by: dec("0.2")) == dec("178.826"))
        #expect(dec("9000000000000000000").adding(dec("9000000000000000000")) == nil)
        #expect(dec("100000000000000").adding(dec("0.000000000000000001")) == nil)
        #expect(dec("3000000000").multiplied(by: dec("4000000000")) == nil)
        #expect(ExactDecimal.sum([dec("9000000000000000000"), dec("-8999999999999999999")]) == dec("1"))
        #expect(dec("808.44").timesPowerOfTen(8) == dec("80844000000"))
        #expect(dec("5").timesPowerOfTen(-2) == dec("0.05"))
    }

    @Test func convertsToAndFromFoundationDecimal() throws {
        #expect(dec("3857.18").decimalValue == Decimal(string: "3857.18"))
        #expect(ExactDecimal(exactly: try #require(Decimal(string: "0.125"))) == dec("0.125"))
        #expect(ExactDecimal(exactly: Decimal.nan) == nil)
    }
}

@Suite("Exact quotients, rounded once")
struct QuotientTests {
    func quotient(_ numerator: String, _ denominator: String) throws -> Quotient {
        try #require(Quotient(dec(numerator), over: dec(denominator)))
    }

    @Test(arguments: [("350", "37", "9.46"), ("3", "4", "0.75"), ("1", "14", "0.07"), ("0.125", "1", "0.13"),
                      ("1", "8", "0.13"), ("-1", "8", "-0.13"), ("280", "3", "93.33"), ("1", "200", "0.01"),
                      ("1", "201", "0"), ("799", "10", "79.9")])
    func roundsHalfUpToTwoPlaces(_ numerator: String, _ denominator: String, _ expected: String) throws {
        #expect(try quotient(numerator, denominator).rounded(scale: 2) == dec(expected))
    }

    @Test func keepsTheQuotientWholeUntilItIsRounded() throws {
        // 1 ÷ 3 × 3 is 1 exactly, not 0.999…
        let third = try quotient("1", "3")
        #expect(third.multiplied(by: dec("3"))?.rounded(scale: 2) == dec("1"))
        #expect(third.isExact(atScale: 4) == false)
        #expect(try quotient("1", "4").isExact(atScale: 4))
        #expect(try quotient("90", "70").nearestDecimal == dec("1.285714285714285714"))
        #expect(try quotient("90", "80").nearestDecimal == dec("1.125"))
    }

    @Test func comparesAcrossDenominators() throws {
        #expect(try quotient("6", "4") == quotient("3", "2"))
        #expect(Quotient.compare(try quotient("1", "3"), try quotient("333", "1000")) == 1)
        #expect(try quotient("7", "2").compare(to: dec("3.5")) == 0)
    }

    @Test func roundsTheLargestFiguresOrSaysTheyDoNotFit() throws {
        // 10¹⁵ × 10¹⁵ ÷ 1 does not fit 18 digits; 10¹⁵ × 10³ ÷ 10³ does.
        let huge = try #require(Quotient(WideDecimal.product(dec("1000000000000000"), dec("1000000000000000")), over: WideDecimal(dec("1"))))
        #expect(huge.rounded(scale: 2) == nil)
        let fits = try #require(Quotient(WideDecimal.product(dec("1000000000000000"), dec("1000")), over: WideDecimal(dec("1000"))))
        #expect(fits.rounded(scale: 2) == dec("1000000000000000"))
    }

    @Test func agreesWithFoundationOnTenThousandRatios() throws {
        var generator = SeededGenerator(seed: 41)
        for _ in 0..<10_000 {
            let w = Int64(generator.next() % 4000) + 1
            let a = Int64(generator.next() % 10_000_000) + 1
            let b = Int64(generator.next() % 10_000_000)
            let weight = ExactDecimal(significand: w, scale: 1)!
            let target = ExactDecimal(significand: a, scale: 2)!
            let actual = ExactDecimal(significand: b, scale: 2)!
            let ours = try #require(Quotient(WideDecimal.product(weight, actual), over: WideDecimal(target))?.rounded(scale: 2))
            // Foundation's 38 digits are plenty to round these half-up the same way.
            var raw = weight.decimalValue * actual.decimalValue / target.decimalValue
            var rounded = Decimal()
            NSDecimalRound(&rounded, &raw, 2, .plain)
            #expect(ours.decimalValue == rounded, "\(weight) × \(actual) ÷ \(target)")
        }
    }
}

extension QuotientTests {
    /// A decimal over 1 is rounded from its own digits; it must round as the long division does the same value
    /// written over 2 (`2v ÷ 2`): every scale, values at the halves, negative values, and ones that do not fit.
    @Test func roundsADecimalOverOneAsTheLongDivisionDoes() {
        let values = ["0", "7", "2.445", "2.455", "-2.445", "0.005", "0.004999", "99.995", "123456789.123456789",
                      "922337203685477580.7", "0.000000000000000001", "5"].map(dec)
        for value in values {
            let doubled = WideDecimal(value).adding(WideDecimal(value))!
            let longWay = Quotient(doubled, over: WideDecimal(ExactDecimal(2)))!
            for scale in 0...18 {
                #expect(Quotient(value).rounded(scale: scale) == longWay.rounded(scale: scale), "\(value) at \(scale)")
                #expect(Quotient(value).rounded(scale: scale)?.scale == longWay.rounded(scale: scale)?.scale, "\(value) at \(scale)")
            }
        }
    }
}

extension QuotientTests {
    /// Two quotients whose parts fit one word are compared in one 128-bit product each; the full-width comparison
    /// says the same for every sign, size and scale, zeros among them, and says alike when the products cannot be
    /// brought to one scale.
    @Test func comparesInOneWordAsInFullWidth() throws {
        var generator = SeededGenerator(seed: 11)
        func part(_ round: Int, canBeNegative: Bool) -> WideDecimal {
            let digits = [1, 2, 6, 12, 19][Int(generator.next() % 5)]
            let magnitude = digits == 19 ? generator.next() : generator.next() % WideUInt.wordPowerOfTen(digits)
            return WideDecimal(magnitude: WideUInt(magnitude), scale: Int(generator.next() % 19),
                               isNegative: canBeNegative && generator.next() % 3 == 0)
        }
        for round in 0..<20_000 {
            var denominators = (part(round, canBeNegative: false), part(round, canBeNegative: false))
            if denominators.0.magnitude.isZero { denominators.0 = WideDecimal(ExactDecimal(3)) }
            if denominators.1.magnitude.isZero { denominators.1 = WideDecimal(ExactDecimal(7)) }
            let lhs = try #require(Quotient(part(round, canBeNegative: true), over: denominators.0))
            // Equal values now and then: the same quotient, or one of its parts scaled by ten on both sides.
            let rhs = round % 9 == 0 ? lhs : try #require(Quotient(part(round, canBeNegative: true), over: denominators.1))
            #expect(Quotient.compare(lhs, rhs) == Quotient.compareInFullWidth(lhs, rhs))
            #expect(Quotient.compare(rhs, lhs) == Quotient.compareInFullWidth(rhs, lhs))
        }
    }

    /// A quotient whose parts fit one word is rounded in one word; the full-width division gives the same figure
    /// at every scale, for ratios of every size, halves among them, and says alike when the result does not fit.
    @Test func roundsInOneWordAsInFullWidth() throws {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<20_000 {
            let digits = [1, 3, 6, 12, 18][round % 5]
            let limit = WideUInt.wordPowerOfTen(digits)
            // Halves: a denominator of 2, 8 or 200, with odd numerators among the rest.
            let d = round % 11 == 0 ? [2, 8, 200][round % 3] : generator.next() % limit + 1
            let numerator = WideDecimal(magnitude: WideUInt(generator.next() % limit), scale: Int(generator.next() % 5),
                                        isNegative: round % 7 == 0)
            let quotient = try #require(Quotient(numerator, over: WideDecimal(magnitude: WideUInt(d), scale: Int(generator.next() % 5), isNegative: false)))
            let scale = Int(generator.next() % 19)
            let fast = quotient.rounded(scale: scale), full = quotient.roundedInFullWidth(scale: scale)
            #expect(fast == full && fast?.scale == full?.scale, "\(quotient.numerator.magnitude.low) ÷ \(d) at \(scale)")
        }
    }
}

@Suite("128-bit integers")
struct WideUIntTests {
    @Test func multipliesAndDividesInFullWidth() {
        let product = WideUInt.product(UInt64.max, UInt64.max)
        #expect(product.high == UInt64.max - 1 && product.low == 1)
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: WideUInt(UInt64.max))
        #expect(quotient == WideUInt(UInt64.max) && remainder.isZero)
        // A divisor of more than 64 bits takes the long way.
        let big = WideUInt(high: 3, low: 7)
        let (q, r) = product.quotientAndRemainder(dividingBy: big)
        #expect(q.multiplied(by: big)?.adding(r) == product)
        #expect(r < big)
    }

    @Test func saysWhenItOverflows() {
        #expect(WideUInt(high: UInt64.max, low: 0).multiplied(by: 2) == nil)
        #expect(WideUInt(high: UInt64.max, low: UInt64.max).adding(WideUInt(1)) == nil)
        #expect(WideUInt(1).timesPowerOfTen(38) == WideUInt.powersOfTen[38])
        #expect(WideUInt(4).timesPowerOfTen(38) == nil)
        #expect(WideUInt.powersOfTen[38].digits.count == 39)
    }

    /// The word-sized powers are the table's, and a product by any power from 0 to 38 is the table's power times
    /// the factor, in one step or several.
    @Test func multipliesByEveryPowerOfTen() {
        for power in 0...19 {
            #expect(WideUInt(WideUInt.wordPowerOfTen(power)) == WideUInt.powersOfTen[power], "\(power)")
        }
        for power in 0...38 {
            for factor: UInt64 in [0, 1, 7, 123_456_789] {
                #expect(WideUInt(factor).timesPowerOfTen(power) == WideUInt.powersOfTen[power].multiplied(by: factor), "\(factor)e\(power)")
            }
        }
    }

    /// A sum in one word's fast path equals the general alignment's: same scale and sign, with and without a carry.
    @Test func addsWideDecimalsOfOneScale() {
        let big = WideDecimal(magnitude: WideUInt(UInt64.max - 5), scale: 2, isNegative: false)
        let sum = big.adding(WideDecimal(magnitude: WideUInt(10), scale: 2, isNegative: false))
        #expect(sum == WideDecimal(magnitude: WideUInt(high: 1, low: 4), scale: 2, isNegative: false))
        let negative = WideDecimal(ExactDecimal(-25)).adding(WideDecimal(ExactDecimal(-75)))
        #expect(negative?.exact == ExactDecimal(-100))
        #expect(WideDecimal(dec("1.5")).adding(WideDecimal(dec("-0.5")))?.exact == ExactDecimal(1))
    }
}

extension QuotientTests {
    /// Two sums' terms of one word each are added in one word, the one at fewer places first brought to the other's;
    /// the full-width way (both brought to the larger scale in 128 bits, then added or subtracted) gives the same
    /// digits, scale and sign for every size, scale and sign of the terms, and says alike when they cannot be aligned.
    @Test func addsInOneWordAsInFullWidth() {
        var generator = SeededGenerator(seed: 23)
        func term() -> WideDecimal {
            let digits = [1, 2, 4, 9, 15, 19][Int(generator.next() % 6)]
            let low = digits == 19 ? generator.next() : generator.next() % WideUInt.wordPowerOfTen(digits)
            let high = generator.next() % 8 == 0 ? generator.next() % 1000 : 0
            return WideDecimal(magnitude: WideUInt(high: high, low: low), scale: Int(generator.next() % 24),
                               isNegative: generator.next() % 4 == 0)
        }
        var inOneWord = 0
        for _ in 0..<20_000 {
            let (a, b) = (term(), term())
            let sum = a.adding(b)
            let expected = a.addingInFullWidth(b)
            #expect(sum?.magnitude == expected?.magnitude && sum?.scale == expected?.scale
                    && sum?.isNegative == expected?.isNegative, "\(a) + \(b)")
            if a.magnitude.high == 0, b.magnitude.high == 0, a.isNegative == b.isNegative { inOneWord += 1 }
        }
        // Both ways were taken, many times each.
        #expect(inOneWord > 5_000 && inOneWord < 15_000)
        // A table's figures: 4.75 + 5 = 9.75, 0.5 + 0.25 = 0.75, and a carry into the high word.
        #expect(WideDecimal(dec("4.75")).adding(WideDecimal(dec("5"))) == WideDecimal(dec("9.75")))
        #expect(WideDecimal(dec("0.5")).adding(WideDecimal(dec("0.25")))?.scale == 2)
        let big = WideDecimal(magnitude: WideUInt(UInt64.max), scale: 0, isNegative: false)
        #expect(big.adding(WideDecimal(dec("1")))?.magnitude == WideUInt(high: 1, low: 0))
    }
}

extension ExactDecimalTests {
    /// Two decimals at different places are added by bringing the one at fewer places up with one multiplication;
    /// the way out of line (each brought to the larger scale, trailing zeros dropped first where it would not fit)
    /// gives the same sum, or says alike that it does not fit, for every size, scale and sign.
    @Test func addsAtDifferentPlacesAsAtACommonScale() {
        var generator = SeededGenerator(seed: 31)
        func term() -> ExactDecimal {
            let digits = [1, 2, 3, 6, 12, 17, 18][Int(generator.next() % 7)]
            let magnitude = Int64(generator.next() % WideUInt.wordPowerOfTen(digits))
            // Some with trailing zeros, which the way out of line drops when it must.
            let zeros = generator.next() % 3 == 0 ? Int64(WideUInt.wordPowerOfTen(Int(generator.next() % 4))) : 1
            let significand = magnitude.multipliedReportingOverflow(by: zeros).overflow ? magnitude : magnitude * zeros
            return ExactDecimal(significand: generator.next() % 3 == 0 ? -significand : significand,
                                scale: Int(generator.next() % 19))!
        }
        var tooLarge = 0
        for _ in 0..<20_000 {
            let (a, b) = (term(), term())
            let sum = a.adding(b)
            let expected = a.addingAtCommonScale(b)
            #expect(sum?.significand == expected?.significand && sum?.scale == expected?.scale, "\(a) + \(b)")
            if expected == nil { tooLarge += 1 }
        }
        // Sums that do not fit were among them, and most did.
        #expect(tooLarge > 100 && tooLarge < 15_000)
        #expect(dec("4.75").adding(dec("5")) == dec("9.75"))
        #expect(dec("5").adding(dec("-4.75"))?.scale == 2)
        // 10^17 at no places and 1 at 2 places: 10^19 + 1 does not fit a word; dropping zeros does not help.
        #expect(dec("100000000000000000").adding(dec("0.01")) == nil)
    }
}
