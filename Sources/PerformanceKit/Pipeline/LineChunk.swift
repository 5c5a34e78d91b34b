/// Lines of JSON Lines input handed to the cores together: the buffers they were read into, and where each line
/// stands in them.
///
/// A line is a place in a buffer (a piece read from the input, or a line carried over from the end of the piece
/// before), not a slice of it: a slice holds a reference to its buffer, and the reading thread making one per line
/// while the cores let go of theirs made every core wait on the same reference count. The cores read the lines
/// through the buffers' addresses, taken once per run of lines.
package struct LineChunk: Sendable {
    /// The buffers the lines are in.
    private var buffers: [[UInt8]] = []
    /// Each line: its buffer's index in ``buffers`` and its bytes' range there, without the newline.
    private var places: [(buffer: Int, range: Range<Int>)] = []
    /// The lines' bytes, summed.
    package private(set) var byteCount = 0

    /// An empty chunk.
    package init() {}

    /// The number of lines.
    package var count: Int { places.count }
    /// Whether the chunk holds no line.
    package var isEmpty: Bool { places.isEmpty }

    /// Adds a buffer that lines are in, and returns its index for ``append(line:in:)``.
    package mutating func add(_ buffer: [UInt8]) -> Int {
        buffers.append(buffer)
        return buffers.count - 1
    }

    /// Adds the line at `range` of the buffer at `index`.
    package mutating func append(line range: Range<Int>, in index: Int) {
        places.append((index, range))
        byteCount += range.count
    }

    /// Adds a line that is a buffer of its own (a line carried over from the end of one piece into the next).
    package mutating func append(wholeLine line: [UInt8]) {
        append(line: 0..<line.count, in: add(line))
    }

    /// The bytes of the lines at `positions`, summed.
    func byteCount(in positions: Range<Int>) -> Int {
        places[positions].reduce(0) { $0 + $1.range.count }
    }

    /// Empties the chunk for the next lines, with room for as many (a chunk already begun keeps its own copy).
    package mutating func removeAll() {
        buffers.removeAll(keepingCapacity: true)
        places.removeAll(keepingCapacity: true)
        byteCount = 0
    }

    /// Calls `body` with the position and the bytes of each line of `positions`, in order; the bytes are valid only
    /// during the call. A buffer's address is taken once for the lines in it that follow one another.
    func forEachLine(in positions: Range<Int>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        var position = positions.lowerBound
        while position < positions.upperBound {
            let buffer = places[position].buffer
            buffers[buffer].withUnsafeBufferPointer { bytes in
                while position < positions.upperBound, places[position].buffer == buffer {
                    body(position, UnsafeBufferPointer(rebasing: bytes[places[position].range]))
                    position += 1
                }
            }
        }
    }
}
