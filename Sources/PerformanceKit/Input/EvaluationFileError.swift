/// Why an evaluation file could not be used: every problem found in it, each with where it is.
///
/// Reading does not stop at the first wrong field: a file with three mistakes reports all three, so that the
/// person fixing it needs one round, not three. Syntax errors are the exception: after one, nothing further can
/// be read.
///
/// ```swift
/// do {
///     _ = try Evaluation(jsonData: data)
/// } catch let error as EvaluationFileError {
///     for problem in error.problems { print(problem) }   // indicators[3].weight: expected a number, …
/// }
/// ```
public struct EvaluationFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One thing wrong with the file.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The bytes are not UTF-8 (a file saved as GB18030 or UTF-16, say).
        case notUTF8(byteOffset: Int, location: TextLocation)
        /// The text is not JSON: `expected` is what the grammar allows there, `found` what stands there.
        case syntax(expected: String, found: String, location: TextLocation)
        /// Arrays and objects are nested deeper than ``JSONReader/maximumDepth``.
        case nestingTooDeep(limit: Int, location: TextLocation)
        /// The `format` field is missing or names another format.
        case unsupportedFormat(found: String, location: TextLocation)
        /// A required field is absent.
        case missingField(JSONPath, expected: String, location: TextLocation)
        /// A field holds a value of the wrong JSON type.
        case wrongType(JSONPath, expected: String, found: String, location: TextLocation)
        /// A field has the right type but a value that cannot be used.
        case invalidValue(JSONPath, expected: String, found: String, location: TextLocation)
        /// The same key stands twice in one object.
        case duplicateField(JSONPath, location: TextLocation)

        /// The path into the file, where the problem concerns one field.
        public var path: JSONPath? {
            switch self {
            case .missingField(let path, _, _), .wrongType(let path, _, _, _), .invalidValue(let path, _, _, _),
                 .duplicateField(let path, _):
                return path
            case .unsupportedFormat:
                return JSONPath.root.appending("format")
            case .notUTF8, .syntax, .nestingTooDeep:
                return nil
            }
        }

        /// Line and column in the file, where known.
        public var location: TextLocation {
            switch self {
            case .notUTF8(_, let location), .syntax(_, _, let location), .nestingTooDeep(_, let location),
                 .unsupportedFormat(_, let location), .missingField(_, _, let location),
                 .wrongType(_, _, _, let location), .invalidValue(_, _, _, let location),
                 .duplicateField(_, let location):
                return location
            }
        }

        /// What is wrong, in words, without the file name: `indicators[3].weight: expected a number, found the string "七"`.
        public var description: String {
            switch self {
            case .notUTF8(let offset, _):
                return "the file is not UTF-8 (byte \(offset) cannot be read); save it as UTF-8"
            case .syntax(let expected, let found, _):
                return "not valid JSON: expected \(expected), found \(found)"
            case .nestingTooDeep(let limit, _):
                return "arrays and objects are nested more than \(limit) deep"
            case .unsupportedFormat(let found, _):
                return "format: expected \"perfscore/1\", found \(found)"
            case .missingField(let path, let expected, _):
                return "\(path): missing; expected \(expected)"
            case .wrongType(let path, let expected, let found, _):
                return "\(path): expected \(expected), found \(found)"
            case .invalidValue(let path, let expected, let found, _):
                return "\(path): expected \(expected), found \(found)"
            case .duplicateField(let path, _):
                return "\(path): this field stands twice in the same object; keep one"
            }
        }
    }

    /// Every problem found, in file order.
    public var problems: [Problem]

    /// Creates an error from the problems found, in file order.
    package init(problems: [Problem]) {
        self.problems = problems
    }

    /// One problem a line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
