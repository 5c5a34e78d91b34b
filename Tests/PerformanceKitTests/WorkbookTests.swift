import CommandLineKit
import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

private final class Output: @unchecked Sendable { var text = "" }

/// Runs the command in process on the repository's files.
/// With `realFiles`, reports go to the real file system (through the command's own atomic write).
private func runCommand(_ arguments: [String], realFiles: Bool = false) -> (status: perfscore.ExitStatus, output: String, error: String) {
    let output = Output()
    let error = Output()
    var environment = CommandRunner.Environment(
        readFile: { path in try Fixtures.bytes(path) }, readStandardInput: { [] },
        writeOutput: { output.text += $0 }, writeError: { error.text += $0 })
    if !realFiles {
        environment.writeFileAtomically = { path, _ in throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        environment.openAtomicFile = { path in throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
    }
    let status = CommandRunner(environment: environment).run(arguments)
    return (status, output.text, error.text)
}

/// Issue 15 §1: .xlsx in, with no dependency — ZIP, DEFLATE, SpreadsheetML.
@Suite("DEFLATE and ZIP")
struct DeflateTests {
    static func deflate(_ name: String) throws -> [UInt8] { try Fixtures.fixture("deflate/\(name).deflate") }

    @Test(arguments: [("stored", "plain.txt"), ("fixed", "plain.txt"), ("dynamic", "plain.txt"),
                      ("varied-1", "varied.txt"), ("varied-9", "varied.txt")])
    func inflatesWhatZlibDeflated(_ stream: String, _ plain: String) throws {
        let expected = try Fixtures.fixture("deflate/\(plain)")
        #expect(try Inflater.inflate(try Self.deflate(stream)[...], limit: 1 << 20) == expected)
    }

    /// The fixed codes are built without the check a file's lengths get: their constants must pass it (and fill the
    /// code: 288 literal and 30 distance codes, as RFC 1951 §3.2.6 sets them), and an over-subscribed code must not.
    @Test func theFixedCodesPassTheCheckAFilesCodesGet() {
        #expect(HuffmanTable.fits(Inflater.fixedLiteralLengths))
        #expect(HuffmanTable.fits(Inflater.fixedDistanceLengths))
        #expect(Inflater.fixedLiteralLengths.count == 288)
        #expect(Inflater.fixedDistanceLengths.count == 30)
        #expect(HuffmanTable.counts(Inflater.fixedLiteralLengths)[7...9] == [24, 152, 112])
        #expect(!HuffmanTable.fits([UInt8](repeating: 1, count: 3)[...]))
    }

    @Test func stopsAZipBombAtTheLimit() throws {
        // 1,033 bytes that expand to 1 MiB of zeros.
        let bomb = try Self.deflate("bomb")
        #expect(try Inflater.inflate(bomb[...], limit: 1 << 20).count == 1 << 20)
        #expect(throws: Inflater.Failure(description: "it expands to more than 65536 bytes")) {
            try Inflater.inflate(bomb[...], limit: 65_536)
        }
    }

    @Test(arguments: [
        ([0x07], "a block of the reserved type 3"),
        ([0x01, 0x05, 0x00, 0x00, 0x00], "a stored block whose length and its complement disagree"),
        ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], "the compressed data end inside a stored block"),
        ([0x02], "the compressed data end before their last block"),
    ] as [([UInt8], String)])
    func refusesDamagedStreams(_ bytes: [UInt8], _ reason: String) {
        #expect(throws: Inflater.Failure(description: reason)) { try Inflater.inflate(bytes[...], limit: 1000) }
    }

    @Test func refusesEveryTruncationOfARealStream() throws {
        let stream = try Self.deflate("varied-9")
        for length in stride(from: 0, to: stream.count - 1, by: 97) {
            #expect(throws: Inflater.Failure.self) { try Inflater.inflate(stream[..<length], limit: 1 << 20) }
        }
    }

    @Test func refusesADistanceBeforeTheStart() {
        // Fixed codes: length symbol 257 (3 bytes), distance code 0 (1 back) with nothing written yet.
        // Bits (first first): 1 (final), 10 → type 1 reversed as 1,0; 257 = 0000001 (7 bits); distance 00000.
        var bits: [Int] = [1, 1, 0] + [0, 0, 0, 0, 0, 0, 1] + [0, 0, 0, 0, 0]
        bits += Array(repeating: 0, count: 8 - bits.count % 8)
        var bytes: [UInt8] = []
        for start in stride(from: 0, to: bits.count, by: 8) {
            bytes.append(UInt8(bits[start..<(start + 8)].enumerated().reduce(0) { $0 | ($1.element << $1.offset) }))
        }
        #expect(throws: Inflater.Failure(description: "a distance of 1 before the start of the data")) {
            try Inflater.inflate(bytes[...], limit: 100)
        }
    }

    @Test func checksAsZIPDoes() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func readsBackWhatItWrites() throws {
        var zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("<workbook/>".utf8))
        zip.add("目录/表.xml", Array("表".utf8))
        let archive = try ZipArchive(zip.finish())
        #expect(try archive.contents(of: "xl/workbook.xml", limit: 100) == Array("<workbook/>".utf8))
        #expect(try archive.contents(of: "目录/表.xml", limit: 100) == Array("表".utf8))
        #expect(try archive.contents(of: "missing", limit: 100) == nil)
        #expect(throws: ZipArchive.Failure(description: "xl/workbook.xml is larger than 5 bytes")) {
            try archive.contents(of: "xl/workbook.xml", limit: 5)
        }
    }

    @Test func findsADamagedEntryByItsChecksum() throws {
        var zip = ZipWriter()
        zip.add("a.xml", Array("<a>1</a>".utf8))
        var bytes = zip.finish()
        // The entry's data start after the 30-byte local header and the 5-byte name.
        bytes[30 + 5 + 3] = UInt8(ascii: "2")
        #expect(throws: ZipArchive.Failure(description: "a.xml is damaged: its size or checksum differs from the directory's")) {
            try ZipArchive(bytes).contents(of: "a.xml", limit: 100)
        }
    }

    @Test func refusesWhatIsNoArchive() {
        #expect(throws: ZipArchive.Failure(description: "not a ZIP archive (no end-of-central-directory record)")) {
            try ZipArchive(Array("项目名称,a\n".utf8))
        }
    }
}

@Suite("SpreadsheetML")
struct SpreadsheetMLTests {
    @Test(arguments: [
        ("19.600000000000001", StoredNumber.Display.general, "19.6"),
        ("94.890000000000001", .general, "94.89"),
        ("0.30000000000000004", .general, "0.3"),
        ("1.2E-3", .general, "0.0012"),
        ("2.5E+3", .general, "2500"),
        ("1800", .general, "1800"),
        ("-0.75", .general, "-0.75"),
        ("0.99999999999999994", .general, "1"),
        ("0.9489", .percent, "94.89%"),
        ("1", .percent, "100%"),
        ("0.98", .percent, "98%"),
        ("45107", .date, "2023年6月30日"),
        ("45107.5", .date, "2023年6月30日"),
        ("60", .date, "1900年2月29日"),
        ("61", .date, "1900年3月1日"),
        ("1", .date, "1900年1月1日"),
        ("≥90", .general, "≥90"),
    ] as [(String, StoredNumber.Display, String)])
    func showsAStoredNumberAsTheCellDoes(_ stored: String, _ display: StoredNumber.Display, _ shown: String) {
        #expect(StoredNumber.text(stored, display: display) == shown)
    }

