/// Reads a perfscore/1 evaluation file (FORMAT.md §1) into an ``Evaluation``.
///
/// ```swift
/// let result = try EvaluationReader().read(Array(data))
/// let card = try Evaluator().evaluate(result.evaluation)
/// ```
///
/// The bytes go straight to the model: one pass, field by field, with no JSON tree in between. Every field is
/// checked for its type and range, and every problem is reported at once with its JSON path and line; fields
/// perfscore/1 does not define are kept on the model as the bytes they were written in and reported as warnings,
/// with a suggestion when they look like a misspelt field.
public struct EvaluationReader: Sendable {
    /// Every figure accepted lies below 10 to this power: 15 integer digits, far above any budget in 万元.
    static let figureDigits = 15
    /// Most indicators one evaluation may hold (real tables hold under a hundred); more is refused with a message
    /// instead of being read at any cost.
    static let mostIndicators = 10_000
    /// Longest text of any field, in Unicode scalars (the longest real indicator name is about 60).
    static let longestText = 2_000

    /// Whether every indicator must have an `actual` (a self-evaluation) or may lack one (a target table).
    var requiresActuals: Bool

    /// Creates a reader.
    ///
    /// - Parameter requiresActuals: `true` for self-evaluations (every row has an `actual` or `parts`); `false` for
    ///   target tables, which may also lack `budget` and points.
    public init(requiresActuals: Bool = true) {
        self.requiresActuals = requiresActuals
    }

    /// An evaluation read from a file, with the warnings the reading produced.
    public struct Result: Sendable, Equatable {
        /// The evaluation read.
        public var evaluation: Evaluation
        /// Unknown fields and other things that do not stop scoring.
        public var warnings: [Diagnostic]
        /// Where each field stands in a spreadsheet the evaluation was read from; empty for JSON.
        package var places = CellPlaces()
        /// Whether a reading that does not require actuals (a target table's) put in a budget of 0 because the table
        /// gives none: a self-evaluation read so is not to be scored on it.
        package var budgetAssumed = false
    }

    /// Reads one evaluation from UTF-8 JSON bytes.
    ///
    /// - Throws: ``EvaluationFileError`` listing every problem, each with its path and line.
    public func read(_ bytes: [UInt8]) throws(EvaluationFileError) -> Result {
        try bytes.withUnsafeBufferPointer { (buffer) throws(EvaluationFileError) -> Result in try read(buffer) }
    }

    /// Reads a perfscore/1 file from bytes in place (a line of a batch), which the result does not hold on to.
    ///
    /// - Parameter inPlace: whether the rows may keep their texts as places in `bytes` themselves rather than in a
    ///   copy of them (``TextStore/init(inPlace:)``): only for a caller that keeps `bytes` alive and unchanged for as
    ///   long as it keeps the result, or anything made of it.
    package func read(_ bytes: UnsafeBufferPointer<UInt8>, inPlace: Bool = false) throws(EvaluationFileError) -> Result {
        let requiresActuals = self.requiresActuals
        // The rows' texts stay places in these bytes or a copy of them (``TextStore``).
        let store = inPlace ? TextStore(inPlace: bytes) : TextStore(source: bytes)
        // Taken apart at once, so that the evaluation is handed on rather than copied out of the tuple.
        let (read, problems, warnings) = try JSONScanner.document(bytes) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in
            var decoding = EvaluationDecoding(requiresActuals: requiresActuals, store: store)
            let evaluation = try decoding.evaluation(&scanner)
            return ((evaluation: evaluation, budgetAssumed: decoding.budgetAssumed), decoding.sortedProblems, decoding.sortedWarnings)
        }
        guard problems.isEmpty, let evaluation = read.evaluation else {
            throw EvaluationFileError(problems: Self.suggestingMisspeltKeys(problems, warnings: warnings))
        }
        var result = Result(evaluation: evaluation, warnings: warnings)
        result.budgetAssumed = read.budgetAssumed
        return result
    }
}

extension EvaluationReader {
    /// The evaluations of a file that holds an array of them, as `perfscore extract` and `perfscore convert` write
    /// several tables: each element read on its own, as ``read(_:)-([UInt8])`` reads a file's one evaluation, so that
    /// a broken element leaves the others readable; `nil` when the file's first value is not an array (read it with
    /// ``read(_:)-([UInt8])``).
    ///
    /// A finding's path is the element's own (`indicators[3].target`, the element named by its index where the
    /// caller names the table); its line and column are the file's.
    ///
    /// - Throws: ``EvaluationFileError`` when the file is not JSON at all (not UTF-8, a syntax error, nesting too
    ///   deep), or holds an empty array: no element can then be told from the next.
    package func readArray(_ bytes: [UInt8]) throws(EvaluationFileError) -> [Swift.Result<Result, EvaluationFileError>]? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
        let requiresActuals = self.requiresActuals
        return try bytes.withUnsafeBufferPointer { (buffer) throws(EvaluationFileError) -> [Swift.Result<Result, EvaluationFileError>] in
            let store = TextStore(source: buffer)
            return try JSONScanner.document(buffer) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in
                let opening = scanner.index
                try scanner.expect(UInt8(ascii: "["), "an array of evaluation objects")
                scanner.skipWhitespace()
                guard scanner.current != UInt8(ascii: "]") else {
                    throw JSONScanner.Problem.invalidValue(.root, expected: "at least one evaluation object", found: "an empty array",
                                                           location: scanner.location(opening))
                }
                var elements: [Swift.Result<Result, EvaluationFileError>] = []
                repeat {
                    scanner.skipWhitespace()
                    elements.append(try Self.element(&scanner, requiresActuals: requiresActuals, store: store))
                } while try scanner.nextAfterItem(close: UInt8(ascii: "]"))
                // An array none of whose elements says it is a perfscore/1 evaluation is some other file: one line
                // says so, rather than every element's every missing field.
                if elements.allSatisfy(Self.isNoEvaluation) {
                    throw JSONScanner.Problem.wrongType(.root, expected: "an evaluation object, or an array of them",
                        found: "an array of \(elements.count) value(s), none with \"format\": \"perfscore/1\"", location: scanner.location(opening))
                }
                return elements
            }
        }
    }

    /// One evaluation of several in a file (an element of an array, a line of JSON Lines), read where the scanner
    /// stands, its findings pointing at its first byte: the result, or its own problems (a missing field beside a
    /// misspelt key suggested), which leave the others readable. JSON that does not hold together is thrown.
    static func element(_ scanner: inout JSONScanner, requiresActuals: Bool, store: TextStore)
        throws(JSONScanner.Problem) -> Swift.Result<Result, EvaluationFileError> {
        var decoding = EvaluationDecoding(requiresActuals: requiresActuals, store: store)
        let evaluation = try decoding.evaluation(&scanner, origin: scanner.index)
        let (problems, warnings) = (decoding.sortedProblems, decoding.sortedWarnings)
        guard problems.isEmpty, let evaluation else {
            return .failure(EvaluationFileError(problems: suggestingMisspeltKeys(problems, warnings: warnings)))
        }
        var result = Result(evaluation: evaluation, warnings: warnings)
        result.budgetAssumed = decoding.budgetAssumed
        return .success(result)
    }


    /// Whether an element of an array failed for want of being an evaluation at all: not an object, or an object
    /// with no `format` (a perfscore/1 evaluation always says it is one).
    private static func isNoEvaluation(_ element: Swift.Result<Result, EvaluationFileError>) -> Bool {
        guard case .failure(let error) = element else { return false }
        return error.problems.contains { problem in
            switch problem {
            case .unsupportedFormat(let found, _): return found == "no format field"
            case .wrongType(let path, _, _, _): return path == .root
            default: return false
            }
        }
    }
}

extension EvaluationReader {
    /// A missing field beside an unknown key that is close to it (`"wieght"` where `weight` is missing) says so:
    /// `weight: missing; expected …; "wieght" is given: did you mean "weight"?`. The unknown-field warning that
    /// found the likeness would otherwise never be seen, since a file with problems is not scored.
    static func suggestingMisspeltKeys(_ problems: [EvaluationFileError.Problem], warnings: [Diagnostic]) -> [EvaluationFileError.Problem] {
        problems.map { problem in
            guard case .missingField(let path, let expected, let location) = problem,
                  case .key(let field)? = path.components.last else { return problem }
            let parent = path.components.dropLast()
            // The unknown keys beside it, the first that KeySuggestion finds close to the missing field.
            let given = warnings.lazy.filter { $0.code == .unknownField && $0.path.components.dropLast() == parent }
                .compactMap { warning -> String? in
                    guard case .key(let key)? = warning.path.components.last else { return nil }
                    return KeySuggestion.closest(to: key, among: [field]) == nil ? nil : key
                }.first
            guard let given else { return problem }
            return .missingField(path, expected: "\(expected); \"\(given)\" is given: did you mean \"\(field)\"?", location: location)
        }
    }
}

