/// Tables copied from one linted before them (`copied-block`): the same skeleton (category, second level and
/// points, row for row; seed 002's five projects on one [20, 10, 5, 5, 20, 20] form), or most of their rows (category,
/// name, target, points) the same.
///
/// A table is a copy of an earlier one `E` when
///
/// ```
/// skeleton:  both carry points, the table has more than `copiedRows` rows, and its skeleton is E's
/// rows:      s ≥ copiedRows  and  2 × s ≥ min(its rows, E's distinct rows)
///            (s: how many of its rows, counted as often as they occur, are rows of E)
/// ```
///
/// and the finding names the first such `E` in the order the tables were given (the skeleton sentence when both
/// hold for it). The tables seen so far are kept indexed (skeleton → first table, row → the tables holding it), so
/// that a table is compared with all of them at once: compared one by one, with each one's rows made into a set again
/// for every later table, 1,000 tables took 15.5 s and 10,000 would have taken about half an hour.
///
/// The index holds each distinct row's text once (``InternedTexts``) and each table's rows as numbers, about 1 KB a
/// table of 20 rows. It stops growing at ``indexBudget`` bytes (tens of thousands of tables), so that linting any
/// number of tables stays in bounded memory: the later tables are still compared with every table indexed, not with
/// each other, and the first of them carries a note that says so.
struct CopiedBlocks {
    /// Fewest identical rows that make a table a copy.
    let copiedRows: Int
    /// The most memory the index may take, in bytes; tables after it is reached are compared, not indexed.
    let indexBudget: Int
    /// The rows (category, name, target, points) of the tables indexed, each once.
    private var rowTexts = InternedTexts()
    /// The tables holding each row, as a list per row through `postings`: the last table added first.
    private var firstPosting: [Int32] = []
    /// Each posting's table, and the posting after it in its row's list (-1 at the end).
    private var postings: [(table: Int32, next: Int32)] = []
    /// The rows of skeletons (category, second level, points), each once.
    private var skeletonRows = InternedTexts()
    /// The skeletons of the tables with points, as their rows' numbers (4 bytes a row), each once.
    private var skeletons = InternedTexts()
    /// The first table with each skeleton.
    private var firstWithSkeleton: [Int32] = []
    /// The names of the tables indexed, each once, and each table's.
    private var tableNames = InternedTexts()
    private var nameOfTable: [Int32] = []
    /// How many distinct rows each table indexed holds.
    private var distinctRows: [Int32] = []
    /// The first table indexed with no rows (every table shares "half" of them when `copiedRows` is 0).
    private var firstEmpty: Int?
    /// Whether a table has been left out of the index (the note is given once, on the first).
    private var leftOut = false

    /// The index's bound by default: 32 MiB, about 23,000 tables of 10 to 30 rows that differ from table to table
    /// (`scripts/bench-support/generate_tables.py`), more where tables share rows. It also keeps the tables' and
    /// postings' numbers, 32 bits each, far from their limit.
    static let defaultIndexBudget = 32 << 20

    init(copiedRows: Int, indexBudget: Int = CopiedBlocks.defaultIndexBudget) {
        self.copiedRows = copiedRows
        self.indexBudget = indexBudget
    }

    /// How many tables are indexed.
    private var indexed: Int { nameOfTable.count }

    /// The memory the index takes, the arrays' capacity counted.
    var memoryBytes: Int {
        rowTexts.memoryBytes + skeletonRows.memoryBytes + skeletons.memoryBytes + tableNames.memoryBytes
            + (firstPosting.capacity + firstWithSkeleton.capacity + nameOfTable.capacity + distinctRows.capacity) * 4
            + postings.capacity * MemoryLayout<(table: Int32, next: Int32)>.stride
    }

    /// The finding on `table` against the tables indexed before it, which it then joins while the index has room.
    mutating func findings(for table: LintTable) -> [Diagnostic] {
        let rows = table.evaluation.indicators.map(Self.row)
        let skeleton = table.evaluation.indicators.map(Self.skeletonRow)
        let distinct = Set(rows)
        var findings = copyFindings(rows: rows, skeleton: skeleton, hasWeights: table.hasWeights)
        if memoryBytes < indexBudget {
            add(table.name, rows: distinct, skeleton: table.hasWeights ? skeleton : nil)
        } else if !leftOut {
            leftOut = true
            findings.append(Diagnostic(.copiedBlock, .note,
                "this table and the ones after it are compared with the \(indexed) tables before it, not with each other: the copy check keeps at most \(indexBudget >> 20) MiB of earlier tables; lint fewer tables at once to compare them all",
                at: JSONPath.root.appending("indicators")))
        }
        return findings
    }