    @Test func countsDaysFrom1904WhenTheWorkbookSaysSo() {
        #expect(StoredNumber.text("0", display: .date, uses1904: true) == "0")
        #expect(StoredNumber.text("43645", display: .date, uses1904: true) == "2023年6月30日")
    }

    @Test(arguments: [
        (9, nil, StoredNumber.Display.percent), (10, nil, .percent), (14, nil, .date), (31, nil, .date), (0, nil, .general),
        (2, nil, .general), (176, "0.0%", .percent), (177, "yyyy\"年\"m\"月\"d\"日\"", .date), (178, "0.00\"%\"", .general),
        (179, "0.00E+00", .general), (180, "[Red]0.00", .general), (181, "General", .general),
    ] as [(Int, String?, StoredNumber.Display)])
    func tellsPercentagesAndDatesFromTheFormat(_ id: Int, _ code: String?, _ display: StoredNumber.Display) {
        #expect(StoredNumber.display(formatID: id, code: code) == display)
    }

    @Test func scansElementsAttributesAndText() throws {
        var scanner = XMLScanner(Array("<?xml version=\"1.0\"?><!-- c --><x:c r='A1' t=\"s\"><v>a &amp; b &#x4E00;&#20108;</v><f/><![CDATA[<raw>]]></x:c>".utf8))
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        #expect(events == [
            .start(name: "c", attributes: ["r": "A1", "t": "s"], isEmpty: false), .start(name: "v", attributes: [:], isEmpty: false),
            .text("a & b 一二"), .end(name: "v"), .start(name: "f", attributes: [:], isEmpty: true), .text("<raw>"), .end(name: "c"),
        ])
    }

    @Test func refusesADocumentTypeDeclaration() {
        var scanner = XMLScanner(Array("<!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>".utf8))
        #expect(throws: XMLScanner.Failure.self) { while try scanner.next() != nil {} }
    }

    @Test func readsReferences() {
        #expect(CellReference("D7") == CellReference(row: 7, column: 4))
        #expect(CellReference("AA10") == CellReference(row: 10, column: 27))
        #expect(CellReference("$A$1") == nil)
        #expect(CellPlaces.letters(16_384) == "XFD")
    }
}

