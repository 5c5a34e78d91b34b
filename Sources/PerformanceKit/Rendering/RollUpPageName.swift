extension RollUpPage {
    /// A table's page name from its table's: `examples/wuhan-2023/03-zhengwu-fuwu.json` → `03-zhengwu-fuwu.html`, a
    /// workbook's sheet appended (`book[自评表]` → `book-自评表.html`); a name already taken gets its folder's name in
    /// front (`forms-03-zhengwu-fuwu.html`), then a number (`03-zhengwu-fuwu-2.html`).
    package static func pageName(for file: String, taken: Set<String>) -> String {
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
        if let free = candidates.first(where: { !taken.contains($0) }) { return free }
        var number = 2
        while taken.contains("\(name)-\(number).html") { number += 1 }
        return "\(name)-\(number).html"
    }
}
