/// The shared steps of reading a JSON tree (a rule profile) into a model: typed fields, ranges, missing and unknown keys, all
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
            let suggestion = KeySuggestion.closest(to: member.key, among: known).map { "; did you mean \"\($0)\"?" } ?? ""
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

    mutating func figure(_ object: JSONObjectView, _ key: String, required: Bool, expected: String) -> ExactDecimal? {
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        return decimal(member.value, path: object.path.appending(key), offset: member.offset, expected: expected)
    }

    /// A JSON number as an exact decimal, at least 0 and below 10^``EvaluationReader/figureDigits``.
    mutating func decimal(_ value: JSONValue, path: JSONPath, offset: Int, expected: String) -> ExactDecimal? {
        guard case .number(let literal) = value else {
            problems.append(.wrongType(path, expected: expected, found: value.kindDescription, location: location(offset)))
            return nil
        }
        guard let number = ExactDecimal(literal), number.isBelow(powerOfTen: EvaluationReader.figureDigits) else {
            problems.append(.invalidValue(path, expected: "\(expected), below 10^15", found: literal, location: location(offset)))
            return nil
        }
        guard !number.isNegative else {
            problems.append(.invalidValue(path, expected: expected, found: literal, location: location(offset)))
            return nil
        }
        return number
    }

}