/// A workbook built part by part, as a spreadsheet program writes one, for the cases the examples do not show.
enum WorkbookBuilder {
    /// `sheets`: name and the `<sheetData>` rows (cells as inline strings or numbers). A cell written `=F` holds the
    /// formula `F` with no saved value, as a program that does not calculate writes it; `=F|V` holds it with the
    /// value `V`, as Excel saves it.
    static func workbook(_ sheets: [(String, [[String]])], merges: [String] = [], hidden: Set<String> = []) -> [UInt8] {
        var zip = ZipWriter()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        zip.add("_rels/.rels", Array("<Relationships><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8))
        let list = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"\(hidden.contains(sheet.0) ? " state=\"hidden\"" : "")/>"
        }.joined()
        zip.add("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>\(list)</sheets></workbook>".utf8))
        let links = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"/xl/worksheets/s\($0 + 1).xml\"/>" }
        zip.add("xl/_rels/workbook.xml.rels", Array("<Relationships>\(links.joined())</Relationships>".utf8))
        for (index, sheet) in sheets.enumerated() {
            var xml = "<worksheet xmlns=\"\(main)\"><sheetData>"
            for (row, cells) in sheet.1.enumerated() {
                xml += "<row r=\"\(row + 1)\">"
                for (column, cell) in cells.enumerated() where !cell.isEmpty {
                    let reference = CellPlaces.letters(column + 1) + String(row + 1)
                    if cell.hasPrefix("=") {
                        let parts = cell.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
                        xml += "<c r=\"\(reference)\"><f>\(parts[0])</f>" + (parts.count > 1 ? "<v>\(parts[1])</v>" : "") + "</c>"
                    } else if Double(cell) != nil {
                        xml += "<c r=\"\(reference)\"><v>\(cell)</v></c>"
                    } else {
                        xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(cell.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</t></is></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>" + (merges.isEmpty ? "" : "<mergeCells>" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>")
            zip.add("xl/worksheets/s\(index + 1).xml", Array((xml + "</worksheet>").utf8))
        }
        return zip.finish()
    }

    static let table: [[String]] = [
        ["项目名称", "培训经费"], ["预算数", "100"], ["执行数", "90"],
        ["一级指标", "二级指标", "三级指标", "分值", "年初目标值", "实际完成值", "得分"],
        ["产出指标", "数量指标", "培训次数", "50", "≥4", "4", "50"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "30", "≥90%", "95%", "30"],
    ]
}

@Suite("Workbooks (.xlsx)")
struct WorkbookTests {
    static let pairs = [
        ("examples/spreadsheets/05-zhengwu-fuwu.xlsx", "自评表", "examples/wuhan-2023/03-zhengwu-fuwu.json"),
        ("examples/spreadsheets/06-two-projects.xlsx", "行政运行工作经费", "examples/wuhan-2023/01-xingzheng-yunxing.json"),
        ("examples/spreadsheets/06-two-projects.xlsx", "市民之家大楼", "examples/wuhan-2023/02-shiminzhijia-dalou.json"),
    ]

    @Test(arguments: pairs)
    func readsEachSheetBackToThePublishedScores(_ book: String, _ sheet: String, _ json: String) throws {
        let tables = try TableReader().readWorkbook(try Fixtures.bytes(book))
        let table = try #require(tables.first { $0.sheet == sheet })
        let fromSheet = Scorer(profile: .wuhan2023).score(table.result.evaluation)
        let fromJSON = try Fixtures.scoreExample(json)
        #expect(fromSheet.total == fromJSON.total)
        #expect(fromSheet.indicators.map(\.score) == fromJSON.indicators.map(\.score))
        #expect(fromSheet.indicators.map(\.name) == fromJSON.indicators.map(\.name))
        #expect(fromSheet.indicators.map(\.target) == fromJSON.indicators.map(\.target))
        #expect(fromSheet.budget.score == fromJSON.budget.score)
        #expect(fromSheet.evaluation.title == fromJSON.evaluation.title)
    }

    /// Saved by LibreOffice Calc (Fixtures/libreoffice/make): workbooks this package did not write.
    static let savedByLibreOffice = [
        ("01-xingzheng-yunxing.xlsx", "examples/wuhan-2023/01-xingzheng-yunxing.json"),
        ("02-shiminzhijia-dalou.xlsx", "examples/wuhan-2023/02-shiminzhijia-dalou.json"),
        ("03-zhengwu-fuwu.xlsx", "examples/wuhan-2023/03-zhengwu-fuwu.json"),
        ("04-zhihui-chengshi.xlsx", "examples/wuhan-2023/04-zhihui-chengshi.json"),
        ("05-zhengwu-fuwu-resaved.xlsx", "examples/wuhan-2023/03-zhengwu-fuwu.json"),
    ]

    @Test(arguments: savedByLibreOffice)
    func readsWhatASpreadsheetProgramSaved(_ book: String, _ json: String) throws {
        let tables = try TableReader().readWorkbook(try Fixtures.fixture("libreoffice/\(book)"))
        #expect(tables.count == 1)
        let card = try Evaluator().evaluate(tables[0].result.evaluation, warnings: tables[0].result.warnings)
        let fromJSON = try Fixtures.scoreExample(json)
        #expect(card.total == fromJSON.total)
        #expect(card.indicators.map(\.score) == fromJSON.indicators.map(\.score))
        #expect(card.indicators.map(\.target) == fromJSON.indicators.map(\.target))
        #expect(card.indicators.map(\.actual) == fromJSON.indicators.map(\.actual))
        #expect(card.budget.score == fromJSON.budget.score)
        #expect(card.verification?.agrees != false)
    }

    @Test func readsTheMinistrysFormSavedByASpreadsheetProgram() throws {
        let tables = try TableReader().readWorkbook(try Fixtures.fixture("libreoffice/ministry-form.xlsx"))
        let read = tables[0].result
        #expect(read.evaluation.rules == "mof-2020")
        #expect(read.evaluation.budget.weight == 10)
        #expect(read.evaluation.budget.sources.map(\.kind) == [.appropriation, .carriedOver, .other])
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.total == dec("99.17"))
        #expect(card.verification?.agrees == true)
    }

    @Test func readsTheOfficialFormAsExcelKeepsIt() throws {
        // 05: an instructions sheet first; title, 项目名称 (rich text) and the label column merged; 执行率 a
        // percentage; 得分 a formula's cached value; 94.89 stored with 17 digits; a footer with a date.
        let tables = try TableReader().readWorkbook(try Fixtures.bytes("examples/spreadsheets/05-zhengwu-fuwu.xlsx"))
        #expect(tables.map(\.sheet) == ["自评表"])
        let evaluation = tables[0].result.evaluation
        #expect(evaluation.title == "政务服务和政务公开能力建设运行费")
        #expect(evaluation.year == 2023)
        #expect(evaluation.budget.initial == dec("894.13"))
        #expect(evaluation.published?.budget == 20)
        #expect(evaluation.published?.total == dec("99.75"))
        #expect(evaluation.indicators.map(\.actual).contains("94.89"))
        #expect(evaluation.indicators.compactMap(\.reason) == ["全年计划4期，因工作调整合并为3期"])
        let card = try Evaluator().evaluate(evaluation)
        #expect(card.total == dec("99.75"))
        #expect(card.verification?.agrees == true)
    }

    @Test func picksOneSheetByName() throws {
        let bytes = try Fixtures.bytes("examples/spreadsheets/06-two-projects.xlsx")
        let tables = try TableReader().readWorkbook(bytes, sheet: "市民之家大楼")
        #expect(tables.map(\.sheet) == ["市民之家大楼"])
        #expect(throws: TableReadError(problems: [.init(row: 0, column: nil,
            message: "no sheet named 其他; the workbook has 行政运行工作经费, 市民之家大楼")])) {
            try TableReader().readWorkbook(bytes, sheet: "其他")
        }
    }

    @Test func namesTheSheetAndCellOfAProblem() throws {
        var rows = WorkbookBuilder.table
        rows[4][6] = "五十"
        let bytes = WorkbookBuilder.workbook([("说明", [["填表说明"]]), ("自评表", rows)])
        #expect(throws: TableReadError(problems: [.init(row: 5, column: 7, message: "得分 \"五十\" is not a number", sheet: "自评表")])) {
            try TableReader().readWorkbook(bytes)
        }
        let message = TableReadError.Problem(row: 5, column: 7, message: "得分 \"五十\" is not a number", sheet: "自评表").description
        #expect(message == "自评表!G5: 得分 \"五十\" is not a number")
    }

    @Test func passesOverHiddenAndInstructionSheets() throws {
        let bytes = WorkbookBuilder.workbook([("说明", [["填表说明"]]), ("旧表", WorkbookBuilder.table), ("自评表", WorkbookBuilder.table)],
                                             hidden: ["旧表"])
        let tables = try TableReader().readWorkbook(bytes)
        #expect(tables.map(\.sheet) == ["自评表"])
        #expect(Scorer(profile: .wuhan2023).score(tables[0].result.evaluation).total == 98)
        #expect(tables[0].result.places.describe(.indicator(0).appending("target")) == "自评表!E5 (indicators[0].target)")
        // Passed over, but said: a table kept in a hidden sheet is not lost without a word.
        #expect(tables[0].result.warnings.filter { $0.code == .hiddenSheet }.map(\.message)
                == ["the hidden sheet 旧表 holds a table, which is not read; --sheet 旧表 reads it"])
        #expect(try TableReader().readWorkbook(bytes, sheet: "旧表")[0].result.warnings.allSatisfy { $0.code != .hiddenSheet })
    }

    @Test func saysWhenNoSheetHoldsATable() {
        let bytes = WorkbookBuilder.workbook([("说明", [["填表说明"]]), ("Sheet2", [])])
        #expect(throws: TableReadError(problems: [.init(row: 0, column: nil,
            message: "no sheet holds a table (a row naming 三级指标 and 年初目标值); the workbook has 说明, Sheet2")])) {
            try TableReader().readWorkbook(bytes)
        }
    }

    @Test func namesAnOldExcelFileForWhatItIs() {
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)
        #expect(throws: Workbook.Failure.self) { try Workbook(compound) }
        #expect((try? Workbook(compound)) == nil)
        do {
            _ = try Workbook(compound)
        } catch {
            #expect(error.description.hasPrefix("an Excel 97–2003 (.xls), WPS (.et) or password-protected workbook"))
        }
    }

    @Test func keepsAFormulaErrorAsTextForTheTableToRefuse() throws {
        var rows = WorkbookBuilder.table
        rows[4][6] = "#DIV/0!"
        let bytes = WorkbookBuilder.workbook([("表", rows)])
        #expect(throws: TableReadError(problems: [.init(row: 5, column: 7, message: "得分 \"#DIV/0!\" is not a number", sheet: "表")])) {
            try TableReader().readWorkbook(bytes)
        }
    }

    @Test func scoresAWorkbookFromTheCommandLine() {
        let result = runCommand(["examples/spreadsheets/06-two-projects.xlsx"])
        #expect(result.status == .success)
        #expect(result.output.contains("examples/spreadsheets/06-two-projects.xlsx[行政运行工作经费]"))
        #expect(result.output.contains("examples/spreadsheets/06-two-projects.xlsx[市民之家大楼]"))
        let one = runCommand(["--sheet", "市民之家大楼", "--format", "json", "examples/spreadsheets/06-two-projects.xlsx"])
        #expect(one.output.hasPrefix("{"))
        #expect(runCommand(["--sheet", "x", "examples/spreadsheets/03-zhengwu-fuwu.csv"]).status == .unusable)
    }

    /// A workbook of two tables converts to an array of the two evaluations (it was refused, exit 2, asking for
    /// `--sheet`), which perfscore reads back, each table as `FILE[0]`, `FILE[1]`; `-o DIR/` writes a file each,
    /// named after its project; `--sheet` still picks one.
    @Test func convertsEveryTableOfAWorkbook() throws {
        let workbook = "examples/spreadsheets/06-two-projects.xlsx"
        let both = runCommand(["convert", workbook])
        #expect(both.status == .success)
        #expect(both.error == "perfscore: \(workbook): 2 tables (行政运行工作经费, 市民之家大楼), an array of evaluations (-o DIR/ writes a file each)\n")
        let elements = try #require(try EvaluationReader().readArray(Array(both.output.utf8)))
        let cards = try elements.map { try Evaluator().evaluate($0.get().evaluation) }
        #expect(cards.map(\.evaluation.title) == ["行政运行工作经费", "市民之家大楼运行维护费"])
        #expect(cards.map(\.total) == [dec("100"), dec("100")])
        #expect(cards.allSatisfy { $0.verification?.agrees == true })

        let one = runCommand(["convert", "--sheet", "行政运行工作经费", workbook])
        #expect(one.status == .success)
        #expect(one.error.isEmpty)
        let card = try Evaluator().evaluate(Array(one.output.utf8))
        #expect(card.total == 100)
        #expect(card.verification?.agrees == true)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)").path + "/"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = runCommand(["convert", workbook, "-o", folder], realFiles: true)
        #expect(written.status == .success)
        #expect(written.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["市民之家大楼运行维护费.json", "行政运行工作经费.json"])
        let file = try Evaluator().evaluate(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "行政运行工作经费.json"))))
        #expect(file.total == 100)
    }
}

