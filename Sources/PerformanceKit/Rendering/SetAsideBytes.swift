/// Bytes put aside and taken back once, in the order they were put: where a workbook's sheets wait until the parts
/// that list them, which come first in the archive, are written (``XLSXReport/Writer``).
///
/// In memory by default (``inMemory()``). A program may give a file instead: `perfscore` gives a temporary file beside
/// the report, removed from its folder as soon as it is made, so that a workbook of any number of sheets is made in
/// bounded memory.
///
/// ```swift
/// let aside = SetAsideBytes.inMemory()
/// try aside.put(Array("sheet 1".utf8))
/// try aside.put(Array("sheet 2".utf8))
/// try aside.take(7)   // "sheet 1"
/// ```
package struct SetAsideBytes {
    /// Puts bytes aside, after those put before; throws why it could not (a full disk).
    package var put: ([UInt8]) throws -> Void
    /// Takes back the next `count` bytes put aside; throws why it could not, or ``Shortfall`` when fewer are left.
    package var take: (_ count: Int) throws -> [UInt8]

    /// Bytes put aside by `put` and taken back by `take`.
    package init(put: @escaping ([UInt8]) throws -> Void, take: @escaping (_ count: Int) throws -> [UInt8]) {
        self.put = put
        self.take = take
    }

    /// Fewer bytes were left than were asked for.
    package struct Shortfall: Error, CustomStringConvertible {
        package var asked: Int
        package var left: Int

        package var description: String {
            "\(asked) bytes were asked for, \(left) left"
        }
    }

    /// Bytes kept in memory, each piece as it was put and let go of once taken back.
    package static func inMemory() -> SetAsideBytes {
        let pieces = Pieces()
        return SetAsideBytes(put: { pieces.put($0) }, take: { try pieces.take($0) })
    }

    /// The pieces put aside in memory, and how far they were taken back.
    private final class Pieces {
        private var pieces: [[UInt8]] = []
        /// The first piece not taken back whole, and how many of its bytes were.
        private var next = 0
        private var offset = 0

        func put(_ bytes: [UInt8]) {
            pieces.append(bytes)
        }

        func take(_ count: Int) throws -> [UInt8] {
            var taken: [UInt8] = []
            taken.reserveCapacity(count)
            while taken.count < count, next < pieces.count {
                let wanted = count - taken.count
                let left = pieces[next].count - offset
                if left <= wanted {
                    taken += pieces[next][offset...]
                    pieces[next] = []
                    next += 1
                    offset = 0
                } else {
                    taken += pieces[next][offset..<(offset + wanted)]
                    offset += wanted
                }
            }
            guard taken.count == count else { throw Shortfall(asked: count, left: taken.count) }
            return taken
        }
    }
}
