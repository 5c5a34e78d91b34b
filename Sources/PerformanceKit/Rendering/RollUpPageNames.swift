extension RollUpPage {
    /// The names of a roll-up's pages, given one by one: `index.html` is the roll-up's own, and no two pages share a
    /// name without regard to case (``DistinctNames``).
    package struct PageNames {
        private var names = DistinctNames(reserved: ["index.html"])

        package init() {}

        /// A table's page name from its table's: `examples/wuhan-2023/03-zhengwu-fuwu.json` → `03-zhengwu-fuwu.html`,
        /// a workbook's sheet appended (`book[自评表]` → `book-自评表.html`); a name already taken gets its folder's
        /// name in front (`forms-03-zhengwu-fuwu.html`), then a number (`03-zhengwu-fuwu-2.html`). A table named
        /// `index.json` gets `forms-index.html` or `index-2.html`: `index.html` is the roll-up's.
        package mutating func name(for file: String) -> String {
            var path = Substring(file)
            var sheet = ""
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                sheet = "-" + path[path.index(after: open)..<path.index(before: path.endIndex)]
                path = path[..<open]
            }
            func clean<S: StringProtocol>(_ text: S) -> String {
                String(text.map { "[]/\\:*?\"<>| ".contains($0) ? "-" : $0 })
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            var base = parts.last.map(String.init) ?? ""
            if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
            let name = clean(base + sheet)
            let folder = clean(parts.count > 1 ? parts[parts.count - 2] : "")
            var candidates = [name + ".html"]
            if !folder.isEmpty { candidates.append("\(folder)-\(name).html") }
            return names.claim(candidates, series: name) { "\(name)-\($0).html" }
        }
    }
}