/// Issue 15 §4: `--format xlsx` — a workbook laid out like the form, printed beside recomputed, that reads back.
@Suite("Workbooks written (--format xlsx)")
struct XLSXReportTests {
    static let seeds = ["examples/wuhan-2023/01-xingzheng-yunxing.json", "examples/wuhan-2023/02-shiminzhijia-dalou.json",
                        "examples/wuhan-2023/03-zhengwu-fuwu.json", "examples/wuhan-2023/04-zhihui-chengshi.json"]

    @Test func readsBackToTheSameScoresAndPrintedFigures() throws {
        let cards = try Self.seeds.map { try Fixtures.scoreExample($0) }
        let bytes = try #require(XLSXReport.render(cards.map { (nil, $0) }))
        let tables = try TableReader().readWorkbook(bytes)
        #expect(tables.map(\.sheet) == cards.map { $0.evaluation.title ?? "" })
        for (table, card) in zip(tables, cards) {
            let again = try Evaluator().evaluate(table.result.evaluation, warnings: table.result.warnings)
            #expect(again.total == card.total)
            #expect(again.indicators.map(\.score) == card.indicators.map(\.score))
            #expect(again.indicators.map(\.published) == card.indicators.map(\.published))
            #expect(again.evaluation.published?.total == card.evaluation.published?.total)
            #expect(again.evaluation.published?.budget == card.evaluation.published?.budget)
            #expect(again.verification?.agrees != false)
            // The unit printed after each name (`市民之家杂志期数（期）`) reads back as the row's unit.
            #expect(again.evaluation.indicators.map(\.name) == card.evaluation.indicators.map(\.name))
            #expect(again.evaluation.indicators.map(\.unit) == card.evaluation.indicators.map(\.unit))
        }
    }

    /// A goal-weighted 部门整体 table keeps its kind, its goals with their ratios and each row's goal: read back it
    /// totals 98.46 as written, not the 177.68 its rows add up to without the ratios.
    @Test func readsAGoalWeightedTableBackWithItsGoals() throws {
        let card = try Fixtures.scoreExample("examples/constructed/department-goal-ratios.json")
        let bytes = try #require(XLSXReport.render([(nil, card)]))
        let sheet = try #require(try Workbook(bytes).sheets.first)
        #expect(sheet.rows.first?.fields.first == "部门整体支出绩效自评表")
        let table = try #require(try TableReader().readWorkbook(bytes).first)
        let again = try Evaluator().evaluate(table.result.evaluation, warnings: table.result.warnings)
        #expect(again.evaluation.kind == .department)
        #expect(again.evaluation.goals == card.evaluation.goals)
        #expect(again.evaluation.indicators.map(\.goal) == card.evaluation.indicators.map(\.goal))
        #expect(again.total == dec("98.46"))
        #expect(again.total == card.total)
        #expect(again.verification?.agrees == true)
        // The total's working: each goal's weighted score, then the sum with the budget's.
        let total = try #require(sheet.rows.first { $0.fields.first == "总分" }?.fields)
        #expect(total.last == "年度目标1：79.37 × 60 ÷ 100 = 47.62\n年度目标2：79.11 × 40 ÷ 100 = 31.64\n19.2 + 47.62 + 31.64 = 98.46")
    }