/// The walk from bytes to the model, collecting problems instead of stopping at the first.
///
/// Problems and warnings are reported in a fixed order, whatever the order of the keys in the file: the file's
/// fields in the order of FORMAT.md (format, title, …, budget, goals, declaredPoints, indicators, published), each
/// object's duplicate keys first, then its unknown keys, then its fields in the same order. Each finding carries a
/// sort key made of those positions.
struct EvaluationDecoding {
    let requiresActuals: Bool
    /// The file's bytes, which the rows' texts are places in.
    let store: TextStore
    private var problems: [(key: [Int], problem: EvaluationFileError.Problem)] = []
    private var warnings: [(key: [Int], diagnostic: Diagnostic)] = []
    /// Whether the budget block was absent and a budget of 0 put in (a target table's reading only).
    private(set) var budgetAssumed = false
    /// The order the last row, and the last part of a row, wrote their keys in (``KeyOrder``).
    private var indicatorKeyOrder = KeyOrder()
    private var partKeyOrder = KeyOrder()

    init(requiresActuals: Bool, store: TextStore) {
        self.requiresActuals = requiresActuals
        self.store = store
    }

    typealias Problem = JSONScanner.Problem

    static let topLevelKeys = KeyTable(["format", "title", "agency", "year", "kind", "rules", "budget", "goals", "declaredPoints",
                                        "indicators", "published", "source", "form"])
    static let formKeys = KeyTable(FormDetails().fieldKeys)
    static let budgetKeys = KeyTable(["planned", "executed", "initial", "weight", "sources"])
    static let fundSourceKeys = KeyTable(["initial", "planned", "executed"])
    static let indicatorKeys = KeyTable(["category", "subcategory", "name", "unit", "weight", "target", "actual", "direction",
                                         "judgement", "score", "deduction", "reason", "previous", "basis", "parts", "measure",
                                         "goal", "published"])
    static let partKeys = KeyTable(["agency", "fund", "score", "actual"])
    static let publishedKeys = KeyTable(["total", "budget", "categories"])
    static let goalKeys = KeyTable(["name", "ratio"])

    /// The keys an object may hold, in the order findings are reported, found by their bytes.
    ///
    /// A key is looked up in one step: its length and first and last bytes pick a slot of a small open-addressed
    /// table (``slots``), whose entry is compared byte for byte; a key of no field meets an empty slot.
    final class KeyTable: Sendable {
        let names: [String]
        /// Every name's bytes, one after another; name `i` starts at `starts[i]`.
        private let packed: [UInt8]
        private let starts: [Int]
        /// Field index + 1 per slot, 0 for an empty slot; a power of two long.
        private let slots: [Int8]
        /// Each field's key as it stands before its value, `"key":`, for ``endOfKey(_:in:at:)``.
        private let patterns: [KeyPattern]

        /// Up to sixteen bytes as two little-endian words, and which of their bytes count.
        struct KeyPattern {
            var first: UInt64 = 0, second: UInt64 = 0
            var firstMask: UInt64 = 0, secondMask: UInt64 = 0
            /// How many bytes count; 0 for a key too long to compare in sixteen bytes, which never matches.
            var length = 0

            init(_ bytes: [UInt8]) {
                guard bytes.count <= 16 else { return }
                length = bytes.count
                for (index, byte) in bytes.enumerated() {
                    let shift = UInt64(8 * (index % 8))
                    if index < 8 {
                        first |= UInt64(byte) << shift
                        firstMask |= 0xFF << shift
                    } else {
                        second |= UInt64(byte) << shift
                        secondMask |= 0xFF << shift
                    }
                }
            }
        }

