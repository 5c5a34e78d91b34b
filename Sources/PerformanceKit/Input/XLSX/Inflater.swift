/// Decompresses DEFLATE data (RFC 1951), as ZIP entries hold it: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Every code is decoded through one lookup table per Huffman code, indexed by the next `maximum length` bits of
/// the stream (codes are packed starting with their first bit, so the table is indexed by the bit-reversed code).
/// A code that is over-subscribed, a symbol the format reserves (286, 287, distances 30 and 31), a distance before
/// the start of the output, a stored block whose length and its complement disagree, or data that end before the
/// final block are all errors; so is output beyond `limit`, which keeps a small ZIP entry from expanding without
/// bound (a "ZIP bomb").
///
/// ```swift
/// let text = try Inflater.inflate(compressed[start..<end], limit: 64 << 20)
/// ```
struct Inflater {
    /// Why the data cannot be decompressed, in words.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The decompressed bytes of `data`, a raw DEFLATE stream (no zlib or gzip header).
    ///
    /// - Throws: ``Failure`` for damaged data or output beyond `limit` bytes.
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int, expectedSize: Int? = nil) throws(Failure) -> [UInt8] {
        var inflater = Inflater(bits: BitReader(data), limit: limit)
        if let expectedSize, expectedSize <= limit { inflater.output.reserveCapacity(expectedSize) }
        try inflater.run()
        return inflater.output
    }

    var bits: BitReader
    let limit: Int
    var output: [UInt8] = []

    mutating func run() throws(Failure) {
        var isFinal = false
        while !isFinal {
            isFinal = bits.take(1) == 1
            switch bits.take(2) {
            case 0: try storedBlock()
            case 1: try compressedBlock(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try compressedBlock(literals: literals, distances: distances)
            default: throw Failure(description: "a block of the reserved type 3")
            }
            if bits.isPastEnd { throw Failure(description: "the compressed data end before their last block") }
        }
    }

    /// A block copied as it stands: its length, the length's complement, the bytes.
    mutating func storedBlock() throws(Failure) {
        guard let header = bits.alignedBytes(4) else { throw Failure(description: "the compressed data end inside a stored block") }
        let length = Int(header[header.startIndex]) | Int(header[header.startIndex + 1]) << 8
        let complement = Int(header[header.startIndex + 2]) | Int(header[header.startIndex + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw Failure(description: "a stored block whose length and its complement disagree") }
        guard output.count + length <= limit else { throw tooLarge }
        guard let body = bits.alignedBytes(length) else { throw Failure(description: "the compressed data end inside a stored block") }
        output.append(contentsOf: body)
    }

    var tooLarge: Failure { Failure(description: "it expands to more than \(limit) bytes") }

    /// Literals and back-references until the end-of-block symbol.
    mutating func compressedBlock(literals: HuffmanTable, distances: HuffmanTable) throws(Failure) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                guard output.count < limit else { throw tooLarge }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw Failure(description: "the reserved length symbol \(symbol)") }
            let length = Self.lengthBase[lengthIndex] + Int(bits.take(Self.lengthExtra[lengthIndex]))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < 30 else { throw Failure(description: "the reserved distance symbol \(distanceSymbol)") }
            let distance = Self.distanceBase[distanceSymbol] + Int(bits.take(Self.distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw Failure(description: "a distance of \(distance) before the start of the data") }
            guard output.count + length <= limit else { throw tooLarge }
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
            if bits.isPastEnd { throw Failure(description: "the compressed data end inside a block") }
        }
    }

    /// The next symbol of `table`.
    mutating func decode(_ table: HuffmanTable) throws(Failure) -> Int {
        let entry = table.entries[Int(bits.peek(table.maximumLength))]
        let length = Int(entry & 0xF)
        guard length > 0 else { throw Failure(description: "a bit sequence that is no code of the block") }
        bits.skip(length)
        return Int(entry >> 4)
    }

    /// A dynamic block's header: the code-length code, then the literal/length and distance code lengths.
    mutating func dynamicCodes() throws(Failure) -> (HuffmanTable, HuffmanTable) {
        let literalCount = Int(bits.take(5)) + 257
        let distanceCount = Int(bits.take(5)) + 1
        let lengthCodeCount = Int(bits.take(4)) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw Failure(description: "a block declaring more codes than the format has") }
        var lengthCodeLengths = [UInt8](repeating: 0, count: 19)
        for position in 0..<lengthCodeCount {
            lengthCodeLengths[Self.codeLengthOrder[position]] = UInt8(bits.take(3))
        }
        let lengthCode = try HuffmanTable(lengths: lengthCodeLengths[...])
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            var repeated: UInt8 = 0
            var count = 0
            switch symbol {
            case 0..<16:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else { throw Failure(description: "a repeat of the previous code length before the first") }
                repeated = previous
                count = 3 + Int(bits.take(2))
            case 17: count = 3 + Int(bits.take(3))
            default: count = 11 + Int(bits.take(7))
            }
            guard lengths.count + count <= literalCount + distanceCount else { throw Failure(description: "code lengths that run past their count") }
            lengths.append(contentsOf: repeatElement(repeated, count: count))
            if bits.isPastEnd { throw Failure(description: "the compressed data end inside a block header") }
        }
        guard lengths[256] > 0 else { throw Failure(description: "a block without an end-of-block code") }
        return (try HuffmanTable(lengths: lengths[..<literalCount]), try HuffmanTable(lengths: lengths[literalCount...]))
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The code lengths of block type 1's fixed codes (RFC 1951 §3.2.6): constants, not a file's, which pass
    /// ``HuffmanTable/fits(_:)`` (a test checks them, and their counts per length).
    static let fixedLiteralLengths = ([UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
        + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8))[...]
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: 30)[...]

    /// The fixed codes, built without the check a block's own lengths need: nothing a file holds reaches them.
    static let fixedLiterals = HuffmanTable(fitting: fixedLiteralLengths)
    static let fixedDistances = HuffmanTable(fitting: fixedDistanceLengths)
}