    @Test func setsThePrintedScoreBesideTheRecomputedOneWithTheKindOfDifference() throws {
        // A met target printed 0.5 of 1, and a total printed 99.5: both differ from the rule's 1 and 100.
        let table = evaluation([row("≥4", "4", weight: "79", name: "培训次数", published: "79"),
                                row("≥90%", "95%", weight: "1", name: "覆盖率", published: "0.5")],
                               published: PublishedFigures(total: dec("99.5")))
        let card = try Evaluator().evaluate(table)
        let bytes = try #require(XLSXReport.render([("自评表", card)]))
        let sheet = try #require(try Workbook(bytes).sheets.first)
        #expect(sheet.name == "自评表")
        let rows = Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.fields.dropFirst(2).first ?? $0.fields.first ?? "", $0.fields) })
        let coverage = try #require(rows["覆盖率"])
        // 得分 (recomputed), 表中得分 (printed), 核对: a met target printed below full marks is the evaluator's
        // judgement, and the total that follows from it too.
        #expect(Array(coverage[6...8]) == ["1", "0.5", "judgement"])
        let total = try #require(sheet.rows.first { $0.fields.first == "总分" }?.fields)
        #expect(Array(total[6...9]) == ["100", "99.5", "judgement", "等级 优"])
        // The rate is a percentage the spreadsheet shows as one.
        let budget = try #require(sheet.rows.first { $0.fields.first == "年度财政资金总额" }?.fields)
        #expect(budget[4] == "100%")
    }

    @Test func keepsTheFormsOtherCells() throws {
        var table = evaluation([row("≥4", "4", weight: "80", name: "培训次数")])
        table.form = FormDetails(implementer: "测试中心", expectedGoal: "完成全年培训任务", achievedGoal: "完成4次培训",
                                 preparer: "王五", telephone: "010-1", filedOn: "2023年3月1日")
        let card = try Evaluator().evaluate(table)
        let bytes = try #require(XLSXReport.render([(nil, card)]))
        let again = try TableReader().readWorkbook(bytes)
        #expect(again[0].result.evaluation.form == table.form)
    }

    @Test func namesSheetsAsASpreadsheetAllows() {
        var names = SheetNames()
        #expect(names.name(for: "a/b:c[1]", position: 0) == "abc1")
        #expect(names.name(for: "表", position: 1) == "表")
        #expect(names.name(for: "表", position: 2) == "表（2）")
        #expect(names.name(for: "", position: 3) == "表4")
        #expect(names.name(for: String(repeating: "长", count: 40), position: 4).count == 31)
        #expect(names.name(for: String(repeating: "长", count: 40), position: 5) == String(repeating: "长", count: 28) + "（2）")
        // Excel compares sheet names without regard to case: a second `ABC1` would make the workbook "repaired".
        #expect(names.name(for: "ABC1", position: 6) == "ABC1（2）")
        // A name written with its number already is taken like any other: the next number is tried.
        #expect(names.name(for: "表（3）", position: 7) == "表（3）")
        #expect(names.name(for: "表", position: 8) == "表（4）")
    }

    /// A batch whose titles repeat names every sheet apart, each in a step or two (the names were searched from
    /// `（2）` up in a list each time: 66,000 sheets of one title did not finish in ten minutes).
    @Test func namesManySheetsOfOneTitleApart() {
        var names = SheetNames()
        let given = (0..<3_000).map { names.name(for: "项目", position: $0) }
        #expect(Set(given).count == 3_000)
        #expect(given.prefix(3) == ["项目", "项目（2）", "项目（3）"])
        #expect(given.last == "项目（3000）")
    }

    /// A workbook of more sheets than a ZIP archive has parts is refused, by count, with what to do: the archive's
    /// count of parts stopped the program (a trap) at 65,536.
    @Test func refusesMoreTablesThanAWorkbookHolds() {
        let line = #"{"format": "perfscore/1", "title": "项目", "budget": {"planned": 1, "executed": 1}, "indicators": [{"category": "产出指标", "name": "n", "weight": 80, "target": "≥1", "actual": "1"}]}"#
        let batch = String(repeating: line + "\n", count: XLSXReport.mostSheets + 1)
        let refused = runPerfscore(["--format", "xlsx", "-o", "many.xlsx", "many.jsonl"], files: ["many.jsonl": batch])
        #expect(refused.status == .unusable)
        #expect(refused.error == "perfscore: more than 65530 tables, and a workbook holds at most 65530 sheets (a ZIP archive at most 65535 parts): write them with --format json or csv, or score fewer tables at a time\n")
    }

    /// A workbook stays within what a ZIP archive without ZIP64 holds (4 GiB): a sheet that would pass it, with the
    /// parts that list the sheets, is refused, and the sheets before it stand.
    @Test func refusesASheetThatWouldPassTheArchivesSize() throws {
        let card = try Fixtures.scoreExample(Self.seeds[2])
        var unbounded = XLSXReport.Writer()
        _ = try unbounded.add(card, name: nil)
        let one = try unbounded.finish().count
        var bounded = XLSXReport.Writer(largest: 64 * 1024 + 2 * 1024 + 2 * one)
        let added = try ["一", "二", "三"].map { try bounded.add(card, name: $0) }
        #expect(added == [true, true, false])
        #expect(bounded.sheetCount == 2)
        let bytes = try bounded.finish()
        #expect(try Workbook(bytes).sheets.map(\.name) == ["一", "二"])
    }

    /// Bytes set aside in memory come back in the order put, whatever the pieces asked for; asking for more than is
    /// left is an error.
    @Test func setsBytesAsideInMemory() throws {
        let aside = SetAsideBytes.inMemory()
        try aside.put([1, 2, 3])
        try aside.put([])
        try aside.put([4, 5])
        #expect(try aside.take(2) == [1, 2])
        #expect(try aside.take(3) == [3, 4, 5])
        #expect(try aside.take(0) == [])
        try aside.put([6])
        let error = #expect(throws: SetAsideBytes.Shortfall.self) { try aside.take(2) }
        #expect(error?.description == "2 bytes were asked for, 1 left")
    }

    @Test func writesAWorkbookOnlyToAFile() throws {
        let refused = runCommand(["--format", "xlsx", "examples/wuhan-2023/03-zhengwu-fuwu.json"])
        #expect(refused.status == .unusable)
        #expect(refused.error == "perfscore: --format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output to a file)\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("自评.xlsx").path
        let written = runCommand(["--format", "xlsx", "-o", path, "examples/wuhan-2023/03-zhengwu-fuwu.json"], realFiles: true)
        #expect(written.status == .success)
        let tables = try TableReader().readWorkbook([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(tables.count == 1)
        #expect(Scorer(profile: .wuhan2023).score(tables[0].result.evaluation).total == dec("99.75"))
        // The sheets waited in a temporary file beside the workbook, gone from the folder as soon as it was made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["自评.xlsx"])
        let missing = directory.appendingPathComponent("none/自评.xlsx").path
        let nowhere = runCommand(["--format", "xlsx", "-o", missing, "examples/wuhan-2023/03-zhengwu-fuwu.json"], realFiles: true)
        #expect(nowhere.status == .unusable)
        #expect(nowhere.error == "perfscore: cannot write the workbook: the folder \(directory.path)/none does not exist; create it first\n")
    }

    /// The command sets a workbook's sheets aside in the file its environment opens: one that cannot be made stops the
    /// job before anything is scored, with the reason, and nothing is written.
    @Test func saysWhyTheSheetsCannotBeSetAside() {
        let output = Output()
        let error = Output()
        var environment = CommandRunner.Environment(
            readFile: { path in try Fixtures.bytes(path) }, readStandardInput: { [] },
            writeOutput: { output.text += $0 }, writeError: { error.text += $0 })
        environment.openAtomicFile = { path in throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        environment.openScratchFile = { _ in throw ChunkReader.OpenFailure(code: ENOSPC) }
        let status = CommandRunner(environment: environment).run(["--format", "xlsx", "-o", "out.xlsx", "examples/wuhan-2023/03-zhengwu-fuwu.json"])
        #expect(status == .unusable)
        #expect(error.text == "perfscore: cannot write the workbook: no space left on the device\n")
        #expect(output.text.isEmpty)
    }

    /// A sheet is named after its table's sheet where it came from one, else after its project: the tables of a
    /// disclosure's text and of a CSV file were named by their lines and rows (`lines 3276-3448`, `rows 1-8`).
    @Test func namesASheetAfterTheProjectWhereTheTableHadNoSheet() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func sheets(of file: String) throws -> [String] {
            let path = directory.appendingPathComponent("out.xlsx").path
            #expect(runCommand(["--format", "xlsx", "-o", path, file], realFiles: true).status == .success)
            return try Workbook([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).sheets.map(\.name)
        }
        #expect(try sheets(of: "examples/disclosures/001_56ba69dbb77db55d.txt")
                == ["市民之家大楼运行维护费", "智慧城市建设及相关运维经费", "行政运行工作经费", "政务服务和政务公开能力建设运行费"])
        #expect(try sheets(of: "examples/spreadsheets/06-two-projects.xlsx") == ["行政运行工作经费", "市民之家大楼"])
    }
}

/// Issue 15 §2: a 部门整体 target table as a person pastes it from the disclosure into a spreadsheet.
@Suite("部门整体 target tables")
struct DepartmentTableTests {
    /// Seed 004 lines 368–474: 部门整体支出绩效目标申报表 of 武汉市洪山区行政审批局 for 2026, its header block (填报人,
    /// the 部门总体资金情况 block, 部门职能概述, 年度工作任务, 项目支出情况, 整体绩效目标) and the indicator tables of its
    /// five long-term goals, each under its own 目标名称 header; the table prints no points.
    static let file = "tables/004-zhengti-changqi-mubiao.tsv"

    @Test func readsEveryGoalsRowsForLint() throws {
        let read = try TableReader(separator: .tab, requiresActuals: false).read(try Fixtures.fixture(Self.file))
        let evaluation = read.evaluation
        // Every one of the 71 indicator rows under the five 目标名称 headers (the header repeated before each goal).
        #expect(evaluation.indicators.count == 71)
        #expect(evaluation.indicators.first?.name == "水务专家评审费标准/件")
        #expect(evaluation.indicators.last?.name == "工作人员对就餐地址的满意度")
        #expect(!evaluation.indicators.contains { $0.name == "三级指标" })
        #expect(evaluation.kind == .department)
        #expect(evaluation.agency == "武汉市洪山区行政审批局（武汉市洪山区政务服务局）")
        #expect(evaluation.form == FormDetails(preparer: "马清", telephone: "87698006", filedOn: "2026 年 1 月 6 日"))
        // No points: a warning for lint, as in a JSON target table, not a reading error.
        #expect(read.warnings.first?.code == .noWeight)
        let report = Linter().lint([LintTable(name: "t.tsv", evaluation: evaluation, profile: .wuhan2023, hasWeights: false)],
                                   readingFindings: ["t.tsv": read.warnings])[0]
        let codes = Set(report.findings.map(\.code))
        #expect(codes.isSuperset(of: [Diagnostic.Code.noWeight, .rateAsFraction, .vagueTarget, .duplicateIndicator]))
        #expect(!report.hasErrors)
    }
}

/// Issue 15 §2 and issue 17 §1: the form's other cells — 实施单位 apart from 主管部门, 年度总体目标, 填报人, 填报日期.
@Suite("The form's other cells")
struct FormDetailsTests {
    @Test func readsThemFromTheMinistrysForm() throws {
        let form = """
        项目支出绩效自评表,,,,,
        单位名称：测试局 填报日期：2023年3月1日,,,,,
        项目名称,培训项目,,,,
        主管部门,测试局,,实施单位,测试中心,
        年度总体目标,预期目标,,,实际完成情况,
        ,完成全年培训任务,,,完成4次培训,
        预算数,100,,,,
        执行数,100,,,,
        一级指标,二级指标,三级指标,分值,年度指标值,实际完成值
        产出指标,数量指标,培训次数,80,≥4次,4次
        填报人：王五,,联系电话：,010-1,,

        """
        let evaluation = try TableReader().read(Array(form.utf8)).evaluation
        #expect(evaluation.agency == "测试局")
        #expect(evaluation.form == FormDetails(implementer: "测试中心", expectedGoal: "完成全年培训任务", achievedGoal: "完成4次培训",
                                               preparer: "王五", telephone: "010-1", filedOn: "2023年3月1日"))
    }

    @Test func groupsAFormThatNamesOnlyItsImplementerUnderIt() throws {
        let form = "项目名称,a\n实施单位,测试中心\n预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值\n产出指标,b,80,1,1\n"
        let evaluation = try TableReader().read(Array(form.utf8)).evaluation
        #expect(evaluation.agency == "测试中心")
        #expect(evaluation.form.implementer == "测试中心")
    }

    @Test func readsTheFooterOfAWorkbook() throws {
        let tables = try TableReader().readWorkbook(try Fixtures.bytes("examples/spreadsheets/05-zhengwu-fuwu.xlsx"))
        // 填报日期： and the date in the cell beside it, a date the cell formats as 年月日.
        #expect(tables[0].result.evaluation.form == FormDetails(preparer: "张三", telephone: "027-12345678", filedOn: "2024年1月31日"))
    }

    @Test func keepsThemThroughPerfscoreJSON() throws {
        var evaluation = evaluation([row("≥4", "4", weight: "80")])
        evaluation.form = FormDetails(implementer: "测试中心", expectedGoal: "目标", achievedGoal: "完成", preparer: "王五",
                                      telephone: "010-1", filedOn: "2023年3月1日")
        let text = EvaluationWriter.text(evaluation)
        #expect(text.contains("\"form\": {\n    \"implementer\": \"测试中心\""))
        #expect(try EvaluationReader().read(Array(text.utf8)).evaluation.form == evaluation.form)
    }

    @Test func refusesAFormThatIsNotAnObject() throws {
        let text = #"{"format": "perfscore/1", "budget": {"planned": 1, "executed": 1}, "form": "张三", "indicators": [{"category": "产出指标", "name": "a", "weight": 80, "target": "1", "actual": "1"}]}"#
        #expect(throws: EvaluationFileError.self) { try EvaluationReader().read(Array(text.utf8)) }
    }
}