        init(_ names: [String]) {
            self.names = names
            var packed: [UInt8] = []
            var starts: [Int] = []
            for name in names {
                starts.append(packed.count)
                packed.append(contentsOf: name.utf8)
            }
            starts.append(packed.count)
            self.packed = packed
            self.starts = starts
            var size = 16
            while size < names.count * 4 { size *= 2 }
            var slots = [Int8](repeating: 0, count: size)
            for (index, name) in names.enumerated() {
                let bytes = Array(name.utf8)
                var slot = Self.hash(count: bytes.count, first: bytes.first ?? 0, last: bytes.last ?? 0) & (size - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
                slots[slot] = Int8(index + 1)
            }
            self.slots = slots
            patterns = names.map { KeyPattern(Array("\"\($0)\":".utf8)) }
        }

        subscript(field: Int) -> String { names[field] }

        @inline(__always)
        private static func hash(count: Int, first: UInt8, last: UInt8) -> Int {
            count &* 7 &+ Int(first) &* 3 &+ Int(last)
        }

        /// The field a key names, compared byte for byte.
        @inline(__always)
        func field(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            let count = key.count
            guard count > 0, let base = key.base.baseAddress.map({ $0 + key.startIndex }) else { return nil }
            return slots.withUnsafeBufferPointer { slots in
                packed.withUnsafeBufferPointer { packed in
                    starts.withUnsafeBufferPointer { starts in
                        let mask = slots.count - 1
                        var slot = Self.hash(count: count, first: base[0], last: base[count - 1]) & mask
                        while true {
                            let entry = Int(slots[slot])
                            if entry == 0 { return nil }
                            let start = starts[entry - 1]
                            if starts[entry] - start == count, memcmpEqual(packed.baseAddress! + start, base, count) {
                                return entry - 1
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }

        /// Where the value begins when the bytes at `offset` are `field`'s key exactly, in quotes and followed at once
        /// by its colon (`"name":`); `nil` for anything else, which is then read and looked up as any key is.
        ///
        /// Sixteen bytes are compared as two words under the pattern's masks, so fewer than sixteen bytes before
        /// the end of `bytes` never match.
        @inline(__always)
        func endOfKey(_ field: Int, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
            guard offset + 16 <= bytes.count, let base = bytes.baseAddress else { return nil }
            return patterns.withUnsafeBufferPointer { patterns in
                let pattern = patterns[field]
                let at = UnsafeRawPointer(base + offset)
                let first = UInt64(littleEndian: at.loadUnaligned(as: UInt64.self))
                let second = UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                let differs = (first ^ pattern.first) & pattern.firstMask | (second ^ pattern.second) & pattern.secondMask
                return differs == 0 && pattern.length > 0 ? offset + pattern.length : nil
            }
        }
    }

    /// Positions in the fixed order of findings: before every field of an object come its duplicate keys, then
    /// its unknown keys.
    static let duplicateSlot = -2
    static let unknownSlot = -1

    var sortedProblems: [EvaluationFileError.Problem] {
        problems.enumerated().sorted { lhs, rhs in
            lhs.element.key != rhs.element.key ? lhs.element.key.lexicographicallyPrecedes(rhs.element.key) : lhs.offset < rhs.offset
        }.map(\.element.problem)
    }

    var sortedWarnings: [Diagnostic] {
        warnings.enumerated().sorted { lhs, rhs in
            lhs.element.key != rhs.element.key ? lhs.element.key.lexicographicallyPrecedes(rhs.element.key) : lhs.offset < rhs.offset
        }.map(\.element.diagnostic)
    }

    // MARK: - One object's members

    /// An object being read: its path, where it is reported when a field is missing, its sort key, and the keys
    /// seen so far.
    struct ObjectContext {
        /// Which object of the file this is; its path and sort key are built from it only when a finding needs them.
        var place: Place
        /// Where a missing field is reported: the object's first key, or where the object was found.
        var offset: Int
        /// The object's keys: one of the reader's static tables, which live as long as the program, held without
        /// counting a reference (every object of every row took one and gave it back, on both cores at once).
        private let table: Unmanaged<KeyTable>
        /// Fields seen with a value other than null, by their index in `known`.
        var present: UInt64 = 0
        /// Fields seen at all (null too).
        var seen: UInt64 = 0
        var unknownSeen: [String] = []
        var sawFirstKey = false
        /// Whether the object's `{` has been read.
        var opened = false
        /// The order the last object of this kind wrote its keys in, learnt further as this one is read.
        var order: KeyOrder
        /// Where in ``order`` the next key stands: after the last known field read, or at the start.
        var orderEntry = 0

        init(place: Place, offset: Int, known: KeyTable, order: KeyOrder = KeyOrder()) {
            self.place = place
            self.offset = offset
            table = .passUnretained(known)
            self.order = order
        }

        /// The object's keys.
        var known: KeyTable { table.takeUnretainedValue() }

        /// The field a plain key names, looked up without counting a reference to the table.
        @inline(__always)
        func field(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            table._withUnsafeGuaranteedRef { $0.field(key) }
        }

        /// Where the value begins when the key at `offset` is `field`'s, written plainly (``KeyTable/endOfKey(_:in:at:)``).
        @inline(__always)
        func endOfKey(_ field: Int, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
            table._withUnsafeGuaranteedRef { $0.endOfKey(field, in: bytes, at: offset) }
        }

        /// Notes where the object's first key stands, where a missing field is reported.
        @inline(__always)
        mutating func noteKey(at offset: Int) {
            guard !sawFirstKey else { return }
            sawFirstKey = true
            self.offset = offset
        }

        /// Marks `field` as given, and as present unless its value, at the cursor, is null.
        @inline(__always)
        mutating func accept(_ field: Int, valueAt scanner: JSONScanner) {
            seen |= 1 << UInt64(field)
            if scanner.current != UInt8(ascii: "n") { present |= 1 << UInt64(field) }
        }

        var path: JSONPath { place.path }
        var key: [Int] { place.key }

        func has(_ field: Int) -> Bool { present & (1 << UInt64(field)) != 0 }
        func sawKey(_ field: Int) -> Bool { seen & (1 << UInt64(field)) != 0 }
    }

    /// The objects of an evaluation file.
    enum Place {
        case root, budget, published, form
        case fundSource(name: String, position: Int)
        case goal(Int)
        case indicator(Int)
        case part(indicator: Int, part: Int)

        var path: JSONPath {
            switch self {
            case .root: return .root
            case .budget: return JSONPath.root.appending("budget")
            case .fundSource(let name, _): return JSONPath.root.appending("budget").appending("sources").appending(name)
            case .published: return JSONPath.root.appending("published")
            case .form: return JSONPath.root.appending("form")
            case .goal(let index): return JSONPath.root.appending("goals").appending(index)
            case .indicator(let index): return .indicator(index)
            case .part(let indicator, let part): return JSONPath.indicator(indicator).appending("parts").appending(part)
            }
        }

        /// The place's position in the order findings are reported (top-level field indices first).
        var key: [Int] {
            switch self {
            case .root: return []
            case .budget: return [6]
            case .fundSource(_, let position): return [6, 4, position]
            case .published: return [10]
            case .form: return [12]
            case .goal(let index): return [7, index]
            case .indicator(let index): return [9, index]
            case .part(let indicator, let part): return [9, indicator, 14, part]
            }
        }
    }

    /// The next known member of the object at the cursor: its field (its index in `context.known`) and where its
    /// key stands, the cursor on its value, which the caller reads; `nil` once the object's `}` is read. The first
    /// call opens the object (the cursor on its `{`). Duplicate and unknown keys are reported here and skipped
    /// (unknown ones kept in `extra`, as the bytes they were written in, when `kept`).
    @inline(__always)
    mutating func nextMember(_ scanner: inout JSONScanner, _ context: inout ObjectContext, depth: Int, kept: Bool,
                             extra: inout [RawJSON.Member]) throws(Problem) -> (field: Int, offset: Int)? {
        while true {
            if !context.opened {
                context.opened = true
                try scanner.checkDepth(depth + 1)
                scanner.index += 1
                if scanner.closesAtOnce(UInt8(ascii: "}")) { return nil }
            } else if try !scanner.nextAfterItem(close: UInt8(ascii: "}")) {
                return nil
            }
            // The key: the one that came next in the last object of this kind, when it is that again; else a plain
            // one (nearly every key) is read here, in place; an escaped one out of line.
            scanner.skipWhitespace()
            let offset = scanner.index
            if var expected = context.order.field(after: context.orderEntry) {
                var valueStart = context.sawKey(expected) ? nil : context.endOfKey(expected, in: scanner.bytes, at: offset)
                // Not that key: perhaps the one after it, as when this row leaves out a field the last one gave.
                if valueStart == nil, let following = context.order.field(after: KeyOrder.entry(after: expected)),
                   !context.sawKey(following) {
                    expected = following
                    valueStart = context.endOfKey(following, in: scanner.bytes, at: offset)
                }
                if let valueStart {
                    context.noteKey(at: offset)
                    scanner.index = valueStart
                    scanner.skipWhitespace()
                    context.accept(expected, valueAt: scanner)
                    context.orderEntry = KeyOrder.entry(after: expected)
                    return (expected, offset)
                }
            }
            guard offset < scanner.end, scanner.bytes[offset] == UInt8(ascii: "\"") else {
                throw scanner.syntaxError(expected: "a key in double quotes")
            }
            let keyStart = offset + 1
            let keyEnd = JSONScanner.firstSpecialByte(in: scanner.bytes, from: keyStart)
            context.noteKey(at: offset)
            guard keyEnd < scanner.end, scanner.bytes[keyEnd] == UInt8(ascii: "\"") else {
                // An escaped key, read out of line (its string lives only here, so that a plain key has none to
                // let go of), and never a known field seen at once.
                let key = try scanner.readKey()
                scanner.skipWhitespace()
                if let field = try unusualMember(&scanner, &context, key: key.key, escaped: key.escaped, offset: offset,
                                                 depth: depth, kept: kept, extra: &extra) {
                    return (field, offset)
                }
                continue
            }
            let keyBytes = scanner.bytes[keyStart..<keyEnd]
            scanner.index = keyEnd + 1
            scanner.skipWhitespace()
            guard scanner.index < scanner.end, scanner.bytes[scanner.index] == UInt8(ascii: ":") else {
                throw scanner.syntaxError(expected: "':' after the key \"\(scanner.text(keyStart..<keyEnd).truncatedForMessage)\"")
            }
            scanner.index += 1
            let field = context.field(keyBytes)
            scanner.skipWhitespace()
            // A known key seen for the first time, as nearly every key is; the rest is reported out of line.
            if let field, !context.sawKey(field) {
                context.accept(field, valueAt: scanner)
                context.order.learn(field, after: context.orderEntry)
                context.orderEntry = KeyOrder.entry(after: field)
                return (field, offset)
            }
            if let field = try unusualMember(&scanner, &context, key: keyBytes, escaped: nil, offset: offset, depth: depth,
                                             kept: kept, extra: &extra) {
                return (field, offset)
            }
        }
    }

    /// A member whose key is escaped, repeated or unknown: its field when it is a known field seen for the first
    /// time (the cursor on its value), else `nil` after reporting it and passing over its value (an unknown one kept
    /// in `extra`, as the bytes it was written in, when `kept`).
    @inline(never)
    mutating func unusualMember(_ scanner: inout JSONScanner, _ context: inout ObjectContext, key keyBytes: Slice<UnsafeBufferPointer<UInt8>>,
                                escaped: String?, offset: Int, depth: Int, kept: Bool,
                                extra: inout [RawJSON.Member]) throws(Problem) -> Int? {
        let field = escaped.map { key in context.known.names.firstIndex { $0.hasSameBytes(as: key) } } ?? context.field(keyBytes)
        if let field {
            if context.sawKey(field) {
                problems.append((context.key + [Self.duplicateSlot], .duplicateField(context.path.appending(context.known[field]), location: scanner.location(offset))))
                try scanner.skip(depth: depth + 1)
                return nil
            }
            context.accept(field, valueAt: scanner)
            return field
        }
        let key = escaped ?? String(decoding: UnsafeBufferPointer(rebasing: keyBytes), as: UTF8.self)
        if context.unknownSeen.contains(key) {
            problems.append((context.key + [Self.duplicateSlot], .duplicateField(context.path.appending(key), location: scanner.location(offset))))
        }
        context.unknownSeen.append(key)
        let suggestion = KeySuggestion.closest(to: key, among: context.known.names).map { "; did you mean \"\($0)\"?" } ?? ""
        warnings.append((context.key + [Self.unknownSlot], Diagnostic(.unknownField, .warning,
            "\"\(key)\" is not a perfscore/1 field; it is \(kept ? "kept but not scored" : "ignored")\(suggestion)",
            at: context.path.appending(key))))
        let start = scanner.index
        try scanner.skip(depth: depth + 1)
        if kept {
            extra.append(RawJSON.Member(key: key, value: RawJSON(bytes: Array(scanner.bytes[start..<scanner.index])), offset: offset))
        }
        return nil
    }

    /// A missing-field problem for each required field of `context` that was absent or null.
    mutating func requireFields(_ context: ObjectContext, _ fields: [(Int, String)], location: (Int) -> TextLocation) {
        for (field, expected) in fields {
            require(context, field, expected, location: location)
        }
    }

    /// A missing-field problem when the required `field` of `context` was absent or null.
    @inline(__always)
    mutating func require(_ context: ObjectContext, _ field: Int, _ expected: @autoclosure () -> String,
                          location: (Int) -> TextLocation) {
        guard !context.has(field) else { return }
        problems.append((context.key + [field], .missingField(context.path.appending(context.known[field]), expected: expected(),
                                                               location: location(context.offset))))
    }

    // MARK: - Values

    /// What a member's value is, read whole: a string, a number's literal, null, or anything else as messages
    /// name it.
    enum Scalar {
        case string(String)
        case number(Range<Int>)
        case null
        case other(String)
    }

    mutating func scalar(_ scanner: inout JSONScanner, depth: Int) throws(Problem) -> Scalar {
        switch scanner.current {
        case UInt8(ascii: "\"")?: return .string(try scanner.readString())
        case UInt8(ascii: "n")?:
            try scanner.readKeyword("null")
            return .null
        case let byte? where byte == UInt8(ascii: "-") || scanner.isDigit(byte): return .number(try scanner.readNumber())
        default: return .other(try scanner.skipValue(depth: depth + 1))
        }
    }

    func describe(_ value: Scalar, _ scanner: JSONScanner) -> String {
        switch value {
        case .string(let text): return "the string \"\(text.truncatedForMessage)\""
        case .number(let range): return "the number \(scanner.text(range))"
        case .null: return "null"
        case .other(let kind): return kind
        }
    }

    /// An optional string; null counts as absent.
    mutating func string(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return withinLength(text, context, field, offset, scanner)
        default:
            problems.append((context.key + [field], .wrongType(context.path.appending(context.known[field]), expected: "a string",
                                                                found: describe(value, scanner), location: scanner.location(offset))))
            return nil
        }
    }

    /// A non-empty string; null and absence are reported by ``requireFields(_:_:location:)`` when required.
    mutating func text(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                       expected: String) -> String? {
        switch value {
        case .null: return nil
        case .string(let text):
            guard !text.isBlank else {
                problems.append((context.key + [field], .invalidValue(context.path.appending(context.known[field]), expected: expected,
                                                                       found: "an empty string", location: scanner.location(offset))))
                return nil
            }
            return withinLength(text, context, field, offset, scanner)
        default:
            problems.append((context.key + [field], .wrongType(context.path.appending(context.known[field]), expected: "a string: \(expected)",
                                                                found: describe(value, scanner), location: scanner.location(offset))))
            return nil
        }
    }

    /// A target or actual: a string as printed, or a number (kept as its literal).
    mutating func cell(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return withinLength(text, context, field, offset, scanner)
        case .number(let range): return scanner.text(range)
        case .other:
            problems.append((context.key + [field], .wrongType(context.path.appending(context.known[field]),
                expected: "a string as printed or a number", found: describe(value, scanner), location: scanner.location(offset))))
            return nil
        }
    }

    /// A row's text member read whole: a string as a place in the file's bytes (``TextStore``), a number's
    /// literal likewise, null, or anything else as messages name it.
    enum TextScalar {
        case string(CellText, bytes: Int)
        case number(Range<Int>)
        case null
        case other(String)
    }

    @inline(__always)
    mutating func textScalar(_ scanner: inout JSONScanner, depth: Int) throws(Problem) -> TextScalar {
        switch scanner.current {
        case UInt8(ascii: "\"")?:
            // Unescaped bytes go straight into the store (most strings have none, and take only their range).
            var read: (range: Range<Int>, escaped: Bool) = (0..<0, false)
            let unescaped = try store.appendingUnescaped { (bytes: inout [UInt8]) throws(Problem) in
                read = try scanner.readStringBytes(unescapingInto: &bytes)
            }
            if read.escaped { return .string(unescaped.text, bytes: unescaped.count) }
            return .string(CellText(sourceAt: read.range.lowerBound, count: read.range.count), bytes: read.range.count)
        case UInt8(ascii: "n")?:
            try scanner.readKeyword("null")
            return .null
        case let byte? where byte == UInt8(ascii: "-") || scanner.isDigit(byte):
            return .number(try scanner.readNumber())
        default: return .other(try scanner.skipValue(depth: depth + 1))
        }
    }

    /// The same value as ``Scalar``, for messages and for the checks that read it as a string.
    func scalar(_ value: TextScalar) -> Scalar {
        switch value {
        case .string(let text, _): return .string(text.string(in: store))
        case .number(let range): return .number(range)
        case .null: return .null
        case .other(let kind): return .other(kind)
        }
    }

    /// An optional text (``string(_:_:_:_:_:)`` for a row's text).
    ///
    /// A string of at most ``EvaluationReader/longestText`` bytes, as nearly every one is, is taken here, in the
    /// caller; the rest is read out of line.
    @inline(__always)
    mutating func string(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> CellText? {
        if case .string(let text, let count) = value, count <= EvaluationReader.longestText { return text }
        return otherString(value, context, field, offset, scanner)
    }

    @inline(never)
    mutating func otherString(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> CellText? {
        switch value {
        case .null: return nil
        case .string(let text, let count) where withinLength(text, bytes: count): return text
        default: return string(scalar(value), context, field, offset, scanner).map(CellText.init)
        }
    }

    /// A non-empty text (``text(_:_:_:_:_:expected:)`` for a row's text).
    @inline(__always)
    mutating func text(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                       expected: String) -> CellText? {
        if case .string(let text, let count) = value, count <= EvaluationReader.longestText, !isBlank(text) { return text }
        return otherText(value, context, field, offset, scanner, expected: expected)
    }

    @inline(never)
    mutating func otherText(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                            expected: String) -> CellText? {
        switch value {
        case .null: return nil
        case .string(let text, let count) where withinLength(text, bytes: count) && !isBlank(text): return text
        default: return self.text(scalar(value), context, field, offset, scanner, expected: expected).map(CellText.init)
        }
    }

    /// A target or actual (``cell(_:_:_:_:_:)`` for a row's text): a string, or a number's literal.
    @inline(__always)
    mutating func cell(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> CellText? {
        if case .string(let text, let count) = value, count <= EvaluationReader.longestText { return text }
        return otherCell(value, context, field, offset, scanner)
    }

    @inline(never)
    mutating func otherCell(_ value: TextScalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> CellText? {
        switch value {
        case .null: return nil
        case .string(let text, let count) where withinLength(text, bytes: count): return text
        case .number(let range): return CellText(sourceAt: range.lowerBound, count: range.count)
        default: return cell(scalar(value), context, field, offset, scanner).map(CellText.init)
        }
    }

    /// Whether a text is within ``EvaluationReader/longestText`` scalars: told from its byte count for nearly all.
    func withinLength(_ text: CellText, bytes count: Int) -> Bool {
        guard count > EvaluationReader.longestText else { return true }
        return text.withBytes(in: store) { bytes in
            bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } <= EvaluationReader.longestText
        }
    }

    /// Whether a text is empty or white space only.
    ///
    /// A text that begins with a printable ASCII character, or with a lead byte from E4 to EF (Chinese characters
    /// among them), is not: every white space scalar (``Unicode/Scalar/isTableWhitespace``) is a control or space
    /// byte, or begins with C2, E1, E2 or E3.
    @inline(__always)
    func isBlank(_ text: CellText) -> Bool {
        text.withBytes(in: store) { bytes in
            if let first = bytes.first, (0x21...0x7E).contains(first) || (0xE4...0xEF).contains(first) { return false }
            var index = 0
            while index < bytes.count {
                let (scalar, length) = UTF8Bytes.scalar(at: index, in: bytes)
                guard scalar.isTableWhitespace else { return false }
                index += length
            }
            return true
        }
    }

    /// The text, or `nil` with a problem when it is longer than ``EvaluationReader/longestText``.
    mutating func withinLength(_ text: String, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner) -> String? {
        guard text.utf8.count > EvaluationReader.longestText, text.unicodeScalars.count > EvaluationReader.longestText else {
            return text
        }
        problems.append((context.key + [field], .invalidValue(context.path.appending(context.known[field]),
            expected: "at most \(EvaluationReader.longestText) characters", found: "\(text.unicodeScalars.count) characters",
            location: scanner.location(offset))))
        return nil
    }

    mutating func integer(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                          range: ClosedRange<Int>) -> Int? {
        let path = { context.path.appending(context.known[field]) }
        switch value {
        case .null: return nil
        case .number(let literal):
            let text = scanner.text(literal)
            guard let number = Int(text), range.contains(number) else {
                problems.append((context.key + [field], .invalidValue(path(), expected: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                                                                       found: text, location: scanner.location(offset))))
                return nil
            }
            return number
        default:
            problems.append((context.key + [field], .wrongType(path(), expected: "a whole number", found: describe(value, scanner),
                                                                location: scanner.location(offset))))
            return nil
        }
    }

    /// A figure: a JSON number as an exact decimal, at least 0 and below 10¹⁵.
    mutating func figure(_ value: Scalar, _ key: @autoclosure () -> [Int], _ path: @autoclosure () -> JSONPath, _ offset: Int,
                         _ scanner: JSONScanner, expected: String) -> ExactDecimal? {
        switch value {
        case .null: return nil
        case .number(let literal):
            let parsed = ExactDecimal.parse(scanner.bytes[literal])
            guard let number = parsed, number.isBelow(powerOfTen: EvaluationReader.figureDigits) else {
                let text = scanner.text(literal)
                let tooPrecise = parsed == nil && Self.fitsBelowLimit(text)
                problems.append((key(), .invalidValue(path(), expected: tooPrecise ? "\(expected), with at most 18 significant digits"
                                                                              : "\(expected), below 10^15",
                                                     found: text, location: scanner.location(offset))))
                return nil
            }
            guard !number.isNegative else {
                problems.append((key(), .invalidValue(path(), expected: expected, found: scanner.text(literal), location: scanner.location(offset))))
                return nil
            }
            return number
        default:
            problems.append((key(), .wrongType(path(), expected: expected, found: describe(value, scanner), location: scanner.location(offset))))
            return nil
        }
    }

    /// Whether a literal that did not read as a decimal is small (so that its digits, not its size, are at fault).
    static func fitsBelowLimit(_ literal: String) -> Bool {
        let mantissa = literal.split(whereSeparator: { $0 == "e" || $0 == "E" })
        guard mantissa.count == 1, let integerPart = mantissa.first?.split(separator: ".").first else { return false }
        return integerPart.drop { $0 == "-" || $0 == "0" }.count <= 15
    }

    /// A figure of an object's member: a number in range, as nearly every one is, is taken here, in the caller; the
    /// rest (null, a figure out of range, another kind of value) is read out of line.
    @inline(__always)
    mutating func figure(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                         expected: String) -> ExactDecimal? {
        if case .number(let literal) = value, let number = ExactDecimal.parse(scanner.bytes[literal]),
           number.isBelow(powerOfTen: EvaluationReader.figureDigits), !number.isNegative {
            return number
        }
        return otherFigure(value, context, field, offset, scanner, expected: expected)
    }

    @inline(never)
    mutating func otherFigure(_ value: Scalar, _ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner,
                              expected: String) -> ExactDecimal? {
        figure(value, context.key + [field], context.path.appending(context.known[field]), offset, scanner, expected: expected)
    }

    mutating func invalid(_ context: ObjectContext, _ field: Int, _ offset: Int, _ scanner: JSONScanner, expected: String, found: String) {
        problems.append((context.key + [field], .invalidValue(context.path.appending(context.known[field]), expected: expected,
                                                               found: "\"\(found.truncatedForMessage)\"", location: scanner.location(offset))))
    }

    /// The problem of a value that should have been an object or an array.
    mutating func wrongContainer(_ key: [Int], _ path: JSONPath, expected: String, found: String, location: TextLocation) {
        problems.append((key, .wrongType(path, expected: expected, found: found, location: location)))
    }

    // MARK: - The evaluation

    ///
    /// - Parameter origin: where the evaluation starts in the bytes, which findings on the whole of it point at: 0
    ///   for a file's one evaluation (its first line, whatever space comes first), an element's first byte in an
    ///   array of them.
    mutating func evaluation(_ scanner: inout JSONScanner, origin: Int = 0) throws(Problem) -> Evaluation? {
        guard scanner.current == UInt8(ascii: "{") else {
            let found = try scanner.skipValue(depth: 0)
            wrongContainer([], .root, expected: "an evaluation object", found: found, location: scanner.location(origin))
            return nil
        }
        var context = ObjectContext(place: .root, offset: origin, known: Self.topLevelKeys)
        var title: String?, agency: String?, year: Int?, kindText: String?, rules: String?
        var budget: BudgetExecution?, goals: [Evaluation.Goal] = [], declaredPoints: ExactDecimal?
        var indicators: [Indicator]?, published: PublishedFigures?, source: RawJSON?, form = FormDetails()
        var kindOffset = 0
        var extra: [RawJSON.Member] = []
        while let (field, offset) = try nextMember(&scanner, &context, depth: 0, kept: true, extra: &extra) {
            switch field {
            case 0:  // format
                let value = try scalar(&scanner, depth: 0)
                if case .string(let text) = value, text == Evaluation.formatTag { continue }
                problems.append(([field], .unsupportedFormat(found: describe(value, scanner), location: scanner.location(offset))))
            case 1: title = string(try scalar(&scanner, depth: 0), context, field, offset, scanner)
            case 2: agency = string(try scalar(&scanner, depth: 0), context, field, offset, scanner)
            case 3: year = integer(try scalar(&scanner, depth: 0), context, field, offset, scanner, range: 1900...2200)
            case 4:
                kindOffset = offset
                kindText = string(try scalar(&scanner, depth: 0), context, field, offset, scanner)
            case 5: rules = string(try scalar(&scanner, depth: 0), context, field, offset, scanner)
            case 6: budget = try budgetBlock(&scanner, offset: offset)
            case 7: goals = try goalList(&scanner, offset: offset)
            case 8:
                declaredPoints = figure(try scalar(&scanner, depth: 0), context, field, offset, scanner,
                    expected: "the points the table declares for its indicators (指标权重比例) as a number ≥ 0")
            case 9: indicators = try indicatorList(&scanner, offset: offset)
            case 10: published = try publishedFigures(&scanner, offset: offset)
            case 12: form = try formDetails(&scanner, offset: offset)
            default:  // source: carried as written
                let start = scanner.index
                try scanner.skip(depth: 0)
                source = RawJSON(bytes: Array(scanner.bytes[start..<scanner.index]))
            }
        }
        if !context.sawKey(0) {
            problems.append(([0], .unsupportedFormat(found: "no format field", location: scanner.location(origin))))
        }
        var kind = Evaluation.Kind.project
        if let kindText {
            if let parsed = Evaluation.Kind(rawValue: kindText) {
                kind = parsed
            } else {
                invalid(context, 4, kindOffset, scanner, expected: "\"project\" or \"department\"", found: kindText)
            }
        }
        let location = { (offset: Int) in scanner.location(offset) }
        // A target table may lack the budget block (or give only its funds); a self-evaluation needs it.
        if requiresActuals || context.sawKey(6) {
            requireFields(context, [(6, "an object with planned and executed")], location: location)
        } else {
            budget = BudgetExecution(planned: .zero, executed: .zero)
            budgetAssumed = true
        }
        requireFields(context, [(9, "an array of indicator objects")], location: location)
        guard let budget, let indicators else { return nil }
        return Evaluation(title: title, agency: agency, year: year, kind: kind, rules: rules.map(RuleProfileID.init(rawValue:)),
                          budget: budget, indicators: indicators, published: published, declaredPoints: declaredPoints,
                          goals: goals, form: form, source: source, additionalFields: extra)
    }

    /// `form`: the form's other cells, each a string (FORMAT.md §6.1).
    mutating func formDetails(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> FormDetails {
        guard scanner.current == UInt8(ascii: "{") else {
            let value = try scalar(&scanner, depth: 0)
            if case .null = value { return FormDetails() }
            wrongContainer([12], JSONPath.root.appending("form"), expected: "an object of the form's texts (implementer, preparer, filedOn, …)",
                           found: describe(value, scanner), location: scanner.location(offset))
            return FormDetails()
        }
        var context = ObjectContext(place: .form, offset: offset, known: Self.formKeys)
        var texts: [String?] = Array(repeating: nil, count: Self.formKeys.names.count)
        var ignored: [RawJSON.Member] = []
        while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 1, kept: false, extra: &ignored) {
            texts[field] = string(try scalar(&scanner, depth: 1), context, field, memberOffset, scanner)
        }
        return FormDetails(implementer: texts[0], expectedGoal: texts[1], achievedGoal: texts[2], preparer: texts[3],
                           telephone: texts[4], filedOn: texts[5])
    }

    // MARK: - The budget block

    mutating func budgetBlock(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> BudgetExecution? {
        // Built only for a finding: a path is an array, made anew each time.
        var path: JSONPath { JSONPath.root.appending("budget") }
        guard scanner.current == UInt8(ascii: "{") else {
            if scanner.current == UInt8(ascii: "n") {
                try scanner.readKeyword("null")
                return nil
            }
            let found = try scanner.skipValue(depth: 1)
            wrongContainer([6], path, expected: "an object with planned and executed", found: found, location: scanner.location(offset))
            return nil
        }
        var context = ObjectContext(place: .budget, offset: offset, known: Self.budgetKeys)
        var figures: [ExactDecimal?] = [nil, nil, nil, nil]
        let expected = ["全年预算数 (the adjusted budget) as a number ≥ 0", "全年执行数 as a number ≥ 0", "年初预算数 as a number ≥ 0",
                        "the block's points as a number ≥ 0"]
        var ignored: [RawJSON.Member] = []
        var sources: [FundSource] = []
        while let (field, offset) = try nextMember(&scanner, &context, depth: 1, kept: false, extra: &ignored) {
            if field == 4 {
                sources = try fundSources(&scanner, offset: offset)
                continue
            }
            figures[field] = figure(try scalar(&scanner, depth: 1), context, field, offset, scanner, expected: expected[field])
        }
        requireFields(context, [(0, expected[0]), (1, expected[1])], location: { scanner.location($0) })
        guard let planned = figures[0], let executed = figures[1] else { return nil }
        var budget = BudgetExecution(planned: planned, executed: executed, initial: figures[2], weight: figures[3])
        budget.sources = sources
        return budget
    }

    /// `budget.sources`: an object from source (财政拨款, 上年结转, 其他资金, or a spelling forms use) to its figures,
    /// `{ "initial", "planned", "executed" }`, any of them given.
    mutating func fundSources(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> [FundSource] {
        let path = JSONPath.root.appending("budget").appending("sources")
        let expected = "an object from source (财政拨款, 上年结转, 其他资金) to its figures"
        guard scanner.current == UInt8(ascii: "{") else {
            let value = try scalar(&scanner, depth: 1)
            if case .null = value { return [] }
            wrongContainer([6, 4], path, expected: expected, found: describe(value, scanner), location: scanner.location(offset))
            return []
        }
        try scanner.checkDepth(3)
        scanner.index += 1
        var sources: [FundSource] = []
        if scanner.closesAtOnce(UInt8(ascii: "}")) { return sources }
        var seen: [FundSource.Kind] = []
        var position = 0
        repeat {
            let (keyBytes, keyOffset, escaped) = try scanner.readKey()
            let name = escaped ?? String(decoding: UnsafeBufferPointer(rebasing: keyBytes), as: UTF8.self)
            scanner.skipWhitespace()
            defer { position += 1 }
            guard let kind = FundSource.Kind(parsing: name) else {
                problems.append(([6, 4, position], .invalidValue(path.appending(name), expected: "a source: 财政拨款, 上年结转 or 其他资金",
                                                                 found: "\"\(name.truncatedForMessage)\"", location: scanner.location(keyOffset))))
                try scanner.skip(depth: 3)
                continue
            }
            if seen.contains(kind) {
                problems.append(([6, 4, Self.duplicateSlot], .duplicateField(path.appending(name), location: scanner.location(keyOffset))))
            }
            seen.append(kind)
            guard scanner.current == UInt8(ascii: "{") else {
                let found = try scanner.skipValue(depth: 3)
                wrongContainer([6, 4, position], path.appending(name), expected: "an object with initial, planned and executed",
                               found: found, location: scanner.location(keyOffset))
                continue
            }
            var context = ObjectContext(place: .fundSource(name: name, position: position), offset: keyOffset, known: Self.fundSourceKeys)
            var figures: [ExactDecimal?] = [nil, nil, nil]
            let labels = ["年初预算数", "全年预算数", "全年执行数"]
            var ignored: [RawJSON.Member] = []
            while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 3, kept: false, extra: &ignored) {
                figures[field] = figure(try scalar(&scanner, depth: 3), context, field, memberOffset, scanner,
                                        expected: "the source's \(labels[field]) as a number ≥ 0")
            }
            sources.append(FundSource(kind, initial: figures[0], planned: figures[1], executed: figures[2]))
        } while try scanner.nextAfterItem(close: UInt8(ascii: "}"))
        return sources
    }

    // MARK: - Goals

    mutating func goalList(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> [Evaluation.Goal] {
        let path = JSONPath.root.appending("goals")
        guard scanner.current == UInt8(ascii: "[") else {
            let value = try scalar(&scanner, depth: 0)
            if case .null = value { return [] }
            wrongContainer([7], path, expected: "an array of {name, ratio}", found: describe(value, scanner), location: scanner.location(offset))
            return []
        }
        try scanner.checkDepth(1)
        scanner.index += 1
        var goals: [Evaluation.Goal] = []
        if scanner.closesAtOnce(UInt8(ascii: "]")) { return goals }
        var index = 0
        repeat {
            scanner.skipWhitespace()
            let elementPath = path.appending(index)
            if scanner.current != UInt8(ascii: "{") {
                let found = try scanner.skipValue(depth: 1)
                wrongContainer([7, index], elementPath, expected: "an object with name and ratio", found: found, location: scanner.location(offset))
            } else {
                var context = ObjectContext(place: .goal(index), offset: offset, known: Self.goalKeys)
                var name: String?
                var ratio: ExactDecimal?
                var nameOffset = offset
                var ignored: [RawJSON.Member] = []
                while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 1, kept: false, extra: &ignored) {
                    let value = try scalar(&scanner, depth: 2)
                    if field == 0 {
                        nameOffset = memberOffset
                        name = text(value, context, field, memberOffset, scanner, expected: "the goal's name, as the indicators' goal names it")
                    } else {
                        ratio = figure(value, context, field, memberOffset, scanner, expected: "the goal's ratio in percent")
                    }
                }
                requireFields(context, [(0, "the goal's name, as the indicators' goal names it"), (1, "the goal's ratio in percent")],
                              location: { scanner.location($0) })
                if let name, let ratio {
                    if goals.contains(where: { $0.name == name }) {
                        invalid(context, 0, nameOffset, scanner, expected: "a name no other goal has", found: name)
                    }
                    goals.append(Evaluation.Goal(name: name, ratio: ratio))
                }
            }
            index += 1
        } while try scanner.nextAfterItem(close: UInt8(ascii: "]"))
        return goals
    }

    // MARK: - Indicators

    mutating func indicatorList(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> [Indicator]? {
        var path: JSONPath { JSONPath.root.appending("indicators") }
        guard scanner.current == UInt8(ascii: "[") else {
            let value = try scalar(&scanner, depth: 0)
            if case .null = value { return nil }
            wrongContainer([9], path, expected: "an array of indicator objects", found: describe(value, scanner), location: scanner.location(offset))
            return nil
        }
        try scanner.checkDepth(1)
        scanner.index += 1
        if scanner.closesAtOnce(UInt8(ascii: "]")) {
            problems.append(([9], .invalidValue(path, expected: "at least one indicator", found: "an empty array", location: scanner.location(offset))))
            return nil
        }
        var indicators: [Indicator] = []
        indicators.reserveCapacity(16)
        var complete = true
        var count = 0
        // Findings on rows are kept aside: a table with too many rows reports only that.
        let earlierProblems = problems.count
        let earlierWarnings = warnings.count
        repeat {
            scanner.skipWhitespace()
            if count >= EvaluationReader.mostIndicators {
                try scanner.skip(depth: 1)
            } else if let indicator = try indicator(&scanner, index: count, offset: offset) {
                // Handed on, not copied: a copy counted a reference in and out, atomically, for every row.
                indicators.append(consume indicator)
            } else {
                complete = false
            }
            count += 1
        } while try scanner.nextAfterItem(close: UInt8(ascii: "]"))
        guard count <= EvaluationReader.mostIndicators else {
            problems.removeSubrange(earlierProblems...)
            warnings.removeSubrange(earlierWarnings...)
            problems.append(([9], .invalidValue(path, expected: "at most \(EvaluationReader.mostIndicators) indicators",
                                                found: "\(count)", location: scanner.location(offset))))
            return nil
        }
        return complete ? indicators : nil
    }

    /// The place in `names` of the standard name in the string at the cursor, read whole; `nil`, with the cursor
    /// left on the string, when it is written otherwise (escaped, or a name of its own).
    @inline(__always)
    static func standardName(_ scanner: inout JSONScanner, in names: KeyTable) -> Int? {
        let start = scanner.index + 1
        let end = JSONScanner.firstSpecialByte(in: scanner.bytes, from: start)
        guard end < scanner.end, scanner.bytes[end] == UInt8(ascii: "\""),
              let index = names.field(scanner.bytes[start..<end]) else { return nil }
        scanner.index = end + 1
        return index
    }

    /// The printed names of the standard categories and second-level names, in the order of their `standard` lists.
    static let standardCategoryNames = KeyTable(IndicatorCategory.standard.map(\.rawValue))
    static let standardSubcategoryNames = KeyTable(IndicatorSubcategory.standard.map(\.subcategory.rawValue))
    /// The words of a row's direction, judgement and parts measure, in the order of their `allCases` or `spellings`.
    static let directions = Indicator.Direction.allCases
    static let directionNames = KeyTable(directions.map(\.rawValue))
    static let judgementNames = KeyTable(Indicator.Judgement.spellings.map(\.text))
    static let measures = Indicator.Aggregation.allCases
    static let measureNames = KeyTable(measures.map(\.rawValue))

    static let categoryExpected = "一级指标: 成本指标, 产出指标, 效益指标 or 满意度指标 (or cost, output, benefit, satisfaction)"
    static let targetExpected = "年初目标值 as printed (\"≥1800\", \"＜48小时\", \"是\") or a number"
    static let actualExpected = "实际完成值 as printed or a number (or parts)"

    mutating func indicator(_ scanner: inout JSONScanner, index: Int, offset: Int) throws(Problem) -> Indicator? {
        guard scanner.current == UInt8(ascii: "{") else {
            let found = try scanner.skipValue(depth: 1)
            wrongContainer([9, index], .indicator(index), expected: "an indicator object", found: found, location: scanner.location(offset))
            return nil
        }
        var context = ObjectContext(place: .indicator(index), offset: offset, known: Self.indicatorKeys, order: indicatorKeyOrder)
        defer { indicatorKeyOrder = context.order }
        var category: IndicatorCategory?, subcategory: IndicatorSubcategory?
        var name: CellText?, unit: CellText?, weight: ExactDecimal?
        var target: CellText?, actual: CellText?
        var score: ExactDecimal?, deduction: ExactDecimal?, reason: CellText?, previous: CellText?, basis: CellText?
        var parts: [Indicator.Part]?, goal: CellText?, published: ExactDecimal?
        var direction: Indicator.Direction?, judgement: Indicator.Judgement?, aggregation: Indicator.Aggregation?
        // The texts read as strings, which most rows do not give: kept together, so that a row without any lets go of
        // one empty value rather than five.
        var texts: RowTexts?
        // Where the fields checked after the object ends stood: category, direction, judgement, measure.
        var categoryOffset = offset, directionOffset = offset, judgementOffset = offset, measureOffset = offset
        var extra: [RawJSON.Member] = []
        while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 2, kept: true, extra: &extra) {
            switch field {
            case 0: categoryOffset = memberOffset
            case 7: directionOffset = memberOffset
            case 8: judgementOffset = memberOffset
            case 15: measureOffset = memberOffset
            default: break
            }
            if field == 14 {
                parts = try partList(&scanner, indicator: index, offset: memberOffset)
                continue
            }
            // The standard names, found by their bytes without making a string of them.
            if field == 0, scanner.current == UInt8(ascii: "\""), let index = Self.standardName(&scanner, in: Self.standardCategoryNames) {
                category = IndicatorCategory.standard[index]
                continue
            }
            if field == 1, scanner.current == UInt8(ascii: "\""), let index = Self.standardName(&scanner, in: Self.standardSubcategoryNames) {
                subcategory = IndicatorSubcategory.standard[index].subcategory
                continue
            }
            // The row's texts stay places in the file's bytes: no string is made for them.
            switch field {
            case 7, 8, 15:
                try rowWord(&scanner, field, context, memberOffset, &direction, &judgement, &aggregation, &texts)
                continue
            case 2, 3, 5, 6, 11, 12, 13, 16:
                let value = try textScalar(&scanner, depth: 2)
                switch field {
                case 2: name = text(value, context, field, memberOffset, scanner, expected: "三级指标, the indicator's name")
                case 3: unit = string(value, context, field, memberOffset, scanner)
                case 5: target = cell(value, context, field, memberOffset, scanner)
                case 6: actual = cell(value, context, field, memberOffset, scanner)
                case 11: reason = string(value, context, field, memberOffset, scanner)
                case 12: previous = cell(value, context, field, memberOffset, scanner)
                case 13: basis = string(value, context, field, memberOffset, scanner)
                default: goal = string(value, context, field, memberOffset, scanner)
                }
                continue
            default: break
            }
            let value = try scalar(&scanner, depth: 2)
            switch field {
            case 0: texts.given.category = text(value, context, field, memberOffset, scanner, expected: Self.categoryExpected)
            case 1: texts.given.subcategory = string(value, context, field, memberOffset, scanner)
            case 4: weight = figure(value, context, field, memberOffset, scanner, expected: "the indicator's points (分值) as a number ≥ 0")
            case 9: score = figure(value, context, field, memberOffset, scanner, expected: "the evaluator's score as a number ≥ 0")
            case 10: deduction = figure(value, context, field, memberOffset, scanner, expected: "points deducted as a number ≥ 0")
            default: published = figure(value, context, field, memberOffset, scanner, expected: "the printed score as a number ≥ 0 or null")
            }
        }
        let location = { (offset: Int) in scanner.location(offset) }
        require(context, 0, Self.categoryExpected, location: location)
        require(context, 2, "三级指标, the indicator's name", location: location)
        if requiresActuals { require(context, 4, "the indicator's points (分值) as a number ≥ 0", location: location) }
        require(context, 5, Self.targetExpected, location: location)
        // Rows with parts (even `"parts": null`) need no actual of their own.
        if requiresActuals, !context.sawKey(14) { require(context, 6, Self.actualExpected, location: location) }
        if category == nil { category = texts?.category.flatMap(IndicatorCategory.init(parsing:)) }
        if let categoryText = texts?.category, category == nil {
            invalid(context, 0, categoryOffset, scanner, expected: "一级指标: 成本指标, 产出指标, 效益指标 or 满意度指标", found: categoryText)
        }
        // A target table (绩效目标表) may lack points: department tables print none. That is a finding, not a
        // reading error; the row is kept with 0 points so that every other check still runs.
        if !requiresActuals, weight == nil, !context.has(4) {
            warnings.append((context.key + [4], Diagnostic(.noWeight, .warning,
                "no points (分值) are given; a table that is to be scored needs them on every row", at: context.path.appending("weight"))))
            weight = .zero
        }
        if let directionText = texts?.direction {
            direction = Indicator.Direction(rawValue: directionText)
            if direction == nil {
                invalid(context, 7, directionOffset, scanner, expected: "forward, reverse, equal or qualitative", found: directionText)
            }
        }
        if let judgementText = texts?.judgement {
            judgement = Indicator.Judgement(parsing: judgementText)
            if judgement == nil {
                invalid(context, 8, judgementOffset, scanner, expected: "达成, 部分达成 or 未达成 (achieved, partial, unachieved)", found: judgementText)
            }
        }
        if let measureText = texts?.measure {
            aggregation = Indicator.Aggregation(rawValue: measureText)
            if aggregation == nil {
                invalid(context, 15, measureOffset, scanner, expected: "absolute or relative", found: measureText)
            }
        }
        guard let category, let name, let weight, let target else { return nil }
        return Indicator(store: store, category: category,
                         subcategory: subcategory ?? texts?.subcategory.flatMap(IndicatorSubcategory.init(parsing:)),
                         name: name, unit: unit, weight: weight, target: target, actual: actual, direction: direction,
                         judgement: judgement, score: score, deduction: deduction, reason: reason, parts: parts,
                         aggregation: aggregation, published: published, previous: previous, basis: basis, goal: goal,
                         additionalFields: extra)
    }

    /// A row's direction (`field` 7), judgement (8) or parts measure (15). Written as one of its words, it is found
    /// by its bytes, as the standard names are, without making a string; anything else (an escaped word, white
    /// space around it, another word, another type) is read as a string and checked once the row has been read.
    /// Out of line: the row's loop runs faster without these rarer fields' code in it.
    @inline(never)
    mutating func rowWord(_ scanner: inout JSONScanner, _ field: Int, _ context: ObjectContext, _ offset: Int,
                          _ direction: inout Indicator.Direction?, _ judgement: inout Indicator.Judgement?,
                          _ aggregation: inout Indicator.Aggregation?, _ texts: inout RowTexts?) throws(Problem) {
        let quoted = scanner.current == UInt8(ascii: "\"")
        switch field {
        case 7:
            if quoted, let index = Self.standardName(&scanner, in: Self.directionNames) {
                direction = Self.directions[index]
            } else {
                texts.given.direction = string(try scalar(&scanner, depth: 2), context, field, offset, scanner)
            }
        case 8:
            if quoted, let index = Self.standardName(&scanner, in: Self.judgementNames) {
                judgement = Indicator.Judgement.spellings[index].judgement
            } else {
                texts.given.judgement = string(try scalar(&scanner, depth: 2), context, field, offset, scanner)
            }
        default:
            if quoted, let index = Self.standardName(&scanner, in: Self.measureNames) {
                aggregation = Self.measures[index]
            } else {
                texts.given.measure = string(try scalar(&scanner, depth: 2), context, field, offset, scanner)
            }
        }
    }

    /// A row's texts that are read as strings: a first or second level outside the standard names, a direction, a
    /// judgement, a parts measure.
    struct RowTexts {
        var category: String?
        var subcategory: String?
        var direction: String?
        var judgement: String?
        var measure: String?
    }

    mutating func partList(_ scanner: inout JSONScanner, indicator: Int, offset: Int) throws(Problem) -> [Indicator.Part]? {
        let path = JSONPath.indicator(indicator).appending("parts")
        let key = [9, indicator, 14]
        guard scanner.current == UInt8(ascii: "[") else {
            let value = try scalar(&scanner, depth: 2)
            if case .null = value { return nil }
            wrongContainer(key, path, expected: "an array of {agency, fund, actual} objects", found: describe(value, scanner),
                           location: scanner.location(offset))
            return nil
        }
        try scanner.checkDepth(3)
        scanner.index += 1
        var parts: [Indicator.Part] = []
        if scanner.closesAtOnce(UInt8(ascii: "]")) { return parts }
        var index = 0
        repeat {
            scanner.skipWhitespace()
            let elementPath = path.appending(index)
            if scanner.current != UInt8(ascii: "{") {
                let found = try scanner.skipValue(depth: 3)
                wrongContainer(key + [index], elementPath, expected: "an object with agency, fund and actual", found: found,
                               location: scanner.location(offset))
            } else {
                var context = ObjectContext(place: .part(indicator: indicator, part: index), offset: offset, known: Self.partKeys,
                                            order: partKeyOrder)
                defer { partKeyOrder = context.order }
                var agency: String?, fund: ExactDecimal?, score: ExactDecimal?, actual: String?
                var ignored: [RawJSON.Member] = []
                while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 3, kept: false, extra: &ignored) {
                    let value = try scalar(&scanner, depth: 4)
                    switch field {
                    case 0: agency = string(value, context, field, memberOffset, scanner)
                    case 1: fund = figure(value, context, field, memberOffset, scanner, expected: "the unit's funds as a number ≥ 0")
                    case 2: score = figure(value, context, field, memberOffset, scanner, expected: "the unit's own score as a number ≥ 0")
                    default: actual = cell(value, context, field, memberOffset, scanner)
                    }
                }
                if score == nil {
                    requireFields(context, [(3, Self.actualExpected)], location: { scanner.location($0) })
                }
                if actual != nil || score != nil {
                    parts.append(Indicator.Part(agency: agency, fund: fund, actual: actual, score: score))
                }
            }
            index += 1
        } while try scanner.nextAfterItem(close: UInt8(ascii: "]"))
        return parts
    }

    // MARK: - Printed figures

    mutating func publishedFigures(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> PublishedFigures? {
        var path: JSONPath { JSONPath.root.appending("published") }
        guard scanner.current == UInt8(ascii: "{") else {
            let value = try scalar(&scanner, depth: 0)
            if case .null = value { return nil }
            wrongContainer([10], path, expected: "an object with total, budget and categories", found: describe(value, scanner),
                           location: scanner.location(offset))
            return nil
        }
        var context = ObjectContext(place: .published, offset: offset, known: Self.publishedKeys)
        var total: ExactDecimal?, budget: ExactDecimal?
        var categories: [PublishedFigures.CategoryScore] = []
        var ignored: [RawJSON.Member] = []
        while let (field, memberOffset) = try nextMember(&scanner, &context, depth: 1, kept: false, extra: &ignored) {
            switch field {
            case 0:
                total = figure(try scalar(&scanner, depth: 1), context, field, memberOffset, scanner,
                                       expected: "the printed 总分 as a number ≥ 0")
            case 1:
                budget = figure(try scalar(&scanner, depth: 1), context, field, memberOffset, scanner,
                                        expected: "the printed budget score as a number ≥ 0")
            default:
                categories = try printedCategories(&scanner, offset: memberOffset)
            }
        }
        return PublishedFigures(total: total, budget: budget, categories: categories)
    }

    mutating func printedCategories(_ scanner: inout JSONScanner, offset: Int) throws(Problem) -> [PublishedFigures.CategoryScore] {
        var path: JSONPath { JSONPath.root.appending("published").appending("categories") }
        guard scanner.current == UInt8(ascii: "{") else {
            let value = try scalar(&scanner, depth: 1)
            if case .null = value { return [] }
            wrongContainer([10, 2], path, expected: "an object from category name to printed score", found: describe(value, scanner),
                           location: scanner.location(offset))
            return []
        }
        try scanner.checkDepth(2)
        scanner.index += 1
        var categories: [PublishedFigures.CategoryScore] = []
        if scanner.closesAtOnce(UInt8(ascii: "}")) { return categories }
        // Room for the four standard categories at once, instead of growing the array one by one.
        categories.reserveCapacity(4)
        var seen: [String] = []
        var seenStandard: UInt8 = 0
        var position = 0
        repeat {
            let (keyBytes, keyOffset, escaped) = try scanner.readKey()
            scanner.skipWhitespace()
            // A standard category's name (nearly every key) is found by its bytes, and its repetition by a bit;
            // any other name is made a string and looked for among those seen.
            let standardIndex = escaped.map { name in Self.standardCategoryNames.names.firstIndex { $0.hasSameBytes(as: name) } }
                ?? Self.standardCategoryNames.field(keyBytes)
            let name: String
            let repeated: Bool
            let category: IndicatorCategory?
            if let index = standardIndex {
                let bit: UInt8 = 1 << UInt8(index)
                name = Self.standardCategoryNames[index]
                repeated = seenStandard & bit != 0
                seenStandard |= bit
                category = IndicatorCategory.standard[index]
            } else {
                name = escaped ?? String(decoding: UnsafeBufferPointer(rebasing: keyBytes), as: UTF8.self)
                repeated = seen.contains(name)
                seen.append(name)
                category = IndicatorCategory(parsing: name)
            }
            if repeated {
                problems.append(([10, 2, Self.duplicateSlot], .duplicateField(path.appending(name), location: scanner.location(keyOffset))))
            }
            let value = try scalar(&scanner, depth: 2)
            defer { position += 1 }
            guard let category else {
                problems.append(([10, 2, position], .invalidValue(path.appending(name), expected: "a category name", found: "an empty key",
                                                                  location: scanner.location(keyOffset))))
                continue
            }
            if let score = figure(value, [10, 2, position], path.appending(name), keyOffset, scanner,
                                  expected: "the printed category score as a number ≥ 0") {
                categories.append(PublishedFigures.CategoryScore(category: category, score: score))
            } else if case .null = value {
                problems.append(([10, 2, position], .wrongType(path.appending(name), expected: "the printed category score as a number ≥ 0",
                                                               found: "null", location: scanner.location(keyOffset))))
            }
        } while try scanner.nextAfterItem(close: UInt8(ascii: "}"))
        return categories
    }

}

extension Optional where Wrapped == EvaluationDecoding.RowTexts {
    /// The texts, made empty the first time one is set.
    var given: EvaluationDecoding.RowTexts {
        get { self ?? EvaluationDecoding.RowTexts() }
        // Set in place: a getter and setter would copy the texts out and back for every one set.
        _modify {
            if self == nil { self = EvaluationDecoding.RowTexts() }
            yield &self!
        }
    }
}
