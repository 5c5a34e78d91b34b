import Foundation

/// The shared steps of reading a JSON object into a model: typed fields, ranges, missing and unknown keys, all
/// collected as problems with their path and line rather than stopping at the first.
protocol FieldDecoding {
    var bytes: [UInt8] { get }
    var problems: [EvaluationFileError.Problem] { get set }
    var warnings: [Diagnostic] { get set }
}

/// An object being read: its members, its path and where it starts.
struct JSONObjectView {
    var members: [JSONValue.Member]
    var path: JSONPath
    var offset: Int

    func member(_ key: String) -> JSONValue.Member? {
        members.first { $0.key == key }
    }
}

extension FieldDecoding {
    func location(_ offset: Int) -> TextLocation {
        offset < 0 || bytes.isEmpty ? .unknown : TextLocation(offset: offset, in: bytes)
    }


    mutating func object(_ value: JSONValue, path: JSONPath, offset: Int, expected: String) -> JSONObjectView? {
        guard case .object(let members) = value else {
            problems.append(.wrongType(path, expected: expected, found: value.kindDescription, location: location(offset)))
            return nil
        }
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            problems.append(.duplicateField(path.appending(member.key), location: location(member.offset)))
        }
        // Arrays do not record where their elements start; an object's first key is the nearest place to point at.
        return JSONObjectView(members: members, path: path, offset: members.first?.offset ?? offset)
    }

    /// Reports keys the format does not define as warnings (FORMAT.md §1), with the nearest known key when one is close.
    mutating func checkKeys(_ object: JSONObjectView, known: [String], kept: Bool = false, strict: Bool = false) {
        for member in object.members where !known.contains(member.key) {
            let suggestion = Self.closest(to: member.key, among: known).map { "; did you mean \"\($0)\"?" } ?? ""
            if strict {
                problems.append(.invalidValue(object.path.appending(member.key), expected: "one of \(known.joined(separator: ", "))",
                                              found: "the unknown key \"\(member.key)\"\(suggestion)", location: location(member.offset)))
                continue
            }
            warnings.append(Diagnostic(.unknownField, .warning,
                "\"\(member.key)\" is not a perfscore/1 field; it is \(kept ? "kept but not scored" : "ignored")\(suggestion)",
                at: object.path.appending(member.key)))
        }
    }

    /// The known key within two edits of a misspelt one.
    static func closest(to key: String, among known: [String]) -> String? {
        known.map { ($0, editDistance(key.lowercased(), $0)) }
            .filter { $0.1 <= 2 && $0.1 < max($0.0.count, key.count) }
            .min { $0.1 < $1.1 }?.0
    }

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

    mutating func invalid(_ object: JSONObjectView, _ key: String, expected: String, found: String) {
        let offset = object.member(key)?.offset ?? object.offset
        problems.append(.invalidValue(object.path.appending(key), expected: expected, found: "\"\(found.truncatedForMessage)\"",
                                      location: location(offset)))
    }

    /// The member under `key` when it is present and not null; when it is absent and `missing` describes what is
    /// expected, a `missingField` problem.
    mutating func present(_ object: JSONObjectView, _ key: String, missing: String? = nil) -> JSONValue.Member? {
        if let member = object.member(key), member.value != .null { return member }
        if let missing {
            problems.append(.missingField(object.path.appending(key), expected: missing, location: location(object.offset)))
        }
        return nil
    }

    mutating func required(_ object: JSONObjectView, _ key: String, expected: String) -> JSONValue.Member? {
        present(object, key, missing: expected)
    }

    /// A required member that must be an object.
    mutating func requiredObject(_ parent: JSONObjectView, _ key: String, expected: String) -> JSONObjectView? {
        guard let member = required(parent, key, expected: expected) else { return nil }
        return object(member.value, path: parent.path.appending(key), offset: member.offset, expected: expected)
    }

    /// An optional string field; null counts as absent.
    mutating func string(_ object: JSONObjectView, _ key: String) -> String? {
        guard let member = present(object, key) else { return nil }
        guard case .string(let value) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "a string", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        return withinLength(value, object.path.appending(key), member.offset)
    }

    /// The text, or `nil` with a problem when it is longer than ``EvaluationReader/longestText``.
    mutating func withinLength(_ text: String, _ path: JSONPath, _ offset: Int) -> String? {
        guard text.utf8.count > EvaluationReader.longestText, text.unicodeScalars.count > EvaluationReader.longestText else {
            return text
        }
        problems.append(.invalidValue(path, expected: "at most \(EvaluationReader.longestText) characters",
                                      found: "\(text.unicodeScalars.count) characters", location: location(offset)))
        return nil
    }

    /// A required non-empty string field.
    mutating func text(_ object: JSONObjectView, _ key: String, required: Bool, expected: String) -> String? {
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        guard case .string(let value) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "a string: \(expected)",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        guard !value.trimmingWhitespace.isEmpty else {
            problems.append(.invalidValue(object.path.appending(key), expected: expected, found: "an empty string",
                                          location: location(member.offset)))
            return nil
        }
        return withinLength(value, object.path.appending(key), member.offset)
    }

    /// A target or actual: a string as printed, or a number (kept as its literal).
    mutating func cell(_ object: JSONObjectView, _ key: String, required: Bool) -> String? {
        let expected = key == "target" ? "年初目标值 as printed (\"≥1800\", \"＜48小时\", \"是\") or a number"
                                       : "实际完成值 as printed or a number (or parts)"
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        switch member.value {
        case .string(let value): return withinLength(value, object.path.appending(key), member.offset)
        case .number(let literal): return literal
        default:
            problems.append(.wrongType(object.path.appending(key), expected: "a string as printed or a number",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
    }

    mutating func integer(_ object: JSONObjectView, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let member = present(object, key) else { return nil }
        let path = object.path.appending(key)
        guard case .number(let literal) = member.value else {
            problems.append(.wrongType(path, expected: "a whole number", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        guard let value = Int(literal), range.contains(value) else {
            problems.append(.invalidValue(path, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                                          found: literal, location: location(member.offset)))
            return nil
        }
        return value
    }

    mutating func figure(_ object: JSONObjectView, _ key: String, required: Bool, expected: String) -> Decimal? {
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        return decimal(member.value, path: object.path.appending(key), offset: member.offset, expected: expected)
    }

    /// A JSON number as an exact decimal, at least 0 and at most ``EvaluationReader/largestFigure``.
    mutating func decimal(_ value: JSONValue, path: JSONPath, offset: Int, expected: String) -> Decimal? {
        guard case .number(let literal) = value else {
            problems.append(.wrongType(path, expected: expected, found: value.kindDescription, location: location(offset)))
            return nil
        }
        guard let number = Self.exactDecimal(literal), abs(number) < EvaluationReader.largestFigure else {
            problems.append(.invalidValue(path, expected: "\(expected), below 10^15", found: literal, location: location(offset)))
            return nil
        }
        guard number >= 0 else {
            problems.append(.invalidValue(path, expected: expected, found: literal, location: location(offset)))
            return nil
        }
        return number
    }

    /// A JSON number literal as a Decimal, refusing exponents beyond ±100 and more than 38 significant digits.
    static func exactDecimal(_ literal: String) -> Decimal? {
        // The common literal (digits, an optional point and sign) is built from its digits directly.
        let bytes = Array(literal.utf8)
        if !bytes.isEmpty, bytes.count <= 20, bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) {
            let negative = bytes.first == 0x2D
            let body = negative ? bytes.dropFirst() : bytes[...]
            let point = body.firstIndex(of: 0x2E)
            let digits = body.filter { $0 != 0x2E }.map { $0 - 0x30 }
            let fraction = point.map { body.endIndex - $0 - 1 } ?? 0
            return IndicatorValueParser.decimal(digits: digits, fractionDigits: fraction, negative: negative)
        }
        var mantissa = Substring(literal)
        var exponent = 0
        if let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(literal[literal.index(after: e)...].drop { $0 == "+" }), abs(parsed) <= 100 else {
                return nil
            }
            exponent = parsed
            mantissa = literal[..<e]
        }
        let digits = mantissa.filter(\.isASCIIDigit).drop { $0 == "0" }
        guard digits.count <= 38, let value = Decimal(string: String(mantissa)) else { return nil }
        guard exponent != 0 else { return value }
        return Decimal(sign: value.sign, exponent: exponent, significand: abs(value))
    }
}