/// Issue 15 §4: `perfscore template` — the blank form of a profile, which reads back once a unit fills it in.
@Suite("Blank forms (perfscore template)")
struct FormTemplateTests {
    /// The CSV template of `profile` filled in as a unit would: the project, the budget, one row under 数量指标 and
    /// one under 服务对象满意度指标 (the other 二级 rows left blank).
    static func filled(_ profile: RuleProfile, points: (String, String)) -> String {
        // The cells in the order of the profile's form: the Hubei form puts 分值 before the targets, the Ministry's
        // after the actuals.
        let ministry = profile.form.indicators[3].column == .target
        func row(_ name: String, _ points: String, _ target: String, _ actual: String, _ reason: String) -> String {
            ministry ? "\(name),\(target),\(actual),\(points),,\(reason)" : "\(name),\(points),\(target),\(actual),,\(reason)"
        }
        return FormTemplate.csv(for: profile, year: 2024)
            .replacingOccurrences(of: "项目名称,,", with: "项目名称,培训项目,")
            .replacingOccurrences(of: "主管部门,,,,实施单位,,", with: "主管部门,测试局,,,实施单位,测试中心,")
            .replacingOccurrences(of: ministry ? "年度资金总额,,,,10," : "年度资金总额,,,,",
                                  with: ministry ? "年度资金总额,100,100,90,10,90%" : "年度资金总额,100,100,90,90%")
            .replacingOccurrences(of: ",数量指标,,,,,,", with: ",数量指标," + row("培训次数", points.0, "≥4次", "3次", "培训场地调整"))
            .replacingOccurrences(of: ",服务对象满意度指标,,,,,,", with: ",服务对象满意度指标," + row("学员满意度", points.1, "≥90%", "95%", ""))
    }

    @Test(arguments: [(RuleProfile.wuhan2023, ("60", "20"), "83"), (.mof2020, ("80", "10"), "79")])
    func readsBackOnceFilledIn(_ profile: RuleProfile, _ points: (String, String), _ total: String) throws {
        let read = try TableReader().read(Array(Self.filled(profile, points: points).utf8))
        let evaluation = read.evaluation
        #expect(evaluation.rules == profile.id)
        #expect(evaluation.year == 2024)
        #expect(evaluation.title == "培训项目")
        #expect(evaluation.form.implementer == "测试中心")
        #expect(evaluation.budget.weight == profile.budgetWeight)
        #expect(evaluation.indicators.map(\.name) == ["培训次数", "学员满意度"])
        #expect(evaluation.published == nil)
        let card = try Evaluator().evaluate(evaluation, warnings: read.warnings)
        // wuhan-2023: 20 × 90 ÷ 100 + 60 × 3 ÷ 4 + 20 = 18 + 45 + 20; mof-2020: 10 × 90 ÷ 100 + 80 × 3 ÷ 4 + 10 = 9 + 60 + 10.
        #expect(card.total == dec(total))
    }

    @Test func laysOutTheProfilesPointsAndCategories() throws {
        let sheet = try #require(try Workbook(FormTemplate.workbook(for: .mof2020)).sheets.first)
        // Column A: the labels and the 一级指标.
        let firstCells = sheet.rows.compactMap { $0.fields.first }.filter { !$0.isEmpty }
        // The Ministry's form (the profile's `form`): 项目资金, 全年预算数 / 全年执行数, 年度指标值 … 分值 after the actuals.
        #expect(firstCells.contains("项目资金（万元）（10分）"))
        #expect(sheet.rows.contains { $0.fields.prefix(8) == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"] })
        #expect(firstCells.contains("产出指标（50分）"))
        #expect(firstCells.contains("效益指标（30分）"))
        #expect(firstCells.contains("满意度指标（10分）"))
        // mof-2020 is of 2020: 成本指标 stands under 产出指标 (column B), not as a category of its own.
        #expect(!firstCells.contains("成本指标"))
        #expect(sheet.rows.contains { $0.fields.count > 1 && $0.fields[1] == "成本指标" })
        // wuhan-2023 is of 2023: 成本指标 comes first (2021 layout), and the profile sets no split.
        let wuhan = FormTemplate.layout(for: .wuhan2023).map(\.0)
        #expect(wuhan == [.cost, .output, .benefit, .satisfaction])
        #expect(FormTemplate.layout(for: .wuhan2023)[0].1 == [.economicCost, .socialCost, .environmentalCost])
    }