    /// Whether a table of these rows and skeleton copies one indexed.
    private func copyFindings(rows: [String], skeleton: [String], hasWeights: Bool) -> [Diagnostic] {
        // s for every earlier table sharing a row, each of this table's rows counted as often as it occurs.
        var shared: [Int: Int] = [:]
        for row in rows {
            guard let id = rowTexts.id(of: row) else { continue }
            var posting = Int(firstPosting[id])
            while posting >= 0 {
                shared[Int(postings[posting].table), default: 0] += 1
                posting = Int(postings[posting].next)
            }
        }
        func sharesRows(_ other: Int, _ count: Int) -> Bool {
            count >= copiedRows && count * 2 >= min(rows.count, Int(distinctRows[other]))
        }
        var first = shared.filter { sharesRows($0.key, $0.value) }.keys.min()
        // A table sharing no row can still meet the rule's figures when they are 0: with no rows, or against one.
        if copiedRows <= 0 {
            let sharingNone = rows.isEmpty ? (indexed == 0 ? nil : 0) : firstEmpty
            first = [first, sharingNone].compactMap { $0 }.min()
        }
        var sameSkeleton: Int?
        if hasWeights, rows.count >= copiedRows + 1, let id = skeletonID(skeleton) {
            sameSkeleton = Int(firstWithSkeleton[id])
        }
        let path = JSONPath.root.appending("indicators")
        if let sameSkeleton, first.map({ sameSkeleton <= $0 }) ?? true {
            return [Diagnostic(.copiedBlock, .warning,
                "the same skeleton as \(name(of: sameSkeleton)) (category, second level and points, row for row), with \(shared[sameSkeleton] ?? 0) of \(rows.count) rows identical: is the table set for this project or copied from a form?",
                at: path)]
        }
        if let first {
            return [Diagnostic(.copiedBlock, .warning,
                "\(shared[first] ?? 0) of \(rows.count) rows (name, target and points) are the same as in \(name(of: first)): is the table set for this project or copied?",
                at: path)]
        }
        return []
    }

    /// The name of the table indexed at `index`.
    private func name(of index: Int) -> String {
        tableNames.text(Int(nameOfTable[index]))
    }

    /// The number of a skeleton indexed, or `nil`.
    private func skeletonID(_ skeleton: [String]) -> Int? {
        Self.skeletonKey(skeleton, rowID: skeletonRows.id(of:)).flatMap { key in key.withUnsafeBufferPointer { skeletons.id(of: $0) } }
    }

    /// The number of a skeleton, added when new.
    private mutating func addSkeleton(_ skeleton: [String]) -> Int {
        // Every row has a number once added, so the key is always made.
        let key = Self.skeletonKey(skeleton) { skeletonRows.add($0) } ?? []
        return key.withUnsafeBufferPointer { skeletons.add($0) }
    }

    /// A skeleton as its rows' numbers, four bytes a row; `nil` when a row has none (`rowID` gives `nil`).
    private static func skeletonKey(_ skeleton: [String], rowID: (String) -> Int?) -> [UInt8]? {
        var key: [UInt8] = []
        key.reserveCapacity(skeleton.count * 4)
        for row in skeleton {
            guard let id = rowID(row) else { return nil }
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: id).littleEndian) { key.append(contentsOf: $0) }
        }
        return key
    }

    /// Adds a table seen: its name, its distinct rows, and its skeleton when it carries points.
    private mutating func add(_ name: String, rows: Set<String>, skeleton: [String]?) {
        let index = Int32(truncatingIfNeeded: indexed)
        nameOfTable.append(Int32(truncatingIfNeeded: tableNames.add(name)))
        distinctRows.append(Int32(truncatingIfNeeded: rows.count))
        for row in rows {
            let id = rowTexts.add(row)
            if id == firstPosting.count { firstPosting.append(-1) }
            postings.append((table: index, next: firstPosting[id]))
            firstPosting[id] = Int32(truncatingIfNeeded: postings.count - 1)
        }
        if let skeleton, addSkeleton(skeleton) == firstWithSkeleton.count {
            firstWithSkeleton.append(index)
        }
        if rows.isEmpty, firstEmpty == nil { firstEmpty = Int(index) }
    }

    /// A row as copies are found by: category, name, target and points.
    static func row(_ indicator: Indicator) -> String {
        "\(indicator.category.rawValue)|\(indicator.name)|\(indicator.target)|\(indicator.weight.plainText)"
    }

    /// A row of the skeleton: category, second level and points.
    static func skeletonRow(_ indicator: Indicator) -> String {
        "\(indicator.category.rawValue)|\(indicator.subcategory?.rawValue ?? "")|\(indicator.weight.plainText)"
    }
}
