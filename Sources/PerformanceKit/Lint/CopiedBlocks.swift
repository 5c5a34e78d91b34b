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
struct CopiedBlocks {
    /// Fewest identical rows that make a table a copy.
    let copiedRows: Int
    /// Each skeleton of a table with points, with the first such table that had it.
    private var firstWithSkeleton: [[String]: Int] = [:]
    /// Each row (category, name, target, points) with the tables that hold it, each once, in order.
    private var tablesWithRow: [String: [Int]] = [:]
    /// The names of the tables seen, in order.
    private var names: [String] = []
    /// How many distinct rows each table seen holds.
    private var distinctRows: [Int] = []
    /// The first table seen with no rows (every table shares "half" of them when `copiedRows` is 0).
    private var firstEmpty: Int?

    init(copiedRows: Int) {
        self.copiedRows = copiedRows
    }

    /// The finding on `table` against the tables seen before it, which it then joins.
    mutating func findings(for table: LintTable) -> [Diagnostic] {
        let rows = table.evaluation.indicators.map(Self.row)
        let skeleton = table.evaluation.indicators.map(Self.skeletonRow)
        let distinct = Set(rows)
        defer { add(table.name, rows: distinct, skeleton: table.hasWeights ? skeleton : nil) }

        // s for every earlier table sharing a row, each of this table's rows counted as often as it occurs.
        var shared: [Int: Int] = [:]
        for row in rows {
            for other in tablesWithRow[row, default: []] { shared[other, default: 0] += 1 }
        }
        func sharesRows(_ other: Int, _ count: Int) -> Bool {
            count >= copiedRows && count * 2 >= min(rows.count, distinctRows[other])
        }
        var first = shared.filter { sharesRows($0.key, $0.value) }.keys.min()
        // A table sharing no row can still meet the rule's figures when they are 0: with no rows, or against one.
        if copiedRows <= 0 {
            let sharingNone = rows.isEmpty ? (names.isEmpty ? nil : 0) : firstEmpty
            first = [first, sharingNone].compactMap { $0 }.min()
        }
        var sameSkeleton: Int?
        if table.hasWeights, rows.count >= copiedRows + 1 {
            sameSkeleton = firstWithSkeleton[skeleton]
        }
        let path = JSONPath.root.appending("indicators")
        if let sameSkeleton, first.map({ sameSkeleton <= $0 }) ?? true {
            return [Diagnostic(.copiedBlock, .warning,
                "the same skeleton as \(names[sameSkeleton]) (category, second level and points, row for row), with \(shared[sameSkeleton] ?? 0) of \(rows.count) rows identical: is the table set for this project or copied from a form?",
                at: path)]
        }
        if let first {
            return [Diagnostic(.copiedBlock, .warning,
                "\(shared[first] ?? 0) of \(rows.count) rows (name, target and points) are the same as in \(names[first]): is the table set for this project or copied?",
                at: path)]
        }
        return []
    }

    /// Adds a table seen: its distinct rows, and its skeleton when it carries points.
    private mutating func add(_ name: String, rows: Set<String>, skeleton: [String]?) {
        let index = names.count
        names.append(name)
        distinctRows.append(rows.count)
        for row in rows { tablesWithRow[row, default: []].append(index) }
        if let skeleton, firstWithSkeleton[skeleton] == nil { firstWithSkeleton[skeleton] = index }
        if rows.isEmpty, firstEmpty == nil { firstEmpty = index }
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