    @Test func readsATemplateFilledInAndSavedByASpreadsheetProgram() throws {
        // The CSV template filled in by hand, opened and saved as .xlsx by LibreOffice Calc (Fixtures/libreoffice/make),
        // which leaves out the empty row under 年度总体目标: the budget header after it is still the budget's.
        let tables = try TableReader().readWorkbook(try Fixtures.fixture("libreoffice/filled-template-mof-2020.xlsx"))
        let evaluation = tables[0].result.evaluation
        #expect(evaluation.rules == "mof-2020")
        #expect(evaluation.form.implementer == "测试中心")
        #expect(evaluation.form.preparer == "王五")
        #expect(evaluation.budget.executed == 90)
        let card = try Evaluator().evaluate(evaluation, warnings: tables[0].result.warnings)
        // 10 × 90 ÷ 100 + 30 × 3 ÷ 4 + 20 + 30 + 10 = 9 + 22.5 + 60.
        #expect(card.total == dec("91.5"))
        #expect(card.diagnostics.filter { $0.severity != .note }.isEmpty)
    }

    /// A workbook written by a script (openpyxl, Fixtures/openpyxl/make) carries its formulas without their values:
    /// every 得分 cell and the 总分 a formula. The rows are still scored from their targets and actuals; each blank
    /// 得分 names its formula, and the other formula cells are named together.
    @Test func namesFormulasSavedWithoutTheirValues() throws {
        let bytes = try Fixtures.fixture("openpyxl/scored-by-formula.xlsx")
        let sheet = try Workbook(bytes).sheets[0]
        #expect(sheet.uncalculated.count == 11)
        #expect(sheet.uncalculated.first == Workbook.FormulaCell(row: 10, column: 5, formula: "D10/C10"))
        #expect(sheet.uncalculated.contains(Workbook.FormulaCell(row: 16, column: 7, formula: "MIN(D16,D16*E16/F16)")))
        let read = try TableReader().readWorkbook(bytes)[0].result
        let formulas = read.warnings.filter { $0.code == .uncalculatedFormula }
        #expect(formulas.map(\.path) == (0..<8).map { JSONPath.indicator($0).appending("published") } + [.root])
        #expect(read.places.describe(formulas[0].path) == "项目支出绩效自评表!G16 (indicators[0].published)")
        #expect(formulas[0].message.hasPrefix("the cell holds the formula =MIN(D16,D16*E16/F16) but no saved value, so it reads as blank"))
        #expect(formulas[8].message.hasPrefix("项目支出绩效自评表!E10, 项目支出绩效自评表!G10, 项目支出绩效自评表!G29 hold formulas but no saved value"))
        // 20 × 456.3 ÷ 480 = 19.01; 10 × 300 ÷ 312.5 = 9.6; 10 × 95 ÷ 100 = 9.5; the other rows full: 15 + 5 + 10 + 10 + 15 + 5.
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.total == dec("98.11"))
        #expect(card.evaluation.indicators.allSatisfy { $0.published == nil })
    }

    /// Scoring and `verify` exit 1 on such a workbook: its printed figures could not be compared. `verify` lists
    /// each unread cell under its one line.
    @Test func aFigureNotReadIsAFinding() throws {
        let file = "Tests/PerformanceKitTests/Fixtures/openpyxl/scored-by-formula.xlsx"
        #expect(runCommand([file]).status == .findings)
        let verify = runCommand(["verify", file])
        #expect(verify.status == .findings)
        let lines = verify.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 10)
        #expect(lines[0] == "\(file): no printed figures to verify")
        #expect(lines[1].hasPrefix("  unread 项目支出绩效自评表!G16 (indicators[0].published): the cell holds the formula =MIN(D16,D16*E16/F16) but no saved value"))
        #expect(lines[9].hasPrefix("  unread (file): 项目支出绩效自评表!E10, 项目支出绩效自评表!G10, 项目支出绩效自评表!G29 hold formulas"))
        #expect(runCommand(["verify", "examples/spreadsheets/05-zhengwu-fuwu.xlsx"]).status == .success)
        let json = runCommand(["verify", "--format", "json", file])
        #expect(json.status == .findings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let unread = try #require(object["unread"] as? [[String: Any]])
        #expect(unread.count == 9)
        #expect(unread.first?["path"] as? String == "indicators[0].published")
        #expect(unread.first?["code"] as? String == "uncalculated-formula")
        #expect(object["verification"] is NSNull)
        // The HTML and Markdown reports list them under 提示, by cell.
        let html = runCommand(["--format", "html", file])
        #expect(html.output.contains("<h2>提示</h2>\n<ul class=\"findings\">\n<li><b>警告</b> <code>uncalculated-formula</code> 项目支出绩效自评表!G16 (indicators[0].published)：the cell holds the formula =MIN(D16,D16*E16/F16) but no saved value"))
        let markdown = runCommand(["--format", "markdown", file])
        #expect(markdown.output.contains("\n提示：\n\n- **警告** `uncalculated-formula` 项目支出绩效自评表!G16 (indicators[0].published)：the cell holds the formula"))
        #expect(markdown.output.components(separatedBy: "- **警告** `uncalculated-formula`").count == 10)
        // A table whose only findings are notes (its rule read from its 10-point budget row) has no 提示.
        let ministry = try Fixtures.fixture("libreoffice/ministry-form.csv")
        let read = try TableReader().read(ministry)
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.diagnostics.contains { $0.code == .rulesInferred })
        #expect(!HTMLReport.render(card, places: read.places).contains("提示"))
        #expect(!MarkdownReport.render(card, places: read.places).contains("提示"))
        // The roll-up does not call it agreeing: its 9 unread cells are figures not compared.
        let summary = runCommand(["summary", file])
        #expect(summary.output.contains("\(file): printed —, recomputed 98.11 (9 not compared)"))
        #expect(!summary.output.contains("Every evaluation agrees"))
    }

    /// Two seed tables on the official form, stacked in one sheet by a script (Fixtures/openpyxl/make): each reads
    /// back to its published total with every printed figure agreeing, named by its rows.
    @Test func readsTwoOfficialFormsStackedInOneSheet() throws {
        let tables = try TableReader().readWorkbook(try Fixtures.fixture("openpyxl/stacked-forms.xlsx"))
        #expect(tables.map(\.sheet) == ["自评表 rows 1-24", "自评表 rows 27-47"])
        let cards = try tables.map { try Evaluator().evaluate($0.result.evaluation, warnings: $0.result.warnings) }
        #expect(cards.map(\.total) == [dec("99.75"), dec("100")])
        #expect(cards.allSatisfy { $0.verification?.agrees == true })
        #expect(cards.map(\.evaluation.title) == ["政务服务和政务公开能力建设运行费", "行政运行工作经费"])
        let result = runCommand(["verify", "Tests/PerformanceKitTests/Fixtures/openpyxl/stacked-forms.xlsx"])
        #expect(result.status == .success)
        #expect(result.output.split(separator: "\n").count == 2)
    }

    /// A target typed `=10` is stored as a formula by such a program: the empty target is named with the formula.
    @Test func explainsAnEmptyTargetByItsFormula() {
        let result = runCommand(["Tests/PerformanceKitTests/Fixtures/openpyxl/target-formula.xlsx"])
        #expect(result.status == .unusable)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("项目支出绩效自评表!E21 (indicators[3].target): the target is empty; give a target, a judgement or a score"))
        #expect(lines[1].hasSuffix("项目支出绩效自评表!E21 (indicators[3].target): the cell holds the formula =10 but no saved value, so it reads as blank: the workbook was written by a program that does not calculate; open it in Excel, WPS or LibreOffice and save it, or type the value"))
        #expect(lines[2].hasSuffix("not scored: 1 row(s) need a readable value, a judgement or a score"))
        // convert writes the JSON of the table as read, and says the cause by cell on standard error.
        let converted = runCommand(["convert", "Tests/PerformanceKitTests/Fixtures/openpyxl/target-formula.xlsx"])
        #expect(converted.status == .success)
        #expect(converted.output.contains("\"target\": \"\""))
        #expect(converted.error.contains("target-formula.xlsx: warning[uncalculated-formula] 项目支出绩效自评表!E21 (indicators[3].target): the cell holds the formula =10 but no saved value"))
        // The roll-up names the cell and the cause too.
        let summary = runCommand(["summary", "Tests/PerformanceKitTests/Fixtures/openpyxl/target-formula.xlsx"])
        #expect((summary.output + summary.error).contains("target-formula.xlsx: not scored: 项目支出绩效自评表!E21 (indicators[3].target): the target is empty; give a target, a judgement or a score (the cell holds the formula =10 but no saved value"))
    }

    /// A formula saved with its value, as Excel, WPS and LibreOffice save it, reads as the value and is no finding;
    /// one without, in a cell no field comes from, is named on its own.
    @Test func readsAFormulaByItsSavedValue() throws {
        var table = WorkbookBuilder.table
        table[4][6] = "=MIN(D5,D5*F5/E5)|50"
        table[5][6] = "=D6|30"
        let read = try TableReader().readWorkbook(WorkbookBuilder.workbook([("表", table)]))[0].result
        #expect(read.evaluation.indicators.map(\.published) == [dec("50"), dec("30")])
        #expect(!read.warnings.contains { $0.code == .uncalculatedFormula })
        table[2].append("=B3/B2")
        let other = try TableReader().readWorkbook(WorkbookBuilder.workbook([("表", table)]))[0].result
        #expect(other.warnings.filter { $0.code == .uncalculatedFormula }.map(\.message)
                == ["表!C3 holds a formula but no saved value, so it reads as blank: the workbook was written by a program that does not calculate; open it in Excel, WPS or LibreOffice and save it, or type the value"])
    }

    /// What systems export as `.xls` is read for what it is: an `.xlsx` under another name is read as a workbook
    /// (its bytes say so), an Excel 97–2003 or WPS file is named as one, and a web page or text named `.xls` is
    /// named as such, each with what to do; they read "the file is not UTF-8" or "not valid JSON" before.
    @Test func tellsWhatAFileNamedAsAWorkbookHolds() throws {
        let workbook = try Fixtures.bytes("examples/spreadsheets/05-zhengwu-fuwu.xlsx")
        let input = TableInput()
        #expect(input.form(for: "自评表.json", bytes: workbook) == .workbook(sheet: nil))
        #expect(input.form(for: "自评表.xls", bytes: workbook) == .workbook(sheet: nil))
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(input.form(for: "x.bin", bytes: compound) == .workbook(sheet: nil))
        #expect(input.form(for: "x.json", bytes: Array("{}".utf8)) == nil)
        #expect(TableInput(kind: .csv).form(for: "x.xlsx", bytes: workbook) == .delimited(.comma))
        func refusal(_ bytes: [UInt8]) -> String {
            do { _ = try TableReader().readWorkbook(bytes); return "read" } catch { return error.problems.map(\.message).joined() }
        }
        #expect(refusal(compound).hasPrefix("an Excel 97–2003 (.xls), WPS (.et) or password-protected workbook, which is not read: save it as .xlsx"))
        let page = Array("\u{FEFF}\n<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>项目名称</td></tr></table>".utf8)
        #expect(input.form(for: "导出.xls", bytes: page) == .workbook(sheet: nil))
        #expect(refusal(page).hasPrefix("a web page (HTML) or XML named as a workbook, as some systems export tables, not an .xlsx workbook: open it in Excel or WPS and save it as .xlsx"))
        #expect(refusal(Array("项目名称\t测试\n".utf8)).hasPrefix("text named as a workbook, not an .xlsx workbook: if it is a table saved as text, name it .csv or .tsv"))
        #expect(refusal(Array("项目名称\t测试\n".utf8)).contains("--input tsv"))
        let scored = runCommand(["examples/spreadsheets/05-zhengwu-fuwu.xlsx"])
        #expect(scored.status == .success)
    }

    @Test func saysWhatABlankFormLacks() {
        #expect(throws: TableReadError.self) { try TableReader().readWorkbook(FormTemplate.workbook(for: .wuhan2023)) }
    }

    @Test func writesTheTemplateFromTheCommandLine() {
        let csv = runCommand(["template", "--rules", "mof-2020", "--format", "csv"])
        #expect(csv.status == .success)
        #expect(csv.output.hasPrefix("\u{FEFF}项目支出绩效自评表"))
        #expect(runCommand(["template", "x.json"]).status == .unusable)
        #expect(runCommand(["template"]).error.contains("--format xlsx writes a workbook: give -o FILE.xlsx"))
        #expect(runCommand(["template", "--rules", "nope"]).status == .unusable)
    }
}

