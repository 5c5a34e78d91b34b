/// Names given one by one, none the same as one given before it: the names of a workbook's sheets, of the files
/// `-o DIR/` writes, of a roll-up's pages. Names are told apart without regard to case, as Excel tells sheet names
/// apart and as the file systems of macOS and Windows tell file names apart (`Table.json` and `table.json` would be
/// one file there).
///
/// A name is the first of its candidates not taken, else the first of its numbered forms (2, 3, …) not taken. The
/// next number to try is kept for each numbered name, so that many tables of one name are named in a step or two each:
/// trying the numbers from 2 up each time took time that grew with the square of the tables, or worse.
struct DistinctNames {
    /// The names taken, as they are compared.
    private var taken: Set<String>
    /// For each numbered name, the first number not yet tried (every one before it is taken).
    private var nextNumber: [String: Int] = [:]

    /// No name taken but `reserved` (a folder's `index.html`).
    init(reserved: [String] = []) {
        taken = Set(reserved.map(Self.comparable))
    }

    /// The first of `candidates` not taken, else `numbered(n)` for the first `n` from 2 whose name is not taken
    /// (`series` tells one numbered name from another); taken from now on.
    mutating func claim(_ candidates: [String], series: String, numbered: (Int) -> String) -> String {
        if let free = candidates.first(where: { !taken.contains(Self.comparable($0)) }) {
            taken.insert(Self.comparable(free))
            return free
        }
        var number = nextNumber[series, default: 2]
        var name = numbered(number)
        while taken.contains(Self.comparable(name)) {
            number += 1
            name = numbered(number)
        }
        nextNumber[series] = number + 1
        taken.insert(Self.comparable(name))
        return name
    }

    /// A name as it is compared: without regard to case.
    private static func comparable(_ name: String) -> String {
        name.lowercased()
    }
}
