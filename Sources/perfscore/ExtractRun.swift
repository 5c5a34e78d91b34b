import Foundation
import PerformanceKit

extension CommandRunner {
    /// `perfscore extract FILE.txt [-o DIR]`: every table of a disclosure's text as perfscore/1 JSON, an array on
    /// standard output or one file per table in DIR; what was found, and every line that fits no cell, on
    /// standard error. A table that cannot be read is named with its lines and makes the exit status 2.
    func extract(_ options: Command.ScoreOptions) -> ExitStatus {
        guard let (_, name, bytes) = readOneFile(options, job: "extract takes one file, the text of a disclosure") else { return .unusable }
        let tables: [DisclosureReader.Table]
        do {
            tables = try DisclosureReader().read(bytes, file: name)
        } catch {
            for problem in error.problems { environment.writeError("perfscore: \(name): \(problem)\n") }
            return .unusable
        }
        guard !tables.isEmpty else {
            environment.writeError("perfscore: \(name): no table found: expected a 项目支出绩效自评表, a 项目自评结果（摘要版） or a 绩效目标表\n")
            return .unusable
        }
        var read: [(table: DisclosureReader.Table, evaluation: Evaluation)] = []
        var failed = false
        for table in tables {
            let label = Self.tableName(name, sheet: table.label)
            switch table.result {
            case .success(let result):
                // What the reading could not place; the findings of lint (no points on a target table) are lint's.
                for warning in result.warnings where warning.code == .unplacedText {
                    environment.writeError("perfscore: \(label): \(warning.message)\n")
                }
                read.append((table, result.evaluation))
            case .failure(let error):
                failed = true
                for problem in error.problems { environment.writeError("perfscore: \(label): \(problem)\n") }
            }
        }
        let counts = Dictionary(grouping: tables, by: \.form).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
        environment.writeError("perfscore: \(name): \(tables.count) table(s) found (\(counts)); \(read.count) read\n")
        var status: ExitStatus = failed ? .unusable : .success
        if let folder = options.outputPath.flatMap(pageFolder) {
            var taken: Set<String> = []
            for (table, evaluation) in read {
                let fileName = table.fileName(taken: taken)
                taken.insert(fileName)
                guard writePage(EvaluationWriter.text(evaluation) + "\n", to: (folder as NSString).appendingPathComponent(fileName),
                                what: "the table's JSON") else {
                    return .unusable
                }
            }
        } else {
            status = max(status, emit(EvaluationWriter.array(read.map(\.evaluation)), options: options))
        }
        return status
    }
}
