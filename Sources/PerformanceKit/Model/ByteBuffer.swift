/// Bytes written one after another into memory of their own: what the JSON writer writes, and the words of an
/// explanation.
///
/// Appending a byte is a store and an increment once there is room; the room doubles when it runs out. A buffer
/// has one owner (it cannot be copied), so no append asks whether its memory is shared, as an array's does: a
/// result line is a few hundred appends, and that question had cost as much as the writing.
package struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// The bytes written so far.
    package private(set) var count: Int
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    package init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    deinit {
        base.deallocate()
    }

    /// Room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }

    /// Whether `extra` more bytes fit without growing.
    @inline(__always)
    func hasRoom(_ extra: Int) -> Bool {
        count + extra <= capacity
    }

    /// Appends a JSON key, `"name":` (after a comma when `comma`), whose name is 4 to 16 bytes, where there is room
    /// for it (``hasRoom(_:)``, the name's count + 4): a store per punctuation and two overlapping word copies for the
    /// name, with no call and no check, which is what most keys of a result take.
    @inline(__always)
    mutating func appendReservedKey(_ name: UnsafePointer<UInt8>, count length: Int, comma: Bool) {
        var target = base + count
        if comma {
            target.pointee = UInt8(ascii: ",")
            target += 1
        }
        target.pointee = UInt8(ascii: "\"")
        Self.copyShort(from: name, to: target + 1, count: length)
        target[length + 1] = UInt8(ascii: "\"")
        target[length + 2] = UInt8(ascii: ":")
        count = base.distance(to: target) + length + 3
    }

    /// Appends one byte where room was made beforehand (``reserve(_:)``).
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends one byte.
    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends bytes: a short run (a key, a word, a figure) by two overlapping loads and stores, a long one at once.
    @inline(__always)
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0, let source = bytes.baseAddress else { return }
        reserve(length)
        let target = base + count
        switch length {
        case 4...16:
            Self.copyShort(from: source, to: target, count: length)
        case 1...3:
            for offset in 0..<length { target[offset] = source[offset] }
        default:
            target.initialize(from: source, count: length)
        }
        count += length
    }

    /// Copies 4 to 16 bytes by two overlapping loads and stores (words of 8 bytes from 8 up, of 4 below), with no
    /// call and no loop.
    @inline(__always)
    private static func copyShort(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count length: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if length >= 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (to + length - 8).storeBytes(of: (from + length - 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            (to + length - 4).storeBytes(of: (from + length - 4).loadUnaligned(as: UInt32.self), as: UInt32.self)
        }
    }

    /// Appends the bytes of an array.
    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the bytes of a static text.
    @inline(__always)
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends the UTF-8 bytes of a string (read in place; a bridged or lazy string is made contiguous first).
    @inline(__always)
    package mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Keeps the first `length` bytes.
    package mutating func truncate(to length: Int) {
        count = min(count, max(length, 0))
    }

    /// The text written, as a string.
    package var text: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` over the bytes written.
    package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array.
    package var array: [UInt8] {
        withBytes { Array($0) }
    }
}
