/// JSON Lines (`.jsonl`, `.ndjson`): one evaluation per line, as `perfscore --jsonl` reads a batch and the other
/// jobs read a file of several tables (`FILE[line 3]`).
///
/// A file is read a line at a time, from the pieces it is read in, and each line is read as a file's one evaluation
/// with a copy of its own bytes alone (``TextStore/init(source:)`` over the line): a caller that lets go of each line's
/// result holds one line at a time, whatever the size of the file. Blank lines are passed over; a line that is not
/// JSON fails on its own, the others stay readable; a finding's line and column (and a bad byte's offset) are the
/// file's.
extension EvaluationReader {
    /// A longer line fails as it is read, so that memory stays bounded whatever the input: an evaluation is a few
    /// kilobytes, and even one of a thousand rows of long names is well under 1 MB.
    package static let longestLine = 8 << 20

    /// Every line's number (1-based) and result, in order.
    package func readLines(_ bytes: [UInt8]) -> [(line: Int, result: Swift.Result<Result, EvaluationFileError>)] {
        var lines: [(line: Int, result: Swift.Result<Result, EvaluationFileError>)] = []
        forEachLine(pieces: Self.onePiece(bytes)) { lines.append(($0, $1)) }
        return lines
    }

    /// Bytes in memory as the pieces of a file: all of them at the first call, nothing after.
    package static func onePiece(_ bytes: [UInt8]) -> () -> [UInt8] {
        var given = false
        return {
            defer { given = true }
            return given ? [] : bytes
        }
    }

    /// Each line of a file read in pieces (`next` gives the next piece, empty at the end), its number and result
    /// handed to `body` in turn. Only a line that runs on from one piece into the next is copied before it is read.
    package func forEachLine(pieces next: () -> [UInt8], _ body: (_ line: Int, _ result: Swift.Result<Result, EvaluationFileError>) -> Void) {
        var number = 1
        // Where the next line starts in the file.
        var offset = 0
        // The start of a line that an earlier piece left unfinished, and its length so far: past ``longestLine`` the
        // rest is counted, not kept.
        var carry: [UInt8] = []
        var carried = 0
        func line(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) {
            if length > Self.longestLine {
                body(number, .failure(EvaluationFileError(problems: [.invalidValue(.root,
                    expected: "a line of at most \(Self.longestLine) bytes (one evaluation)", found: "a line of \(length) bytes",
                    location: TextLocation(line: number, column: 1))])))
            } else if !Self.isBlankLine(bytes, startsTheFile: offset == 0) {
                body(number, readLine(bytes, number: number, offset: offset))
            }
            number += 1
            offset += length + 1
        }
        while case let piece = next(), !piece.isEmpty {
            piece.withUnsafeBufferPointer { buffer in
                var start = 0
                while let newline = buffer[start...].firstIndex(of: 0x0A) {
                    let part = UnsafeBufferPointer(rebasing: buffer[start..<newline])
                    if carried == 0 {
                        line(part, length: part.count)
                    } else {
                        if carried <= Self.longestLine { carry += part }
                        carry.withUnsafeBufferPointer { line($0, length: carried + part.count) }
                        carry.removeAll()
                        carried = 0
                    }
                    start = newline + 1
                }
                carried += buffer.count - start
                if carried <= Self.longestLine {
                    carry += buffer[start...]
                } else {
                    carry.removeAll()
                }
            }
        }
        if carried > 0 { carry.withUnsafeBufferPointer { line($0, length: carried) } }
    }

    /// One line read as a file's one evaluation, its texts kept in a copy of the line; its findings placed in the
    /// file, the line being line `number` and starting at byte `offset`.
    private func readLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) -> Swift.Result<Result, EvaluationFileError> {
        let requiresActuals = self.requiresActuals
        let store = TextStore(source: line)
        // The line's own problems (a missing field) and JSON that does not hold together are placed alike.
        let result: Swift.Result<Result, EvaluationFileError>
        do {
            result = try JSONScanner.document(line, endName: "the end of the line", startsTheFile: offset == 0) {
                (scanner: inout JSONScanner) throws(JSONScanner.Problem) in
                try Self.element(&scanner, requiresActuals: requiresActuals, store: store)
            }
        } catch {
            result = .failure(error)
        }
        return result.mapError { EvaluationFileError(problems: $0.problems.map { $0.placed(line: number, offset: offset) }) }
    }

    /// Whether a line holds only spaces, tabs, a carriage return (CRLF) or, first in the file, a byte-order mark.
    private static func isBlankLine(_ line: UnsafeBufferPointer<UInt8>, startsTheFile: Bool) -> Bool {
        var index = 0
        if startsTheFile, line.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < line.count {
            guard line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D else { return false }
            index += 1
        }
        return true
    }
}

extension EvaluationFileError.Problem {
    /// The problem of a line read on its own, placed in its file: the line being line `line` of the file and
    /// starting at byte `offset`.
    func placed(line: Int, offset: Int) -> Self {
        func moved(_ location: TextLocation) -> TextLocation {
            location == .unknown ? location : TextLocation(line: location.line + line - 1, column: location.column)
        }
        switch self {
        case .notUTF8(let byte, let location): return .notUTF8(byteOffset: byte + offset, location: moved(location))
        case .syntax(let expected, let found, let location): return .syntax(expected: expected, found: found, location: moved(location))
        case .nestingTooDeep(let limit, let location): return .nestingTooDeep(limit: limit, location: moved(location))
        case .unsupportedFormat(let found, let location): return .unsupportedFormat(found: found, location: moved(location))
        case .missingField(let path, let expected, let location): return .missingField(path, expected: expected, location: moved(location))
        case .wrongType(let path, let expected, let found, let location):
            return .wrongType(path, expected: expected, found: found, location: moved(location))
        case .invalidValue(let path, let expected, let found, let location):
            return .invalidValue(path, expected: expected, found: found, location: moved(location))
        case .duplicateField(let path, let location): return .duplicateField(path, location: moved(location))
        }
    }
}
