import Foundation

/// 绩效目标表 as the text of a budget disclosure holds it (in progress).
struct TargetTableText {
    typealias Line = DisclosureLines.Line
    private(set) var rows: [CSVParser.Row] = []
    private(set) var unplaced: [Line] = []
    init(_ lines: ArraySlice<Line>) { unplaced = Array(lines) }
}