/// Issue 15's "done when": the official-form .xlsx and GB18030 CSV of each seed table read back to the published
/// score, row for row the same as the transcribed JSON.
@Suite("The seed tables on the official form")
struct OfficialFormTests {
    static let seeds = ["01-xingzheng-yunxing", "02-shiminzhijia-dalou", "03-zhengwu-fuwu", "04-zhihui-chengshi"]
    static let files = seeds.flatMap { ["examples/spreadsheets/forms/\($0).xlsx", "examples/spreadsheets/forms/\($0)-gb18030.csv"] }

    @Test(arguments: files)
    func readsBackRowForRow(_ file: String) throws {
        let seed = String(file.split(separator: "/").last!.prefix { $0 != "." }).replacingOccurrences(of: "-gb18030", with: "")
        let json = try Fixtures.scoreExample("examples/wuhan-2023/\(seed).json")
        let bytes = try Fixtures.bytes(file)
        if file.hasSuffix(".csv") { #expect(String(validating: bytes, as: UTF8.self) == nil) }  // GB18030, not UTF-8
        let read = file.hasSuffix(".xlsx") ? try TableReader().readWorkbook(bytes)[0].result : try TableReader().read(bytes)
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.total == json.evaluation.published?.total)
        #expect(card.verification?.agrees == true)
        let fields: (ScoreCard) -> [[String]] = { card in
            card.evaluation.indicators.map { [$0.category.rawValue, $0.subcategory?.rawValue ?? "", $0.name, $0.unit ?? "",
                                              $0.weight.description, $0.target, $0.actual ?? "", $0.reason ?? "",
                                              $0.published?.description ?? "—"] }
        }
        #expect(fields(card) == fields(json))
        #expect(card.indicators.map(\.score) == json.indicators.map(\.score))
        #expect(card.evaluation.title == json.evaluation.title)
        #expect(card.evaluation.agency == json.evaluation.agency)
        #expect(card.evaluation.year == json.evaluation.year)
    }
}

extension OfficialFormTests {
    /// The edge case of a Ministry-form table of 池州市贵池区 (2022, research/rules/jurisdictions.md): the
    /// 年度资金总额 row left 0 / 0 / 0 while 当年财政拨款 held 90 / 89.974, and the execution score printed 0 —
    /// scoring reads the total row only. The indicator rows here are made up around it (the research kept the
    /// budget rows only).
    @Test func scoresAnEmptyTotalRowAsThePublishedTableDidAndLintSaysWhy() throws {
        let read = try TableReader().read(try Fixtures.fixture("tables/ministry-form-empty-total-row.csv"))
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.budget.score == 0)
        #expect(card.total == 90)
        #expect(card.verification?.agrees == true)
        let findings = FundSourcesCheck().check(LintTable(name: "t.csv", evaluation: read.evaluation, profile: .mof2020))
        #expect(findings.map(\.path.description) == ["budget.initial", "budget.planned", "budget.executed"])
    }
}