/// A canonical Huffman code as a lookup table: entry `symbol << 4 | length` at every index whose low `length` bits
/// are the code, bit-reversed; 0 where no code begins.
struct HuffmanTable {
    let maximumLength: Int
    let entries: [UInt16]

    /// The code of the given lengths per symbol (0: the symbol has no code).
    ///
    /// - Throws: ``Inflater/Failure`` for an over-subscribed code (more codes of some length than can exist).
    init(lengths: ArraySlice<UInt8>) throws(Inflater.Failure) {
        guard Self.fits(lengths) else { throw Inflater.Failure(description: "an over-subscribed Huffman code") }
        self.init(fitting: lengths)
    }

    /// How many symbols have a code of each length, 1 to 15 (index 0 is kept 0).
    static func counts(_ lengths: ArraySlice<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        return counts
    }

    /// Whether the lengths form a code that is not over-subscribed: no more codes of any length than can exist.
    static func fits(_ lengths: ArraySlice<UInt8>) -> Bool {
        let counts = counts(lengths)
        var available = 1
        for length in 1...15 {
            available = available << 1 - counts[length]
            if available < 0 { return false }
        }
        return true
    }

    /// The code of lengths that ``fits(_:)``: a block's, once checked, or the fixed codes' constants.
    init(fitting lengths: ArraySlice<UInt8>) {
        let counts = Self.counts(lengths)
        let maximum = max(1, counts.lastIndex { $0 > 0 } ?? 1)
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        var table = [UInt16](repeating: 0, count: 1 << maximum)
        for (offset, length) in lengths.enumerated() where length > 0 {
            let size = Int(length)
            let code = next[size]
            next[size] += 1
            var reversed = 0
            for bit in 0..<size where code & (1 << bit) != 0 { reversed |= 1 << (size - 1 - bit) }
            let entry = UInt16(offset << 4 | size)
            var index = reversed
            while index < table.count {
                table[index] = entry
                index += 1 << size
            }
        }
        maximumLength = maximum
        entries = table
    }
}

/// The bits of a DEFLATE stream, first bit of each byte first. Reading past the end gives zeros and marks the
/// reader ``isPastEnd``, which the decoder checks at every block and back-reference.
struct BitReader {
    let bytes: ArraySlice<UInt8>
    var next: Int
    var buffer: UInt64 = 0
    var count = 0
    /// Zero bytes loaded after the end.
    var padding = 0

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        next = bytes.startIndex
    }

    /// Whether more bits were taken than the data hold.
    var isPastEnd: Bool { padding * 8 > count }

    mutating func refill() {
        while count <= 56 {
            if next < bytes.endIndex {
                buffer |= UInt64(bytes[next]) << UInt64(count)
                next += 1
            } else {
                padding += 1
            }
            count += 8
        }
    }

    /// The next `width` bits (at most 32) without taking them.
    mutating func peek(_ width: Int) -> UInt32 {
        if count < width { refill() }
        return UInt32(truncatingIfNeeded: buffer & ((1 << UInt64(width)) - 1))
    }

    mutating func skip(_ width: Int) {
        buffer >>= UInt64(width)
        count -= width
    }

    /// The next `width` bits as a number, first bit lowest.
    mutating func take(_ width: Int) -> UInt32 {
        guard width > 0 else { return 0 }
        let value = peek(width)
        skip(width)
        return value
    }

    /// `length` whole bytes after skipping to the next byte boundary, or `nil` when the data end first.
    mutating func alignedBytes(_ length: Int) -> ArraySlice<UInt8>? {
        skip(count % 8)
        // Give back the whole bytes still buffered, then read straight from the data.
        let buffered = count / 8 - padding
        guard buffered >= 0 else { return nil }
        let start = next - buffered
        buffer = 0
        count = 0
        padding = 0
        guard start + length <= bytes.endIndex else { return nil }
        next = start + length
        return bytes[start..<(start + length)]
    }
}
