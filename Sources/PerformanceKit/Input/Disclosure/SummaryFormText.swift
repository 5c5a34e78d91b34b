import Foundation

/// 项目自评结果（摘要版） (in progress).
struct SummaryFormText {
    typealias Line = DisclosureLines.Line
    var result: Result<EvaluationReader.Result, TableReadError>
    init(_ lines: ArraySlice<Line>) { result = .failure(TableReadError(problems: [])) }
}
