import Foundation

/// A growable run of bytes written through a raw pointer: the fast lane writes each result here (literal words,
/// slices of the line, digits) and then hands it to the chunk's buffer in one copy.
///
/// `Array.append(contentsOf:)` costs a capacity check and a generic call per piece, and a result has some two
/// hundred pieces; here a piece is a bounds check and a `memcpy`.
final class ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    init(capacity: Int = 1 << 14) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Forgets what was written, keeping the memory.
    func removeAll() {
        count = 0
    }

    /// The bytes written, valid until the next write.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    @inline(__always)
    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var larger = capacity * 2
        while count + more > larger { larger *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = larger
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ literal: StaticString) {
        let length = literal.utf8CodeUnitCount
        reserve(length)
        (base + count).update(from: literal.utf8Start, count: length)
        count += length
    }

    @inline(__always)
    func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        append(UnsafeBufferPointer(rebasing: bytes))
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends what an earlier stretch of this sink holds (an explanation written while scoring).
    func appendCopy(of range: Range<Int>) {
        reserve(range.count)
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Appends `value ÷ 10^scale` in plain digits, trailing zeros after the point dropped (as
    /// ``Foundation/Decimal/plainText`` prints it): `3.2`, `20`, `0.75`.
    func appendDecimal(_ value: Int64, scale: Int) {
        var rest = value
        var places = scale
        while places > 0, rest % 10 == 0 {
            rest /= 10
            places -= 1
        }
        // Digits from the right, at most 19 of them plus leading zeros before the point.
        var digits = 0
        var probe = rest
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        let width = max(digits, places + 1)
        let length = width + (places > 0 ? 1 : 0)
        reserve(length)
        var position = count + length - 1
        for place in 0..<width {
            if places > 0, place == places {
                base[position] = UInt8(ascii: ".")
                position -= 1
            }
            base[position] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
            rest /= 10
            position -= 1
        }
        count += length
    }
}

extension ByteSink {
    @inline(__always)
    static func += (sink: ByteSink, literal: StaticString) {
        sink.append(literal)
    }
}
